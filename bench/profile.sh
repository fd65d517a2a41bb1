#!/usr/bin/env bash
# bench/profile.sh - one workload under callgrind, for finding where the driver spends its time.
#
#   bench/profile.sh [--program rsodbc|psqlodbc|libpq] WORKLOAD [COUNT]
#
# WORKLOAD as odbc_bench takes it (getdata bindcol block text insert_row insert_array connect
# connect_iam latency; with --program libpq: fetch fetch_single insert_row insert_array connect
# latency). COUNT defaults to a size that runs in about a minute under callgrind: 20,000 rows for
# fetches, 5,000 for inserts, 10 connects, 1,000 executions. Only the timed part of the workload
# is counted (bench.h toggles collection around it), so connecting and loading stay out.
# Prints instructions per row (or connect, or execution) and the top 20 functions by their own
# instruction count; the callgrind file is kept for callgrind_annotate or kcachegrind.
# BENCH_TREE=head profiles the last commit's driver instead of the working tree's (bench/build.sh).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

if [ "${1:-}" != --inside ]; then
    prog=rsodbc
    if [ "${1:-}" = --program ]; then
        prog=${2:?--program needs rsodbc, psqlodbc or libpq}
        shift 2
    fi
    [ $# -ge 1 ] && [ $# -le 2 ] || { sed -n 2,13p "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
    command -v valgrind > /dev/null || { echo "error: valgrind is not installed (apt-get install valgrind)" >&2; exit 1; }
    builddir=$(bench/build.sh) || exit 1
    BENCH_OUT=$PWD/build/bench/profile
    export BENCH_OUT
    mkdir -p "$BENCH_OUT"
    RS_EMULATOR_CONFIG=$PWD/bench/emulator.json exec scripts/with-test-env.sh "$builddir" \
        bash bench/profile.sh --inside "$prog" "$@"
fi
shift
# shellcheck source=bench/env.sh
. bench/env.sh
prog=$1 w=$2
case $w in
getdata | bindcol | block | text | fetch | fetch_single) n=${3:-20000} unit=row ;;
insert_row | insert_array) n=${3:-5000} unit=row ;;
connect | connect_iam) n=${3:-10} unit=connect ;;
latency) n=${3:-1000} unit=execution ;;
*) echo "error: unknown workload $w" >&2; exit 2 ;;
esac

bench_load || exit 1
out=$BENCH_OUT/callgrind.$prog.$w.out
rm -f "$out"
echo "==> valgrind --tool=callgrind: $prog $w $n" >&2
BENCH_BIN=build/bench/bin
# bench_exec, with valgrind in front of the program.
odbc() { valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out" "$BENCH_BIN/odbc_bench" "$@"; }
case $prog in
rsodbc) if [ "$w" = connect_iam ]; then odbc "$BENCH_RSODBC_IAM" "$w" "$n"; else odbc "$BENCH_RSODBC" "$w" "$n"; fi ;;
psqlodbc) odbc "$BENCH_PSQLODBC" "$w" "$n" ;;
libpq) valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out" \
    "$BENCH_BIN/libpq_bench" "$BENCH_LIBPQ" "$w" "$n" ;;
*) echo "error: unknown program $prog" >&2; exit 2 ;;
esac > "$BENCH_OUT/run.log" 2> "$BENCH_OUT/valgrind.log" || {
    tail -n 20 "$BENCH_OUT/valgrind.log" >&2
    echo "error: the profiled run failed" >&2
    exit 1
}
grep '^RESULT' "$BENCH_OUT/run.log" >&2

annotated=$(callgrind_annotate --auto=no --inclusive=no "$out")
total=$(awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1; exit }' <<< "$annotated")
[ -n "$total" ] || { echo "error: no totals in $out" >&2; exit 1; }
echo
echo "$prog $w: $total instructions in the timed part for $n ${unit}s: $((total / n)) instructions per $unit"
echo
# The benchmark's own code: functions whose source is under bench/ (the driver's is under driver/).
own=$(awk '/^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ && /bench\/(bench\.h|odbc_bench\.c|libpq_bench\.c):/ { gsub(",", "", $1); s += $1 } END { print s + 0 }' <<< "$annotated")
echo "of which the benchmark program's own code (digest, parsing; not the libc it calls): $((own / n)) per $unit"
echo
echo "Top 20 functions by their own instructions (Ir, share, file:function [object]):"
awk '/^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ { print; if (++k == 20) exit }' <<< "$annotated"
echo
echo "callgrind file: $out (callgrind_annotate --inclusive=yes $out for inclusive costs)"
