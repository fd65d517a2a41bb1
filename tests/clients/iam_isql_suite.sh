# shellcheck shell=bash
# The IAM client test for isql (ANSI calls) and iusql (Unicode calls): log in with IAM through the
# AWS emulator, run a parameterized statement, read back non-ASCII text and a timestamp.
#
# Neither program binds parameters (they only SQLPrepare/SQLExecute the text typed), so the
# parameterized statements here are server-side prepared statements: PREPARE with $1.. typed
# parameters and EXECUTE with the values, in one session. The driver sends that text as it is;
# what is exercised is its statement path and the conversion of the results (SQLGetData as
# SQL_C_CHAR in isql, SQL_C_WCHAR in iusql), not ODBC parameter binding (pyodbc, node, Perl and
# PHP do that).
#
# iusql widens its input byte by byte and prints the low byte of each UTF-16 code unit of what it
# reads (unixODBC's uc_to_ascii), so non-ASCII text can go neither in nor out of it intact: its
# text is built on the server with chr(), and what it prints is compared with that low-byte
# projection of the correct UTF-16 ("Grüße" gives the Latin-1 bytes of ü and ß, 東 U+6771 gives
# 'q', 😀 U+D83D U+DE00 gives '=' and then the zero byte that ends the string), which a wrong
# conversion would not produce. isql passes UTF-8 both ways and compares the text itself.

# shellcheck source=tests/clients/iam_lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/iam_lib.sh"

rs_iam_isql_suite() {
    local prog=$1 user="rscli_$1" dsn="rs_iam_$1" tmp out rc n0 n1 want sql
    rs_iam_need_env
    command -v "$prog" > /dev/null || { echo "1..0 # SKIP $prog not installed (apt-get install unixodbc)"; exit 0; }
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/rs_iam_$prog.XXXXXX") || exit 1
    trap 'rm -rf "$tmp"' EXIT
    # The test's own user DSN; the driver stays registered through ODBCSYSINI.
    { rs_iam_dsn "$dsn" "$user"; rs_iam_dsn "${dsn}_bad" "$user" "$RS_IAM_WRONG_SECRET"; } > "$tmp/odbc.ini"
    export ODBCINI=$tmp/odbc.ini

    n0=$(rs_iam_issued "$user")

    out=$(echo "SELECT current_user, 40 + 2" | LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' "$dsn"); rc=$?
    [ $rc -eq 0 ] && grep -qx "IAMA:$user|42" <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: IAM DSN logs in as the user GetClusterCredentials issued (IAMA:$user)" "exit $rc" "$out"

    n1=$(rs_iam_issued "$user")
    [ "$n0" -ge 0 ] && [ "$n1" -eq $((n0 + 1)) ]
    rs_ok $? "$prog: the emulator issued exactly one set of credentials for DbUser $user, signed with alice's key" \
        "issued before: $n0, after: $n1"

    if [ "$prog" = isql ]; then
        out=$(echo "SELECT current_user" | LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' -k "$(rs_iam_connstr "$user")"); rc=$?
        [ $rc -eq 0 ] && grep -qx "IAMA:$user" <<< "$out" && ! rs_sanitizer_report "$out"
        rs_ok $? "$prog -k: DSN-less IAM connection string (SQLDriverConnect)" "exit $rc" \
            "$(sed "s|$RS_IAM_SECRET|<SECRET>|g" <<< "$out")"
    fi

    # The text as an SQL expression: literal UTF-8 for isql, chr() of each code point for iusql.
    local text_sql
    if [ "$prog" = isql ]; then
        text_sql="'$RS_IAM_TEXT'"
    else
        text_sql="'Gr' || chr(252) || chr(223) || 'e, ' || chr(26481) || chr(20140) || ', ' || chr(128512)"
    fi
    sql="CREATE TEMP TABLE rs_iam_t (id int, name varchar(100), ts timestamp)
PREPARE rs_ins(int, varchar, timestamp) AS INSERT INTO rs_iam_t VALUES (\$1, \$2, \$3)
EXECUTE rs_ins(7, $text_sql, '$RS_IAM_TS')
PREPARE rs_sel(int, varchar) AS SELECT id, name, char_length(name), octet_length(name), ts, to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') FROM rs_iam_t WHERE id = \$1 AND name = \$2
EXECUTE rs_sel(7, $text_sql)"
    out=$(LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' "$dsn" <<< "$sql"); rc=$?
    if [ "$prog" = isql ]; then
        want="7|$RS_IAM_TEXT|$RS_IAM_TEXT_CHARS|$RS_IAM_TEXT_BYTES|$RS_IAM_TS|$RS_IAM_TS"
    else
        want=$(printf '7|Gr\xfc\xdfe, q\xac, =|%s|%s|%s|%s' "$RS_IAM_TEXT_CHARS" "$RS_IAM_TEXT_BYTES" "$RS_IAM_TS" "$RS_IAM_TS")
    fi
    [ $rc -eq 0 ] && LC_ALL=C grep -qxF "$want" <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: PREPARE/EXECUTE with typed parameters inserts and selects the row: text ($RS_IAM_TEXT_CHARS characters, $RS_IAM_TEXT_BYTES bytes on the server) and timestamp read back" \
        "exit $rc" "want: $(LC_ALL=C od -An -c <<< "$want" | tr -s ' ' | head -c 300)" "$(LC_ALL=C od -An -c <<< "$out" | tr -s ' ' | head -n 20)"

    # The timestamp as the driver converts it (SQL_C_CHAR / SQL_C_WCHAR) and as the server formats
    # it, for a value the client did not send: an expression the server computes.
    out=$(echo "SELECT TIMESTAMP '$RS_IAM_TS' + interval '1 day 1 microsecond', to_char(TIMESTAMP '$RS_IAM_TS' + interval '1 day 1 microsecond', 'YYYY-MM-DD HH24:MI:SS.US')" \
        | LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' "$dsn"); rc=$?
    [ $rc -eq 0 ] && grep -qxF '2024-03-01 13:45:56.123457|2024-03-01 13:45:56.123457' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: a computed timestamp (leap day + 1 day 1 µs) reads 2024-03-01 13:45:56.123457" "exit $rc" "$out"

    # A wrong secret key: GetClusterCredentials is refused and the login fails with the AWS error
    # (isql shows SQLSTATE 28000), promptly, without either secret in what the user sees.
    out=$(echo "SELECT 1" | LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' "${dsn}_bad"); rc=$?
    [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q 'SignatureDoesNotMatch' <<< "$out" \
        && { [ "$prog" = iusql ] || grep -q '\[28000\]' <<< "$out"; } && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: a wrong secret key fails the IAM login with SignatureDoesNotMatch$([ "$prog" = isql ] && echo ' and 28000')" \
        "exit $rc" "$(sed "s|$RS_IAM_WRONG_SECRET|<WRONG SECRET>|g; s|$RS_IAM_SECRET|<SECRET>|g" <<< "$out")"
    ! grep -qF -e "$RS_IAM_WRONG_SECRET" -e "$RS_IAM_SECRET" <<< "$out"
    rs_ok $? "$prog: the failure shows no secret key"

    echo "1..$RS_T_N"
    rs_done
}
