#!/bin/sh
# docs_dsn.sh - the example data sources of the guides (```ini blocks with `Driver = rsodbc` in
# docs/connecting.md, docs/troubleshooting.md, docs/migrating-from-amazon.md and README.md) use
# keywords of driver/conn/keywords.def under their canonical names, so the docs cannot drift from
# the keyword table. Blocks without `Driver = rsodbc` (AWS config files) are not data sources.
def="$top_srcdir/driver/conn/keywords.def"
names=$(mktemp) || exit 99
trap 'rm -f "$names"' EXIT
sed -n 's/^RS_KW([A-Z_0-9]*, *"\([^"]*\)".*/\1/p' "$def" > "$names"
n=0
blocks=0
for f in docs/connecting.md docs/troubleshooting.md docs/migrating-from-amazon.md README.md; do
    # One line per keyword of each data source block: FILE:LINE KEY
    out=$(awk -v file="$f" '
        /^```ini/ { inblock = 1; nk = 0; dsn = 0; next }
        /^```/ && inblock {
            if (dsn) { print "BLOCK " file ":" start; for (i = 1; i <= nk; i++) print keys[i] }
            inblock = 0; next
        }
        inblock && /^\[/ { start = NR }
        inblock && /^[A-Za-z_]+ *=/ {
            k = $0; sub(/ *=.*/, "", k); keys[++nk] = file ":" NR " " k
            if (k == "Driver" && $0 ~ /= *rsodbc *$/) dsn = 1
        }' "$top_srcdir/$f")
    while read -r where key; do
        case $where in BLOCK) blocks=$((blocks + 1)); continue ;; "") continue ;; esac
        n=$((n + 1))
        if grep -qx "$key" "$names"; then
            echo "ok $n - $where $key is a keyword of the table"
        else
            echo "not ok $n - $where $key is a keyword of the table (canonical spelling in docs/keywords.md)"
        fi
    done <<EOT
$out
EOT
done
n=$((n + 1))
# connecting.md has one data source per way of logging in, at least ten in all.
if [ "$blocks" -ge 10 ]; then echo "ok $n - $blocks example data sources checked"; else echo "not ok $n - only $blocks example data sources found"; fi
echo "1..$n"
