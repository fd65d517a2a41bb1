/* src_profile.c - credentials from a named profile of the shared config files.
 *
 * Within a profile, in the order botocore uses: role_arn (with web_identity_token_file,
 * source_profile or credential_source), SSO, static keys, credential_process. A profile
 * reached through source_profile uses its static keys first when it has them (that is
 * also how `source_profile` naming the profile itself works). Chains are bounded and
 * loops are reported with the path that loops. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"
#include "util/log.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHAIN 16

typedef struct profile_walk {
    const rs_aws_credential_options *opt;
    const rs_awscfg *cfg;
    const char *chain[MAX_CHAIN];
    int depth;
} profile_walk;

static int resolve(profile_walk *w, const char *name, int is_source, rs_aws_credentials *out,
                   rs_aws_error *err);

static const char *get(const profile_walk *w, const char *profile, const char *key)
{
    return rs_awscfg_get(w->cfg, profile, key);
}

/* "a -> b -> a" */
static void chain_text(const profile_walk *w, const char *last, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < w->depth && len < n; i++)
        len += (size_t)snprintf(buf + len, n - len, "%s -> ", w->chain[i]);
    if (len < n)
        snprintf(buf + len, n - len, "%s", last);
}

/* Prefix an error from a deeper layer with the profile it happened in:
 * "profile 'name' <what>: <message>". */
static int with_context(rs_aws_error *err, const char *what, const char *name)
{
    char msg[sizeof err->message];
    memcpy(msg, err->message, sizeof msg);
    msg[sizeof msg - 1] = '\0';
    size_t n = (size_t)snprintf(err->message, sizeof err->message, "profile '%.100s'%s%.60s: ", name,
                                *what ? " " : "", what);
    if (n < sizeof err->message)
        snprintf(err->message + n, sizeof err->message - n, "%.*s", (int)(sizeof err->message - n - 1), msg);
    return -1;
}

static int static_keys(const profile_walk *w, const char *name, rs_aws_credentials *out, rs_aws_error *err)
{
    const char *id = get(w, name, "aws_access_key_id");
    const char *secret = get(w, name, "aws_secret_access_key");
    if (!id && !secret)
        return RS_CREDS_ABSENT;
    if (!id || !secret)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "profile '%s' has %s but no %s", name,
                                id ? "aws_access_key_id" : "aws_secret_access_key",
                                id ? "aws_secret_access_key" : "aws_access_key_id");
    if (rs_creds_store(out, id, secret, get(w, name, "aws_session_token"), 0, "profile", err) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "profile '%s': a key or session token is too long", name);
    rs_creds_set_source(out, "profile %s: static keys", name);
    return RS_CREDS_FOUND;
}

static int parse_duration(const char *name, const char *v, int dflt, int *out, rs_aws_error *err)
{
    if (!v) {
        *out = dflt;
        return 0;
    }
    char *end;
    errno = 0;
    long d = strtol(v, &end, 10);
    if (errno || *end || d < 900 || d > 43200)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "profile '%s': duration_seconds must be a number from 900 to 43200", name);
    *out = (int)d;
    return 0;
}

static int base_from_credential_source(profile_walk *w, const char *name, const char *src,
                                       rs_aws_credentials *base, rs_aws_error *err)
{
    int rc;
    if (strcmp(src, "Environment") == 0)
        rc = rs_creds_from_env(NULL, base, err);
    else if (strcmp(src, "Ec2InstanceMetadata") == 0)
        rc = rs_creds_from_imds(w->opt, NULL, base, err);
    else if (strcmp(src, "EcsContainer") == 0)
        rc = rs_creds_from_container(w->opt, NULL, base, err);
    else
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "profile '%s': credential_source '%.64s' is not one of Environment, "
                                "Ec2InstanceMetadata, EcsContainer", name, src);
    return rc == RS_CREDS_FOUND ? 0 : with_context(err, "credential_source", name);
}

static int assume_role(profile_walk *w, const char *name, const char *role_arn, rs_aws_credentials *out,
                       rs_aws_error *err)
{
    const char *src_profile = get(w, name, "source_profile");
    const char *cred_src = get(w, name, "credential_source");
    if (src_profile && cred_src)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "profile '%s' sets both source_profile and credential_source: keep one", name);
    if (!src_profile && !cred_src)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "profile '%s' has role_arn but no source_profile, credential_source or "
                                "web_identity_token_file", name);
    if (get(w, name, "mfa_serial"))
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "profile '%s' needs an MFA code (mfa_serial), which a driver cannot prompt for: "
                                "use a profile without mfa_serial or credentials from aws sts get-session-token",
                                name);
    rs_creds_sts sts;
    rs_creds_sts_options(w->opt, w->cfg, name, &sts);
    const char *external_id = get(w, name, "external_id");
    const char *session = get(w, name, "role_session_name");
    int duration;
    if (parse_duration(name, get(w, name, "duration_seconds"), w->opt->iam_duration, &duration, err) != 0)
        return -1;

    char key[4096];
    int kn = snprintf(key, sizeof key, "role\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s",
                      name, role_arn, src_profile ? src_profile : "", cred_src ? cred_src : "",
                      external_id ? external_id : "", session ? session : "", duration,
                      sts.opt.region ? sts.opt.region : "", sts.opt.endpoint_url ? sts.opt.endpoint_url : "",
                      w->cfg->config_path, w->cfg->credentials_path);
    int cacheable = kn > 0 && (size_t)kn < sizeof key;
    if (!cacheable || !rs_creds_cache_claim(key, out)) {
        rs_aws_credentials *base = calloc(1, sizeof *base);
        if (!base) {
            if (cacheable)
                rs_creds_cache_finish(key, NULL);
            return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory");
        }
        int rc = src_profile ? resolve(w, src_profile, 1, base, err)
                             : base_from_credential_source(w, name, cred_src, base, err);
        if (rc == RS_CREDS_FOUND) {
            rc = rs_sts_assume_role(&sts.opt, base, role_arn, session, external_id, duration, out, err);
            if (rc != 0)
                with_context(err, "role_arn", name);
        }
        rs_aws_credentials_clear(base);
        free(base);
        if (cacheable)
            rs_creds_cache_finish(key, rc == 0 || rc == RS_CREDS_FOUND ? out : NULL);
        if (rc != 0 && rc != RS_CREDS_FOUND)
            return -1;
    }
    if (src_profile)
        rs_creds_set_source(out, "profile %s: role_arn via source_profile %s", name, src_profile);
    else
        rs_creds_set_source(out, "profile %s: role_arn via credential_source %s", name, cred_src);
    return RS_CREDS_FOUND;
}

static int web_identity(profile_walk *w, const char *name, const char *role_arn, const char *file,
                        rs_aws_credentials *out, rs_aws_error *err)
{
    rs_creds_sts sts;
    rs_creds_sts_options(w->opt, w->cfg, name, &sts);
    int duration;
    if (parse_duration(name, get(w, name, "duration_seconds"), w->opt->iam_duration, &duration, err) != 0)
        return -1;
    if (rs_creds_from_web_identity(&sts.opt, role_arn, file, get(w, name, "role_session_name"), duration, out,
                                   err) != 0)
        return with_context(err, "web_identity_token_file", name);
    rs_creds_set_source(out, "profile %s: web_identity_token_file", name);
    return RS_CREDS_FOUND;
}

static int has_sso(const profile_walk *w, const char *name)
{
    return get(w, name, "sso_session") || get(w, name, "sso_start_url") || get(w, name, "sso_account_id")
        || get(w, name, "sso_role_name");
}

static int sso(profile_walk *w, const char *name, rs_aws_credentials *out, rs_aws_error *err)
{
    rs_creds_sso_settings s = {
        .session_name = get(w, name, "sso_session"),
        .account_id = get(w, name, "sso_account_id"),
        .role_name = get(w, name, "sso_role_name"),
        .endpoint_url = rs_awscfg_endpoint_url(w->cfg, name, "sso", "SSO"),
    };
    const char *p_url = get(w, name, "sso_start_url"), *p_region = get(w, name, "sso_region");
    if (s.session_name) {
        if (!rs_awscfg_has_section(w->cfg, "sso-session", s.session_name))
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "profile '%s': [sso-session %.100s] not found in %s",
                                    name, s.session_name, w->cfg->config_path);
        s.start_url = rs_awscfg_section_get(w->cfg, "sso-session", s.session_name, "sso_start_url");
        s.region = rs_awscfg_section_get(w->cfg, "sso-session", s.session_name, "sso_region");
        if ((p_url && s.start_url && strcmp(p_url, s.start_url) != 0)
            || (p_region && s.region && strcmp(p_region, s.region) != 0))
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "profile '%s': sso_start_url/sso_region differ from [sso-session %.100s]",
                                    name, s.session_name);
    } else {
        s.start_url = p_url;
        s.region = p_region;
    }
    if (rs_creds_from_sso(&s, w->opt, out, err) != 0)
        return with_context(err, "SSO", name);
    rs_creds_set_source(out, "profile %s: SSO account %.20s role %.64s", name, s.account_id, s.role_name);
    return RS_CREDS_FOUND;
}

static int resolve_settings(profile_walk *w, const char *name, int is_source, rs_aws_credentials *out,
                            rs_aws_error *err)
{
    const char *role_arn = get(w, name, "role_arn");
    if (role_arn) {
        const char *file = get(w, name, "web_identity_token_file");
        const char *src = get(w, name, "source_profile");
        if (file)
            rs_log(RS_LOG_DEBUG, 0, "credentials: profile %s: role_arn %s with web_identity_token_file", name, role_arn);
        else
            rs_log(RS_LOG_DEBUG, 0, "credentials: profile %s: role_arn %s via %s %s", name, role_arn,
                   src ? "source_profile" : "credential_source",
                   src ? src : get(w, name, "credential_source") ? get(w, name, "credential_source") : "(none)");
        return file ? web_identity(w, name, role_arn, file, out, err) : assume_role(w, name, role_arn, out, err);
    }
    if (has_sso(w, name)) {
        rs_log(RS_LOG_DEBUG, 0, "credentials: profile %s: SSO", name);
        return sso(w, name, out, err);
    }
    int rc = static_keys(w, name, out, err);
    if (rc != RS_CREDS_ABSENT) {
        if (rc == RS_CREDS_FOUND)
            rs_log(RS_LOG_DEBUG, 0, "credentials: profile %s: static keys", name);
        return rc;
    }
    const char *process = get(w, name, "credential_process");
    if (process) {
        /* the command itself is not logged: its arguments may hold a secret */
        rs_log(RS_LOG_DEBUG, 0, "credentials: profile %s: credential_process", name);
        if (rs_creds_from_process(process, out, err) != 0)
            return with_context(err, "", name);
        char what[sizeof out->source];
        memcpy(what, out->source, sizeof what);
        rs_creds_set_source(out, "profile %s: %.120s", name, what);
        return RS_CREDS_FOUND;
    }
    if (is_source)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "source_profile '%s' has no credentials (no aws_access_key_id, role_arn, "
                                "credential_process or SSO settings)", name);
    return RS_CREDS_ABSENT;
}

static int resolve(profile_walk *w, const char *name, int is_source, rs_aws_credentials *out, rs_aws_error *err)
{
    if (!rs_awscfg_has_profile(w->cfg, name))
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "source_profile '%s' (used by profile '%s') not found in %s or %s",
                                name, w->depth ? w->chain[w->depth - 1] : "?", w->cfg->credentials_path,
                                w->cfg->config_path);
    if (is_source) {
        int rc = static_keys(w, name, out, err);
        if (rc != RS_CREDS_ABSENT) {
            if (rc == RS_CREDS_FOUND)
                rs_log(RS_LOG_DEBUG, 0, "credentials: source_profile %s: static keys", name);
            return rc;
        }
    }
    for (int i = 0; i < w->depth; i++) {
        if (strcmp(w->chain[i], name) == 0) {
            char path[600];
            chain_text(w, name, path, sizeof path);
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "source_profile loop: %s", path);
        }
    }
    if (w->depth >= MAX_CHAIN)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "source_profile chain longer than %d profiles", MAX_CHAIN);
    w->chain[w->depth++] = name;
    int rc = resolve_settings(w, name, is_source, out, err);
    w->depth--;
    return rc;
}

int rs_creds_from_profile(const rs_aws_credential_options *opt, const rs_awscfg *cfg, rs_creds_tried *tried,
                          rs_aws_credentials *out, rs_aws_error *err)
{
    int chosen;
    const char *name = rs_awscfg_profile_name(opt->profile, &chosen);
    if (!rs_awscfg_has_profile(cfg, name)) {
        char why[300] = "";
        if (cfg->credentials_errno || cfg->config_errno)
            snprintf(why, sizeof why, " (%.200s: %.80s)", cfg->credentials_errno ? cfg->credentials_path : cfg->config_path,
                     strerror(cfg->credentials_errno ? cfg->credentials_errno : cfg->config_errno));
        if (chosen)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "profile '%s' not found in %s or %s%s", name,
                                    cfg->credentials_path, cfg->config_path, why);
        rs_creds_tried_add(tried, "profile '%s' not found in %s or %s%s", name, cfg->credentials_path,
                           cfg->config_path, why);
        return RS_CREDS_ABSENT;
    }
    profile_walk w = {.opt = opt, .cfg = cfg};
    int rc = resolve(&w, name, 0, out, err);
    if (rc == RS_CREDS_ABSENT)
        rs_creds_tried_add(tried, "profile '%s' has no credential settings", name);
    return rc;
}
