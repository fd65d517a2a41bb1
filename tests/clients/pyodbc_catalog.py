#!/usr/bin/python3
"""pyodbc's catalog calls (the W forms of the catalog functions) against the test server through
rsodbc: cursor.tables, columns, primaryKeys, foreignKeys, statistics, rowIdColumns, procedures,
procedureColumns, getTypeInfo over a fixture schema, read through pyodbc's Row objects. TAP.

Reads the environment scripts/check.sh exports; with RS_PRELOAD set (sanitizer build) it
re-executes itself with the AddressSanitizer runtime preloaded."""

import faulthandler
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from rstap import Tap, reexec_with_preload, require_env  # noqa: E402


REQUIRED = ('RS_PG_PORT', 'RS_PG_SOCKDIR', 'RS_CA_FILE', 'ODBCSYSINI', 'ODBCINI')
SCHEMA = 'cat_pyodbc'


def conn_str():
    env = os.environ
    return ('DRIVER={rsodbc};'
            f'Server=127.0.0.1;Port={env["RS_PG_PORT"]};Database={env.get("RS_PG_DATABASE", "rstest")};'
            f'UID=rs_md5;PWD=md5-secret-1;SSLMode=verify-full;CaFile={env["RS_CA_FILE"]};LoginTimeout=10')


def superuser_sql(sql):
    """Superuser SQL through the driver itself, over the Unix socket (trust): no child process,
    which a sanitizer-preloaded interpreter could hang in between fork and exec."""
    import pyodbc
    env = os.environ
    cs = ('DRIVER={rsodbc};'
          f'Server={env["RS_PG_SOCKDIR"]};Port={env["RS_PG_PORT"]};'
          f'Database={env.get("RS_PG_DATABASE", "rstest")};UID={env.get("RS_PG_SUPERUSER", "rsadmin")};'
          'SSLMode=disable;LoginTimeout=10')
    cn = pyodbc.connect(cs, autocommit=True, timeout=10)
    try:
        cn.cursor().execute(sql)
    finally:
        cn.close()


FIXTURE = [
    f'CREATE TABLE {SCHEMA}.parent (a int, b varchar(10), PRIMARY KEY (a, b))',
    f'CREATE TABLE {SCHEMA}."Kind_Ä" (id int PRIMARY KEY, x int, y varchar(10), note text, '
    f'  FOREIGN KEY (x, y) REFERENCES {SCHEMA}.parent (a, b) ON DELETE CASCADE)',
    f'CREATE INDEX kind_note ON {SCHEMA}."Kind_Ä" (note)',
    f'CREATE VIEW {SCHEMA}.v AS SELECT a FROM {SCHEMA}.parent',
    f"CREATE FUNCTION {SCHEMA}.f(p int, q text) RETURNS numeric AS 'SELECT 1::numeric' LANGUAGE sql",
    f"CREATE PROCEDURE {SCHEMA}.pr(INOUT a int) LANGUAGE sql AS 'SELECT 1'",
]


def main():
    if not require_env(REQUIRED):
        return 0
    reexec_with_preload()
    faulthandler.dump_traceback_later(240, exit=True)
    import pyodbc

    t = Tap()
    pyodbc.pooling = False
    superuser_sql(f'DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA} AUTHORIZATION rs_md5')
    cn = pyodbc.connect(conn_str(), autocommit=True, timeout=10)
    cur = cn.cursor()
    for sql in FIXTURE:
        cur.execute(sql)
    kind = 'Kind_Ä'

    def names():
        return [d[0].upper() for d in cur.description]

    t.check_eq('cursor.tables(schema): rows in TABLE_TYPE, name order',
            lambda: ([(r.table_schem, r.table_name, r.table_type) for r in cur.tables(schema=SCHEMA)],
                     [(SCHEMA, kind, 'TABLE'), (SCHEMA, 'parent', 'TABLE'), (SCHEMA, 'v', 'VIEW')]))
    t.check_eq('cursor.tables columns',
            lambda: (cur.tables(schema=SCHEMA) and names(),
                     ['TABLE_CAT', 'TABLE_SCHEM', 'TABLE_NAME', 'TABLE_TYPE', 'REMARKS']))
    t.check_eq('cursor.tables(tableType=VIEW)',
            lambda: ([r.table_name for r in cur.tables(schema=SCHEMA, tableType='VIEW')], ['v']))
    t.check_eq('cursor.tables(table=Kind\\_%): escaped underscore, non-ASCII name back',
            lambda: ([r.table_name for r in cur.tables(table='Kind\\_%', schema=SCHEMA)], [kind]))

    t.check_eq('cursor.columns: names, types and positions',
            lambda: ([(r.column_name, r.data_type, r.type_name, r.column_size, r.ordinal_position, r.is_nullable)
                      for r in cur.columns(table=kind, schema=SCHEMA)],
                     [('id', 4, 'int4', 10, 1, 'NO'), ('x', 4, 'int4', 10, 2, 'YES'),
                      ('y', 12, 'varchar', 10, 3, 'YES'),
                      ('note', _type_info_data_type(cn, 'text'), 'text', _size_of(cn, 'note'), 4, 'YES')]))

    t.check_eq('cursor.primaryKeys',
            lambda: ([(r.table_name, r.column_name, r.key_seq, r.pk_name)
                      for r in cur.primaryKeys('parent', schema=SCHEMA)],
                     [('parent', 'a', 1, 'parent_pkey'), ('parent', 'b', 2, 'parent_pkey')]))
    fk_rows = [('parent', 'a', kind, 'x', 1, 0), ('parent', 'b', kind, 'y', 2, 0)]
    t.check_eq('cursor.foreignKeys(table=parent): keys referring to it',
            lambda: ([(r.pktable_name, r.pkcolumn_name, r.fktable_name, r.fkcolumn_name, r.key_seq, r.delete_rule)
                      for r in cur.foreignKeys(table='parent', schema=SCHEMA)], fk_rows))
    t.check_eq('cursor.foreignKeys(foreignTable=Kind_Ä): its keys',
            lambda: ([(r.pktable_name, r.pkcolumn_name, r.fktable_name, r.fkcolumn_name, r.key_seq, r.delete_rule)
                      for r in cur.foreignKeys(foreignTable=kind, foreignSchema=SCHEMA)], fk_rows))
    t.check_eq('cursor.foreignKeys columns',
            lambda: (cur.foreignKeys(table='parent', schema=SCHEMA) and names(),
                     ['PKTABLE_CAT', 'PKTABLE_SCHEM', 'PKTABLE_NAME', 'PKCOLUMN_NAME', 'FKTABLE_CAT',
                      'FKTABLE_SCHEM', 'FKTABLE_NAME', 'FKCOLUMN_NAME', 'KEY_SEQ', 'UPDATE_RULE', 'DELETE_RULE',
                      'FK_NAME', 'PK_NAME', 'DEFERRABILITY']))

    t.check_eq('cursor.statistics: table row, unique index, then the other',
            lambda: ([(r.non_unique, r.index_name, r.type, r.ordinal_position, r.column_name)
                      for r in cur.statistics(kind, schema=SCHEMA)],
                     [(None, None, 0, None, None), (0, 'Kind_Ä_pkey', 3, 1, 'id'), (1, 'kind_note', 3, 1, 'note')]))
    t.check_eq('cursor.statistics(unique=True)',
            lambda: ([r.index_name for r in cur.statistics(kind, schema=SCHEMA, unique=True)],
                     [None, 'Kind_Ä_pkey']))
    t.check_eq('cursor.rowIdColumns: the primary key',
            lambda: ([(r.scope, r.column_name, r.data_type) for r in cur.rowIdColumns(kind, schema=SCHEMA)],
                     [(2, 'id', 4)]))
    t.check_eq('cursor.rowVerColumns: none',
            lambda: (cur.rowVerColumns(kind, schema=SCHEMA).fetchall(), []))

    t.check_eq('cursor.procedures: function and procedure',
            lambda: ([(r.procedure_schem, r.procedure_name, r.procedure_type)
                      for r in cur.procedures(schema=SCHEMA)],
                     [(SCHEMA, 'f', 2), (SCHEMA, 'pr', 1)]))
    t.check_eq('cursor.procedureColumns(f): return value, then the arguments',
            lambda: ([(r.column_name, r.column_type, r.data_type, r.ordinal_position)
                      for r in cur.procedureColumns(procedure='f', schema=SCHEMA)],
                     [('', 5, 2, 0), ('p', 1, 4, 1), ('q', 1, _type_info_data_type(cn, 'text'), 2)]))
    t.check_eq('cursor.procedureColumns(pr): INOUT',
            lambda: ([(r.column_name, r.column_type) for r in cur.procedureColumns(procedure='pr', schema=SCHEMA)],
                     [('a', 2)]))

    def type_info():
        rows = cur.getTypeInfo(pyodbc.SQL_INTEGER).fetchall()
        return [(r.type_name, r.data_type, r.column_size) for r in rows], [('int4', 4, 10)]
    t.check_eq('cursor.getTypeInfo(SQL_INTEGER)', type_info)

    def type_info_all():
        rows = cur.getTypeInfo().fetchall()
        dts = [r.data_type for r in rows]
        return (len(rows) >= 20 and dts == sorted(dts), len(names()) == 19), (True, True)
    t.check_eq('cursor.getTypeInfo(): 19 columns, ordered by DATA_TYPE', type_info_all)

    cur.close()
    cn.close()
    superuser_sql(f'DROP SCHEMA IF EXISTS {SCHEMA} CASCADE')
    print(f'1..{t.n}')
    return 1 if t.failed else 0


def _type_info_data_type(cn, type_name):
    """DATA_TYPE of a type as SQLGetTypeInfo lists it (the one type table)."""
    c = cn.cursor()
    rows = [r for r in c.getTypeInfo() if r.type_name == type_name]
    c.close()
    return rows[0].data_type if rows else None


def _size_of(cn, column):
    """The column size SQLDescribeCol reports for a column of the fixture table."""
    c = cn.cursor()
    c.execute(f'SELECT {column} FROM {SCHEMA}."Kind_Ä"')
    size = c.description[0][3]
    c.fetchall()
    c.close()
    return size


if __name__ == '__main__':
    sys.exit(main())
