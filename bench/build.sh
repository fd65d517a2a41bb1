#!/usr/bin/env bash
# Build what the benchmarks need: a release rsodbc (no sanitizers, -O2) in build/bench and the
# two benchmark programs in build/bench/bin. Used by run.sh and profile.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=build/bench
mkdir -p "$build"
if [ ! -f "$build/Makefile" ] || grep -q -- '--enable-sanitizers' "$build/config.status" 2>/dev/null; then
    echo "==> configuring a release build in $build" >&2
    (cd "$build" && ../../configure -q CFLAGS="-O2 -g") > "$build/configure.log" 2>&1 \
        || { tail -n 20 "$build/configure.log" >&2; exit 1; }
fi
echo "==> building the driver (make rsodbc.la rsodbcS.la in $build)" >&2
make -C "$build" -j2 rsodbc.la rsodbcS.la > "$build/make.log" 2>&1 \
    || { tail -n 30 "$build/make.log" >&2; exit 1; }
make -s -f bench/Makefile OUT="$build/bin" >&2
