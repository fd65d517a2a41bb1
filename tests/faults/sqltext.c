/* sqltext.c - statement text with a NUL inside its explicit length (issue 7 point 6, bad
 * input): SQLExecDirect and SQLPrepare, A and W, refuse it with HY090 instead of running the
 * text before the NUL (another statement than the one given); NULs that only pad the end of
 * the length (an application counting the terminator) are tolerated. TAP. */
#include <stdio.h>
#include <string.h>

#include "../odbc/odbctest.h"

static SQLWCHAR *wide(const char *s, size_t len, SQLWCHAR *out)
{
    for (size_t i = 0; i < len; i++)
        out[i] = (SQLWCHAR)(unsigned char)s[i];
    out[len] = 0;
    return out;
}

/* The statement answers `want` (one integer). */
static void answers(SQLHSTMT st, long want, const char *what)
{
    SQLINTEGER v = -1;
    SQLLEN ind = 0;
    SQLRETURN rc = SQLFetch(st);
    if (SQL_SUCCEEDED(rc))
        SQLGetData(st, 1, SQL_C_SLONG, &v, 0, &ind);
    t_is_int(v, want, "%s: answers %ld", what, want);
    SQLFreeStmt(st, SQL_CLOSE);
}

int main(void)
{
    t_start(60);
    SQLHENV env = t_env_alloc();
    SQLHDBC dbc = t_connect(env, "");
    SQLHSTMT st = t_stmt(dbc);
    static const char cut[] = "SELECT 1\0 + 1";   /* 14 bytes: "SELECT 1" would run alone */
    static const char pad[] = "SELECT 42\0\0";    /* 11 bytes: the text, then padding */
    SQLWCHAR w[32];

    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)cut, 14);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecDirect with text after a NUL fails");
    t_state(SQL_HANDLE_STMT, st, "HY090", "SQLExecDirect: HY090");
    rc = SQLExecDirectW(st, wide(cut, 14, w), 14);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecDirectW with text after a NUL fails");
    t_state(SQL_HANDLE_STMT, st, "HY090", "SQLExecDirectW: HY090");
    rc = SQLPrepare(st, (SQLCHAR *)cut, 14);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLPrepare with text after a NUL fails");
    t_state(SQL_HANDLE_STMT, st, "HY090", "SQLPrepare: HY090");
    rc = SQLPrepareW(st, wide(cut, 14, w), 14);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLPrepareW with text after a NUL fails");
    t_state(SQL_HANDLE_STMT, st, "HY090", "SQLPrepareW: HY090");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 1", -5);
    T_STMT_RC(st, rc, SQL_ERROR, "SQLExecDirect with length -5 fails");
    t_state(SQL_HANDLE_STMT, st, "HY090", "length -5: HY090");

    rc = SQLExecDirect(st, (SQLCHAR *)pad, 11);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecDirect: NULs padding the end of the length are tolerated");
    answers(st, 42, "padded SQLExecDirect");
    rc = SQLExecDirectW(st, wide(pad, 11, w), 11);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLExecDirectW: NULs padding the end are tolerated");
    answers(st, 42, "padded SQLExecDirectW");
    rc = SQLPrepare(st, (SQLCHAR *)pad, 11);
    T_STMT_RC(st, rc, SQL_SUCCESS, "SQLPrepare: NULs padding the end are tolerated");
    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "and the prepared statement runs");
    answers(st, 42, "padded SQLPrepare");
    rc = SQLExecDirect(st, (SQLCHAR *)"SELECT 7", SQL_NTS);
    T_STMT_RC(st, rc, SQL_SUCCESS, "the statement works after the refusals");
    answers(st, 7, "SELECT 7");

    SQLFreeHandle(SQL_HANDLE_STMT, st);
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
