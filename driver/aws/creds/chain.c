/* chain.c - rs_aws_credentials_resolve: the sources in the order AWS SDKs use. */
#include "aws/credentials.h"
#include "aws/creds/sources.h"

#include "util/log.h"

#include <stdlib.h>
#include <string.h>

void rs_aws_credentials_clear(rs_aws_credentials *c)
{
    if (c)
        explicit_bzero(c, sizeof *c);
}

static void trying(const char *source)
{
    rs_log(RS_LOG_DEBUG, 0, "credentials: trying %s", source);
}

static int run_chain(const rs_aws_credential_options *opt, const rs_awscfg *cfg, rs_creds_tried *tried,
                     rs_aws_credentials *out, rs_aws_error *err)
{
    int rc;
    trying("the AccessKeyID/SecretAccessKey keywords");
    if ((rc = rs_creds_from_explicit(opt, tried, out, err)) != RS_CREDS_ABSENT)
        return rc;
    /* As botocore does for an explicit profile: Profile=... means that profile, even when
     * AWS_ACCESS_KEY_ID is also set (AWS_PROFILE alone does not skip the environment). */
    if (opt->profile && *opt->profile) {
        rs_creds_tried_add(tried, "environment keys not used because Profile is set");
    } else {
        trying("the environment (AWS_ACCESS_KEY_ID)");
        if ((rc = rs_creds_from_env(tried, out, err)) != RS_CREDS_ABSENT)
            return rc;
    }
    int chosen;
    const char *name = rs_awscfg_profile_name(opt->profile, &chosen);
    rs_log(RS_LOG_DEBUG, 0, "credentials: trying profile %s (%s; %s, %s)", name,
           chosen ? "named by Profile or AWS_PROFILE" : "the default", cfg->credentials_path, cfg->config_path);
    if ((rc = rs_creds_from_profile(opt, cfg, tried, out, err)) != RS_CREDS_ABSENT)
        return rc;
    trying("web identity from AWS_WEB_IDENTITY_TOKEN_FILE/AWS_ROLE_ARN");
    if ((rc = rs_creds_from_env_web_identity(opt, cfg, tried, out, err)) != RS_CREDS_ABSENT)
        return rc;
    trying("container credentials (AWS_CONTAINER_CREDENTIALS_*_URI)");
    if ((rc = rs_creds_from_container(opt, tried, out, err)) != RS_CREDS_ABSENT)
        return rc;
    trying("EC2 instance metadata");
    return rs_creds_from_imds(opt, tried, out, err);
}

/* The decision, at DEBUG: which source won and how long its credentials last. */
static void log_outcome(int rc, const rs_aws_credentials *out, const rs_aws_error *err)
{
    if (!rs_log_enabled(RS_LOG_DEBUG))
        return;
    /* the key id is no secret, but its last four characters are enough to tell keys apart */
    size_t kl = strlen(out->access_key_id);
    const char *key_tail = out->access_key_id + (kl > 4 ? kl - 4 : 0);
    if (rc != RS_CREDS_FOUND) {
        rs_log(RS_LOG_DEBUG, 0, "credentials: none: %s", err->message);
        return;
    }
    if (out->expiration)
        rs_log(RS_LOG_DEBUG, 0, "credentials: using %s (access key ...%s, expires in %ld s)", out->source,
               key_tail, (long)(out->expiration - rs_creds_now()));
    else
        rs_log(RS_LOG_DEBUG, 0, "credentials: using %s (access key ...%s, no expiration)", out->source, key_tail);
}

int rs_aws_credentials_resolve(const rs_aws_credential_options *opt, rs_aws_credentials *out,
                               rs_aws_error *err)
{
    static const rs_aws_credential_options no_options;
    if (!opt)
        opt = &no_options;
    memset(out, 0, sizeof *out);
    memset(err, 0, sizeof *err);
    if (opt->instance_profile) {
        rs_log(RS_LOG_DEBUG, 0, "credentials: InstanceProfile=1: EC2 instance metadata only");
        int rc = rs_creds_from_imds(opt, NULL, out, err);
        log_outcome(rc, out, err);
        if (rc != RS_CREDS_FOUND) {
            rs_aws_credentials_clear(out);
            return -1;
        }
        return 0;
    }
    rs_awscfg *cfg = malloc(sizeof *cfg);
    rs_creds_tried *tried = calloc(1, sizeof *tried);
    int rc = -1;
    if (!cfg || !tried) {
        rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory resolving AWS credentials");
    } else if (rs_awscfg_load(cfg, err) == 0) {
        rc = run_chain(opt, cfg, tried, out, err);
        if (rc == RS_CREDS_ABSENT)
            rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                             "No AWS credentials found. Set AccessKeyID/SecretAccessKey, a Profile, or "
                             "InstanceProfile=1. Tried: %s", tried->text);
        rs_awscfg_free(cfg);
    }
    free(cfg);
    free(tried);
    log_outcome(rc, out, err);
    if (rc != RS_CREDS_FOUND) {
        rs_aws_credentials_clear(out);
        return -1;
    }
    err->kind = RS_AWS_OK;
    return 0;
}
