#!/usr/bin/env bash
# rsodbc in two minutes: build the driver, start a throwaway PostgreSQL (standing in for a
# Redshift cluster), register the driver and a DSN in a private odbcinst.ini/odbc.ini, and run a
# query through unixODBC's isql. Everything it starts is stopped and removed at the end.
#
#   bash scripts/demo.sh
#
# Works on a fresh Debian 12 as root (installs the missing Debian packages). The build lands in
# build/demo. Set RS_DEMO_SQL to run another query.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# shellcheck source=scripts/testenv.sh
. scripts/testenv.sh

SQL=${RS_DEMO_SQL:-SELECT current_user, version()}
BUILD=build/demo

# shellcheck disable=SC2086
rs_ensure_packages build-essential autoconf automake libtool pkg-config unixodbc unixodbc-dev \
    libpq-dev libcurl4-openssl-dev libssl-dev libjson-c-dev libxml2-dev postgresql-15 openssl iproute2

[ -f config.status ] && rs_die "the source tree was configured in place; run 'make distclean' first"

STATE=$(mktemp -d /tmp/rsodbc-demo.XXXXXX)
trap 'rs_services_down; rm -rf "$STATE"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
unset ODBCSYSINI ODBCINI ODBCINSTINI

# 1. Build the driver (release).
if [ ! -x configure ]; then
    rs_say "autogen"
    ./autogen.sh > "$STATE/autogen.log" 2>&1 || { tail -n 20 "$STATE/autogen.log"; rs_die "autogen.sh failed"; }
fi
rs_say "building the driver in $BUILD"
mkdir -p "$BUILD"
(cd "$BUILD" && ../../configure -q) > "$STATE/configure.log" 2>&1 \
    || { tail -n 20 "$STATE/configure.log"; rs_die "configure failed"; }
make -C "$BUILD" -j2 > "$STATE/make.log" 2>&1 || { tail -n 30 "$STATE/make.log"; rs_die "make failed"; }
DRIVER=$(pwd -P)/$BUILD/.libs/rsodbc.so
SETUP=$(pwd -P)/$BUILD/.libs/rsodbcS.so
[ -f "$DRIVER" ] || rs_die "the build made no $DRIVER"

# 2. A throwaway PostgreSQL 15 with TLS (its own CA) and a SCRAM user.
rs_services_up "$STATE" pg-only

# 3. Register the driver and a DSN, privately (ODBCSYSINI / ODBCINI point unixODBC at them).
export ODBCSYSINI=$STATE/odbc
export ODBCINI=$ODBCSYSINI/odbc.ini
mkdir -p "$ODBCSYSINI"
cat > "$ODBCSYSINI/odbcinst.ini" <<EOF
[rsodbc]
Description = rsodbc, ODBC driver for Amazon Redshift
Driver = $DRIVER
Setup = $SETUP
EOF
cat > "$ODBCINI" <<EOF
[rsodbc_demo]
Driver = rsodbc
Server = localhost
Port = $RS_PG_PORT
Database = $RS_PG_DATABASE
UID = rs_scram
PWD = scram-secret-1
SSLMode = verify-full
CaFile = $RS_CA_FILE
LoginTimeout = 10
EOF
chmod 600 "$ODBCINI"
rs_say "odbcinst.ini:"
sed 's/^/    /' "$ODBCSYSINI/odbcinst.ini"
rs_say "odbc.ini (password masked):"
sed -e 's/^PWD = .*/PWD = ********/' -e 's/^/    /' "$ODBCINI"

# 4. A query through the driver manager and the driver.
rs_say "isql -v rsodbc_demo <<< \"$SQL\""
echo "$SQL" | timeout 60 isql -v -b rsodbc_demo
rc=$?

# 5. IAM (GetClusterCredentials through the AWS emulator) will go here: start the emulator with
#    rs_emulator_up, add an [rsodbc_iam] DSN (IAM=1, ClusterID, Region, DbUser, AWS profile or
#    keys pointing at $RS_EMULATOR_URL) and run the same query through it.

if [ $rc -eq 0 ]; then rs_say "done: the query ran through rsodbc"; else rs_say "the query failed (isql exit $rc)"; fi
exit $rc
