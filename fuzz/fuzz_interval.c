/* fuzz_interval.c - interval text in the three IntervalStyles and the SQL-standard forms
 * (rs_interval_parse), into every C interval structure (rs_interval_to_struct) and back to
 * text (rs_interval_format); also application structures of any content formatted.
 *
 * Input: a control byte (the C interval type), then the text; the same bytes are also read
 * as an SQL_INTERVAL_STRUCT. Property: a structure from the server's text, formatted and
 * parsed again, gives the same structure (when the server's limits let the text parse). */
#include "fuzz_util.h"

#include "types/interval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    SQLSMALLINT pick = (SQLSMALLINT)(SQL_C_INTERVAL_YEAR + fz_byte(&in) % 14);  /* 13 types and one beyond */
    rs_interval iv;
    char text[128];
    if (rs_interval_parse((const char *)in.p, in.n, &iv) == 0) {
        for (SQLSMALLINT ct = SQL_C_INTERVAL_YEAR; ct <= SQL_C_INTERVAL_MINUTE_TO_SECOND; ct++) {
            SQL_INTERVAL_STRUCT s1, s2;
            int rc = rs_interval_to_struct(&iv, ct, &s1);
            if (rc == RS_IV_OVERFLOW)
                continue;
            FZ_CHECK(rc == RS_IV_OK || rc == RS_IV_TRUNCATED);
            int n = rs_interval_format(&s1, ct, text, sizeof text);
            FZ_CHECK(n > 0 && (size_t)n == strlen(text));
            rs_interval iv2;
            if (rs_interval_parse(text, (size_t)n, &iv2) == 0) {
                FZ_CHECK(rs_interval_to_struct(&iv2, ct, &s2) == RS_IV_OK);
                /* a value truncated to zero ("-2 secs" as minutes) keeps its sign in s1 */
                s2.interval_sign = s1.interval_sign;
                FZ_CHECK(memcmp(&s1, &s2, sizeof s1) == 0);
                FZ_CHECK(rc == RS_IV_TRUNCATED || s1.interval_sign == (iv2.months < 0 || (__int128)iv2.days * 86400000000LL + iv2.usec < 0 ? SQL_TRUE : SQL_FALSE));
            }
        }
    }
    SQL_INTERVAL_STRUCT raw;
    memset(&raw, 0, sizeof raw);
    memcpy(&raw, in.p, in.n < sizeof raw ? in.n : sizeof raw);
    memset(text, 'X', sizeof text);
    int n = rs_interval_format(&raw, pick, text, sizeof text);
    FZ_CHECK(n < 0 || (size_t)n == strlen(text));
    (void)rs_interval_is_year_month(pick);
    (void)rs_interval_typmod_is_year_month((int)(in.n ? in.p[0] * 0x10001u : 0));
    return 0;
}
