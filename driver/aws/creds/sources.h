/* sources.h - the credential sources the chain (chain.c) tries in order.
 *
 * Each source returns RS_CREDS_FOUND (out filled), RS_CREDS_ABSENT (not configured: it adds
 * why to `tried`, the chain moves on) or -1 (configured but failed: err filled, the chain
 * stops). Sources that can be required by another (credential_source, InstanceProfile)
 * take tried == NULL to mean "required": then absence is an error too. */
#ifndef RS_CREDS_SOURCES_H
#define RS_CREDS_SOURCES_H

#include "aws/credentials.h"
#include "aws/sts.h"
#include "aws/creds/awsconfig.h"
#include "aws/creds/creds_util.h"

enum { RS_CREDS_FOUND = 0, RS_CREDS_ABSENT = 1 };

int rs_creds_from_explicit(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                           rs_aws_credentials *out, rs_aws_error *err);
int rs_creds_from_env(rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err);
int rs_creds_from_profile(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                          rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err);
int rs_creds_from_env_web_identity(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                                   rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err);
int rs_creds_from_container(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                            rs_aws_credentials *out, rs_aws_error *err);
int rs_creds_from_imds(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                       rs_aws_credentials *out, rs_aws_error *err);

/* STS options for a profile: opt->region else AWS_REGION/AWS_DEFAULT_REGION/the profile's
 * region; opt->sts_endpoint_url else rs_awscfg_endpoint_url(..., "sts", "STS") for that
 * profile, else the regional endpoint (so the STS client does not re-resolve it against
 * another profile). The strings point into opt, cfg and out. */
typedef struct rs_creds_sts {
    rs_sts_options opt;
    char url[512];
} rs_creds_sts;

void rs_creds_sts_options(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                          const char *profile, rs_creds_sts *out);

/* credential_process: run `command` through /bin/sh -c, parse its JSON (cached by command). */
int rs_creds_from_process(const char *command, rs_aws_credentials *out, rs_aws_error *err);

/* Read credential_process output (len bytes of JSON: Version 1, AccessKeyId, SecretAccessKey,
 * SessionToken, Expiration) into out; prog names the program in messages. 0 or -1. */
int rs_creds_process_parse(const char *text, size_t len, const char *prog, rs_aws_credentials *out,
                           rs_aws_error *err);

/* AssumeRoleWithWebIdentity with the token read from token_file (cached). */
int rs_creds_from_web_identity(const rs_sts_options *sts, const char *role_arn,
                               const char *token_file, const char *session_name,
                               int duration_seconds, rs_aws_credentials *out, rs_aws_error *err);

typedef struct rs_creds_sso_settings {
    const char *session_name;   /* sso_session, or NULL for the legacy form */
    const char *start_url;
    const char *region;         /* sso_region */
    const char *account_id;
    const char *role_name;
    const char *endpoint_url;   /* override of https://portal.sso.<region>.amazonaws.com */
} rs_creds_sso_settings;

/* Read the token from ~/.aws/sso/cache and call GetRoleCredentials (cached). */
int rs_creds_from_sso(const rs_creds_sso_settings *s, const rs_aws_credential_options *opt,
                      rs_aws_credentials *out, rs_aws_error *err);

/* The SSO cache file for a session name or legacy start URL (sha1 hex). 0 or -1. */
int rs_creds_sso_cache_path(const char *key, char *buf, size_t n);

/* Seconds a credential_process may run (tests shorten it). */
void rs_creds_process_set_timeout_ms(long ms);

#endif
