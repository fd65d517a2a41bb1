/* fuzz_textparse.c - the exact number and date/time parsers under the conversions
 * (types/textparse.c): rs_parse_num, rs_num_to_u64, rs_num_to_double, rs_parse_datetime.
 *
 * Properties: the parts of a number point inside the text and hold digits only; a value
 * that fits 64 bits agrees with strtoull on its integer digits; fields of a date/time are
 * within the documented ranges. */
#include "fuzz_util.h"

#include <math.h>

#include "types/textparse.h"

static int all_digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *v = (const char *)data;
    rs_num_parts n;
    if (rs_parse_num(v, size, &n) == 0) {
        FZ_CHECK(n.special || n.ilen + n.flen > 0);
        FZ_CHECK(!n.ilen || (n.ip >= v && n.ip + n.ilen <= v + size && all_digits(n.ip, n.ilen)));
        FZ_CHECK(!n.flen || (n.fp >= v && n.fp + n.flen <= v + size && all_digits(n.fp, n.flen)));
        uint64_t u;
        int frac = 0;
        if (!n.special && n.exp == 0 && rs_num_to_u64(&n, &u, &frac) == 0 && n.ilen > 0 && n.ilen < 64) {
            char digits[64];
            memcpy(digits, n.ip, n.ilen);
            digits[n.ilen] = '\0';
            FZ_CHECK(strtoull(digits, NULL, 10) == u);
        }
        if (!n.special)   /* NaN and the infinities are the caller's to handle */
            FZ_CHECK(!isnan(rs_num_to_double(&n)));
    }
    rs_dt_parts t;
    if (rs_parse_datetime(v, size, &t) == 0) {
        FZ_CHECK(t.has_date || t.has_time);
        if (t.has_date) {
            FZ_CHECK(t.month >= 1 && t.month <= 12 && t.day >= 1 && t.day <= 31);
            FZ_CHECK(rs_days_in_month(t.year, t.month) >= 28);
        }
        if (t.has_time)
            FZ_CHECK(t.hour >= 0 && t.hour <= 24 && t.minute >= 0 && t.minute <= 59 && t.second >= 0
                     && t.second <= 60 && t.fraction < 1000000000u);
    }
    return 0;
}
