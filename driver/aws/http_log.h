/* http_log.h - what the log keeps of an AWS HTTP exchange: one INFO line per attempt with
 * service, action, endpoint host, attempt, status, latency, request id and, for a failure,
 * the AWS error code. Of an answer's body only the request id and the error code are ever
 * read out; of the request, nothing but its URL's host (no headers, no body, no query). */
#ifndef RS_AWS_HTTP_LOG_H
#define RS_AWS_HTTP_LOG_H

#include <stddef.h>
#include "aws/http.h"

/* The RequestId of an AWS answer body: <RequestId>..</RequestId> (Query/XML) or a
 * "RequestId"/"requestId" member (JSON). out is "" when there is none or it does not look
 * like an id (letters, digits, - _ : . / # only, shorter than size). */
void rs_http_body_request_id(const char *body, size_t len, char *out, size_t size);

/* The AWS error code of an error answer body: <Code>..</Code> (XML), "__type" without its
 * namespace (JSON 1.x), else a "code"/"Code" member. "" when none. Same character rules. */
void rs_http_body_error_code(const char *body, size_t len, char *out, size_t size);

/* The host[:port] of a URL: no scheme, user info, path or query. */
void rs_http_url_host(const char *url, char *out, size_t size);

/* Log one attempt at INFO (nothing is computed when INFO is off). resp NULL or failure
 * non-NULL: the request got no HTTP answer; failure says why (it must hold no secret). */
void rs_http_log_attempt(const rs_http_request *req, const rs_http_response *resp, double ms,
                         const char *failure);

#endif
