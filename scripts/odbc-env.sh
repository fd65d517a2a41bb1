#!/usr/bin/env bash
# Write a private unixODBC configuration for the tests and print `export` lines for it.
#
#   scripts/odbc-env.sh BUILDDIR OUTDIR
#
# Reads the test server's description from the environment (the lines tests/pg/pgserver.sh env
# prints: RS_PG_HOST, RS_PG_PORT, RS_PG_DATABASE, RS_CA_FILE). Writes
#   OUTDIR/odbcinst.ini  drivers: [rsodbc] (BUILDDIR/.libs/rsodbc.so, setup rsodbcS.so) and
#                        [psqlodbc] (Debian's odbc-postgresql, for comparison)
#   OUTDIR/odbc.ini      DSNs: rs_md5, rs_scram (rsodbc, password login, TLS verify-full),
#                        rs_nopwd (rs_md5 without PWD: give the password at connect time),
#                        pg_md5 (the same server through psqlODBC)
#   OUTDIR/env           the export lines, also printed: ODBCSYSINI, ODBCINSTINI, ODBCINI,
#                        RS_DRIVER, RS_SETUP, RS_PSQLODBC
# The DSN keywords (Server, Port, Database, UID, PWD, SSLMode, CaFile, LoginTimeout) are rsodbc's.
set -euo pipefail

die() { echo "odbc-env.sh: $*" >&2; exit 1; }

[ $# -eq 2 ] || die "usage: $0 BUILDDIR OUTDIR"
: "${RS_PG_HOST:?run eval \"\$(tests/pg/pgserver.sh env STATE_DIR)\" first}"
: "${RS_PG_PORT:?}" "${RS_PG_DATABASE:?}" "${RS_CA_FILE:?}"

builddir=$(cd "$1" && pwd -P) || die "no build directory $1"
mkdir -p "$2"
out=$(cd "$2" && pwd -P)

driver=$builddir/.libs/rsodbc.so
setup=$builddir/.libs/rsodbcS.so
# Debian's multiarch directory; found through dpkg so another architecture works too.
psqlodbc=$(dpkg -L odbc-postgresql 2>/dev/null | grep '/psqlodbcw\.so$' | head -n 1 || true)
[ -n "$psqlodbc" ] || psqlodbc=/usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so

cat > "$out/odbcinst.ini" <<EOF
[ODBC]
Trace = No

[rsodbc]
Description = rsodbc, ODBC driver for Amazon Redshift (build $builddir)
Driver = $driver
Setup = $setup
UsageCount = 1

[psqlodbc]
Description = PostgreSQL ODBC driver (Unicode), for comparison
Driver = $psqlodbc
UsageCount = 1
EOF

dsn() {
    local name=$1 user=$2 pwd=${3:-}
    cat <<EOF
[$name]
Description = rsodbc test DSN ($user)
Driver = rsodbc
Server = $RS_PG_HOST
Port = $RS_PG_PORT
Database = $RS_PG_DATABASE
UID = $user
EOF
    [ -z "$pwd" ] || echo "PWD = $pwd"
    cat <<EOF
SSLMode = verify-full
CaFile = $RS_CA_FILE
LoginTimeout = 10

EOF
}

{
    dsn rs_md5 rs_md5 md5-secret-1
    dsn rs_scram rs_scram scram-secret-1
    dsn rs_nopwd rs_md5
    cat <<EOF
[pg_md5]
Description = the test server through psqlODBC
Driver = psqlodbc
Servername = $RS_PG_HOST
Port = $RS_PG_PORT
Database = $RS_PG_DATABASE
Username = rs_md5
Password = md5-secret-1
SSLmode = verify-full
pqopt = sslrootcert=$RS_CA_FILE
EOF
} > "$out/odbc.ini"

# The files hold test passwords only, but keep them private anyway.
chmod 600 "$out/odbc.ini"

cat > "$out/env" <<EOF
export ODBCSYSINI=$out
export ODBCINSTINI=odbcinst.ini
export ODBCINI=$out/odbc.ini
export RS_DRIVER=$driver
export RS_SETUP=$setup
export RS_PSQLODBC=$psqlodbc
EOF
cat "$out/env"
