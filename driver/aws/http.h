/* http.h - one HTTPS request through libcurl, with AWS's standard retry mode.
 *
 * Certificate verification is always on. The CA comes from ca_file when set, else
 * AWS_CA_BUNDLE, else the system bundle. https_proxy/no_proxy are honoured (libcurl). */
#ifndef RS_AWS_HTTP_H
#define RS_AWS_HTTP_H

#include <stddef.h>
#include "aws/aws_error.h"

typedef struct rs_http_header {
    const char *name;
    const char *value;
} rs_http_header;

typedef struct rs_http_request {
    const char *method;            /* "GET", "POST", "PUT" */
    const char *url;               /* full URL */
    const rs_http_header *headers; /* extra headers (already signed if signing applies) */
    size_t n_headers;
    const char *body;              /* may be NULL */
    size_t body_len;
    const char *ca_file;           /* NULL: AWS_CA_BUNDLE, else system default */
    long connect_timeout_ms;       /* 0: default 10 s */
    long total_timeout_ms;         /* 0: default 30 s */
    /* for the log line of the attempt (http_log.h) */
    const char *log_service;       /* "redshift", "sts", "imds" ...; NULL: "-" */
    const char *log_action;        /* "GetClusterCredentials" ...; NULL: the method */
    int attempt;                   /* 1-based; 0 counts as 1 */
} rs_http_request;

typedef struct rs_http_response {
    long status;                   /* HTTP status */
    char *body;                    /* NUL-terminated, malloc'd; free with rs_http_response_free */
    size_t body_len;
    char request_id[96];           /* x-amzn-RequestId or x-amz-request-id, else the body's RequestId */
} rs_http_response;

/* Perform one request (no retries). Transport failures fill err (RS_AWS_ERR_NETWORK)
 * and return -1; any HTTP answer, whatever its status, returns 0. Bodies are capped at 1 MiB:
 * a larger one is RS_AWS_ERR_PROTOCOL with http_status set; a body cut short by the peer is
 * RS_AWS_ERR_PROTOCOL with http_status 0 (worth a retry). Every attempt that reached the network
 * is logged at INFO (http_log.h). */
int rs_http_perform(const rs_http_request *req, rs_http_response *resp, rs_aws_error *err);

void rs_http_response_free(rs_http_response *resp);

#endif
