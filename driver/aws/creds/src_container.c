/* src_container.c - ECS/EKS container credentials (AWS_CONTAINER_CREDENTIALS_*_URI).
 *
 * RELATIVE_URI goes to http://169.254.170.2. FULL_URI may be any https URL; plain http
 * only to a loopback address or the ECS (169.254.170.2) / EKS Pod Identity
 * (169.254.170.23, fd00:ec2::23) addresses, so a token never leaves the host in clear.
 * Host names other than "localhost" are not resolved for this check. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define ECS_HOST "http://169.254.170.2"
#define CONTAINER_CONNECT_MS 2000
#define CONTAINER_TOTAL_MS 5000
#define CONTAINER_ATTEMPTS 3

static int allowed_plain_host(const char *host)
{
    char h[64];
    size_t n = strlen(host);
    if (n >= sizeof h)
        return 0;
    if (host[0] == '[' && n > 2 && host[n - 1] == ']') {
        memcpy(h, host + 1, n - 2);
        h[n - 2] = '\0';
    } else {
        memcpy(h, host, n + 1);
    }
    if (strcasecmp(h, "localhost") == 0)
        return 1;
    struct in_addr a4;
    struct in6_addr a6, eks6;
    if (inet_pton(AF_INET, h, &a4) == 1) {
        uint32_t ip = ntohl(a4.s_addr);
        return (ip >> 24) == 127 || ip == 0xA9FEAA02u /* 169.254.170.2 */
            || ip == 0xA9FEAA17u /* 169.254.170.23 */;
    }
    if (inet_pton(AF_INET6, h, &a6) == 1) {
        inet_pton(AF_INET6, "fd00:ec2::23", &eks6);
        return IN6_IS_ADDR_LOOPBACK(&a6) || memcmp(&a6, &eks6, sizeof a6) == 0;
    }
    return 0;
}

/* 0 when url may carry the token; else err (RS_AWS_ERR_CONFIG). */
static int check_full_uri(const char *url, rs_aws_error *err)
{
    CURLU *u = curl_url();
    char *scheme = NULL, *host = NULL;
    int ok = 0;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK
        && curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK
        && curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
        ok = strcasecmp(scheme, "https") == 0 || (strcasecmp(scheme, "http") == 0 && allowed_plain_host(host));
        if (!ok)
            rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                             "AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, or http to a loopback, "
                             "ECS or EKS address; host %.100s is not allowed", host);
    } else {
        rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "AWS_CONTAINER_CREDENTIALS_FULL_URI is not a valid URL");
    }
    curl_free(scheme);
    curl_free(host);
    curl_url_cleanup(u);
    return ok ? 0 : -1;
}

/* The Authorization value: the token file (re-read every time) over the variable. */
static int read_auth(char *buf, size_t n, rs_aws_error *err)
{
    buf[0] = '\0';
    const char *file = rs_creds_getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    const char *tok = rs_creds_getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    if (file) {
        char *data;
        size_t len;
        if (rs_creds_read_file(file, n - 1, &data, &len) != 0)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE %s: %s", file,
                                    strerror(errno));
        while (len > 0 && (data[len - 1] == '\n' || data[len - 1] == '\r' || data[len - 1] == ' '))
            data[--len] = '\0';
        memcpy(buf, data, len + 1);
        rs_creds_wipe_free(data, len);
    } else if (tok) {
        if (strlen(tok) >= n)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "AWS_CONTAINER_AUTHORIZATION_TOKEN is too long");
        snprintf(buf, n, "%s", tok);
    }
    if (strpbrk(buf, "\r\n")) {
        explicit_bzero(buf, n);
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the container authorization token contains a line break");
    }
    return 0;
}

static int parse_answer(const rs_http_response *resp, rs_aws_credentials *out, rs_aws_error *err)
{
    json_object *o = rs_creds_json_object(resp->body, resp->body_len);
    if (!o)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "container credentials: the answer is not JSON");
    time_t exp = 0;
    const char *exp_s = rs_creds_json_str(o, "Expiration");
    int rc;
    if (exp_s && rs_creds_parse_time(exp_s, &exp) != 0)
        rc = rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "container credentials: Expiration is not an ISO 8601 time");
    else
        rc = rs_creds_store(out, rs_creds_json_str(o, "AccessKeyId"), rs_creds_json_str(o, "SecretAccessKey"),
                            rs_creds_json_str(o, "Token"), exp, "container credentials", err);
    rs_creds_json_wipe_put(o);
    return rc;
}

static int fetch_container(const char *url, int relative, const rs_aws_credential_options *opt,
                           rs_aws_credentials *out, rs_aws_error *err);

int rs_creds_from_container(const rs_aws_credential_options *opt, rs_creds_tried *tried,
                            rs_aws_credentials *out, rs_aws_error *err)
{
    const char *rel = rs_creds_getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    const char *full = rs_creds_getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    if (!rel && !full) {
        if (!tried)
            return rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                    "credential_source EcsContainer: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI "
                                    "and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set");
        rs_creds_tried_add(tried, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set");
        return RS_CREDS_ABSENT;
    }
    char url[2048];
    int w = rel ? snprintf(url, sizeof url, "%s%s%s", ECS_HOST, rel[0] == '/' ? "" : "/", rel)
                : snprintf(url, sizeof url, "%s", full);
    if (w < 0 || (size_t)w >= sizeof url)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the container credentials URI is too long");
    if (!rel && check_full_uri(full, err) != 0)
        return -1;

    char key[2200];
    snprintf(key, sizeof key, "container\x1f%s", url);
    if (rs_creds_cache_claim(key, out))
        return RS_CREDS_FOUND;
    int rc = fetch_container(url, rel != NULL, opt, out, err);
    rs_creds_cache_finish(key, rc == RS_CREDS_FOUND ? out : NULL);
    return rc;
}

/* One request to the container endpoint; the caller holds the cache claim for its URL. */
static int fetch_container(const char *url, int relative, const rs_aws_credential_options *opt,
                           rs_aws_credentials *out, rs_aws_error *err)
{

    char auth[8192];
    if (read_auth(auth, sizeof auth, err) != 0)
        return -1;
    rs_http_header hdr[2] = {{"Accept", "application/json"}, {"Authorization", auth}};
    rs_http_request req = {
        .method = "GET", .url = url, .headers = hdr, .n_headers = auth[0] ? 2 : 1,
        .ca_file = opt->ca_file, .connect_timeout_ms = CONTAINER_CONNECT_MS,
        .total_timeout_ms = CONTAINER_TOTAL_MS, .log_service = "container", .log_action = "GetCredentials",
    };
    rs_http_response resp;
    int rc = rs_creds_http(&req, CONTAINER_ATTEMPTS, &resp, err);
    explicit_bzero(auth, sizeof auth);
    const char *which = relative ? "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI" : "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    if (rc != 0) {
        char why[512];
        snprintf(why, sizeof why, "%.*s", (int)sizeof why - 1, err->message);
        return rs_aws_error_set(err, RS_AWS_ERR_NETWORK, "container credentials (%s) unreachable: %s", which, why);
    }
    if (resp.status != 200) {
        long st = resp.status;
        rs_http_response_free(&resp);
        rs_aws_error_set(err, st == 401 || st == 403 ? RS_AWS_ERR_AUTH : RS_AWS_ERR_SERVICE,
                         "container credentials (%s) answered HTTP %ld%s", which, st,
                         st == 401 || st == 403 ? ": check the authorization token" : "");
        err->http_status = st;
        return -1;
    }
    rc = parse_answer(&resp, out, err);
    explicit_bzero(resp.body, resp.body_len);
    rs_http_response_free(&resp);
    if (rc != 0)
        return -1;
    rs_creds_set_source(out, "container credentials (%s)", which);
    return RS_CREDS_FOUND;
}
