/* src_env.c - AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN. */
#include "aws/creds/sources.h"

int rs_creds_from_env(rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err)
{
    const char *id = rs_creds_getenv("AWS_ACCESS_KEY_ID");
    const char *secret = rs_creds_getenv("AWS_SECRET_ACCESS_KEY");
    if (!id && !secret) {
        if (tried)
            rs_creds_tried_add(tried, "AWS_ACCESS_KEY_ID not set");
        else
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "credential_source Environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
        return RS_CREDS_ABSENT;
    }
    if (!id || !secret)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s is set but %s is not",
                                id ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                                id ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
    if (rs_creds_store(out, id, secret, rs_creds_getenv("AWS_SESSION_TOKEN"), 0, "environment", err) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY or AWS_SESSION_TOKEN is too long");
    rs_creds_set_source(out, "environment AWS_ACCESS_KEY_ID%s", out->session_token[0] ? "/AWS_SESSION_TOKEN" : "");
    return RS_CREDS_FOUND;
}
