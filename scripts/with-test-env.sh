#!/usr/bin/env bash
# Run a command inside the test environment scripts/check.sh sets up, for one build directory:
# a throwaway PostgreSQL 15, the AWS emulator (when tests/aws_emulator/emulator.py exists) and a
# private unixODBC configuration registering BUILDDIR's driver. Everything stops afterwards.
#
#   scripts/with-test-env.sh [--asan] BUILDDIR COMMAND [ARG...]
#
# --asan exports RS_PRELOAD for a sanitizer build (client tests preload it into isql/python3).
# Examples:
#   scripts/with-test-env.sh build/me make -C build/me check TESTS='tests/clients/isql.sh'
#   scripts/with-test-env.sh build/me bash      # a shell: isql rs_md5, psql, ...
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
# shellcheck source=scripts/testenv.sh
. scripts/testenv.sh

mode=release
if [ "${1:-}" = --asan ]; then mode=asan; shift; fi
[ $# -ge 2 ] || rs_die "usage: $0 [--asan] BUILDDIR COMMAND [ARG...]"
builddir=$1
shift
[ -d "$builddir" ] || rs_die "no build directory $builddir"

STATE=$(mktemp -d /tmp/rsodbc-env.XXXXXX)
trap 'rs_services_down; rm -rf "$STATE"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
unset ODBCSYSINI ODBCINI ODBCINSTINI

rs_services_up "$STATE" >&2 || echo "warning: going on without the AWS emulator" >&2
rs_odbc_env "$builddir" "$STATE/odbc"
rs_foreign_env "$mode"
rs_say "ODBCSYSINI=$ODBCSYSINI; DSNs rs_md5, rs_scram, rs_nopwd (rsodbc) and pg_md5 (psqlODBC)" >&2
"$@"
