#!/usr/bin/env bash
# Stage: ThreadSanitizer. Builds the driver and the threaded tests with -fsanitize=thread in
# build/tsan (no --enable-sanitizers: TSan does not mix with ASan), registers that driver in an
# ODBC configuration of its own and runs, each with TSan reporting into log files:
#   tests/stress/stress          32 threads x 25 IAM connect-query-disconnect cycles through the
#                                shared credential cache, shared and own environments, then
#                                validity windows (the full 32 x 200 runs uninstrumented in
#                                34-stress.sh: under TSan it would take minutes)
#   tests/odbc/params_dae        among others SQLCancel from another thread
#   tests/iam/iam_cache          8 threads connecting at once (single flight), in child processes
#   tests/unit/aws_dbcred_cache  the cache's single flight, waiters, eviction
# unixODBC, libpq, OpenSSL and libcurl are not instrumented; their locks still count for TSan,
# because its runtime intercepts pthread calls from every library of the (instrumented) program.
# One TAP line per program: the program's own result and the number of TSan reports (must be 0).
# RS_TSAN_STRESS_CYCLES changes the stress program's cycles per thread (default 25).
set -uo pipefail

TOP=${RS_TOP:-$(pwd -P)}
B=$TOP/build/tsan
JOBS=${RS_JOBS:-2}
PROGRAMS="tests/stress/stress tests/odbc/params_dae tests/iam/iam_cache tests/unit/aws_dbcred_cache"
cd "$TOP" || exit 1
# shellcheck source=scripts/testenv.sh
. scripts/testenv.sh

t0=$(date +%s)
mkdir -p "$B"
flags="CFLAGS=-fsanitize=thread -g -O1|LDFLAGS=-fsanitize=thread"
if [ ! -f "$B/Makefile" ] || [ "$(cat "$B/.rs-tsan-flags" 2>/dev/null)" != "$flags" ]; then
    if ! (cd "$B" && ../../configure -q CFLAGS='-fsanitize=thread -g -O1' LDFLAGS=-fsanitize=thread) \
        > "$B/configure.out" 2>&1; then
        tail -n 30 "$B/configure.out"
        echo "not ok 1 - build/tsan: configure"
        exit 1
    fi
    echo "$flags" > "$B/.rs-tsan-flags"
fi
# shellcheck disable=SC2086
if ! make -C "$B" -j"$JOBS" all $PROGRAMS > "$B/make.out" 2>&1; then
    grep -E 'error' "$B/make.out" | head -n 40
    echo "not ok 1 - build/tsan: make"
    exit 1
fi
echo "# build/tsan built in $(( $(date +%s) - t0 ))s"

# The TSan driver, registered as rsodbc for these programs only.
rs_odbc_env "$B" "$B/odbc"
LOGS=$B/tsan-logs
rm -rf "$LOGS"
mkdir -p "$LOGS"

n=0
status=0
for p in $PROGRAMS; do
    n=$((n + 1))
    name=$(basename "$p")
    t1=$(date +%s)
    # Every process (the IAM test's children too) writes its reports to LOGS/NAME.PID.
    (cd "$B" && top_srcdir=$TOP top_builddir=$B \
        RS_STRESS_CYCLES=${RS_TSAN_STRESS_CYCLES:-25} \
        TSAN_OPTIONS="log_path=$LOGS/$name second_deadlock_stack=1 halt_on_error=0 exitcode=66 history_size=4" \
        "./$p") > "$LOGS/$name.tap" 2>&1
    rc=$?
    reports=$(cat "$LOGS/$name".[0-9]* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer')
    passed=$(grep -cE '^ok( |$)' "$LOGS/$name.tap")
    failed=$(grep -cE '^not ok( |$)' "$LOGS/$name.tap")
    what="tsan $name: $reports ThreadSanitizer reports ($passed tests passed, $failed failed, exit $rc, $(( $(date +%s) - t1 ))s)"
    if [ "$rc" -eq 0 ] && [ "$reports" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]; then
        echo "ok $n - $what"
    else
        echo "not ok $n - $what"
        status=1
        grep -E '^not ok|^#' "$LOGS/$name.tap" | head -n 20 | sed 's/^/#   /'
        cat "$LOGS/$name".[0-9]* 2>/dev/null | head -n 150 | sed 's/^/#   /'
    fi
done
echo "# tsan stage took $(( $(date +%s) - t0 ))s"
echo "1..$n"
exit $status
