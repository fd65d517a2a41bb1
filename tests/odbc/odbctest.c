/* odbctest.c - TAP output, diagnostics and connection helpers for the driver-manager tests. */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "odbctest.h"

static int n_tests;
static int n_failed;
static const char *todo;

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "Bail out! watchdog: the test took too long (a driver call hangs?)\n";
    ssize_t w = write(STDOUT_FILENO, msg, sizeof msg - 1);
    (void)w;
    _exit(99);
}

void t_start(int seconds)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!getenv("RS_PG_PORT") || !getenv("ODBCSYSINI") || !getenv("RS_CA_FILE")) {
        printf("1..0 # SKIP no test environment (run under scripts/with-test-env.sh)\n");
        exit(0);
    }
    signal(SIGALRM, on_alarm);
    alarm((unsigned)seconds);
}

void t_plan(int n)
{
    printf("1..%d\n", n);
}

int t_done(void)
{
    printf("1..%d\n", n_tests);
    if (n_failed)
        printf("# %d of %d tests failed\n", n_failed, n_tests);
    return n_failed ? 1 : 0;
}

int t_failed(void)
{
    return n_failed > 0;
}

void t_todo(const char *reason)
{
    todo = reason;
}

static int report(int cond, const char *fmt, va_list ap)
{
    n_tests++;
    if (!cond && !todo)
        n_failed++;
    printf("%sok %d - ", cond ? "" : "not ", n_tests);
    vprintf(fmt, ap);
    if (todo)
        printf(" # TODO %s", todo);
    printf("\n");
    return cond;
}

int t_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(cond, fmt, ap);
    va_end(ap);
    return cond;
}

int t_is_int(long long got, long long want, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int cond = got == want;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: %lld\n#   expected: %lld\n", got, want);
    return cond;
}

int t_is_str(const char *got, const char *want, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int cond = got && want ? strcmp(got, want) == 0 : got == want;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: '%s'\n#   expected: '%s'\n", got ? got : "(null)", want ? want : "(null)");
    return cond;
}

int t_like(const char *got, const char *needle, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int cond = got && strstr(got, needle) != NULL;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond)
        printf("#   got: '%s'\n#   expected to contain: '%s'\n", got ? got : "(null)", needle);
    return cond;
}

void t_diag(const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* one comment line per line of text */
    for (char *line = buf, *nl; line; line = nl) {
        nl = strchr(line, '\n');
        if (nl)
            *nl++ = '\0';
        printf("# %s\n", line);
    }
}

void t_bail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("Bail out! ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    exit(1);
}

double t_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- diagnostics ---- */

SQLRETURN t_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, char state[6], SQLINTEGER *native,
                     char *msg, size_t msglen)
{
    SQLCHAR st[6] = "", text[4096] = "";
    SQLINTEGER nat = 0;
    SQLSMALLINT len = 0;
    SQLRETURN rc = SQLGetDiagRec(type, h, rec, st, &nat, text, (SQLSMALLINT)sizeof text, &len);
    if (state)
        snprintf(state, 6, "%s", rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO ? (char *)st : "");
    if (native)
        *native = nat;
    if (msg && msglen)
        snprintf(msg, msglen, "%s", rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO ? (char *)text : "");
    return rc;
}

void t_print_diag(SQLSMALLINT type, SQLHANDLE h)
{
    for (SQLSMALLINT i = 1; i <= 20; i++) {
        char state[6], msg[4096];
        SQLINTEGER native;
        SQLRETURN rc = t_diag_rec(type, h, i, state, &native, msg, sizeof msg);
        if (rc != SQL_SUCCESS && rc != SQL_SUCCESS_WITH_INFO)
            break;
        t_diag("diag %d: %s (%d) %s", i, state, (int)native, msg);
    }
}

int t_rc(SQLRETURN rc, SQLRETURN want, SQLSMALLINT type, SQLHANDLE h, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int cond = rc == want;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond) {
        printf("#   return code: %d, expected %d\n", (int)rc, (int)want);
        t_print_diag(type, h);
    }
    return cond;
}

int t_state(SQLSMALLINT type, SQLHANDLE h, const char *state, const char *fmt, ...)
{
    char got[6], msg[4096];
    SQLRETURN rc = t_diag_rec(type, h, 1, got, NULL, msg, sizeof msg);
    va_list ap;
    va_start(ap, fmt);
    int cond = (rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO) && strcmp(got, state) == 0;
    report(cond, fmt, ap);
    va_end(ap);
    if (!cond) {
        printf("#   expected SQLSTATE %s, first record is '%s'\n", state, got);
        t_print_diag(type, h);
    }
    return cond;
}

int t_diag_count(SQLSMALLINT type, SQLHANDLE h)
{
    SQLINTEGER n = -1;
    SQLRETURN rc = SQLGetDiagField(type, h, 0, SQL_DIAG_NUMBER, &n, 0, NULL);
    return rc == SQL_SUCCESS ? (int)n : -1;
}

/* ---- the test server ---- */

const char *t_env(const char *name)
{
    const char *v = getenv(name);
    return v ? v : "";
}

int t_connstr(char *buf, size_t buflen, const char *extra)
{
    int n = snprintf(buf, buflen,
                     "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=%s;UID=rs_md5;PWD=md5-secret-1;"
                     "SSLMode=verify-full;CaFile=%s;LoginTimeout=10;%s",
                     t_env("RS_PG_PORT"), getenv("RS_PG_DATABASE") ? t_env("RS_PG_DATABASE") : "rstest",
                     t_env("RS_CA_FILE"), extra ? extra : "");
    return n < 0 || (size_t)n >= buflen ? -1 : n;
}

SQLHENV t_env_alloc(void)
{
    SQLHENV env = SQL_NULL_HENV;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)))
        t_bail("SQLAllocHandle(ENV) failed");
    if (!SQL_SUCCEEDED(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0)))
        t_bail("SQL_ATTR_ODBC_VERSION failed");
    return env;
}

SQLHDBC t_connect(SQLHENV env, const char *extra)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    char cs[2048];
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        t_bail("SQLAllocHandle(DBC) failed");
    if (t_connstr(cs, sizeof cs, extra) < 0)
        t_bail("connection string too long");
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        t_print_diag(SQL_HANDLE_DBC, dbc);
        t_bail("cannot connect to the test server (rc %d)", (int)rc);
    }
    return dbc;
}

SQLHSTMT t_stmt(SQLHDBC dbc)
{
    SQLHSTMT st = SQL_NULL_HSTMT;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        t_print_diag(SQL_HANDLE_DBC, dbc);
        t_bail("SQLAllocHandle(STMT) failed");
    }
    return st;
}

void t_disconnect(SQLHDBC dbc)
{
    SQLRETURN rc = SQLDisconnect(dbc);
    if (!SQL_SUCCEEDED(rc))
        t_print_diag(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

int t_exec(SQLHSTMT st, const char *sql)
{
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    int good = rc == SQL_SUCCESS || rc == SQL_NO_DATA;
    if (rc == SQL_SUCCESS_WITH_INFO) {
        /* only the server's notices (DROP ... IF EXISTS of nothing): warnings of class 01 */
        SQLCHAR state[6];
        SQLSMALLINT i = 1;
        good = 1;
        while (SQL_SUCCEEDED(SQLGetDiagRec(SQL_HANDLE_STMT, st, i++, state, NULL, NULL, 0, NULL)))
            good &= state[0] == '0' && state[1] == '1';
    }
    t_ok(good, "exec: %.70s", sql);
    if (!good) {
        printf("#   return code %d\n", (int)rc);
        t_print_diag(SQL_HANDLE_STMT, st);
    }
    SQLFreeStmt(st, SQL_CLOSE);
    return good;
}

SQLRETURN t_query_str(SQLHDBC dbc, const char *sql, char *out, size_t outlen)
{
    SQLHSTMT st;
    snprintf(out, outlen, "%s", "");
    SQLRETURN rc = SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        rc = SQLFetch(st);
    if (SQL_SUCCEEDED(rc)) {
        SQLLEN ind = 0;
        rc = SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)outlen, &ind);
        if (SQL_SUCCEEDED(rc) && ind == SQL_NULL_DATA)
            snprintf(out, outlen, "(null)");
    }
    if (!SQL_SUCCEEDED(rc)) {
        printf("#   query failed (rc %d): %s\n", (int)rc, sql);
        t_print_diag(SQL_HANDLE_STMT, st);
    }
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return rc;
}

int t_superuser_sql(const char *sql)
{
    /* psql -c takes the SQL as one argument; quote it for the shell */
    char cmd[4096];
    size_t o = 0;
    o += (size_t)snprintf(cmd, sizeof cmd, "psql -X -q -A -t -h '%s' -p '%s' -U '%s' -d '%s' -c '",
                          t_env("RS_PG_SOCKDIR"), t_env("RS_PG_PORT"), t_env("RS_PG_SUPERUSER"),
                          getenv("RS_PG_DATABASE") ? t_env("RS_PG_DATABASE") : "rstest");
    for (const char *p = sql; *p && o + 8 < sizeof cmd; p++) {
        if (*p == '\'') {
            memcpy(cmd + o, "'\\''", 4);
            o += 4;
        } else {
            cmd[o++] = *p;
        }
    }
    snprintf(cmd + o, sizeof cmd - o, "' >/dev/null");
    int st = system(cmd);
    return st;
}
