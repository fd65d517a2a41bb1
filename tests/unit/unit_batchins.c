/* unit_batchins.c - which INSERTs a parameter array may send as one multi-row INSERT, and the
 * text of that INSERT (markers renumbered, literals and comments untouched). */
#include <stdlib.h>
#include <string.h>

#include "stmt/batchins.h"
#include "stmt/sqltext.h"
#include "tap.h"

static char out[16384];

/* The multi-row text for `rows` sets of what the application wrote, or "NO" when it does not
 * qualify. */
static const char *multi(const char *in, int rows)
{
    rs_sqltext t;
    char state[6], why[128];
    rs_batchins b;
    if (rs_sqltext_rewrite(in, strlen(in), 0, &t, state, why, sizeof why) < 0)
        return "ERROR";
    if (!rs_batchins_shape(t.sql, t.nparams, &b)) {
        free(t.sql);
        return "NO";
    }
    char *m = rs_batchins_text(t.sql, &b, t.nparams, rows);
    snprintf(out, sizeof out, "%s", m ? m : "OOM");
    free(m);
    free(t.sql);
    return out;
}

int main(void)
{
    TAP_STR(multi("INSERT INTO t (a, b) VALUES (?, ?)", 3),
            "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ($5, $6)", "two columns, three sets");
    TAP_STR(multi("insert into s.\"T x\" values (?)", 2), "insert into s.\"T x\" values ($1), ($2)",
            "lower case, a qualified quoted name, no column list");
    TAP_STR(multi("INSERT INTO t (a, b) VALUES (? + 1, 'x?$1' || ?, DEFAULT, f(?, 2)) ;", 2),
            "INSERT INTO t (a, b) VALUES ($1 + 1, 'x?$1' || $2, DEFAULT, f($3, 2)), ($4 + 1, 'x?$1' || $5, DEFAULT, f($6, 2))",
            "expressions, literals with marker-like text, DEFAULT, nested parentheses; the ';' dropped");
    TAP_STR(multi("/* c */ INSERT INTO t VALUES (? /* ? */, $$?$$) -- end", 2),
            "/* c */ INSERT INTO t VALUES ($1 /* ? */, $$?$$), ($2 /* ? */, $$?$$)",
            "comments and dollar quotes");
    TAP_STR(multi("INSERT INTO db.s.t (a) VALUES (?)", 1), "INSERT INTO db.s.t (a) VALUES ($1)", "one set");
    TAP_OK(strstr(multi("INSERT INTO t (a) VALUES (?)", 1000), "($1000)") != NULL, "set 1000's marker is $1000");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?) RETURNING a", 2), "NO", "RETURNING does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING", 2), "NO", "ON CONFLICT does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?), (?)", 2), "NO", "several tuples do not qualify");
    TAP_STR(multi("INSERT INTO t (a) SELECT ?", 2), "NO", "INSERT ... SELECT does not qualify");
    TAP_STR(multi("INSERT INTO t DEFAULT VALUES", 2), "NO", "DEFAULT VALUES (no markers) does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (1)", 2), "NO", "no markers: nothing to batch");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?); SELECT 1", 2), "NO", "a second statement does not qualify");
    TAP_STR(multi("WITH x AS (SELECT 1) INSERT INTO t (a) VALUES (?)", 2), "NO", "WITH ... INSERT does not qualify");
    TAP_STR(multi("UPDATE t SET a = ?", 2), "NO", "UPDATE does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?, $1)", 2), "NO", "a marker written as $1 by hand does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?", 2), "NO", "an unclosed tuple does not qualify");
    TAP_STR(multi("INSERT INTO t (a) VALUES (?) x", 2), "NO", "trailing text does not qualify");
    TAP_OK(rs_batchins_max_rows(4) == RS_BATCH_MAX_ROWS, "4 markers: %d sets a batch", RS_BATCH_MAX_ROWS);
    TAP_OK(rs_batchins_max_rows(100) == 655, "100 markers: 655 sets (libpq's 65535 parameters)");
    TAP_OK(rs_batchins_max_rows(40000) == 1, "40000 markers: one set");
    TAP_PLAN(tap_n);
    return TAP_DONE();
}
