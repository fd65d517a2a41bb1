/* unit_sqltext.c - '?' markers and ODBC escapes, skipping literals, identifiers, comments and
 * dollar quotes. */
#include <stdlib.h>
#include <string.h>

#include "stmt/sqltext.h"
#include "tap.h"

static char out[1024];
static int np, single, sel, nserver, ret;

static const char *rw(const char *in)
{
    rs_sqltext t;
    char state[6], why[128];
    if (rs_sqltext_rewrite(in, strlen(in), 0, &t, state, why, sizeof why) < 0)
        return "ERROR";
    snprintf(out, sizeof out, "%s", t.sql);
    np = t.nparams;
    single = t.single;
    sel = t.plain_select;
    nserver = t.nserver;
    ret = t.ret_value;
    free(t.sql);
    return out;
}

/* Rewrite with flags (RS_SQLTEXT_REDSHIFT). */
static const char *rw_flags(const char *in, int flags)
{
    rs_sqltext t;
    char state[6], why[128];
    if (rs_sqltext_rewrite(in, strlen(in), flags, &t, state, why, sizeof why) < 0)
        return "ERROR";
    snprintf(out, sizeof out, "%s", t.sql);
    free(t.sql);
    return out;
}

/* Rewrite a {call} leaving out the markers listed in drop (1-based, 0-terminated). */
static const char *rw_drop(const char *in, const int *drop)
{
    unsigned char mask[16] = { 0 };
    for (; *drop; drop++)
        mask[*drop] = 1;
    rs_sqltext t;
    char state[6], why[128];
    if (rs_sqltext_rewrite_call(in, strlen(in), 0, mask, (int)sizeof mask, &t, state, why, sizeof why) < 0)
        return "ERROR";
    snprintf(out, sizeof out, "%s", t.sql);
    np = t.nparams;
    nserver = t.nserver;
    free(t.sql);
    return out;
}

int main(void)
{
    TAP_PLAN(57);
    TAP_STR(rw("select ?, ?"), "select $1, $2", "markers numbered");
    TAP_OK(np == 2, "two parameters");
    TAP_STR(rw("select '?', \"a?\", ?"), "select '?', \"a?\", $1", "markers in literals and identifiers skipped");
    TAP_OK(np == 1, "one parameter");
    TAP_STR(rw("select 'it''s ?', ?"), "select 'it''s ?', $1", "doubled quote inside a literal");
    TAP_STR(rw("select E'a\\'?', ?"), "select E'a\\'?', $1", "E'' strings honour backslash escapes");
    TAP_STR(rw("select 'a\\', ?"), "select 'a\\', $1", "standard strings do not");
    TAP_STR(rw("select ? -- what?\n, ?"), "select $1 -- what?\n, $2", "line comments skipped");
    TAP_STR(rw("select /* a ? /* nested ? */ */ ?"), "select /* a ? /* nested ? */ */ $1", "nested block comments skipped");
    TAP_STR(rw("select $$ ? $$, $tag$ ?$$ ? $tag$, ?"), "select $$ ? $$, $tag$ ?$$ ? $tag$, $1", "dollar quotes skipped");
    TAP_STR(rw("select $1"), "select $1", "$1 is not a dollar quote");
    TAP_STR(rw("select {d '2024-01-02'}"), "select DATE '2024-01-02'", "{d}");
    TAP_STR(rw("select {ts '2024-01-02 03:04:05'}"), "select TIMESTAMP '2024-01-02 03:04:05'", "{ts}");
    TAP_STR(rw("select {t '03:04:05'}"), "select TIME '03:04:05'", "{t}");
    TAP_STR(rw("select {fn UCASE(name)} from t"), "select UPPER(name) from t", "{fn UCASE}");
    TAP_STR(rw("select {fn IFNULL(a, ?)}"), "select COALESCE(a, $1)", "{fn} with a marker inside");
    TAP_STR(rw("select {fn CURDATE()}"), "select CURRENT_DATE", "{fn CURDATE()}");
    TAP_STR(rw("select * from {oj a left outer join b on a.x = b.x}"),
            "select * from a left outer join b on a.x = b.x", "{oj}");
    TAP_STR(rw("{call myproc(?, ?)}"), "CALL myproc($1, $2)", "{call}");
    TAP_STR(rw("{call myproc}"), "CALL myproc()", "{call} without arguments");
    TAP_STR(rw("select x from t where y like 'a\\_%' {escape '\\'}"),
            "select x from t where y like 'a\\_%' ESCAPE '\\'", "{escape}");
    TAP_STR(rw("select '{d 1}'"), "select '{d 1}'", "escapes inside literals untouched");
    TAP_STR(rw("select 'unterminated ?"), "select 'unterminated ?", "an unterminated literal swallows the rest");
    rw("select 1; ");
    TAP_OK(single && sel, "one statement with a trailing ';' is single, a SELECT");
    rw("select 1; select 2");
    TAP_OK(!single, "two statements are not single");
    rw("select ';' -- ; x\n;;");
    TAP_OK(single, "';' in literals and comments and repeated at the end do not count");
    rw("/* c */ (SELECT 1)");
    TAP_OK(single && sel, "a parenthesized SELECT after a comment");
    rw("insert into t select 1");
    TAP_OK(!sel, "INSERT ... SELECT is not a plain SELECT");
    rw("selectx()");
    TAP_OK(!sel, "selectx is not SELECT");
    TAP_STR(rw("{? = call f(?, ?)}"), "SELECT f($1, $2)", "{? = call}: a function called with SELECT, the return marker left out");
    TAP_OK(np == 3 && nserver == 2 && ret, "three application parameters, two for the server, the first a return value");
    TAP_STR(rw(" { ?=CALL f } "), " SELECT f() ", "{?=CALL f} without arguments or spaces");
    TAP_OK(np == 1 && nserver == 0 && ret, "one application parameter, none for the server");
    TAP_STR(rw("{? = call f('?', ?)}"), "SELECT f('?', $1)", "{? = call} with a literal '?' argument");
    TAP_OK(np == 2 && nserver == 1, "the literal is not a marker");
    TAP_STR(rw("{call p(?, ?)}"), "CALL p($1, $2)", "{call} keeps every marker");
    TAP_OK(np == 2 && nserver == 2 && !ret, "and has no return value");
    TAP_STR(rw("select ? = 1"), "select $1 = 1", "'? =' outside an escape is a comparison");
    TAP_OK(!ret, "no return value there");
    int d1[] = { 2, 0 }, d2[] = { 1, 0 }, d3[] = { 1, 3, 0 }, d4[] = { 1, 2, 0 };
    TAP_STR(rw_drop("{call p(?, ?, ?)}", d1), "CALL p($1, $2)", "drop the middle OUT argument");
    TAP_OK(np == 3 && nserver == 2, "three application parameters, two for the server");
    TAP_STR(rw_drop("{call p(?, ?, ?)}", d2), "CALL p($1, $2)", "drop the first argument and its comma");
    TAP_STR(rw_drop("{call p( ? ,?,  ? )}", d3), "CALL p($1 )", "drop the first and last");
    TAP_STR(rw_drop("{call p(?, ?)}", d4), "CALL p()", "drop every argument");
    TAP_OK(np == 2 && nserver == 0, "no server parameters left");
    TAP_STR(rw_drop("{call p(1, ?, 'a,b')}", d2), "CALL p(1, 'a,b')", "a literal argument stays");
    int d5[] = { 2, 0 };
    TAP_STR(rw_drop("{? = call f(?, ?)}", d5), "SELECT f($1)", "return value and a dropped argument");
    TAP_STR(rw_flags("select {fn NOW()}, {fn CURTIME()}", RS_SQLTEXT_REDSHIFT),
            "select GETDATE(), CAST(GETDATE() AS TIME)", "Redshift: the clock is GETDATE()");
    TAP_STR(rw_flags("select {fn NOW()}, {fn CURRENT_TIMESTAMP()}, {fn CURTIME()}", 0),
            "select LOCALTIMESTAMP, LOCALTIMESTAMP, LOCALTIME", "PostgreSQL: LOCALTIMESTAMP and LOCALTIME");
    TAP_STR(rw_flags("select {fn CURRENT_TIME(3)}", 0), "select CURRENT_TIME(3)", "CURRENT_TIME with a precision stays");
    TAP_STR(rw("select {fn LOCATE('b', 'abc')}"), "select STRPOS('abc', 'b')", "LOCATE(needle, haystack) is STRPOS(haystack, needle)");
    TAP_STR(rw("select {fn LOCATE(?, f(a, b), 2)}"),
            "select (CASE WHEN STRPOS(SUBSTRING(f(a, b) FROM 2), $1) = 0 THEN 0 ELSE STRPOS(SUBSTRING(f(a, b) FROM 2), $1) + (2) - 1 END)",
            "LOCATE with a start, nested commas kept together");
    TAP_STR(rw("select {fn CONVERT(x, SQL_INTEGER)}, {fn CONVERT('a,b', SQL_VARCHAR)}"),
            "select CAST(x AS INTEGER), CAST('a,b' AS VARCHAR(65535))", "{fn CONVERT} is CAST");
    TAP_STR(rw("select {fn CONVERT(x, SQL_NOSUCH)}"), "select CONVERT(x, SQL_NOSUCH)", "an unknown CONVERT type passes through");
    TAP_STR(rw("select {fn YEAR(d)}, {fn DAYOFWEEK(d)}"),
            "select CAST(FLOOR(DATE_PART('year', d)) AS INTEGER), (CAST(FLOOR(DATE_PART('dow', d)) AS INTEGER) + 1)",
            "date parts");
    TAP_STR(rw("select {fn MONTHNAME(d)}"), "select TO_CHAR(d, 'FMMonth')", "MONTHNAME");
    TAP_STR(rw("select {fn SPACE(3)}, {fn USER()}, {fn DATABASE()}"), "select REPEAT(' ', 3), CURRENT_USER, CURRENT_DATABASE()",
            "SPACE, USER, DATABASE");
    return TAP_DONE();
}
