#!/usr/bin/env bash
# isql (unixODBC's ANSI client) against the test server through rsodbc: DSNs, DSN-less
# connection strings, queries, SQLTables/SQLColumns via `help`, login failures. TAP.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"
# shellcheck source=tests/clients/isql_suite.sh
. "$(dirname "$0")/isql_suite.sh"
rs_isql_suite isql
