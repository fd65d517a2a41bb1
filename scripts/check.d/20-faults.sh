#!/usr/bin/env bash
# Server restart under open connections (issue 7 point 3; tests/faults/README.md): an idle
# connection, one in the middle of a streamed fetch, one waiting in a query and one with a
# static cursor, then `tests/pg/pgserver.sh restart`. Here rather than in make check because
# the restart breaks whatever else uses the server. Runs tests/faults/restart of the release
# build, then of the ASan build against the ASan driver when that build is there.
# packages:
set -uo pipefail
cd "${RS_TOP:-$(dirname "${BASH_SOURCE[0]}")/../..}" || exit 1
export RS_TOP=$PWD

status=0
run() {   # BUILDDIR LABEL
    local build=$1 label=$2
    if ! make -C "$build" tests/faults/restart > "$RS_STATE/20-faults-$label-build.log" 2>&1; then
        tail -n 20 "$RS_STATE/20-faults-$label-build.log" | sed 's/^/# /'
        echo "not ok - restart ($label): tests/faults/restart did not build"
        status=1
        return
    fi
    echo "# tests/faults/restart, $label build"
    if ! timeout 300 "$build/tests/faults/restart"; then
        status=1
    fi
}

run "$RS_BUILD" release
if [ -n "${RS_BUILD_ASAN:-}" ] && [ -f "$RS_BUILD_ASAN/.libs/rsodbc.so" ]; then
    # the ASan program loads the ASan driver: a private unixODBC configuration for it
    odbc=$RS_STATE/20-faults-odbc
    if eval "$(scripts/odbc-env.sh "$RS_BUILD_ASAN" "$odbc")"; then
        run "$RS_BUILD_ASAN" asan
    else
        echo "not ok - restart (asan): scripts/odbc-env.sh failed"
        status=1
    fi
fi
exit $status
