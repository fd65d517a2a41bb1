/* connstr.c - connection string splitting and building. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/connstr.h"
#include "util/text.h"

#define MAX_CONNSTR 65536     /* the whole string */
#define MAX_PAIRS 256

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static char *dup_range(const char *s, size_t n)
{
    char *r = malloc(n + 1);
    if (r) {
        memcpy(r, s, n);
        r[n] = '\0';
    }
    return r;
}

static int add_pair(rs_connstr *out, char *key, char *value)
{
    rs_connstr_pair *n = realloc(out->pairs, (out->count + 1) * sizeof *n);
    if (!n)
        return -1;
    out->pairs = n;
    out->pairs[out->count].key = key;
    out->pairs[out->count].value = value;
    out->count++;
    return 0;
}

int rs_connstr_parse(const char *text, size_t len, rs_connstr *out, char *why, size_t whylen)
{
    out->pairs = NULL;
    out->count = 0;
    if (len > MAX_CONNSTR) {
        snprintf(why, whylen, "The connection string is longer than %d bytes.", MAX_CONNSTR);
        return -1;
    }
    size_t i = 0;
    while (i < len) {
        while (i < len && (is_space(text[i]) || text[i] == ';'))
            i++;
        if (i >= len)
            break;
        size_t ks = i;
        while (i < len && text[i] != '=' && text[i] != ';')
            i++;
        size_t ke = i;
        while (ke > ks && is_space(text[ke - 1]))
            ke--;
        if (i >= len || text[i] != '=') {
            /* The stray text is not quoted back: it is often the tail of a password that
             * held a ';' without braces. Say where it is instead. */
            if (out->count)
                snprintf(why, whylen, "Connection string: the text after the value of %.64s (at byte %zu) "
                         "has no '=' (expected KEY=value; a value containing ';' must be braced: KEY={va;lue}).",
                         out->pairs[out->count - 1].key, ks + 1);
            else
                snprintf(why, whylen, "Connection string: the text at byte %zu has no '=' (expected KEY=value).",
                         ks + 1);
            goto fail;
        }
        if (ke == ks) {
            snprintf(why, whylen, "Connection string: an '=' has no keyword before it.");
            goto fail;
        }
        i++; /* '=' */
        while (i < len && is_space(text[i]))
            i++;
        char *value;
        if (i < len && text[i] == '{') {
            /* braced: up to the first '}' not doubled; "}}" is a literal '}'. Measured first,
             * so the value takes its own length, not the rest of the string (256 braced
             * values in a 64 KiB string would otherwise hold 16 MiB). */
            size_t vs = ++i, n = 0, o = 0;
            int closed = 0;
            while (i < len) {
                if (text[i] == '}') {
                    if (i + 1 < len && text[i + 1] == '}') {
                        n++;
                        i += 2;
                        continue;
                    }
                    closed = 1;
                    break;
                }
                n++;
                i++;
            }
            if (!closed) {
                snprintf(why, whylen, "Connection string: the value of %.*s opens '{' but never closes it with '}'.",
                         (int)((ke - ks) > 64 ? 64 : (ke - ks)), text + ks);
                goto fail;
            }
            value = malloc(n + 1);
            if (!value)
                goto oom;
            for (size_t k = vs; k < i; k++) {
                value[o++] = text[k];
                if (text[k] == '}')
                    k++;   /* the second of "}}" */
            }
            value[o] = '\0';
            i++; /* the closing '}' */
            while (i < len && is_space(text[i]))
                i++;
            if (i < len && text[i] != ';') {
                explicit_bzero(value, o);
                free(value);
                snprintf(why, whylen, "Connection string: unexpected text after the '}' closing the value of %.*s.",
                         (int)((ke - ks) > 64 ? 64 : (ke - ks)), text + ks);
                goto fail;
            }
        } else {
            size_t vs = i;
            while (i < len && text[i] != ';')
                i++;
            size_t ve = i;
            while (ve > vs && is_space(text[ve - 1]))
                ve--;
            value = dup_range(text + vs, ve - vs);
            if (!value)
                goto oom;
        }
        if (out->count >= MAX_PAIRS) {
            rs_free_secret(value);
            snprintf(why, whylen, "The connection string has more than %d keywords.", MAX_PAIRS);
            goto fail;
        }
        char *key = dup_range(text + ks, ke - ks);
        if (!key || add_pair(out, key, value) < 0) {
            free(key);
            rs_free_secret(value);
            goto oom;
        }
    }
    return 0;
oom:
    snprintf(why, whylen, "Out of memory while reading the connection string.");
fail:
    rs_connstr_free(out);
    return -1;
}

void rs_connstr_free(rs_connstr *cs)
{
    for (size_t i = 0; i < cs->count; i++) {
        free(cs->pairs[i].key);
        rs_free_secret(cs->pairs[i].value);
    }
    free(cs->pairs);
    cs->pairs = NULL;
    cs->count = 0;
}

static int needs_braces(const char *v)
{
    if (!*v)
        return 0;
    if (is_space(v[0]) || is_space(v[strlen(v) - 1]) || v[0] == '{')
        return 1;
    return strpbrk(v, ";}=") != NULL;
}

static int put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t ncap = (*cap ? *cap * 2 : 256);
        while (ncap < *len + n + 1)
            ncap *= 2;
        char *b = realloc(*buf, ncap);
        if (!b)
            return -1;
        *buf = b;
        *cap = ncap;
    }
    memcpy(*buf + *len, s, n);
    *len += n;
    (*buf)[*len] = '\0';
    return 0;
}

int rs_connstr_append(char **buf, size_t *len, size_t *cap, const char *key, const char *value)
{
    if (put(buf, len, cap, key, strlen(key)) || put(buf, len, cap, "=", 1))
        return -1;
    if (needs_braces(value)) {
        if (put(buf, len, cap, "{", 1))
            return -1;
        for (const char *p = value; *p; p++)
            if (put(buf, len, cap, p, 1) || (*p == '}' && put(buf, len, cap, "}", 1)))
                return -1;
        if (put(buf, len, cap, "}", 1))
            return -1;
    } else if (put(buf, len, cap, value, strlen(value))) {
        return -1;
    }
    return put(buf, len, cap, ";", 1);
}
