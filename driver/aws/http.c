/* http.c - one HTTPS request through libcurl (see http.h). */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "aws/http.h"
#include "aws/http_log.h"
#include "util/log.h"

#define RS_HTTP_MAX_BODY (1024 * 1024)
#define RS_HTTP_DEFAULT_CONNECT_MS 10000L
#define RS_HTTP_DEFAULT_TOTAL_MS 30000L

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static CURLcode curl_init_rc;

static void init_curl(void)
{
    curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

typedef struct body_sink {
    char *p;
    size_t len, cap;
    int too_large;
    int oom;
} body_sink;

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    body_sink *b = user;
    size_t n = size * nmemb;
    if (b->len + n > RS_HTTP_MAX_BODY) {
        b->too_large = 1;
        return 0;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->oom = 1;
            return 0;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, data, n);
    b->len += n;
    b->p[b->len] = '\0';
    return n;
}

/* Keep the request id of the answer: x-amzn-RequestId (JSON, Query) or x-amz-request-id. */
static size_t on_header(char *data, size_t size, size_t nmemb, void *user)
{
    rs_http_response *resp = user;
    size_t n = size * nmemb;
    static const char *const names[] = { "x-amzn-requestid:", "x-amz-request-id:" };
    for (size_t i = 0; i < 2; i++) {
        size_t nl = strlen(names[i]);
        if (n > nl && strncasecmp(data, names[i], nl) == 0) {
            const char *v = data + nl;
            size_t vl = n - nl;
            while (vl && isspace((unsigned char)*v)) {
                v++;
                vl--;
            }
            while (vl && isspace((unsigned char)v[vl - 1]))
                vl--;
            if (vl >= sizeof resp->request_id)
                vl = sizeof resp->request_id - 1;
            memcpy(resp->request_id, v, vl);
            resp->request_id[vl] = '\0';
        }
    }
    return n;
}

/* The host part of a URL, for messages (never the query, which could carry a token). */
static void url_origin(const char *url, char *out, size_t size)
{
    const char *s = strstr(url, "://");
    size_t n = s ? (size_t)(s + 3 - url) + strcspn(s + 3, "/?#") : strcspn(url, "/?#");
    snprintf(out, size, "%.*s", (int)n, url);
}

int rs_http_perform(const rs_http_request *req, rs_http_response *resp, rs_aws_error *err)
{
    memset(resp, 0, sizeof *resp);
    pthread_once(&curl_once, init_curl);
    if (curl_init_rc != CURLE_OK)
        return rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "libcurl initialization failed: %s",
                                curl_easy_strerror(curl_init_rc));
    CURL *h = curl_easy_init();
    if (!h)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "libcurl: cannot create a handle");

    char origin[300];
    url_origin(req->url, origin, sizeof origin);
    struct curl_slist *hdrs = NULL;
    int oom = 0;
    for (size_t i = 0; i < req->n_headers && !oom; i++) {
        size_t len = strlen(req->headers[i].name) + strlen(req->headers[i].value) + 3;
        char *line = malloc(len);
        if (!line) {
            oom = 1;
            break;
        }
        snprintf(line, len, "%s: %s", req->headers[i].name, req->headers[i].value);
        struct curl_slist *nh = curl_slist_append(hdrs, line);
        explicit_bzero(line, len);  /* may hold a session token */
        free(line);
        if (!nh)
            oom = 1;
        else
            hdrs = nh;
    }
    /* libcurl adds "Expect: 100-continue" to larger POSTs; AWS does not need it. */
    struct curl_slist *nh = oom ? NULL : curl_slist_append(hdrs, "Expect:");
    if (!nh) {
        curl_slist_free_all(hdrs);
        curl_easy_cleanup(h);
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory building an HTTP request");
    }
    hdrs = nh;

    const char *ca = req->ca_file && *req->ca_file ? req->ca_file : getenv("AWS_CA_BUNDLE");
    body_sink sink = {0};
    char curl_err[CURL_ERROR_SIZE] = "";
    long connect_ms = req->connect_timeout_ms > 0 ? req->connect_timeout_ms : RS_HTTP_DEFAULT_CONNECT_MS;
    long total_ms = req->total_timeout_ms > 0 ? req->total_timeout_ms : RS_HTTP_DEFAULT_TOTAL_MS;

    curl_easy_setopt(h, CURLOPT_URL, req->url);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);             /* threads: no SIGALRM */
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (ca && *ca)
        curl_easy_setopt(h, CURLOPT_CAINFO, ca);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, connect_ms);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, total_ms);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdrs);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "rsodbc");
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, resp);
    if (strcmp(req->method, "POST") == 0) {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body ? req->body : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
    } else if (strcmp(req->method, "GET") != 0) {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req->method);
        if (req->body) {
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body);
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->body_len);
        }
    }
    /* Proxies: libcurl reads https_proxy / http_proxy / no_proxy from the environment. */

    double t0 = rs_log_clock_ms();
    CURLcode rc = curl_easy_perform(h);
    double ms = rs_log_clock_ms() - t0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &resp->status);
    curl_slist_free_all(hdrs);
    curl_easy_cleanup(h);

    int ret = 0;
    if (sink.too_large) {
        ret = rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                               "the answer from %s is larger than 1 MiB; refusing to read it", origin);
        err->http_status = resp->status;
    } else if (rc == CURLE_PARTIAL_FILE) {
        /* http_status 0 marks it as a transport-level failure: the caller may retry. */
        ret = rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                               "the answer from %s was truncated (the connection closed before the whole body arrived)",
                               origin);
        err->http_status = 0;
    } else if (sink.oom) {
        ret = rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory reading the answer from %s", origin);
    } else if (rc != CURLE_OK) {
        const char *what = curl_err[0] ? curl_err : curl_easy_strerror(rc);
        const char *hint = "";
        if (rc == CURLE_OPERATION_TIMEDOUT)
            hint = " (timed out: check network access to AWS, proxies (https_proxy) and timeouts)";
        else if (rc == CURLE_PEER_FAILED_VERIFICATION || rc == CURLE_SSL_CACERT_BADFILE
                 || rc == CURLE_SSL_CONNECT_ERROR || rc == CURLE_SSL_CERTPROBLEM)
            hint = " (TLS: check the CA bundle, CaFile or AWS_CA_BUNDLE)";
        else if (rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_RESOLVE_PROXY)
            hint = " (DNS: check the endpoint host name and the resolver)";
        ret = rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "cannot reach %s: %s%s", origin, what, hint);
        err->http_status = 0;
    }
    if (ret) {
        rs_http_log_attempt(req, resp, ms, err->message);
        free(sink.p);
        resp->status = 0;
        return -1;
    }
    if (!sink.p) {
        sink.p = calloc(1, 1);
        if (!sink.p)
            return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory");
    }
    resp->body = sink.p;
    resp->body_len = sink.len;
    if (!resp->request_id[0])
        rs_http_body_request_id(resp->body, resp->body_len, resp->request_id, sizeof resp->request_id);
    rs_http_log_attempt(req, resp, ms, NULL);
    return 0;
}

void rs_http_response_free(rs_http_response *resp)
{
    if (!resp)
        return;
    if (resp->body)
        explicit_bzero(resp->body, resp->body_len);  /* answers carry passwords and tokens */
    free(resp->body);
    resp->body = NULL;
    resp->body_len = 0;
}
