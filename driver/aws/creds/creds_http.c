/* creds_http.c - the HTTP calls of the credential sources: bounded retries, URL encoding. */
#include "aws/creds/creds_util.h"

#include <string.h>
#include <time.h>

int rs_creds_http(const rs_http_request *req, int attempts, rs_http_response *resp, rs_aws_error *err)
{
    if (attempts < 1)
        attempts = 1;
    if (attempts > 5)
        attempts = 5;
    rs_http_request one = *req;
    for (int i = 1;; i++) {
        memset(resp, 0, sizeof *resp);
        one.attempt = i;
        int rc = rs_http_perform(&one, resp, err);
        int retry = rc != 0 || resp->status >= 500;
        if (!retry || i >= attempts)
            return rc;
        rs_http_response_free(resp);
        struct timespec pause = {0, 100L * 1000 * 1000 * i}; /* 100 ms, 200 ms, ... */
        nanosleep(&pause, NULL);
    }
}

int rs_creds_url_append(char *buf, size_t n, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t len = strlen(buf);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
        if (len + (plain ? 1 : 3) >= n)
            return -1;
        if (plain) {
            buf[len++] = (char)c;
        } else {
            buf[len++] = '%';
            buf[len++] = hex[c >> 4];
            buf[len++] = hex[c & 15];
        }
    }
    buf[len] = '\0';
    return 0;
}
