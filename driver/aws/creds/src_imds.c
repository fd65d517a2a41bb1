/* src_imds.c - EC2 instance metadata (IMDSv2, falling back to IMDSv1 like the SDKs
 * unless AWS_EC2_METADATA_V1_DISABLED=true).
 *
 * Last in the chain, so short timeouts: 1 s to connect, AWS_METADATA_SERVICE_TIMEOUT
 * (default 1 s) per answer, AWS_METADATA_SERVICE_NUM_ATTEMPTS (default 1, at most 5).
 * When the service is unreachable the chain just reports it; with InstanceProfile=1 or
 * credential_source Ec2InstanceMetadata that is an error. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define IMDS_DEFAULT "http://169.254.169.254"
#define IMDS_DEFAULT_V6 "http://[fd00:ec2::254]"
#define IMDS_CREDS_PATH "/latest/meta-data/iam/security-credentials/"

typedef struct imds {
    const rs_aws_credential_options *opt;
    char endpoint[512];
    char token[256];            /* IMDSv2 session token; empty for IMDSv1 */
    long total_ms;
    int attempts;
} imds;

static long env_long(const char *name, long dflt, long lo, long hi)
{
    const char *v = rs_creds_getenv(name);
    if (!v)
        return dflt;
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || n < lo)
        return dflt;
    return n > hi ? hi : n;
}

static int call(imds *m, const char *method, const char *path, rs_http_response *resp, rs_aws_error *err)
{
    char url[1024];
    snprintf(url, sizeof url, "%s%s", m->endpoint, path);
    rs_http_header hdr[1];
    size_t nh = 0;
    if (strcmp(method, "PUT") == 0)
        hdr[nh++] = (rs_http_header){"X-aws-ec2-metadata-token-ttl-seconds", "21600"};
    else if (m->token[0])
        hdr[nh++] = (rs_http_header){"X-aws-ec2-metadata-token", m->token};
    rs_http_request req = {
        .method = method, .url = url, .headers = hdr, .n_headers = nh, .body = "", .body_len = 0,
        .ca_file = m->opt->ca_file, .connect_timeout_ms = 1000, .total_timeout_ms = m->total_ms,
        .log_service = "imds",
        .log_action = strcmp(method, "PUT") == 0 ? "GetToken"
                      : strcmp(path, IMDS_CREDS_PATH) == 0 ? "ListRoles" : "GetRoleCredentials",
    };
    return rs_creds_http(&req, m->attempts, resp, err);
}

static void trim_line(char *s)
{
    s[strcspn(s, "\r\n")] = '\0';
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
}

static int valid_role_name(const char *r)
{
    if (!*r || strlen(r) > 128)
        return 0;
    for (; *r; r++)
        if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+=,.@_-", *r))
            return 0;
    return 1;
}

/* Get the IMDSv2 token. RS_CREDS_ABSENT when the service is unreachable (err has why). */
static int get_token(imds *m, rs_aws_error *err)
{
    rs_http_response resp;
    if (call(m, "PUT", "/latest/api/token", &resp, err) != 0)
        return RS_CREDS_ABSENT;
    long st = resp.status;
    if (st == 200 && resp.body && resp.body_len < sizeof m->token) {
        snprintf(m->token, sizeof m->token, "%s", resp.body);
        trim_line(m->token);
    }
    explicit_bzero(resp.body, resp.body_len);
    rs_http_response_free(&resp);
    if (m->token[0])
        return 0;
    if (st == 403) {
        rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "EC2 instance metadata refused a session token (HTTP 403): "
                                                 "the instance metadata service is disabled");
        err->http_status = st;
        return -1;
    }
    if (rs_creds_is_true(rs_creds_getenv("AWS_EC2_METADATA_V1_DISABLED"))) {
        rs_aws_error_set(err, RS_AWS_ERR_SERVICE, "EC2 instance metadata gave no IMDSv2 token (HTTP %ld) "
                                                  "and AWS_EC2_METADATA_V1_DISABLED is true", st);
        err->http_status = st;
        return -1;
    }
    return 0; /* IMDSv1 */
}

static int parse_creds(const rs_http_response *resp, rs_aws_credentials *out, rs_aws_error *err)
{
    json_object *o = rs_creds_json_object(resp->body, resp->body_len);
    if (!o)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "EC2 instance metadata: the credentials are not JSON");
    const char *code = rs_creds_json_str(o, "Code");
    const char *exp_s = rs_creds_json_str(o, "Expiration");
    time_t exp = 0;
    int rc;
    if (code && strcmp(code, "Success") != 0)
        rc = rs_aws_error_set(err, RS_AWS_ERR_SERVICE, "EC2 instance metadata: credentials Code is %.64s", code);
    else if (exp_s && rs_creds_parse_time(exp_s, &exp) != 0)
        rc = rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "EC2 instance metadata: Expiration is not an ISO 8601 time");
    else
        rc = rs_creds_store(out, rs_creds_json_str(o, "AccessKeyId"), rs_creds_json_str(o, "SecretAccessKey"),
                            rs_creds_json_str(o, "Token"), exp, "EC2 instance metadata", err);
    rs_creds_json_wipe_put(o);
    return rc;
}

static int fetch(imds *m, int required, rs_creds_tried *tried, rs_aws_credentials *out, rs_aws_error *err)
{
    int rc = get_token(m, err);
    if (rc == RS_CREDS_ABSENT) {
        if (required) {
            char why[600];
            snprintf(why, sizeof why, "%.*s", (int)sizeof why - 1, err->message);
            return rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "EC2 instance metadata at %s is unreachable: %s",
                                    m->endpoint, why);
        }
        rs_creds_tried_add(tried, "EC2 instance metadata at %s not reachable", m->endpoint);
        memset(err, 0, sizeof *err);
        return RS_CREDS_ABSENT;
    }
    if (rc != 0)
        return -1;

    rs_http_response resp;
    if (call(m, "GET", IMDS_CREDS_PATH, &resp, err) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "EC2 instance metadata at %s stopped answering", m->endpoint);
    long st = resp.status;
    char role[256] = "";
    if (st == 200 && resp.body)
        snprintf(role, sizeof role, "%s", resp.body);
    rs_http_response_free(&resp);
    trim_line(role);
    if (st == 404 || (st == 200 && !role[0])) {
        if (required)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "this EC2 instance has no IAM instance profile (role) attached");
        rs_creds_tried_add(tried, "EC2 instance metadata: no IAM role attached");
        return RS_CREDS_ABSENT;
    }
    if (st != 200) {
        rs_aws_error_set(err, RS_AWS_ERR_SERVICE, "EC2 instance metadata answered HTTP %ld listing roles", st);
        err->http_status = st;
        return -1;
    }
    if (!valid_role_name(role))
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "EC2 instance metadata gave an invalid role name");

    char path[512];
    snprintf(path, sizeof path, "%s%s", IMDS_CREDS_PATH, role);
    if (call(m, "GET", path, &resp, err) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "EC2 instance metadata at %s stopped answering", m->endpoint);
    st = resp.status;
    rc = st == 200 ? parse_creds(&resp, out, err) : -1;
    if (resp.body)
        explicit_bzero(resp.body, resp.body_len);
    rs_http_response_free(&resp);
    if (st != 200) {
        rs_aws_error_set(err, RS_AWS_ERR_SERVICE, "EC2 instance metadata answered HTTP %ld for role %s", st, role);
        err->http_status = st;
        return -1;
    }
    if (rc != 0)
        return -1;
    rs_creds_set_source(out, "EC2 instance metadata role %.100s", role);
    return RS_CREDS_FOUND;
}

int rs_creds_from_imds(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                       rs_aws_credentials *out, rs_aws_error *err)
{
    int required = tried == NULL;
    if (rs_creds_is_true(rs_creds_getenv("AWS_EC2_METADATA_DISABLED"))) {
        if (required)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "EC2 instance metadata is needed but AWS_EC2_METADATA_DISABLED is true");
        rs_creds_tried_add(tried, "AWS_EC2_METADATA_DISABLED=true");
        return RS_CREDS_ABSENT;
    }
    imds *m = calloc(1, sizeof *m);
    if (!m)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory");
    m->opt = opt;
    const char *ep = rs_creds_getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    const char *mode = rs_creds_getenv("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE");
    if (!ep)
        ep = mode && strcasecmp(mode, "IPv6") == 0 ? IMDS_DEFAULT_V6 : IMDS_DEFAULT;
    snprintf(m->endpoint, sizeof m->endpoint, "%s", ep);
    size_t n = strlen(m->endpoint);
    while (n > 0 && m->endpoint[n - 1] == '/')
        m->endpoint[--n] = '\0';
    m->total_ms = env_long("AWS_METADATA_SERVICE_TIMEOUT", 1, 1, 60) * 1000 + 1000;
    m->attempts = (int)env_long("AWS_METADATA_SERVICE_NUM_ATTEMPTS", 1, 1, 5);

    char key[600];
    snprintf(key, sizeof key, "imds\x1f%s", m->endpoint);
    int rc;
    if (rs_creds_cache_claim(key, out)) {
        rc = RS_CREDS_FOUND;
    } else {
        rc = fetch(m, required, tried, out, err);
        rs_creds_cache_finish(key, rc == RS_CREDS_FOUND ? out : NULL);
    }
    explicit_bzero(m, sizeof *m);
    free(m);
    return rc;
}
