#!/usr/bin/python3
"""pyodbc (Debian's python3-pyodbc: SQLDriverConnectW, SQLBindParameter with SQL_C_WCHAR text and
SQL_C_TYPE_TIMESTAMP datetimes) against the test server through rsodbc with IAM: temporary
database credentials from the AWS emulator the test environment runs (RS_EMULATOR_URL), a
parameterized INSERT and SELECT, non-ASCII text and a timestamp read back. TAP.

The connection and the values are those of the other IAM client tests (tests/clients/iam_lib.sh):
the emulator's identity alice, database user rscli_pyodbc. With RS_PRELOAD set (sanitizer build) it
re-executes itself with the AddressSanitizer runtime preloaded."""

import datetime
import faulthandler
import json
import os
import sys
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from rstap import Tap, reexec_with_preload, require_env  # noqa: E402

REQUIRED = ('RS_PG_PORT', 'RS_PG_SOCKDIR', 'RS_CA_FILE', 'ODBCSYSINI', 'RS_EMULATOR_URL')
AKID = 'AKIAEMULATORALICE001'
SECRET = 'FAKE+emulator/alice/secret/not/a/real/key0'
WRONG_SECRET = 'FAKE+emulator/alice/WRONG/not/the/key/0000'
USER = 'rscli_pyodbc'
TEXT = 'Grüße, 東京, 😀'
TS = datetime.datetime(2024, 2, 29, 13, 45, 56, 123456)


def connstr(secret=SECRET):
    env = os.environ
    return ('Driver={rsodbc};Server=127.0.0.1;'
            f'Port={env["RS_PG_PORT"]};Database={env.get("RS_PG_DATABASE") or "rstest"};'
            f'SSLMode=verify-full;CaFile={env["RS_CA_FILE"]};IAM=1;ClusterId=emu-cluster;Region=us-east-1;'
            f'DbUser={USER};AutoCreate=1;AccessKeyID={AKID};SecretAccessKey={secret};'
            f'EndpointUrl={env["RS_EMULATOR_URL"]};LoginTimeout=20')


def issued():
    """Successful GetClusterCredentials calls for USER signed with alice's key."""
    url = os.environ['RS_EMULATOR_URL'] + '/_emulator/calls?service=redshift&action=GetClusterCredentials'
    with urllib.request.urlopen(url, timeout=10) as r:
        calls = json.load(r)['calls']
    return sum(1 for c in calls if c.get('status') == 200 and c.get('access_key') == AKID
               and (c.get('params') or {}).get('DbUser') == USER)


def main():
    if not require_env(REQUIRED):
        return 0
    reexec_with_preload()
    faulthandler.dump_traceback_later(240, exit=True)
    import pyodbc
    pyodbc.pooling = False
    t = Tap()

    before = issued()
    try:
        cn = pyodbc.connect(connstr(), autocommit=True, timeout=20)
    except pyodbc.Error as e:
        t.ok(False, 'pyodbc: IAM connect', ' | '.join(str(a) for a in e.args).replace(SECRET, '<SECRET>'))
        print('Bail out! no connection')
        t.plan()
        return 1
    cur = cn.cursor()
    t.check_eq('pyodbc: IAM login as the user GetClusterCredentials issued',
               lambda: (cur.execute('SELECT current_user').fetchone()[0], f'IAMA:{USER}'))
    t.check_eq("pyodbc: the emulator issued one set of credentials for the DbUser, signed with alice's key",
               lambda: (issued() - before, 1))

    cur.execute('CREATE TEMP TABLE rs_iam_t (id int, name varchar(100), ts timestamp)')
    t.check('pyodbc: parameterized INSERT (int, text, datetime)', lambda: (
        cur.execute('INSERT INTO rs_iam_t VALUES (?, ?, ?)', 7, TEXT, TS).rowcount == 1, cur.rowcount))

    sel = ("SELECT id, name, char_length(name), octet_length(name), ts, to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') "
           'FROM rs_iam_t WHERE id = ? AND name = ? AND ts = ?')
    row = None
    try:
        row = cur.execute(sel, 7, TEXT, TS).fetchone()
    except pyodbc.Error as e:
        t.ok(False, 'pyodbc: parameterized SELECT finds the row by id, text and timestamp', e)
    else:
        t.ok(row is not None and row[0] == 7, 'pyodbc: parameterized SELECT finds the row by id, text and timestamp',
             row)
    if row is not None:
        t.check_eq('pyodbc: the text reads back intact', lambda: (row[1], TEXT))
        t.check_eq('pyodbc: the server stored 12 characters in 21 bytes', lambda: ((row[2], row[3]), (12, 21)))
        t.check_eq('pyodbc: the timestamp reads back as a datetime with microseconds', lambda: (row[4], TS))
        t.check_eq('pyodbc: the server stored that timestamp', lambda: (row[5], '2024-02-29 13:45:56.123456'))

    # The text as a parameter in the select list, read through SQL_C_WCHAR as well as SQL_C_CHAR.
    t.check_eq('pyodbc: a text parameter echoed by the server (SQL_C_CHAR read)',
               lambda: (cur.execute('SELECT CAST(? AS varchar(100))', TEXT).fetchone()[0], TEXT))
    cn.setdecoding(pyodbc.SQL_CHAR, encoding='utf-16le', ctype=pyodbc.SQL_WCHAR)
    t.check_eq('pyodbc: the same read as SQL_C_WCHAR',
               lambda: (cur.execute('SELECT CAST(? AS varchar(100))', TEXT).fetchone()[0], TEXT))
    t.check_eq('pyodbc: a computed timestamp (leap day + 1 day 1 µs)',
               lambda: (cur.execute("SELECT CAST(? AS timestamp) + interval '1 day 1 microsecond'", TS).fetchone()[0],
                        datetime.datetime(2024, 3, 1, 13, 45, 56, 123457)))
    cn.close()

    # A wrong secret key: the login fails with 28000 and the AWS error, showing neither secret.
    try:
        pyodbc.connect(connstr(WRONG_SECRET), timeout=20).close()
        err = None
    except pyodbc.Error as e:
        err = ' | '.join(str(a) for a in e.args)
    t.ok(err is not None and '28000' in err and 'SignatureDoesNotMatch' in err,
         'pyodbc: a wrong secret key fails the IAM login with 28000 (SignatureDoesNotMatch)',
         (err or 'connected').replace(WRONG_SECRET, '<WRONG SECRET>').replace(SECRET, '<SECRET>'))
    t.ok(err is not None and WRONG_SECRET not in err and SECRET not in err, 'pyodbc: the error shows no secret key')
    t.plan()
    return 0 if t.failed == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
