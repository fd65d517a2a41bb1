#!/usr/bin/env bash
# Stage: the clients people use beyond isql, iusql and pyodbc (those run in `make check`:
# tests/clients/iam_*.sh, pyodbc_iam.py): node's odbc package from npm, Perl DBI with DBD::ODBC
# and PHP's odbc extension and PDO_ODBC, each logging in with IAM through the AWS emulator,
# running parameterized statements and reading back non-ASCII text and a timestamp
# (tests/clients/node_iam.js, perl_iam.pl, php_iam.php). Against the release build, then the
# ASan build (the sanitizer runtime preloaded into node and perl; PHP cannot load its extensions
# under it) when it was built.
#
# node's odbc is a native addon that npm builds with node-gyp. node-gyp would download the node
# headers from nodejs.org, which is not reachable: npm_config_nodedir points it at the headers
# the installed Node.js ships (/usr/include/node: NodeSource's nodejs package has them, Debian's
# needs libnode-dev), and npm_config_build_from_source stops node-pre-gyp from trying to fetch a
# prebuilt binary from GitHub. tests/clients/node/package.json pins odbc 2.6.0 (Node.js >= 20)
# and allows its install script (npm 11 runs no dependency install script unless allowed);
# `npm ci` installs the committed package-lock.json into build/clients/node_modules. With an
# older Node.js (Debian 12's own is 18) tests/clients/node18 (odbc 2.4.9) is used instead; on a
# machine without node or npm the stage installs Debian's nodejs, npm and libnode-dev (as root;
# not listed below, because Debian's npm conflicts with NodeSource's nodejs where that is
# installed). RS_NODE_PKG=node18 forces the older package (to test that path on Node.js 20).
#
# packages: nodejs php-cli php-odbc libdbd-odbc-perl
set -uo pipefail

cd "${RS_TOP:-$(dirname "${BASH_SOURCE[0]}")/../..}" || exit 1
TOP=$(pwd -P)
# shellcheck source=scripts/testenv.sh
. scripts/testenv.sh
# shellcheck source=tests/clients/iam_lib.sh
. tests/clients/iam_lib.sh

N=0
FAILED=0
# tap OK|FAIL DESCRIPTION [DETAIL...]
tap() {
    local res=$1 desc=$2
    shift 2
    N=$((N + 1))
    if [ "$res" = OK ]; then
        echo "ok $N - $desc"
    else
        FAILED=$((FAILED + 1))
        echo "not ok $N - $desc"
        local d
        for d in "$@"; do printf '%s\n' "$d" | sed "s|$RS_IAM_SECRET|<SECRET>|g; s|$RS_IAM_WRONG_SECRET|<WRONG SECRET>|g; s/^/#   /"; done
    fi
}

for v in RS_PG_PORT RS_CA_FILE ODBCSYSINI RS_EMULATOR_URL; do
    if [ -z "${!v:-}" ]; then
        tap FAIL "clients: the test environment is set up" "$v is not set: run through scripts/check.sh"
        echo "1..$N"
        exit 1
    fi
done
CLIENTS=$TOP/build/clients
mkdir -p "$CLIENTS"

# ---- node's odbc: npm ci, building the addon from source against the local headers
NODE_OK=no
install_node_odbc() {
    local node_major nodedir log=$CLIENTS/npm.log t0 pkg
    if { ! command -v node > /dev/null || ! command -v npm > /dev/null; } && [ "$(id -u)" = 0 ]; then
        # a machine without them (a fresh Debian 12): Debian's own Node.js 18, npm and headers
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm libnode-dev \
            > "$CLIENTS/apt-node.log" 2>&1 || tail -n 5 "$CLIENTS/apt-node.log"
    fi
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        tap FAIL "node: node and npm are installed" "node: $(command -v node || echo missing), npm: $(command -v npm || echo missing)" \
            "as root this stage installs Debian's nodejs, npm and libnode-dev; see $CLIENTS/apt-node.log"
        return
    fi
    node_major=$(node -p 'process.versions.node.split(".")[0]')
    pkg=tests/clients/node
    if [ "$node_major" -lt 20 ] || [ "${RS_NODE_PKG:-}" = node18 ]; then
        pkg=tests/clients/node18   # odbc 2.4.9: Node.js >= 18
    fi
    if [ "$node_major" -lt 18 ]; then
        tap FAIL "node: Node.js >= 18 for the odbc package" "node $(node -v) at $(command -v node)"
        return
    fi
    # The headers beside the node binary (PREFIX/bin/node -> PREFIX/include/node).
    nodedir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
    if [ ! -f "$nodedir/include/node/node_api.h" ]; then
        tap FAIL "node: Node.js headers for node-gyp" "no $nodedir/include/node/node_api.h (Debian: apt-get install libnode-dev)"
        return
    fi
    # A second run on the same tree and Node.js reuses what the first installed.
    local stamp addon
    stamp="$(node -v) $nodedir $(cat "$pkg/package.json" "$pkg/package-lock.json" | sha256sum)"
    # odbc.node lands in lib/bindings/napi-vN/ (N depends on the odbc release)
    addon=$(find "$CLIENTS/node_modules/odbc/lib/bindings" -name odbc.node 2>/dev/null | head -n 1)
    if [ -n "$addon" ] && [ "$(cat "$CLIENTS/installed.stamp" 2>/dev/null)" = "$stamp" ]; then
        tap OK "node: the odbc addon built by an earlier run for $(node -v) is there ($addon)"
        NODE_OK=yes
        return
    fi
    rm -rf "$CLIENTS/installed.stamp" "$CLIENTS/node_modules"
    cp "$pkg/package.json" "$pkg/package-lock.json" "$CLIENTS/"
    t0=$(date +%s)
    if (cd "$CLIENTS" && npm_config_nodedir=$nodedir npm_config_build_from_source=true \
        timeout 300 npm ci --no-audit --no-fund --loglevel=error) > "$log" 2>&1 &&
        [ -n "$(find "$CLIENTS/node_modules/odbc/lib/bindings" -name odbc.node 2>/dev/null)" ]; then
        tap OK "node: npm ci built the odbc addon ($pkg) from source against $nodedir/include/node ($(node -v), npm $(npm -v), $(( $(date +%s) - t0 ))s)"
        echo "$stamp" > "$CLIENTS/installed.stamp"
        NODE_OK=yes
    else
        tap FAIL "node: npm ci built the odbc addon" "$(tail -n 25 "$log")"
    fi
}
install_node_odbc

# ---- one client against one build
# run_client TAG NAME DBUSER CMD...: the client's TAP lines renumbered into this stage's, then
# what the emulator saw and whether a sanitizer spoke.
run_client() {
    local tag=$1 name=$2 user=$3 out rc n0 n1 line
    shift 3
    n0=$(rs_iam_issued "$user")
    out=$(RS_IAM_CONNSTR=$(rs_iam_connstr "$user") RS_IAM_DBUSER=$user RS_IAM_TEXT=$RS_IAM_TEXT RS_IAM_TS=$RS_IAM_TS \
        RS_IAM_SECRET=$RS_IAM_SECRET RS_IAM_WRONG_SECRET=$RS_IAM_WRONG_SECRET NODE_PATH=$CLIENTS/node_modules LC_ALL=C.UTF-8 rs_foreign "$@")
    rc=$?
    local nres=0 nfail=0
    while IFS= read -r line; do
        case $line in
            "ok "*) nres=$((nres + 1)); tap OK "$tag ${line#ok * - }" ;;
            "not ok "*) nres=$((nres + 1)); nfail=$((nfail + 1)); tap FAIL "$tag ${line#not ok * - }" ;;
            "#   "*) echo "$line" ;;
        esac
    done <<< "$out"
    if [ $rc -ne 0 ] && [ $nfail -eq 0 ] || [ $nres -eq 0 ]; then
        tap FAIL "$tag $name ran to its end" "exit $rc" "$(tail -n 30 <<< "$out")"
    fi
    if rs_sanitizer_report "$out"; then
        tap FAIL "$tag $name: no sanitizer report or crash" "$(grep -m1 -A30 -E 'Sanitizer|runtime error|Segmentation|Aborted' <<< "$out")"
    fi
    n1=$(rs_iam_issued "$user")
    if [ "$n0" -ge 0 ] && [ "$n1" -eq $((n0 + 1)) ]; then
        tap OK "$tag $name: the emulator issued one set of credentials for DbUser $user, signed with alice's key"
    else
        tap FAIL "$tag $name: the emulator issued one set of credentials for DbUser $user" "before: $n0, after: $n1"
    fi
}

run_all() {
    local tag=$1
    if [ $NODE_OK = yes ]; then
        run_client "$tag" node rscli_node node tests/clients/node_iam.js
    fi
    run_client "$tag" perl rscli_perl perl tests/clients/perl_iam.pl
    # PHP dlopens its extensions (odbc.so, pdo_odbc.so) with RTLD_DEEPBIND, which the ASan
    # runtime refuses outright, so PHP runs against the release build only.
    if [ -z "${RS_PRELOAD:-}" ]; then
        run_client "$tag" php rscli_php php tests/clients/php_iam.php
    else
        echo "# $tag php not run: PHP loads its extensions with RTLD_DEEPBIND, which AddressSanitizer refuses"
    fi
}

# The release build, with the configuration check.sh gave the stages.
rs_foreign_env release
run_all "[release]"

# The ASan build when there is one: its driver registered in a configuration of its own.
ASAN=${RS_BUILD_ASAN:-$TOP/build/asan}
if [ -f "$ASAN/.libs/rsodbc.so" ]; then
    rs_odbc_env "$ASAN" "${RS_STATE:-$CLIENTS}/odbc-clients-asan"
    rs_foreign_env asan
    run_all "[asan]"
else
    echo "# no ASan build in $ASAN: the clients ran against the release build only"
fi

echo "1..$N"
[ $FAILED -eq 0 ]
