/* paramtarget.c - the column a parameter of a plain INSERT goes into (see paramtarget.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/batchins.h"
#include "stmt/paramtarget.h"
#include "stmt/wire.h"

static size_t skip_space(const char *s, size_t i, size_t end)
{
    while (i < end && isspace((unsigned char)s[i]))
        i++;
    return i;
}

static int keyword_at(const char *s, size_t i, size_t end, const char *kw)
{
    size_t n = strlen(kw);
    return end - i >= n && strncasecmp(s + i, kw, n) == 0 &&
           (end - i == n || !(isalnum((unsigned char)s[i + n]) || s[i + n] == '_'));
}

/* One identifier at s[i]: quoted ("a""b") or plain; returns its end, 0 when none. */
static size_t identifier_end(const char *s, size_t i, size_t end)
{
    if (i >= end)
        return 0;
    if (s[i] == '"') {
        for (size_t j = i + 1; j < end; j++)
            if (s[j] == '"') {
                if (j + 1 < end && s[j + 1] == '"') {
                    j++;
                    continue;
                }
                return j + 1;
            }
        return 0;
    }
    size_t j = i;
    while (j < end && (isalnum((unsigned char)s[j]) || s[j] == '_' || s[j] == '$' || (unsigned char)s[j] >= 0x80))
        j++;
    return j > i && !isdigit((unsigned char)s[i]) ? j : 0;
}

/* The name the server stores for an identifier: quotes removed, or folded to lower case. */
static char *identifier_value(const char *s, size_t n)
{
    char *v = malloc(n + 1);
    if (!v)
        return NULL;
    size_t o = 0;
    if (n >= 2 && s[0] == '"') {
        for (size_t i = 1; i + 1 < n; i++) {
            v[o++] = s[i];
            if (s[i] == '"')
                i++;
        }
    } else {
        for (size_t i = 0; i < n; i++)
            v[o++] = (char)tolower((unsigned char)s[i]);
    }
    v[o] = '\0';
    return v;
}

/* The k-th (0-based) comma-separated element of s[i, end) at depth 0; its bounds. */
static int element(const char *s, size_t i, size_t end, int k, size_t *from, size_t *to)
{
    int n = 0, depth = 0;
    char quote = 0;
    size_t start = i;
    for (size_t j = i; j <= end; j++) {
        char c = j < end ? s[j] : ',';
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\'' || c == '"')
            quote = c;
        else if (c == '(')
            depth++;
        else if (c == ')')
            depth--;
        else if (c == ',' && depth == 0) {
            if (n == k) {
                *from = skip_space(s, start, j);
                size_t e = j;
                while (e > *from && isspace((unsigned char)s[e - 1]))
                    e--;
                *to = e;
                return 0;
            }
            n++;
            start = j + 1;
        }
    }
    return -1;
}

int rs_param_target_parse(const char *sql, int nparams, int snum, const char **name, size_t *namelen,
                          char **column, int *position)
{
    rs_batchins b;
    *column = NULL;
    if (!rs_batchins_shape(sql, nparams, &b))
        return -1;
    /* the tuple element that is exactly $snum */
    char want[16];
    snprintf(want, sizeof want, "$%d", snum);
    int pos = -1;
    for (int k = 0; k < nparams + 64; k++) {
        size_t f, t;
        if (element(sql, b.head + 1, b.tuple_end - 1, k, &f, &t) < 0)
            break;
        if (t - f == strlen(want) && strncmp(sql + f, want, t - f) == 0) {
            pos = k;
            break;
        }
    }
    if (pos < 0)
        return -1;
    /* INSERT INTO name [(columns)] VALUES */
    size_t i = skip_space(sql, 0, b.head);
    if (!keyword_at(sql, i, b.head, "insert"))
        return -1;
    i = skip_space(sql, i + 6, b.head);
    if (!keyword_at(sql, i, b.head, "into"))
        return -1;
    size_t ns = i = skip_space(sql, i + 4, b.head);
    for (;;) {
        size_t e = identifier_end(sql, i, b.head);
        if (!e)
            return -1;
        i = e;
        if (i < b.head && sql[i] == '.')
            i++;
        else
            break;
    }
    *name = sql + ns;
    *namelen = i - ns;
    i = skip_space(sql, i, b.head);
    if (i < b.head && sql[i] == '(') {
        size_t close = i + 1;
        int depth = 1;
        char quote = 0;
        for (; close < b.head && depth; close++) {
            if (quote) {
                if (sql[close] == quote)
                    quote = 0;
            } else if (sql[close] == '"') {
                quote = '"';
            } else if (sql[close] == '(') {
                depth++;
            } else if (sql[close] == ')') {
                depth--;
            }
        }
        if (depth)
            return -1;
        size_t f, t;
        if (element(sql, i + 1, close - 1, pos, &f, &t) < 0 || identifier_end(sql, f, t) != t)
            return -1;
        *column = identifier_value(sql + f, t - f);
        return *column ? 0 : -1;
    }
    *position = pos;
    return 0;
}

int rs_param_target(rs_stmt *s, int snum, unsigned *oid, int *typmod)
{
    const char *name;
    size_t namelen;
    char *column = NULL;
    int position = 0;
    if (!s->sql || rs_param_target_parse(s->sql, s->nserver, snum, &name, &namelen, &column, &position) < 0)
        return -1;
    char *table = strndup(name, namelen), pos[16];
    if (!table) {
        free(column);
        return -1;
    }
    snprintf(pos, sizeof pos, "%d", position);
    const char *values[2] = { table, column ? column : pos };
    rs_dbc *c = s->dbc;
    if (c->streaming)
        rs_dbc_release_wire(c);
    PGresult *r = PQexecParams(c->pg, column
        ? "SELECT atttypid, atttypmod FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass "
          "AND attname = $2 AND attnum > 0 AND NOT attisdropped"
        : "SELECT atttypid, atttypmod FROM pg_catalog.pg_attribute WHERE attrelid = $1::regclass "
          "AND attnum > 0 AND NOT attisdropped ORDER BY attnum LIMIT 1 OFFSET $2::int",
        2, NULL, values, NULL, NULL, 0);
    int rc = -1;
    if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
        *oid = (unsigned)strtoul(PQgetvalue(r, 0, 0), NULL, 10);
        *typmod = atoi(PQgetvalue(r, 0, 1));
        rc = 0;
    }
    PQclear(r);
    free(table);
    free(column);
    return rc;
}
