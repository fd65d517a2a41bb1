/* unit_double_text.c - double and float parameters are sent as the text "%.17g" ("%.9g")
 * prints; rs_double_text makes short exact values (integers, halves, quarters, ... up to
 * multiples of 2^-10) without printf. Its text must be snprintf's byte for byte: integers
 * up to and past 1e17, every multiple of 2^-m around the digit limits, random doubles of
 * every magnitude, zeros, signs, NaN and the infinities. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/cparam.h"
#include "tap.h"

static uint64_t rng = 0x2545F4914F6CDD1Du;
static uint64_t next(void)
{
    return tap_xorshift(&rng);
}

static long tried[2], wrong[2];
static char first_wrong[2][96];

static void check(double d, int is_float)
{
    char got[64], want[64];
    if (is_float)
        d = (double)(float)d;
    int n = rs_double_text(d, is_float, got, sizeof got);
    snprintf(want, sizeof want, is_float ? "%.9g" : "%.17g", d);
    if (isnan(d))
        snprintf(want, sizeof want, "NaN");
    else if (isinf(d))
        snprintf(want, sizeof want, "%sInfinity", d < 0 ? "-" : "");
    tried[is_float]++;
    if ((strcmp(got, want) != 0 || n != (int)strlen(want)) && wrong[is_float]++ == 0)
        snprintf(first_wrong[is_float], sizeof first_wrong[is_float], "%a: got %s want %s", d, got, want);
}

static void both(double d)
{
    check(d, 0);
    check(-d, 0);
    check(d, 1);
    check(-d, 1);
}

int main(void)
{
    TAP_PLAN(6);
    /* integers: small, around 2^53, around the 17- and 9-digit limits */
    for (long i = 0; i < 200000; i++)
        both((double)i);
    for (int e = 0; e <= 64; e++)
        for (int k = -3; k <= 3; k++)
            both(ldexp(1.0, e) + k);
    for (int e = 0; e <= 18; e++)
        for (int k = -3; k <= 3; k++) {
            double p = pow(10, e);
            both(p + k);
            both(nextafter(p, 0));
            both(nextafter(p, INFINITY));
        }
    /* multiples of 2^-m, m up to 12, near the limits of the digits */
    for (int m = 1; m <= 12; m++)
        for (int e = 0; e <= 18; e++)
            for (int k = -40; k <= 40; k++)
                both(floor(pow(10, e) * ldexp(1.0, m)) / ldexp(1.0, m) + ldexp(k, -m));
    /* the benchmark's values and their like: k/4 - 1000 */
    for (long k = 0; k < 200000; k++)
        both((double)k / 4.0 - 1000.0);
    /* random multiples of 2^-m with random integer parts */
    for (int i = 0; i < 300000; i++) {
        int m = (int)(next() % 13);
        uint64_t ip = next() >> (next() % 64);
        both((double)ip + ldexp((double)(next() % (1u << m)), -m));
    }
    /* random doubles of every magnitude (almost all need printf) */
    for (int i = 0; i < 300000; i++) {
        double mant = (double)(next() >> 11) / 9007199254740992.0;
        both(ldexp(mant + 0.5, (int)(next() % 200) - 100));
    }
    both(0.0);
    both(0.1);
    both(0.0009765625);
    both(0.00048828125);
    both(1e-5);
    both(NAN);
    both(INFINITY);
    both(1.7976931348623157e308);
    both(4.9406564584124654e-324);

    TAP_OK(tried[0] > 2000000, "%ld doubles tried", tried[0]);
    TAP_OK(wrong[0] == 0, "every double as %%.17g prints it (%ld wrong%s%s)", wrong[0],
           wrong[0] ? "; first: " : "", first_wrong[0]);
    TAP_OK(tried[1] > 2000000, "%ld floats tried", tried[1]);
    TAP_OK(wrong[1] == 0, "every float as %%.9g prints it (%ld wrong%s%s)", wrong[1],
           wrong[1] ? "; first: " : "", first_wrong[1]);
    char buf[64];
    TAP_STR((rs_double_text(-0.0, 0, buf, sizeof buf), buf), "-0", "negative zero keeps its sign");
    TAP_STR((rs_double_text(-999.75, 0, buf, sizeof buf), buf), "-999.75", "a quarter, exactly");
    return TAP_DONE();
}
