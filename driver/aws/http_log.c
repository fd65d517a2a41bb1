/* http_log.c - the log line of an AWS HTTP attempt (see http_log.h). */
#include <stdio.h>
#include <string.h>

#include "aws/http_log.h"
#include "util/log.h"

static int id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == ':' || c == '.' || c == '/' || c == '#';
}

/* Copy [v, v + n) when it is a plausible id or code; else "". */
static void copy_token(const char *v, size_t n, char *out, size_t size)
{
    out[0] = '\0';
    if (n == 0 || n >= size)
        return;
    for (size_t i = 0; i < n; i++)
        if (!id_char(v[i]))
            return;
    memcpy(out, v, n);
    out[n] = '\0';
}

/* The text of the first <tag>..</tag>. */
static int xml_value(const char *body, size_t len, const char *tag, char *out, size_t size)
{
    char open[48];
    int on = snprintf(open, sizeof open, "<%s>", tag);
    const char *p = memmem(body, len, open, (size_t)on);
    if (!p)
        return 0;
    p += on;
    const char *end = memchr(p, '<', len - (size_t)(p - body));
    if (!end)
        return 0;
    copy_token(p, (size_t)(end - p), out, size);
    return out[0] != '\0';
}

/* The string value of the first "key": "value" (any nesting; good enough for two ids). */
static int json_value(const char *body, size_t len, const char *key, char *out, size_t size)
{
    char quoted[48];
    int qn = snprintf(quoted, sizeof quoted, "\"%s\"", key);
    const char *p = memmem(body, len, quoted, (size_t)qn);
    if (!p)
        return 0;
    const char *end = body + len;
    p += qn;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p >= end || *p++ != ':')
        return 0;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
    if (p >= end || *p++ != '"')
        return 0;
    const char *q = memchr(p, '"', (size_t)(end - p));
    if (!q)
        return 0;
    copy_token(p, (size_t)(q - p), out, size);
    return out[0] != '\0';
}

void rs_http_body_request_id(const char *body, size_t len, char *out, size_t size)
{
    if (!size)
        return;
    out[0] = '\0';
    if (!body || !len)
        return;
    if (!xml_value(body, len, "RequestId", out, size) && !json_value(body, len, "RequestId", out, size))
        json_value(body, len, "requestId", out, size);
}

void rs_http_body_error_code(const char *body, size_t len, char *out, size_t size)
{
    if (!size)
        return;
    out[0] = '\0';
    if (!body || !len)
        return;
    if (xml_value(body, len, "Code", out, size))
        return;
    char type[160];
    if (json_value(body, len, "__type", type, sizeof type)) {
        /* "com.amazonaws.redshiftserverless#ValidationException", "Code:http://..." */
        const char *c = strrchr(type, '#');
        c = c ? c + 1 : type;
        size_t n = strcspn(c, ":");
        copy_token(c, n, out, size);
        return;
    }
    if (!json_value(body, len, "code", out, size))
        json_value(body, len, "Code", out, size);
}

void rs_http_url_host(const char *url, char *out, size_t size)
{
    const char *s = strstr(url, "://");
    s = s ? s + 3 : url;
    size_t n = strcspn(s, "/?#");
    const char *at = memchr(s, '@', n);   /* user:password@host */
    if (at) {
        n -= (size_t)(at + 1 - s);
        s = at + 1;
    }
    snprintf(out, size, "%.*s", (int)n, s);
}

void rs_http_log_attempt(const rs_http_request *req, const rs_http_response *resp, double ms,
                         const char *failure)
{
    if (!rs_log_enabled(RS_LOG_INFO))
        return;
    char host[256], code[96] = "";
    rs_http_url_host(req->url, host, sizeof host);
    long status = resp && !failure ? resp->status : 0;
    const char *rid = resp && resp->request_id[0] ? resp->request_id : "-";
    if (!failure && (status < 200 || status >= 300)) {
        if (resp->body)
            rs_http_body_error_code(resp->body, resp->body_len, code, sizeof code);
        if (!code[0])
            snprintf(code, sizeof code, "HTTP%ld", status);
    }
    rs_log(RS_LOG_INFO, 0,
           "aws call: service=%s action=%s endpoint=%s attempt=%d status=%ld latency_ms=%.0f request_id=%s%s%s%s%s",
           req->log_service ? req->log_service : "-", req->log_action ? req->log_action : req->method, host,
           req->attempt > 0 ? req->attempt : 1, status, ms, rid, code[0] ? " error=" : "", code,
           failure ? " error=transport: " : "", failure ? failure : "");
}
