#!/usr/bin/env bash
# A throwaway PostgreSQL 15 for rsodbc's tests, living entirely in one directory.
#
#   tests/pg/pgserver.sh start   STATE_DIR   create, configure and start it (STATE_DIR must not exist
#                                            or be empty); prints the env lines like `env` does
#   tests/pg/pgserver.sh env     STATE_DIR   print `export` lines describing it (eval them)
#   tests/pg/pgserver.sh restart STATE_DIR   restart it (same port, same data, same log)
#   tests/pg/pgserver.sh stop    STATE_DIR   stop it and remove STATE_DIR
#
# What you get (see tests/pg/README.md):
#   - listening on 127.0.0.1 only, on a free private port from 54000 up, and on a Unix socket in
#     STATE_DIR/sock; TLS on, server certificate for CN=localhost with SAN DNS:localhost and
#     IP:127.0.0.1, signed by a CA generated here (RS_CA_FILE), so verify-full works for both names
#   - pg_hba: `local all rsadmin trust`, md5 over TCP (plain and TLS) for everyone else;
#     PostgreSQL's md5 method also accepts SCRAM-stored passwords with SCRAM
#   - database rstest; superuser rsadmin (no password, socket only); rs_md5 / md5-secret-1 stored
#     as md5; rs_scram / scram-secret-1 stored as SCRAM-SHA-256
#   - server log in STATE_DIR/postgresql.log
# Killing a backend from a test: as the superuser over the socket,
#   psql -h "$RS_PG_SOCKDIR" -p "$RS_PG_PORT" -U rsadmin -d rstest \
#        -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'rs_md5'"
# Restarting: `tests/pg/pgserver.sh restart "$RS_PG_STATE"`, or by hand
#   $RS_PG_RUNAS "$RS_PG_CTL" -D "$RS_PG_DATA" -l "$RS_PG_LOG" -w restart -m fast
set -euo pipefail

PG_BIN=${RS_PG_BIN:-/usr/lib/postgresql/15/bin}
PORT_FIRST=54000
PORT_LAST=54999
MARKER=.rs-pgserver

die() { echo "pgserver.sh: $*" >&2; exit 1; }

usage() { die "usage: $0 start|env|restart|stop STATE_DIR"; }

# initdb refuses to run as root: the cluster belongs to the postgres OS user then.
if [ "$(id -u)" = 0 ]; then
    PG_OWNER=postgres
    RUNAS="runuser -u postgres --"
else
    PG_OWNER=$(id -un)
    RUNAS=""
fi

as_owner() { $RUNAS "$@"; }

port_is_free() {
    local port=$1
    # Nothing listening on it (any address), and no stale socket of ours for it.
    [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ] || return 1
    [ ! -e "/tmp/.s.PGSQL.$port" ] || return 1
    # Belt and braces: nothing must answer a connection on it either.
    ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# First free port, starting at a point spread by PID so parallel runs rarely race for one.
pick_port() {
    local span=$((PORT_LAST - PORT_FIRST + 1)) start i port
    start=$(( $$ % span ))
    for ((i = 0; i < span; i++)); do
        port=$((PORT_FIRST + (start + i) % span))
        if port_is_free "$port"; then echo "$port"; return 0; fi
    done
    return 1
}

make_tls() {
    local dir=$1
    mkdir -p "$dir"
    (
        cd "$dir"
        openssl req -x509 -new -newkey rsa:2048 -nodes -sha256 -days 30 \
            -keyout ca.key -out ca.crt -subj "/CN=rsodbc test CA" \
            -addext "basicConstraints=critical,CA:TRUE" \
            -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
        openssl req -new -newkey rsa:2048 -nodes -sha256 \
            -keyout server.key -out server.csr -subj "/CN=localhost" 2>/dev/null
        printf '%s\n' "basicConstraints=CA:FALSE" \
            "keyUsage=critical,digitalSignature,keyEncipherment" \
            "extendedKeyUsage=serverAuth" \
            "subjectAltName=DNS:localhost,IP:127.0.0.1" > server.ext
        openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial \
            -days 30 -sha256 -extfile server.ext -out server.crt 2>/dev/null
        rm -f server.csr server.ext ca.srl
        chmod 600 server.key ca.key
    )
}

write_conf() {
    local state=$1 port=$2
    cat >> "$state/data/postgresql.conf" <<EOF

# --- rsodbc test server (tests/pg/pgserver.sh) ---
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$state/sock'
max_connections = 100
shared_buffers = 32MB
ssl = on
ssl_cert_file = '$state/tls/server.crt'
ssl_key_file = '$state/tls/server.key'
ssl_ca_file = '$state/tls/ca.crt'
password_encryption = 'scram-sha-256'
# A throwaway server: durability buys nothing here.
fsync = off
synchronous_commit = off
full_page_writes = off
log_connections = on
log_disconnections = on
log_line_prefix = '%m [%p] %q%u@%d '
EOF
    cat > "$state/data/pg_hba.conf" <<'EOF'
# rsodbc test server: superuser over the socket only; passwords over TCP.
# TYPE   DATABASE USER     ADDRESS        METHOD
local    all      rsadmin                 trust
hostssl  all      all      127.0.0.1/32   md5
host     all      all      127.0.0.1/32   md5
EOF
}

env_lines() {
    local state=$1 port
    port=$(cat "$state/port")
    cat <<EOF
export RS_PG_HOST=127.0.0.1
export RS_PG_PORT=$port
export RS_PG_SOCKDIR=$state/sock
export RS_PG_SUPERUSER=rsadmin
export RS_PG_DATABASE=rstest
export RS_CA_FILE=$state/tls/ca.crt
export RS_PG_STATE=$state
export RS_PG_CTL=$PG_BIN/pg_ctl
export RS_PG_DATA=$state/data
export RS_PG_LOG=$state/postgresql.log
export RS_PG_RUNAS='$RUNAS'
EOF
}

psql_super() {
    local state=$1 db=$2
    shift 2
    PGOPTIONS= psql -X -q -v ON_ERROR_STOP=1 -h "$state/sock" -p "$(cat "$state/port")" \
        -U rsadmin -d "$db" "$@"
}

create_objects() {
    local state=$1
    psql_super "$state" postgres <<'EOF'
CREATE DATABASE rstest ENCODING 'UTF8' TEMPLATE template0;
SET password_encryption = 'md5';
CREATE ROLE rs_md5 LOGIN PASSWORD 'md5-secret-1';
SET password_encryption = 'scram-sha-256';
CREATE ROLE rs_scram LOGIN PASSWORD 'scram-secret-1';
EOF
    # PostgreSQL 15 no longer lets everyone create in public; tests (and users the AWS emulator
    # makes) create their own tables.
    psql_super "$state" rstest -c "GRANT CREATE ON SCHEMA public TO PUBLIC"
    local kinds
    kinds=$(psql_super "$state" postgres -At -c \
        "SELECT rolname || '=' || split_part(rolpassword, '\$', 1) FROM pg_authid
          WHERE rolname IN ('rs_md5','rs_scram') ORDER BY rolname")
    case "$kinds" in
        rs_md5=md5*rs_scram=SCRAM-SHA-256) ;;
        *) die "passwords not stored as expected: $kinds" ;;
    esac
}

start() {
    local state=$1 port tries
    [ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb not found (apt-get install postgresql-15)"
    if [ -e "$state" ] && [ -n "$(ls -A "$state" 2>/dev/null)" ]; then
        die "$state exists and is not empty"
    fi
    mkdir -p "$state"
    state=$(cd "$state" && pwd -P)
    touch "$state/$MARKER"
    mkdir -p "$state/sock"
    make_tls "$state/tls"
    [ -z "$RUNAS" ] || chown -R "$PG_OWNER" "$state"
    # The tests (possibly another OS user than the server) read the CA certificate.
    chmod 755 "$state" "$state/sock"
    if ! as_owner test -w "$state"; then
        die "the $PG_OWNER OS user cannot reach $state (a parent directory is closed to it); use a directory under /tmp"
    fi
    chmod 711 "$state/tls"
    chmod 644 "$state/tls/ca.crt"

    as_owner "$PG_BIN/initdb" -D "$state/data" -U rsadmin -E UTF8 --locale=C \
        --auth-local=trust --auth-host=reject > "$state/initdb.log" 2>&1 \
        || { cat "$state/initdb.log" >&2; die "initdb failed"; }

    # Another process may take the port between the check and the bind: try a few.
    for tries in 1 2 3 4 5; do
        port=$(pick_port) || die "no free port in $PORT_FIRST-$PORT_LAST"
        echo "$port" > "$state/port"
        cp "$state/data/postgresql.conf" "$state/postgresql.conf.orig" 2>/dev/null || true
        write_conf "$state" "$port"
        if as_owner "$PG_BIN/pg_ctl" -D "$state/data" -l "$state/postgresql.log" -w -t 60 \
                start > "$state/pg_ctl.log" 2>&1; then
            create_objects "$state"
            env_lines "$state"
            return 0
        fi
        # Undo this attempt's settings and try another port.
        cp "$state/postgresql.conf.orig" "$state/data/postgresql.conf"
        [ -z "$RUNAS" ] || chown "$PG_OWNER" "$state/data/postgresql.conf"
        if ! grep -q "could not bind\|could not create listen socket\|Address already in use" \
                "$state/postgresql.log" 2>/dev/null; then
            tail -n 20 "$state/postgresql.log" >&2 2>/dev/null || true
            die "PostgreSQL did not start (log: $state/postgresql.log)"
        fi
    done
    die "PostgreSQL did not start after $tries ports"
}

stop() {
    local state=$1
    [ -d "$state" ] || return 0
    [ -e "$state/$MARKER" ] || die "$state was not made by pgserver.sh; not touching it"
    if [ -f "$state/data/postmaster.pid" ]; then
        as_owner "$PG_BIN/pg_ctl" -D "$state/data" -w -t 30 stop -m fast > /dev/null 2>&1 \
            || as_owner "$PG_BIN/pg_ctl" -D "$state/data" -w -t 10 stop -m immediate > /dev/null 2>&1 \
            || true
    fi
    rm -rf "$state"
}

restart() {
    local state=$1
    [ -e "$state/$MARKER" ] || die "$state was not made by pgserver.sh"
    as_owner "$PG_BIN/pg_ctl" -D "$state/data" -l "$state/postgresql.log" -w -t 60 \
        restart -m fast > /dev/null
}

[ $# -eq 2 ] || usage
case "$1" in
    start) start "$2" ;;
    env)
        [ -e "$2/$MARKER" ] || die "$2 was not made by pgserver.sh"
        env_lines "$(cd "$2" && pwd -P)" ;;
    restart) restart "$2" ;;
    stop) stop "$2" ;;
    *) usage ;;
esac
