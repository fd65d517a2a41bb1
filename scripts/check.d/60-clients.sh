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
# `npm ci` installs the committed package-lock.json into build/clients/node_modules.
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
    local node_major nodedir log=$CLIENTS/npm.log t0
    if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
        tap FAIL "node: node and npm are installed" "node: $(command -v node || echo missing), npm: $(command -v npm || echo missing)" \
            "Debian 12's own nodejs (18) comes without npm; the odbc package pinned needs Node.js >= 20 and npm"
        return
    fi
    node_major=$(node -p 'process.versions.node.split(".")[0]')
    if [ "$node_major" -lt 20 ]; then
        tap FAIL "node: Node.js >= 20 for odbc 2.6.0" "node $(node -v) at $(command -v node)"
        return
    fi
    # The headers beside the node binary (PREFIX/bin/node -> PREFIX/include/node).
    nodedir=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
    if [ ! -f "$nodedir/include/node/node_api.h" ]; then
        tap FAIL "node: Node.js headers for node-gyp" "no $nodedir/include/node/node_api.h (Debian: apt-get install libnode-dev)"
        return
    fi
    # A second run on the same tree and Node.js reuses what the first installed.
    local stamp addon=$CLIENTS/node_modules/odbc/lib/bindings/napi-v8/odbc.node
    stamp="$(node -v) $nodedir $(cat tests/clients/node/package.json tests/clients/node/package-lock.json | sha256sum)"
    if [ -f "$addon" ] && [ "$(cat "$CLIENTS/installed.stamp" 2>/dev/null)" = "$stamp" ]; then
        tap OK "node: the odbc addon built by an earlier run for $(node -v) is there ($addon)"
        NODE_OK=yes
        return
    fi
    rm -f "$CLIENTS/installed.stamp"
    cp tests/clients/node/package.json tests/clients/node/package-lock.json "$CLIENTS/"
    t0=$(date +%s)
    if (cd "$CLIENTS" && npm_config_nodedir=$nodedir npm_config_build_from_source=true \
        timeout 300 npm ci --no-audit --no-fund --loglevel=error) > "$log" 2>&1 && [ -f "$addon" ]; then
        tap OK "node: npm ci built the odbc addon from source against $nodedir/include/node ($(node -v), npm $(npm -v), $(( $(date +%s) - t0 ))s)"
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
