/* bench.h - what odbc_bench.c and libpq_bench.c share: the clock, peak memory, the data the
 * workloads insert, and the value digest.
 *
 * The digest makes a wrong or skipped value visible: every fetched value is reduced to a
 * canonical form (integers as int64, numeric as int64 cents, timestamps as microseconds since
 * 1970, float8 as its bit pattern, bool as 0/1, text as its bytes), each row is hashed with
 * FNV-1a over those forms, and the row hashes are added up (so the digest does not depend on the
 * order rows arrive in). Sums of the columns ride along to make a mismatch easier to read.
 * Both programs compute it the same way; run.sh compares what they print. */
#ifndef RS_BENCH_H
#define RS_BENCH_H

#include <inttypes.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

/* The table every fetch workload reads (run.sh loads it) and the one the inserts fill. */
#define BENCH_SELECT "SELECT i, b, n, s, t, f, x FROM bench_rows WHERE i <= %ld"
#define BENCH_LOOKUP "SELECT i, b, n, s, t, f, x FROM bench_rows WHERE i = "
#define BENCH_INSERT_TABLE "bench_ins"
#define BENCH_INSERT_COLS "(i, b, n, s, t, f, x)"
/* Run after an insert workload, untimed: the programs must all have stored the same values. */
#define BENCH_INSERT_CHECK \
    "SELECT count(*) || ':' || md5(string_agg(concat_ws('|', i, b, n, s, t, f, x), ',' ORDER BY i)) FROM bench_ins"
#define BENCH_LOOKUP_TABLE_ROWS 1000000L

#define BENCH_S_MAX 40  /* varchar(40) */
#define BENCH_NUM_MAX 24 /* numeric(12,2) as text, with sign and NUL */

static inline double bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The timed part of a workload. Under callgrind (bench/profile.sh runs it with
 * --collect-atstart=no) only this part is counted; elsewhere the toggle costs nothing. */
#if defined(__has_include)
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define BENCH_TOGGLE_COLLECT() CALLGRIND_TOGGLE_COLLECT
#endif
#endif
#ifndef BENCH_TOGGLE_COLLECT
#define BENCH_TOGGLE_COLLECT() ((void)0)
#endif

/* CPU time (user + system) of this process: the client's own work, which other load on the
 * machine disturbs less than wall time. */
static inline double bench_cpu_now(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static double bench_cpu_s; /* CPU seconds of the timed part */

static inline double bench_start(void)
{
    BENCH_TOGGLE_COLLECT();
    bench_cpu_s = -bench_cpu_now();
    return bench_now();
}

static inline double bench_stop(void)
{
    double t = bench_now();
    bench_cpu_s += bench_cpu_now();
    BENCH_TOGGLE_COLLECT();
    return t;
}

static inline long bench_maxrss_kb(void)
{
    struct rusage ru;
    return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

/* ---- calendar (proleptic Gregorian, days since 1970-01-01) ---- */

static inline int64_t bench_days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static inline void bench_civil_from_days(int64_t z, int *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)((int64_t)yoe + era * 400 + (*m <= 2));
}

static inline int64_t bench_ts_us(int y, int mo, int d, int h, int mi, int s, int64_t us)
{
    return ((bench_days_from_civil(y, (unsigned)mo, (unsigned)d) * 24 + h) * 60 + mi) * 60000000LL +
           (int64_t)s * 1000000 + us;
}

/* ---- parsing the server's text forms (libpq, and SQL_C_CHAR through ODBC) ---- */

static inline int64_t bench_parse_int(const char *p)
{
    return strtoll(p, NULL, 10);
}

/* "-1234.5" -> -123450 (hundredths). */
static inline int64_t bench_parse_cents(const char *p)
{
    int neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    int64_t v = 0;
    while (*p >= '0' && *p <= '9')
        v = v * 10 + (*p++ - '0');
    int frac = 0;
    if (*p == '.')
        p++;
    for (; frac < 2; frac++)
        v = v * 10 + ((*p >= '0' && *p <= '9') ? *p++ - '0' : 0);
    return neg ? -v : v;
}

static inline int bench_digits(const char **pp, int n)
{
    int v = 0;
    for (int k = 0; k < n && **pp >= '0' && **pp <= '9'; k++)
        v = v * 10 + (*(*pp)++ - '0');
    return v;
}

/* "YYYY-MM-DD HH:MM:SS[.ffffff]" -> microseconds since 1970. */
static inline int64_t bench_parse_ts(const char *p)
{
    int y = bench_digits(&p, 4);
    p++;
    int mo = bench_digits(&p, 2);
    p++;
    int d = bench_digits(&p, 2);
    p++;
    int h = bench_digits(&p, 2);
    p++;
    int mi = bench_digits(&p, 2);
    p++;
    int s = bench_digits(&p, 2);
    int64_t us = 0;
    if (*p == '.') {
        p++;
        int k = 0;
        for (; k < 6 && *p >= '0' && *p <= '9'; k++)
            us = us * 10 + (*p++ - '0');
        for (; k < 6; k++)
            us *= 10;
    }
    return bench_ts_us(y, mo, d, h, mi, s, us);
}

/* PostgreSQL says t/f; ODBC drivers say 1/0. */
static inline int bench_parse_bool(const char *p)
{
    return *p == 't' || *p == 'T' || *p == '1' || *p == 'y' || *p == 'Y';
}

/* ---- the digest ---- */

typedef struct {
    int64_t i, b, cents, ts_us;
    const char *s;
    size_t slen;
    double f;
    int x;
    unsigned nulls; /* bit k: column k is NULL */
} bench_row;

typedef struct {
    uint64_t rows, hash;
    int64_t sum_i, sum_b, sum_cents, sum_slen, sum_ts_s, sum_f_milli, trues;
} bench_digest;

#define FNV_OFFSET 14695981039346656037ULL
#define FNV_PRIME 1099511628211ULL

static inline uint64_t bench_fnv(uint64_t h, const void *p, size_t n)
{
    const unsigned char *c = p;
    for (size_t k = 0; k < n; k++)
        h = (h ^ c[k]) * FNV_PRIME;
    return h;
}

static inline uint64_t bench_fnv_i64(uint64_t h, int64_t v)
{
    uint64_t u = (uint64_t)v;
    for (int k = 0; k < 8; k++, u >>= 8)
        h = (h ^ (u & 0xff)) * FNV_PRIME;
    return h;
}

static inline void bench_digest_row(bench_digest *d, const bench_row *in)
{
    /* A NULL counts as its null bit only, whatever the buffer held. */
    bench_row z = *in;
    const bench_row *r = &z;
    if (z.nulls) {
        if (z.nulls & 1u) z.i = 0;
        if (z.nulls & 2u) z.b = 0;
        if (z.nulls & 4u) z.cents = 0;
        if (z.nulls & 8u) z.slen = 0;
        if (z.nulls & 16u) z.ts_us = 0;
        if (z.nulls & 32u) z.f = 0;
        if (z.nulls & 64u) z.x = 0;
    }
    uint64_t h = FNV_OFFSET, fbits;
    h = bench_fnv_i64(h, r->nulls);
    h = bench_fnv_i64(h, r->i);
    h = bench_fnv_i64(h, r->b);
    h = bench_fnv_i64(h, r->cents);
    h = bench_fnv_i64(h, (int64_t)r->slen);
    h = bench_fnv(h, r->s, r->slen);
    h = bench_fnv_i64(h, r->ts_us);
    memcpy(&fbits, &r->f, sizeof fbits);
    h = bench_fnv_i64(h, (int64_t)fbits);
    h = bench_fnv_i64(h, r->x);
    d->rows++;
    d->hash += h;
    d->sum_i += r->i;
    d->sum_b += r->b;
    d->sum_cents += r->cents;
    d->sum_slen += (int64_t)r->slen;
    d->sum_ts_s += r->ts_us / 1000000;
    d->sum_f_milli += llround(r->f * 1000.0);
    d->trues += r->x != 0;
}

/* Every program ends with one line run.sh reads:
 *   RESULT workload=W rows=N ops=K seconds=S cpu=C digest=D maxrss_kb=M
 * (seconds: wall time of the timed part; cpu: the process's user + system time in it) */
static inline void bench_report(const char *workload, long rows, long ops, double seconds, const char *digest)
{
    printf("RESULT workload=%s rows=%ld ops=%ld seconds=%.6f cpu=%.6f digest=%s maxrss_kb=%ld\n", workload, rows,
           ops, seconds, bench_cpu_s, digest, bench_maxrss_kb());
    fflush(stdout);
}

static inline void bench_report_digest(const char *workload, long rows, double seconds, const bench_digest *d)
{
    char s[256];
    snprintf(s, sizeof s, "%" PRIu64 ":%016" PRIx64 ":%" PRId64 ":%" PRId64 ":%" PRId64 ":%" PRId64 ":%" PRId64
             ":%" PRId64 ":%" PRId64,
             d->rows, d->hash, d->sum_i, d->sum_b, d->sum_cents, d->sum_slen, d->sum_ts_s, d->sum_f_milli, d->trues);
    bench_report(workload, rows, (long)d->rows, seconds, s);
}

/* ---- the rows the insert workloads write (row k = 1..n) ---- */

#define BENCH_INS_BASE_DAYS 11356 /* 2001-02-03 */

typedef struct {
    int32_t i;
    int64_t b;
    char n[BENCH_NUM_MAX];
    char s[BENCH_S_MAX + 1];
    int y, mo, d, h, mi, sec;
    int32_t frac_us;
    double f;
    int x;
} bench_ins_row;

static inline void bench_ins_make(long k, bench_ins_row *r)
{
    r->i = (int32_t)k;
    r->b = (int64_t)k * 1000003 - 500000000000LL;
    long cents = (k * 7919) % 10000000 - 5000000;
    snprintf(r->n, sizeof r->n, "%s%ld.%02ld", cents < 0 ? "-" : "", labs(cents) / 100, labs(cents) % 100);
    snprintf(r->s, sizeof r->s, "ins-%d-%.*s", (int)r->i, (int)(k % 20), "abcdefghijklmnopqrstuvwxyz");
    long secs = 4 * 3600 + 5 * 60 + 6 + k * 7;
    bench_civil_from_days(BENCH_INS_BASE_DAYS + secs / 86400, &r->y, &r->mo, &r->d);
    r->h = (int)(secs % 86400 / 3600);
    r->mi = (int)(secs % 3600 / 60);
    r->sec = (int)(secs % 60);
    r->frac_us = (int32_t)(k % 1000) * 1000;
    r->f = (double)k / 4.0 - 1000.0; /* exact in binary and short in decimal */
    r->x = k % 3 == 0;
}

/* The i values the latency workload looks up: distinct, spread over the table. */
static inline long bench_lookup_key(long k)
{
    return (k * 7919) % BENCH_LOOKUP_TABLE_ROWS + 1;
}

#endif
