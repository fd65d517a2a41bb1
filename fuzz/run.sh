#!/usr/bin/env bash
# Run one fuzz target (built by fuzz/build.sh) over its seed corpus, with the flags it needs:
#
#   fuzz/run.sh NAME [libFuzzer flags...]     e.g.  fuzz/run.sh connstr -max_total_time=60
#
# The seeds in fuzz/corpus/NAME are read, never written: what the run finds goes to
# build/fuzz/corpus/NAME (kept between runs), crashes to build/fuzz/artifacts/. The last
# line printed is "fuzz_NAME: E execs in S s, N crashes" (from -print_final_stats), and
# the exit status is libFuzzer's (0: no crash, leak, timeout or broken property).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=${RS_FUZZ_OUT:-build/fuzz}
[ $# -ge 1 ] || { echo "usage: fuzz/run.sh NAME [libFuzzer flags...]" >&2; exit 2; }
name=$1
shift
bin="$OUT/fuzz_$name"
[ -x "$bin" ] || { echo "fuzz/run.sh: $bin not built (run fuzz/build.sh)" >&2; exit 2; }
[ -d "fuzz/corpus/$name" ] || { echo "fuzz/run.sh: no seed corpus fuzz/corpus/$name" >&2; exit 2; }

flags=(-timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
case $name in
    # unixODBC keeps state between SQLGetPrivateProfileString calls, so LeakSanitizer would
    # scan the whole heap after each input (50x slower); the parser's leaks are caught by
    # fuzz_connstr, and rs_config_load's by the ASan build's unit and connect tests.
    config) flags+=(-detect_leaks=0) ;;
esac

mkdir -p "$OUT/corpus/$name" "$OUT/artifacts"
log=$(mktemp "${TMPDIR:-/tmp}/rsfuzz.$name.XXXXXX")
"$bin" "${flags[@]}" -artifact_prefix="$OUT/artifacts/$name-" "$@" \
    "$OUT/corpus/$name" "fuzz/corpus/$name" > "$log" 2>&1
rc=$?
execs=$(awk '/stat::number_of_executed_units:/ {print $2}' "$log" | tail -n 1)
secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
if [ $rc -ne 0 ]; then
    grep -E 'ERROR:|runtime error|property failed|SUMMARY|Test unit written' "$log" | head -n 20
    cp "$log" "$OUT/artifacts/$name-last.log"
fi
rm -f "$log"
echo "fuzz_$name: ${execs:-0} execs in ${secs:-?} s, $([ $rc -eq 0 ] && echo 0 || echo 1) crashes"
exit $rc
