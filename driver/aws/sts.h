/* sts.h - the STS calls the credential chain needs (Query protocol, XML answers).
 *
 * The endpoint is regional (https://sts.<region>.amazonaws.com, .amazonaws.com.cn in China)
 * unless overridden: opt->endpoint_url, else AWS_ENDPOINT_URL_STS, else AWS_ENDPOINT_URL,
 * else the config file's endpoint_url. The signing region and service ("sts") stay right
 * whatever the URL. */
#ifndef RS_AWS_STS_H
#define RS_AWS_STS_H

#include "aws/aws_error.h"
#include "aws/credentials.h"

typedef struct rs_sts_options {
    const char *region;          /* signing region; NULL means us-east-1 */
    const char *endpoint_url;    /* resolved override or NULL for the regional endpoint */
    const char *ca_file;
    long connect_timeout_ms;
} rs_sts_options;

/* AssumeRole signed with `caller`. external_id and session_name may be NULL
 * (session_name defaults to "rsodbc-<epoch>"); duration 0 means the default. */
int rs_sts_assume_role(const rs_sts_options *opt, const rs_aws_credentials *caller,
                       const char *role_arn, const char *session_name,
                       const char *external_id, int duration_seconds,
                       rs_aws_credentials *out, rs_aws_error *err);

/* AssumeRoleWithWebIdentity: unsigned request carrying the token. */
int rs_sts_assume_role_with_web_identity(const rs_sts_options *opt, const char *role_arn,
                                         const char *session_name, const char *token,
                                         int duration_seconds,
                                         rs_aws_credentials *out, rs_aws_error *err);

#endif
