/* unit_text.c - UTF-8 / UTF-16 conversion and copying strings out to application buffers. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "util/text.h"

int main(void)
{
    TAP_PLAN(20);
    /* "aé日😀": 1 + 2 + 3 + 4 bytes; 1 + 1 + 1 + 2 UTF-16 units */
    const char *s = "a\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80";
    SQLWCHAR w[16];
    size_t need = rs_utf8_to_utf16(s, strlen(s), w, 16, 1, NULL);
    TAP_OK(need == 5, "5 UTF-16 units needed (got %zu)", need);
    TAP_OK(w[0] == 'a' && w[1] == 0xE9 && w[2] == 0x65E5, "BMP characters");
    TAP_OK(w[3] == 0xD83D && w[4] == 0xDE00 && w[5] == 0, "a surrogate pair and the NUL");

    char back[64];
    size_t n = rs_utf16_to_utf8(w, 5, back);
    TAP_OK(n == strlen(s) && strcmp(back, s) == 0, "round trip to UTF-8");

    /* truncation never splits a surrogate pair */
    SQLWCHAR small[5];
    size_t consumed = 0;
    need = rs_utf8_to_utf16(s, strlen(s), small, 5, 1, &consumed);
    TAP_OK(need == 5 && small[3] == 0 && consumed == 6, "4 units of room: 3 characters, NUL, pair kept whole");

    /* lone surrogates and bad UTF-8 become U+FFFD */
    SQLWCHAR lone[] = { 'x', 0xD800, 'y', 0 };
    n = rs_utf16_to_utf8(lone, 3, back);
    TAP_STR(back, "x\xef\xbf\xbdy", "a lone surrogate becomes U+FFFD");
    need = rs_utf8_to_utf16("\xff" "a", 2, w, 16, 1, NULL);
    TAP_OK(need == 2 && w[0] == 0xFFFD && w[1] == 'a', "an invalid byte becomes U+FFFD");
    need = rs_utf8_to_utf16("\xe6\x97", 2, w, 16, 1, NULL);
    TAP_OK(need == 2 && w[0] == 0xFFFD, "a truncated sequence decodes as replacement characters");
    need = rs_utf8_to_utf16("\xc0\xaf", 2, w, 16, 1, NULL);
    TAP_OK(w[0] == 0xFFFD, "an overlong encoding is refused");

    /* rs_out_a: truncation on a character boundary, length of the whole */
    SQLCHAR buf[4];
    SQLLEN len;
    TAP_OK(rs_out_a("a\xc3\xa9z", buf, 3, &len) == 1 && len == 4, "A output truncated, full length reported");
    TAP_STR((char *)buf, "a", "no half character left in the buffer");
    TAP_OK(rs_out_a("ab", buf, 4, &len) == 0 && len == 2 && strcmp((char *)buf, "ab") == 0, "fits");
    TAP_OK(rs_out_a("ab", NULL, 0, &len) == 0 && len == 2, "NULL buffer: length only, no truncation");

    /* rs_out_w: per character and per byte lengths */
    SQLWCHAR wb[3];
    TAP_OK(rs_out_w(s, wb, 3, &len, 1) == 1 && len == 5, "W output in characters: 5, truncated");
    TAP_OK(wb[0] == 'a' && wb[1] == 0xE9 && wb[2] == 0, "two characters and the NUL");
    TAP_OK(rs_out_w(s, wb, sizeof wb, &len, 0) == 1 && len == 10, "W output in bytes: 10");
    TAP_OK(rs_out_w("", wb, 3, &len, 1) == 0 && len == 0 && wb[0] == 0, "empty string");

    /* rs_wdup / rs_adup */
    int oom;
    char *d = rs_wdup(w, SQL_NTS, &oom);
    TAP_OK(d && !oom, "rs_wdup of a NUL-terminated string");
    free(d);
    SQLWCHAR two[] = { 'h', 'i', 'x', 0 };
    d = rs_wdup(two, 2, &oom);
    TAP_STR(d, "hi", "rs_wdup honours the length in characters");
    free(d);
    d = rs_adup((const SQLCHAR *)"hello", 3, &oom);
    TAP_STR(d, "hel", "rs_adup honours the length in bytes");
    free(d);
    return TAP_DONE();
}
