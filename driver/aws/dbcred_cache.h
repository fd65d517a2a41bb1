/* dbcred_cache.h - process-wide cache of temporary database credentials.
 *
 * Entries are keyed on a string that names everything changing the answer (the IAM code
 * builds it; only its SHA-256 is kept). An entry is reused until a safety margin before
 * its expiration: max(60 s, 10 % of its lifetime). Concurrent callers for one key wait for
 * a single fetch (single flight); they share its answer or its error. At most
 * RS_DBCRED_CACHE_MAX entries are kept (least recently used evicted). Thread-safe. */
#ifndef RS_AWS_DBCRED_CACHE_H
#define RS_AWS_DBCRED_CACHE_H

#include <stddef.h>
#include "aws/aws_error.h"
#include "aws/iam.h"

#define RS_DBCRED_CACHE_MAX 64

/* Fetches fresh credentials (the network call). Returns 0 or -1 with err filled. */
typedef int (*rs_dbcred_fetch_fn)(void *ctx, rs_db_credentials *out, rs_aws_error *err);

/* Copy cached credentials for key into out, or fetch them once for everybody waiting.
 * Returns 0, or -1 with err. */
int rs_dbcred_cache_get(const char *key, rs_dbcred_fetch_fn fetch, void *ctx,
                        rs_db_credentials *out, rs_aws_error *err);

/* Drop and wipe every entry that is not being fetched (tests; credential rotation). */
void rs_dbcred_cache_clear(void);

/* Number of entries held (tests). */
size_t rs_dbcred_cache_count(void);

#endif
