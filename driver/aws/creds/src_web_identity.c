/* src_web_identity.c - AssumeRoleWithWebIdentity from a token file, from the profile
 * (web_identity_token_file + role_arn) or the environment (AWS_WEB_IDENTITY_TOKEN_FILE +
 * AWS_ROLE_ARN). The file is read at every refresh: EKS and others rotate it. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define TOKEN_MAX (64 * 1024)

static int fetch_web_identity(const rs_sts_options *sts, const char *role_arn, const char *token_file,
                              const char *session_name, int duration_seconds,
                              rs_aws_credentials *out, rs_aws_error *err);

int rs_creds_from_web_identity(const rs_sts_options *sts, const char *role_arn,
                               const char *token_file, const char *session_name,
                               int duration_seconds, rs_aws_credentials *out, rs_aws_error *err)
{
    char key[3072];
    int kn = snprintf(key, sizeof key, "webid\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s", role_arn, token_file,
                      session_name ? session_name : "", duration_seconds, sts->region ? sts->region : "",
                      sts->endpoint_url ? sts->endpoint_url : "");
    int cacheable = kn > 0 && (size_t)kn < sizeof key;
    if (cacheable && rs_creds_cache_claim(key, out))
        return RS_CREDS_FOUND;
    int rc = fetch_web_identity(sts, role_arn, token_file, session_name, duration_seconds, out, err);
    if (cacheable)
        rs_creds_cache_finish(key, rc == RS_CREDS_FOUND ? out : NULL);
    return rc;
}

/* Read the token and call AssumeRoleWithWebIdentity; the caller holds the cache claim. */
static int fetch_web_identity(const rs_sts_options *sts, const char *role_arn, const char *token_file,
                              const char *session_name, int duration_seconds,
                              rs_aws_credentials *out, rs_aws_error *err)
{
    char path[1024];
    if (rs_creds_expand_path(token_file, path, sizeof path) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "web identity token file path is too long");
    char *token;
    size_t len;
    if (rs_creds_read_file(path, TOKEN_MAX, &token, &len) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "cannot read the web identity token file %s: %s",
                                path, strerror(errno));
    while (len > 0 && (token[len - 1] == '\n' || token[len - 1] == '\r' || token[len - 1] == ' '))
        token[--len] = '\0';
    if (len == 0) {
        rs_creds_wipe_free(token, len);
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the web identity token file %s is empty", path);
    }
    int rc = rs_sts_assume_role_with_web_identity(sts, role_arn, session_name, token, duration_seconds, out, err);
    rs_creds_wipe_free(token, len);
    if (rc != 0)
        return -1;
    rs_creds_set_source(out, "web identity token for %.120s", role_arn);
    return RS_CREDS_FOUND;
}

int rs_creds_from_env_web_identity(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                                   rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err)
{
    const char *file = rs_creds_getenv("AWS_WEB_IDENTITY_TOKEN_FILE");
    const char *role = rs_creds_getenv("AWS_ROLE_ARN");
    if (!file || !role) {
        rs_creds_tried_add(tried, file ? "AWS_WEB_IDENTITY_TOKEN_FILE set but AWS_ROLE_ARN not set"
                                       : "AWS_WEB_IDENTITY_TOKEN_FILE not set");
        return RS_CREDS_ABSENT;
    }
    int chosen;
    rs_creds_sts sts;
    rs_creds_sts_options(opt, cfg, rs_awscfg_profile_name(opt->profile, &chosen), &sts);
    if (rs_creds_from_web_identity(&sts.opt, role, file, rs_creds_getenv("AWS_ROLE_SESSION_NAME"),
                                   opt->iam_duration, out, err) != 0)
        return -1;
    rs_creds_set_source(out, "environment AWS_WEB_IDENTITY_TOKEN_FILE for %.100s", role);
    return RS_CREDS_FOUND;
}
