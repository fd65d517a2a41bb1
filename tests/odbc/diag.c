/* diag.c - diagnostics through unixODBC: SQLGetDiagRec and SQLGetDiagField (A and W), record
 * counts, SQLSTATE, native error, class and subclass origin, row count, row and column
 * numbers, message truncation, PostgreSQL's DETAIL and HINT passing through, and the server's
 * notices as warnings of the call that caused them (never on stderr). */
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "odbctest.h"

static SQLHENV env;
static SQLHDBC dbc;

static void field_str(SQLHSTMT st, SQLSMALLINT rec, SQLSMALLINT field, const char *want, const char *what)
{
    char buf[256];
    SQLSMALLINT len = -1;
    SQLRETURN rc = SQLGetDiagField(SQL_HANDLE_STMT, st, rec, field, buf, sizeof buf, &len);
    t_is_int(rc, SQL_SUCCESS, "%s: SQLGetDiagField returns SQL_SUCCESS", what);
    t_is_str(rc == SQL_SUCCESS ? buf : "(failed)", want, "%s", what);
    t_is_int(len, (long long)strlen(want), "%s: length", what);
}

static void test_records(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"SELEC 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "a syntax error");
    SQLINTEGER count = -1;
    rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_NUMBER, &count, 0, NULL);
    t_is_int(rc, SQL_SUCCESS, "SQL_DIAG_NUMBER");
    t_is_int(count, 1, "one record");
    SQLRETURN ret = 0;
    rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_RETURNCODE, &ret, 0, NULL);
    t_is_int(ret, SQL_ERROR, "SQL_DIAG_RETURNCODE is SQL_ERROR");

    SQLCHAR state[6];
    SQLINTEGER native = -7;
    SQLCHAR msg[512];
    SQLSMALLINT len = -1;
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, msg, sizeof msg, &len);
    t_is_int(rc, SQL_SUCCESS, "SQLGetDiagRec(1)");
    t_is_str((char *)state, "42601", "SQLSTATE 42601");
    t_is_int(native, 0, "native error 0 (PostgreSQL has no numeric codes)");
    t_is_int(len, (long long)strlen((char *)msg), "message length");
    t_like((char *)msg, "[rsodbc]", "the message names the driver");
    t_like((char *)msg, "syntax error at or near \"SELEC\"", "the server's text");
    char full[512];
    snprintf(full, sizeof full, "%s", (char *)msg);
    SQLSMALLINT full_len = len;

    field_str(st, 1, SQL_DIAG_SQLSTATE, "42601", "SQL_DIAG_SQLSTATE");
    field_str(st, 1, SQL_DIAG_MESSAGE_TEXT, full, "SQL_DIAG_MESSAGE_TEXT equals the record's message");
    /* 42601: class 42 and its subclass come from ISO 9075 */
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "42601: SQL_DIAG_CLASS_ORIGIN");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ISO 9075", "42601: SQL_DIAG_SUBCLASS_ORIGIN");
    SQLINTEGER nat = -7;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_NATIVE, &nat, 0, NULL);
    t_is_int(nat, 0, "SQL_DIAG_NATIVE");
    SQLLEN row = 0;
    SQLINTEGER col = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_ROW_NUMBER, &row, 0, NULL);
    t_is_int(row, SQL_NO_ROW_NUMBER, "SQL_DIAG_ROW_NUMBER: no row");
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_COLUMN_NUMBER, &col, 0, NULL);
    t_is_int(col, SQL_NO_COLUMN_NUMBER, "SQL_DIAG_COLUMN_NUMBER: no column");
    field_str(st, 1, SQL_DIAG_SERVER_NAME, "127.0.0.1", "SQL_DIAG_SERVER_NAME");

    /* beyond the last record; record 0; negative buffer */
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 2, state, &native, msg, sizeof msg, &len);
    t_is_int(rc, SQL_NO_DATA, "record 2 of 1: SQL_NO_DATA");
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 0, state, &native, msg, sizeof msg, &len);
    t_is_int(rc, SQL_ERROR, "record 0: SQL_ERROR");
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, msg, -1, &len);
    t_is_int(rc, SQL_ERROR, "negative buffer length: SQL_ERROR");

    /* truncation of the message */
    SQLCHAR small[10];
    len = -1;
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, small, sizeof small, &len);
    t_is_int(rc, SQL_SUCCESS_WITH_INFO, "a 10-byte message buffer: SQL_SUCCESS_WITH_INFO");
    t_is_int(len, full_len, "the full length is reported");
    t_is_int((long long)strlen((char *)small), 9, "9 bytes and a NUL");
    t_ok(strncmp((char *)small, full, 9) == 0, "the start of the message");
    t_is_str((char *)state, "42601", "the SQLSTATE is complete anyway");
    len = -1;
    rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_MESSAGE_TEXT, small, sizeof small, &len);
    t_is_int(rc, SQL_SUCCESS_WITH_INFO, "SQLGetDiagField message into 10 bytes: truncated");
    t_is_int(len, full_len, "SQLGetDiagField: full length");
    /* the length alone */
    len = -1;
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, NULL, NULL, NULL, 0, &len);
    t_ok(SQL_SUCCEEDED(rc), "SQLGetDiagRec with no buffers (rc %d)", rc);
    t_is_int(len, full_len, "SQLGetDiagRec with no buffers: the length");

    /* W forms: characters for SQLGetDiagRecW, bytes for SQLGetDiagFieldW */
    SQLWCHAR wstate[6], wmsg[512], wsmall[10];
    rc = SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, wstate, &native, wmsg, 512, &len);
    t_is_int(rc, SQL_SUCCESS, "SQLGetDiagRecW");
    t_ok(wstate[0] == '4' && wstate[1] == '2' && wstate[2] == '6' && wstate[3] == '0' && wstate[4] == '1' &&
         wstate[5] == 0, "SQLGetDiagRecW SQLSTATE");
    t_is_int(len, full_len, "SQLGetDiagRecW length in characters");
    rc = SQLGetDiagRecW(SQL_HANDLE_STMT, st, 1, wstate, &native, wsmall, 10, &len);
    t_is_int(rc, SQL_SUCCESS_WITH_INFO, "SQLGetDiagRecW into 10 characters: truncated");
    t_ok(wsmall[8] == (SQLWCHAR)full[8] && wsmall[9] == 0, "SQLGetDiagRecW: 9 characters and a NUL");
    t_is_int(len, full_len, "SQLGetDiagRecW truncated: full length in characters");
    rc = SQLGetDiagFieldW(SQL_HANDLE_STMT, st, 1, SQL_DIAG_MESSAGE_TEXT, wmsg, sizeof wmsg, &len);
    t_is_int(rc, SQL_SUCCESS, "SQLGetDiagFieldW message");
    t_ok(wmsg[0] == (SQLWCHAR)full[0] && wmsg[full_len - 1] == (SQLWCHAR)full[full_len - 1] && wmsg[full_len] == 0,
         "SQLGetDiagFieldW text");
    /* Debian's unixODBC 2.3.11 hands W callers a length in characters here, whatever the
     * driver says; the driver itself must answer in bytes, as ODBC defines: ask it directly,
     * on its own statement handle (SQL_DRIVER_HSTMT), in the library the manager loaded. */
    t_is_int(len, full_len, "through unixODBC 2.3.11: SQLGetDiagFieldW length in characters");
    void *lib = dlopen(t_env("RS_DRIVER"), RTLD_NOW | RTLD_NOLOAD);
    SQLRETURN (*drv_field)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT, SQLSMALLINT, SQLPOINTER, SQLSMALLINT,
                           SQLSMALLINT *) = lib ? (SQLRETURN (*)(SQLSMALLINT, SQLHANDLE, SQLSMALLINT,
                           SQLSMALLINT, SQLPOINTER, SQLSMALLINT, SQLSMALLINT *))dlsym(lib, "SQLGetDiagFieldW") : NULL;
    SQLHANDLE drv_st = st;
    SQLGetInfo(dbc, SQL_DRIVER_HSTMT, &drv_st, sizeof drv_st, NULL);
    t_ok(drv_field && drv_st && drv_st != st, "the driver's SQLGetDiagFieldW and statement handle");
    len = -1;
    rc = drv_field ? drv_field(SQL_HANDLE_STMT, drv_st, 1, SQL_DIAG_MESSAGE_TEXT, wmsg, sizeof wmsg, &len) : SQL_ERROR;
    t_is_int(rc, SQL_SUCCESS, "the driver's SQLGetDiagFieldW answers");
    t_is_int(len, full_len * 2, "the driver's SQLGetDiagFieldW length is in bytes");
    if (lib)
        dlclose(lib);

    /* the next call on the handle clears its records */
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the next statement");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 0, "its records are gone");
    rc = SQLGetDiagRec(SQL_HANDLE_STMT, st, 1, state, &native, msg, sizeof msg, &len);
    t_is_int(rc, SQL_NO_DATA, "SQLGetDiagRec(1) now SQL_NO_DATA");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_origins(void)
{
    SQLHSTMT st = t_stmt(dbc);
    /* 01004: ISO class 01, ODBC's subclass? No: 01004 is ISO's own (string data, right truncation) */
    SQLExecDirect(st, (SQLCHAR *)"SELECT 'abcdef'::text, 2.5::numeric", SQL_NTS);
    SQLFetch(st);
    char buf[4];
    SQLLEN ind;
    SQLRETURN rc = SQLGetData(st, 1, SQL_C_CHAR, buf, sizeof buf, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a truncated string");
    field_str(st, 1, SQL_DIAG_SQLSTATE, "01004", "01004");
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "01004: class origin");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ISO 9075", "01004: subclass origin");
    SQLINTEGER col = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 1, SQL_DIAG_COLUMN_NUMBER, &col, 0, NULL);
    t_is_int(col, 1, "01004: SQL_DIAG_COLUMN_NUMBER 1");
    SQLINTEGER i = 0;
    rc = SQLGetData(st, 2, SQL_C_SLONG, &i, 0, &ind);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a fractional truncation");
    /* 01S07 is ODBC's subclass of ISO's class 01 */
    field_str(st, 1, SQL_DIAG_SQLSTATE, "01S07", "01S07");
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "01S07: class origin");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ODBC 3.0", "01S07: subclass origin");
    SQLRETURN ret = 0;
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_RETURNCODE, &ret, 0, NULL);
    t_is_int(ret, SQL_SUCCESS_WITH_INFO, "SQL_DIAG_RETURNCODE is SQL_SUCCESS_WITH_INFO");
    SQLFreeStmt(st, SQL_CLOSE);

    /* HY024 from the driver: class HY is ISO's CLI class, HY024 an ISO subclass */
    rc = SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)0, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "row array size 0");
    field_str(st, 1, SQL_DIAG_SQLSTATE, "HY024", "HY024");
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "HY024: class origin");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ISO 9075", "HY024: subclass origin");
    /* HY106 (fetch type out of range) comes from ISO's CLI too */
    SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS);
    rc = SQLFetchScroll(st, SQL_FETCH_PRIOR, 0);
    T_STMT_RC(st, rc, SQL_ERROR, "PRIOR on a forward-only cursor");
    field_str(st, 1, SQL_DIAG_SQLSTATE, "HY106", "HY106");
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "HY106: class origin");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ISO 9075", "HY106: subclass origin");
    SQLFreeStmt(st, SQL_CLOSE);
    /* 01S02 (option value changed) is ODBC's subclass */
    rc = SQLSetStmtAttr(st, SQL_ATTR_CURSOR_TYPE, (SQLPOINTER)SQL_CURSOR_DYNAMIC, 0);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "a dynamic cursor becomes static");
    field_str(st, 1, SQL_DIAG_SQLSTATE, "01S02", "01S02");
    field_str(st, 1, SQL_DIAG_CLASS_ORIGIN, "ISO 9075", "01S02: class origin");
    field_str(st, 1, SQL_DIAG_SUBCLASS_ORIGIN, "ODBC 3.0", "01S02: subclass origin");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_row_count(void)
{
    SQLHSTMT st = t_stmt(dbc);
    t_exec(st, "CREATE TEMP TABLE odbc_diag_t (x int)");
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO odbc_diag_t SELECT generate_series(1, 3)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "insert 3 rows");
    SQLLEN n = -9;
    rc = SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_ROW_COUNT, &n, 0, NULL);
    t_is_int(rc, SQL_SUCCESS, "SQL_DIAG_ROW_COUNT");
    t_is_int(n, 3, "SQL_DIAG_ROW_COUNT is 3");
    rc = SQLExecDirect(st, (SQLCHAR *)"UPDATE odbc_diag_t SET x = x + 1 WHERE x > 1", SQL_NTS);
    SQLGetDiagField(SQL_HANDLE_STMT, st, 0, SQL_DIAG_ROW_COUNT, &n, 0, NULL);
    t_is_int(n, 2, "after an UPDATE of 2: 2");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    /* header fields of a statement only */
    rc = SQLGetDiagField(SQL_HANDLE_DBC, dbc, 0, SQL_DIAG_ROW_COUNT, &n, 0, NULL);
    t_is_int(rc, SQL_ERROR, "SQL_DIAG_ROW_COUNT of a connection: SQL_ERROR");
}

static void test_detail_hint(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"DO $$ BEGIN RAISE EXCEPTION 'custom failure' USING "
                                 "DETAIL = 'the detail', HINT = 'the hint', ERRCODE = '22023'; END $$", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "RAISE EXCEPTION with DETAIL and HINT");
    char state[6], msg[2048];
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "22023", "the ERRCODE is the SQLSTATE");
    t_like(msg, "ERROR: custom failure", "the primary message");
    t_like(msg, "DETAIL: the detail", "the DETAIL");
    t_like(msg, "HINT: the hint", "the HINT");
    t_ok(strstr(msg, "custom failure") < strstr(msg, "the detail") && strstr(msg, "the detail") < strstr(msg, "the hint"),
         "in the order primary, detail, hint");

    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT no_such_function_x(1)", SQL_NTS);
    T_STMT_RC(st, rc, SQL_ERROR, "an unknown function");
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "42883", "unknown function: 42883");
    t_like(msg, "HINT: No function matches", "the server's own HINT");

    t_exec(st, "CREATE TEMP TABLE odbc_diag_k (id int PRIMARY KEY)");
    t_exec(st, "INSERT INTO odbc_diag_k VALUES (1)");
    rc = SQLExecDirect(st, (SQLCHAR *)"INSERT INTO odbc_diag_k VALUES (1)", SQL_NTS);
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "23505", "duplicate key: 23505");
    t_like(msg, "DETAIL: Key (id)=(1) already exists.", "duplicate key: the server's DETAIL");

    /* a long message is not cut short by the driver */
    char big[1200];
    memset(big, 'm', 1000);
    big[1000] = '\0';
    char sql[1400];
    snprintf(sql, sizeof sql, "DO $$ BEGIN RAISE EXCEPTION '%s' USING HINT = 'end'; END $$", big);
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    char longmsg[4096];
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, longmsg, sizeof longmsg);
    t_like(longmsg, big, "a 1000-character message arrives whole");
    t_like(longmsg, "HINT: end", "and its hint after it");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_other_handles(void)
{
    /* environment */
    SQLRETURN rc = SQLSetEnvAttr(env, SQL_ATTR_OUTPUT_NTS, (SQLPOINTER)SQL_FALSE, 0);
    t_rc(rc, SQL_ERROR, SQL_HANDLE_ENV, env, "SQL_ATTR_OUTPUT_NTS false is refused");
    char state[6], msg[512];
    t_diag_rec(SQL_HANDLE_ENV, env, 1, state, NULL, msg, sizeof msg);
    t_ok(strcmp(state, "HYC00") == 0 || strcmp(state, "HY024") == 0 || strcmp(state, "HY092") == 0,
         "an environment record (%s)", state);

    /* connection: several records at once are counted */
    SQLHDBC d;
    SQLAllocHandle(SQL_HANDLE_DBC, env, &d);
    rc = SQLDriverConnect(d, NULL, (SQLCHAR *)"Driver=rsodbc;Server=127.0.0.1;Port=1;UID=x;PWD=y;LoginTimeout=2", SQL_NTS,
                          NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(d, rc, SQL_ERROR, "a failed connect");
    int n = t_diag_count(SQL_HANDLE_DBC, d);
    t_ok(n >= 1, "the connection has records (%d)", n);
    t_diag_rec(SQL_HANDLE_DBC, d, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "08001", "08001");
    /* (after a failed connect the driver manager holds the records and answers their
     * origins itself, so they are not checked here) */
    SQLFreeHandle(SQL_HANDLE_DBC, d);

    /* ODBC 2 SQLError drains the records one by one */
    SQLHSTMT st = t_stmt(dbc);
    SQLExecDirect(st, (SQLCHAR *)"SELEC 2", SQL_NTS);
    SQLCHAR st2[6];
    SQLINTEGER native;
    SQLSMALLINT len;
    rc = SQLError(SQL_NULL_HENV, SQL_NULL_HDBC, st, st2, &native, (SQLCHAR *)msg, sizeof msg, &len);
    t_is_int(rc, SQL_SUCCESS, "SQLError returns the record");
    t_is_str((char *)st2, "42601", "SQLError: 42601");
    rc = SQLError(SQL_NULL_HENV, SQL_NULL_HDBC, st, st2, &native, (SQLCHAR *)msg, sizeof msg, &len);
    t_is_int(rc, SQL_NO_DATA, "SQLError: then SQL_NO_DATA");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* stderr into a file while the notices arrive: the driver must not print them */
static int stderr_to(const char *path)
{
    fflush(stderr);
    int saved = dup(2), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    return saved;
}

static void stderr_back(int saved)
{
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
}

static void test_notices(void)
{
    char path[] = "/tmp/odbc_diag_stderr_XXXXXX";
    int tmp = mkstemp(path);
    close(tmp);
    int saved = stderr_to(path);
    SQLHSTMT st = t_stmt(dbc);
    char state[6], msg[2048];

    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)"DROP TABLE IF EXISTS odbc_no_such_table", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "DROP TABLE IF EXISTS of nothing: success with info");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 1, "one record");
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "01000", "the server's notice is a 01000 warning");
    t_like(msg, "NOTICE: table \"odbc_no_such_table\" does not exist, skipping", "with the server's text");

    rc = SQLExecDirect(st, (SQLCHAR *)"DO $$ BEGIN RAISE WARNING 'careful: %', 42 USING HINT = 'look'; "
                                      "RAISE NOTICE 'just so you know'; "
                                      "RAISE WARNING 'null gone' USING ERRCODE = '01003'; END $$", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS_WITH_INFO, "RAISE WARNING and NOTICE: success with info");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 3, "three records");
    t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
    t_ok(strcmp(state, "01000") == 0 && strstr(msg, "WARNING: careful: 42") && strstr(msg, "HINT: look"),
         "1: the WARNING with its HINT, 01000 (%s: %s)", state, msg);
    t_diag_rec(SQL_HANDLE_STMT, st, 2, state, NULL, msg, sizeof msg);
    t_ok(strcmp(state, "01000") == 0 && strstr(msg, "NOTICE: just so you know") != NULL,
         "2: the NOTICE, in the order raised (%s: %s)", state, msg);
    t_diag_rec(SQL_HANDLE_STMT, st, 3, state, NULL, msg, sizeof msg);
    t_is_str(state, "01003", "3: a warning's own class-01 SQLSTATE passes through");

    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 1", SQL_NTS), SQL_SUCCESS, "the next statement: plain success");
    t_is_int(t_diag_count(SQL_HANDLE_STMT, st), 0, "and no records left over");
    SQLFreeStmt(st, SQL_CLOSE);

    /* notices while rows stream: each SQLFetch that read one says so */
    t_exec(st, "CREATE OR REPLACE FUNCTION pg_temp.odbc_noisy(i int) RETURNS int LANGUAGE plpgsql AS "
               "$$ BEGIN IF i % 2 = 0 THEN RAISE NOTICE 'row %', i; END IF; RETURN i; END $$");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT pg_temp.odbc_noisy(x) FROM generate_series(1, 6) x", SQL_NTS);
    t_ok(SQL_SUCCEEDED(rc), "a query whose rows raise notices runs (rc %d)", rc);
    int rows = 0, with_info = 0, notices = t_diag_count(SQL_HANDLE_STMT, st);
    while ((rc = SQLFetch(st)) == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) {
        rows++;
        if (rc == SQL_SUCCESS_WITH_INFO) {
            with_info++;
            notices += t_diag_count(SQL_HANDLE_STMT, st);
            t_diag_rec(SQL_HANDLE_STMT, st, 1, state, NULL, msg, sizeof msg);
        }
    }
    t_ok(rows == 6 && rc == SQL_NO_DATA, "all 6 rows fetched (%d)", rows);
    t_ok(notices == 3 && with_info >= 1, "the 3 notices reach the application: %d (on %d fetches, the rest with "
         "the execution)", notices, with_info);
    SQLFreeStmt(st, SQL_CLOSE);
    SQLFreeHandle(SQL_HANDLE_STMT, st);

    stderr_back(saved);
    struct stat sb;
    long printed = stat(path, &sb) == 0 ? (long)sb.st_size : -1;
    t_ok(printed == 0, "nothing was printed on stderr (%ld bytes)", printed);
    unlink(path);
}

/* A notice during a connection-level call (a deferred trigger raising one at COMMIT) is the
 * connection's record, and SQLEndTran says SQL_SUCCESS_WITH_INFO - also right after the
 * statement that began the transaction was freed (the driver must not write to it then:
 * the ASan build of this test would stop on that). */
static void test_notice_at_commit(void)
{
    SQLHDBC c2 = t_connect(env, "");
    SQLSetConnectAttr(c2, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    SQLHSTMT st = t_stmt(c2);
    t_exec(st, "CREATE TEMP TABLE odbc_diag_deferred (x int)");
    t_exec(st, "CREATE FUNCTION pg_temp.odbc_at_commit() RETURNS trigger LANGUAGE plpgsql AS "
               "$$ BEGIN RAISE NOTICE 'checked at commit: %', NEW.x; RETURN NULL; END $$");
    t_exec(st, "CREATE CONSTRAINT TRIGGER odbc_diag_deferred_t AFTER INSERT ON odbc_diag_deferred "
               "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION pg_temp.odbc_at_commit()");
    T_DBC_RC(c2, SQLEndTran(SQL_HANDLE_DBC, c2, SQL_COMMIT), SQL_SUCCESS, "commit the set-up: no notice");
    t_exec(st, "INSERT INTO odbc_diag_deferred VALUES (7)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);   /* the statement that began the transaction goes */
    SQLRETURN rc = SQLEndTran(SQL_HANDLE_DBC, c2, SQL_COMMIT);
    T_DBC_RC(c2, rc, SQL_SUCCESS_WITH_INFO, "COMMIT fires the deferred trigger's notice: success with info");
    char state[6], msg[512];
    t_diag_rec(SQL_HANDLE_DBC, c2, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "01000", "the connection's record is 01000");
    t_like(msg, "NOTICE: checked at commit: 7", "with the trigger's text");
    t_disconnect(c2);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_records();
    test_origins();
    test_row_count();
    test_detail_hint();
    test_notices();
    test_notice_at_commit();
    test_other_handles();
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
