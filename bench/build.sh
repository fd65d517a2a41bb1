#!/usr/bin/env bash
# Build what the benchmarks need: a release rsodbc (no sanitizers, -O2) and the two benchmark
# programs (build/bench/bin). Used by run.sh and profile.sh.
#
#   bench/build.sh            the driver from the working tree, in build/bench
#   BENCH_TREE=head bench/build.sh
#                             the driver from the last commit (git archive HEAD, so edits in
#                             progress elsewhere in the tree stay out), in build/bench-head/build
# Prints the driver's build directory on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
top=$PWD

if [ "${BENCH_TREE:-work}" = head ]; then
    src=$top/build/bench-head/src
    build=$top/build/bench-head/build
    rev=$(git rev-parse HEAD)
    if [ "$(cat "$src/.rev" 2>/dev/null)" != "$rev" ]; then
        echo "==> exporting HEAD ($(git rev-parse --short HEAD)) to $src" >&2
        rm -rf "$src" "$build"
        mkdir -p "$src"
        git archive HEAD | tar -x -C "$src"
        (cd "$src" && ./autogen.sh) > "$top/build/bench-head/autogen.log" 2>&1 \
            || { tail -n 20 "$top/build/bench-head/autogen.log" >&2; exit 1; }
        echo "$rev" > "$src/.rev"
    fi
else
    src=$top
    build=$top/build/bench
fi

mkdir -p "$build"
if [ ! -f "$build/Makefile" ] || grep -q -- '--enable-sanitizers' "$build/config.status" 2>/dev/null; then
    echo "==> configuring a release build in $build" >&2
    (cd "$build" && "$src/configure" -q CFLAGS="-O2 -g") > "$build/configure.log" 2>&1 \
        || { tail -n 20 "$build/configure.log" >&2; exit 1; }
fi
echo "==> building the driver (make rsodbc.la rsodbcS.la in $build)" >&2
make -C "$build" -j2 rsodbc.la rsodbcS.la > "$build/make.log" 2>&1 \
    || { tail -n 30 "$build/make.log" >&2; exit 1; }
make -s -f bench/Makefile OUT="$top/build/bench/bin" >&2
echo "$build"
