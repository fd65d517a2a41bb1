/* sts.c - STS AssumeRole and AssumeRoleWithWebIdentity (see sts.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "aws/awscall.h"
#include "aws/awsxml.h"
#include "aws/endpoint.h"
#include "aws/sts.h"

#define STS_VERSION "2011-06-15"

static int call(const rs_sts_options *opt, const rs_aws_credentials *caller, const char *what,
                const char *result, const char *body, rs_aws_credentials *out, rs_aws_error *err)
{
    const char *region = opt && opt->region && *opt->region ? opt->region : "us-east-1";
    char url[1024];
    if (rs_endpoint_url(RS_SVC_STS, opt ? opt->endpoint_url : NULL, NULL, region, url, sizeof url, err) < 0)
        return -1;
    rs_aws_call c = {
        .what = what, .protocol = RS_AWS_QUERY, .endpoint_url = url, .region = region,
        .service = "sts", .body = body, .body_len = strlen(body), .creds = caller,
        .ca_file = opt ? opt->ca_file : NULL, .connect_timeout_ms = opt ? opt->connect_timeout_ms : 0,
    };
    rs_http_response resp;
    if (rs_aws_call_perform(&c, &resp, err) < 0)
        return -1;
    rs_xml *x;
    int rc = rs_xml_parse(resp.body, resp.body_len, what, &x, err);
    rs_http_response_free(&resp);
    if (rc < 0)
        return -1;
    memset(out, 0, sizeof *out);
    char path[128], exp[64] = "";
    snprintf(path, sizeof path, "%s/Credentials/AccessKeyId", result);
    int bad = rs_xml_text(x, path, out->access_key_id, sizeof out->access_key_id) < 0;
    snprintf(path, sizeof path, "%s/Credentials/SecretAccessKey", result);
    bad |= rs_xml_text(x, path, out->secret_access_key, sizeof out->secret_access_key) < 0;
    snprintf(path, sizeof path, "%s/Credentials/SessionToken", result);
    bad |= rs_xml_text(x, path, out->session_token, sizeof out->session_token) < 0;
    snprintf(path, sizeof path, "%s/Credentials/Expiration", result);
    bad |= rs_xml_text(x, path, exp, sizeof exp) < 0 || rs_parse_iso8601(exp, &out->expiration) < 0;
    rs_xml_free(x);
    if (bad) {
        rs_aws_credentials_clear(out);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "%s: the answer lacks AccessKeyId, SecretAccessKey, SessionToken or Expiration", what);
    }
    return 0;
}

static void default_session_name(const char *given, char *buf, size_t size)
{
    if (given && *given)
        snprintf(buf, size, "%s", given);
    else
        snprintf(buf, size, "rsodbc-%lld", (long long)time(NULL));
}

int rs_sts_assume_role(const rs_sts_options *opt, const rs_aws_credentials *caller,
                       const char *role_arn, const char *session_name,
                       const char *external_id, int duration_seconds,
                       rs_aws_credentials *out, rs_aws_error *err)
{
    const char *what = "sts AssumeRole";
    if (!caller)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s needs source credentials", what);
    char name[80], dur[16], body[8192] = "";
    default_session_name(session_name, name, sizeof name);
    snprintf(dur, sizeof dur, "%d", duration_seconds);
    if (rs_form_add(body, sizeof body, "Action", "AssumeRole") < 0
        || rs_form_add(body, sizeof body, "Version", STS_VERSION) < 0
        || rs_form_add(body, sizeof body, "RoleArn", role_arn ? role_arn : "") < 0
        || rs_form_add(body, sizeof body, "RoleSessionName", name) < 0
        || (external_id && *external_id && rs_form_add(body, sizeof body, "ExternalId", external_id) < 0)
        || (duration_seconds > 0 && rs_form_add(body, sizeof body, "DurationSeconds", dur) < 0))
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: role ARN or external id too long", what);
    return call(opt, caller, what, "AssumeRoleResult", body, out, err);
}

int rs_sts_assume_role_with_web_identity(const rs_sts_options *opt, const char *role_arn,
                                         const char *session_name, const char *token,
                                         int duration_seconds,
                                         rs_aws_credentials *out, rs_aws_error *err)
{
    const char *what = "sts AssumeRoleWithWebIdentity";
    size_t tlen = token ? strlen(token) : 0;
    if (tlen == 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: the web identity token is empty", what);
    if (tlen > 64 * 1024)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: the web identity token is larger than 64 KiB", what);
    size_t size = 3 * tlen + 8192;
    char *body = calloc(1, size);
    if (!body)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "%s: out of memory", what);
    char name[80], dur[16];
    default_session_name(session_name, name, sizeof name);
    snprintf(dur, sizeof dur, "%d", duration_seconds);
    int rc;
    if (rs_form_add(body, size, "Action", "AssumeRoleWithWebIdentity") < 0
        || rs_form_add(body, size, "Version", STS_VERSION) < 0
        || rs_form_add(body, size, "RoleArn", role_arn ? role_arn : "") < 0
        || rs_form_add(body, size, "RoleSessionName", name) < 0
        || rs_form_add(body, size, "WebIdentityToken", token) < 0
        || (duration_seconds > 0 && rs_form_add(body, size, "DurationSeconds", dur) < 0))
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "%s: role ARN too long", what);
    else
        rc = call(opt, NULL, what, "AssumeRoleWithWebIdentityResult", body, out, err);
    explicit_bzero(body, size);
    free(body);
    return rc;
}
