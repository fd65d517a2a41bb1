/* fuzz_ini.c - the AWS shared config/credentials file format (rs_ini_parse).
 *
 * Control byte: bit 0 = inline comments (the config file) or not (the credentials file).
 * Properties: every parsed section is found again by its name, every key in it is lower
 * case and found again, and the value found is that of the key's last occurrence. */
#include "fuzz_util.h"

#include "aws/creds/ini.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    int inline_comments = fz_byte(&in) & 1;
    rs_ini ini;
    FZ_CHECK(rs_ini_parse((const char *)in.p, in.n, inline_comments, &ini) == 0);
    FZ_CHECK(ini.n_sections <= RS_INI_MAX_SECTIONS);
    for (size_t i = 0; i < ini.n_sections; i++) {
        const rs_ini_section *s = &ini.sections[i];
        FZ_CHECK(s->n_props <= RS_INI_MAX_PROPS);
        const rs_ini_section *found = rs_ini_find(&ini, s->name);
        FZ_CHECK(found != NULL && strcmp(found->name, s->name) == 0);
        for (size_t j = 0; j < s->n_props; j++) {
            for (const char *k = s->props[j].key; *k; k++)
                FZ_CHECK(!(*k >= 'A' && *k <= 'Z'));
            const char *v = rs_ini_get(s, s->props[j].key);
            FZ_CHECK(v != NULL);
            size_t last = j;
            for (size_t k = j + 1; k < s->n_props; k++)
                if (strcmp(s->props[k].key, s->props[j].key) == 0)
                    last = k;
            FZ_CHECK(strcmp(v, s->props[last].value) == 0);
        }
    }
    rs_ini_free(&ini);
    FZ_CHECK(ini.n_sections == 0);
    return 0;
}
