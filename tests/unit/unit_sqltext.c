/* unit_sqltext.c - '?' markers and ODBC escapes, skipping literals, identifiers, comments and
 * dollar quotes. */
#include <stdlib.h>
#include <string.h>

#include "stmt/sqltext.h"
#include "tap.h"

static char out[1024];
static int np, single, sel;

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
    free(t.sql);
    return out;
}

int main(void)
{
    TAP_PLAN(29);
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
    return TAP_DONE();
}
