/* awsconfig.h - the shared config and credentials files, and the settings read from them.
 *
 * Credentials file: `[name]` sections. Config file: `[default]`, `[profile name]`,
 * `[sso-session name]`, `[services name]`. A profile's setting is looked up in the
 * credentials file first, then in the config file. */
#ifndef RS_CREDS_AWSCONFIG_H
#define RS_CREDS_AWSCONFIG_H

#include <stddef.h>
#include "aws/aws_error.h"
#include "aws/creds/ini.h"

typedef struct rs_awscfg {
    rs_ini config;
    rs_ini credentials;
    char config_path[1024];
    char credentials_path[1024];
    int config_errno;         /* non-zero when the file exists but could not be read */
    int credentials_errno;
} rs_awscfg;

/* Load both files (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE or ~/.aws/...). Missing or
 * unreadable files leave empty sections (noted in *_errno). Returns 0, or -1 (memory, path). */
int rs_awscfg_load(rs_awscfg *cfg, rs_aws_error *err);
void rs_awscfg_free(rs_awscfg *cfg);

/* The profile to use: opt_profile, AWS_PROFILE, AWS_DEFAULT_PROFILE, "default".
 * *chosen is 1 when the user named it (then it must exist). */
const char *rs_awscfg_profile_name(const char *opt_profile, int *chosen);

int rs_awscfg_has_profile(const rs_awscfg *cfg, const char *profile);

/* A profile setting (credentials file first), or NULL. Empty values count as unset. */
const char *rs_awscfg_get(const rs_awscfg *cfg, const char *profile, const char *key);

/* A setting of `[<kind> name]` in the config file (kind "sso-session" or "services"). */
const char *rs_awscfg_section_get(const rs_awscfg *cfg, const char *kind, const char *name,
                                  const char *key);
int rs_awscfg_has_section(const rs_awscfg *cfg, const char *kind, const char *name);

/* The endpoint URL override for a service (service_id "sts", env_id "STS"):
 * AWS_ENDPOINT_URL_<env_id>, AWS_ENDPOINT_URL, then the profile's services section
 * (`<service_id> =\n  endpoint_url = ...`), then the profile's endpoint_url; none when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS or ignore_configured_endpoint_urls is true.
 * cfg/profile may be NULL (environment only). NULL when there is none. */
const char *rs_awscfg_endpoint_url(const rs_awscfg *cfg, const char *profile,
                                   const char *service_id, const char *env_id);

/* The region for a profile: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; or NULL. */
const char *rs_awscfg_region(const rs_awscfg *cfg, const char *profile);

#endif
