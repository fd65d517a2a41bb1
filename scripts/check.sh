#!/usr/bin/env bash
# Build rsodbc and run every test, the way CI does. Run from anywhere, on Debian 12, as root
# (or as a user who already has the packages below):
#
#   bash scripts/check.sh
#
# 1. installs the Debian packages that are missing (apt-get update + install, only then);
# 2. ./autogen.sh; a release build in build/check (--enable-werror) and `make check`;
# 3. the same in build/asan with --enable-sanitizers (AddressSanitizer + UBSan);
# both against one throwaway PostgreSQL 15 (tests/pg/pgserver.sh) and, when present, the AWS
# emulator (tests/aws_emulator/emulator.py). Everything started is stopped on exit.
# The last line is `N passed, M failed` over both runs; the exit status is non-zero when
# something failed or nothing ran.
#
# 4. every stage script in scripts/check.d/ (sorted by name), against the release build, with the
#    same services and ODBC configuration (see scripts/check.d/README.md): fuzzing, valgrind,
#    ThreadSanitizer, packaging, further clients. A stage prints TAP `ok`/`not ok` lines, which
#    count like the tests'; a stage that exits non-zero without a `not ok` counts one failure.
#    A `# packages: a b c` line in a stage names the Debian packages it needs (installed in 1).
#
# Environment: RS_CHECK_VARIANTS="check asan" (default) to run only some builds;
# RS_CHECK_STAGES="fuzz valgrind" to run only the stages whose file name contains one of those
# words (RS_CHECK_STAGES=none: no stage); RS_CHECK_JOBS=2 parallel jobs; RS_CHECK_TIMEOUT=900
# seconds for each `make check` and for each stage; TESTS='...' is passed on to make check.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
TOP=$(pwd -P)
# shellcheck source=scripts/testenv.sh
. scripts/testenv.sh

JOBS=${RS_CHECK_JOBS:-2}
VARIANTS=${RS_CHECK_VARIANTS:-check asan}
CHECK_TIMEOUT=${RS_CHECK_TIMEOUT:-900}
START=$(date +%s)

PASSED=0
FAILED=0
SKIPPED=0
FAILED_STAGES=()

stage_failed() {
    FAILED=$((FAILED + 1))
    FAILED_STAGES+=("$1")
    echo "FAILED: $1"
}

STATE=""
cleanup() {
    rs_services_down
    [ -z "$STATE" ] || rm -rf "$STATE"
}
# On any early exit, still stop everything and end with the summary line (counting the abort).
SUMMARY_DONE=no
finish() {
    local rc=$?
    cleanup
    if [ $SUMMARY_DONE = no ]; then
        echo "$PASSED passed, $((FAILED + 1)) failed"
        [ $rc -ne 0 ] || rc=1
    fi
    exit $rc
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Tests must not wait on a terminal, and the driver manager reads only our files.
exec < /dev/null
unset ODBCSYSINI ODBCINI ODBCINSTINI

STAGES=()
for st in scripts/check.d/*.sh; do
    [ -f "$st" ] || continue
    if [ -n "${RS_CHECK_STAGES:-}" ]; then
        want=no
        for w in $RS_CHECK_STAGES; do case $(basename "$st") in *"$w"*) want=yes ;; esac; done
        [ $want = yes ] || continue
    fi
    STAGES+=("$st")
done
STAGE_PACKAGES=$(sed -n 's/^# packages://p' "${STAGES[@]+"${STAGES[@]}"}" /dev/null | tr '\n' ' ')

# shellcheck disable=SC2086
rs_ensure_packages $RS_PACKAGES $STAGE_PACKAGES

if [ -f "$TOP/config.status" ] || [ -f "$TOP/Makefile" ]; then
    rs_die "the source tree was configured in place ($TOP/config.status or Makefile exists);
this script builds out of tree (build/check, build/asan). Run 'make distclean' in $TOP first."
fi

rs_say "autogen"
mkdir -p build
./autogen.sh > build/autogen.log 2>&1 || { tail -n 30 build/autogen.log; rs_die "autogen.sh failed"; }

STATE=$(mktemp -d /tmp/rsodbc-check.XXXXXX)

rs_services_up "$STATE" || stage_failed "the AWS emulator did not start: its tests will fail"

# Counts from automake's test-suite.log: with the TAP driver each `ok`/`not ok` is one result.
count_results() {
    local log=$1 p xp f xf e s
    p=$(awk '/^# PASS:/ {print $3}' "$log"); xp=$(awk '/^# XPASS:/ {print $3}' "$log")
    f=$(awk '/^# FAIL:/ {print $3}' "$log"); xf=$(awk '/^# XFAIL:/ {print $3}' "$log")
    e=$(awk '/^# ERROR:/ {print $3}' "$log"); s=$(awk '/^# SKIP:/ {print $3}' "$log")
    PASSED=$((PASSED + ${p:-0} + ${xp:-0}))
    FAILED=$((FAILED + ${f:-0} + ${xf:-0} + ${e:-0}))
    SKIPPED=$((SKIPPED + ${s:-0}))
    echo "    pass ${p:-0}, xpass ${xp:-0}, fail ${f:-0}, xfail ${xf:-0}, error ${e:-0}, skip ${s:-0}"
}

# The tail of every test log whose .trs records a failure.
show_failures() {
    local b=$1 trs
    while IFS= read -r trs; do
        echo "---- ${trs%.trs}.log (last 40 lines) ----"
        tail -n 40 "${trs%.trs}.log" 2>/dev/null
    done < <(grep -lE '^:test-result: (FAIL|XPASS|ERROR)' -r "$b" --include='*.trs' 2>/dev/null | sort)
}

run_variant() {
    local name=$1 b="build/$1" flags=() t0
    t0=$(date +%s)
    case $name in
        check) flags=(--enable-werror) ;;
        asan) flags=(--enable-werror --enable-sanitizers) ;;
        *) rs_die "unknown variant $name" ;;
    esac
    rs_say "$b: configure ${flags[*]}"
    mkdir -p "$b"
    if ! (cd "$b" && ../../configure -q "${flags[@]}") > "$b/configure.out" 2>&1; then
        tail -n 30 "$b/configure.out"
        stage_failed "$b: configure"
        return
    fi
    rs_say "$b: make -j$JOBS"
    if ! make -C "$b" -j"$JOBS" > "$b/make.out" 2>&1; then
        grep -E 'error|Error' "$b/make.out" | head -n 40
        tail -n 20 "$b/make.out"
        stage_failed "$b: make"
        return
    fi
    rs_odbc_env "$b" "$STATE/odbc-$name"
    if [ "$name" = asan ]; then rs_foreign_env asan; else rs_foreign_env release; fi
    rs_say "$b: make check -j$JOBS"
    rm -f "$b/test-suite.log"
    # A hung test must not eat CI's time: the whole `make check` gets a limit (timeout signals
    # make's process group, tests included).
    timeout --kill-after=30 "$CHECK_TIMEOUT" \
        make -C "$b" -j"$JOBS" check ${TESTS:+TESTS="$TESTS"} > "$b/check.out" 2>&1
    local rc=$?
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        echo "    make check was stopped after ${CHECK_TIMEOUT}s; tests still running then:"
        find "$b/tests" -name '*.log' 2>/dev/null | while IFS= read -r l; do
            [ -f "${l%.log}.trs" ] || { echo "---- $l (last 20 lines) ----"; tail -n 20 "$l"; }
        done
        stage_failed "$b: make check timed out after ${CHECK_TIMEOUT}s"
        return
    fi
    grep -E '^(PASS|FAIL|XPASS|XFAIL|ERROR|SKIP):' "$b/check.out" | grep -vE '^PASS:' | head -n 200
    if [ -f "$b/test-suite.log" ]; then
        count_results "$b/test-suite.log"
        [ $rc -eq 0 ] || show_failures "$b"
    else
        tail -n 40 "$b/check.out"
        stage_failed "$b: make check (no test-suite.log: the tests did not build or run)"
    fi
    echo "    $b took $(( $(date +%s) - t0 ))s"
}

# A stage script from scripts/check.d: TAP lines on stdout (kept in build/stages/NAME.log).
run_stage() {
    local st=$1 name log rc p f t0
    name=$(basename "$st" .sh)
    log=build/stages/$name.log
    t0=$(date +%s)
    mkdir -p build/stages
    rs_say "stage $name"
    RS_TOP=$TOP RS_BUILD=$TOP/build/check RS_BUILD_ASAN=$TOP/build/asan RS_STATE=$STATE \
        RS_JOBS=$JOBS timeout --kill-after=30 "$CHECK_TIMEOUT" bash "$st" > "$log" 2>&1
    rc=$?
    p=$(grep -cE '^ok( |$)' "$log")
    f=$(grep -cE '^not ok( |$)' "$log")
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
    echo "    pass $p, fail $f, exit $rc, $(( $(date +%s) - t0 ))s (log $log)"
    if [ "$f" -gt 0 ] || [ $rc -ne 0 ]; then
        grep -E '^not ok' "$log" | head -n 40
        tail -n 30 "$log"
        if [ "$f" -eq 0 ]; then stage_failed "stage $name exited with status $rc"; fi
    fi
}

for v in $VARIANTS; do
    run_variant "$v"
done

if [ ${#STAGES[@]} -gt 0 ] && [ "${RS_CHECK_STAGES:-}" != none ]; then
    if [ -f build/check/Makefile ]; then
        # The stages test the release build, with the configuration the tests had.
        rs_odbc_env build/check "$STATE/odbc-stages"
        rs_foreign_env release
    fi
    for st in "${STAGES[@]}"; do
        run_stage "$st"
    done
fi

cleanup
SUMMARY_DONE=yes
echo "==> total $(( $(date +%s) - START ))s; skipped $SKIPPED"
for s in "${FAILED_STAGES[@]+"${FAILED_STAGES[@]}"}"; do echo "failed stage: $s"; done
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ] && [ "$PASSED" -gt 0 ]
