/* cache.c - process-wide cache of expiring AWS credentials (mutex, fixed slots, LRU). */
#include "aws/creds/cache.h"
#include "aws/creds/creds_util.h"
#include "util/log.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <openssl/evp.h>

typedef struct cache_slot {
    int used;
    unsigned char key[32];       /* SHA-256 of the key text */
    time_t fetched;
    time_t last_used;
    rs_aws_credentials creds;
} cache_slot;

/* Longest a caller waits for another thread's fetch of the same key before fetching itself
 * (a fetch is bounded by its own timeouts; this only guards against a stuck one). */
#define CLAIM_WAIT_SECONDS 120

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cache_cond = PTHREAD_COND_INITIALIZER;
static cache_slot slots[RS_CREDS_CACHE_SLOTS];
/* keys being fetched right now (hashes) */
static unsigned char inflight[RS_CREDS_CACHE_SLOTS][32];
static int inflight_used[RS_CREDS_CACHE_SLOTS];

/* " (source)" when the credentials say where they came from, else "". */
static const char *source_note(const rs_aws_credentials *c, char *buf, size_t n)
{
    if (c->source[0])
        snprintf(buf, n, " (%s)", c->source);
    else
        buf[0] = '\0';
    return buf;
}

/* What kind of source a key is for ("role", "webid", "sso", "process", "container", "imds"):
 * its first field. The rest is not logged (a credential_process command may hold a secret). */
static const char *key_kind(const char *key, char *buf, size_t n)
{
    snprintf(buf, n, "%.*s", (int)strcspn(key, "\x1f"), key);
    return buf;
}

static int hash_key(const char *key, unsigned char out[32])
{
    unsigned int n = 0;
    return EVP_Digest(key, strlen(key), out, &n, EVP_sha256(), NULL) == 1 && n == 32 ? 0 : -1;
}

int rs_creds_cache_is_fresh(time_t expiration, time_t fetched, time_t now)
{
    if (expiration == 0)
        return 1;
    time_t lifetime = expiration - fetched;
    time_t margin = lifetime >= 20 * 60 ? 5 * 60 : (lifetime > 0 ? lifetime / 4 : 0);
    return now + margin < expiration;
}

/* Keep c under key (credentials without expiration live as long as the process). */
static void store(const char *key, const rs_aws_credentials *c)
{
    unsigned char h[32];
    if (hash_key(key, h) != 0)
        return;
    time_t now = rs_creds_now();
    char kind[32], note[sizeof c->source + 4];
    if (!rs_creds_cache_is_fresh(c->expiration, now, now)) {
        rs_log(RS_LOG_DEBUG, 0, "credential cache: %s credentials not kept: they expire in %ld s, inside the refresh margin",
               key_kind(key, kind, sizeof kind), (long)(c->expiration - now));
        return; /* already inside its margin: caching it would not help */
    }
    if (c->expiration)
        rs_log(RS_LOG_DEBUG, 0, "credential cache: keeping %s credentials%s, they expire in %ld s",
               key_kind(key, kind, sizeof kind), source_note(c, note, sizeof note), (long)(c->expiration - now));
    else
        rs_log(RS_LOG_DEBUG, 0, "credential cache: keeping %s credentials%s, no expiration",
               key_kind(key, kind, sizeof kind), source_note(c, note, sizeof note));
    pthread_mutex_lock(&cache_lock);
    cache_slot *victim = NULL;
    for (int i = 0; i < RS_CREDS_CACHE_SLOTS; i++) {
        cache_slot *s = &slots[i];
        if (s->used && memcmp(s->key, h, sizeof h) == 0) {
            victim = s;
            break;
        }
        if (!victim || (victim->used && (!s->used || s->last_used < victim->last_used)))
            victim = s;
    }
    explicit_bzero(victim, sizeof *victim);
    victim->used = 1;
    memcpy(victim->key, h, sizeof h);
    victim->fetched = now;
    victim->last_used = now;
    victim->creds = *c;
    pthread_mutex_unlock(&cache_lock);
}

/* A fresh entry for h copied into out; caller holds cache_lock. *stale is set when an entry
 * was there but inside its refresh margin, with the seconds it had left. */
static int lookup_locked(const unsigned char h[32], rs_aws_credentials *out, time_t now, long *stale)
{
    for (int i = 0; i < RS_CREDS_CACHE_SLOTS; i++) {
        cache_slot *s = &slots[i];
        if (!s->used || memcmp(s->key, h, 32) != 0)
            continue;
        if (rs_creds_cache_is_fresh(s->creds.expiration, s->fetched, now)) {
            *out = s->creds;
            s->last_used = now;
            return 1;
        }
        *stale = (long)(s->creds.expiration - now);
        explicit_bzero(s, sizeof *s);
        return 0;
    }
    return 0;
}

static int inflight_find(const unsigned char h[32])
{
    for (int i = 0; i < RS_CREDS_CACHE_SLOTS; i++)
        if (inflight_used[i] && memcmp(inflight[i], h, 32) == 0)
            return i;
    return -1;
}

int rs_creds_cache_claim(const char *key, rs_aws_credentials *out)
{
    unsigned char h[32];
    if (hash_key(key, h) != 0)
        return 0;
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += CLAIM_WAIT_SECONDS;
    long stale = LONG_MIN;
    int waited = 0;
    char kind[32], note[sizeof out->source + 4];
    pthread_mutex_lock(&cache_lock);
    for (;;) {
        if (lookup_locked(h, out, rs_creds_now(), &stale)) {
            pthread_mutex_unlock(&cache_lock);
            if (!rs_log_enabled(RS_LOG_DEBUG))
                return 1;
            if (out->expiration)
                rs_log(RS_LOG_DEBUG, 0, "credential cache hit: %s credentials%s%s, expire in %ld s",
                       key_kind(key, kind, sizeof kind), source_note(out, note, sizeof note),
                       waited ? " fetched by another thread" : "", (long)(out->expiration - rs_creds_now()));
            else
                rs_log(RS_LOG_DEBUG, 0, "credential cache hit: %s credentials%s%s, no expiration",
                       key_kind(key, kind, sizeof kind), source_note(out, note, sizeof note),
                       waited ? " fetched by another thread" : "");
            return 1;
        }
        if (inflight_find(h) < 0) {
            for (int i = 0; i < RS_CREDS_CACHE_SLOTS; i++)
                if (!inflight_used[i]) {
                    inflight_used[i] = 1;
                    memcpy(inflight[i], h, 32);
                    break;
                }
            break;   /* claimed (or, with every slot busy, simply fetch unclaimed) */
        }
        if (!waited)
            rs_log(RS_LOG_DEBUG, 0, "credential cache: waiting for another thread fetching %s credentials",
                   key_kind(key, kind, sizeof kind));
        waited = 1;
        if (pthread_cond_timedwait(&cache_cond, &cache_lock, &until) != 0)
            break;   /* the other fetch is stuck: fetch too */
    }
    pthread_mutex_unlock(&cache_lock);
    if (stale != LONG_MIN)
        rs_log(RS_LOG_DEBUG, 0, "credential cache miss: %s credentials expire in %ld s, inside the refresh margin: refreshing",
               key_kind(key, kind, sizeof kind), stale);
    else
        rs_log(RS_LOG_DEBUG, 0, "credential cache miss: %s credentials: fetching", key_kind(key, kind, sizeof kind));
    return 0;
}

void rs_creds_cache_finish(const char *key, const rs_aws_credentials *c)
{
    unsigned char h[32];
    if (c)
        store(key, c);
    if (hash_key(key, h) != 0)
        return;
    pthread_mutex_lock(&cache_lock);
    int i = inflight_find(h);
    if (i >= 0)
        inflight_used[i] = 0;
    pthread_cond_broadcast(&cache_cond);
    pthread_mutex_unlock(&cache_lock);
}

void rs_creds_cache_clear(void)
{
    pthread_mutex_lock(&cache_lock);
    explicit_bzero(slots, sizeof slots);
    memset(inflight_used, 0, sizeof inflight_used);
    pthread_cond_broadcast(&cache_cond);
    pthread_mutex_unlock(&cache_lock);
}
