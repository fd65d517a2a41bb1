/* sqltext.h - the statement text the server sees: '?' markers become $1..$n and ODBC
 * escape sequences become Redshift SQL, skipping string literals (including E'' strings),
 * quoted identifiers, comments and dollar quoting. */
#ifndef RS_SQLTEXT_H
#define RS_SQLTEXT_H

#include <stddef.h>

typedef struct rs_sqltext {
    char *sql;        /* rewritten text, malloc'd */
    int nparams;      /* number of '?' markers: the application's parameters */
    int nserver;      /* markers left in sql ($1..$nserver): the parameters the server gets */
    int call_escape;  /* the text was a {call ...} / {?= call ...} */
    int ret_value;    /* {? = call f(...)}: parameter 1 is the return value, not sent; the
                       * function is called as SELECT f(...) */
    int single;       /* at most one statement (no ';' followed by more text) */
    int plain_select; /* the first keyword is SELECT */
} rs_sqltext;

/* Flags for the noscan argument: 1 (RS_SQLTEXT_NOSCAN) leaves escapes alone (SQL_ATTR_NOSCAN),
 * markers are still numbered; RS_SQLTEXT_REDSHIFT writes {fn} escapes in Redshift's dialect
 * (else PostgreSQL's, where they differ: the clock functions). */
#define RS_SQLTEXT_NOSCAN 1
#define RS_SQLTEXT_REDSHIFT 2

/* Rewrite. noscan: the flags above.
 * Returns 0, or -1 with a user-facing reason in why (state "HY001" or "42000"). */
int rs_sqltext_rewrite(const char *in, size_t len, int noscan, rs_sqltext *out,
                       char *state, char *why, size_t whylen);

/* The same for a {call} whose arguments drop[k] != 0 (k = 1..ndrop-1, the application's
 * marker numbers) are left out of the text, commas included: Redshift procedures take no
 * argument for their OUT parameters. */
int rs_sqltext_rewrite_call(const char *in, size_t len, int noscan, const unsigned char *drop, int ndrop,
                            rs_sqltext *out, char *state, char *why, size_t whylen);

/* For other scanners of rewritten text: the length of the literal, quoted identifier, comment
 * or dollar-quoted string starting at s[i] (0 when none starts there), and the first position
 * from i that is neither white space nor a comment. */
size_t rs_sql_skip_quoted(const char *s, size_t len, size_t i);
size_t rs_sql_skip_blank(const char *s, size_t len, size_t i);

#endif
