#!/bin/sh
# register.sh - the one registration command of the README, `odbcinst -i -d -f odbcinst.ini` with
# the odbcinst.ini this build generates (what `make install` puts in $(pkgdatadir)), run against a
# private unixODBC configuration: [rsodbc] appears with the configured install paths, the count
# goes up and down, and `odbcinst -u -d -n rsodbc` (make unregister) takes it out again.
dir=$(mktemp -d) || exit 99
trap 'rm -rf "$dir"' EXIT
export ODBCSYSINI="$dir"
export ODBCINSTINI=odbcinst.ini
unset ODBCINI
: > "$dir/odbcinst.ini"
ini="$top_builddir/odbcinst.ini"
echo "1..10"
n=0
check() { # check <status> <description>
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
odbcinst -i -d -f "$ini" > "$dir/out" 2>&1
check $? "odbcinst -i -d -f odbcinst.ini registers the driver"
odbcinst -q -d | grep -qx '\[rsodbc\]'
check $? "odbcinst -q -d lists [rsodbc]"
reg=$(odbcinst -q -d -n rsodbc 2>&1)
echo "$reg" | grep -qx "Driver=$RS_ODBCDIR/rsodbc.so"
check $? "Driver=$RS_ODBCDIR/rsodbc.so, the configured install path"
echo "$reg" | grep -qx "Setup=$RS_ODBCDIR/rsodbcS.so"
check $? "Setup=$RS_ODBCDIR/rsodbcS.so"
echo "$reg" | grep -qx "UsageCount=1"
check $? "UsageCount=1 after one install"
odbcinst -i -d -f "$ini" > /dev/null 2>&1 && odbcinst -q -d -n rsodbc | grep -qx "UsageCount=2"
check $? "a second install counts 2"
odbcinst -u -d -n rsodbc > /dev/null 2>&1 && odbcinst -q -d -n rsodbc | grep -qx "UsageCount=1"
check $? "odbcinst -u -d -n rsodbc counts down to 1"
odbcinst -u -d -n rsodbc > /dev/null 2>&1
! odbcinst -q -d | grep -qx '\[rsodbc\]'
check $? "the second odbcinst -u removes [rsodbc]"
# odbcinst.ini.sample at the top of the tree: the same registration with the default prefix's paths
odbcinst -i -d -f "$top_srcdir/odbcinst.ini.sample" > /dev/null 2>&1
check $? "odbcinst -i -d -f odbcinst.ini.sample registers the driver"
odbcinst -q -d -n rsodbc 2>&1 | grep -qx "Driver=/usr/local/lib/odbc/rsodbc.so"
check $? "the sample names make install's default path, /usr/local/lib/odbc/rsodbc.so"
[ "$n" -eq 10 ] || echo "not ok - plan mismatch ($n)"
