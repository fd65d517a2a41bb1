/* src_sso.c - IAM Identity Center (SSO): the cached token from `aws sso login`, then
 * GetRoleCredentials. The token is not refreshed here: when it has expired the user
 * runs `aws sso login` again, as the error says. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <openssl/evp.h>

#define SSO_CACHE_MAX (256 * 1024)

int rs_creds_sso_cache_path(const char *key, char *buf, size_t n)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    if (EVP_Digest(key, strlen(key), md, &mdlen, EVP_sha1(), NULL) != 1 || mdlen != 20)
        return -1;
    char hex[41];
    for (unsigned i = 0; i < mdlen; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    char home[1024];
    if (rs_creds_home(home, sizeof home) != 0)
        return -1;
    int w = snprintf(buf, n, "%s/.aws/sso/cache/%s.json", home, hex);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

/* The access token from the cache file, refused when expired. 0 or -1. */
static int read_token(const rs_creds_sso_settings *s, char *token, size_t n, rs_aws_error *err)
{
    const char *key = s->session_name ? s->session_name : s->start_url;
    const char *what = s->session_name ? "sso-session" : "sso_start_url";
    char path[1200];
    if (rs_creds_sso_cache_path(key, path, sizeof path) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "cannot locate the SSO token cache (is HOME set?)");
    char *text;
    size_t len;
    if (rs_creds_read_file(path, SSO_CACHE_MAX, &text, &len) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "no SSO token for %s %.200s (%s: %s): run aws sso login", what, key, path,
                                strerror(errno));
    json_object *o = rs_creds_json_object(text, len);
    rs_creds_wipe_free(text, len);
    int rc = 0;
    const char *tok = rs_creds_json_str(o, "accessToken");
    const char *exp_s = rs_creds_json_str(o, "expiresAt");
    time_t exp;
    if (!tok || !*tok || !exp_s)
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                              "the SSO token cache %s has no accessToken/expiresAt: run aws sso login", path);
    else if (rs_creds_parse_time(exp_s, &exp) != 0)
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                              "the SSO token cache %s has an invalid expiresAt: run aws sso login", path);
    else if (exp <= rs_creds_now())
        rc = rs_aws_error_set(err, RS_AWS_ERR_AUTH,
                              "the SSO token for %s %.200s expired at %.40s: run aws sso login", what, key, exp_s);
    else if (strlen(tok) >= n)
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the SSO access token in %s is too long", path);
    else
        snprintf(token, n, "%s", tok);
    rs_creds_json_wipe_put(o); /* json-c holds its own copy of the token */
    return rc;
}

static int parse_role_credentials(const rs_http_response *resp, rs_aws_credentials *out, rs_aws_error *err)
{
    json_object *o = rs_creds_json_object(resp->body, resp->body_len), *rc_obj, *exp_obj;
    int rc;
    if (!o || !json_object_object_get_ex(o, "roleCredentials", &rc_obj)
        || !json_object_is_type(rc_obj, json_type_object)) {
        rc = rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "SSO GetRoleCredentials: the answer has no roleCredentials");
    } else {
        time_t exp = 0;
        if (json_object_object_get_ex(rc_obj, "expiration", &exp_obj)
            && (json_object_is_type(exp_obj, json_type_int) || json_object_is_type(exp_obj, json_type_double)))
            exp = (time_t)(json_object_get_int64(exp_obj) / 1000);
        rc = rs_creds_store(out, rs_creds_json_str(rc_obj, "accessKeyId"), rs_creds_json_str(rc_obj, "secretAccessKey"),
                            rs_creds_json_str(rc_obj, "sessionToken"), exp, "SSO GetRoleCredentials", err);
    }
    rs_creds_json_wipe_put(o);
    return rc;
}

static int raw_append(char *buf, size_t n, const char *s)
{
    size_t len = strlen(buf), add = strlen(s);
    if (len + add >= n)
        return -1;
    memcpy(buf + len, s, add + 1);
    return 0;
}

static int get_role_credentials(const rs_creds_sso_settings *s, const rs_aws_credential_options *opt,
                                const char *token, rs_aws_credentials *out, rs_aws_error *err)
{
    char url[2048];
    int w = s->endpoint_url ? snprintf(url, sizeof url, "%s", s->endpoint_url)
                            : snprintf(url, sizeof url, "https://portal.sso.%s.amazonaws.com%s", s->region,
                                       strncmp(s->region, "cn-", 3) == 0 ? ".cn" : "");
    if (w < 0 || (size_t)w >= sizeof url)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the SSO endpoint URL is too long");
    size_t n = strlen(url);
    while (n > 0 && url[n - 1] == '/')
        url[--n] = '\0';
    if (raw_append(url, sizeof url, "/federation/credentials?role_name=") != 0
        || rs_creds_url_append(url, sizeof url, s->role_name) != 0
        || raw_append(url, sizeof url, "&account_id=") != 0
        || rs_creds_url_append(url, sizeof url, s->account_id) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "sso_role_name or sso_account_id is too long");

    rs_http_header hdr[2] = {{"x-amz-sso_bearer_token", token}, {"Accept", "application/json"}};
    rs_http_request req = {.method = "GET", .url = url, .headers = hdr, .n_headers = 2,
                           .ca_file = opt->ca_file, .connect_timeout_ms = opt->connect_timeout_ms,
                           /* StsConnectionTimeout bounds the whole request, as in awscall.c */
                           .total_timeout_ms = opt->connect_timeout_ms,
                           .log_service = "sso", .log_action = "GetRoleCredentials"};
    rs_http_response resp;
    if (rs_creds_http(&req, 3, &resp, err) != 0)
        return -1;
    long st = resp.status;
    int rc;
    if (st == 200) {
        rc = parse_role_credentials(&resp, out, err);
    } else {
        rc = rs_aws_error_set(err, st == 401 || st == 403 ? RS_AWS_ERR_AUTH : RS_AWS_ERR_SERVICE,
                              "SSO GetRoleCredentials for account %.20s role %.64s answered HTTP %ld%s",
                              s->account_id, s->role_name, st,
                              st == 401 ? ": the SSO session is no longer valid, run aws sso login"
                              : st == 403 ? ": this SSO user may not use that role in that account" : "");
        err->http_status = st;
        snprintf(err->request_id, sizeof err->request_id, "%s", resp.request_id);
    }
    if (resp.body)
        explicit_bzero(resp.body, resp.body_len);
    rs_http_response_free(&resp);
    return rc;
}

int rs_creds_from_sso(const rs_creds_sso_settings *s, const rs_aws_credential_options *opt,
                      rs_aws_credentials *out, rs_aws_error *err)
{
    if (!s->start_url || !s->region || !s->account_id || !s->role_name)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                "incomplete SSO settings: missing %s",
                                !s->start_url ? "sso_start_url" : !s->region ? "sso_region"
                                : !s->account_id ? "sso_account_id" : "sso_role_name");
    char key[3000];
    snprintf(key, sizeof key, "sso\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s", s->session_name ? s->session_name : "",
             s->start_url, s->region, s->account_id, s->role_name, s->endpoint_url ? s->endpoint_url : "");
    if (rs_creds_cache_claim(key, out))
        return RS_CREDS_FOUND;
    char token[8192];
    int rc = read_token(s, token, sizeof token, err);
    if (rc == 0)
        rc = get_role_credentials(s, opt, token, out, err);
    explicit_bzero(token, sizeof token);
    if (rc == 0)
        rs_creds_set_source(out, "SSO account %.20s role %.64s", s->account_id, s->role_name);
    rs_creds_cache_finish(key, rc == 0 ? out : NULL);
    return rc == 0 ? RS_CREDS_FOUND : -1;
}
