/* credentials.h - where AWS credentials come from, in the order AWS SDKs use.
 *
 * explicit keys (AccessKeyID/SecretAccessKey/SessionToken) -> environment -> profile
 * (shared credentials and config files: static keys, role_arn + source_profile or
 * credential_source, credential_process, web_identity_token_file, SSO) -> web identity from
 * the environment -> container credentials -> EC2 instance metadata (IMDSv2).
 * InstanceProfile=1 goes straight to instance metadata. */
#ifndef RS_AWS_CREDENTIALS_H
#define RS_AWS_CREDENTIALS_H

#include <time.h>
#include "aws/aws_error.h"

typedef struct rs_aws_credentials {
    char access_key_id[128];
    char secret_access_key[128];
    char session_token[4096];   /* empty when none */
    time_t expiration;          /* 0 when the credentials do not expire */
    char source[160];           /* human-readable origin, e.g. "profile rs: role_arn via source_profile base" */
} rs_aws_credentials;

typedef struct rs_aws_credential_options {
    const char *access_key_id;      /* AccessKeyID keyword, or NULL */
    const char *secret_access_key;  /* SecretAccessKey keyword, or NULL */
    const char *session_token;      /* SessionToken keyword, or NULL */
    const char *profile;            /* Profile keyword, or NULL (then AWS_PROFILE, AWS_DEFAULT_PROFILE, "default") */
    int instance_profile;           /* InstanceProfile=1: use EC2 instance metadata only */
    const char *region;             /* region for STS regional endpoints and SSO; may be NULL */
    const char *sts_endpoint_url;   /* StsEndpointUrl keyword, or NULL (then the SDK precedence) */
    const char *ca_file;            /* CaFile keyword for HTTPS, or NULL */
    long connect_timeout_ms;        /* StsConnectionTimeout in ms; 0 for the default */
    int iam_duration;               /* seconds for assumed roles; 0 for the default */
} rs_aws_credential_options;

/* Resolve credentials. Expiring ones (assumed roles, SSO, process, container, instance)
 * are cached process-wide and refreshed before they expire. When no source yields
 * credentials, err (RS_AWS_ERR_CONFIG) lists every source tried. Returns 0 or -1. */
int rs_aws_credentials_resolve(const rs_aws_credential_options *opt,
                               rs_aws_credentials *out, rs_aws_error *err);

/* Wipe secrets from memory (explicit_bzero). */
void rs_aws_credentials_clear(rs_aws_credentials *c);

#endif
