/* awsconfig.c - finding profiles and settings in ~/.aws/config and ~/.aws/credentials. */
#include "aws/creds/awsconfig.h"
#include "aws/creds/creds_util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int resolve_path(const char *env, const char *dflt, char *buf, size_t n)
{
    const char *p = rs_creds_getenv(env);
    return rs_creds_expand_path(p ? p : dflt, buf, n);
}

int rs_awscfg_load(rs_awscfg *cfg, rs_aws_error *err)
{
    memset(cfg, 0, sizeof *cfg);
    if (resolve_path("AWS_CONFIG_FILE", "~/.aws/config", cfg->config_path, sizeof cfg->config_path) != 0
        || resolve_path("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials", cfg->credentials_path,
                        sizeof cfg->credentials_path) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "cannot locate the AWS config files: HOME is not set or a path is too long");
    int missing;
    if (rs_ini_load(cfg->config_path, 1, &cfg->config, &missing) != 0) {
        if (errno == ENOMEM)
            return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory reading %s", cfg->config_path);
        cfg->config_errno = errno;
    }
    if (rs_ini_load(cfg->credentials_path, 0, &cfg->credentials, &missing) != 0) {
        if (errno == ENOMEM) {
            rs_ini_free(&cfg->config);
            return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory reading %s",
                                    cfg->credentials_path);
        }
        cfg->credentials_errno = errno;
    }
    return 0;
}

void rs_awscfg_free(rs_awscfg *cfg)
{
    rs_ini_free(&cfg->config);
    rs_ini_free(&cfg->credentials);
}

const char *rs_awscfg_profile_name(const char *opt_profile, int *chosen)
{
    const char *p = opt_profile && *opt_profile ? opt_profile : NULL;
    if (!p)
        p = rs_creds_getenv("AWS_PROFILE");
    if (!p)
        p = rs_creds_getenv("AWS_DEFAULT_PROFILE");
    *chosen = p != NULL;
    return p ? p : "default";
}

/* Does a config section header name `<kind> <name>` (any run of blanks between)? */
static int header_matches(const char *header, const char *kind, const char *name)
{
    size_t k = strlen(kind);
    if (strncmp(header, kind, k) != 0 || (header[k] != ' ' && header[k] != '\t'))
        return 0;
    const char *rest = header + k;
    while (*rest == ' ' || *rest == '\t')
        rest++;
    return strcmp(rest, name) == 0;
}

static const rs_ini_section *config_section(const rs_ini *ini, const char *kind, const char *name)
{
    /* `[profile default]` wins over `[default]` when both exist. */
    for (size_t i = 0; i < ini->n_sections; i++)
        if (header_matches(ini->sections[i].name, kind, name))
            return &ini->sections[i];
    if (strcmp(kind, "profile") == 0 && strcmp(name, "default") == 0)
        return rs_ini_find(ini, "default");
    return NULL;
}

int rs_awscfg_has_profile(const rs_awscfg *cfg, const char *profile)
{
    return rs_ini_find(&cfg->credentials, profile) != NULL
        || config_section(&cfg->config, "profile", profile) != NULL;
}

static const char *nonempty(const char *v)
{
    return v && *v ? v : NULL;
}

const char *rs_awscfg_get(const rs_awscfg *cfg, const char *profile, const char *key)
{
    const char *v = nonempty(rs_ini_get(rs_ini_find(&cfg->credentials, profile), key));
    if (!v && strcmp(profile, "default") == 0) {
        /* the default profile may also be written [default] and [profile default] */
        v = nonempty(rs_ini_get(rs_ini_find(&cfg->config, "default"), key));
        const char *pd = nonempty(rs_ini_get(config_section(&cfg->config, "profile", profile), key));
        return pd ? pd : v;
    }
    return v ? v : nonempty(rs_ini_get(config_section(&cfg->config, "profile", profile), key));
}

const char *rs_awscfg_section_get(const rs_awscfg *cfg, const char *kind, const char *name,
                                  const char *key)
{
    return nonempty(rs_ini_get(config_section(&cfg->config, kind, name), key));
}

int rs_awscfg_has_section(const rs_awscfg *cfg, const char *kind, const char *name)
{
    return config_section(&cfg->config, kind, name) != NULL;
}

const char *rs_awscfg_endpoint_url(const rs_awscfg *cfg, const char *profile,
                                   const char *service_id, const char *env_id)
{
    if (rs_creds_is_true(rs_creds_getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        return NULL;
    char name[64];
    snprintf(name, sizeof name, "AWS_ENDPOINT_URL_%s", env_id);
    const char *v = rs_creds_getenv(name);
    if (!v)
        v = rs_creds_getenv("AWS_ENDPOINT_URL");
    if (v || !cfg || !profile)
        return v;
    if (rs_creds_is_true(rs_awscfg_get(cfg, profile, "ignore_configured_endpoint_urls")))
        return NULL;
    const char *services = rs_awscfg_get(cfg, profile, "services");
    if (services) {
        char key[96];
        snprintf(key, sizeof key, "%s.endpoint_url", service_id);
        v = rs_awscfg_section_get(cfg, "services", services, key);
        if (v)
            return v;
    }
    return rs_awscfg_get(cfg, profile, "endpoint_url");
}

const char *rs_awscfg_region(const rs_awscfg *cfg, const char *profile)
{
    const char *r = rs_creds_getenv("AWS_REGION");
    if (!r)
        r = rs_creds_getenv("AWS_DEFAULT_REGION");
    if (!r && cfg && profile)
        r = rs_awscfg_get(cfg, profile, "region");
    return r;
}
