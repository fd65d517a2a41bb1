/* libpq_bench.c - the reference: the same workloads as odbc_bench.c on raw libpq, done the
 * fastest honest way, with the same digest (bench.h).
 *
 *   libpq_bench CONNINFO WORKLOAD [COUNT]
 *
 * WORKLOAD (COUNT's meaning and default):
 *   fetch         PQexec, the whole result in memory, then every value read and parsed (rows, 1000000)
 *   fetch_single  the same query in single-row mode (PQsetSingleRowMode)              (rows, 1000000)
 *   insert_row    PQprepare'd one-row INSERT, PQexecPrepared per row, one transaction  (rows, 100000)
 *   insert_array  multi-row INSERT statements of 1000 rows (7000 parameters), prepared, one
 *                 transaction                                                        (rows, 100000)
 *   connect       PQconnectdb + PQfinish                                              (connects, 200)
 *   latency       a prepared one-row SELECT, PQexecPrepared COUNT times            (executions, 10000)
 * Prints one RESULT line (bench.h); exits 1 on any error or wrong count. */
#include <libpq-fe.h>

#include "bench.h"

#define BLOCK 1000
#define NCOL 7

static void die(const char *what, PGconn *conn)
{
    fprintf(stderr, "libpq_bench: %s%s%s\n", what, conn ? ": " : "", conn ? PQerrorMessage(conn) : "");
    exit(1);
}

static PGconn *connect_to(const char *conninfo)
{
    PGconn *conn = PQconnectdb(conninfo);
    if (PQstatus(conn) != CONNECTION_OK)
        die("PQconnectdb", conn);
    return conn;
}

static void exec_ok(PGconn *conn, const char *sql)
{
    PGresult *res = PQexec(conn, sql);
    if (PQresultStatus(res) != PGRES_COMMAND_OK)
        die(sql, conn);
    PQclear(res);
}

static void expect(PGconn *conn, PGresult *res, ExecStatusType want, const char *what)
{
    if (PQresultStatus(res) != want)
        die(what, conn);
}

/* One row of text values -> the canonical digest. */
static void digest_pg_row(bench_digest *d, const PGresult *res, int row)
{
    bench_row r = {0};
    for (int k = 0; k < NCOL; k++)
        if (PQgetisnull(res, row, k))
            r.nulls |= 1u << k;
    r.i = bench_parse_int(PQgetvalue(res, row, 0));
    r.b = bench_parse_int(PQgetvalue(res, row, 1));
    r.cents = bench_parse_cents(PQgetvalue(res, row, 2));
    r.s = PQgetvalue(res, row, 3);
    r.slen = (size_t)PQgetlength(res, row, 3);
    r.ts_us = bench_parse_ts(PQgetvalue(res, row, 4));
    r.f = strtod(PQgetvalue(res, row, 5), NULL);
    r.x = bench_parse_bool(PQgetvalue(res, row, 6));
    bench_digest_row(d, &r);
}

static void run_fetch(const char *conninfo, const char *workload, long rows)
{
    PGconn *conn = connect_to(conninfo);
    char sql[256];
    bench_digest d = {0};
    int single = strcmp(workload, "fetch_single") == 0;
    snprintf(sql, sizeof sql, BENCH_SELECT, rows);

    double t0 = bench_start();
    if (single) {
        if (!PQsendQuery(conn, sql) || !PQsetSingleRowMode(conn))
            die("PQsendQuery/PQsetSingleRowMode", conn);
        PGresult *res;
        int done = 0;
        while ((res = PQgetResult(conn)) != NULL) {
            ExecStatusType s = PQresultStatus(res);
            if (s == PGRES_SINGLE_TUPLE)
                digest_pg_row(&d, res, 0);
            else if (s == PGRES_TUPLES_OK)
                done = 1;
            else
                die("single-row fetch", conn);
            PQclear(res);
        }
        if (!done)
            die("single-row fetch ended without its final result", conn);
    } else {
        PGresult *res = PQexec(conn, sql);
        expect(conn, res, PGRES_TUPLES_OK, "fetch");
        int n = PQntuples(res);
        for (int r = 0; r < n; r++)
            digest_pg_row(&d, res, r);
        PQclear(res);
    }
    double t1 = bench_stop();

    if (d.rows != (uint64_t)rows)
        die("fetch: wrong number of rows", NULL);
    PQfinish(conn);
    bench_report_digest(workload, rows, t1 - t0, &d);
}

/* Text parameters for row k, in buf (one NUL-terminated value after the other). */
typedef struct {
    char buf[256];
    const char *v[NCOL];
} text_row;

static void format_row(text_row *t, long k)
{
    bench_ins_row r;
    bench_ins_make(k, &r);
    char *p = t->buf, *end = t->buf + sizeof t->buf;
    for (int c = 0; c < NCOL; c++) {
        int n = 0;
        switch (c) {
        case 0: n = snprintf(p, (size_t)(end - p), "%d", (int)r.i); break;
        case 1: n = snprintf(p, (size_t)(end - p), "%lld", (long long)r.b); break;
        case 2: n = snprintf(p, (size_t)(end - p), "%s", r.n); break;
        case 3: n = snprintf(p, (size_t)(end - p), "%s", r.s); break;
        case 4:
            n = snprintf(p, (size_t)(end - p), "%04d-%02d-%02d %02d:%02d:%02d.%06d", r.y, r.mo, r.d, r.h, r.mi, r.sec,
                         (int)r.frac_us);
            break;
        case 5: n = snprintf(p, (size_t)(end - p), "%.17g", r.f); break;
        default: n = snprintf(p, (size_t)(end - p), "%s", r.x ? "t" : "f"); break;
        }
        if (n < 0 || n >= end - p)
            die("format_row: buffer too small", NULL);
        t->v[c] = p;
        p += n + 1;
    }
}

/* "INSERT ... VALUES ($1, ..., $7), ($8, ...) ..." for n rows. */
static char *multirow_sql(long n)
{
    size_t cap = 128 + (size_t)n * NCOL * 10;
    char *sql = malloc(cap);
    if (!sql)
        die("out of memory", NULL);
    size_t len = (size_t)snprintf(sql, cap, "INSERT INTO %s %s VALUES ", BENCH_INSERT_TABLE, BENCH_INSERT_COLS);
    for (long r = 0; r < n; r++)
        for (int c = 0; c < NCOL; c++)
            len += (size_t)snprintf(sql + len, cap - len, "%s$%ld%s", c == 0 ? (r ? ", (" : "(") : ", ",
                                    r * NCOL + c + 1, c == NCOL - 1 ? ")" : "");
    return sql;
}

static void run_insert(const char *conninfo, const char *workload, long rows)
{
    PGconn *conn = connect_to(conninfo);
    int array = strcmp(workload, "insert_array") == 0;
    exec_ok(conn, "TRUNCATE " BENCH_INSERT_TABLE);

    double t0 = bench_start();
    exec_ok(conn, "BEGIN");
    if (array) {
        static text_row rowsbuf[BLOCK];
        static const char *values[BLOCK * NCOL];
        long prepared_n = 0;
        for (long k = 1; k <= rows; k += BLOCK) {
            long n = rows - k + 1 < BLOCK ? rows - k + 1 : BLOCK;
            char name[32];
            snprintf(name, sizeof name, "ins%ld", n);
            if (n != prepared_n) { /* the full-size statement once, a short last one if needed */
                char *sql = multirow_sql(n);
                PGresult *res = PQprepare(conn, name, sql, (int)(n * NCOL), NULL);
                expect(conn, res, PGRES_COMMAND_OK, "PQprepare (multi-row)");
                PQclear(res);
                free(sql);
                prepared_n = n;
            }
            for (long j = 0; j < n; j++) {
                format_row(&rowsbuf[j], k + j);
                memcpy(&values[j * NCOL], rowsbuf[j].v, sizeof rowsbuf[j].v);
            }
            PGresult *res = PQexecPrepared(conn, name, (int)(n * NCOL), values, NULL, NULL, 0);
            expect(conn, res, PGRES_COMMAND_OK, "PQexecPrepared (multi-row)");
            if (strtol(PQcmdTuples(res), NULL, 10) != n)
                die("multi-row INSERT: wrong row count", NULL);
            PQclear(res);
        }
    } else {
        PGresult *res = PQprepare(conn, "ins", "INSERT INTO " BENCH_INSERT_TABLE " " BENCH_INSERT_COLS
                                              " VALUES ($1, $2, $3, $4, $5, $6, $7)", NCOL, NULL);
        expect(conn, res, PGRES_COMMAND_OK, "PQprepare");
        PQclear(res);
        text_row t;
        for (long k = 1; k <= rows; k++) {
            format_row(&t, k);
            res = PQexecPrepared(conn, "ins", NCOL, t.v, NULL, NULL, 0);
            expect(conn, res, PGRES_COMMAND_OK, "PQexecPrepared");
            PQclear(res);
        }
    }
    exec_ok(conn, "COMMIT");
    double t1 = bench_stop();

    PGresult *res = PQexec(conn, BENCH_INSERT_CHECK);
    expect(conn, res, PGRES_TUPLES_OK, "insert check");
    char check[128];
    snprintf(check, sizeof check, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
    if (strtol(check, NULL, 10) != rows)
        die("insert: the table does not hold the rows inserted", NULL);
    PQfinish(conn);
    bench_report(workload, rows, rows, t1 - t0, check);
}

static void run_connect(const char *conninfo, long n)
{
    double t0 = bench_start();
    for (long k = 0; k < n; k++)
        PQfinish(connect_to(conninfo));
    double t1 = bench_stop();
    char digest[64];
    snprintf(digest, sizeof digest, "%ld", n);
    bench_report("connect", 0, n, t1 - t0, digest);
}

static void run_latency(const char *conninfo, long n)
{
    PGconn *conn = connect_to(conninfo);
    bench_digest d = {0};

    double t0 = bench_start();
    PGresult *res = PQprepare(conn, "one", BENCH_LOOKUP "$1", 1, NULL);
    expect(conn, res, PGRES_COMMAND_OK, "PQprepare");
    PQclear(res);
    for (long k = 0; k < n; k++) {
        char key[24];
        const char *v[1] = {key};
        long want = bench_lookup_key(k);
        snprintf(key, sizeof key, "%ld", want);
        res = PQexecPrepared(conn, "one", 1, v, NULL, NULL, 0);
        expect(conn, res, PGRES_TUPLES_OK, "PQexecPrepared");
        if (PQntuples(res) != 1 || bench_parse_int(PQgetvalue(res, 0, 0)) != want)
            die("latency: the row fetched is not the one asked for", NULL);
        digest_pg_row(&d, res, 0);
        PQclear(res);
    }
    double t1 = bench_stop();
    PQfinish(conn);
    bench_report_digest("latency", 1, t1 - t0, &d);
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4) {
        fprintf(stderr, "usage: %s CONNINFO WORKLOAD [COUNT]\n", argv[0]);
        return 2;
    }
    const char *conninfo = argv[1], *w = argv[2];
    long count = argc == 4 ? strtol(argv[3], NULL, 10) : 0;
    if (!strcmp(w, "fetch") || !strcmp(w, "fetch_single"))
        run_fetch(conninfo, w, count > 0 ? count : 1000000);
    else if (!strcmp(w, "insert_row") || !strcmp(w, "insert_array"))
        run_insert(conninfo, w, count > 0 ? count : 100000);
    else if (!strcmp(w, "connect"))
        run_connect(conninfo, count > 0 ? count : 200);
    else if (!strcmp(w, "latency"))
        run_latency(conninfo, count > 0 ? count : 10000);
    else {
        fprintf(stderr, "libpq_bench: unknown workload %s\n", w);
        return 2;
    }
    return 0;
}
