"""Setting issued database passwords on the PostgreSQL stand-in, through psql.

Values reach psql through its environment (\\getenv), never its command line, and are
quoted by psql (:'var') and format(%I / %L) on the server: no SQL is built here."""

import json
import logging
import os
import shutil
import subprocess
import threading

log = logging.getLogger('awsemu')

_SCRIPT = r"""
\set ON_ERROR_STOP 1
\getenv role RSEMU_ROLE
\getenv password RSEMU_PASSWORD
\getenv valid_until RSEMU_VALID_UNTIL
\getenv create RSEMU_CREATE
\getenv groups RSEMU_GROUPS
SELECT format('CREATE ROLE %I LOGIN', :'role')
 WHERE :'create' = 'yes' AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L VALID UNTIL %L', :'role', :'password', :'valid_until')
 WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('GRANT %I TO %I', g, :'role')
  FROM json_array_elements_text(:'groups'::json) AS g
 WHERE EXISTS (SELECT 1 FROM pg_roles WHERE rolname = g)
   AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT 'role_exists=' || EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role');
"""


class PgError(Exception):
    pass


class Postgres:
    def __init__(self, sockdir, port, superuser, database):
        self.sockdir = sockdir
        self.port = str(port)
        self.superuser = superuser
        self.database = database
        self.psql = shutil.which('psql') or '/usr/lib/postgresql/15/bin/psql'
        self._lock = threading.Lock()   # one role change at a time

    def set_password(self, role, password, valid_until, create, groups):
        """Give role the password until valid_until (datetime). Creates the role first
        when create is true. Returns whether the role exists afterwards."""
        env = {
            'PATH': os.environ.get('PATH', '/usr/bin:/bin'),
            'PGCONNECT_TIMEOUT': '10',
            'RSEMU_ROLE': role,
            'RSEMU_PASSWORD': password,
            'RSEMU_VALID_UNTIL': valid_until.strftime('%Y-%m-%d %H:%M:%S+00'),
            'RSEMU_CREATE': 'yes' if create else 'no',
            'RSEMU_GROUPS': json.dumps(list(groups or [])),
        }
        cmd = [self.psql, '-X', '-q', '-At', '-h', self.sockdir, '-p', self.port,
               '-U', self.superuser, '-d', self.database, '-f', '-']
        with self._lock:
            try:
                proc = subprocess.run(cmd, input=_SCRIPT, env=env, capture_output=True,
                                      text=True, timeout=30)
            except (OSError, subprocess.TimeoutExpired) as e:
                raise PgError(f'psql did not run: {type(e).__name__}')
        if proc.returncode != 0:
            # psql's stderr names the statement that failed, not the values.
            raise PgError('psql failed: ' + proc.stderr.strip().replace(password, '***')[:500])
        exists = 'role_exists=true' in proc.stdout
        log.info('postgres: role %s %s', role, 'password set' if exists else 'does not exist')
        return exists
