/* fuzz_connstr.c - connection strings (rs_connstr_parse) and every value through its
 * keyword's check (rs_keyword_validate), as SQLDriverConnect and DSN values reach them.
 *
 * Property: a parsed string written back with rs_connstr_append parses to the same pairs
 * (checked when the text holds no NUL, which ends a C string early). */
#include "fuzz_util.h"

#include "conn/connstr.h"
#include "conn/keywords.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_connstr cs;
    char why[512];
    if (rs_connstr_parse((const char *)data, size, &cs, why, sizeof why) < 0) {
        FZ_CHECK(cs.count == 0 && cs.pairs == NULL && why[0]);
        return 0;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (size_t i = 0; i < cs.count; i++) {
        FZ_CHECK(rs_connstr_append(&buf, &len, &cap, cs.pairs[i].key, cs.pairs[i].value) == 0);
        const rs_keyword *kw = rs_keyword_find(cs.pairs[i].key);
        long num = 0;
        if (kw)
            (void)rs_keyword_validate(kw, cs.pairs[i].value, &num, why, sizeof why);
        (void)rs_parse_bool(cs.pairs[i].value);
    }
    if (!memchr(data, '\0', size)) {
        rs_connstr again;
        FZ_CHECK(rs_connstr_parse(buf ? buf : "", len, &again, why, sizeof why) == 0);
        FZ_CHECK(again.count == cs.count);
        for (size_t i = 0; i < cs.count; i++) {
            FZ_CHECK(strcmp(again.pairs[i].key, cs.pairs[i].key) == 0);
            FZ_CHECK(strcmp(again.pairs[i].value, cs.pairs[i].value) == 0);
        }
        rs_connstr_free(&again);
    }
    free(buf);
    rs_connstr_free(&cs);
    return 0;
}
