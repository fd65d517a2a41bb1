/* unit_paramtarget.c - which column a marker of a plain INSERT goes into. */
#include <stdlib.h>
#include <string.h>

#include "stmt/paramtarget.h"
#include "tap.h"

static char got[256];

/* "table|column" or "table|#position", or "none". */
static const char *target(const char *sql, int nparams, int snum)
{
    const char *name;
    size_t namelen;
    char *column = NULL;
    int position = -1;
    if (rs_param_target_parse(sql, nparams, snum, &name, &namelen, &column, &position) < 0)
        return "none";
    if (column)
        snprintf(got, sizeof got, "%.*s|%s", (int)namelen, name, column);
    else
        snprintf(got, sizeof got, "%.*s|#%d", (int)namelen, name, position);
    free(column);
    return got;
}

int main(void)
{
    TAP_PLAN(11);
    TAP_STR(target("INSERT INTO t (a, b) VALUES ($1, $2)", 2, 2), "t|b", "second column");
    TAP_STR(target("insert into s.t (A, \"B\"\"x\") values ($1, $2)", 2, 1), "s.t|a", "unquoted folds to lower case");
    TAP_STR(target("insert into s.t (A, \"B\"\"x\") values ($1, $2)", 2, 2), "s.t|B\"x", "quoted keeps case, \"\" undoubled");
    TAP_STR(target("INSERT INTO \"My T\" VALUES ($1, $2)", 2, 2), "\"My T\"|#1", "no column list: the position");
    TAP_STR(target("INSERT INTO t (a, b) VALUES ($1 + 1, $2)", 2, 1), "none", "an expression is no bare marker");
    TAP_STR(target("INSERT INTO t (a, b) VALUES ($1 + 1, $2)", 2, 2), "t|b", "the bare one beside it");
    TAP_STR(target("INSERT INTO t (a, b, c) VALUES (f($1, 'x,y'), 3, $2)", 2, 2), "t|c", "commas in calls and literals");
    TAP_STR(target("INSERT INTO t (a) SELECT $1", 1, 1), "none", "INSERT ... SELECT");
    TAP_STR(target("UPDATE t SET a = $1", 1, 1), "none", "not an INSERT");
    TAP_STR(target("INSERT INTO t (a, b) VALUES ($1, $2) RETURNING a", 2, 1), "none", "RETURNING");
    TAP_STR(target("INSERT INTO t (a, b) VALUES ($1, $2)", 2, 3), "none", "no such marker");
    return TAP_DONE();
}
