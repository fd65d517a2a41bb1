# shellcheck shell=bash
# Shared pieces of scripts/check.sh, scripts/demo.sh and scripts/with-test-env.sh. Source it from
# the top of the source tree; it defines functions only.
#
#   rs_ensure_packages PKG...      apt-get install what dpkg says is missing (update first, once)
#   rs_services_up ROOT [pg-only]  start the test PostgreSQL in ROOT/pg and, when
#                                  tests/aws_emulator/emulator.py exists (and not pg-only), the
#                                  AWS emulator in ROOT/emu; export their environment (see below)
#   rs_services_down               stop whatever rs_services_up started (safe to call twice)
#   rs_odbc_env BUILDDIR DIR       write the ODBC configuration for BUILDDIR's driver in DIR and
#                                  export it (scripts/odbc-env.sh)
#   rs_foreign_env asan|release    export RS_PRELOAD / RS_PRELOAD_ASAN_OPTIONS for the client tests
#
# Exported for the tests: RS_PG_* and RS_CA_FILE (tests/pg/README.md); ODBCSYSINI, ODBCINSTINI,
# ODBCINI, RS_DRIVER, RS_SETUP, RS_PSQLODBC (scripts/odbc-env.sh); with the emulator
# RS_EMULATOR_URL=http://127.0.0.1:PORT and RS_EMULATOR_HTTPS_URL=https://127.0.0.1:PORT (its
# certificate comes from the test CA, RS_CA_FILE), RS_EMULATOR_CONFIG, RS_EMULATOR_LOG.

RS_PACKAGES="build-essential autoconf automake libtool pkg-config unixodbc unixodbc-dev
 libpq-dev libcurl4-openssl-dev libssl-dev libjson-c-dev libxml2-dev postgresql-15
 odbc-postgresql python3 python3-pyodbc python3-botocore openssl valgrind clang iproute2"

rs_say() { echo "==> $*"; }
rs_die() { echo "error: $*" >&2; exit 1; }

rs_ensure_packages() {
    local missing=() pkg
    for pkg in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" != installed ]; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    [ "$(id -u)" = 0 ] || rs_die "missing Debian packages (install them as root): ${missing[*]}"
    rs_say "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q > /tmp/rsodbc-apt.log 2>&1 \
        || { tail -n 20 /tmp/rsodbc-apt.log >&2; rs_die "apt-get update failed"; }
    apt-get install -y -q --no-install-recommends "${missing[@]}" >> /tmp/rsodbc-apt.log 2>&1 \
        || { tail -n 20 /tmp/rsodbc-apt.log >&2; rs_die "apt-get install failed"; }
}

RS_PG_STARTED=""
RS_EMU_PID=""

rs_services_up() {
    local root=$1 what=${2:-all} top
    top=$(pwd -P)
    mkdir -p "$root"
    # mktemp makes it 0700; the server runs as the postgres OS user and must reach inside.
    chmod 755 "$root"
    # The state directory must be new: pgserver.sh creates it.
    "$top/tests/pg/pgserver.sh" start "$root/pg" > "$root/pg.env" \
        || rs_die "the test PostgreSQL did not start"
    RS_PG_STARTED=$root/pg
    # shellcheck disable=SC1091
    . "$root/pg.env"
    rs_say "PostgreSQL 15 on 127.0.0.1:$RS_PG_PORT (state $RS_PG_STATE)"
    # Without the emulator the PostgreSQL tests still run; the caller learns of it (status 2).
    if [ "$what" != pg-only ] && [ -f "$top/tests/aws_emulator/emulator.py" ]; then
        rs_emulator_up "$top" "$root/emu" || return 2
    fi
}

rs_emulator_up() {
    local top=$1 dir=$2 i
    mkdir -p "$dir"
    export RS_EMULATOR_CONFIG=${RS_EMULATOR_CONFIG:-$top/tests/aws_emulator/config.json}
    export RS_EMULATOR_LOG=$dir/emulator.log
    # The emulator's HTTPS side reuses the PostgreSQL server's certificate: same test CA, same
    # names (localhost, 127.0.0.1).
    /usr/bin/python3 "$top/tests/aws_emulator/emulator.py" \
        --config "$RS_EMULATOR_CONFIG" \
        --port-file "$dir/http.port" \
        --https-port-file "$dir/https.port" \
        --cert "$RS_PG_STATE/tls/server.crt" --key "$RS_PG_STATE/tls/server.key" \
        --pg-host "$RS_PG_SOCKDIR" --pg-port "$RS_PG_PORT" \
        --pg-superuser "$RS_PG_SUPERUSER" --pg-database "$RS_PG_DATABASE" \
        > "$RS_EMULATOR_LOG" 2>&1 < /dev/null &
    RS_EMU_PID=$!
    for ((i = 0; i < 100; i++)); do
        [ -s "$dir/http.port" ] && [ -s "$dir/https.port" ] && break
        kill -0 "$RS_EMU_PID" 2>/dev/null || break
        sleep 0.1
    done
    if ! [ -s "$dir/http.port" ] || ! [ -s "$dir/https.port" ]; then
        tail -n 20 "$RS_EMULATOR_LOG" >&2
        echo "error: the AWS emulator did not start (log: $RS_EMULATOR_LOG)" >&2
        kill "$RS_EMU_PID" 2>/dev/null
        wait "$RS_EMU_PID" 2>/dev/null
        RS_EMU_PID=""
        unset RS_EMULATOR_URL RS_EMULATOR_HTTPS_URL
        return 1
    fi
    export RS_EMULATOR_URL=http://127.0.0.1:$(cat "$dir/http.port")
    export RS_EMULATOR_HTTPS_URL=https://127.0.0.1:$(cat "$dir/https.port")
    rs_say "AWS emulator on $RS_EMULATOR_URL and $RS_EMULATOR_HTTPS_URL"
}

rs_services_down() {
    if [ -n "$RS_EMU_PID" ]; then
        kill "$RS_EMU_PID" 2>/dev/null || true
        local i
        for ((i = 0; i < 50; i++)); do
            kill -0 "$RS_EMU_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$RS_EMU_PID" 2>/dev/null || true
        wait "$RS_EMU_PID" 2>/dev/null || true
        RS_EMU_PID=""
    fi
    if [ -n "$RS_PG_STARTED" ]; then
        "$(dirname "${BASH_SOURCE[0]}")/../tests/pg/pgserver.sh" stop "$RS_PG_STARTED" || true
        RS_PG_STARTED=""
    fi
}

rs_odbc_env() {
    local builddir=$1 dir=$2
    "$(dirname "${BASH_SOURCE[0]}")/odbc-env.sh" "$builddir" "$dir" > /dev/null \
        || rs_die "could not write the ODBC configuration"
    # shellcheck disable=SC1091
    . "$dir/env"
}

# Programs that load the driver but were not built with AddressSanitizer (isql, iusql, python3)
# need its runtime preloaded when the driver was. Client tests apply this to those programs only:
#   LD_PRELOAD="$RS_PRELOAD" ASAN_OPTIONS="$RS_PRELOAD_ASAN_OPTIONS" isql ...   (when RS_PRELOAD set)
rs_foreign_env() {
    if [ "$1" = asan ]; then
        export RS_PRELOAD
        RS_PRELOAD=$(gcc -print-file-name=libasan.so)
        [ -f "$RS_PRELOAD" ] || rs_die "gcc has no libasan.so"
        # Leaks of the foreign program are not ours to fix; everything else still aborts.
        # Bugs inside isql/iusql themselves are suppressed (scripts/asan-foreign.supp).
        export RS_PRELOAD_ASAN_OPTIONS
        RS_PRELOAD_ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:suppressions=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/asan-foreign.supp"
    else
        export RS_PRELOAD=""
        export RS_PRELOAD_ASAN_OPTIONS=""
    fi
}
