#!/usr/bin/env bash
# Stage: the release tarball and the Debian package.
# packages: debhelper dpkg-dev fakeroot lintian odbcinst
#
# 1. `make distcheck` in build/package: the tarball builds out of tree from a read-only source,
#    every test passes there against the test services (tests/local.mk points them at the
#    distcheck build's own driver), install, uninstall and distclean leave nothing behind;
#    RS_PACKAGE_TESTS='tests/a tests/b.sh' narrows distcheck's `make check` to those tests (all test
#    programs are still built) when the whole suite is too slow for the occasion;
# 2. the tarball holds every file of the source tree (git ls-files);
# 3. `dpkg-buildpackage -us -uc -b` from the unpacked tarball (nocheck: distcheck just ran the tests
#    on the same sources), its contents, lintian;
# 4. the package installed into this machine (apt-get, so dependencies resolve as on a fresh one),
#    the driver registered in the system odbcinst.ini, isql connecting through the installed
#    driver to the test PostgreSQL; then purged: registration and files gone. Refuses to run when
#    an rsodbc package is installed already (it would purge it). The system's unixODBC
#    configuration is used for step 4 (ODBCSYSINI and ODBCINI unset), as a user's would be.
set -uo pipefail

: "${RS_TOP:?run from scripts/check.sh (see scripts/check.d/README.md)}"
cd "$RS_TOP" || exit 1
JOBS=${RS_JOBS:-2}
B=$RS_TOP/build/package
N=0
ok() { N=$((N + 1)); echo "ok $N - $*"; }
notok() { N=$((N + 1)); echo "not ok $N - $*"; }
check() { # check STATUS DESCRIPTION
    if [ "$1" -eq 0 ]; then ok "$2"; else notok "$2"; fi
}
# A failed step's log, indented, for the reader of build/stages/50-package.log.
show() { tail -n "${2:-30}" "$1" | sed 's/^/#   /'; }

INSTALLED_BY_US=no
cleanup() {
    if [ $INSTALLED_BY_US = yes ]; then
        env -u ODBCSYSINI -u ODBCINI -u ODBCINSTINI dpkg --purge rsodbc > /dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

rm -rf "$B"
mkdir -p "$B"

# 1. distcheck
if ! (cd "$B" && "$RS_TOP/configure" -q) > "$B/configure.log" 2>&1; then
    notok "configure in build/package"; show "$B/configure.log"
    exit 1
fi
t0=$(date +%s)
make -C "$B" -j"$JOBS" distcheck ${RS_PACKAGE_TESTS:+TESTS="$RS_PACKAGE_TESTS"} > "$B/distcheck.log" 2>&1
rc=$?
suite="the whole suite"
[ -z "${RS_PACKAGE_TESTS:-}" ] || suite="RS_PACKAGE_TESTS ($(echo $RS_PACKAGE_TESTS | wc -w) tests)"
# The distcheck build's test-suite summary: every test ran (the services are up), none failed.
pass=$(awk '/^# PASS:/ {print $3}' "$B/distcheck.log" | tail -n 1)
skip=$(awk '/^# SKIP:/ {print $3}' "$B/distcheck.log" | tail -n 1)
fail=$(awk '/^# (FAIL|ERROR|XPASS|XFAIL):/ {s += $3} END {print s + 0}' "$B/distcheck.log")
check $rc "make distcheck ($(( $(date +%s) - t0 ))s)"
[ $rc -eq 0 ] || show "$B/distcheck.log" 40
[ "${pass:-0}" -gt 0 ] && [ "${skip:-1}" -eq 0 ] && [ "$fail" -eq 0 ]
check $? "distcheck ran $suite on its own build: ${pass:-0} passed, ${skip:-?} skipped, $fail failed"
grep -q 'ODBCENV  tests/odbc-env' "$B/distcheck.log"
check $? "distcheck's tests used the distcheck build's driver (tests/odbc-env)"
TARBALL=$(ls "$B"/rsodbc-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$TARBALL" ]
check $? "release tarball $(basename "${TARBALL:-none}")"
[ -n "$TARBALL" ] || exit 1

# 2. nothing of the source tree is left out of the tarball
tar tzf "$TARBALL" | sed 's|^[^/]*/||' | sort -u > "$B/tarball.list"
if git -C "$RS_TOP" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
    git -C "$RS_TOP" ls-files | sort -u > "$B/tree.list"
    what="git ls-files"
else
    # No git metadata (an unpacked tarball): the tracked layout is what autogen/builds did not make.
    (cd "$RS_TOP" && find . -type f ! -path './build/*' ! -path './autom4te.cache/*' \
        ! -path './build-aux/*' ! -path './m4/*' ! -name Makefile.in ! -name configure \
        ! -name aclocal.m4 ! -name '*.pyc' | sed 's|^\./||') | sort -u > "$B/tree.list"
    what="the source files"
fi
# Kept out on purpose: git's own file and the placeholders of the generated directories.
missing=$(comm -23 "$B/tree.list" "$B/tarball.list" | grep -vxE '\.gitignore|build-aux/\.keep|m4/\.keep')
[ -z "$missing" ]
check $? "the tarball holds every file of $what (add new ones to an EXTRA_DIST or _SOURCES list)"
[ -z "$missing" ] || echo "$missing" | head -n 20 | sed 's/^/#   missing: /'

# 3. the Debian package, built from the tarball as a user of a release would
rm -rf "$B/deb"
mkdir -p "$B/deb"
tar xzf "$TARBALL" -C "$B/deb"
SRC=$(ls -d "$B"/deb/rsodbc-*/ | head -n 1)
t0=$(date +%s)
(cd "$SRC" && env -u ODBCSYSINI -u ODBCINI -u ODBCINSTINI \
    DEB_BUILD_OPTIONS="nocheck noautodbgsym parallel=$JOBS" dpkg-buildpackage -us -uc -b) \
    > "$B/deb/build.log" 2>&1
rc=$?
check $rc "dpkg-buildpackage -us -uc -b ($(( $(date +%s) - t0 ))s)"
[ $rc -eq 0 ] || show "$B/deb/build.log"
DEB=$(ls "$B"/deb/rsodbc_*.deb 2>/dev/null | head -n 1)
[ -n "$DEB" ]
check $? "built $(basename "${DEB:-no .deb}")"
[ -n "$DEB" ] || exit 1

ODBC_DIR=/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/odbc
dpkg-deb -c "$DEB" | awk '{print $6}' | sed 's|^\./|/|' > "$B/deb/contents"
for f in "$ODBC_DIR/rsodbc.so" "$ODBC_DIR/rsodbcS.so" /usr/share/rsodbc/odbcinst.ini \
    /usr/share/doc/rsodbc/copyright /usr/share/doc/rsodbc/docs/keywords.md.gz; do
    grep -qx "$f" "$B/deb/contents"
    check $? "package holds $f"
done
! grep -q '\.la$' "$B/deb/contents"
check $? "package holds no libtool .la files"
# the listing is read whole first: grep -q stopping early would make tar die of SIGPIPE, and
# pipefail would turn that into a failure (it did, now and then)
ctrl=$(dpkg-deb --ctrl-tarfile "$DEB" | tar t 2>/dev/null)
grep -qx './postinst' <<< "$ctrl" && grep -qx './prerm' <<< "$ctrl"
check $? "package has the postinst and prerm that register and deregister the driver"
lintian --fail-on error,warning "$DEB" > "$B/deb/lintian.log" 2>&1
rc=$?
check $rc "lintian: no errors or warnings"
[ $rc -eq 0 ] || show "$B/deb/lintian.log" 20

# 4. install, register, connect, purge
sys() { env -u ODBCSYSINI -u ODBCINI -u ODBCINSTINI "$@"; }
if [ "$(dpkg-query -W -f='${db:Status-Status}' rsodbc 2>/dev/null)" = installed ]; then
    notok "an rsodbc package is installed on this machine already: not installing over it"
    exit 1
fi
INSTALLED_BY_US=yes
sys env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=120 "$DEB" > "$B/deb/install.log" 2>&1
rc=$?
check $rc "apt-get install the .deb"
[ $rc -eq 0 ] || { show "$B/deb/install.log"; exit 1; }
[ -f "$ODBC_DIR/rsodbc.so" ] && [ -f "$ODBC_DIR/rsodbcS.so" ]
check $? "driver and setup library installed in $ODBC_DIR"
sys odbcinst -q -d | grep -qx '\[rsodbc\]'
check $? "odbcinst -q -d lists [rsodbc] ($(sys odbcinst -j | sed -n 's/^DRIVERS\.*: *//p'))"
reg=$(sys odbcinst -q -d -n rsodbc 2>/dev/null)
echo "$reg" | grep -qx "Driver=$ODBC_DIR/rsodbc.so" && echo "$reg" | grep -qx "Setup=$ODBC_DIR/rsodbcS.so"
check $? "the registration names the installed driver and setup library"
# A connection string through the system registration (Driver=rsodbc), no private ini files.
conn="Driver=rsodbc;Server=$RS_PG_HOST;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;UID=rs_md5;PWD=md5-secret-1;SSLMode=verify-full;CaFile=$RS_CA_FILE;LoginTimeout=10"
out=$(echo "SELECT 'installed-' || current_user" | sys timeout 60 isql -b -k "$conn" 2>&1)
echo "$out" | grep -q 'installed-rs_md5'
check $? "isql connects through the installed driver and runs a query"
echo "$out" | grep -q 'installed-rs_md5' || echo "$out" | tail -n 10 | sed 's/^/#   /'
# A second configure (dpkg-reconfigure, an upgrade) keeps one registration.
sys dpkg-reconfigure -f noninteractive rsodbc > /dev/null 2>&1
count=$(sys odbcinst -q -d -n rsodbc 2>/dev/null | sed -n 's/^UsageCount=//p')
[ "${count:-0}" = 1 ]
check $? "reconfiguring leaves UsageCount at 1 (it is ${count:-unset})"
sys dpkg --purge rsodbc > "$B/deb/purge.log" 2>&1
rc=$?
check $rc "dpkg --purge rsodbc"
[ $rc -eq 0 ] && INSTALLED_BY_US=no
! sys odbcinst -q -d -n rsodbc > /dev/null 2>&1 && ! sys odbcinst -q -d | grep -qx '\[rsodbc\]'
check $? "purge removed the registration"
[ ! -e "$ODBC_DIR/rsodbc.so" ] && [ ! -e "$ODBC_DIR/rsodbcS.so" ] && [ ! -e /usr/share/rsodbc ]
check $? "purge removed the files"
echo "1..$N"
