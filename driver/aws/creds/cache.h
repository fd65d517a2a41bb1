/* cache.h - process-wide cache of expiring AWS credentials.
 *
 * Keys describe the source and its settings (never a secret; they are hashed anyway).
 * An entry is served until a refresh margin before its expiration: 5 minutes, or a
 * quarter of the lifetime for credentials that live less than 20 minutes. */
#ifndef RS_CREDS_CACHE_H
#define RS_CREDS_CACHE_H

#include "aws/credentials.h"

#define RS_CREDS_CACHE_SLOTS 32

/* Single flight: 1 and *out filled when a fresh entry exists. Otherwise 0, and the caller
 * has claimed the key: it fetches, then must call rs_creds_cache_finish() whatever happens.
 * While a key is claimed, other callers for it wait (bounded) for that fetch instead of
 * making their own call. */
int rs_creds_cache_claim(const char *key, rs_aws_credentials *out);

/* End a claim: store c when the fetch succeeded (NULL when it failed) and wake the waiters. */
void rs_creds_cache_finish(const char *key, const rs_aws_credentials *c);

/* Forget everything (tests, and after fork if needed). */
void rs_creds_cache_clear(void);

/* Is c, fetched at `fetched`, still outside its refresh margin at `now`? */
int rs_creds_cache_is_fresh(time_t expiration, time_t fetched, time_t now);

#endif
