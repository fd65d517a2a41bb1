/* responder.c - see responder.h. */
#include "responder.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void serve_one(responder *r, int c)
{
    resp_request *req = calloc(1, sizeof *req);
    char *buf = calloc(1, 65536);
    size_t len = 0;
    char *hdr_end = NULL;
    while (len < 65535 && !hdr_end) {
        ssize_t n = read(c, buf + len, 65535 - len);
        if (n <= 0)
            goto out;
        len += (size_t)n;
        buf[len] = '\0';
        hdr_end = strstr(buf, "\r\n\r\n");
    }
    if (!hdr_end)
        goto out;
    size_t hlen = (size_t)(hdr_end - buf) + 4, clen = 0;
    char *cl = strcasestr(buf, "\r\ncontent-length:");
    if (cl && cl < hdr_end)
        clen = strtoul(cl + 17, NULL, 10);
    while (len < hlen + clen && len < 65535) {
        ssize_t n = read(c, buf + len, 65535 - len);
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    buf[len] = '\0';
    sscanf(buf, "%15s %2047s", req->method, req->path);
    char *line_end = strstr(buf, "\r\n");
    size_t hn = (size_t)(hdr_end - line_end);
    if (hn >= sizeof req->headers)
        hn = sizeof req->headers - 1;
    memcpy(req->headers, line_end, hn);
    snprintf(req->body, sizeof req->body, "%s", buf + hlen);

    pthread_mutex_lock(&r->lock);
    if (r->n_requests < RESP_LOG)
        r->log[r->n_requests] = *req;
    r->n_requests++;
    int delay = r->delay_ms;
    pthread_mutex_unlock(&r->lock);

    int status = 500;
    char *body = calloc(1, 65536);
    r->handler(req, &status, body, 65535, r->ud);
    if (delay > 0) {
        struct timespec ts = {delay / 1000, (delay % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    char head[256];
    int hl = snprintf(head, sizeof head,
                      "HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %zu\r\n"
                      "x-amzn-RequestId: test-req-1\r\nConnection: close\r\n\r\n", status,
                      body[0] == '<' ? "text/xml" : "application/json", strlen(body));
    if (write(c, head, (size_t)hl) < 0 || write(c, body, strlen(body)) < 0)
        perror("responder write");
    free(body);
out:
    free(buf);
    free(req);
}

static void *loop(void *arg)
{
    responder *r = arg;
    while (!r->stop) {
        struct pollfd p = {.fd = r->fd, .events = POLLIN};
        if (poll(&p, 1, 50) <= 0)
            continue;
        int c = accept(r->fd, NULL, NULL);
        if (c < 0)
            continue;
        serve_one(r, c);
        close(c);
    }
    return NULL;
}

int responder_start(responder *r, resp_handler h, void *ud)
{
    memset(r, 0, sizeof *r);
    r->handler = h;
    r->ud = ud;
    pthread_mutex_init(&r->lock, NULL);
    r->fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    if (r->fd < 0 || bind(r->fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(r->fd, 16) != 0
        || getsockname(r->fd, (struct sockaddr *)&a, &al) != 0)
        return -1;
    r->port = ntohs(a.sin_port);
    return pthread_create(&r->thread, NULL, loop, r) == 0 ? 0 : -1;
}

void responder_stop(responder *r)
{
    r->stop = 1;
    pthread_join(r->thread, NULL);
    close(r->fd);
    pthread_mutex_destroy(&r->lock);
}

void responder_reset(responder *r)
{
    pthread_mutex_lock(&r->lock);
    r->n_requests = 0;
    pthread_mutex_unlock(&r->lock);
}

int responder_count(responder *r)
{
    pthread_mutex_lock(&r->lock);
    int n = r->n_requests;
    pthread_mutex_unlock(&r->lock);
    return n;
}

resp_request *responder_get(responder *r, int i)
{
    static resp_request copy;
    pthread_mutex_lock(&r->lock);
    if (i >= 0 && i < r->n_requests && i < RESP_LOG)
        copy = r->log[i];
    else
        memset(&copy, 0, sizeof copy);
    pthread_mutex_unlock(&r->lock);
    return &copy;
}

const char *resp_header(const resp_request *req, const char *name, char *buf, size_t n)
{
    size_t nl = strlen(name);
    for (const char *p = req->headers; (p = strstr(p, "\r\n")) != NULL;) {
        p += 2;
        if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
            const char *v = p + nl + 1;
            while (*v == ' ')
                v++;
            size_t vl = strcspn(v, "\r\n");
            if (vl >= n)
                vl = n - 1;
            memcpy(buf, v, vl);
            buf[vl] = '\0';
            return buf;
        }
    }
    return NULL;
}
