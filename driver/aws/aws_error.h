/* aws_error.h - how every AWS-side failure is reported to the connection layer.
 *
 * The AWS modules never touch ODBC handles: they fill an rs_aws_error, and the
 * connect code turns it into a diagnostic record (SQLSTATE from rs_aws_error_sqlstate()).
 * Messages must never contain a secret (secret key, session token, DbPassword, tokens). */
#ifndef RS_AWS_ERROR_H
#define RS_AWS_ERROR_H

typedef enum rs_aws_error_kind {
    RS_AWS_OK = 0,
    RS_AWS_ERR_CONFIG,    /* nothing to call or nothing to sign with: user must set something (HY000) */
    RS_AWS_ERR_AUTH,      /* AWS said no: AccessDenied, InvalidClientTokenId, ExpiredToken... (28000) */
    RS_AWS_ERR_NETWORK,   /* unreachable, timed out, TLS failure (08001) */
    RS_AWS_ERR_SERVICE,   /* AWS answered with another error, or throttled past the retry cap (HY000) */
    RS_AWS_ERR_PROTOCOL,  /* AWS answered something we cannot parse (HY000) */
    RS_AWS_ERR_MEMORY     /* out of memory (HY001) */
} rs_aws_error_kind;

typedef struct rs_aws_error {
    rs_aws_error_kind kind;
    long http_status;      /* 0 when no HTTP answer */
    char code[96];         /* AWS error code, e.g. "AccessDenied"; empty when none */
    char request_id[96];   /* x-amzn-RequestId / RequestId; empty when none */
    char message[1024];    /* what failed, why, and what to check: shown to the user */
} rs_aws_error;

/* Set kind and a printf-style message (truncated to fit). Returns -1 for convenience. */
int rs_aws_error_set(rs_aws_error *err, rs_aws_error_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The SQLSTATE for an error kind: "28000", "08001", "HY001" or "HY000". */
const char *rs_aws_error_sqlstate(const rs_aws_error *err);

/* Fill err from an error answer of an AWS service: keeps "Code: message" (prefixed by
 * `what`, e.g. "redshift GetClusterCredentials"), maps authentication codes to
 * RS_AWS_ERR_AUTH and everything else to RS_AWS_ERR_SERVICE, and adds a hint when the
 * answer says this machine's clock is off. code, message and request_id may be NULL. */
int rs_aws_error_from_service(rs_aws_error *err, const char *what, long http_status,
                              const char *code, const char *message, const char *request_id);

/* Replace every occurrence of secret (when at least 8 characters) in err->message with
 * "<redacted>", and cut an echoed canonical request/string to sign (some services put the
 * signed headers, session token included, into SignatureDoesNotMatch messages). */
void rs_aws_error_redact(rs_aws_error *err, const char *secret);

/* True when an AWS error code means the caller's credentials or signature were refused. */
int rs_aws_error_code_is_auth(const char *code);

#endif
