/* retry.h - AWS "standard" retry mode: which failures are retried and how long to wait.
 *
 * Up to max_attempts attempts (default 3; AWS_MAX_ATTEMPTS overrides, capped at 10).
 * Before retry n (1-based) the caller sleeps rand(0,1) * min(base * 2^(n-1), max_backoff)
 * ("full jitter"; base 1 s and max 20 s as in the AWS SDKs). Retried: transport failures,
 * HTTP 500/502/503/504, 429, and throttling or transient error codes. */
#ifndef RS_AWS_RETRY_H
#define RS_AWS_RETRY_H

typedef struct rs_retry_policy {
    int max_attempts;        /* total attempts, >= 1 */
    long base_delay_ms;      /* first retry waits up to this */
    long max_backoff_ms;     /* cap on one wait */
} rs_retry_policy;

/* The standard policy, adjusted by AWS_RETRY_MODE (legacy: 5 attempts by default, else 3;
 * the rules and backoff are always the standard ones) and AWS_MAX_ATTEMPTS (1..10).
 * RSODBC_AWS_RETRY_BASE_MS (0..1000) lowers the base delay for test suites. */
void rs_retry_policy_default(rs_retry_policy *p);

/* True when an AWS error code is throttling or transient. */
int rs_retry_is_retryable_code(const char *code);

/* True when an HTTP status is worth another attempt. */
int rs_retry_is_retryable_status(long status);

/* Milliseconds to wait before retry number `retry` (1-based), with full jitter. */
long rs_retry_backoff_ms(const rs_retry_policy *p, int retry);

/* Sleep for ms milliseconds (restarted after signals). */
void rs_retry_sleep_ms(long ms);

#endif
