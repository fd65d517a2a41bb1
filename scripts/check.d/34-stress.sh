#!/usr/bin/env bash
# Stage: tests/stress/stress at its full load against the release build (RS_BUILD): 32 threads x
# 200 IAM connect-query-disconnect cycles through the driver manager and the shared credential
# cache, half the threads sharing one environment, then validity windows; 0 failures and exactly
# one GetClusterCredentials per cache key per window, counted by a private AWS emulator.
# (make check runs the same program with 20 cycles a thread.) Its TAP lines are this stage's.
# RS_STRESS_THREADS / RS_STRESS_CYCLES override the load.
set -uo pipefail

TOP=${RS_TOP:-$(pwd -P)}
BUILD=${RS_BUILD:-$TOP/build/check}
if [ ! -x "$BUILD/tests/stress/stress" ] && ! make -C "$BUILD" tests/stress/stress > /dev/null 2>&1; then
    echo "not ok 1 - tests/stress/stress builds"
    exit 1
fi
cd "$BUILD" || exit 1
top_srcdir=$TOP top_builddir=$BUILD RS_STRESS_THREADS=${RS_STRESS_THREADS:-32} \
    RS_STRESS_CYCLES=${RS_STRESS_CYCLES:-200} ./tests/stress/stress
