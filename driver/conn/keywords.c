/* keywords.c - the keyword table and value validation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conn/keywords.h"

const rs_keyword rs_keywords[RS_KW_COUNT] = {
#define RS_KW(id, name, aliases, type, def, choices, min, max, secret, help) \
    { RS_KW_##id, name, aliases, RS_KT_##type, def, choices, min, max, secret, help },
#include "conn/keywords.def"
#undef RS_KW
};

/* True when name equals one of the '|'-separated words of list, ignoring case. */
static int in_list(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncasecmp(p, name, n) == 0)
            return 1;
        p = bar ? bar + 1 : NULL;
    }
    return 0;
}

const rs_keyword *rs_keyword_find(const char *name)
{
    for (int i = 0; i < RS_KW_COUNT; i++)
        if (strcasecmp(rs_keywords[i].name, name) == 0 || in_list(rs_keywords[i].aliases, name))
            return &rs_keywords[i];
    return NULL;
}

int rs_parse_bool(const char *v)
{
    static const char *const yes[] = { "1", "true", "yes", "on" };
    static const char *const no[] = { "0", "false", "no", "off" };
    for (size_t i = 0; i < 4; i++) {
        if (strcasecmp(v, yes[i]) == 0)
            return 1;
        if (strcasecmp(v, no[i]) == 0)
            return 0;
    }
    return -1;
}

/* Choices "a|b|c" shown as "a, b, c". */
static void list_choices(const char *choices, char *out, size_t outlen)
{
    size_t o = 0;
    for (const char *p = choices; *p && o + 3 < outlen; p++) {
        if (*p == '|') {
            out[o++] = ',';
            out[o++] = ' ';
        } else {
            out[o++] = *p;
        }
    }
    out[o] = '\0';
}

int rs_keyword_validate(const rs_keyword *kw, const char *value, long *num, char *why, size_t whylen)
{
    *num = 0;
    switch (kw->type) {
    case RS_KT_STRING:
        return 0;
    case RS_KT_BOOL: {
        int b = rs_parse_bool(value);
        if (b < 0) {
            snprintf(why, whylen, "Invalid value for %s: expected 1 or 0 (true/false, yes/no, on/off).",
                     kw->name);
            return -1;
        }
        *num = b;
        return 0;
    }
    case RS_KT_INT: {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        while (*end == ' ')
            end++;
        if (errno || end == value || *end || v < kw->min || v > kw->max) {
            snprintf(why, whylen, "Invalid value for %s: expected a whole number from %ld to %ld.",
                     kw->name, kw->min, kw->max);
            return -1;
        }
        *num = v;
        return 0;
    }
    case RS_KT_ENUM:
        if (!in_list(kw->choices, value)) {
            char list[256];
            list_choices(kw->choices, list, sizeof list);
            snprintf(why, whylen, "Invalid value for %s: expected one of %s.", kw->name, list);
            return -1;
        }
        return 0;
    }
    return 0;
}
