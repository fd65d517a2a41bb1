/* awscall.c - sign, send, retry and decode one AWS API call (see awscall.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/awscall.h"
#include "aws/awsjson.h"
#include "aws/awsxml.h"
#include "aws/retry.h"
#include "aws/sigv4.h"

#define FORM_TYPE "application/x-www-form-urlencoded; charset=utf-8"
#define JSON_TYPE "application/x-amz-json-1.1"

int rs_form_add(char *buf, size_t size, const char *name, const char *value)
{
    size_t len = strlen(buf);
    size_t nl = strlen(name), vl = value ? strlen(value) : 0;
    /* worst case: '&' + 3 bytes per character + '=' + NUL */
    if (len + 1 + 3 * nl + 1 + 3 * vl + 1 > size)
        return -1;
    char *p = buf + len;
    if (len)
        *p++ = '&';
    long n = rs_aws_uri_encode(name, nl, 0, p, size - (size_t)(p - buf));
    if (n < 0)
        return -1;
    p += n;
    *p++ = '=';
    return rs_aws_uri_encode(value ? value : "", vl, 0, p, size - (size_t)(p - buf)) < 0 ? -1 : 0;
}

/* The URL to POST to: the endpoint with a path ("/" when it has none). */
static int post_url(const char *endpoint, char *out, size_t size)
{
    const char *s = strstr(endpoint, "://");
    if (!s)
        return -1;
    const char *path = s + 3 + strcspn(s + 3, "/?#");
    int n = snprintf(out, size, "%s%s", endpoint, *path ? "" : "/");
    return n < 0 || (size_t)n >= size ? -1 : 0;
}

/* The API action for the log: the target's operation (JSON), else what follows the service
 * in `what` ("redshift GetClusterCredentials"). */
static const char *action_of(const rs_aws_call *c)
{
    const char *dot = c->target ? strrchr(c->target, '.') : NULL;
    if (dot)
        return dot + 1;
    const char *sp = c->what ? strrchr(c->what, ' ') : NULL;
    return sp ? sp + 1 : c->what;
}

/* One attempt. Returns 0 on 2xx; -1 with err filled otherwise. */
static int attempt(const rs_aws_call *c, const char *url, int n_attempt, rs_http_response *resp,
                   rs_aws_error *err)
{
    rs_http_header hdrs[6];
    size_t n = 0;
    hdrs[n++] = (rs_http_header){ "Content-Type", c->protocol == RS_AWS_JSON11 ? JSON_TYPE : FORM_TYPE };
    if (c->protocol == RS_AWS_JSON11 && c->target)
        hdrs[n++] = (rs_http_header){ "X-Amz-Target", c->target };
    size_t n_extra = n;

    rs_sigv4_output sig;
    if (c->creds) {
        rs_sigv4_input in = {
            .method = "POST", .url = url, .headers = hdrs, .n_headers = n_extra,
            .body = c->body, .body_len = c->body_len,
            .region = c->region, .service = c->service,
            .access_key_id = c->creds->access_key_id,
            .secret_access_key = c->creds->secret_access_key,
            .session_token = c->creds->session_token, .now = time(NULL),
        };
        if (rs_sigv4_sign(&in, &sig, err) < 0)
            return -1;
        hdrs[n++] = (rs_http_header){ "X-Amz-Date", sig.amz_date };
        hdrs[n++] = (rs_http_header){ "Authorization", sig.authorization };
        if (c->creds->session_token[0])
            hdrs[n++] = (rs_http_header){ "X-Amz-Security-Token", c->creds->session_token };
    }
    /* A connect timeout the user chose (StsConnectionTimeout) also bounds each attempt: an
     * endpoint that accepts and never answers must not hold the login for the 30 s default. */
    rs_http_request req = {
        .method = "POST", .url = url, .headers = hdrs, .n_headers = n,
        .body = c->body, .body_len = c->body_len, .ca_file = c->ca_file,
        .connect_timeout_ms = c->connect_timeout_ms,
        .total_timeout_ms = c->total_timeout_ms > 0 ? c->total_timeout_ms : c->connect_timeout_ms,
        .log_service = c->service, .log_action = action_of(c), .attempt = n_attempt,
    };
    int rc = rs_http_perform(&req, resp, err);
    explicit_bzero(&sig, sizeof sig);
    if (rc < 0)
        return -1;
    if (resp->status >= 200 && resp->status < 300)
        return 0;
    if (c->protocol == RS_AWS_JSON11)
        rs_json_error(resp->body, resp->body_len, resp->status, resp->request_id, c->what, err);
    else
        rs_xml_error(resp->body, resp->body_len, resp->status, resp->request_id, c->what, err);
    rs_http_response_free(resp);
    return -1;
}

static int should_retry(const rs_aws_error *err)
{
    if (err->kind == RS_AWS_ERR_NETWORK)
        return 1;
    if (err->kind == RS_AWS_ERR_PROTOCOL && err->http_status == 0)
        return 1;                            /* body cut short in transit */
    if (err->kind == RS_AWS_ERR_MEMORY || err->kind == RS_AWS_ERR_CONFIG || err->kind == RS_AWS_ERR_AUTH)
        return 0;
    return rs_retry_is_retryable_status(err->http_status) || rs_retry_is_retryable_code(err->code);
}

int rs_aws_call_perform(const rs_aws_call *c, rs_http_response *resp, rs_aws_error *err)
{
    memset(resp, 0, sizeof *resp);
    char url[1024];
    if (!c->endpoint_url || post_url(c->endpoint_url, url, sizeof url) < 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: invalid endpoint URL \"%.200s\"",
                                c->what, c->endpoint_url ? c->endpoint_url : "");
    rs_retry_policy policy;
    rs_retry_policy_default(&policy);
    for (int n = 1;; n++) {
        memset(err, 0, sizeof *err);
        if (attempt(c, url, n, resp, err) == 0)
            return 0;
        if (n >= policy.max_attempts || !should_retry(err))
            break;
        rs_retry_sleep_ms(rs_retry_backoff_ms(&policy, n));
    }
    if (c->creds) {
        rs_aws_error_redact(err, c->creds->session_token);
        rs_aws_error_redact(err, c->creds->secret_access_key);
    }
    if (policy.max_attempts > 1 && should_retry(err)) {
        size_t l = strlen(err->message);
        snprintf(err->message + l, sizeof err->message - l, " (gave up after %d attempts)",
                 policy.max_attempts);
    }
    return -1;
}
