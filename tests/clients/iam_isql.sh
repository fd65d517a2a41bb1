#!/usr/bin/env bash
# isql against the test server through rsodbc with IAM (temporary database credentials from the
# AWS emulator): a parameterized (server-side prepared) statement, non-ASCII text and a timestamp
# read back. See iam_isql_suite.sh. TAP.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
# shellcheck source=tests/clients/iam_isql_suite.sh
. "$(dirname "$0")/iam_isql_suite.sh"
rs_iam_isql_suite isql
