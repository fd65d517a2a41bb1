#!/usr/bin/env bash
# bench/run.sh - rsodbc against psqlODBC and raw libpq on the test PostgreSQL (bench/README.md).
#
#   bench/run.sh [ROUNDS]     ROUNDS of every workload (default 5; the inserts run at most
#                             BENCH_INSERT_ROUNDS=3 rounds to stay under ten minutes)
#   BENCH_SCALE=10 bench/run.sh 1    a smoke run with every count divided by 10
#   BENCH_TREE=head bench/run.sh     measure the last commit's driver, not the working tree's
#
# Builds a release driver and the programs (bench/build.sh), starts the test environment
# (scripts/with-test-env.sh, with bench/emulator.json for the AWS emulator), loads the data,
# runs the programs in alternation (the order rotates every round), and prints the Markdown
# report (also in build/bench/results/DATE/report.md). Exits non-zero when a digest differs
# between programs or a run fails.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

if [ "${1:-}" != --inside ]; then
    BENCH_T0=$(date +%s)
    export BENCH_T0
    # The driver's source as built (others may be editing the tree).
    BENCH_COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
    if [ "${BENCH_TREE:-work}" != head ] && ! git diff --quiet HEAD -- driver 2>/dev/null; then
        BENCH_COMMIT="$BENCH_COMMIT with uncommitted driver changes"
    fi
    export BENCH_COMMIT
    builddir=$(bench/build.sh) || exit 1
    BENCH_OUT=$PWD/build/bench/results/$(date -u +%Y%m%dT%H%M%SZ)
    export BENCH_OUT
    mkdir -p "$BENCH_OUT"
    RS_EMULATOR_CONFIG=$PWD/bench/emulator.json scripts/with-test-env.sh "$builddir" bash bench/run.sh --inside "$@"
    rc=$?
    took=$(($(date +%s) - BENCH_T0))
    echo "==> took $took s in all (build, environment, load, runs); results in $BENCH_OUT"
    ((took <= 600)) || echo "warning: over ten minutes; use fewer rounds (bench/run.sh 3)" >&2
    exit $rc
fi
shift
# shellcheck source=bench/env.sh
. bench/env.sh

rounds=${1:-5}
scale=${BENCH_SCALE:-1}
insert_rounds=${BENCH_INSERT_ROUNDS:-3}
((insert_rounds > rounds)) && insert_rounds=$rounds
ROWS=$((1000000 / scale))
SMALL=$((100000 / scale))
INS=$((100000 / scale))
CONN=$((200 / scale))
LAT=$((10000 / scale))
results=$BENCH_OUT/results.txt
: > "$results"
failed=0

# run ROUND PROGRAM WORKLOAD COUNT: one process, its RESULT line appended to results.txt.
run() {
    local round=$1 prog=$2 w=$3 n=$4 out
    if out=$(bench_exec "$prog" "$w" "$n" 2> "$BENCH_OUT/last.err") && [[ $out == RESULT* ]]; then
        echo "round=$round program=$prog ${out#RESULT }" >> "$results"
        printf '  %-8s %-13s %s\n' "$prog" "$w" "$(sed 's/.*seconds=\([^ ]*\).*maxrss_kb=\([^ ]*\)/\1 s, peak RSS \2 kB/' <<< "$out")" >&2
    else
        echo "round=$round program=$prog workload=$w rows=$n FAILED" >> "$results"
        echo "  $prog $w FAILED:" >&2
        sed 's/^/    /' "$BENCH_OUT/last.err" >&2
        failed=1
    fi
}

# run_group ROUND COUNT PROGRAM:WORKLOAD...: the members in an order rotated by ROUND.
run_group() {
    local round=$1 n=$2 k m
    shift 2
    local members=("$@")
    for ((k = 0; k < ${#members[@]}; k++)); do
        m=${members[$(((k + round) % ${#members[@]}))]}
        run "$round" "${m%%:*}" "${m#*:}" "$n"
    done
}

bench_load || exit 1
echo "==> warming up (one untimed libpq fetch)" >&2
bench_exec libpq fetch "$ROWS" > /dev/null || exit 1

for ((r = 1; r <= rounds; r++)); do
    echo "==> round $r of $rounds ($(($(date +%s) - BENCH_T0)) s so far)" >&2
    # libpq's two fetch modes alternate between the four ODBC fetch workloads.
    run_group "$r" "$ROWS" rsodbc:getdata psqlodbc:getdata libpq:fetch
    run_group "$r" "$ROWS" rsodbc:bindcol psqlodbc:bindcol libpq:fetch_single
    run_group "$r" "$ROWS" rsodbc:block psqlodbc:block libpq:fetch
    run_group "$r" "$ROWS" rsodbc:text psqlodbc:text libpq:fetch_single
    if ((r <= insert_rounds)); then
        run_group "$r" "$INS" rsodbc:insert_row psqlodbc:insert_row libpq:insert_row
        run_group "$r" "$INS" rsodbc:insert_array psqlodbc:insert_array libpq:insert_array
    fi
    run_group "$r" "$CONN" rsodbc:connect psqlodbc:connect libpq:connect rsodbc:connect_iam
    run_group "$r" "$LAT" rsodbc:latency psqlodbc:latency libpq:latency
    # Closing a cursor before its end (no target; libpq has no such case): fewer executions.
    run_group "$r" "$((LAT / 10))" rsodbc:latency_close psqlodbc:latency_close
done

echo "==> peak memory at $SMALL rows (one process per workload)" >&2
for w in getdata bindcol block text; do
    run mem rsodbc "$w" "$SMALL"
    run mem psqlodbc "$w" "$SMALL"
done
run mem libpq fetch "$SMALL"
run mem libpq fetch_single "$SMALL"

pg_version=$(bench_psql -At -c 'SHOW server_version')
/usr/bin/python3 bench/report.py "$results" \
    --rounds "$rounds" --insert-rounds "$insert_rounds" --pg-version "$pg_version" --commit "${BENCH_COMMIT:-unknown}" \
    --elapsed "$(($(date +%s) - BENCH_T0))" --rows "$ROWS" --small "$SMALL" \
    > "$BENCH_OUT/report.md"
report_rc=$?
cat "$BENCH_OUT/report.md"
[ $failed = 0 ] || echo "error: some runs failed (see above)" >&2
[ $report_rc = 0 ] && [ $failed = 0 ]
