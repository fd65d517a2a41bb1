/* connstr.h - split an ODBC connection string: "KEY=value;KEY={va;lue}".
 *
 * Keys are trimmed; unbraced values are trimmed; braced values keep everything between the
 * braces, with "}}" standing for "}". */
#ifndef RS_CONNSTR_H
#define RS_CONNSTR_H

#include <stddef.h>

typedef struct rs_connstr_pair {
    char *key;
    char *value;
} rs_connstr_pair;

typedef struct rs_connstr {
    rs_connstr_pair *pairs;
    size_t count;
} rs_connstr;

/* Parse text of len bytes. Returns 0, or -1 with a user-facing reason in why
 * (an unterminated brace, a key without '=', a value or string over the limits).
 * Secrets are never copied into why. */
int rs_connstr_parse(const char *text, size_t len, rs_connstr *out, char *why, size_t whylen);

/* Free pairs, wiping values (they may be passwords). */
void rs_connstr_free(rs_connstr *cs);

/* Append "KEY=value;" to a growing buffer, bracing the value when it needs it.
 * Returns 0 or -1 when out of memory. */
int rs_connstr_append(char **buf, size_t *len, size_t *cap, const char *key, const char *value);

#endif
