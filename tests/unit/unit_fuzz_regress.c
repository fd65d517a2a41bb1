/* unit_fuzz_regress.c - inputs the fuzz targets (fuzz/) found to break the driver, kept as
 * plain assertions so make check (and its ASan/UBSan build) catches a regression without
 * clang or libFuzzer. Each case names the target that found it. */
#include <string.h>

#include "tap.h"
#include "types/convert.h"
#include "types/pgtypes.h"
#include "types/textparse.h"

static rs_diag diag;

static SQLRETURN conv(const char *v, unsigned oid, SQLSMALLINT ctype, void *buf)
{
    rs_diag_clear(&diag);
    rs_conv_target t = { ctype, buf, 0, 0, 0 };
    rs_conv_where w = { &diag, 1, 1, NULL };
    SQLLEN len;
    return rs_text_to_c(v, strlen(v), oid, &t, &len, &w);
}

int main(void)
{
    TAP_PLAN(4);

    /* fuzz_convert: a year of more digits than an int holds overflowed while parsing
     * (signed overflow, UBSan) instead of being refused */
    rs_dt_parts d;
    TAP_OK(rs_parse_datetime("22222222222222-01-01", 20, &d) == -1, "a 14-digit year is no date");
    SQL_DATE_STRUCT ds;
    TAP_OK(conv("22222222222222-01-01", RS_OID_DATE, SQL_C_TYPE_DATE, &ds) == SQL_ERROR && diag.count == 1,
           "a 14-digit year as SQL_C_TYPE_DATE is an error with a diagnostic");
    TAP_OK(rs_parse_datetime("294276-12-31 23:59:59", 21, &d) == 0 && d.year == 294276,
           "the largest year the server prints still parses");
    TAP_OK(rs_parse_datetime("4714-11-24 BC", 13, &d) == 0 && d.year == -4713, "BC years still parse");

    rs_diag_free(&diag);
    return TAP_DONE();
}
