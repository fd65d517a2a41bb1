/* ini.c - bounded parser for ~/.aws/config and ~/.aws/credentials. */
#include "aws/creds/ini.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Trim [*b, *e) in place. */
static void trim(const char **b, const char **e)
{
    while (*b < *e && is_blank(**b)) (*b)++;
    while (*e > *b && is_blank((*e)[-1])) (*e)--;
}

static char *dup_range(const char *b, const char *e)
{
    size_t n = (size_t)(e - b);
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, b, n);
        s[n] = '\0';
    }
    return s;
}

static void wipe_free(char *s)
{
    if (s) {
        explicit_bzero(s, strlen(s));
        free(s);
    }
}

static rs_ini_section *find_mut(rs_ini *ini, const char *b, size_t n)
{
    for (size_t i = 0; i < ini->n_sections; i++)
        if (strlen(ini->sections[i].name) == n && memcmp(ini->sections[i].name, b, n) == 0)
            return &ini->sections[i];
    return NULL;
}

/* Find or add a section; duplicates merge into the first. NULL when full (errno 0) or OOM. */
static rs_ini_section *open_section(rs_ini *ini, const char *b, const char *e)
{
    rs_ini_section *s = find_mut(ini, b, (size_t)(e - b));
    if (s)
        return s;
    errno = 0;
    if (ini->n_sections >= RS_INI_MAX_SECTIONS)
        return NULL;
    rs_ini_section *grown = realloc(ini->sections, (ini->n_sections + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    ini->sections = grown;
    s = &ini->sections[ini->n_sections];
    memset(s, 0, sizeof *s);
    s->name = dup_range(b, e);
    if (!s->name)
        return NULL;
    ini->n_sections++;
    return s;
}

/* Set key to value (both owned by the caller until success). Returns the prop, or NULL. */
static rs_ini_prop *set_prop(rs_ini_section *s, char *key, char *value)
{
    for (size_t i = 0; i < s->n_props; i++) {
        if (strcmp(s->props[i].key, key) == 0) {
            free(key);
            wipe_free(s->props[i].value);
            s->props[i].value = value;
            return &s->props[i];
        }
    }
    errno = 0;
    if (s->n_props >= RS_INI_MAX_PROPS)
        return NULL;
    rs_ini_prop *grown = realloc(s->props, (s->n_props + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    s->props = grown;
    s->props[s->n_props].key = key;
    s->props[s->n_props].value = value;
    return &s->props[s->n_props++];
}

/* Cut a " #..." or " ;..." comment from a value. */
static void cut_inline_comment(const char *b, const char **e)
{
    for (const char *p = b + 1; p < *e; p++) {
        if ((*p == '#' || *p == ';') && is_blank(p[-1])) {
            *e = p;
            break;
        }
    }
}

typedef struct parse_state {
    rs_ini_section *cur;      /* current section, NULL before the first header */
    char parent[128];         /* key whose empty value opened sub-properties */
    char last_key[RS_INI_MAX_LINE]; /* last property, for continuation lines */
} parse_state;

/* Parse "key = value" in [b, e). Returns 0, 1 when skipped, -1 on OOM. */
static int parse_property(rs_ini *ini, parse_state *st, const char *b, const char *e,
                          int inline_comments, int sub)
{
    const char *eq = memchr(b, '=', (size_t)(e - b));
    if (!eq || !st->cur)
        return 1;
    const char *kb = b, *ke = eq, *vb = eq + 1, *ve = e;
    trim(&kb, &ke);
    if (inline_comments)
        cut_inline_comment(vb, &ve);
    trim(&vb, &ve);
    if (kb == ke)
        return 1;
    size_t klen = (size_t)(ke - kb);
    size_t plen = sub ? strlen(st->parent) + 1 : 0;
    char *key = malloc(plen + klen + 1);
    if (!key)
        return -1;
    if (sub) {
        memcpy(key, st->parent, plen - 1);
        key[plen - 1] = '.';
    }
    for (size_t i = 0; i < klen; i++)
        key[plen + i] = (char)tolower((unsigned char)kb[i]);
    key[plen + klen] = '\0';
    char *value = dup_range(vb, ve);
    if (!value) {
        free(key);
        return -1;
    }
    if (!sub) {
        if (vb == ve && klen < sizeof st->parent)
            snprintf(st->parent, sizeof st->parent, "%s", key);
        else
            st->parent[0] = '\0';
    }
    snprintf(st->last_key, sizeof st->last_key, "%s", key);
    if (!set_prop(st->cur, key, value)) {
        int oom = errno != 0;
        free(key);
        wipe_free(value);
        ini->n_skipped += !oom;
        return oom ? -1 : 0;
    }
    return 0;
}

/* An indented line that continues the last non-empty value. */
static int continue_value(parse_state *st, const char *b, const char *e)
{
    for (size_t i = 0; i < st->cur->n_props; i++) {
        rs_ini_prop *p = &st->cur->props[i];
        if (strcmp(p->key, st->last_key) != 0)
            continue;
        size_t old = strlen(p->value), add = (size_t)(e - b);
        if (old + 1 + add > RS_INI_MAX_LINE)
            return 1;
        char *v = malloc(old + 1 + add + 1);
        if (!v)
            return -1;
        memcpy(v, p->value, old);
        v[old] = '\n';
        memcpy(v + old + 1, b, add);
        v[old + 1 + add] = '\0';
        wipe_free(p->value);
        p->value = v;
        return 0;
    }
    return 1;
}

static int parse_line(rs_ini *ini, parse_state *st, const char *b, const char *e, int inline_comments)
{
    int indented = b < e && is_blank(*b);
    trim(&b, &e);
    if (b == e || *b == '#' || *b == ';')
        return 0;
    if (*b == '[') {
        /* A malformed header drops the properties under it rather than filing them
         * under the previous section. */
        st->cur = NULL;
        st->parent[0] = st->last_key[0] = '\0';
        const char *close = memchr(b, ']', (size_t)(e - b));
        if (!close)
            goto skip;
        const char *rest = close + 1, *rest_e = e;
        trim(&rest, &rest_e);
        if (rest < rest_e && *rest != '#' && *rest != ';')
            goto skip;
        const char *nb = b + 1, *ne = close;
        trim(&nb, &ne);
        if (nb == ne)
            goto skip;
        st->cur = open_section(ini, nb, ne);
        st->parent[0] = st->last_key[0] = '\0';
        if (!st->cur)
            return errno ? -1 : (ini->n_skipped++, 0);
        return 0;
    }
    if (indented && st->cur && st->last_key[0]) {
        int r = st->parent[0] ? parse_property(ini, st, b, e, inline_comments, 1)
                              : continue_value(st, b, e);
        if (r < 0)
            return -1;
        if (r > 0)
            goto skip;
        return 0;
    }
    {
        int r = parse_property(ini, st, b, e, inline_comments, 0);
        if (r < 0)
            return -1;
        if (r == 0)
            return 0;
    }
skip:
    ini->n_skipped++;
    return 0;
}

int rs_ini_parse(const char *buf, size_t len, int inline_comments, rs_ini *out)
{
    memset(out, 0, sizeof *out);
    parse_state *st = calloc(1, sizeof *st);
    if (!st)
        return -1;
    const char *p = buf, *end = buf + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if ((size_t)(le - p) > RS_INI_MAX_LINE) {
            out->n_skipped++;
            st->parent[0] = st->last_key[0] = '\0';
        } else if (parse_line(out, st, p, le, inline_comments) < 0) {
            free(st);
            rs_ini_free(out);
            return -1;
        }
        p = nl ? nl + 1 : end;
    }
    explicit_bzero(st, sizeof *st);
    free(st);
    return 0;
}

int rs_ini_load(const char *path, int inline_comments, rs_ini *out, int *missing)
{
    memset(out, 0, sizeof *out);
    *missing = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            *missing = 1;
            return 0;
        }
        return -1;
    }
    struct stat sb;
    int e = 0;
    if (fstat(fd, &sb) != 0)
        e = errno;
    else if (!S_ISREG(sb.st_mode))
        e = EINVAL;
    else if (sb.st_size > RS_INI_MAX_FILE)
        e = EFBIG;
    if (e) {
        close(fd);
        errno = e;
        return -1;
    }
    size_t cap = (size_t)sb.st_size + 1, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return -1;
    }
    for (;;) {
        ssize_t n = read(fd, buf + len, cap - 1 - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            e = errno;
            close(fd);
            explicit_bzero(buf, len);
            free(buf);
            errno = e;
            return -1;
        }
        if (n == 0 || (len += (size_t)n) == cap - 1)
            break;
    }
    close(fd);
    buf[len] = '\0';
    int r = rs_ini_parse(buf, len, inline_comments, out);
    explicit_bzero(buf, len);
    free(buf);
    if (r < 0)
        errno = ENOMEM;
    return r;
}

const rs_ini_section *rs_ini_find(const rs_ini *ini, const char *name)
{
    for (size_t i = 0; i < ini->n_sections; i++)
        if (strcmp(ini->sections[i].name, name) == 0)
            return &ini->sections[i];
    return NULL;
}

const char *rs_ini_get(const rs_ini_section *sec, const char *key)
{
    if (!sec)
        return NULL;
    for (size_t i = 0; i < sec->n_props; i++)
        if (strcmp(sec->props[i].key, key) == 0)
            return sec->props[i].value;
    return NULL;
}

void rs_ini_free(rs_ini *ini)
{
    for (size_t i = 0; i < ini->n_sections; i++) {
        rs_ini_section *s = &ini->sections[i];
        for (size_t j = 0; j < s->n_props; j++) {
            free(s->props[j].key);
            wipe_free(s->props[j].value);
        }
        free(s->props);
        free(s->name);
    }
    free(ini->sections);
    memset(ini, 0, sizeof *ini);
}
