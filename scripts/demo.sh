#!/usr/bin/env bash
# rsodbc in two minutes: build the driver, start a throwaway PostgreSQL (standing in for a
# Redshift cluster) and the project's AWS endpoint emulator, register the driver and two DSNs in a
# private odbcinst.ini/odbc.ini, and run queries through unixODBC's isql: with a password, then
# with IAM (temporary database credentials from GetClusterCredentials). Everything it starts is stopped and removed at the end.
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
    libpq-dev libcurl4-openssl-dev libssl-dev libjson-c-dev libxml2-dev postgresql-15 openssl iproute2 python3 python3-botocore

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

# 5. The same with IAM: no database password anywhere. The driver signs GetClusterCredentials
#    with the AWS keys below (the emulator's fake identity "alice"), the emulator checks the
#    SigV4 signature with botocore, issues a temporary password and sets it on PostgreSQL's
#    role IAMA:alice, and the driver logs in with it.
if [ $rc -eq 0 ]; then
    rs_emulator_up "$(pwd -P)" "$STATE/emu" || rs_die "the AWS emulator did not start"
    cat >> "$ODBCINI" <<EOF

[rsodbc_iam]
Driver = rsodbc
Server = localhost
Port = $RS_PG_PORT
Database = $RS_PG_DATABASE
SSLMode = verify-full
CaFile = $RS_CA_FILE
IAM = 1
ClusterId = emu-cluster
Region = us-east-1
DbUser = alice
AutoCreate = 1
AccessKeyID = AKIAEMULATORALICE001
SecretAccessKey = FAKE+emulator/alice/secret/not/a/real/key0
EndpointUrl = $RS_EMULATOR_URL
EOF
    rs_say "odbc.ini [rsodbc_iam] (secret key masked):"
    sed -n '/^\[rsodbc_iam\]/,$p' "$ODBCINI" | sed -e 's/^SecretAccessKey = .*/SecretAccessKey = ********/' -e 's/^/    /'
    IAM_SQL="SELECT current_user AS temporary_db_user"
    rs_say "isql -v rsodbc_iam <<< \"$IAM_SQL\""
    echo "$IAM_SQL" | timeout 60 isql -v -b rsodbc_iam
    rc=$?
    rs_say "what the AWS emulator saw:"
    /usr/bin/python3 -c '
import json, sys, urllib.request
calls = json.load(urllib.request.urlopen(sys.argv[1] + "/_emulator/calls"))["calls"]
for c in calls:
    print("    %s %s signed by %s -> HTTP %s %s" % (c["service"], c["action"], c["access_key"],
          c["status"], json.dumps(c["params"], sort_keys=True)))
' "$RS_EMULATOR_URL"
fi

if [ $rc -eq 0 ]; then rs_say "done: both queries ran through rsodbc"; else rs_say "the query failed (isql exit $rc)"; fi
exit $rc
