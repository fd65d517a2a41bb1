/* sqltext.c - marker numbering and ODBC escape rewriting in one pass over the text. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stmt/sqltext.h"

typedef struct out_buf {
    char *p;
    size_t len, cap;
    int oom;
    int too_deep;   /* escapes nested past RS_SQL_MAX_NESTING */
} out_buf;

/* Escapes nest ({fn UCASE({fn LTRIM(?)})}), each level one recursion: bounded, so text of
 * many '{' is refused instead of exhausting the stack. */
#define RS_SQL_MAX_NESTING 64

static void put(out_buf *o, const char *s, size_t n)
{
    if (o->oom)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t ncap = o->cap ? o->cap * 2 : 256;
        while (ncap < o->len + n + 1)
            ncap *= 2;
        char *np = realloc(o->p, ncap);
        if (!np) {
            o->oom = 1;
            return;
        }
        o->p = np;
        o->cap = ncap;
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void puts_(out_buf *o, const char *s) { put(o, s, strlen(s)); }

/* The state of one rewrite. */
typedef struct rw_ctx {
    int noscan;
    int redshift;               /* write Redshift's dialect (else PostgreSQL's) */
    int nparams;                /* ODBC markers so far */
    int nserver;                /* markers the server sees so far ($1..) */
    int call;                   /* a {call} escape was rewritten */
    int ret;                    /* {? = call ...}: ODBC marker 1 is the return value */
    int drop_next;              /* the next marker is that return value: not in the text */
    const unsigned char *drop;  /* drop[k]: ODBC marker k is left out with its comma */
    int ndrop;
    int eat_comma;              /* a dropped first argument: the ',' after it goes too */
} rw_ctx;

/* Leave a dropped argument out of a call's argument list: the ',' before it goes, or, for
 * the first argument, the one after it. */
static void drop_argument(out_buf *o, rw_ctx *ctx)
{
    while (o->len && (o->p[o->len - 1] == ' ' || o->p[o->len - 1] == '\t' || o->p[o->len - 1] == '\n'))
        o->len--;
    if (o->len && o->p[o->len - 1] == ',')
        o->len--;
    else
        ctx->eat_comma = 1;
    if (o->p)
        o->p[o->len] = '\0';
}

/* Does s[i] ('{') open "{? = call"? */
static int opens_return_call(const char *s, size_t len, size_t i)
{
    size_t j = i + 1;
    while (j < len && isspace((unsigned char)s[j]))
        j++;
    if (j >= len || s[j] != '?')
        return 0;
    j++;
    while (j < len && isspace((unsigned char)s[j]))
        j++;
    if (j >= len || s[j] != '=')
        return 0;
    j++;
    while (j < len && isspace((unsigned char)s[j]))
        j++;
    return len - j >= 4 && strncasecmp(s + j, "call", 4) == 0 &&
           (len - j == 4 || !(isalnum((unsigned char)s[j + 4]) || s[j + 4] == '_'));
}

/* Length of the literal, identifier, comment or dollar-quoted string starting at s[i],
 * or 0 when s[i] starts none. */
static size_t skip_quoted(const char *s, size_t len, size_t i)
{
    char c = s[i];
    size_t j;
    if (c == '\'' || c == '"') {
        int backslash = 0;
        if (c == '\'' && i > 0 && (s[i - 1] == 'E' || s[i - 1] == 'e') &&
            (i < 2 || !(isalnum((unsigned char)s[i - 2]) || s[i - 2] == '_')))
            backslash = 1;   /* E'...' honours backslash escapes */
        for (j = i + 1; j < len; j++) {
            if (backslash && s[j] == '\\') {
                j++;
                continue;
            }
            if (s[j] == c) {
                if (j + 1 < len && s[j + 1] == c) {
                    j++;
                    continue;
                }
                return j + 1 - i;
            }
        }
        return len - i;
    }
    if (c == '-' && i + 1 < len && s[i + 1] == '-') {
        for (j = i; j < len && s[j] != '\n'; j++)
            ;
        return j - i;
    }
    if (c == '/' && i + 1 < len && s[i + 1] == '*') {
        int depth = 0;
        for (j = i; j + 1 < len; j++) {
            if (s[j] == '/' && s[j + 1] == '*') { depth++; j++; }
            else if (s[j] == '*' && s[j + 1] == '/') {
                j++;
                if (--depth == 0)
                    return j + 1 - i;
            }
        }
        return len - i;
    }
    if (c == '$' && (i == 0 || !(isalnum((unsigned char)s[i - 1]) || s[i - 1] == '_'))) {
        /* $tag$ ... $tag$ ; the tag is an identifier or empty */
        for (j = i + 1; j < len && (isalnum((unsigned char)s[j]) || s[j] == '_'); j++)
            if (isdigit((unsigned char)s[j]) && j == i + 1)
                return 0;   /* $1 is a parameter, not a quote */
        if (j >= len || s[j] != '$')
            return 0;
        size_t taglen = j - i + 1;
        for (size_t k = j + 1; k + taglen <= len; k++)
            if (s[k] == '$' && strncmp(s + k, s + i, taglen) == 0)
                return k + taglen - i;
        return len - i;
    }
    return 0;
}

/* Scalar functions whose ODBC name differs from Redshift's (the argument list unchanged). */
static const struct { const char *odbc, *rs; } fn_map[] = {
    { "UCASE", "UPPER" }, { "LCASE", "LOWER" }, { "IFNULL", "COALESCE" },
    { "LOG", "LN" }, { "LOG10", "LOG" }, { "TRUNCATE", "TRUNC" }, { "RAND", "RANDOM" }, { "CHAR", "CHR" },
};

/* Niladic functions ODBC writes with empty parentheses. Redshift runs NOW, CURRENT_TIME and
 * CURRENT_TIMESTAMP on the leader node only (they fail in queries of tables), so there the
 * clock is GETDATE(), which PostgreSQL lacks; ODBC's values are without a time zone. */
static const struct { const char *odbc, *rs, *pg; } niladic[] = {
    { "CURDATE", "CURRENT_DATE", "CURRENT_DATE" }, { "CURRENT_DATE", "CURRENT_DATE", "CURRENT_DATE" },
    { "CURTIME", "CAST(GETDATE() AS TIME)", "LOCALTIME" },
    { "CURRENT_TIME", "CAST(GETDATE() AS TIME)", "LOCALTIME" },
    { "CURRENT_TIMESTAMP", "GETDATE()", "LOCALTIMESTAMP" }, { "NOW", "GETDATE()", "LOCALTIMESTAMP" },
    { "USER", "CURRENT_USER", "CURRENT_USER" },
    { "DATABASE", "CURRENT_DATABASE()", "CURRENT_DATABASE()" },
};

/* Date and time parts: {fn YEAR(x)} is the integer DATE_PART gives (DAYOFWEEK counts from 1,
 * Sunday, where DATE_PART's dow counts from 0). */
static const struct { const char *odbc, *part; int plus; } date_parts[] = {
    { "YEAR", "year", 0 }, { "MONTH", "month", 0 }, { "DAYOFMONTH", "day", 0 }, { "HOUR", "hour", 0 },
    { "MINUTE", "minute", 0 }, { "SECOND", "second", 0 }, { "QUARTER", "quarter", 0 },
    { "DAYOFYEAR", "doy", 0 }, { "DAYOFWEEK", "dow", 1 },
};

/* {fn CONVERT(x, SQL_type)}: the type CAST gets. */
static const struct { const char *odbc, *rs; } convert_types[] = {
    { "SQL_BIGINT", "BIGINT" }, { "SQL_BIT", "BOOLEAN" }, { "SQL_CHAR", "VARCHAR(65535)" },
    { "SQL_VARCHAR", "VARCHAR(65535)" }, { "SQL_LONGVARCHAR", "VARCHAR(65535)" },
    { "SQL_WCHAR", "VARCHAR(65535)" }, { "SQL_WVARCHAR", "VARCHAR(65535)" },
    { "SQL_WLONGVARCHAR", "VARCHAR(65535)" }, { "SQL_DECIMAL", "NUMERIC" }, { "SQL_NUMERIC", "NUMERIC" },
    { "SQL_DOUBLE", "DOUBLE PRECISION" }, { "SQL_FLOAT", "DOUBLE PRECISION" }, { "SQL_REAL", "REAL" },
    { "SQL_INTEGER", "INTEGER" }, { "SQL_SMALLINT", "SMALLINT" }, { "SQL_TINYINT", "SMALLINT" },
    { "SQL_DATE", "DATE" }, { "SQL_TYPE_DATE", "DATE" }, { "SQL_TIME", "TIME" }, { "SQL_TYPE_TIME", "TIME" },
    { "SQL_TIMESTAMP", "TIMESTAMP" }, { "SQL_TYPE_TIMESTAMP", "TIMESTAMP" },
};

typedef struct span {
    const char *p;
    size_t n;
} span;

static span trim(const char *p, size_t n)
{
    while (n && isspace((unsigned char)*p)) {
        p++;
        n--;
    }
    while (n && isspace((unsigned char)p[n - 1]))
        n--;
    return (span){ p, n };
}

static int span_is(span s, const char *word)
{
    return s.n == strlen(word) && strncasecmp(s.p, word, s.n) == 0;
}

/* Split the argument list a (between the parentheses) at commas outside parentheses,
 * literals and identifiers. Returns the count, or -1 when there are more than max. */
static int split_args(span a, span *args, int max)
{
    int n = 0, depth = 0;
    size_t start = 0;
    if (trim(a.p, a.n).n == 0)
        return 0;
    for (size_t i = 0; i <= a.n; i++) {
        if (i < a.n) {
            size_t q = skip_quoted(a.p, a.n, i);
            if (q) {
                i += q - 1;
                continue;
            }
            if (a.p[i] == '(')
                depth++;
            else if (a.p[i] == ')')
                depth--;
            if (a.p[i] != ',' || depth > 0)
                continue;
        }
        if (n == max)
            return -1;
        args[n++] = trim(a.p + start, i - start);
        start = i + 1;
    }
    return n;
}

static void put_span(out_buf *o, span s) { put(o, s.p, s.n); }

/* The special forms; 1 when the call was written, 0 to fall back on a plain rename. */
static int rewrite_fn_special(out_buf *o, span name, int nargs, const span *args, int redshift)
{
    for (size_t k = 0; k < sizeof niladic / sizeof *niladic; k++)
        if (span_is(name, niladic[k].odbc) && nargs <= 0) {
            puts_(o, redshift ? niladic[k].rs : niladic[k].pg);
            return 1;
        }
    for (size_t k = 0; k < sizeof date_parts / sizeof *date_parts; k++)
        if (span_is(name, date_parts[k].odbc) && nargs == 1) {
            puts_(o, date_parts[k].plus ? "(CAST(FLOOR(DATE_PART('" : "CAST(FLOOR(DATE_PART('");
            puts_(o, date_parts[k].part);
            puts_(o, "', ");
            put_span(o, args[0]);
            puts_(o, date_parts[k].plus ? ")) AS INTEGER) + 1)" : ")) AS INTEGER)");
            return 1;
        }
    if ((span_is(name, "DAYNAME") || span_is(name, "MONTHNAME")) && nargs == 1) {
        puts_(o, "TO_CHAR(");
        put_span(o, args[0]);
        puts_(o, span_is(name, "DAYNAME") ? ", 'FMDay')" : ", 'FMMonth')");
        return 1;
    }
    if (span_is(name, "SPACE") && nargs == 1) {
        puts_(o, "REPEAT(' ', ");
        put_span(o, args[0]);
        puts_(o, ")");
        return 1;
    }
    if (span_is(name, "LOCATE") && nargs == 2) {
        /* ODBC: LOCATE(needle, haystack); Redshift: STRPOS(haystack, needle) */
        puts_(o, "STRPOS(");
        put_span(o, args[1]);
        puts_(o, ", ");
        put_span(o, args[0]);
        puts_(o, ")");
        return 1;
    }
    if (span_is(name, "LOCATE") && nargs == 3) {
        /* from position start: found in the rest, counted from the whole string's start */
        out_buf sub = { 0 };
        puts_(&sub, "STRPOS(SUBSTRING(");
        put_span(&sub, args[1]);
        puts_(&sub, " FROM ");
        put_span(&sub, args[2]);
        puts_(&sub, "), ");
        put_span(&sub, args[0]);
        puts_(&sub, ")");
        if (sub.oom) {
            o->oom = 1;
            free(sub.p);
            return 1;
        }
        puts_(o, "(CASE WHEN ");
        puts_(o, sub.p);
        puts_(o, " = 0 THEN 0 ELSE ");
        puts_(o, sub.p);
        puts_(o, " + (");
        put_span(o, args[2]);
        puts_(o, ") - 1 END)");
        free(sub.p);
        return 1;
    }
    if (span_is(name, "CONVERT") && nargs == 2) {
        for (size_t k = 0; k < sizeof convert_types / sizeof *convert_types; k++)
            if (span_is(args[1], convert_types[k].odbc)) {
                puts_(o, "CAST(");
                put_span(o, args[0]);
                puts_(o, " AS ");
                puts_(o, convert_types[k].rs);
                puts_(o, ")");
                return 1;
            }
    }
    return 0;
}

/* Rewrite the body of {fn name(args)} (the arguments already rewritten). */
static void rewrite_fn(out_buf *o, const char *body, size_t n, int redshift)
{
    span b = trim(body, n);
    size_t i = 0;
    while (i < b.n && (isalnum((unsigned char)b.p[i]) || b.p[i] == '_'))
        i++;
    span name = { b.p, i };
    span rest = trim(b.p + i, b.n - i);
    int nargs = -1;   /* no parentheses */
    span args[4];
    if (rest.n >= 2 && rest.p[0] == '(' && rest.p[rest.n - 1] == ')')
        nargs = split_args((span){ rest.p + 1, rest.n - 2 }, args, 4);
    if ((nargs >= 0 || rest.n == 0) && rewrite_fn_special(o, name, nargs, args, redshift))
        return;
    for (size_t k = 0; k < sizeof fn_map / sizeof *fn_map; k++)
        if (span_is(name, fn_map[k].odbc)) {
            put(o, body, (size_t)(b.p - body));
            puts_(o, fn_map[k].rs);
            put(o, b.p + i, n - (size_t)(b.p + i - body));
            return;
        }
    put(o, body, n);
}

/* Handle one escape sequence body (between the braces, already rewritten inside). */
static void rewrite_escape(out_buf *o, const char *b, size_t n, int *call, int redshift)
{
    size_t i = 0;
    while (i < n && isspace((unsigned char)b[i]))
        i++;
    if (i < n && b[i] == '=') {
        /* {? = call f(...)} with the return-value marker left out: a function, whose value
         * comes back as the one column of a SELECT */
        i++;
        while (i < n && isspace((unsigned char)b[i]))
            i++;
        if (n - i >= 4 && strncasecmp(b + i, "call", 4) == 0)
            i += 4;   /* checked by opens_return_call on the original text */
        while (i < n && isspace((unsigned char)b[i]))
            i++;
        size_t e = n;
        while (e > i && isspace((unsigned char)b[e - 1]))
            e--;
        puts_(o, "SELECT ");
        put(o, b + i, e - i);
        if (!memchr(b + i, '(', e - i))
            puts_(o, "()");
        *call = 1;
        return;
    }
    size_t ks = i;
    while (i < n && (isalnum((unsigned char)b[i]) || (i == ks && b[i] == '$')))
        i++;
    size_t kl = i - ks;
    const char *kw = b + ks;
    while (i < n && isspace((unsigned char)b[i]))
        i++;
    const char *rest = b + i;
    size_t rl = n - i;
#define KW(s) (kl == strlen(s) && strncasecmp(kw, s, kl) == 0)
    if (KW("d")) { puts_(o, "DATE "); put(o, rest, rl); }
    else if (KW("t")) { puts_(o, "TIME "); put(o, rest, rl); }
    else if (KW("ts")) { puts_(o, "TIMESTAMP "); put(o, rest, rl); }
    else if (KW("fn")) rewrite_fn(o, rest, rl, redshift);
    else if (KW("oj")) put(o, rest, rl);
    else if (KW("escape")) { puts_(o, "ESCAPE "); put(o, rest, rl); }
    else if (KW("guid")) put(o, rest, rl);
    else if (KW("interval")) { puts_(o, "INTERVAL "); put(o, rest, rl); }
    else if (KW("call") || (kl >= 1 && kw[0] == '$')) {
        /* {call p(?)} and {? = call p(?)} (the marker already numbered as $1):
         * Redshift procedures are called with CALL; a return value comes back as a result */
        const char *p = rest;
        size_t pl = rl;
        if (kw[0] == '$') {
            const char *c = strcasestr(kw, "call");
            if (!c || (size_t)(c - b) >= n) {
                put(o, "{", 1);
                put(o, b, n);
                put(o, "}", 1);
                return;
            }
            pl = n - (size_t)(c - b) - 4;
            p = c + 4;
        }
        puts_(o, "CALL ");
        while (pl && isspace((unsigned char)*p)) { p++; pl--; }
        put(o, p, pl);
        /* a procedure called without arguments still needs its parentheses */
        if (!memchr(p, '(', pl))
            puts_(o, "()");
        *call = 1;
    } else {
        put(o, "{", 1);
        put(o, b, n);
        put(o, "}", 1);
    }
#undef KW
}

/* Rewrite s[*pos..] until an unmatched '}' (nested: the escape depth, 0 at the top) or the
 * end; returns into o. */
static void rewrite_span(const char *s, size_t len, size_t *pos, int nested, rw_ctx *ctx, out_buf *o)
{
    size_t i = *pos;
    while (i < len) {
        char c = s[i];
        if (ctx->eat_comma) {
            ctx->eat_comma = 0;
            size_t j = i;
            while (j < len && isspace((unsigned char)s[j]))
                j++;
            if (j < len && s[j] == ',') {
                for (i = j + 1; i < len && isspace((unsigned char)s[i]); i++)
                    ;
                continue;
            }
        }
        size_t q = skip_quoted(s, len, i);
        if (q) {
            put(o, s + i, q);
            i += q;
            continue;
        }
        if (c == '?') {
            int k = ++ctx->nparams;
            i++;
            if (ctx->drop_next) {
                ctx->drop_next = 0;
                continue;
            }
            if (ctx->drop && k < ctx->ndrop && ctx->drop[k]) {
                drop_argument(o, ctx);
                continue;
            }
            char num[16];
            snprintf(num, sizeof num, "$%d", ++ctx->nserver);
            puts_(o, num);
            continue;
        }
        if (!ctx->noscan && c == '{') {
            if (nested >= RS_SQL_MAX_NESTING) {
                o->too_deep = 1;
                *pos = len;
                return;
            }
            if (ctx->nparams == 0 && opens_return_call(s, len, i))
                ctx->ret = ctx->drop_next = 1;
            out_buf inner = { 0 };
            size_t j = i + 1;
            rewrite_span(s, len, &j, nested + 1, ctx, &inner);
            if (inner.oom)
                o->oom = 1;
            if (inner.too_deep) {
                free(inner.p);
                o->too_deep = 1;
                *pos = len;
                return;
            }
            rewrite_escape(o, inner.p ? inner.p : "", inner.len, &ctx->call, ctx->redshift);
            free(inner.p);
            i = j;
            continue;
        }
        if (nested && c == '}') {
            *pos = i + 1;
            return;
        }
        put(o, s + i, 1);
        i++;
    }
    *pos = i;
}

/* Skip white space and comments from i. */
static size_t skip_blank(const char *s, size_t len, size_t i)
{
    for (;;) {
        while (i < len && isspace((unsigned char)s[i]))
            i++;
        if (i + 1 < len && ((s[i] == '-' && s[i + 1] == '-') || (s[i] == '/' && s[i + 1] == '*')))
            i += skip_quoted(s, len, i);
        else
            return i;
    }
}

/* Does the text hold more than one statement? A ';' outside literals, identifiers, comments
 * and dollar quotes that is followed by anything but blanks and more ';' starts another. */
static int is_single_statement(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t q = skip_quoted(s, len, i);
        if (q) {
            i += q;
            continue;
        }
        if (s[i] == ';') {
            size_t j = i + 1;
            while ((j = skip_blank(s, len, j)) < len && s[j] == ';')
                j++;
            if (j < len)
                return 0;
            return 1;
        }
        i++;
    }
    return 1;
}

static int starts_with_select(const char *s, size_t len)
{
    size_t i = skip_blank(s, len, 0);
    while (i < len && s[i] == '(')
        i = skip_blank(s, len, i + 1);
    return len - i >= 6 && strncasecmp(s + i, "select", 6) == 0 &&
           (len - i == 6 || !(isalnum((unsigned char)s[i + 6]) || s[i + 6] == '_'));
}

int rs_sqltext_rewrite(const char *in, size_t len, int noscan, rs_sqltext *out,
                       char *state, char *why, size_t whylen)
{
    return rs_sqltext_rewrite_call(in, len, noscan, NULL, 0, out, state, why, whylen);
}

int rs_sqltext_rewrite_call(const char *in, size_t len, int noscan, const unsigned char *drop, int ndrop,
                            rs_sqltext *out, char *state, char *why, size_t whylen)
{
    out_buf o = { 0 };
    size_t pos = 0;
    rw_ctx ctx = { .noscan = (noscan & RS_SQLTEXT_NOSCAN) != 0, .redshift = (noscan & RS_SQLTEXT_REDSHIFT) != 0,
                   .drop = drop, .ndrop = ndrop };
    rewrite_span(in, len, &pos, 0, &ctx, &o);
    int nparams = ctx.nparams;
    if (!o.p && !o.oom)
        put(&o, "", 0);
    if (o.oom) {
        free(o.p);
        snprintf(state, 6, "HY001");
        snprintf(why, whylen, "Out of memory while preparing the statement text.");
        return -1;
    }
    if (o.too_deep) {
        free(o.p);
        snprintf(state, 6, "42000");
        snprintf(why, whylen, "The statement nests escape sequences ({...}) more than %d deep.",
                 RS_SQL_MAX_NESTING);
        return -1;
    }
    if (nparams > 32767) {
        free(o.p);
        snprintf(state, 6, "07002");
        snprintf(why, whylen, "The statement has more than 32767 parameter markers.");
        return -1;
    }
    out->sql = o.p;
    out->nparams = nparams;
    out->nserver = ctx.nserver;
    out->call_escape = ctx.call;
    out->ret_value = ctx.ret;
    out->single = is_single_statement(o.p, o.len);
    out->plain_select = starts_with_select(o.p, o.len);
    return 0;
}

size_t rs_sql_skip_quoted(const char *s, size_t len, size_t i)
{
    return skip_quoted(s, len, i);
}

size_t rs_sql_skip_blank(const char *s, size_t len, size_t i)
{
    return skip_blank(s, len, i);
}
