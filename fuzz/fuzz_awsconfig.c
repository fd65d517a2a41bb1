/* fuzz_awsconfig.c - settings looked up in the AWS config and credentials files
 * (awsconfig.c): profiles written [name], [profile name] and [default], sso-session and
 * services sections, endpoint URLs for a service, regions, and the STS options a profile
 * gives (rs_creds_sts_options).
 *
 * Input: the config file, a NUL byte, the credentials file. Every profile the two files
 * name (the first 8 of each file) is asked every setting the driver reads. The AWS_* environment is cleared at
 * start-up so only the files decide. */
#include "fuzz_util.h"

#include "aws/creds/awsconfig.h"
#include "aws/creds/sources.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static const char *const vars[] = {
        "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_REDSHIFT",
        "AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
    };
    for (size_t i = 0; i < FZ_COUNT(vars); i++)
        unsetenv(vars[i]);
    return 0;
}

static const char *const keys[] = {
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "region", "role_arn",
    "source_profile", "credential_source", "credential_process", "web_identity_token_file",
    "role_session_name", "duration_seconds", "external_id", "mfa_serial", "sso_session",
    "sso_start_url", "sso_region", "sso_account_id", "sso_role_name", "endpoint_url",
    "services", "ignore_configured_endpoint_urls", "sts_regional_endpoints",
};

static void ask(const rs_awscfg *cfg, const char *profile)
{
    (void)rs_awscfg_has_profile(cfg, profile);
    for (size_t k = 0; k < FZ_COUNT(keys); k++) {
        const char *v = rs_awscfg_get(cfg, profile, keys[k]);
        FZ_CHECK(!v || *v);   /* empty values count as unset */
    }
    (void)rs_awscfg_region(cfg, profile);
    (void)rs_awscfg_endpoint_url(cfg, profile, "sts", "STS");
    (void)rs_awscfg_endpoint_url(cfg, profile, "redshift", "REDSHIFT");
    (void)rs_awscfg_endpoint_url(cfg, profile, "redshift_serverless", "REDSHIFT_SERVERLESS");
    const char *sso = rs_awscfg_get(cfg, profile, "sso_session");
    if (sso) {
        (void)rs_awscfg_has_section(cfg, "sso-session", sso);
        (void)rs_awscfg_section_get(cfg, "sso-session", sso, "sso_start_url");
        (void)rs_awscfg_section_get(cfg, "sso-session", sso, "sso_region");
    }
    rs_aws_credential_options opt = { 0 };
    opt.profile = profile;
    rs_creds_sts sts;
    rs_creds_sts_options(&opt, cfg, profile, &sts);
    FZ_CHECK(memchr(sts.url, '\0', sizeof sts.url) != NULL);
}

/* The first 8 sections of a file: enough for every way profiles refer to each other, and
 * the lookups stay linear in the input rather than quadratic. */
static void ask_all(const rs_awscfg *cfg, const rs_ini *ini, int config)
{
    for (size_t i = 0; i < ini->n_sections && i < 8; i++) {
        const char *name = ini->sections[i].name;
        if (config && strncmp(name, "profile", 7) == 0 && (name[7] == ' ' || name[7] == '\t')) {
            name += 8;
            while (*name == ' ' || *name == '\t')
                name++;
        }
        ask(cfg, name);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    fz_in config = fz_field(&in, 0);
    rs_awscfg cfg;
    memset(&cfg, 0, sizeof cfg);
    FZ_CHECK(rs_ini_parse((const char *)config.p, config.n, 1, &cfg.config) == 0);
    FZ_CHECK(rs_ini_parse((const char *)in.p, in.n, 0, &cfg.credentials) == 0);
    ask(&cfg, "default");
    ask_all(&cfg, &cfg.config, 1);
    ask_all(&cfg, &cfg.credentials, 0);
    rs_awscfg_free(&cfg);
    return 0;
}
