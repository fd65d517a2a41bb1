/* unit_fast_strtod.c - the exact decimal-to-double shortcut the fetch path uses for float8,
 * float4 and numeric text must give strtod's double bit for bit whenever it answers: random
 * doubles printed as the server prints them (shortest round trip) and with 15 to 17 digits,
 * random digit strings with exponents, the halfway cases around 2^53, zeros and signs. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/convert.h"
#include "tap.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;
static uint64_t next(void)
{
    return tap_xorshift(&rng);
}

static long tried, answered, wrong;
static char first_wrong[64];

static void check(const char *s)
{
    double fast, slow = strtod(s, NULL);
    tried++;
    if (rs_fast_strtod(s, strlen(s), &fast) < 0)
        return;
    answered++;
    if (memcmp(&fast, &slow, sizeof fast) != 0 && wrong++ == 0)
        snprintf(first_wrong, sizeof first_wrong, "%s", s);
}

/* The shortest %.*g that reads back as d (what PostgreSQL 12+ prints for float8). */
static void shortest(double d, char *buf, size_t n)
{
    for (int p = 1; p <= 17; p++) {
        snprintf(buf, n, "%.*g", p, d);
        if (strtod(buf, NULL) == d)
            return;
    }
}

int main(void)
{
    char buf[64];
    /* doubles of every magnitude the shortcut takes, and beyond */
    for (int i = 0; i < 200000; i++) {
        double m = (double)(next() >> 11) / 9007199254740992.0;   /* [0, 1) with 53 bits */
        int e = (int)(next() % 80) - 40;
        double d = ldexp(m + 0.5, (int)(e * 3.32));
        if (next() & 1)
            d = -d;
        shortest(d, buf, sizeof buf);
        check(buf);
        for (int p = 15; p <= 17; p++) {
            snprintf(buf, sizeof buf, "%.*g", p, d);
            check(buf);
        }
    }
    long doubles_answered = answered, doubles_tried = tried;
    /* decimal strings: up to 20 digits, a point anywhere, an exponent */
    for (int i = 0; i < 200000; i++) {
        int nd = 1 + (int)(next() % 20), point = (int)(next() % (uint64_t)(nd + 1));
        char *p = buf;
        if (next() & 1)
            *p++ = '-';
        for (int k = 0; k < nd; k++) {
            if (k == point && k > 0)
                *p++ = '.';
            *p++ = (char)('0' + next() % 10);
        }
        if (next() % 3 == 0)
            p += sprintf(p, "e%d", (int)(next() % 70) - 35);
        *p = '\0';
        check(buf);
    }
    /* the halfway cases next to 2^53 and a few fixed ones */
    static const char *const fixed[] = {
        "9007199254740993", "9007199254740995", "9007199254740992", "18014398509481986",
        "0", "-0", "0.0", "-0.000", "1", "-1", "0.1", "0.3", "1e22", "1e23", "1.7976931348623157e308",
        "2.2250738585072014e-308", "4.9e-324", "123456789012345678", "1234567890123456789",
        "0.1234567890123456789", "-71428.42857142857", "3.141592653589793", "1e-27", "1e27", "5e-28",
    };
    for (size_t k = 0; k < sizeof fixed / sizeof *fixed; k++)
        check(fixed[k]);
    /* exact halfway points between neighbouring doubles above 2^53: the shortcut must leave
     * them to strtod or get them right */
    for (int i = 0; i < 20000; i++) {
        uint64_t a = (1ull << 53) + (next() % (1ull << 53));
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)(2 * a + 1));
        check(buf);
    }
    TAP_OK(wrong == 0, "the shortcut agrees with strtod bit for bit: %ld answered of %ld tried, %ld wrong%s%s",
           answered, tried, wrong, wrong ? ", first: " : "", first_wrong);
    if (rs_fast_strtod_available())
        TAP_OK(doubles_answered * 10 >= doubles_tried * 6,
               "it answers most doubles as the server prints them (%ld of %ld)", doubles_answered, doubles_tried);
    else
        TAP_OK(doubles_answered * 10 >= doubles_tried * 2,
               "without x87 extended precision (or under valgrind) it still answers the short ones in double "
               "precision (%ld of %ld)", doubles_answered, doubles_tried);
    /* the double-precision way: every significand up to 15 digits with a power of ten within
     * 22 is answered, x87 or not, and agrees with strtod (check) */
    long short_tried = 0, short_answered = 0;
    for (int i = 0; i < 100000; i++) {
        unsigned long long sig = next() % 1000000000000000ull;
        int e = (int)(next() % 45) - 22;
        snprintf(buf, sizeof buf, "%s%llue%d", next() & 1 ? "-" : "", sig ? sig : 1, e);
        double v;
        short_tried++;
        short_answered += rs_fast_strtod(buf, strlen(buf), &v) == 0;
        check(buf);
    }
    TAP_OK(short_answered == short_tried, "up to 15 digits times 10^-22..10^22: all answered (%ld of %ld)",
           short_answered, short_tried);
    TAP_OK(wrong == 0, "and all of them as strtod gives them (%ld wrong in all%s%s)", wrong,
           wrong ? ", first: " : "", first_wrong);
    double d;
    TAP_OK(rs_fast_strtod("NaN", 3, &d) < 0 && rs_fast_strtod("Infinity", 8, &d) < 0 &&
           rs_fast_strtod("", 0, &d) < 0 && rs_fast_strtod("1e", 2, &d) < 0 && rs_fast_strtod(" 1", 2, &d) < 0 &&
           rs_fast_strtod("1x", 2, &d) < 0 && rs_fast_strtod("-", 1, &d) < 0 && rs_fast_strtod(".", 1, &d) < 0,
           "NaN, Infinity, empty, a bare exponent, blanks, junk: left to the general path");
    TAP_OK(rs_fast_strtod("-0", 2, &d) == 0 && d == 0 && signbit(d), "-0 keeps its sign");
    TAP_PLAN(tap_n);
    return TAP_DONE();
}
