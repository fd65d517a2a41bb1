/* batchins.c - recognising a plain INSERT ... VALUES (...) and writing its multi-row form. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stmt/batchins.h"
#include "stmt/sqltext.h"

static int ident_char(char c)
{
    return isalnum((unsigned char)c) || c == '_' || c == '$' || (unsigned char)c >= 0x80;
}

/* The keyword w (lower case) at s[i], not followed by more of an identifier. */
static int keyword_at(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return len - i >= n && strncasecmp(s + i, w, n) == 0 && (i + n == len || !ident_char(s[i + n]));
}

/* One identifier (plain or "quoted") at s[i]: its end, or i when there is none. */
static size_t ident_end(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return i;
    if (s[i] == '"')
        return i + rs_sql_skip_quoted(s, len, i);
    if (!(isalpha((unsigned char)s[i]) || s[i] == '_' || (unsigned char)s[i] >= 0x80))
        return i;
    while (i < len && ident_char(s[i]))
        i++;
    return i;
}

/* A marker $n at s[i] (not inside an identifier): its number and end, else 0. */
static int marker_at(const char *s, size_t len, size_t i, size_t *end)
{
    if (s[i] != '$' || i + 1 >= len || !isdigit((unsigned char)s[i + 1]) || (i > 0 && ident_char(s[i - 1])))
        return 0;
    long v = 0;
    size_t j = i + 1;
    while (j < len && isdigit((unsigned char)s[j]) && v <= RS_BATCH_MAX_PARAMS)
        v = v * 10 + (s[j++] - '0');
    if (v < 1 || v > RS_BATCH_MAX_PARAMS || (j < len && isdigit((unsigned char)s[j])))
        return 0;
    *end = j;
    return (int)v;
}

/* The parenthesised list starting at s[i] == '(': the position after its ')', or 0 when it
 * does not close. Markers inside must be $first, $first+1, ... in order; *count gets how many
 * there were (-1 when they are out of order). */
static size_t paren_end(const char *s, size_t len, size_t i, int first, int *count)
{
    int depth = 0, next = first;
    while (i < len) {
        size_t q = rs_sql_skip_quoted(s, len, i);
        if (q) {
            i += q;
            continue;
        }
        size_t end;
        int m = marker_at(s, len, i, &end);
        if (m) {
            if (m != next)
                next = -1 - first;   /* remember the disorder */
            else
                next++;
            i = end;
            continue;
        }
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && --depth == 0) {
            *count = next < first ? -1 : next - first;
            return i + 1;
        }
        i++;
    }
    return 0;
}

int rs_batchins_shape(const char *sql, int nparams, rs_batchins *b)
{
    if (!sql || nparams < 1 || nparams > RS_BATCH_MAX_PARAMS)
        return 0;
    size_t len = strlen(sql), i = rs_sql_skip_blank(sql, len, 0);
    if (!keyword_at(sql, len, i, "insert"))
        return 0;
    i = rs_sql_skip_blank(sql, len, i + 6);
    if (!keyword_at(sql, len, i, "into"))
        return 0;
    i = rs_sql_skip_blank(sql, len, i + 4);
    /* the table: name, schema.name or database.schema.name */
    for (int part = 0;; part++) {
        size_t e = ident_end(sql, len, i);
        if (e == i || part > 2)
            return 0;
        i = rs_sql_skip_blank(sql, len, e);
        if (i < len && sql[i] == '.') {
            i = rs_sql_skip_blank(sql, len, i + 1);
            continue;
        }
        break;
    }
    int count;
    if (i < len && sql[i] == '(') {
        size_t e = paren_end(sql, len, i, 1, &count);
        if (!e || count != 0)
            return 0;   /* a column list holds no markers */
        i = rs_sql_skip_blank(sql, len, e);
    }
    if (!keyword_at(sql, len, i, "values"))
        return 0;
    size_t head = rs_sql_skip_blank(sql, len, i + 6);
    if (head >= len || sql[head] != '(')
        return 0;
    size_t e = paren_end(sql, len, head, 1, &count);
    if (!e || count != nparams)
        return 0;
    /* nothing after the tuple: no second tuple, RETURNING, ON CONFLICT, another statement */
    i = rs_sql_skip_blank(sql, len, e);
    while (i < len && sql[i] == ';')
        i = rs_sql_skip_blank(sql, len, i + 1);
    if (i != len)
        return 0;
    b->head = head;
    b->tuple_end = e;
    b->len = len;
    return 1;
}

int rs_batchins_max_rows(int nparams)
{
    if (nparams < 1)
        return 1;
    int rows = RS_BATCH_MAX_PARAMS / nparams;
    return rows > RS_BATCH_MAX_ROWS ? RS_BATCH_MAX_ROWS : rows < 1 ? 1 : rows;
}

char *rs_batchins_text(const char *sql, const rs_batchins *b, int nparams, int rows)
{
    size_t tuple = b->tuple_end - b->head;
    /* every marker may grow to 5 digits; ", " between tuples */
    size_t cap = b->head + (size_t)rows * (tuple + 2 + 5 * (size_t)nparams) + 1;
    char *out = malloc(cap), *p = out;
    if (!out)
        return NULL;
    memcpy(p, sql, b->head);
    p += b->head;
    for (int r = 0; r < rows; r++) {
        if (r > 0) {
            *p++ = ',';
            *p++ = ' ';
        }
        size_t i = b->head;
        while (i < b->tuple_end) {
            size_t q = rs_sql_skip_quoted(sql, b->tuple_end, i), end;
            if (q) {
                memcpy(p, sql + i, q);
                p += q;
                i += q;
                continue;
            }
            int m = marker_at(sql, b->tuple_end, i, &end);
            if (m) {
                p += sprintf(p, "$%d", r * nparams + m);
                i = end;
                continue;
            }
            *p++ = sql[i++];
        }
    }
    *p = '\0';
    return out;
}
