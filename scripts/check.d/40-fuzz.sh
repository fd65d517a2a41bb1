#!/usr/bin/env bash
# Fuzzing smoke run: build the libFuzzer targets (fuzz/build.sh: clang, ASan, UBSan, in
# build/fuzz) and run each for a couple of seconds over its seed corpus in fuzz/corpus, so a
# parser change that crashes, leaks, hangs or breaks a target's property shows up in CI.
# One TAP line per target: "ok N - fuzz_NAME: E execs, no crash". The long runs (10 million
# executions a target) are described in fuzz/README.md.
# packages: clang libclang-rt-14-dev
set -uo pipefail
cd "${RS_TOP:-$(dirname "${BASH_SOURCE[0]}")/../..}" || exit 1

SECONDS_EACH=${RS_FUZZ_SECONDS:-2}
targets=()
for src in fuzz/fuzz_*.c; do
    t=$(basename "$src" .c)
    targets+=("${t#fuzz_}")
done
echo "1..${#targets[@]}"

mkdir -p build
if ! fuzz/build.sh > build/fuzz-build.log 2>&1; then
    tail -n 30 build/fuzz-build.log
    for i in "${!targets[@]}"; do
        echo "not ok $((i + 1)) - fuzz_${targets[$i]}: the fuzz targets did not build (build/fuzz-build.log)"
    done
    exit 1
fi

status=0
for i in "${!targets[@]}"; do
    name=${targets[$i]}
    out=$(fuzz/run.sh "$name" -max_total_time="$SECONDS_EACH" 2>&1)
    rc=$?
    summary=$(printf '%s\n' "$out" | tail -n 1)
    execs=$(printf '%s\n' "$summary" | sed -n 's/^fuzz_[a-z_]*: \([0-9]*\) execs.*/\1/p')
    if [ $rc -eq 0 ] && [ "${execs:-0}" -gt 0 ]; then
        echo "ok $((i + 1)) - fuzz_$name: $execs execs, no crash"
    else
        printf '%s\n' "$out" | sed 's/^/# /'
        echo "not ok $((i + 1)) - fuzz_$name: exit $rc (${execs:-0} execs; input in build/fuzz/artifacts/)"
        status=1
    fi
done
exit $status
