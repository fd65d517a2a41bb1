/* tap.h - a minimal TAP emitter for the unit tests. */
#ifndef RS_TAP_H
#define RS_TAP_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int tap_n;
static int tap_failed;

#define TAP_PLAN(n) printf("1..%d\n", (int)(n))
#define TAP_OK(cond, ...)                                                 \
    do {                                                                  \
        int tap_c_ = (cond) ? 1 : 0;                                      \
        printf("%s %d - ", tap_c_ ? "ok" : "not ok", ++tap_n);            \
        printf(__VA_ARGS__);                                              \
        printf("\n");                                                     \
        if (!tap_c_) {                                                    \
            tap_failed++;                                                 \
            printf("#   failed at %s:%d\n", __FILE__, __LINE__);          \
        }                                                                 \
        fflush(stdout);                                                   \
    } while (0)
#define TAP_STR(got, want, ...)                                           \
    do {                                                                  \
        const char *tap_g_ = (got), *tap_w_ = (want);                     \
        int tap_eq_ = tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0;    \
        TAP_OK(tap_eq_, __VA_ARGS__);                                     \
        if (!tap_eq_)                                                     \
            printf("#   got  \"%s\"\n#   want \"%s\"\n", tap_g_ ? tap_g_ : "(null)", \
                   tap_w_ ? tap_w_ : "(null)");                           \
    } while (0)
#define TAP_DONE() (tap_failed ? 1 : 0)

/* xorshift64: the same pseudo-random sequence on every run, for tests that sample inputs. */
static inline uint64_t tap_xorshift(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

#endif
