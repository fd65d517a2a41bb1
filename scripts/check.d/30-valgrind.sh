#!/usr/bin/env bash
# Stage: a representative subset of the C tests under valgrind memcheck, against the release
# build (RS_BUILD). Each program must pass its own TAP tests and valgrind must report 0 errors
# and 0 bytes definitely or indirectly lost, in the program and in every child it forks or runs
# of itself (--trace-children; foreign programs such as python3 and psql are skipped). scripts/valgrind.supp holds suppressions for libraries'
# own reports only, never for rsodbc frames.
#
# One TAP line per program: "ok N - valgrind PROGRAM: E errors, D bytes definitely and I bytes
# indirectly lost (P processes, T tests passed, S s)".
# RS_VALGRIND_TESTS overrides the list (paths relative to the build directory).
#
# packages: valgrind
set -uo pipefail

TOP=${RS_TOP:-$(pwd -P)}
BUILD=${RS_BUILD:-$TOP/build/check}
SUPP=$TOP/scripts/valgrind.supp
OUT=$TOP/build/valgrind
rm -rf "$OUT"
mkdir -p "$OUT"

# Connect (keywords, TLS, errors), execute, parameters and data at execution (SQLCancel from
# another thread included), fetch, descriptors, catalog; IAM: the login end to end against the
# emulator (tests/unit/aws_iam), the credential sources (creds_chain, creds_http) and IAM logins
# through the driver manager by several threads sharing the credential cache (tests/stress/stress
# at a light load); unit tests of the connection string parser, conversions and the cache.
# Left out for time: tests/odbc/stream (300,000-row results: minutes under valgrind) and the
# tests/iam programs (a valgrind process for every login: minutes; iam_cache's 5 s reuse window
# is also too short for valgrind's start-up).
DEFAULT_TESTS="tests/odbc/connect tests/odbc/execute tests/odbc/params_dae tests/odbc/fetch
 tests/odbc/desc tests/odbc/catalog_keys tests/unit/aws_iam driver/aws/creds/tests/creds_chain
 driver/aws/creds/tests/creds_http tests/stress/stress tests/unit/unit_connstr
 tests/unit/unit_convert tests/unit/aws_dbcred_cache tests/odbc/diag"
# The stress program at a load valgrind can carry: 4 threads x 2 cycles, two 20 s windows.
export RS_STRESS_THREADS=${RS_STRESS_THREADS:-4} RS_STRESS_CYCLES=${RS_STRESS_CYCLES:-2}
export RS_STRESS_WINDOW_S=${RS_STRESS_WINDOW_S:-20} RS_STRESS_LOGIN_TIMEOUT_S=${RS_STRESS_LOGIN_TIMEOUT_S:-120}
TESTS_TO_RUN=${RS_VALGRIND_TESTS:-$DEFAULT_TESTS}

if ! command -v valgrind > /dev/null; then
    echo "not ok 1 - valgrind is installed"
    exit 1
fi

# Run one program under valgrind, its TAP output in DIR/tap.out and a valgrind log per process.
run_valgrind() {
    local t=$1 dir=$2
    (cd "$BUILD" && top_srcdir=$TOP top_builddir=$BUILD ./libtool --mode=execute \
        valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite,indirect \
        --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=40 \
        --keep-debuginfo=yes --suppressions="$SUPP" --gen-suppressions=all \
        --trace-children=yes \
        --trace-children-skip='*python3*,*psql*,*/rm,*/sh,*/bash,*/env,*openssl*' \
        --log-file="$dir/vg.%p.log" "./$t") > "$dir/tap.out" 2>&1
}

n=0
status=0
for t in $TESTS_TO_RUN; do
    n=$((n + 1))
    name=$(basename "$t")
    logdir=$OUT/$name
    mkdir -p "$logdir"
    t0=$(date +%s)
    if [ ! -x "$BUILD/$t" ]; then
        make -C "$BUILD" "$t" > "$logdir/make.out" 2>&1
    fi
    run_valgrind "$t" "$logdir"
    rc=$?
    # The first TLS login under valgrind translates much of OpenSSL and can pass the tests'
    # LoginTimeout=10 on a busy machine: a program that could not reach the server at all gets
    # one more run (said in a comment line); the figures add up both runs' valgrind reports.
    if [ "$rc" -ne 0 ] && grep -q '^Bail out! cannot connect to the test server' "$logdir/tap.out"; then
        echo "# $name could not connect to the test server under valgrind (timeout); running it again"
        mkdir -p "$logdir/first-run"
        mv "$logdir"/vg.*.log "$logdir/tap.out" "$logdir/first-run/" 2>/dev/null
        run_valgrind "$t" "$logdir"
        rc=$?
    fi
    took=$(( $(date +%s) - t0 ))
    errors=0 definite=0 indirect=0 procs=0
    # (a first run's reports count too)
    for l in "$logdir"/vg.*.log "$logdir"/first-run/vg.*.log; do
        [ -f "$l" ] || continue
        procs=$((procs + 1))
        e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$l" | tail -n 1 | tr -d ,)
        d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$l" | tail -n 1 | tr -d ,)
        i=$(sed -n 's/.*indirectly lost: \([0-9,]*\) bytes.*/\1/p' "$l" | tail -n 1 | tr -d ,)
        errors=$((errors + ${e:-0}))
        definite=$((definite + ${d:-0}))
        indirect=$((indirect + ${i:-0}))
    done
    passed=$(grep -cE '^ok( |$)' "$logdir/tap.out")
    failed=$(grep -cE '^not ok( |$)' "$logdir/tap.out")
    plan=$(grep -cE '^1\.\.[1-9]' "$logdir/tap.out")
    what="valgrind $name: $errors errors, $definite bytes definitely and $indirect bytes indirectly lost ($procs processes, $passed tests passed, $failed failed, exit $rc, ${took}s)"
    if [ "$rc" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$definite" -eq 0 ] && [ "$indirect" -eq 0 ] &&
        [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && [ "$plan" -gt 0 ] && [ "$procs" -gt 0 ]; then
        echo "ok $n - $what"
    else
        echo "not ok $n - $what"
        status=1
        grep -E '^not ok' "$logdir/tap.out" | head -n 10 | sed 's/^/#   /'
        # The first reports, with their stacks.
        for l in "$logdir"/vg.*.log "$logdir"/first-run/vg.*.log; do
            [ -f "$l" ] || continue
            if grep -qE '(definitely|indirectly) lost: [1-9]|ERROR SUMMARY: [1-9]' "$l"; then
                echo "#   ---- $l"
                # without the generated suppression blocks ({ ... }), kept in the log file
                awk '/^\{$/ {s = 1} !s && !/^==[0-9]+== *$/ {print} /^\}$/ {s = 0}' "$l" |
                    sed -n '/Command:/,$p' | head -n 80 | sed 's/^/#   /'
            fi
        done | head -n 300
    fi
done
echo "1..$n"
exit $status
