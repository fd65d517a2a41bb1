/* src_explicit.c - AccessKeyID / SecretAccessKey / SessionToken connection keywords. */
#include "aws/creds/sources.h"

int rs_creds_from_explicit(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                           rs_aws_credentials *out, rs_aws_error *err)
{
    int has_id = opt->access_key_id && *opt->access_key_id;
    int has_secret = opt->secret_access_key && *opt->secret_access_key;
    if (!has_id && !has_secret) {
        rs_creds_tried_add(tried, "no AccessKeyID keyword");
        return RS_CREDS_ABSENT;
    }
    if (!has_id || !has_secret)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "%s is set but %s is missing: give both AccessKeyID and SecretAccessKey",
                                has_id ? "AccessKeyID" : "SecretAccessKey",
                                has_id ? "SecretAccessKey" : "AccessKeyID");
    if (rs_creds_store(out, opt->access_key_id, opt->secret_access_key, opt->session_token, 0,
                       "the AccessKeyID/SecretAccessKey keywords", err) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "AccessKeyID, SecretAccessKey or SessionToken is too long");
    rs_creds_set_source(out, "connection keywords AccessKeyID/SecretAccessKey%s",
                        out->session_token[0] ? "/SessionToken" : "");
    return RS_CREDS_FOUND;
}
