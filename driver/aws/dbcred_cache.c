/* dbcred_cache.c - single-flight cache of temporary database credentials (see dbcred_cache.h). */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "aws/dbcred_cache.h"
#include "aws/sigv4.h"
#include "util/log.h"

typedef enum entry_state { ENTRY_FREE = 0, ENTRY_FETCHING, ENTRY_READY, ENTRY_FAILED } entry_state;

typedef struct cache_entry {
    entry_state state;
    char key[65];                /* SHA-256 of the caller's key, hex */
    rs_db_credentials creds;
    time_t fetched_at;
    unsigned long generation;    /* bumped when a fetch finishes */
    rs_aws_error error;          /* of the last failed fetch, for its waiters */
    unsigned long last_used;
} cache_entry;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t fetched = PTHREAD_COND_INITIALIZER;
static cache_entry entries[RS_DBCRED_CACHE_MAX];
static unsigned long use_clock;

static int is_fresh(const cache_entry *e, time_t now)
{
    time_t lifetime = e->creds.expiration - e->fetched_at;
    time_t margin = lifetime / 10 > 60 ? lifetime / 10 : 60;
    return now < e->creds.expiration - margin;
}

static void wipe(cache_entry *e)
{
    rs_db_credentials_clear(&e->creds);
    explicit_bzero(e, sizeof *e);
}

static cache_entry *find(const char *hkey)
{
    for (size_t i = 0; i < RS_DBCRED_CACHE_MAX; i++)
        if (entries[i].state != ENTRY_FREE && strcmp(entries[i].key, hkey) == 0)
            return &entries[i];
    return NULL;
}

/* A free slot, else the least recently used one not being fetched; NULL when all are busy. */
static cache_entry *claim_slot(void)
{
    cache_entry *victim = NULL;
    for (size_t i = 0; i < RS_DBCRED_CACHE_MAX; i++) {
        cache_entry *e = &entries[i];
        if (e->state == ENTRY_FREE)
            return e;
        if (e->state != ENTRY_FETCHING && (!victim || e->last_used < victim->last_used))
            victim = e;
    }
    if (victim)
        wipe(victim);
    return victim;
}

int rs_dbcred_cache_get(const char *key, rs_dbcred_fetch_fn fetch, void *ctx,
                        rs_db_credentials *out, rs_aws_error *err)
{
    char hkey[65];
    rs_sha256_hex(key, strlen(key), hkey);

    pthread_mutex_lock(&lock);
    cache_entry *e;
    for (;;) {
        e = find(hkey);
        if (!e || e->state != ENTRY_FETCHING)
            break;
        /* Somebody is fetching this key: wait for that one answer. */
        rs_log(RS_LOG_DEBUG, 0, "database credentials cache: waiting for another thread's fetch");
        unsigned long gen = e->generation;
        while (e->state == ENTRY_FETCHING && e->generation == gen && strcmp(e->key, hkey) == 0)
            pthread_cond_wait(&fetched, &lock);
        if (strcmp(e->key, hkey) != 0)
            continue;                        /* evicted meanwhile: look again */
        if (e->state == ENTRY_FAILED && e->generation != gen) {
            *err = e->error;
            pthread_mutex_unlock(&lock);
            return -1;
        }
        break;
    }
    time_t now = time(NULL);
    if (e && e->state == ENTRY_READY && is_fresh(e, now)) {
        e->last_used = ++use_clock;
        *out = e->creds;
        pthread_mutex_unlock(&lock);
        rs_log(RS_LOG_DEBUG, 0, "database credentials cache hit: user %s, expire in %ld s", out->db_user,
               (long)(out->expiration - now));
        return 0;
    }
    if (e && e->state == ENTRY_READY)
        rs_log(RS_LOG_DEBUG, 0, "database credentials cache miss: user %s expire in %ld s, inside the safety margin: "
               "fetching anew", e->creds.db_user, (long)(e->creds.expiration - now));
    else
        rs_log(RS_LOG_DEBUG, 0, "database credentials cache miss: fetching");
    if (!e)
        e = claim_slot();
    if (e) {
        if (e->state == ENTRY_READY)
            rs_db_credentials_clear(&e->creds);
        e->state = ENTRY_FETCHING;
        memcpy(e->key, hkey, sizeof hkey);
        e->last_used = ++use_clock;
    }
    pthread_mutex_unlock(&lock);

    /* The network call happens outside the lock. When every slot is busy fetching
     * (e == NULL) the answer is simply not cached. */
    rs_db_credentials fresh;
    memset(&fresh, 0, sizeof fresh);
    rs_aws_error ferr;
    memset(&ferr, 0, sizeof ferr);
    int rc = fetch(ctx, &fresh, &ferr);

    if (e) {
        pthread_mutex_lock(&lock);
        e->generation++;
        if (rc == 0) {
            e->creds = fresh;
            e->fetched_at = time(NULL);
            e->state = ENTRY_READY;
        } else {
            e->error = ferr;
            e->state = ENTRY_FAILED;
        }
        pthread_cond_broadcast(&fetched);
        pthread_mutex_unlock(&lock);
    }
    if (rc == 0)
        *out = fresh;
    else
        *err = ferr;
    rs_db_credentials_clear(&fresh);
    return rc;
}

void rs_dbcred_cache_clear(void)
{
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < RS_DBCRED_CACHE_MAX; i++)
        if (entries[i].state != ENTRY_FETCHING && entries[i].state != ENTRY_FREE)
            wipe(&entries[i]);
    pthread_mutex_unlock(&lock);
}

size_t rs_dbcred_cache_count(void)
{
    size_t n = 0;
    pthread_mutex_lock(&lock);
    for (size_t i = 0; i < RS_DBCRED_CACHE_MAX; i++)
        n += entries[i].state != ENTRY_FREE;
    pthread_mutex_unlock(&lock);
    return n;
}
