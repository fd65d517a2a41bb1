/* retry.c - AWS standard retry mode (see retry.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <openssl/rand.h>

#include "aws/retry.h"

#define RS_RETRY_DEFAULT_ATTEMPTS 3
#define RS_RETRY_LEGACY_ATTEMPTS 5
#define RS_RETRY_MAX_ATTEMPTS 10
#define RS_RETRY_BASE_MS 1000L
#define RS_RETRY_MAX_BACKOFF_MS 20000L

static long env_long(const char *name, long def, long lo, long hi)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return def;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || n < lo)
        return def;
    return n > hi ? hi : n;
}

void rs_retry_policy_default(rs_retry_policy *p)
{
    /* AWS_RETRY_MODE: "legacy" keeps botocore's legacy default of 5 attempts; "standard" and
     * "adaptive" make 3 (adaptive's client-side rate limiting is pointless for one credential
     * call per connection). The retried errors and the backoff are the standard ones. */
    const char *mode = getenv("AWS_RETRY_MODE");
    int attempts = mode && strcasecmp(mode, "legacy") == 0 ? RS_RETRY_LEGACY_ATTEMPTS : RS_RETRY_DEFAULT_ATTEMPTS;
    p->max_attempts = (int)env_long("AWS_MAX_ATTEMPTS", attempts, 1, RS_RETRY_MAX_ATTEMPTS);
    p->base_delay_ms = env_long("RSODBC_AWS_RETRY_BASE_MS", RS_RETRY_BASE_MS, 0, RS_RETRY_BASE_MS);
    p->max_backoff_ms = RS_RETRY_MAX_BACKOFF_MS;
}

static const char *const retryable_codes[] = {
    /* throttling */
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException",
    /* transient */
    "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure",
    "ServiceUnavailable", "IDPCommunicationError",
};

int rs_retry_is_retryable_code(const char *code)
{
    if (!code || !*code)
        return 0;
    for (size_t i = 0; i < sizeof retryable_codes / sizeof retryable_codes[0]; i++)
        if (strcmp(code, retryable_codes[i]) == 0)
            return 1;
    return 0;
}

int rs_retry_is_retryable_status(long status)
{
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

static double unit_random(void)
{
    unsigned int r;
    if (RAND_bytes((unsigned char *)&r, sizeof r) != 1)
        r = (unsigned int)time(NULL) * 2654435761u;
    return (double)r / 4294967296.0;
}

long rs_retry_backoff_ms(const rs_retry_policy *p, int retry)
{
    if (retry < 1)
        retry = 1;
    double cap = (double)p->base_delay_ms;
    for (int i = 1; i < retry && cap < (double)p->max_backoff_ms; i++)
        cap *= 2;
    if (cap > (double)p->max_backoff_ms)
        cap = (double)p->max_backoff_ms;
    return (long)(unit_random() * cap);
}

void rs_retry_sleep_ms(long ms)
{
    if (ms <= 0)
        return;
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
        ;
}
