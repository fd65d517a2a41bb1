/* responder.h - a tiny HTTP/1.1 responder on 127.0.0.1 for the credential tests:
 * it answers one request per connection from a handler and records what it got. */
#ifndef RS_CREDS_TEST_RESPONDER_H
#define RS_CREDS_TEST_RESPONDER_H

#include <pthread.h>
#include <stddef.h>

typedef struct resp_request {
    char method[16];
    char path[2048];
    char headers[8192];       /* raw header lines */
    char body[16384];
} resp_request;

/* Fill *status and body (NUL-terminated, at most cap bytes). */
typedef void (*resp_handler)(const resp_request *req, int *status, char *body, size_t cap, void *ud);

#define RESP_LOG 32

typedef struct responder {
    int fd, port;
    pthread_t thread;
    resp_handler handler;
    void *ud;
    int delay_ms;             /* sleep before answering (timeouts) */
    pthread_mutex_t lock;
    resp_request log[RESP_LOG];
    int n_requests;           /* total; log keeps the first RESP_LOG */
    volatile int stop;
} responder;

int responder_start(responder *r, resp_handler h, void *ud);
void responder_stop(responder *r);
void responder_reset(responder *r);
int responder_count(responder *r);
/* Copy of the i-th request (0-based). */
resp_request *responder_get(responder *r, int i);
/* Value of a header in a request (case-insensitive name), into buf; NULL when absent. */
const char *resp_header(const resp_request *req, const char *name, char *buf, size_t n);

#endif
