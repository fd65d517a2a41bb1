/* odbc_bench.c - one workload through the unixODBC driver manager, timed, every value checked.
 *
 *   odbc_bench CONNSTR WORKLOAD [COUNT]
 *
 * WORKLOAD (COUNT's meaning and default):
 *   getdata       fetch, SQLGetData per column                  (rows, 1000000)
 *   bindcol       fetch, SQLBindCol, one row per SQLFetch         (rows, 1000000)
 *   block         fetch, block cursor of 1000 rows, column-wise   (rows, 1000000)
 *   text          fetch, every column SQLGetData as SQL_C_CHAR    (rows, 1000000)
 *   insert_row    prepared INSERT, one row per SQLExecute, one transaction   (rows, 100000)
 *   insert_array  INSERT with parameter arrays of 1000 rows, one transaction (rows, 100000)
 *   connect       SQLDriverConnect + SQLDisconnect                (connects, 200)
 *   connect_iam   the same after one warming connect; asserts through the AWS emulator's
 *                 /_emulator/calls (RS_EMULATOR_URL) that the timed connects made no AWS call
 *   latency       a prepared one-row SELECT executed COUNT times, each result read to its end
 *                 (SQL_NO_DATA) and the cursor closed           (executions, 10000)
 *   latency_close the same, but the cursor closed right after the row, before SQL_NO_DATA
 *                                                                  (executions, 10000)
 * Prints one RESULT line (bench.h); exits 1 on any error or wrong count. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sql.h>
#include <sqlext.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "bench.h"

#define BLOCK 1000

static SQLHENV env;

static void die_diag(SQLSMALLINT type, SQLHANDLE h, const char *what)
{
    SQLCHAR state[6], msg[1024];
    SQLINTEGER native;
    SQLSMALLINT len;
    fprintf(stderr, "odbc_bench: %s failed\n", what);
    for (SQLSMALLINT k = 1; SQLGetDiagRec(type, h, k, state, &native, msg, sizeof msg, &len) == SQL_SUCCESS; k++)
        fprintf(stderr, "  [%s] %s\n", state, msg);
    exit(1);
}

/* Any SQL_SUCCESS_WITH_INFO would mean truncation or a lossy conversion here: refuse it too. */
#define CHECK(rc, type, h, what)                                                                       \
    do {                                                                                               \
        if ((rc) != SQL_SUCCESS)                                                                       \
            die_diag(type, h, what);                                                                   \
    } while (0)
#define SCHECK(rc, st, what) CHECK(rc, SQL_HANDLE_STMT, st, what)

static void die(const char *what)
{
    fprintf(stderr, "odbc_bench: %s\n", what);
    exit(1);
}

static SQLHDBC connect_to(const char *connstr)
{
    SQLHDBC dbc;
    CHECK(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc), SQL_HANDLE_ENV, env, "SQLAllocHandle(DBC)");
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc))
        die_diag(SQL_HANDLE_DBC, dbc, "SQLDriverConnect");
    return dbc;
}

static void disconnect(SQLHDBC dbc)
{
    CHECK(SQLDisconnect(dbc), SQL_HANDLE_DBC, dbc, "SQLDisconnect");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static SQLHSTMT new_stmt(SQLHDBC dbc)
{
    SQLHSTMT st;
    CHECK(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st), SQL_HANDLE_DBC, dbc, "SQLAllocHandle(STMT)");
    return st;
}

static void exec_direct(SQLHSTMT st, const char *sql)
{
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (!SQL_SUCCEEDED(rc))
        die_diag(SQL_HANDLE_STMT, st, sql);
}

/* Run a statement returning one text value (untimed checks). */
static void query_text(SQLHDBC dbc, const char *sql, char *out, size_t outsz)
{
    SQLHSTMT st = new_stmt(dbc);
    SQLLEN ind;
    exec_direct(st, sql);
    SCHECK(SQLFetch(st), st, "SQLFetch (check query)");
    SCHECK(SQLGetData(st, 1, SQL_C_CHAR, out, (SQLLEN)outsz, &ind), st, "SQLGetData (check query)");
    if (ind == SQL_NULL_DATA)
        out[0] = 0;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- fetch workloads ---- */

/* One row as the binary C types these workloads fetch into. */
typedef struct {
    SQLINTEGER i;
    SQLBIGINT b;
    char n[BENCH_NUM_MAX];
    char s[BENCH_S_MAX + 1];
    SQL_TIMESTAMP_STRUCT t;
    double f;
    unsigned char x;
    SQLLEN ind[7];
} crow;

static void digest_crow(bench_digest *d, const char *n, const char *s, const SQLLEN *ind, SQLINTEGER i,
                        SQLBIGINT b, const SQL_TIMESTAMP_STRUCT *t, double f, unsigned char x)
{
    bench_row r = {0};
    for (int k = 0; k < 7; k++)
        if (ind[k] == SQL_NULL_DATA)
            r.nulls |= 1u << k;
    r.i = i;
    r.b = b;
    r.cents = bench_parse_cents(n);
    r.s = s;
    r.slen = ind[3] == SQL_NULL_DATA ? 0 : (size_t)ind[3];
    r.ts_us = bench_ts_us(t->year, t->month, t->day, t->hour, t->minute, t->second, t->fraction / 1000);
    r.f = f;
    r.x = x;
    bench_digest_row(d, &r);
}

static void get_col(SQLHSTMT st, SQLUSMALLINT col, SQLSMALLINT ctype, void *buf, SQLLEN len, SQLLEN *ind)
{
    SCHECK(SQLGetData(st, col, ctype, buf, len, ind), st, "SQLGetData");
}

static void fetch_getdata(SQLHSTMT st, bench_digest *d)
{
    crow c;
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        get_col(st, 1, SQL_C_SLONG, &c.i, 0, &c.ind[0]);
        get_col(st, 2, SQL_C_SBIGINT, &c.b, 0, &c.ind[1]);
        get_col(st, 3, SQL_C_CHAR, c.n, sizeof c.n, &c.ind[2]);
        get_col(st, 4, SQL_C_CHAR, c.s, sizeof c.s, &c.ind[3]);
        get_col(st, 5, SQL_C_TYPE_TIMESTAMP, &c.t, 0, &c.ind[4]);
        get_col(st, 6, SQL_C_DOUBLE, &c.f, 0, &c.ind[5]);
        get_col(st, 7, SQL_C_BIT, &c.x, 0, &c.ind[6]);
        digest_crow(d, c.n, c.s, c.ind, c.i, c.b, &c.t, c.f, c.x);
    }
    if (rc != SQL_NO_DATA)
        die_diag(SQL_HANDLE_STMT, st, "SQLFetch");
}

static void fetch_bindcol(SQLHSTMT st, bench_digest *d)
{
    crow c;
    SCHECK(SQLBindCol(st, 1, SQL_C_SLONG, &c.i, 0, &c.ind[0]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 2, SQL_C_SBIGINT, &c.b, 0, &c.ind[1]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 3, SQL_C_CHAR, c.n, sizeof c.n, &c.ind[2]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 4, SQL_C_CHAR, c.s, sizeof c.s, &c.ind[3]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 5, SQL_C_TYPE_TIMESTAMP, &c.t, 0, &c.ind[4]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 6, SQL_C_DOUBLE, &c.f, 0, &c.ind[5]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 7, SQL_C_BIT, &c.x, 0, &c.ind[6]), st, "SQLBindCol");
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS)
        digest_crow(d, c.n, c.s, c.ind, c.i, c.b, &c.t, c.f, c.x);
    if (rc != SQL_NO_DATA)
        die_diag(SQL_HANDLE_STMT, st, "SQLFetch");
}

/* Column-wise arrays for the block cursor. */
static struct {
    SQLINTEGER i[BLOCK];
    SQLBIGINT b[BLOCK];
    char n[BLOCK][BENCH_NUM_MAX];
    char s[BLOCK][BENCH_S_MAX + 1];
    SQL_TIMESTAMP_STRUCT t[BLOCK];
    double f[BLOCK];
    unsigned char x[BLOCK];
    SQLLEN ind[7][BLOCK];
    SQLUSMALLINT status[BLOCK];
} blk;

static void fetch_block(SQLHSTMT st, bench_digest *d)
{
    SQLULEN fetched = 0;
    SCHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_BIND_TYPE, (SQLPOINTER)SQL_BIND_BY_COLUMN, 0), st, "ROW_BIND_TYPE");
    SCHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, (SQLPOINTER)(SQLULEN)BLOCK, 0), st, "ROW_ARRAY_SIZE");
    SCHECK(SQLSetStmtAttr(st, SQL_ATTR_ROWS_FETCHED_PTR, &fetched, 0), st, "ROWS_FETCHED_PTR");
    SCHECK(SQLSetStmtAttr(st, SQL_ATTR_ROW_STATUS_PTR, blk.status, 0), st, "ROW_STATUS_PTR");
    SCHECK(SQLBindCol(st, 1, SQL_C_SLONG, blk.i, 0, blk.ind[0]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 2, SQL_C_SBIGINT, blk.b, 0, blk.ind[1]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 3, SQL_C_CHAR, blk.n, BENCH_NUM_MAX, blk.ind[2]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 4, SQL_C_CHAR, blk.s, BENCH_S_MAX + 1, blk.ind[3]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 5, SQL_C_TYPE_TIMESTAMP, blk.t, 0, blk.ind[4]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 6, SQL_C_DOUBLE, blk.f, 0, blk.ind[5]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 7, SQL_C_BIT, blk.x, 0, blk.ind[6]), st, "SQLBindCol");
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        if (fetched == 0 || fetched > BLOCK)
            die("block fetch: SQL_SUCCESS with an impossible row count");
        for (SQLULEN r = 0; r < fetched; r++) {
            SQLLEN ind[7];
            if (blk.status[r] != SQL_ROW_SUCCESS)
                die("block fetch: a row's status is not SQL_ROW_SUCCESS");
            for (int k = 0; k < 7; k++)
                ind[k] = blk.ind[k][r];
            digest_crow(d, blk.n[r], blk.s[r], ind, blk.i[r], blk.b[r], &blk.t[r], blk.f[r], blk.x[r]);
        }
    }
    if (rc != SQL_NO_DATA)
        die_diag(SQL_HANDLE_STMT, st, "SQLFetch (block)");
}

/* What isql does: every column as text; the text is then parsed to the canonical values. */
static void fetch_text(SQLHSTMT st, bench_digest *d)
{
    char v[7][64];
    SQLLEN ind[7];
    SQLRETURN rc;
    while ((rc = SQLFetch(st)) == SQL_SUCCESS) {
        bench_row r = {0};
        for (SQLUSMALLINT k = 0; k < 7; k++) {
            get_col(st, k + 1, SQL_C_CHAR, v[k], sizeof v[k], &ind[k]);
            if (ind[k] == SQL_NULL_DATA) {
                r.nulls |= 1u << k;
                v[k][0] = 0;
            }
        }
        r.i = bench_parse_int(v[0]);
        r.b = bench_parse_int(v[1]);
        r.cents = bench_parse_cents(v[2]);
        r.s = v[3];
        r.slen = ind[3] == SQL_NULL_DATA ? 0 : (size_t)ind[3];
        r.ts_us = bench_parse_ts(v[4]);
        r.f = strtod(v[5], NULL);
        r.x = bench_parse_bool(v[6]);
        bench_digest_row(d, &r);
    }
    if (rc != SQL_NO_DATA)
        die_diag(SQL_HANDLE_STMT, st, "SQLFetch");
}

static void run_fetch(const char *connstr, const char *workload, long rows)
{
    SQLHDBC dbc = connect_to(connstr);
    SQLHSTMT st = new_stmt(dbc);
    char sql[256];
    bench_digest d = {0};
    snprintf(sql, sizeof sql, BENCH_SELECT, rows);

    double t0 = bench_start();
    exec_direct(st, sql);
    if (strcmp(workload, "getdata") == 0)
        fetch_getdata(st, &d);
    else if (strcmp(workload, "bindcol") == 0)
        fetch_bindcol(st, &d);
    else if (strcmp(workload, "block") == 0)
        fetch_block(st, &d);
    else
        fetch_text(st, &d);
    SCHECK(SQLCloseCursor(st), st, "SQLCloseCursor");
    double t1 = bench_stop();

    if (d.rows != (uint64_t)rows)
        die("fetch: wrong number of rows");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    disconnect(dbc);
    bench_report_digest(workload, rows, t1 - t0, &d);
}

/* ---- insert workloads ---- */

static const char insert_sql[] = "INSERT INTO " BENCH_INSERT_TABLE " " BENCH_INSERT_COLS " VALUES (?, ?, ?, ?, ?, ?, ?)";

static void set_ts(SQL_TIMESTAMP_STRUCT *t, const bench_ins_row *r)
{
    t->year = (SQLSMALLINT)r->y;
    t->month = (SQLUSMALLINT)r->mo;
    t->day = (SQLUSMALLINT)r->d;
    t->hour = (SQLUSMALLINT)r->h;
    t->minute = (SQLUSMALLINT)r->mi;
    t->second = (SQLUSMALLINT)r->sec;
    t->fraction = (SQLUINTEGER)r->frac_us * 1000;
}

/* Column-wise parameter arrays (the row-at-a-time case uses element 0). */
static struct {
    SQLINTEGER i[BLOCK];
    SQLBIGINT b[BLOCK];
    char n[BLOCK][BENCH_NUM_MAX];
    char s[BLOCK][BENCH_S_MAX + 1];
    SQL_TIMESTAMP_STRUCT t[BLOCK];
    double f[BLOCK];
    unsigned char x[BLOCK];
    SQLLEN n_ind[BLOCK], s_ind[BLOCK];
    SQLUSMALLINT status[BLOCK];
} par;

static void fill_param(int slot, long k)
{
    bench_ins_row r;
    bench_ins_make(k, &r);
    par.i[slot] = r.i;
    par.b[slot] = r.b;
    memcpy(par.n[slot], r.n, sizeof r.n);
    memcpy(par.s[slot], r.s, sizeof r.s);
    set_ts(&par.t[slot], &r);
    par.f[slot] = r.f;
    par.x[slot] = (unsigned char)r.x;
    par.n_ind[slot] = SQL_NTS;
    par.s_ind[slot] = SQL_NTS;
}

static void bind_params(SQLHSTMT st)
{
    SCHECK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, par.i, 0, NULL), st, "bind i");
    SCHECK(SQLBindParameter(st, 2, SQL_PARAM_INPUT, SQL_C_SBIGINT, SQL_BIGINT, 0, 0, par.b, 0, NULL), st, "bind b");
    SCHECK(SQLBindParameter(st, 3, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_NUMERIC, 12, 2, par.n, BENCH_NUM_MAX, par.n_ind),
           st, "bind n");
    SCHECK(SQLBindParameter(st, 4, SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, BENCH_S_MAX, 0, par.s, BENCH_S_MAX + 1,
                            par.s_ind),
           st, "bind s");
    SCHECK(SQLBindParameter(st, 5, SQL_PARAM_INPUT, SQL_C_TYPE_TIMESTAMP, SQL_TYPE_TIMESTAMP, 26, 6, par.t, 0, NULL),
           st, "bind t");
    SCHECK(SQLBindParameter(st, 6, SQL_PARAM_INPUT, SQL_C_DOUBLE, SQL_DOUBLE, 0, 0, par.f, 0, NULL), st, "bind f");
    SCHECK(SQLBindParameter(st, 7, SQL_PARAM_INPUT, SQL_C_BIT, SQL_BIT, 0, 0, par.x, 0, NULL), st, "bind x");
}

static void run_insert(const char *connstr, const char *workload, long rows)
{
    SQLHDBC dbc = connect_to(connstr);
    SQLHSTMT st = new_stmt(dbc);
    int array = strcmp(workload, "insert_array") == 0;
    exec_direct(st, "TRUNCATE " BENCH_INSERT_TABLE);
    CHECK(SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0), SQL_HANDLE_DBC, dbc,
          "autocommit off");

    double t0 = bench_start();
    SCHECK(SQLPrepare(st, (SQLCHAR *)insert_sql, SQL_NTS), st, "SQLPrepare");
    if (array) {
        SQLULEN done = 0;
        SCHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_BIND_TYPE, (SQLPOINTER)SQL_PARAM_BIND_BY_COLUMN, 0), st,
               "PARAM_BIND_TYPE");
        SCHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, par.status, 0), st, "PARAM_STATUS_PTR");
        SCHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &done, 0), st, "PARAMS_PROCESSED_PTR");
        bind_params(st);
        for (long k = 1; k <= rows; k += BLOCK) {
            long n = rows - k + 1 < BLOCK ? rows - k + 1 : BLOCK;
            for (long j = 0; j < n; j++)
                fill_param((int)j, k + j);
            SCHECK(SQLSetStmtAttr(st, SQL_ATTR_PARAMSET_SIZE, (SQLPOINTER)(SQLULEN)n, 0), st, "PARAMSET_SIZE");
            SCHECK(SQLExecute(st), st, "SQLExecute (array)");
            if (done != (SQLULEN)n)
                die("insert_array: SQL_ATTR_PARAMS_PROCESSED_PTR is not the array size");
            for (long j = 0; j < n; j++)
                if (par.status[j] != SQL_PARAM_SUCCESS)
                    die("insert_array: a parameter set's status is not SQL_PARAM_SUCCESS");
        }
    } else {
        bind_params(st);
        for (long k = 1; k <= rows; k++) {
            fill_param(0, k);
            SCHECK(SQLExecute(st), st, "SQLExecute");
        }
    }
    CHECK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc, "SQLEndTran(COMMIT)");
    double t1 = bench_stop();

    char check[128];
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    query_text(dbc, BENCH_INSERT_CHECK, check, sizeof check);
    if (strtol(check, NULL, 10) != rows)
        die("insert: the table does not hold the rows inserted");
    CHECK(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT), SQL_HANDLE_DBC, dbc, "SQLEndTran");
    disconnect(dbc);
    bench_report(workload, rows, rows, t1 - t0, check);
}

/* ---- connects ---- */

/* A bounded HTTP/1.0 exchange with the AWS emulator's control API (loopback, plain HTTP).
 * Returns the HTTP status; the body goes to out (truncated to outsz). */
static int emulator_call(const char *method, const char *path, char *out, size_t outsz)
{
    const char *url = getenv("RS_EMULATOR_URL");
    unsigned port;
    if (!url || sscanf(url, "http://127.0.0.1:%u", &port) != 1 || port == 0 || port > 65535)
        die("connect_iam needs RS_EMULATOR_URL=http://127.0.0.1:PORT");
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        die("socket");
    struct timeval tv = {.tv_sec = 10};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv); /* also bounds connect() */
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0)
        die("cannot reach the AWS emulator");
    char req[256];
    int len = snprintf(req, sizeof req, "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n", method, path);
    if (write(fd, req, (size_t)len) != len)
        die("writing to the AWS emulator");
    static char resp[1 << 20];
    size_t got = 0;
    ssize_t n;
    while (got < sizeof resp - 1 && (n = read(fd, resp + got, sizeof resp - 1 - got)) > 0)
        got += (size_t)n;
    close(fd);
    resp[got] = 0;
    int status = 0;
    if (sscanf(resp, "HTTP/%*s %d", &status) != 1)
        die("the AWS emulator's answer is not HTTP");
    const char *body = strstr(resp, "\r\n\r\n");
    snprintf(out, outsz, "%s", body ? body + 4 : "");
    return status;
}

/* Calls the emulator recorded since its log was last cleared. */
static int emulator_calls(void)
{
    static char body[1 << 20];
    if (emulator_call("GET", "/_emulator/calls", body, sizeof body) != 200)
        die("GET /_emulator/calls failed");
    if (!strstr(body, "\"calls\""))
        die("GET /_emulator/calls: unexpected answer");
    int n = 0;
    for (const char *p = body; (p = strstr(p, "\"seq\"")) != NULL; p++)
        n++;
    return n;
}

static void run_connect(const char *connstr, const char *workload, long n)
{
    int iam = strcmp(workload, "connect_iam") == 0;
    char body[256];
    if (iam) {
        if (emulator_call("DELETE", "/_emulator/calls", body, sizeof body) != 200)
            die("DELETE /_emulator/calls failed");
        disconnect(connect_to(connstr)); /* warms the process's credential cache */
        int warm = emulator_calls();
        if (warm < 1)
            die("connect_iam: the warming connect made no AWS call (is IAM on?)");
        if (emulator_call("DELETE", "/_emulator/calls", body, sizeof body) != 200)
            die("DELETE /_emulator/calls failed");
    }
    double t0 = bench_start();
    for (long k = 0; k < n; k++)
        disconnect(connect_to(connstr));
    double t1 = bench_stop();
    if (iam) {
        int calls = emulator_calls();
        if (calls != 0) {
            fprintf(stderr, "odbc_bench: connect_iam: the timed connects made %d AWS calls (expected none)\n", calls);
            exit(1);
        }
    }
    char digest[64];
    snprintf(digest, sizeof digest, "%ld", n);
    bench_report(workload, 0, n, t1 - t0, digest);
}

/* ---- latency ---- */

static void run_latency(const char *connstr, const char *workload, long n)
{
    int read_to_end = strcmp(workload, "latency") == 0;
    SQLHDBC dbc = connect_to(connstr);
    SQLHSTMT st = new_stmt(dbc);
    SQLINTEGER key;
    crow c;
    bench_digest d = {0};

    double t0 = bench_start();
    SCHECK(SQLPrepare(st, (SQLCHAR *)BENCH_LOOKUP "?", SQL_NTS), st, "SQLPrepare");
    SCHECK(SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &key, 0, NULL), st, "bind");
    SCHECK(SQLBindCol(st, 1, SQL_C_SLONG, &c.i, 0, &c.ind[0]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 2, SQL_C_SBIGINT, &c.b, 0, &c.ind[1]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 3, SQL_C_CHAR, c.n, sizeof c.n, &c.ind[2]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 4, SQL_C_CHAR, c.s, sizeof c.s, &c.ind[3]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 5, SQL_C_TYPE_TIMESTAMP, &c.t, 0, &c.ind[4]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 6, SQL_C_DOUBLE, &c.f, 0, &c.ind[5]), st, "SQLBindCol");
    SCHECK(SQLBindCol(st, 7, SQL_C_BIT, &c.x, 0, &c.ind[6]), st, "SQLBindCol");
    for (long k = 0; k < n; k++) {
        key = (SQLINTEGER)bench_lookup_key(k);
        SCHECK(SQLExecute(st), st, "SQLExecute");
        SCHECK(SQLFetch(st), st, "SQLFetch");
        if (c.i != key)
            die("latency: the row fetched is not the one asked for");
        digest_crow(&d, c.n, c.s, c.ind, c.i, c.b, &c.t, c.f, c.x);
        /* Read to the end, as a generic fetch loop does (and as libpq receives the whole result):
         * exactly one row. */
        if (read_to_end && SQLFetch(st) != SQL_NO_DATA)
            die("latency: more than one row, or an error after the row");
        SCHECK(SQLCloseCursor(st), st, "SQLCloseCursor");
    }
    double t1 = bench_stop();
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    disconnect(dbc);
    bench_report_digest(workload, 1, t1 - t0, &d);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s CONNSTR WORKLOAD [COUNT]\n", argv[0]);
        return 2;
    }
    const char *connstr = argv[1], *w = argv[2];
    long count = argc == 4 ? strtol(argv[3], NULL, 10) : 0;
    if (SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env) != SQL_SUCCESS)
        die("SQLAllocHandle(ENV)");
    CHECK(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0), SQL_HANDLE_ENV, env,
          "SQL_ATTR_ODBC_VERSION");

    if (!strcmp(w, "getdata") || !strcmp(w, "bindcol") || !strcmp(w, "block") || !strcmp(w, "text"))
        run_fetch(connstr, w, count > 0 ? count : 1000000);
    else if (!strcmp(w, "insert_row") || !strcmp(w, "insert_array"))
        run_insert(connstr, w, count > 0 ? count : 100000);
    else if (!strcmp(w, "connect") || !strcmp(w, "connect_iam"))
        run_connect(connstr, w, count > 0 ? count : 200);
    else if (!strcmp(w, "latency") || !strcmp(w, "latency_close"))
        run_latency(connstr, w, count > 0 ? count : 10000);
    else {
        fprintf(stderr, "odbc_bench: unknown workload %s\n", w);
        return 2;
    }
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return 0;
}
