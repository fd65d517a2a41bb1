/* fuzz_sqltext.c - the statement text rewriter (rs_sqltext_rewrite, rs_sqltext_rewrite_call):
 * '?' markers to $n and ODBC escapes ({fn}, {d}, {ts}, {call}, {?= call}, {oj}, {escape},
 * {interval}...) to Redshift SQL, past literals, identifiers, comments and dollar quotes.
 *
 * Control bytes: bit 0 = SQL_ATTR_NOSCAN, bit 1 = a {call} whose arguments 1..8 are dropped
 * as the next byte's bits say (OUT parameters). Properties: no more markers are counted
 * than the text has '?', no more are sent than counted; with NOSCAN and no '?' the text
 * comes back unchanged. */
#include "fuzz_util.h"

#include "stmt/sqltext.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    unsigned flags = fz_byte(&in);
    int noscan = flags & 1;
    unsigned char drop[9] = { 0 };
    if (flags & 2) {
        unsigned mask = fz_byte(&in);
        for (int k = 1; k < 9; k++)
            drop[k] = (mask >> (k - 1)) & 1;
    }
    const char *sql = (const char *)in.p;
    rs_sqltext out;
    char state[6] = "", why[256] = "";
    int rc = flags & 2 ? rs_sqltext_rewrite_call(sql, in.n, noscan, drop, 9, &out, state, why, sizeof why)
                       : rs_sqltext_rewrite(sql, in.n, noscan, &out, state, why, sizeof why);
    if (rc < 0) {
        FZ_CHECK(strlen(state) == 5 && why[0]);
        return 0;
    }
    FZ_CHECK(out.sql != NULL);
    size_t marks = 0;
    for (size_t i = 0; i < in.n; i++)
        marks += sql[i] == '?';
    FZ_CHECK(out.nparams >= 0 && (size_t)out.nparams <= marks);
    FZ_CHECK(out.nserver >= 0 && out.nserver <= out.nparams);
    if (noscan && !(flags & 2) && marks == 0 && !memchr(sql, '\0', in.n))
        FZ_CHECK(strlen(out.sql) == in.n && memcmp(out.sql, sql, in.n) == 0);
    free(out.sql);
    return 0;
}
