#!/bin/sh
# keywords_doc.sh - docs/keywords.md (committed) is exactly what setup/rs-keywords-md prints from
# the keyword table, and has one row per RS_KW entry of driver/conn/keywords.def.
# Fix a failure with `make update-keywords-doc` in a build directory and commit docs/keywords.md.
gen="$top_builddir/setup/rs-keywords-md"
doc="$top_srcdir/docs/keywords.md"
def="$top_srcdir/driver/conn/keywords.def"
out=$(mktemp) || exit 99
trap 'rm -f "$out"' EXIT
echo "1..4"
n=0
check() { # check <status> <description>
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}
"$gen" > "$out"
check $? "rs-keywords-md runs"
[ -s "$out" ]
check $? "rs-keywords-md prints something"
if cmp -s "$out" "$doc"; then
    check 0 "docs/keywords.md equals the generator's output"
else
    check 1 "docs/keywords.md equals the generator's output (run make update-keywords-doc)"
    diff -u "$doc" "$out" | head -n 40 | sed 's/^/# /'
fi
kws=$(grep -c '^RS_KW(' "$def")
rows=$(grep -c '^| `' "$doc")
[ "$kws" -gt 0 ] && [ "$kws" -eq "$rows" ]
check $? "docs/keywords.md has one row per keyword of keywords.def ($rows rows, $kws keywords)"
