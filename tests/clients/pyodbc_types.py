#!/usr/bin/python3
"""pyodbc type and API coverage through rsodbc, as Python users write it: executemany with and
without fast_executemany (parameter arrays), fetchone/fetchmany/fetchall, Decimal up to 38
digits, date/time/datetime, bytes and str round trips (text outside the Basic Multilingual
Plane included), cursor.description, autocommit on and off seen from a second connection. TAP.

Needs the environment of scripts/check.sh or scripts/with-test-env.sh; re-executes itself with
the AddressSanitizer runtime preloaded in the sanitizer build."""

import datetime
import decimal
import faulthandler
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from rstap import Tap, reexec_with_preload, require_env  # noqa: E402

REQUIRED = ('RS_PG_PORT', 'RS_CA_FILE', 'ODBCSYSINI', 'ODBCINI')

D = decimal.Decimal


def conn_str():
    env = os.environ
    return ('DRIVER={rsodbc};'
            f'Server=127.0.0.1;Port={env["RS_PG_PORT"]};Database={env.get("RS_PG_DATABASE", "rstest")};'
            f'UID=rs_md5;PWD=md5-secret-1;SSLMode=verify-full;CaFile={env["RS_CA_FILE"]};LoginTimeout=10')


def main():
    if not require_env(REQUIRED):
        return 0
    reexec_with_preload()
    faulthandler.dump_traceback_later(240, exit=True)
    import pyodbc

    t = Tap()
    pyodbc.pooling = False
    tbl = f'rs_pyt_{os.getpid()}'
    try:
        cn = pyodbc.connect(conn_str(), autocommit=True, timeout=10)
        other = pyodbc.connect(conn_str(), autocommit=True, timeout=10)
    except Exception as e:  # noqa: BLE001
        t.ok(False, 'connect twice', f'{type(e).__name__}: {e}')
        print('Bail out! no connection')
        t.plan()
        return 1
    t.ok(True, 'connect twice')
    cur = cn.cursor()

    # ---- executemany ----
    def setup():
        cur.execute(f'CREATE TABLE {tbl}_m (id int, name varchar(40), amount numeric(12,2), at timestamp)')
        return True
    t.check('create the executemany table', setup)

    rows = [(i, f'name {i}', D(f'{i}.{i % 100:02d}'), datetime.datetime(2024, 1, 1 + i % 28, i % 24, 0, 0))
            for i in range(1, 501)]

    def many(fast, first, n):
        cur.fast_executemany = fast
        cur.executemany(f'INSERT INTO {tbl}_m VALUES (?, ?, ?, ?)', rows[first:first + n])
        got = cur.execute(f'SELECT count(*), sum(id), sum(amount) FROM {tbl}_m WHERE id > ? AND id <= ?',
                          first, first + n).fetchone()
        want = (n, sum(r[0] for r in rows[first:first + n]), sum(r[2] for r in rows[first:first + n]))
        return tuple(got) == want, f'got {tuple(got)} want {want}'
    t.check('executemany without fast_executemany: 200 rows, counts and sums agree', lambda: many(False, 0, 200))
    t.check('executemany with fast_executemany (a parameter array): 300 rows agree', lambda: many(True, 200, 300))

    def many_values():
        got = cur.execute(f'SELECT id, name, amount, at FROM {tbl}_m WHERE id IN (7, 250, 500) ORDER BY id').fetchall()
        want = [rows[6], rows[249], rows[499]]
        return [tuple(r) for r in got] == want, f'got {[tuple(r) for r in got]}'
    t.check('the values of both paths read back exactly (int, str, Decimal, datetime)', many_values)

    def many_nulls():
        cur.fast_executemany = True
        cur.executemany(f'INSERT INTO {tbl}_m VALUES (?, ?, ?, ?)',
                        [(1001, None, D('1.50'), None), (1002, 'x', None, datetime.datetime(2000, 2, 29))])
        got = cur.execute(f'SELECT id, name, amount, at FROM {tbl}_m WHERE id > 1000 ORDER BY id').fetchall()
        want = [(1001, None, D('1.50'), None), (1002, 'x', None, datetime.datetime(2000, 2, 29))]
        return [tuple(r) for r in got] == want, f'got {[tuple(r) for r in got]}'
    t.check('fast_executemany with None values', many_nulls)

    def many_scale():
        # SQLDescribeParam reports the column's numeric(20,8), so pyodbc keeps 8 decimals
        cur.execute(f'CREATE TABLE {tbl}_f (id int, v numeric(20,8), s varchar(12))')
        cur.fast_executemany = True
        vals = [(i, D(f'{i}.{i:08d}'), f's{i}') for i in range(1, 51)]
        cur.executemany(f'INSERT INTO {tbl}_f VALUES (?, ?, ?)', vals)
        got = [tuple(r) for r in cur.execute(f'SELECT id, v, s FROM {tbl}_f ORDER BY id').fetchall()]
        cur.execute(f'DROP TABLE {tbl}_f')
        return got == vals, f'got {got[:2]}'
    t.check('fast_executemany with Decimal of scale 8 into numeric(20,8): exact', many_scale)

    def many_error():
        cur.fast_executemany = False
        try:
            cur.executemany(f'INSERT INTO {tbl}_m (id) VALUES (?)', [(2001,), ('not a number',)])
        except pyodbc.Error as e:
            return e.args[0] == '22P02', f'SQLSTATE {e.args[0]}'
        return False, 'no error'
    t.check('executemany with a bad value raises the server\'s 22P02', many_error)

    # ---- fetchone / fetchmany / fetchall ----
    def fetch_shapes():
        cur.execute('SELECT g FROM generate_series(1, 10) g ORDER BY g')
        one = cur.fetchone()[0]
        three = [r[0] for r in cur.fetchmany(3)]
        rest = [r[0] for r in cur.fetchall()]
        after = cur.fetchone()
        ok = one == 1 and three == [2, 3, 4] and rest == list(range(5, 11)) and after is None
        return ok, f'{one} {three} {rest} {after}'
    t.check('fetchone, fetchmany(3), fetchall, then None', fetch_shapes)

    def fetchmany_arraysize():
        cur.arraysize = 4
        cur.execute('SELECT g FROM generate_series(1, 10) g ORDER BY g')
        sizes = []
        while True:
            b = cur.fetchmany()
            if not b:
                break
            sizes.append(len(b))
        return sizes == [4, 4, 2], f'batches {sizes}'
    t.check('fetchmany() follows cursor.arraysize: 4, 4, 2', fetchmany_arraysize)

    def fetch_large():
        cur.execute('SELECT g, repeat(\'x\', g % 50) FROM generate_series(1, 20000) g ORDER BY g')
        n = s = 0
        while True:
            b = cur.fetchmany(1000)
            if not b:
                break
            n += len(b)
            s += sum(r[0] for r in b) + sum(len(r[1]) for r in b)
        want = sum(range(1, 20001)) + sum(g % 50 for g in range(1, 20001))
        return n == 20000 and s == want, f'{n} rows, checksum {s} want {want}'
    t.check('20,000 rows through fetchmany(1000): all there, in order', fetch_large)

    # ---- Decimal ----
    decimals = [D('12345678901234567890123456789012345678'), D('-12345678901234567890123456789012345678'),
                D('0.00000000000000000000000000000000000001'), D('-1234567890123456789012345678.9012345678'),
                D('0'), D('-0.5'), D('99999999999999999999999999999999999999')]

    def dec_setup():
        cur.execute(f'CREATE TABLE {tbl}_d (id int, n38 numeric(38,0), s38 numeric(38,38), m numeric(38,10), x numeric)')
        return True
    t.check('create the numeric table', dec_setup)
    for i, v in enumerate(decimals):
        def dec_rt(i=i, v=v):
            exp = v.as_tuple().exponent
            col = 'n38' if exp == 0 else 's38' if v.adjusted() < 0 and abs(v) < 1 and exp == -38 else 'm'
            cur.execute(f'INSERT INTO {tbl}_d (id, {col}, x) VALUES (?, ?, ?)', i, v, v)
            got, gx = cur.execute(f'SELECT {col}, x FROM {tbl}_d WHERE id = ?', i).fetchone()
            return (got == v and gx == v and type(got) is D, f'{col}: got {got!r} and {gx!r}, want {v!r}')
        t.check(f'Decimal {v} round trip', dec_rt)

    def dec_scale():
        cur.execute(f'INSERT INTO {tbl}_d (id, m) VALUES (100, ?)', D('1.5'))
        got = cur.execute(f'SELECT m FROM {tbl}_d WHERE id = 100').fetchone()[0]
        return got == D('1.5') and got.as_tuple().exponent == -10, repr(got)
    t.check('numeric(38,10) comes back with scale 10', dec_scale)

    def dec_float():
        got = cur.execute('SELECT CAST(? AS numeric(20,6))', 2.5).fetchone()[0]
        return got == D('2.500000'), repr(got)
    t.check('a float parameter into numeric', dec_float)

    # ---- date, time, datetime ----
    def dt_roundtrip():
        vals = (datetime.date(1999, 12, 31), datetime.time(23, 59, 58), datetime.datetime(2024, 2, 29, 12, 34, 56, 789012),
                datetime.date(1, 1, 1), datetime.datetime(9999, 12, 31, 23, 59, 59))
        got = cur.execute('SELECT CAST(? AS date), CAST(? AS time), CAST(? AS timestamp), CAST(? AS date), '
                          'CAST(? AS timestamp)', *vals).fetchone()
        return tuple(got) == vals, f'got {tuple(got)}'
    t.check('date, time, datetime with microseconds, year 1 and 9999 round trip', dt_roundtrip)

    def dt_types():
        got = cur.execute("SELECT DATE '2024-05-06', TIME '01:02:03', TIMESTAMP '2024-05-06 01:02:03.5'").fetchone()
        want = (datetime.date(2024, 5, 6), datetime.time(1, 2, 3), datetime.datetime(2024, 5, 6, 1, 2, 3, 500000))
        return tuple(got) == want, f'got {tuple(got)}'
    t.check('date, time and timestamp columns become date, time, datetime', dt_types)

    # ---- bytes and str ----
    def bytes_rt():
        vals = [b'', b'\x00', bytes(range(256)), b'\xff' * 100000]
        ok = True
        detail = []
        for v in vals:
            got = cur.execute('SELECT CAST(? AS bytea)', v).fetchone()[0]
            if bytes(got) != v or type(got) not in (bytes, bytearray):
                ok = False
                detail.append(f'{len(v)} bytes: got {type(got).__name__} of {len(got)}')
        return ok, '; '.join(detail)
    t.check('bytes round trip: empty, a zero byte, every byte value, 100,000 bytes', bytes_rt)

    texts = {'ascii': 'plain', 'latin': 'café crème', 'cjk': '漢字かな', 'emoji': 'a😀b🎉c',
             'math': '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'long': 'é😀' * 5000, 'empty': ''}

    def str_setup():
        cur.execute(f'CREATE TABLE {tbl}_s (k varchar(20), v varchar(65535))')
        return True
    t.check('create the text table', str_setup)
    for k, v in texts.items():
        def str_rt(k=k, v=v):
            cur.execute(f'INSERT INTO {tbl}_s VALUES (?, ?)', k, v)
            got, n = cur.execute(f'SELECT v, char_length(v) FROM {tbl}_s WHERE k = ?', k).fetchone()
            return got == v and n == len(v), f'got {got[:40]!r} ({n} characters), want {v[:40]!r} ({len(v)})'
        t.check(f'str round trip, {k} (length {len(v)})', str_rt)

    def str_literal():
        got = cur.execute("SELECT '😀' || ?", '𝔘').fetchone()[0]
        return got == '😀𝔘', repr(got)
    t.check('text outside the BMP in the SQL text and a parameter', str_literal)

    # ---- cursor.description ----
    def description():
        cur.execute(f'CREATE TABLE {tbl}_c (i int NOT NULL, b bigint, v varchar(30), c char(5), '
                    'n numeric(12,3), f float8, d date, ts timestamp, bo boolean, by bytea)')
        cur.execute(f'SELECT * FROM {tbl}_c')
        return [tuple(c) for c in cur.description]
    try:
        desc = description()
        t.ok(True, 'cursor.description of a table with ten types')
    except Exception as e:  # noqa: BLE001
        desc = None
        t.ok(False, 'cursor.description of a table with ten types', f'{type(e).__name__}: {e}')
    if desc:
        def col(name):
            return next(c for c in desc if c[0] == name)
        t.check_eq('description names in order',
                   lambda: ([c[0] for c in desc], ['i', 'b', 'v', 'c', 'n', 'f', 'd', 'ts', 'bo', 'by']))
        t.check_eq('description type codes',
                   lambda: ([c[1] for c in desc],
                            [int, int, str, str, D, float, datetime.date, datetime.datetime, bool, bytearray]))
        t.check_eq('varchar(30): internal size 30', lambda: (col('v')[3], 30))
        t.check_eq('char(5): internal size 5', lambda: (col('c')[3], 5))
        t.check_eq('numeric(12,3): precision 12, scale 3', lambda: ((col('n')[4], col('n')[5]), (12, 3)))
        t.check_eq('int: precision 10, scale 0', lambda: ((col('i')[4], col('i')[5]), (10, 0)))
        t.check_eq('bigint: precision 19', lambda: (col('b')[4], 19))
        t.check_eq('float8: precision 53 (binary digits: its radix is 2)', lambda: (col('f')[4], 53))
        t.check_eq('timestamp: size 26, scale 6', lambda: ((col('ts')[3], col('ts')[5]), (26, 6)))
        t.check_eq('date: size 10', lambda: (col('d')[3], 10))
        # the server's row description says nothing of NOT NULL, and asking the catalog for
        # every result would cost a round trip: SQL_NULLABLE_UNKNOWN, which pyodbc shows as None
        t.check_eq('null_ok is None (SQL_NULLABLE_UNKNOWN) for every column', lambda: ([c[6] for c in desc], [None] * 10))

    # ---- autocommit on and off, seen from a second connection ----
    ocur = other.cursor()

    def seen(where):
        return ocur.execute(f'SELECT count(*) FROM {tbl}_a WHERE {where}').fetchone()[0]

    def ac_setup():
        cur.execute(f'CREATE TABLE {tbl}_a (v int)')
        return True
    t.check('create the autocommit table', ac_setup)

    def ac_on():
        cur.execute(f'INSERT INTO {tbl}_a VALUES (1)')
        return seen('v = 1') == 1
    t.check('autocommit on: an insert is visible to the other connection at once', ac_on)

    def ac_off_commit():
        cn.autocommit = False
        cur.execute(f'INSERT INTO {tbl}_a VALUES (2)')
        before = seen('v = 2')
        cn.commit()
        after = seen('v = 2')
        return (before, after) == (0, 1), f'before commit {before}, after {after}'
    t.check('autocommit off: invisible until commit, then visible', ac_off_commit)

    def ac_off_rollback():
        cur.execute(f'INSERT INTO {tbl}_a VALUES (3)')
        mine = cur.execute(f'SELECT count(*) FROM {tbl}_a WHERE v = 3').fetchone()[0]
        theirs = seen('v = 3')
        cn.rollback()
        gone = cur.execute(f'SELECT count(*) FROM {tbl}_a WHERE v = 3').fetchone()[0]
        return (mine, theirs, gone, seen('v = 3')) == (1, 0, 0, 0), f'{mine} {theirs} {gone}'
    t.check('autocommit off: rollback discards what only this connection saw', ac_off_rollback)

    def ac_fast_many_rollback():
        cur.fast_executemany = True
        cur.executemany(f'INSERT INTO {tbl}_a VALUES (?)', [(v,) for v in range(100, 150)])
        mine = cur.execute(f'SELECT count(*) FROM {tbl}_a WHERE v >= 100').fetchone()[0]
        cn.rollback()
        return (mine, seen('v >= 100')) == (50, 0), f'mine {mine}'
    t.check('autocommit off: a parameter array is one transaction, rolled back whole', ac_fast_many_rollback)

    def ac_error_then_rollback():
        try:
            cur.execute('SELECT 1/0')
            return False, 'no error'
        except pyodbc.Error as e:
            state = e.args[0]
        try:
            cur.execute('SELECT 1')
            return False, 'a statement in the aborted transaction worked'
        except pyodbc.Error as e:
            aborted = e.args[0]
        cn.rollback()
        v = cur.execute('SELECT 2').fetchone()[0]
        return (state, aborted, v) == ('22012', '25P02', 2), f'{state} {aborted} {v}'
    t.check('autocommit off: an error aborts the transaction (25P02) until rollback', ac_error_then_rollback)

    def ac_back_on():
        cn.autocommit = True
        cur.execute(f'INSERT INTO {tbl}_a VALUES (4)')
        return seen('v = 4') == 1 and cn.autocommit is True
    t.check('autocommit back on: visible at once again', ac_back_on)

    def cleanup():
        for suffix in ('m', 'd', 's', 'c', 'a'):
            cur.execute(f'DROP TABLE IF EXISTS {tbl}_{suffix}')
        other.close()
        cn.close()
        return True
    t.check('drop the tables and close', cleanup)
    t.plan()
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
