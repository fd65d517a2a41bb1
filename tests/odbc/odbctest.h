/* odbctest.h - what the driver-manager tests share: a TAP emitter, diagnostics checks, and
 * connecting to the test server through unixODBC (never the driver directly).
 *
 * The tests need the environment scripts/with-test-env.sh (or scripts/check.sh) sets up:
 * RS_PG_HOST, RS_PG_PORT, RS_CA_FILE, ODBCSYSINI/ODBCINI naming the driver "rsodbc". Without
 * it they print a TAP skip plan and exit 0. */
#ifndef RS_ODBCTEST_H
#define RS_ODBCTEST_H

#include <stddef.h>
#include <sql.h>
#include <sqlext.h>

/* ---- TAP ---- */

/* Skip the whole program unless the test environment is there; start a watchdog that fails
 * the program when it runs longer than `seconds` (a hung driver call must not hang make check). */
void t_start(int seconds);
void t_plan(int n);
/* Print "1..N" for the tests run so far and return the exit status (0 when all passed). */
int t_done(void);
int t_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int t_is_int(long long got, long long want, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int t_is_str(const char *got, const char *want, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* got contains needle */
int t_like(const char *got, const char *needle, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void t_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Mark the following tests TODO (a known problem in code this test's owner may not change,
 * reported to its owner): TAP counts their failures as expected, and a pass as a surprise
 * that fails the run, so the mark must go when the problem is fixed. NULL ends the mark. */
void t_todo(const char *reason);
/* 1 when any test failed so far */
int t_failed(void);

/* ---- diagnostics ---- */

/* Print every diagnostic record of a handle as TAP comments. */
void t_print_diag(SQLSMALLINT type, SQLHANDLE h);
/* rc must equal want; on a mismatch the handle's records are printed. */
int t_rc(SQLRETURN rc, SQLRETURN want, SQLSMALLINT type, SQLHANDLE h, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Record `rec` of the handle: SQLSTATE, native error and message (all optional). Returns the
 * SQLGetDiagRec return code. */
SQLRETURN t_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, char state[6], SQLINTEGER *native,
                     char *msg, size_t msglen);
/* The first record's SQLSTATE must be `state`. */
int t_state(SQLSMALLINT type, SQLHANDLE h, const char *state, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Number of diagnostic records (SQL_DIAG_NUMBER). */
int t_diag_count(SQLSMALLINT type, SQLHANDLE h);

/* Shorthands for statements. */
#define T_STMT_RC(st, rc, want, ...) t_rc((rc), (want), SQL_HANDLE_STMT, (st), __VA_ARGS__)
#define T_DBC_RC(dbc, rc, want, ...) t_rc((rc), (want), SQL_HANDLE_DBC, (dbc), __VA_ARGS__)

/* ---- the test server ---- */

const char *t_env(const char *name);   /* getenv or "" */

/* "Driver=rsodbc;Server=127.0.0.1;Port=...;Database=rstest;UID=rs_md5;PWD=md5-secret-1;
 *  SSLMode=verify-full;CaFile=...;LoginTimeout=10" followed by `extra` (may be NULL or "").
 * Returns the length, or -1 when it did not fit. */
int t_connstr(char *buf, size_t buflen, const char *extra);

/* Allocate an ODBC 3 environment. Aborts the program (bail out) on failure. */
SQLHENV t_env_alloc(void);
/* Allocate a connection and connect DSN-less with t_connstr(extra). Bails out on failure. */
SQLHDBC t_connect(SQLHENV env, const char *extra);
/* Allocate a statement. Bails out on failure. */
SQLHSTMT t_stmt(SQLHDBC dbc);
/* Disconnect and free a connection (statements are freed with it). */
void t_disconnect(SQLHDBC dbc);

/* SQLExecDirect that must succeed (SQL_SUCCESS or SQL_NO_DATA for no rows affected);
 * the cursor, if any, is closed afterwards. Counts as one test. */
int t_exec(SQLHSTMT st, const char *sql);

/* Run a query that returns one value and read it as text into out (NULL gives "(null)").
 * Returns the first failing return code, or SQL_SUCCESS. */
SQLRETURN t_query_str(SQLHDBC dbc, const char *sql, char *out, size_t outlen);

/* Run SQL as the superuser through psql over the socket; returns psql's exit status. */
int t_superuser_sql(const char *sql);

/* Stop the program with a TAP "Bail out!". */
void t_bail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* Seconds since an arbitrary start, monotonic. */
double t_now(void);

#endif
