#!/usr/bin/python3
"""IAM login through pyodbc (Debian's python3-pyodbc: SQLDriverConnectW and the W calls) against
a private AWS emulator (tests/aws_emulator) and the test PostgreSQL; and no secret in the
driver's log or diagnostics. TAP.

The AWS traffic goes through a small recording proxy (a child process of this script) so the
test learns what the driver must keep secret but the emulator never shows: the DbPassword it
issued and the temporary AWS keys of role sessions. Cases that need their own environment or a
fresh driver cache run in a fresh python process (`iam_pyodbc.py --connect`).

Needs the environment scripts/check.sh or scripts/with-test-env.sh exports; with RS_PRELOAD set
(sanitizer build) it re-executes itself with the AddressSanitizer runtime preloaded."""

import faulthandler
import hashlib
import http.client
import http.server
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'pylib'))
from rstap import Tap, reexec_with_preload, require_env  # noqa: E402


HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.environ.get('top_srcdir') or os.path.dirname(os.path.dirname(HERE))
REQUIRED = ('RS_PG_PORT', 'RS_PG_SOCKDIR', 'RS_PG_STATE', 'RS_PG_SUPERUSER', 'RS_CA_FILE', 'ODBCSYSINI')

KEYS_AKID = 'AKIAIAMPYKEYS0000001'
KEYS_SECRET = 'IAMPY+fake/keys/secret/000000000000000001'
SESSION_AKID = 'ASIAIAMPYSESSION0001'
SESSION_SECRET = 'IAMPY+fake/session/secret/00000000000001'
SESSION_TOKEN = 'IAMPY-fake-session-token-0001-abcdefghijklmnopqrstuvwxyz'
DENIED_AKID = 'AKIAIAMPYDENIED00001'
DENIED_SECRET = 'IAMPY+fake/denied/secret/0000000000000001'
WRONG_SECRET = 'IAMPY+fake/WRONG/secret/00000000000000001'
OIDC_TOKEN = 'IAMPY-fake-oidc-token-0001-secret-value'
WEB_ROLE = 'arn:aws:iam::123456789012:role/IampyWebRole'
SSO_TOKEN = 'IAMPY-fake-sso-access-token-0001-secret'
SSO_START_URL = 'https://iampy.awsapps.example/start'


# ------------------------------------------------------------------ recording proxy (child)

SECRET_PATTERNS = [(kind, re.compile(p)) for kind, p in (
    ('password', r'<DbPassword>([^<]+)</DbPassword>'), ('password', r'"dbPassword"\s*:\s*"([^"]+)"'),
    ('key', r'<SecretAccessKey>([^<]+)</SecretAccessKey>'), ('token', r'<SessionToken>([^<]+)</SessionToken>'),
    ('key', r'"secretAccessKey"\s*:\s*"([^"]+)"'), ('token', r'"sessionToken"\s*:\s*"([^"]+)"'),
    ('key', r'"SecretAccessKey"\s*:\s*"([^"]+)"'), ('token', r'"Token"\s*:\s*"([^"]+)"'))]


def run_proxy(upstream_port, port_file, capture_file):
    """Forward every request to the emulator unchanged (Host included: SigV4 signed it) and
    append each secret found in an answer to capture_file, one per line."""
    import html

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = 'HTTP/1.1'

        def log_message(self, *args):
            pass

        def forward(self):
            length = int(self.headers.get('Content-Length') or 0)
            body = self.rfile.read(length) if length else None
            up = http.client.HTTPConnection('127.0.0.1', upstream_port, timeout=60)
            up.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for k, v in self.headers.items():
                up.putheader(k, v)
            up.endheaders(body)
            resp = up.getresponse()
            data = resp.read()
            text = data.decode('utf-8', 'replace')
            found = [f'{kind}\t{html.unescape(m)}' for kind, p in SECRET_PATTERNS for m in p.findall(text)]
            if found:
                with open(capture_file, 'a') as f:
                    f.write(''.join(s + '\n' for s in found))
            self.send_response(resp.status)
            for k, v in resp.getheaders():
                if k.lower() not in ('content-length', 'connection', 'transfer-encoding', 'date', 'server'):
                    self.send_header(k, v)
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            up.close()

        do_GET = do_POST = do_PUT = forward

    srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    with open(port_file + '.tmp', 'w') as f:
        f.write(str(srv.server_address[1]))
    os.rename(port_file + '.tmp', port_file)
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
    srv.serve_forever()


# ------------------------------------------------------------------ one connect (child)

def run_connect(connstr):
    """Connect, SELECT current_user, print one JSON line: ok, user, error."""
    import pyodbc
    pyodbc.pooling = False
    out = {'ok': False, 'user': None, 'error': None}
    try:
        cn = pyodbc.connect(connstr, timeout=20)
        out['user'] = cn.cursor().execute('SELECT current_user').fetchone()[0]
        out['ok'] = True
        cn.close()
    except pyodbc.Error as e:
        out['error'] = ' | '.join(str(a) for a in e.args)
    print(json.dumps(out))
    return 0


# ------------------------------------------------------------------ the test

def wait_file(path, proc, what):
    deadline = time.time() + 30
    while time.time() < deadline:
        if os.path.exists(path) and open(path).read().strip():
            return int(open(path).read().strip())
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise RuntimeError(f'{what} did not start')


class World:
    def __init__(self, workdir):
        env = os.environ
        self.workdir = workdir
        self.log = open(os.path.join(workdir, 'emu.log'), 'wb')
        state = env['RS_PG_STATE']
        self.emu = subprocess.Popen(
            ['/usr/bin/python3', os.path.join(TOP, 'tests/aws_emulator/emulator.py'),
             '--config', os.path.join(HERE, 'config_py.json'),
             '--port', '0', '--port-file', os.path.join(workdir, 'emu.port'),
             '--https-port', '0', '--https-port-file', os.path.join(workdir, 'emu.https.port'),
             '--cert', os.path.join(state, 'tls/server.crt'), '--key', os.path.join(state, 'tls/server.key'),
             '--pg-host', env['RS_PG_SOCKDIR'], '--pg-port', env['RS_PG_PORT'],
             '--pg-superuser', env['RS_PG_SUPERUSER'], '--pg-database', env.get('RS_PG_DATABASE') or 'rstest'],
            stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL,
            env={k: v for k, v in env.items() if k not in ('LD_PRELOAD', 'ASAN_OPTIONS')})
        self.emu_port = wait_file(os.path.join(workdir, 'emu.port'), self.emu, 'the emulator')
        wait_file(os.path.join(workdir, 'emu.https.port'), self.emu, 'the emulator (https)')
        self.url = f'http://127.0.0.1:{self.emu_port}'
        self.capture = os.path.join(workdir, 'captured-secrets')
        self.proxy = subprocess.Popen(
            ['/usr/bin/python3', os.path.abspath(__file__), '--proxy', str(self.emu_port),
             os.path.join(workdir, 'proxy.port'), self.capture],
            stdin=subprocess.DEVNULL,
            env={k: v for k, v in env.items() if k not in ('LD_PRELOAD', 'ASAN_OPTIONS')})
        self.proxy_url = f'http://127.0.0.1:{wait_file(os.path.join(workdir, "proxy.port"), self.proxy, "the proxy")}'
        self.home = os.path.join(workdir, 'home')
        os.makedirs(self.home)

    def control(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f'{self.url}/_emulator/{path}', data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.loads(r.read())

    def calls(self, service=None, action=None):
        q = '&'.join(f'{k}={v}' for k, v in (('service', service), ('action', action)) if v)
        return self.control('GET', 'calls' + ('?' + q if q else ''))['calls']

    def connstr(self, db_user, auth, extra='', endpoint=None):
        env = os.environ
        ep = endpoint or self.url
        return ('DRIVER={rsodbc};IAM=1;Server=127.0.0.1;'
                f'Port={env["RS_PG_PORT"]};Database={env.get("RS_PG_DATABASE") or "rstest"};'
                f'SSLMode=verify-full;CaFile={env["RS_CA_FILE"]};ClusterId=iampy-cluster;Region=us-east-1;'
                f'EndpointUrl={ep};StsEndpointUrl={ep};AutoCreate=1;DbUser={db_user};{auth};{extra}')

    def child_env(self, extra=None):
        env = {k: v for k, v in os.environ.items() if not k.startswith('AWS_')}
        env.update({'HOME': self.home, 'AWS_CONFIG_FILE': os.path.join(self.home, 'no-config'),
                    'AWS_SHARED_CREDENTIALS_FILE': os.path.join(self.home, 'no-credentials'),
                    'AWS_EC2_METADATA_DISABLED': 'true', 'RSODBC_AWS_RETRY_BASE_MS': '10'})
        env.update(extra or {})
        return env

    def connect_child(self, connstr, env_extra=None):
        r = subprocess.run([sys.executable, os.path.abspath(__file__), '--connect', connstr],
                           env=self.child_env(env_extra), capture_output=True, text=True, timeout=120)
        lines = [ln for ln in r.stdout.splitlines() if ln.startswith('{')]
        if r.returncode != 0 or not lines:
            raise RuntimeError(f'child failed ({r.returncode}): {r.stdout} {r.stderr}')
        return json.loads(lines[-1])

    def stop(self):
        for p in (self.proxy, self.emu):
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
                try:
                    p.wait(10)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        self.log.close()


def test_pyodbc(t, w):
    import pyodbc
    pyodbc.pooling = False
    w.control('POST', 'reset', {})
    cs = w.connstr('iampy_user', f'AccessKeyID={KEYS_AKID};SecretAccessKey={KEYS_SECRET}')
    table = f'iampy_t_{os.getpid()}'
    cn = pyodbc.connect(cs, timeout=20)
    try:
        cur = cn.cursor()
        t.ok(cur.execute('SELECT current_user').fetchone()[0] == 'IAMA:iampy_user',
             'pyodbc: IAM login as the user AWS issued (IAMA:iampy_user)')
        calls = w.calls('redshift', 'GetClusterCredentials')
        t.ok(len(calls) == 1 and calls[0]['params'].get('DbUser') == 'iampy_user'
             and calls[0]['access_key'] == KEYS_AKID, 'pyodbc: one GetClusterCredentials call with DbUser', calls)
        row = cur.execute('SELECT ?::int + 1, ?::text || \'-\' || current_user', 41, 'héllo').fetchone()
        t.ok(row[0] == 42 and row[1] == 'héllo-IAMA:iampy_user', 'pyodbc: parameterized query (int, non-ASCII text)',
             row)
        t.ok(cn.autocommit is False, 'pyodbc: autocommit off by default')
        cur.execute(f'CREATE TABLE {table} (x int)')
        cur.execute(f'INSERT INTO {table} VALUES (?)', 7)
        cn.rollback()
        cur.execute('SELECT to_regclass(?)::text', table)
        t.ok(cur.fetchone()[0] is None, 'pyodbc: autocommit off: rollback undoes CREATE TABLE and INSERT')
        cn.autocommit = True
        cur.execute(f'CREATE TABLE {table} (x int)')
        cur.execute(f'INSERT INTO {table} VALUES (?)', 8)
        cn2 = pyodbc.connect(cs, timeout=20)
        seen = cn2.cursor().execute(f'SELECT x, current_user FROM {table}').fetchall()
        t.ok([tuple(r) for r in seen] == [(8, 'IAMA:iampy_user')],
             'pyodbc: autocommit on: a second IAM connection sees the row', seen)
        t.ok(len(w.calls('redshift', 'GetClusterCredentials')) == 1,
             'pyodbc: the second connection reused the cached credentials (no new call)')
        cn2.close()
        cur.execute(f'DROP TABLE {table}')
    finally:
        cn.close()
    # SQLDriverConnectW with a non-ASCII value that must survive: an unknown DbGroups name is fine.
    w.control('POST', 'reset', {})
    r = w.connect_child(w.connstr('iampy_user', f'AccessKeyID={KEYS_AKID};SecretAccessKey={KEYS_SECRET}',
                                  'DbGroups=iampy_grp;DisableCache=1'))
    calls = w.calls('redshift', 'GetClusterCredentials')
    t.ok(r['ok'] and r['user'] == 'IAMA:iampy_user' and calls and calls[-1]['params'].get('DbGroups') == ['iampy_grp'],
         'pyodbc: DbGroups reach GetClusterCredentials through SQLDriverConnectW', (r, calls))


def test_secrets(t, w):
    logdir = os.path.join(w.workdir, 'log')
    os.makedirs(logdir, mode=0o700)
    log_kw = f'LogLevel=6;LogPath={logdir}'
    w.control('POST', 'reset', {})
    diags = []
    # Keys with a session token, through the proxy.
    r = w.connect_child(w.connstr('iampy_sec_keys', f'AccessKeyID={SESSION_AKID};SecretAccessKey={SESSION_SECRET};'
                                  f'SessionToken={SESSION_TOKEN}', log_kw, endpoint=w.proxy_url))
    t.ok(r['ok'] and r['user'] == 'IAMA:iampy_sec_keys', 'secrets: keys + SessionToken login (LogLevel=6)', r)
    # Web identity: STS answers temporary keys (captured by the proxy).
    tok = os.path.join(w.workdir, 'oidc-token')
    with open(tok, 'w') as f:
        f.write(OIDC_TOKEN)
    r = w.connect_child(w.connstr('iampy_sec_web', 'x=1', log_kw, endpoint=w.proxy_url),
                        {'AWS_WEB_IDENTITY_TOKEN_FILE': tok, 'AWS_ROLE_ARN': WEB_ROLE})
    t.ok(r['ok'] and r['user'] == 'IAMA:iampy_sec_web', 'secrets: web identity login (LogLevel=6)', r)
    # SSO: the portal answers temporary keys (captured by the proxy).
    cache = os.path.join(w.home, '.aws', 'sso', 'cache')
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, hashlib.sha1(SSO_START_URL.encode()).hexdigest() + '.json'), 'w') as f:
        json.dump({'startUrl': SSO_START_URL, 'region': 'us-east-1', 'accessToken': SSO_TOKEN,
                   'expiresAt': '2099-01-01T00:00:00Z'}, f)
    cfg = os.path.join(w.workdir, 'sso-config')
    with open(cfg, 'w') as f:
        f.write(f'[profile iampy-sso]\nsso_start_url = {SSO_START_URL}\nsso_region = us-east-1\n'
                'sso_account_id = 123456789012\nsso_role_name = IampySsoRole\n')
    r = w.connect_child(w.connstr('iampy_sec_sso', 'Profile=iampy-sso', log_kw, endpoint=w.proxy_url),
                        {'AWS_CONFIG_FILE': cfg, 'AWS_ENDPOINT_URL_SSO': w.proxy_url})
    t.ok(r['ok'] and r['user'] == 'IAMA:iampy_sec_sso', 'secrets: SSO login (LogLevel=6)', r)
    # Failures: a wrong secret, a refused action, an expired session token.
    for what, auth in (('wrong secret', f'AccessKeyID={KEYS_AKID};SecretAccessKey={WRONG_SECRET}'),
                       ('AccessDenied', f'AccessKeyID={DENIED_AKID};SecretAccessKey={DENIED_SECRET}'),
                       ('session token refused', f'AccessKeyID={SESSION_AKID};SecretAccessKey={SESSION_SECRET};'
                                                 f'SessionToken={SESSION_TOKEN}x')):
        r = w.connect_child(w.connstr('iampy_sec_fail', auth, log_kw, endpoint=w.proxy_url))
        t.ok(not r['ok'] and '28000' in (r['error'] or ''), f'secrets: {what} fails with 28000', r)
        diags.append(r['error'] or '')
    lines = open(w.capture).read().splitlines() if os.path.exists(w.capture) else []
    kinds = [ln.split('\t', 1)[0] for ln in lines]
    captured = [ln.split('\t', 1)[1] for ln in lines if '\t' in ln]
    passwords = kinds.count('password')
    t.ok(passwords == 3 and kinds.count('key') == 2 and kinds.count('token') == 2,
         'secrets: the proxy saw what AWS issued: 3 DbPasswords, 2 role sessions (secret key + session token)',
         kinds)
    secrets = [SESSION_SECRET, SESSION_TOKEN, KEYS_SECRET, WRONG_SECRET, DENIED_SECRET, OIDC_TOKEN, SSO_TOKEN] + captured
    path = os.path.join(logdir, 'rsodbc.log')
    t.ok(os.path.exists(path), 'secrets: LogLevel=6 wrote LogPath/rsodbc.log')
    text = open(path, encoding='utf-8', errors='replace').read() if os.path.exists(path) else ''
    t.ok('IAM' in text and len(text) > 200, 'secrets: the log has IAM lines', len(text))
    mode = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else None
    t.ok(mode == 0o600, 'secrets: the log file mode is 0600', oct(mode) if mode is not None else None)
    leaked = [s[:12] + '...' for s in secrets if s and s in text]
    t.ok(not leaked, f'secrets: none of {len(secrets)} secrets (keys, session tokens, web identity and SSO tokens, '
         f'{passwords} issued DbPasswords) is in the log', leaked)
    joined = '\n'.join(diags)
    leaked = [s[:12] + '...' for s in secrets if s and s in joined]
    t.ok(not leaked and all(d for d in diags), 'secrets: none is in the diagnostics', leaked or diags)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == '--proxy':
        return run_proxy(int(sys.argv[2]), sys.argv[3], sys.argv[4])
    if len(sys.argv) > 1 and sys.argv[1] == '--connect':
        return run_connect(sys.argv[2])
    if not require_env(REQUIRED):
        return 0
    reexec_with_preload()
    faulthandler.dump_traceback_later(400, exit=True)
    t = Tap()
    workdir = tempfile.mkdtemp(prefix='rsodbc-iampy-')
    w = None
    try:
        w = World(workdir)
        t.ok(True, 'private AWS emulator and recording proxy started')
        t.check('pyodbc cases ran to the end', lambda: test_pyodbc(t, w) is None)
        t.check('secrets cases ran to the end', lambda: test_secrets(t, w) is None)
    except Exception as e:  # noqa: BLE001
        t.ok(False, 'setup', f'{type(e).__name__}: {e}')
    finally:
        if w:
            w.stop()
        if not os.environ.get('RS_IAM_KEEP'):
            shutil.rmtree(workdir, ignore_errors=True)
    print(f'1..{t.n}')
    return 1 if t.failed else 0


if __name__ == '__main__':
    sys.exit(main())
