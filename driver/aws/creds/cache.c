/* cache.c - process-wide cache of expiring AWS credentials (mutex, fixed slots, LRU). */
#include "aws/creds/cache.h"
#include "aws/creds/creds_util.h"

#include <pthread.h>
#include <string.h>
#include <openssl/evp.h>

typedef struct cache_slot {
    int used;
    unsigned char key[32];       /* SHA-256 of the key text */
    time_t fetched;
    time_t last_used;
    rs_aws_credentials creds;
} cache_slot;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static cache_slot slots[RS_CREDS_CACHE_SLOTS];

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

int rs_creds_cache_get(const char *key, rs_aws_credentials *out)
{
    unsigned char h[32];
    if (hash_key(key, h) != 0)
        return 0;
    int hit = 0;
    time_t now = rs_creds_now();
    pthread_mutex_lock(&cache_lock);
    for (int i = 0; i < RS_CREDS_CACHE_SLOTS; i++) {
        cache_slot *s = &slots[i];
        if (!s->used || memcmp(s->key, h, sizeof h) != 0)
            continue;
        if (rs_creds_cache_is_fresh(s->creds.expiration, s->fetched, now)) {
            *out = s->creds;
            s->last_used = now;
            hit = 1;
        } else {
            explicit_bzero(s, sizeof *s);
        }
        break;
    }
    pthread_mutex_unlock(&cache_lock);
    return hit;
}

void rs_creds_cache_put(const char *key, const rs_aws_credentials *c)
{
    unsigned char h[32];
    if (hash_key(key, h) != 0)
        return;
    time_t now = rs_creds_now();
    if (!rs_creds_cache_is_fresh(c->expiration, now, now))
        return; /* already inside its margin: caching it would not help */
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

void rs_creds_cache_clear(void)
{
    pthread_mutex_lock(&cache_lock);
    explicit_bzero(slots, sizeof slots);
    pthread_mutex_unlock(&cache_lock);
}
