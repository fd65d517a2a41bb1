/* iam.c - temporary database credentials for IAM login (see iam.h). */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws/credentials.h"
#include "aws/creds/awsconfig.h"
#include "aws/dbcred_cache.h"
#include "aws/endpoint.h"
#include "aws/iam.h"
#include "aws/redshift_api.h"
#include "aws/serverless_api.h"
#include "aws/sigv4.h"
#include "aws/http_log.h"
#include "util/log.h"

#define RS_IAM_DEFAULT_DURATION 900
#define RS_REDSHIFT_DEFAULT_PORT 5439

/* Everything decided before calling AWS. */
typedef struct iam_plan {
    const rs_iam_params *p;
    int serverless;
    char region[32];
    char cluster[128];          /* cluster identifier or workgroup name; may be empty */
    char custom_domain[256];    /* the host, when it is a custom domain and no cluster is known */
    char db_user[256];
    char db_groups[2048];
    int duration;
    char endpoint[1024];
    rs_aws_credentials creds;
} iam_plan;

void rs_db_credentials_clear(rs_db_credentials *c)
{
    if (c)
        explicit_bzero(c, sizeof *c);
}

static int is_ip_or_local(const char *host)
{
    unsigned char buf[16];
    char h[64];
    snprintf(h, sizeof h, "%s", host);
    if (h[0] == '[') {            /* [::1] */
        memmove(h, h + 1, strlen(h));
        h[strcspn(h, "]")] = '\0';
    }
    return inet_pton(AF_INET, h, buf) == 1 || inet_pton(AF_INET6, h, buf) == 1 || strchr(host, '.') == NULL;
}

static void copy_lower(char *dst, size_t size, const char *src, int lower)
{
    snprintf(dst, size, "%s", src ? src : "");
    if (lower)
        for (char *s = dst; *s; s++)
            *s = (char)tolower((unsigned char)*s);
}

static int has(const char *s)
{
    return s && *s;
}

/* Decide kind, region, target, user and duration from the keywords and the host. */
static int plan_call(const rs_iam_params *p, iam_plan *pl, rs_aws_error *err)
{
    rs_redshift_host h;
    rs_endpoint_parse_host(p->host, &h);

    if (p->serverless == 1 || p->serverless == 0)
        pl->serverless = p->serverless;
    else
        pl->serverless = has(p->workgroup) || h.kind == RS_HOST_SERVERLESS;

    const char *region = has(p->region) ? p->region : h.region[0] ? h.region : NULL;
    if (!region) {
        rs_awscfg cfg;
        rs_aws_error cerr = {0};
        int chosen;
        const char *prof = rs_awscfg_profile_name(p->profile, &chosen);
        int loaded = rs_awscfg_load(&cfg, &cerr) == 0;
        const char *r = rs_awscfg_region(loaded ? &cfg : NULL, prof);
        if (r)
            snprintf(pl->region, sizeof pl->region, "%s", r);
        if (loaded)
            rs_awscfg_free(&cfg);
    } else {
        snprintf(pl->region, sizeof pl->region, "%s", region);
    }
    if (!pl->region[0])
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "IAM needs a region: set Region=... or use a Redshift endpoint host "
                                "(<cluster>.<id>.<region>.redshift.amazonaws.com)");
    if (!rs_region_is_valid(pl->region))
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "\"%.40s\" is not an AWS region name (e.g. us-east-1): check Region=", pl->region);

    const char *target = pl->serverless ? p->workgroup : p->cluster_id;
    rs_host_kind want = pl->serverless ? RS_HOST_SERVERLESS : RS_HOST_PROVISIONED;
    if (has(target))
        snprintf(pl->cluster, sizeof pl->cluster, "%s", target);
    else if (h.kind == want)
        snprintf(pl->cluster, sizeof pl->cluster, "%s", h.name);
    else if (h.kind == RS_HOST_CUSTOM && has(p->host) && !is_ip_or_local(p->host))
        snprintf(pl->custom_domain, sizeof pl->custom_domain, "%s", p->host);
    if (!pl->cluster[0] && !pl->custom_domain[0])
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, pl->serverless
            ? "IAM for Redshift Serverless needs a workgroup: set Workgroup=... or Server=<workgroup>.<account>.<region>.redshift-serverless.amazonaws.com"
            : "IAM needs a cluster: set ClusterId=... or Server=<cluster>.<id>.<region>.redshift.amazonaws.com");

    pl->duration = p->iam_duration > 0 ? p->iam_duration : RS_IAM_DEFAULT_DURATION;
    if (pl->duration < 900 || pl->duration > 3600)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "IAMDuration=%d is out of range: use 900 to 3600 seconds", p->iam_duration);

    if (!pl->serverless && !p->group_federation) {
        const char *user = has(p->db_user) ? p->db_user : p->uid;
        if (!has(user))
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "IAM needs a database user: set DbUser=... (or UID=...)");
        copy_lower(pl->db_user, sizeof pl->db_user, user, p->force_lowercase);
        if (strlen(user) >= sizeof pl->db_user)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "DbUser is longer than %zu characters",
                                    sizeof pl->db_user - 1);
        copy_lower(pl->db_groups, sizeof pl->db_groups, p->db_groups, p->force_lowercase);
        if (p->db_groups && strlen(p->db_groups) >= sizeof pl->db_groups)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "DbGroups is too long");
    }
    return rs_endpoint_url(pl->serverless ? RS_SVC_REDSHIFT_SERVERLESS : RS_SVC_REDSHIFT, p->endpoint_url,
                           p->profile, pl->region, pl->endpoint, sizeof pl->endpoint, err);
}

/* Host and port of the cluster or workgroup, when the connection did not give them. */
static int discover(const iam_plan *pl, const rs_aws_target *t, rs_db_credentials *out, rs_aws_error *err)
{
    const rs_iam_params *p = pl->p;
    snprintf(out->host, sizeof out->host, "%s", has(p->host) ? p->host : "");
    out->port = p->port;
    if (out->host[0] && out->port > 0)
        return 0;
    char host[256] = "", cluster[128];
    int port = 0, rc;
    snprintf(cluster, sizeof cluster, "%s", pl->cluster);
    if (pl->serverless) {
        rc = pl->cluster[0] ? rs_serverless_get_workgroup(t, pl->cluster, host, sizeof host, &port, err) : -1;
    } else {
        rc = 0;
        if (!cluster[0])
            rc = rs_redshift_custom_domain_cluster(t, pl->custom_domain, cluster, sizeof cluster, err);
        if (rc == 0)
            rc = rs_redshift_describe_cluster(t, cluster, host, sizeof host, &port, err);
    }
    if (!out->host[0]) {
        /* No Server keyword: discovery is the only way to know where to connect. */
        if (rc < 0)
            return -1;
        snprintf(out->host, sizeof out->host, "%s", host);
    }
    if (out->port <= 0)
        out->port = rc == 0 ? port : RS_REDSHIFT_DEFAULT_PORT;  /* Server given: default port */
    return 0;
}

static int fetch(void *ctx, rs_db_credentials *out, rs_aws_error *err)
{
    const iam_plan *pl = ctx;
    const rs_iam_params *p = pl->p;
    rs_aws_target t = {
        .endpoint_url = pl->endpoint, .region = pl->region, .creds = &pl->creds,
        .ca_file = p->ca_file, .connect_timeout_ms = p->sts_connect_timeout_ms,
    };
    int rc;
    if (pl->serverless) {
        rc = rs_serverless_get_credentials(&t, pl->cluster, pl->cluster[0] ? NULL : pl->custom_domain,
                                           p->database, pl->duration, out, err);
    } else {
        rs_cluster_creds_request r = {
            .cluster_id = pl->cluster[0] ? pl->cluster : NULL,
            .custom_domain = pl->cluster[0] ? NULL : pl->custom_domain,
            .db_user = pl->db_user, .db_name = p->database, .db_groups = pl->db_groups,
            .auto_create = p->auto_create, .duration_seconds = pl->duration,
        };
        rc = p->group_federation ? rs_redshift_get_cluster_credentials_with_iam(&t, &r, out, err)
                                 : rs_redshift_get_cluster_credentials(&t, &r, out, err);
    }
    if (rc == 0 && discover(pl, &t, out, err) < 0) {
        rs_db_credentials_clear(out);
        return -1;
    }
    return rc;
}

/* A digest of the secret key and session token. The key id alone is not who is asking: with it
 * only, a connection giving the right key id and a wrong secret (or a stale session token) was
 * handed the database credentials another connection of the process had obtained. */
static void identity_digest(const rs_aws_credentials *c, char hex[65])
{
    char buf[sizeof c->secret_access_key + 1 + sizeof c->session_token];
    size_t ls = strnlen(c->secret_access_key, sizeof c->secret_access_key);
    size_t lt = strnlen(c->session_token, sizeof c->session_token);
    memcpy(buf, c->secret_access_key, ls);
    buf[ls] = '\n';
    memcpy(buf + ls + 1, c->session_token, lt);
    rs_sha256_hex(buf, ls + 1 + lt, hex);
    explicit_bzero(buf, sizeof buf);
}

/* Everything that changes the answer, and the identity asking; the cache keeps only its hash. */
static void cache_key(const iam_plan *pl, char *key, size_t size)
{
    const rs_iam_params *p = pl->p;
    char who[65];
    identity_digest(&pl->creds, who);
    snprintf(key, size,
             "v2|%s|%s|%s|%s|%s|%s|%s|%s|%s|%s|%d|%d|%d|%d|%s|%d",
             pl->serverless ? "serverless" : "provisioned", pl->region, pl->endpoint,
             pl->creds.access_key_id, who, pl->cluster, pl->custom_domain,
             p->database ? p->database : "", pl->db_user, pl->db_groups,
             p->auto_create ? 1 : 0, pl->duration, p->group_federation ? 1 : 0,
             p->force_lowercase ? 1 : 0, p->host ? p->host : "", p->port);
    explicit_bzero(who, sizeof who);
}

int rs_iam_get_db_credentials(const rs_iam_params *p, rs_db_credentials *out, rs_aws_error *err)
{
    memset(out, 0, sizeof *out);
    iam_plan *pl = calloc(1, sizeof *pl);
    if (!pl)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "IAM: out of memory");
    pl->p = p;
    int rc = plan_call(p, pl, err);
    if (rc == 0 && rs_log_enabled(RS_LOG_DEBUG)) {
        char host[256];
        rs_http_url_host(pl->endpoint, host, sizeof host);
        rs_log(RS_LOG_DEBUG, 0, "IAM: %s %s%s in %s via %s; database user %s%s%s, %d s%s%s", pl->serverless ? "workgroup" : "cluster",
               pl->cluster[0] ? pl->cluster : "for custom domain ", pl->cluster[0] ? "" : pl->custom_domain,
               pl->region, host, pl->db_user[0] ? pl->db_user : pl->serverless ? "(from the IAM identity)" : "(group federation)",
               pl->db_groups[0] ? ", groups " : "", pl->db_groups, pl->duration,
               p->group_federation ? ", GetClusterCredentialsWithIAM" : "", p->disable_cache ? ", cache disabled" : "");
    }
    if (rc == 0) {
        rs_aws_credential_options opt = {
            .access_key_id = p->access_key_id, .secret_access_key = p->secret_access_key,
            .session_token = p->session_token, .profile = p->profile,
            .instance_profile = p->instance_profile, .region = pl->region,
            .sts_endpoint_url = p->sts_endpoint_url, .ca_file = p->ca_file,
            .connect_timeout_ms = p->sts_connect_timeout_ms, .iam_duration = p->iam_duration,
        };
        rc = rs_aws_credentials_resolve(&opt, &pl->creds, err);
    }
    if (rc == 0) {
        if (p->disable_cache) {
            rc = fetch(pl, out, err);
        } else {
            char key[4096];
            cache_key(pl, key, sizeof key);
            rc = rs_dbcred_cache_get(key, fetch, pl, out, err);
            explicit_bzero(key, sizeof key);
        }
    }
    rs_aws_credentials_clear(&pl->creds);
    explicit_bzero(pl, sizeof *pl);
    free(pl);
    return rc;
}
