/* aws_dbcred_cache.c - the credential cache with a fake fetch and threads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "aws/dbcred_cache.h"
#include "aws_tap.h"

typedef struct fake {
    int calls;            /* how many fetches ran */
    int lifetime;         /* seconds until expiration */
    int fail;             /* 1: fetch fails */
    int delay_ms;
    pthread_mutex_t m;
} fake;

static int fake_fetch(void *ctx, rs_db_credentials *out, rs_aws_error *err)
{
    fake *f = ctx;
    pthread_mutex_lock(&f->m);
    int n = ++f->calls;
    pthread_mutex_unlock(&f->m);
    if (f->delay_ms)
        usleep((useconds_t)f->delay_ms * 1000);
    if (f->fail)
        return rs_aws_error_set(err, RS_AWS_ERR_AUTH, "fake: AccessDenied (call %d)", n);
    snprintf(out->db_user, sizeof out->db_user, "IAM:user%d", n);
    snprintf(out->db_password, sizeof out->db_password, "pw-%d", n);
    snprintf(out->host, sizeof out->host, "h");
    out->port = 5439;
    out->expiration = time(NULL) + f->lifetime;
    return 0;
}

typedef struct worker {
    const char *key;
    fake *f;
    rs_db_credentials out;
    rs_aws_error err;
    int rc;
} worker;

static void *run(void *arg)
{
    worker *w = arg;
    w->rc = rs_dbcred_cache_get(w->key, fake_fetch, w->f, &w->out, &w->err);
    return NULL;
}

static int same_answer(worker *w, int n)
{
    for (int i = 1; i < n; i++)
        if (w[i].rc != w[0].rc || strcmp(w[i].out.db_password, w[0].out.db_password) != 0)
            return 0;
    return 1;
}

int main(void)
{
    TAP_PLAN(14);
    fake f = { .lifetime = 900, .m = PTHREAD_MUTEX_INITIALIZER };
    rs_db_credentials out;
    rs_aws_error err = {0};

    TAP_OK(rs_dbcred_cache_get("k1", fake_fetch, &f, &out, &err) == 0 && strcmp(out.db_password, "pw-1") == 0,
           "first call fetches");
    TAP_OK(rs_dbcred_cache_get("k1", fake_fetch, &f, &out, &err) == 0 && strcmp(out.db_password, "pw-1") == 0
           && f.calls == 1, "second call is served from the cache");
    rs_dbcred_cache_get("k2", fake_fetch, &f, &out, &err);
    TAP_OK(f.calls == 2 && strcmp(out.db_password, "pw-2") == 0, "another key fetches separately");

    /* A lifetime inside the safety margin (60 s) is never reused. */
    f.lifetime = 50;
    rs_dbcred_cache_get("short", fake_fetch, &f, &out, &err);
    rs_dbcred_cache_get("short", fake_fetch, &f, &out, &err);
    TAP_OK(f.calls == 4, "credentials within the expiry margin are fetched again");
    /* 10 % of a long lifetime: 3600 s lifetime -> 360 s margin. */
    f.lifetime = 3600;
    rs_dbcred_cache_get("long", fake_fetch, &f, &out, &err);
    int before = f.calls;
    rs_dbcred_cache_get("long", fake_fetch, &f, &out, &err);
    TAP_OK(f.calls == before, "long-lived credentials are reused");

    /* Single flight: 8 threads, one key, a slow fetch -> one call, same answer. */
    f.calls = 0;
    f.delay_ms = 300;
    f.lifetime = 900;
    worker w[8];
    pthread_t th[8];
    for (int i = 0; i < 8; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].key = "flight";
        w[i].f = &f;
        pthread_create(&th[i], NULL, run, &w[i]);
    }
    for (int i = 0; i < 8; i++)
        pthread_join(th[i], NULL);
    TAP_OK(f.calls == 1, "8 concurrent callers caused %d fetch(es)", f.calls);
    TAP_OK(w[0].rc == 0 && same_answer(w, 8), "they all got the same credentials");

    /* Concurrent callers on different keys do not wait for each other. */
    f.calls = 0;
    const char *keys[4] = { "p1", "p2", "p3", "p4" };
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = 0; i < 4; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].key = keys[i];
        w[i].f = &f;
        pthread_create(&th[i], NULL, run, &w[i]);
    }
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    TAP_OK(f.calls == 4 && secs < 1.0, "4 keys fetched in parallel (%d calls, %.2f s)", f.calls, secs);

    /* A failing fetch: waiters share the error; the next caller tries again. */
    f.calls = 0;
    f.fail = 1;
    for (int i = 0; i < 5; i++) {
        memset(&w[i], 0, sizeof w[i]);
        w[i].key = "failing";
        w[i].f = &f;
        pthread_create(&th[i], NULL, run, &w[i]);
    }
    for (int i = 0; i < 5; i++)
        pthread_join(th[i], NULL);
    int all_failed = 1;
    for (int i = 0; i < 5; i++)
        all_failed &= w[i].rc == -1 && w[i].err.kind == RS_AWS_ERR_AUTH && strstr(w[i].err.message, "AccessDenied");
    TAP_OK(all_failed && f.calls == 1, "concurrent callers share one failure (%d calls)", f.calls);
    f.fail = 0;
    f.delay_ms = 0;
    TAP_OK(rs_dbcred_cache_get("failing", fake_fetch, &f, &out, &err) == 0 && f.calls == 2,
           "a failure is not cached: the next call fetches");

    /* Bounded: 3x the capacity of keys leaves at most RS_DBCRED_CACHE_MAX entries. */
    for (int i = 0; i < 3 * RS_DBCRED_CACHE_MAX; i++) {
        char key[32];
        snprintf(key, sizeof key, "bulk-%d", i);
        rs_dbcred_cache_get(key, fake_fetch, &f, &out, &err);
    }
    TAP_OK(rs_dbcred_cache_count() == RS_DBCRED_CACHE_MAX, "cache holds at most %d entries (%zu)",
           RS_DBCRED_CACHE_MAX, rs_dbcred_cache_count());
    /* The most recent keys survive, the oldest were evicted. */
    int calls = f.calls;
    rs_dbcred_cache_get("bulk-191", fake_fetch, &f, &out, &err);
    TAP_OK(f.calls == calls, "recently used entry kept");
    rs_dbcred_cache_get("bulk-0", fake_fetch, &f, &out, &err);
    TAP_OK(f.calls == calls + 1, "least recently used entry evicted");
    rs_dbcred_cache_clear();
    TAP_OK(rs_dbcred_cache_count() == 0, "clear empties the cache");
    return TAP_DONE();
}
