# shellcheck shell=bash
# TAP and environment helpers for the client tests (sourced by bash scripts in tests/clients).
#
# The tests read the environment scripts/check.sh (or scripts/with-test-env.sh) exports:
# RS_PG_* and RS_CA_FILE (tests/pg/README.md), ODBCSYSINI/ODBCINI (scripts/odbc-env.sh) and
# RS_PRELOAD / RS_PRELOAD_ASAN_OPTIONS (set in the sanitizer run: the AddressSanitizer runtime the
# foreign programs isql, iusql and python3 must preload to load a sanitized driver).

RS_T_N=0
RS_T_FAILED=0

# Without the test environment there is nothing to talk to: skip the whole file, saying why.
rs_need_env() {
    local v
    for v in RS_PG_PORT RS_PG_SOCKDIR RS_CA_FILE ODBCSYSINI ODBCINI; do
        if [ -z "${!v:-}" ]; then
            echo "1..0 # SKIP $v is not set: run through scripts/check.sh or scripts/with-test-env.sh"
            exit 0
        fi
    done
}

rs_plan() { echo "1..$1"; }

# rs_ok CONDITION_STATUS DESCRIPTION [DETAIL...]: one TAP result; details become # comments.
rs_ok() {
    local status=$1 desc=$2
    shift 2
    RS_T_N=$((RS_T_N + 1))
    if [ "$status" -eq 0 ]; then
        echo "ok $RS_T_N - $desc"
    else
        RS_T_FAILED=$((RS_T_FAILED + 1))
        echo "not ok $RS_T_N - $desc"
        local line
        for line in "$@"; do
            printf '%s\n' "$line" | sed 's/^/#   /'
        done
    fi
}

# Run a program that is not ours (isql, iusql, python3) with a time limit, preloading the
# sanitizer runtime when the driver was built with it. Output (stdout and stderr) goes to stdout.
rs_foreign() {
    if [ -n "${RS_PRELOAD:-}" ]; then
        timeout 60 env LD_PRELOAD="$RS_PRELOAD" ASAN_OPTIONS="${RS_PRELOAD_ASAN_OPTIONS:-detect_leaks=0}" "$@" 2>&1
    else
        timeout 60 "$@" 2>&1
    fi
}

# True when OUTPUT shows a sanitizer report or a crash signal.
rs_sanitizer_report() {
    grep -qE 'AddressSanitizer|LeakSanitizer|runtime error:|Segmentation fault|Aborted' <<< "$1"
}

# SQL as the superuser over the Unix socket (trust), for setting up and cleaning up.
rs_psql_super() {
    PGOPTIONS="-c client_min_messages=warning" PGCONNECT_TIMEOUT=10 psql -X -q -At -v ON_ERROR_STOP=1 -h "$RS_PG_SOCKDIR" -p "$RS_PG_PORT" \
        -U "${RS_PG_SUPERUSER:-rsadmin}" -d "${RS_PG_DATABASE:-rstest}" "$@"
}

rs_done() {
    [ "$RS_T_FAILED" -eq 0 ]
}
