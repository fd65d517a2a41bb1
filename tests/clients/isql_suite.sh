# shellcheck shell=bash
# The isql/iusql client test, shared by isql.sh (ANSI calls) and iusql.sh (Unicode calls).
# rs_isql_suite PROGRAM drives PROGRAM through the test DSNs and DSN-less connection strings.

# shellcheck source=tests/clients/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RS_SECRET_WRONG=wrong-pw-Zq81x

# rs_sql PROGRAM ARGS... < SQL: batch mode, verbose diagnostics, '|'-delimited rows, UTF-8.
rs_sql() {
    local prog=$1
    shift
    LC_ALL=C.UTF-8 rs_foreign "$prog" -b -v -d'|' "$@"
}

rs_isql_suite() {
    local prog=$1 table out rc conn seen
    table="rs_cli_${prog}_$$"
    rs_need_env
    command -v "$prog" > /dev/null || { echo "1..0 # SKIP $prog not installed (apt-get install unixodbc)"; exit 0; }
    # isql prints diagnostics as [SQLSTATE]message and connects DSN-less with -k. iusql always
    # calls SQLDriverConnectW("DSN=..;UID=..;PWD=.."), prints only the message text, and widens
    # its input byte by byte (so it cannot carry UTF-8 text: that part is tested with isql).
    local is_isql=no
    [ "$prog" = isql ] && is_isql=yes

    rs_psql_super -c "DROP TABLE IF EXISTS $table" \
        -c "CREATE TABLE $table (id integer NOT NULL, name varchar(40))" \
        -c "INSERT INTO $table VALUES (1, 'one'), (2, 'two')" \
        -c "GRANT ALL ON $table TO PUBLIC" > /dev/null \
        || { echo "Bail out! could not create $table as the superuser"; exit 1; }
    trap 'rs_psql_super -c "DROP TABLE IF EXISTS '"$table"'" > /dev/null 2>&1' EXIT

    # DSNs.
    out=$(echo "SELECT current_user, 40 + 2" | rs_sql "$prog" rs_md5); rc=$?
    [ $rc -eq 0 ] && grep -qx 'rs_md5|42' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: DSN rs_md5 (md5 password, verify-full) runs a query" "exit $rc" "$out"

    out=$(echo "SELECT current_user" | rs_sql "$prog" rs_scram); rc=$?
    [ $rc -eq 0 ] && grep -qx 'rs_scram' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: DSN rs_scram (SCRAM) runs a query" "exit $rc" "$out"

    out=$(echo "SELECT current_user" | rs_sql "$prog" rs_nopwd rs_md5 md5-secret-1); rc=$?
    [ $rc -eq 0 ] && grep -qx 'rs_md5' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: DSN without PWD, user and password given at connect time" "exit $rc" "$out"

    # User and password given at connect time take precedence over the DSN's.
    out=$(echo "SELECT current_user" | rs_sql "$prog" rs_md5 rs_scram scram-secret-1); rc=$?
    [ $rc -eq 0 ] && grep -qx 'rs_scram' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: UID/PWD given at connect time override the DSN's" "exit $rc" "$out"

    if [ $is_isql = yes ]; then
        # DSN-less (SQLDriverConnect), by address and by name; verify-full checks both.
        for host in 127.0.0.1 localhost; do
            conn="DRIVER=rsodbc;Server=$host;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;UID=rs_scram;PWD=scram-secret-1;SSLMode=verify-full;CaFile=$RS_CA_FILE;LoginTimeout=10"
            out=$(echo "SELECT current_user, 'dsnless'" | rs_sql "$prog" -k "$conn"); rc=$?
            [ $rc -eq 0 ] && grep -qx 'rs_scram|dsnless' <<< "$out" && ! rs_sanitizer_report "$out"
            rs_ok $? "$prog -k: DSN-less connection string, Server=$host, verify-full" "exit $rc" "$out"
        done
    fi

    # Rows of a table.
    out=$(echo "SELECT id, name FROM $table ORDER BY id" | rs_sql "$prog" rs_md5); rc=$?
    [ $rc -eq 0 ] && [ "$(grep -E '^[0-9]+\|' <<< "$out")" = $'1|one\n2|two' ] && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: SELECT returns the table's rows in order" "exit $rc" "$out"

    # An INSERT through the driver (autocommit) is seen by another session.
    out=$(echo "INSERT INTO $table VALUES (3, 'three')" | rs_sql "$prog" rs_md5); rc=$?
    seen=$(rs_psql_super -c "SELECT name FROM $table WHERE id = 3" 2>&1)
    [ $rc -eq 0 ] && [ "$seen" = three ] && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: INSERT is committed (autocommit) and seen by another session" "exit $rc" "$out" "psql saw: $seen"

    if [ $is_isql = yes ]; then
        # Non-ASCII text in the SQL text: the server stores the right characters...
        out=$(printf "INSERT INTO %s VALUES (4, 'Grüße 日本語 😀')\n" "$table" | rs_sql "$prog" rs_md5); rc=$?
        seen=$(rs_psql_super -c "SELECT name || ':' || char_length(name) FROM $table WHERE id = 4" 2>&1)
        [ $rc -eq 0 ] && [ "$seen" = 'Grüße 日本語 😀:11' ] && ! rs_sanitizer_report "$out"
        rs_ok $? "$prog: non-ASCII text in SQL reaches the server intact" "exit $rc" "$out" "psql saw: $seen"

        # ... and it comes back out.
        out=$(echo "SELECT name, char_length(name) FROM $table WHERE id = 4" | rs_sql "$prog" rs_md5); rc=$?
        [ $rc -eq 0 ] && grep -qx 'Grüße 日本語 😀|11' <<< "$out" && ! rs_sanitizer_report "$out"
        rs_ok $? "$prog: non-ASCII text comes back intact" "exit $rc" "$out"
    fi

    # `help` is SQLTables, `help TABLE` is SQLColumns.
    out=$(echo "help" | rs_sql "$prog" rs_md5); rc=$?
    [ $rc -eq 0 ] && grep -q "|$table|" <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: help (SQLTables) lists the test's table" "exit $rc" "$(grep -c . <<< "$out") lines" \
        "$(grep -iE "$table|error|\[" <<< "$out" | head -n 20)"

    out=$(echo "help $table" | rs_sql "$prog" rs_md5); rc=$?
    [ $rc -eq 0 ] && grep -q "|$table|id|" <<< "$out" && grep -q "|$table|name|" <<< "$out" \
        && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: help TABLE (SQLColumns) lists its columns" "exit $rc" "$out"

    # A wrong password fails with a message (isql: SQLSTATE 28000), never echoing a password.
    out=$(echo "SELECT 1" | rs_sql "$prog" rs_nopwd rs_md5 "$RS_SECRET_WRONG"); rc=$?
    [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -qiE 'password|authenticat' <<< "$out" \
        && { [ $is_isql = no ] || grep -q '\[28000\]' <<< "$out"; } && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: wrong password fails with a message$([ $is_isql = yes ] && echo ' and SQLSTATE 28000')" \
        "exit $rc" "$(sed "s/$RS_SECRET_WRONG/<WRONG PASSWORD>/g" <<< "$out")"
    ! grep -qE "$RS_SECRET_WRONG|md5-secret-1" <<< "$out"
    rs_ok $? "$prog: the failure's output shows no password" "$(sed "s/$RS_SECRET_WRONG/<WRONG PASSWORD>/g" <<< "$out")"

    if [ $is_isql = yes ]; then
        # DSN-less with a wrong password, through SQLDriverConnect.
        conn="DRIVER=rsodbc;Server=127.0.0.1;Port=$RS_PG_PORT;Database=$RS_PG_DATABASE;UID=rs_scram;PWD=$RS_SECRET_WRONG;SSLMode=verify-full;CaFile=$RS_CA_FILE"
        out=$(echo "SELECT 1" | rs_sql "$prog" -k "$conn"); rc=$?
        [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q '\[28000\]' <<< "$out" && ! grep -q "$RS_SECRET_WRONG" <<< "$out" \
            && ! rs_sanitizer_report "$out"
        rs_ok $? "$prog -k: wrong SCRAM password fails with 28000, no password shown" "exit $rc" \
            "$(sed "s/$RS_SECRET_WRONG/<WRONG PASSWORD>/g" <<< "$out")"
    fi

    # No password at all fails promptly (no prompt, no hang) with a message.
    out=$(echo "SELECT 1" | rs_sql "$prog" rs_nopwd); rc=$?
    [ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -qiE 'password|PWD' <<< "$out" && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: a DSN without a password fails with a message about the password" "exit $rc" "$out"

    # A statement error is reported with the server's message (isql: its SQLSTATE), and the
    # connection still runs the next statement.
    out=$(printf 'SELECT * FROM rs_no_such_table_%s\nSELECT 7 * 6\n' "$$" | rs_sql "$prog" rs_md5); rc=$?
    grep -q "rs_no_such_table_$$" <<< "$out" && grep -qx '42' <<< "$out" \
        && { [ $is_isql = no ] || grep -q '\[42P01\]' <<< "$out"; } && ! rs_sanitizer_report "$out"
    rs_ok $? "$prog: a bad statement reports the server's error, the next statement still runs" "exit $rc" "$out"

    echo "1..$RS_T_N"
    rs_done
}
