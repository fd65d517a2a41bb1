/* sigv4.h - AWS Signature Version 4 for the services rsodbc calls (STS, Redshift,
 * Redshift Serverless). Payloads are hashed (no x-amz-content-sha256 header: these
 * services do not need it). */
#ifndef RS_AWS_SIGV4_H
#define RS_AWS_SIGV4_H

#include <stddef.h>
#include <time.h>
#include "aws/aws_error.h"
#include "aws/http.h"

typedef struct rs_sigv4_input {
    const char *method;             /* "GET", "POST" */
    const char *url;                /* scheme://host[:port]/path[?query]; query as sent */
    const rs_http_header *headers;  /* extra headers to sign and send (content-type, x-amz-target) */
    size_t n_headers;
    const char *body;               /* may be NULL */
    size_t body_len;
    const char *region;             /* signing region, e.g. "us-east-1" */
    const char *service;            /* signing name: "sts", "redshift", "redshift-serverless" */
    const char *access_key_id;
    const char *secret_access_key;
    const char *session_token;      /* NULL or "" when none */
    time_t now;                     /* signing time (UTC epoch) */
} rs_sigv4_input;

typedef struct rs_sigv4_output {
    char amz_date[20];              /* X-Amz-Date value: YYYYMMDDTHHMMSSZ */
    char authorization[1024];       /* Authorization value */
    char signed_headers[512];       /* e.g. "content-type;host;x-amz-date" (for tests and logs) */
} rs_sigv4_output;

/* Sign. The caller sends X-Amz-Date, Authorization, X-Amz-Security-Token (when a session
 * token is set) and the extra headers; libcurl sends Host from the URL exactly as signed. */
int rs_sigv4_sign(const rs_sigv4_input *in, rs_sigv4_output *out, rs_aws_error *err);

/* AWS URI encoding (RFC 3986 unreserved characters kept, everything else %XX uppercase);
 * '/' is kept when keep_slash. Returns the length written, or -1 when dst is too small. */
long rs_aws_uri_encode(const char *src, size_t len, int keep_slash, char *dst, size_t dst_size);

/* Lowercase hex SHA-256 of data (65 bytes with the NUL). */
void rs_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
