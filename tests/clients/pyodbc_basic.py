#!/usr/bin/python3
"""pyodbc (Debian's python3-pyodbc, SQLDriverConnectW and the W calls) against the test server
through rsodbc: transactions, parameter types, non-ASCII text, cursor.description. TAP.

Reads the environment scripts/check.sh exports (RS_PG_*, RS_CA_FILE, ODBCSYSINI, ODBCINI); with
RS_PRELOAD set (sanitizer build) it re-executes itself with the AddressSanitizer runtime preloaded,
since /usr/bin/python3 is not built with it."""

import datetime
import decimal
import faulthandler
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from rstap import Tap, reexec_with_preload, require_env  # noqa: E402


REQUIRED = ('RS_PG_PORT', 'RS_PG_SOCKDIR', 'RS_CA_FILE', 'ODBCSYSINI', 'ODBCINI')


def conn_str(user, password, host='127.0.0.1'):
    env = os.environ
    return ('DRIVER={rsodbc};'
            f'Server={host};Port={env["RS_PG_PORT"]};Database={env.get("RS_PG_DATABASE", "rstest")};'
            f'UID={user};PWD={password};SSLMode=verify-full;CaFile={env["RS_CA_FILE"]};LoginTimeout=10')


def main():
    if not require_env(REQUIRED):
        return 0
    reexec_with_preload()
    # A driver call that never returns must not hang the suite: dump the stacks and exit.
    faulthandler.dump_traceback_later(240, exit=True)
    import pyodbc

    t = Tap()
    table = f'rs_cli_pyodbc_{os.getpid()}'
    pyodbc.pooling = False

    cn = None
    try:
        cn = pyodbc.connect(conn_str('rs_md5', 'md5-secret-1'), autocommit=False, timeout=10)
    except Exception as e:  # noqa: BLE001
        t.ok(False, 'connect with a connection string (SQLDriverConnectW)', f'{type(e).__name__}: {e}')
        print('Bail out! no connection')
        print(f'1..{t.n}')
        return 1
    t.ok(True, 'connect with a connection string (SQLDriverConnectW)')

    other = None
    try:
        other = pyodbc.connect(conn_str('rs_scram', 'scram-secret-1', host='localhost'),
                               autocommit=True, timeout=10)
        t.ok(True, 'a second connection (SCRAM, Server=localhost, verify-full)')
    except Exception as e:  # noqa: BLE001
        t.ok(False, 'a second connection (SCRAM, Server=localhost, verify-full)', f'{type(e).__name__}: {e}')

    cur = cn.cursor()
    t.check('autocommit is off', lambda: (cn.autocommit is False, cn.autocommit))
    t.check('SELECT current_user', lambda: (lambda v: (v == 'rs_md5', v))(
        cur.execute('SELECT current_user').fetchone()[0]))

    def create():
        cur.execute(f'DROP TABLE IF EXISTS {table}')
        cur.execute(f'CREATE TABLE {table} (id integer NOT NULL, f double precision, s varchar(100), '
                    'n numeric(12,4), d date, ts timestamp, b bytea)')
        # The second connection (another user) reads it to see what was committed.
        cur.execute(f'GRANT SELECT ON {table} TO PUBLIC')
        cn.commit()
        return True
    t.check('CREATE TABLE, GRANT and commit', create)

    def other_count(where='true'):
        oc = other.cursor()
        return oc.execute(f'SELECT count(*) FROM {table} WHERE {where}').fetchone()[0]

    # Insert + commit: another session sees the row only after the commit.
    def insert_commit():
        cur.execute(f'INSERT INTO {table} (id, s) VALUES (1, ?)', 'committed')
        before = other_count('id = 1')
        cn.commit()
        after = other_count('id = 1')
        return (before, after) == (0, 1), f'other session saw {before} before commit, {after} after'
    t.check('insert + commit: invisible to others until committed, then visible', insert_commit)

    # Insert + rollback: the row is gone, for us and for others.
    def insert_rollback():
        cur.execute(f'INSERT INTO {table} (id, s) VALUES (2, ?)', 'rolled back')
        mine = cur.execute(f'SELECT count(*) FROM {table} WHERE id = 2').fetchone()[0]
        cn.rollback()
        after = cur.execute(f'SELECT count(*) FROM {table} WHERE id = 2').fetchone()[0]
        theirs = other_count('id = 2')
        return (mine, after, theirs) == (1, 0, 0), f'in transaction {mine}, after rollback {after}, others {theirs}'
    t.check('insert + rollback: the row disappears', insert_rollback)

    def rowcount():
        cur.executemany(f'INSERT INTO {table} (id, s) VALUES (?, ?)',
                        [(10, 'ten'), (11, 'eleven'), (12, 'twelve')])
        cur.execute(f'UPDATE {table} SET f = 0.5 WHERE id >= 10')
        n = cur.rowcount
        cn.commit()
        return n == 3, f'rowcount {n}'
    t.check('executemany inserts, UPDATE rowcount is 3', rowcount)

    # Parameters of every common Python type, read back exactly.
    values = {
        'id': 100,
        'f': 1234.5625,
        's': 'plain text',
        'n': decimal.Decimal('-12345678.9012'),
        'd': datetime.date(2024, 2, 29),
        'ts': datetime.datetime(2024, 2, 29, 23, 59, 58, 123456),
        'b': b'\x00\x01\x02\xff\xfe binary \x00',
    }

    def params_roundtrip():
        cur.execute(f'INSERT INTO {table} (id, f, s, n, d, ts, b) VALUES (?, ?, ?, ?, ?, ?, ?)',
                    values['id'], values['f'], values['s'], values['n'], values['d'], values['ts'],
                    values['b'])
        cn.commit()
        return True
    t.check('INSERT with int, float, str, Decimal, date, datetime, bytes parameters', params_roundtrip)

    row = None
    try:
        row = cur.execute(f'SELECT id, f, s, n, d, ts, b FROM {table} WHERE id = ?', 100).fetchone()
    except Exception as e:  # noqa: BLE001
        t.ok(False, 'SELECT the row back', f'{type(e).__name__}: {e}')
    for i, (name, want) in enumerate(values.items()):
        if row is None:
            t.ok(False, f'parameter {name} ({type(want).__name__}) round trip', 'no row')
            continue
        got = row[i]
        if isinstance(want, bytes) and isinstance(got, (bytes, bytearray)):
            got = bytes(got)
        t.ok(got == want and type(got) is type(want),
             f'parameter {name} ({type(want).__name__}) round trip',
             f'sent {want!r}, got {got!r}')

    # None binds as SQL NULL.
    def null_param():
        cur.execute(f'INSERT INTO {table} (id, f, s, n, d, ts, b) VALUES (?, ?, ?, ?, ?, ?, ?)',
                    101, None, None, None, None, None, None)
        cn.commit()
        r = cur.execute(f'SELECT f, s, n, d, ts, b FROM {table} WHERE id = 101').fetchone()
        server = other.cursor().execute(
            f'SELECT count(*) FROM {table} WHERE id = 101 AND f IS NULL AND s IS NULL AND n IS NULL '
            'AND d IS NULL AND ts IS NULL AND b IS NULL').fetchone()[0]
        return (tuple(r) == (None,) * 6 and server == 1), f'read back {tuple(r)!r}, all-NULL rows on the server: {server}'
    t.check('None parameters are stored and read back as NULL', null_param)

    # Non-ASCII text both ways, checked by the server's own character count too.
    samples = {'latin': 'Grüße', 'cjk': '日本語', 'emoji': '😀 emoji'}
    for k, text in samples.items():
        def unicode_roundtrip(k=k, text=text):
            rid = 200 + list(samples).index(k)
            cur.execute(f'INSERT INTO {table} (id, s) VALUES (?, ?)', rid, text)
            cn.commit()
            got, length = cur.execute(f'SELECT s, char_length(s) FROM {table} WHERE id = ?', rid).fetchone()
            theirs = other.cursor().execute(f'SELECT s FROM {table} WHERE id = {rid}').fetchone()[0]
            return ((got, length, theirs) == (text, len(text), text),
                    f'sent {text!r}, got {got!r} of server length {length}, other session read {theirs!r}')
        t.check(f'non-ASCII parameter round trip ({k}: {text})', unicode_roundtrip)

    def unicode_literal():
        got = cur.execute("SELECT 'Grüße 日本語 😀', char_length('Grüße 日本語 😀')").fetchone()
        return tuple(got) == ('Grüße 日本語 😀', 11), f'got {tuple(got)!r}'
    t.check('non-ASCII literal in the SQL text round trip', unicode_literal)

    # cursor.description: names, Python types, sizes.
    def description():
        cur.execute(f'SELECT id, f, s, n, d, ts, b FROM {table} WHERE id = 100')
        desc = cur.description
        cur.fetchall()
        names = [c[0] for c in desc]
        types = [c[1] for c in desc]
        want_types = [int, float, str, decimal.Decimal, datetime.date, datetime.datetime, bytearray]
        ok = names == ['id', 'f', 's', 'n', 'd', 'ts', 'b'] and types == want_types
        return ok, f'names {names}, types {[getattr(x, "__name__", x) for x in types]}'
    t.check('cursor.description names and Python types', description)

    def description_sizes():
        cur.execute(f'SELECT s, n FROM {table} WHERE id = 100')
        desc = cur.description
        cur.fetchall()
        s_size = desc[0][3]
        n_prec, n_scale = desc[1][4], desc[1][5]
        return (s_size, n_prec, n_scale) == (100, 12, 4), \
            f'varchar(100) size {s_size}; numeric(12,4) precision {n_prec} scale {n_scale}'
    t.check('cursor.description: varchar(100) size, numeric(12,4) precision and scale', description_sizes)

    def fetch_order():
        rows = cur.execute(f'SELECT id, s FROM {table} WHERE id BETWEEN 10 AND 12 ORDER BY id').fetchall()
        return [tuple(r) for r in rows] == [(10, 'ten'), (11, 'eleven'), (12, 'twelve')], rows
    t.check('fetchall returns the rows in order', fetch_order)

    # A statement error raises with the server's SQLSTATE; the transaction can be rolled back
    # and the connection goes on.
    def statement_error():
        try:
            cur.execute(f'SELECT * FROM rs_no_such_table_{os.getpid()}')
        except pyodbc.Error as e:
            state = e.args[0] if e.args else ''
            cn.rollback()
            v = cur.execute('SELECT 6 * 7').fetchone()[0]
            return state == '42P01' and v == 42, f'SQLSTATE {state!r}, then {v!r}: {e}'
        return False, 'no error raised'
    t.check('a bad statement raises 42P01; after rollback the connection works', statement_error)

    # The server's notices reach the application as warnings (cursor.messages), not stderr.
    def notices():
        cur.execute("DO $$ BEGIN RAISE NOTICE 'hello from the server'; END $$")
        msgs = cur.messages
        ok = len(msgs) == 1 and '[01000]' in msgs[0][0] and 'NOTICE: hello from the server' in msgs[0][1]
        cur.execute('SELECT 1')
        return ok and cur.messages == [], f'{msgs!r}, then {cur.messages!r}'
    t.check('a RAISE NOTICE is in cursor.messages (01000), the next statement has none', notices)

    # A wrong password fails with 28000 and the message carries no password.
    def wrong_password():
        wrong = 'wrong-pw-Py7731'
        try:
            c = pyodbc.connect(conn_str('rs_scram', wrong), timeout=10)
            c.close()
        except pyodbc.Error as e:
            text = str(e)
            state = e.args[0] if e.args else ''
            return (state == '28000' and wrong not in text and 'scram-secret-1' not in text,
                    f'SQLSTATE {state!r}: {text.replace(wrong, "<WRONG PASSWORD>")}')
        return False, 'connected with a wrong password'
    t.check('wrong password raises 28000 without showing the password', wrong_password)

    def cleanup():
        cur.execute(f'DROP TABLE IF EXISTS {table}')
        cn.commit()
        cur.close()
        cn.close()
        if other is not None:
            other.close()
        return True
    t.check('DROP TABLE, commit, close', cleanup)

    print(f'1..{t.n}')
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
