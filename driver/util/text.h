/* text.h - strings across the ODBC boundary: UTF-8 inside the driver, the application's
 * SQLCHAR (taken as UTF-8) or SQLWCHAR (UTF-16, surrogate pairs included) outside.
 *
 * Every W entry point converts its input with rs_wdup() and its output with rs_out_w();
 * the A forms use rs_adup() and rs_out_a(), so both share one internal call. */
#ifndef RS_TEXT_H
#define RS_TEXT_H

#include <stddef.h>
#include <sql.h>
#include <sqlext.h>

/* Length of a NUL-terminated SQLWCHAR string, in code units. */
size_t rs_wcslen(const SQLWCHAR *s);

/* Copy an application string into a malloc'd NUL-terminated UTF-8 string.
 * len is in bytes (A) or characters (W), or SQL_NTS. NULL input gives NULL with *oom = 0.
 * Lone surrogates become U+FFFD. On allocation failure returns NULL with *oom = 1. */
char *rs_adup(const SQLCHAR *s, SQLLEN len, int *oom);
char *rs_wdup(const SQLWCHAR *s, SQLLEN len, int *oom);

/* Decode UTF-8 into UTF-16. Writes at most cap units (whole characters only, leaving room
 * for the terminating NUL when nul is set) and returns the number of units the whole text
 * needs (without NUL). *consumed, when not NULL, receives the UTF-8 bytes converted. */
size_t rs_utf8_to_utf16(const char *s, size_t len, SQLWCHAR *out, size_t cap, int nul,
                        size_t *consumed);

/* Number of UTF-16 units the UTF-8 text needs. */
size_t rs_utf16_length(const char *s, size_t len);

/* Encode UTF-16 into UTF-8; out must hold 3 bytes per unit plus 1. Returns bytes written. */
size_t rs_utf16_to_utf8(const SQLWCHAR *s, size_t units, char *out);

/* Write a driver string into an application buffer, truncating on a character boundary.
 * buflen and *outlen are in the units the function's ODBC definition uses: bytes for A,
 * and for W either characters (per_char = 1) or bytes (per_char = 0).
 * Returns 1 when the text did not fit (the caller reports 01004), else 0. */
int rs_out_a(const char *src, SQLCHAR *buf, SQLLEN buflen, SQLLEN *outlen);
int rs_out_w(const char *src, SQLWCHAR *buf, SQLLEN buflen, SQLLEN *outlen, int per_char);

/* The same for the many ODBC outputs typed SQLSMALLINT / SQLINTEGER. */
int rs_out_a16(const char *src, SQLCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *outlen);
int rs_out_w16(const char *src, SQLWCHAR *buf, SQLSMALLINT buflen, SQLSMALLINT *outlen, int per_char);

/* Case-insensitive ASCII comparison, for keywords. */
int rs_strcaseeq(const char *a, const char *b);

/* strdup that tolerates NULL. */
char *rs_strdup0(const char *s);

/* Wipe and free a string that held a secret. */
void rs_free_secret(char *s);

#endif
