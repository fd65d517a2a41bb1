/* corpus.c - malformed connection strings through the driver manager (issue 7 point 6).
 *
 * Every case of tests/faults/connstr_corpus.txt, plus generated ones (1 MB values, 10,000
 * keywords, every keyword of driver/conn/keywords.def with a value of the wrong type), goes
 * through SQLDriverConnect and SQLDriverConnectW with its explicit length, so that embedded
 * NULs reach the driver. Each must fail with SQL_ERROR and a first record whose SQLSTATE is one
 * the case allows, and no diagnostic record may quote a password. Then the bad arguments of
 * the connect calls themselves, and a good connection afterwards. The ASan build runs the same
 * program: a crash or a leak fails it. TAP. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../odbc/odbctest.h"

#define REAL_PWD "md5-secret-1"   /* the test server's password, in ${OK} */
#define MARK "sekrit"             /* every corpus password contains it (any case) */

typedef struct buf {
    char *p;
    size_t len, cap;
} buf;

static void put(buf *b, const void *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np)
            t_bail("out of memory");
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void puts_(buf *b, const char *s) { put(b, s, strlen(s)); }

static void put_rep(buf *b, const char *s, size_t total)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < total; i += n)
        put(b, s, total - i < n ? total - i : n);
}

static char ok_rest[512];   /* ${OK} */

/* ---- checking one attempt ---- */

/* state matches one of the comma-separated allowed entries ("08001", "IM*") */
static int state_allowed(const char *state, const char *allowed)
{
    if (strlen(state) != 5)
        return 0;
    for (const char *p = allowed; *p;) {
        size_t n = strcspn(p, ",");
        if (n > 0 && p[n - 1] == '*' ? strncmp(state, p, n - 1) == 0 : n == 5 && strncmp(state, p, 5) == 0)
            return 1;
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return 1;
    return 0;
}

/* The diagnostics after a failed connect: first SQLSTATE into state, whether any record
 * quotes a password, the first message for the TAP comment. */
static void read_diag(SQLHDBC dbc, char state[6], int *leak, char *first, size_t firstlen)
{
    state[0] = '\0';
    first[0] = '\0';
    *leak = 0;
    for (SQLSMALLINT i = 1; i <= 50; i++) {
        char st[6], msg[4096];
        SQLRETURN rc = t_diag_rec(SQL_HANDLE_DBC, dbc, i, st, NULL, msg, sizeof msg);
        if (!SQL_SUCCEEDED(rc))
            break;
        if (i == 1) {
            snprintf(state, 6, "%s", st);
            size_t n = strnlen(msg, firstlen - 1);
            memcpy(first, msg, n);
            first[n] = '\0';
        }
        if (contains_ci(msg, MARK) || strstr(msg, REAL_PWD))
            *leak = 1;
    }
}

/* UTF-8 (or not) bytes to UTF-16: a valid sequence becomes its character, any other byte the
 * code unit of the same value, so every byte of the case reaches the W entry point. */
static SQLWCHAR *to_wide(const char *s, size_t len, size_t *wlen)
{
    SQLWCHAR *w = malloc((len + 1) * sizeof *w);
    if (!w)
        t_bail("out of memory");
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        int good = n > 0 && i + n <= len;
        for (size_t k = 1; good && k < n; k++)
            good = (p[i + k] & 0xC0) == 0x80;
        unsigned long cp = 0;
        if (good) {
            cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
            for (size_t k = 1; k < n; k++)
                cp = (cp << 6) | (p[i + k] & 0x3F);
            good = cp <= 0x10FFFF && !(n == 2 && cp < 0x80) && !(n == 3 && cp < 0x800) && !(n == 4 && cp < 0x10000);
        }
        if (!good) {
            w[o++] = c;
            i++;
        } else if (cp >= 0x10000) {
            w[o++] = (SQLWCHAR)(0xD800 + ((cp - 0x10000) >> 10));
            w[o++] = (SQLWCHAR)(0xDC00 + ((cp - 0x10000) & 0x3FF));
            i += n;
        } else {
            w[o++] = (SQLWCHAR)cp;   /* a lone surrogate (ED A0 80) goes through as one */
            i += n;
        }
    }
    w[o] = 0;
    *wlen = o;
    return w;
}

static SQLHENV env;

/* One attempt, A or W; `wide` given means W with those units. */
static void attempt(const char *label, const char *s, size_t len, const SQLWCHAR *wide, size_t wlen,
                    const char *allowed)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        t_bail("SQLAllocHandle(DBC) failed");
    SQLRETURN rc;
    SQLSMALLINT outlen = 0;
    if (wide) {
        SQLWCHAR out[1024];
        /* lengths beyond SQLSMALLINT go as SQL_NTS: such cases hold no NUL */
        SQLSMALLINT l = wlen > 32767 ? SQL_NTS : (SQLSMALLINT)wlen;
        rc = SQLDriverConnectW(dbc, NULL, (SQLWCHAR *)wide, l, out, 1024, &outlen, SQL_DRIVER_NOPROMPT);
    } else {
        SQLCHAR out[1024];
        SQLSMALLINT l = len > 32767 ? SQL_NTS : (SQLSMALLINT)len;
        rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)s, l, out, sizeof out, &outlen, SQL_DRIVER_NOPROMPT);
    }
    char state[6], first[512];
    int leak;
    read_diag(dbc, state, &leak, first, sizeof first);
    int good = rc == SQL_ERROR && state_allowed(state, allowed) && !leak;
    t_ok(good, "%s %s: %s", label, wide ? "W" : "A", rc == SQL_ERROR ? state : "no error");
    if (!good) {
        t_diag("rc %d, first record %s: %s (allowed: %s)%s", (int)rc, state, first, allowed,
               leak ? "; a record quotes a password" : "");
    }
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static int n_cases;

/* A case through both entry points. */
static void both(const char *label, const char *s, size_t len, const char *allowed)
{
    if (len > 32767 && memchr(s, '\0', len))
        t_bail("%s: a long case cannot hold a NUL (it goes as SQL_NTS)", label);
    n_cases++;
    attempt(label, s, len, NULL, 0, allowed);
    size_t wlen;
    SQLWCHAR *w = to_wide(s, len, &wlen);
    attempt(label, s, len, w, wlen, allowed);
    free(w);
}

/* ---- the corpus file ---- */

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? (tolower(c) - 'a' + 10) : -1;
}

/* Decode escapes and placeholders of one corpus string into b. */
static void decode(const char *src, buf *b, int lineno)
{
    for (const char *p = src; *p;) {
        if (strncmp(p, "${OK}", 5) == 0) {
            puts_(b, ok_rest);
            p += 5;
        } else if (strncmp(p, "${PORT}", 7) == 0) {
            puts_(b, t_env("RS_PG_PORT"));
            p += 7;
        } else if (*p == '\\') {
            char c = p[1];
            if (c == '0') {
                put(b, "", 1);
                p += 2;
            } else if (c == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
                char v = (char)(hexval(p[2]) * 16 + hexval(p[3]));
                put(b, &v, 1);
                p += 4;
            } else if (c == 'n' || c == 'r' || c == 't' || c == '\\') {
                char v = c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : '\\';
                put(b, &v, 1);
                p += 2;
            } else {
                t_bail("corpus line %d: unknown escape \\%c", lineno, c);
            }
        } else {
            put(b, p++, 1);
        }
    }
}

static void run_corpus_file(void)
{
    char path[1024];
    const char *top = getenv("top_srcdir");
    snprintf(path, sizeof path, "%s/tests/faults/connstr_corpus.txt", top && *top ? top : ".");
    FILE *f = fopen(path, "r");
    if (!f)
        t_bail("cannot open %s", path);
    char line[8192];
    int lineno = 0, cases = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab)
            t_bail("corpus line %d: no TAB between the SQLSTATEs and the string", lineno);
        *tab = '\0';
        buf b = { 0 };
        decode(tab + 1, &b, lineno);
        if (!b.p)
            puts_(&b, "");
        char label[32];
        snprintf(label, sizeof label, "corpus line %d", lineno);
        both(label, b.p, b.len, line);
        free(b.p);
        cases++;
    }
    fclose(f);
    t_ok(cases >= 150, "the corpus file holds %d cases", cases);
}

/* ---- generated cases ---- */

enum kt { K_STRING, K_INT, K_BOOL, K_ENUM };
static const struct kw {
    const char *name, *aliases;
    enum kt type;
    const char *choices;
    long min, max;
} kws[] = {
#define RS_KW(id, name, aliases, type, def, choices, min, max, secret, help) { name, aliases, K_##type, choices, min, max },
#include "conn/keywords.def"
#undef RS_KW
};

/* "Driver=rsodbc;KEY=VALUE;${OK}" with the value of vlen bytes (it may hold NULs) */
static void kw_case(const char *label, const char *key, const char *value, size_t vlen, const char *allowed)
{
    buf b = { 0 };
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, key);
    puts_(&b, "=");
    put(&b, value, vlen);
    puts_(&b, ";");
    puts_(&b, ok_rest);
    both(label, b.p, b.len, allowed);
    free(b.p);
}

/* Wrong values of keyword `name` of type kw: returns how many cases ran. */
static void wrong_values(const struct kw *k, const char *name, int all)
{
    char label[160], v[64];
    if (strcasecmp(k->name, "Driver") == 0) {
        snprintf(label, sizeof label, "keyword %s: no such driver", name);
        buf b = { 0 };
        puts_(&b, name);
        puts_(&b, "={rsodbc-no-such-driver};");
        puts_(&b, ok_rest);
        both(label, b.p, b.len, "IM*,01000");   /* unixODBC: 01000 "Can't open lib" */
        free(b.p);
        return;
    }
    if (strcasecmp(k->name, "DSN") == 0) {
        snprintf(label, sizeof label, "keyword %s: no such data source", name);
        buf b = { 0 };
        puts_(&b, name);
        puts_(&b, "=rsodbc_no_such_dsn;PWD=Sekrit");
        both(label, b.p, b.len, "IM002");
        free(b.p);
        return;
    }
    switch (k->type) {
    case K_INT: {
        const char *bad[] = { "abc", "12abc", "1.5", "99999999999999999999", "0x10", NULL, NULL };
        char below[32], above[32];
        snprintf(below, sizeof below, "%ld", k->min - 1);
        snprintf(above, sizeof above, "%ld", k->max + 1);
        bad[5] = below;
        bad[6] = above;
        for (size_t i = 0; i < (all ? 7u : 1u); i++) {
            snprintf(label, sizeof label, "keyword %s (whole number %ld..%ld) = '%s'", name, k->min, k->max, bad[i]);
            kw_case(label, name, bad[i], strlen(bad[i]), "HY024");
        }
        break;
    }
    case K_BOOL: {
        static const char *const bad[] = { "maybe", "2", "-1", "y" };
        for (size_t i = 0; i < (all ? 4u : 1u); i++) {
            snprintf(label, sizeof label, "keyword %s (boolean) = '%s'", name, bad[i]);
            kw_case(label, name, bad[i], strlen(bad[i]), "HY024");
        }
        break;
    }
    case K_ENUM: {
        snprintf(v, sizeof v, "%.*sx", (int)strcspn(k->choices, "|"), k->choices);
        const char *bad[] = { "bogus", v, "1" };
        for (size_t i = 0; i < (all ? 3u : 1u); i++) {
            snprintf(label, sizeof label, "keyword %s (one of %s) = '%s'", name, k->choices, bad[i]);
            kw_case(label, name, bad[i], strlen(bad[i]), "HY024");
        }
        break;
    }
    case K_STRING: {
        /* text has no wrong type; what is wrong for it is a NUL inside, or a size past the limit */
        snprintf(label, sizeof label, "keyword %s (text) with a NUL inside", name);
        kw_case(label, name, "Sek\0rit", 7, "08001");
        if (all) {
            buf big = { 0 };
            put_rep(&big, "Sekrit-", 70000);
            snprintf(label, sizeof label, "keyword %s (text) of 70,000 bytes", name);
            kw_case(label, name, big.p, big.len, "08001");
            free(big.p);
        }
        break;
    }
    }
}

static void run_keyword_table(void)
{
    int before = n_cases;
    for (size_t i = 0; i < sizeof kws / sizeof kws[0]; i++) {
        wrong_values(&kws[i], kws[i].name, 1);
        /* each alias: its first wrong value (the alias must be validated as its keyword) */
        for (const char *p = kws[i].aliases; p && *p;) {
            char alias[64];
            size_t n = strcspn(p, "|");
            snprintf(alias, sizeof alias, "%.*s", (int)n, p);
            wrong_values(&kws[i], alias, 0);
            p += n + (p[n] == '|');
        }
    }
    t_ok(n_cases - before >= (int)(sizeof kws / sizeof kws[0]) * 2,
         "%d cases from the %zu keywords of the table", n_cases - before, sizeof kws / sizeof kws[0]);
}

#define MB (1024 * 1024)

static void run_huge(void)
{
    buf b = { 0 };
    puts_(&b, "Driver=rsodbc;PWD=");
    put_rep(&b, "Sekrit", MB);
    both("1 MB PWD", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;PWD={");
    put_rep(&b, "Sekrit}};", MB);
    puts_(&b, "};");
    puts_(&b, ok_rest);
    both("1 MB braced PWD with '}}' and ';'", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;Server=");
    put_rep(&b, "a", MB);
    puts_(&b, ";");
    puts_(&b, ok_rest);
    both("1 MB Server", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    puts_(&b, ";ApplicationName={");
    put_rep(&b, "x", MB);
    puts_(&b, "}");
    both("1 MB braced ApplicationName", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    puts_(&b, ";");
    put_rep(&b, "K", MB);
    puts_(&b, "=1");
    both("1 MB keyword name", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    put_rep(&b, ";", MB);
    both("1 MB of ';'", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    put_rep(&b, "{", MB);
    both("1 MB of '{'", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    put_rep(&b, "=", MB);
    both("1 MB of '='", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=");
    put_rep(&b, "r", MB);
    puts_(&b, ";");
    puts_(&b, ok_rest);
    /* A only: unixODBC 2.3.11's SQLDriverConnectW copies a Driver name of over 1,000
     * characters into a 1,001-byte buffer (strcpy; _FORTIFY_SOURCE aborts the process). The
     * driver is never reached: nothing rsodbc can do. */
    n_cases++;
    attempt("1 MB Driver name", b.p, b.len, NULL, 0, "IM*");
    /* (A 1 MB DSN name is refused by unixODBC itself, IM012, which leaks its parse of the
     * string: LeakSanitizer fails the ASan run on it. The driver is never reached.) */

    /* 10,000 keywords */
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    for (int i = 0; i < 10000; i++) {
        char kv[32];
        snprintf(kv, sizeof kv, ";K%d=v", i);
        puts_(&b, kv);
    }
    both("10,000 unknown keywords", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    put_rep(&b, "Port=1;", 10000 * 7);
    puts_(&b, ok_rest);
    both("10,000 times Port=1", b.p, b.len, "08001");
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    put_rep(&b, "PWD=Sekrit;", 10000 * 11);
    puts_(&b, ok_rest);
    both("10,000 times PWD", b.p, b.len, "08001");
    /* under the length limit, over the count limit (256 keywords) */
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    for (int i = 0; i < 300; i++)
        puts_(&b, ";k=1");
    both("300 keywords in 1,200 bytes", b.p, b.len, "08001");
    free(b.p);
}

/* W-only input: UTF-16 that is not text (lone surrogates), a NUL unit inside the length. */
static void run_wide_only(void)
{
    static const struct { const char *label, *pre, *post, *allowed; SQLWCHAR unit; } w[] = {
        { "W: a lone high surrogate in Port", "Driver=rsodbc;Port=54", "32;", "HY024", 0xD800 },
        { "W: a lone low surrogate in SSLMode", "Driver=rsodbc;SSLMode=disable", ";", "HY024", 0xDC00 },
        { "W: a lone surrogate in PWD", "Driver=rsodbc;PWD=Sekrit", ";", "28000", 0xDBFF },
        { "W: a NUL unit in PWD", "Driver=rsodbc;PWD=Sekrit", "x;", "08001", 0 },
        { "W: U+FFFF in UID", "Driver=rsodbc;UID=rs_md5", ";", "28000", 0xFFFF },
        { "W: U+FFFE in Port", "Driver=rsodbc;Port=5", "4;", "HY024", 0xFFFE },
    };
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++) {
        buf b = { 0 };
        puts_(&b, w[i].pre);
        size_t at = b.len;
        puts_(&b, "?");
        puts_(&b, w[i].post);
        puts_(&b, ok_rest);
        size_t wlen;
        SQLWCHAR *ws = to_wide(b.p, b.len, &wlen);
        ws[at] = w[i].unit;
        n_cases++;
        attempt(w[i].label, b.p, b.len, ws, wlen, w[i].allowed);
        free(ws);
        free(b.p);
    }
}

/* The connect calls' other arguments: lengths, completions, NULs in SQLConnect's arguments. */
static void run_arguments(void)
{
    SQLHDBC dbc;
    char state[6], msg[512];
    int leak;
    SQLCHAR out[256];
    SQLSMALLINT outlen;
    char cs[600];
    snprintf(cs, sizeof cs, "Driver=rsodbc;%s", ok_rest);

#define ARG_CASE(label, call, allowed)                                                              \
    do {                                                                                            \
        if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))                              \
            t_bail("SQLAllocHandle(DBC) failed");                                                   \
        SQLRETURN rc_ = (call);                                                                     \
        read_diag(dbc, state, &leak, msg, sizeof msg);                                              \
        int good_ = rc_ == SQL_ERROR && state_allowed(state, allowed) && !leak;                     \
        t_ok(good_, "%s: %s", label, rc_ == SQL_ERROR ? state : "no error");                        \
        if (!good_)                                                                                 \
            t_diag("rc %d, first record %s: %s (allowed: %s)", (int)rc_, state, msg, allowed);     \
        if (SQL_SUCCEEDED(rc_))                                                                     \
            SQLDisconnect(dbc);                                                                     \
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);                                                         \
    } while (0)

    ARG_CASE("SQLDriverConnect length -5", SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, -5, out, sizeof out, &outlen,
             SQL_DRIVER_NOPROMPT), "HY090");
    ARG_CASE("SQLDriverConnect output length -1", SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, out, -1,
             &outlen, SQL_DRIVER_NOPROMPT), "HY090");
    ARG_CASE("SQLDriverConnect completion 99", SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, out, sizeof out,
             &outlen, 99), "HY110");
    ARG_CASE("SQLDriverConnect NULL string", SQLDriverConnect(dbc, NULL, NULL, SQL_NTS, out, sizeof out, &outlen,
             SQL_DRIVER_NOPROMPT), "IM002,HY009");
    ARG_CASE("SQLConnect NUL inside the user name", SQLConnect(dbc, (SQLCHAR *)"rs_nopwd", SQL_NTS,
             (SQLCHAR *)"rs_md5\0x", 8, (SQLCHAR *)REAL_PWD, SQL_NTS), "HY090");
    ARG_CASE("SQLConnect NUL inside the password", SQLConnect(dbc, (SQLCHAR *)"rs_nopwd", SQL_NTS,
             (SQLCHAR *)"rs_md5", SQL_NTS, (SQLCHAR *)REAL_PWD "\0Sekrit", 19), "HY090");
    ARG_CASE("SQLConnect wrong password", SQLConnect(dbc, (SQLCHAR *)"rs_nopwd", SQL_NTS, (SQLCHAR *)"rs_md5",
             SQL_NTS, (SQLCHAR *)"Sekrit-wrong", SQL_NTS), "28000");
    ARG_CASE("SQLConnect data source name of 300 bytes", SQLConnect(dbc, (SQLCHAR *)
             "rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5"
             "rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5"
             "rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5rs_md5",
             SQL_NTS, NULL, 0, NULL, 0), "IM*,HY090");
    ARG_CASE("SQLConnect length -7", SQLConnect(dbc, (SQLCHAR *)"rs_md5", -7, NULL, 0, NULL, 0), "HY090");
    SQLWCHAR wdsn[] = { 'r', 's', '_', 'n', 'o', 'p', 'w', 'd', 0 };
    SQLWCHAR wuid[] = { 'r', 's', '_', 'm', 'd', '5', 0 };
    SQLWCHAR wpwd[] = { 'm', 'd', '5', '-', 's', 'e', 'c', 'r', 'e', 't', '-', '1', 0, 'x', 0 };
    ARG_CASE("SQLConnectW NUL inside the password", SQLConnectW(dbc, wdsn, SQL_NTS, wuid, SQL_NTS, wpwd, 14), "HY090");
    SQLWCHAR wuid2[] = { 'r', 's', '_', 'm', 'd', '5', 0, 'x', 0 };
    ARG_CASE("SQLConnectW NUL inside the user name", SQLConnectW(dbc, wdsn, SQL_NTS, wuid2, 8, wpwd, SQL_NTS),
             "HY090");
    /* the same arguments without the NUL connect: the refusal is about the NUL */
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        t_bail("SQLAllocHandle(DBC) failed");
    SQLRETURN rc = SQLConnectW(dbc, wdsn, SQL_NTS, wuid, SQL_NTS, wpwd, 12);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnectW with the password's true length connects");
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
#undef ARG_CASE
}

/* Limits that must still work: 256 keywords, a value just under the length limit. */
static void run_limits_ok(void)
{
    buf b = { 0 };
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    int pairs = 1;
    for (const char *p = ok_rest; *p; p++)
        pairs += *p == ';';
    pairs++;   /* the last pair of ok_rest has no ';' after it */
    for (; pairs < 256; pairs++)
        puts_(&b, ";k=1");
    SQLHDBC dbc;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        t_bail("SQLAllocHandle(DBC) failed");
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)b.p, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "256 keywords (the limit) connect");
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    puts_(&b, ";Description={");   /* not sent to the server, whose startup packet is small */
    put_rep(&b, "x", 65000 - b.len);
    puts_(&b, "}");
    rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)b.p, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    /* SQL_SUCCESS_WITH_INFO allowed: the completed string's length does not fit a SQLSMALLINT */
    t_ok(SQL_SUCCEEDED(rc), "a connection string of %zu bytes (under the 65,536 limit) connects (rc %d)", b.len,
         (int)rc);
    if (!SQL_SUCCEEDED(rc))
        t_print_diag(SQL_HANDLE_DBC, dbc);
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    /* a length that counts the terminating NUL (sizeof a literal) is not an embedded NUL */
    b.len = 0;
    puts_(&b, "Driver=rsodbc;");
    puts_(&b, ok_rest);
    put(&b, "\0\0", 2);
    rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)b.p, (SQLSMALLINT)b.len, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLDriverConnect: NULs only at the end of the length connect");
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    size_t wlen;
    SQLWCHAR *w = to_wide(b.p, b.len, &wlen);
    rc = SQLDriverConnectW(dbc, NULL, w, (SQLSMALLINT)wlen, NULL, 0, NULL, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLDriverConnectW: NULs only at the end of the length connect");
    if (SQL_SUCCEEDED(rc))
        SQLDisconnect(dbc);
    free(w);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    free(b.p);
}

int main(void)
{
    t_start(600);
    snprintf(ok_rest, sizeof ok_rest,
             "Server=127.0.0.1;Port=%s;Database=%s;UID=rs_md5;PWD=" REAL_PWD ";SSLMode=disable;LoginTimeout=5",
             t_env("RS_PG_PORT"), getenv("RS_PG_DATABASE") ? t_env("RS_PG_DATABASE") : "rstest");
    env = t_env_alloc();
    double t0 = t_now();
    run_corpus_file();
    run_keyword_table();
    run_huge();
    run_wide_only();
    run_arguments();
    run_limits_ok();
    t_diag("%d cases, each through SQLDriverConnect and SQLDriverConnectW, in %.1f s", n_cases, t_now() - t0);
    t_ok(n_cases >= 200, "at least 200 malformed connection strings (%d)", n_cases);
    /* after all that, the driver still connects */
    SQLHDBC dbc = t_connect(env, "");
    char v[64];
    SQLRETURN rc = t_query_str(dbc, "SELECT 'still fine'", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", "still fine", "a good connection works after the corpus");
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
