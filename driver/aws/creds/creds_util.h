/* creds_util.h - small helpers shared by the credential sources. */
#ifndef RS_CREDS_UTIL_H
#define RS_CREDS_UTIL_H

#include <stddef.h>
#include <time.h>
#include <json-c/json.h>
#include "aws/credentials.h"
#include "aws/http.h"

/* What each source said when it had nothing, for the "no credentials" message. */
typedef struct rs_creds_tried {
    char text[900];
    size_t len;
} rs_creds_tried;

void rs_creds_tried_add(rs_creds_tried *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* getenv, but NULL for unset or empty. */
const char *rs_creds_getenv(const char *name);

/* "true" (any case) -> 1. */
int rs_creds_is_true(const char *v);

/* The user's home directory (HOME, else the password database) into buf. Returns 0 or -1. */
int rs_creds_home(char *buf, size_t n);

/* path with a leading "~/" expanded. Returns 0, or -1 when it does not fit. */
int rs_creds_expand_path(const char *path, char *buf, size_t n);

/* Read a whole small file; *out is malloc'd and NUL-terminated. Returns 0, or -1 with errno
 * (EFBIG when larger than max). Free with rs_creds_wipe_free. */
int rs_creds_read_file(const char *path, size_t max, char **out, size_t *len);

void rs_creds_wipe_free(char *s, size_t len);

/* Fill the key fields of out. Missing key id/secret or over-long values -> RS_AWS_ERR_PROTOCOL
 * naming `what` (never the values). Returns 0 or -1. */
int rs_creds_store(rs_aws_credentials *out, const char *access_key_id, const char *secret,
                   const char *token, time_t expiration, const char *what, rs_aws_error *err);

void rs_creds_set_source(rs_aws_credentials *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ISO 8601 / RFC 3339 UTC time ("2026-11-25T12:00:00Z", fractions, "+hh:mm" offsets,
 * or the old "UTC" suffix). Returns 0 or -1. */
int rs_creds_parse_time(const char *s, time_t *out);

/* Parse a JSON object (bounded nesting). NULL when not a JSON object. */
json_object *rs_creds_json_object(const char *text, size_t len);

/* Wipe every string in o (answers carry secrets), then free it. NULL is fine. */
void rs_creds_json_wipe_put(json_object *o);

/* The string member `key`, or NULL when absent or not a string. */
const char *rs_creds_json_str(json_object *o, const char *key);

/* rs_http_perform with up to `attempts` tries (capped at 5) on transport errors and 5xx. */
int rs_creds_http(const rs_http_request *req, int attempts, rs_http_response *resp, rs_aws_error *err);

/* Append s percent-encoded (RFC 3986 unreserved kept) to buf. 0, or -1 when it does not fit. */
int rs_creds_url_append(char *buf, size_t n, const char *s);

/* Current time; tests may shift it. */
time_t rs_creds_now(void);
void rs_creds_set_clock_offset(long seconds);

#endif
