/* fuzz_text.c - UTF-8 <-> UTF-16 (util/text.c) as every W entry point uses it: rs_wdup,
 * rs_utf8_to_utf16 with any capacity, rs_utf16_to_utf8, and writing a driver string into an
 * application buffer of any size with rs_out_a / rs_out_w (exact-size heap buffers).
 *
 * Control bytes: a buffer size (0..255) and flags. Properties: the counted length agrees
 * with rs_utf16_length, no more units are written than the capacity, output is terminated
 * inside the buffer, a conversion round trip is stable after the first pass, and ASCII
 * comes back unchanged. */
#include "fuzz_util.h"

#include "util/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    size_t cap = fz_byte(&in);
    unsigned flags = fz_byte(&in);
    const char *s = (const char *)in.p;
    size_t len = in.n;

    /* UTF-8 -> UTF-16 into a buffer of cap units */
    size_t need = rs_utf16_length(s, len);
    SQLWCHAR *w = malloc((cap ? cap : 1) * sizeof *w);
    FZ_CHECK(w != NULL);
    size_t consumed = (size_t)-1;
    int nul = flags & 1;
    FZ_CHECK(rs_utf8_to_utf16(s, len, w, cap, nul, &consumed) == need);
    FZ_CHECK(consumed <= len);
    if (nul && cap > 0) {
        size_t units = 0;
        while (units < cap && w[units])
            units++;
        FZ_CHECK(units < cap);
    }
    free(w);

    /* whole round trip: UTF-8 -> UTF-16 -> UTF-8 -> UTF-16 is stable after the first pass */
    SQLWCHAR *w1 = malloc((need + 1) * sizeof *w1);
    FZ_CHECK(w1 != NULL);
    FZ_CHECK(rs_utf8_to_utf16(s, len, w1, need + 1, 1, &consumed) == need && consumed == len);
    char *u = malloc(need * 3 + 1);
    FZ_CHECK(u != NULL);
    size_t ulen = rs_utf16_to_utf8(w1, need, u);
    FZ_CHECK(ulen <= need * 3 && u[ulen] == '\0');
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    if (ascii)
        FZ_CHECK(ulen == len && memcmp(u, s, len) == 0);
    size_t need2 = rs_utf16_length(u, ulen);
    FZ_CHECK(need2 == need);
    SQLWCHAR *w2 = malloc((need2 + 1) * sizeof *w2);
    FZ_CHECK(w2 != NULL);
    rs_utf8_to_utf16(u, ulen, w2, need2 + 1, 1, NULL);
    FZ_CHECK(memcmp(w1, w2, need * sizeof *w1) == 0);
    free(w2);

    /* rs_wdup of the input read as UTF-16 units, counted and terminated */
    size_t units = len / sizeof(SQLWCHAR);
    SQLWCHAR *win = malloc((units + 1) * sizeof *win);
    FZ_CHECK(win != NULL);
    memcpy(win, s, units * sizeof *win);
    win[units] = 0;
    int oom;
    char *d1 = rs_wdup(win, (SQLLEN)units, &oom);
    char *d2 = rs_wdup(win, SQL_NTS, &oom);
    FZ_CHECK(d1 && d2 && strlen(d1) <= units * 3 && strlen(d2) <= strlen(d1) + 0 * units);
    FZ_CHECK(strncmp(d1, d2, strlen(d2)) == 0);
    free(d1);
    free(d2);
    free(win);
    char *a = rs_adup((const SQLCHAR *)s, (SQLLEN)len, &oom);
    FZ_CHECK(a && memcmp(a, s, len) == 0 && a[len] == '\0');

    /* out to application buffers of cap bytes / cap units */
    SQLCHAR *ob = malloc(cap ? cap : 1);
    FZ_CHECK(ob != NULL);
    SQLLEN outlen = -1;
    int trunc = rs_out_a(u, ob, (SQLLEN)cap, &outlen);
    FZ_CHECK(outlen == (SQLLEN)strlen(u));
    if (cap > 0) {
        FZ_CHECK(memchr(ob, '\0', cap) != NULL);
        size_t got = strlen((char *)ob);
        FZ_CHECK(strncmp((char *)ob, u, got) == 0);
        FZ_CHECK(trunc == (got < strlen(u)));
    }
    free(ob);
    int per_char = (flags >> 1) & 1;
    size_t wbytes = per_char ? cap * sizeof(SQLWCHAR) : cap;
    SQLWCHAR *ow = malloc(wbytes ? wbytes : 1);
    FZ_CHECK(ow != NULL);
    outlen = -1;
    trunc = rs_out_w(u, ow, (SQLLEN)cap, &outlen, per_char);
    size_t want = rs_utf16_length(u, strlen(u));
    FZ_CHECK(outlen == (SQLLEN)(per_char ? want : want * sizeof(SQLWCHAR)));
    size_t wcap = per_char ? cap : cap / sizeof(SQLWCHAR);
    if (wcap > 0) {
        size_t got = 0;
        while (got < wcap && ow[got])
            got++;
        FZ_CHECK(got < wcap);
        FZ_CHECK(trunc == (got < want));
    }
    free(ow);
    free(a);
    free(u);
    free(w1);
    return 0;
}
