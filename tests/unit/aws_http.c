/* aws_http.c - HTTP, retries, Query/JSON answer and error decoding, and signing, against a
 * local scripted server (aws_fake_server.py). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "aws/awscall.h"
#include "aws/awsjson.h"
#include "aws/awsxml.h"
#include "aws/retry.h"
#include "aws_pyserver.h"
#include "aws_tap.h"

static pyserver srv;
static char base[64];
static rs_aws_credentials creds;

static int call(const char *path, rs_aws_protocol proto, const char *body, rs_http_response *resp,
                rs_aws_error *err, long total_ms)
{
    char url[128];
    snprintf(url, sizeof url, "%s%s", base, path);
    rs_aws_call c = {
        .what = "test Call", .protocol = proto, .endpoint_url = url, .region = "eu-west-1",
        .service = proto == RS_AWS_JSON11 ? "redshift-serverless" : "redshift",
        .target = proto == RS_AWS_JSON11 ? "RedshiftServerless.GetCredentials" : NULL,
        .body = body, .body_len = body ? strlen(body) : 0, .creds = &creds,
        .total_timeout_ms = total_ms,
    };
    return rs_aws_call_perform(&c, resp, err);
}

static long count_of(const char *key)
{
    char url[128];
    snprintf(url, sizeof url, "%s/count/%s", base, key);
    rs_http_request req = { .method = "GET", .url = url };
    rs_http_response resp;
    rs_aws_error err = {0};
    if (rs_http_perform(&req, &resp, &err) < 0)
        return -1;
    long n = atol(resp.body);
    rs_http_response_free(&resp);
    return n;
}

static void test_parsers(void)
{
    rs_xml *x = NULL;
    rs_aws_error err = {0};
    const char *doc = "<A xmlns='urn:x'><B><C>1</C><C> two </C></B><List><M><V>a</V></M><M><V>b</V></M></List></A>";
    TAP_OK(rs_xml_parse(doc, strlen(doc), "t", &x, &err) == 0, "XML parses");
    char buf[64];
    rs_xml_text(x, "B/C[1]", buf, sizeof buf);
    TAP_STR(buf, "two", "XML path with index, namespace ignored, trimmed");
    rs_xml_text(x, "List/M[1]/V", buf, sizeof buf);
    TAP_STR(buf, "b", "XML list member");
    TAP_OK(rs_xml_text(x, "List/M[2]/V", buf, sizeof buf) == -1, "XML missing member is -1");
    TAP_OK(rs_xml_text(x, "B/C[1]", buf, 3) == -1 && buf[0] == '\0', "XML text too long is -1");
    rs_xml_free(x);
    const char *trunc = "<A><B>1</B>";
    TAP_OK(rs_xml_parse(trunc, strlen(trunc), "t", &x, &err) == -1 && err.kind == RS_AWS_ERR_PROTOCOL
           && strstr(err.message, "well-formed"), "truncated XML is a protocol error");
    const char *xxe = "<!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>";
    if (rs_xml_parse(xxe, strlen(xxe), "t", &x, &err) == 0) {
        rs_xml_text(x, "a", buf, sizeof buf);
        TAP_OK(strstr(buf, "root") == NULL, "external entities are not loaded");
        rs_xml_free(x);
    } else {
        TAP_OK(1, "external entities are not loaded (document refused)");
    }

    time_t t;
    TAP_OK(rs_parse_iso8601("2024-05-01T10:00:00Z", &t) == 0 && t == 1714557600, "ISO 8601 Z");
    TAP_OK(rs_parse_iso8601("2024-05-01T10:00:00.123Z", &t) == 0 && t == 1714557600, "ISO 8601 fraction");
    TAP_OK(rs_parse_iso8601("2024-05-01T12:00:00+02:00", &t) == 0 && t == 1714557600, "ISO 8601 offset");
    TAP_OK(rs_parse_iso8601("2024-05-01", &t) == -1 && rs_parse_iso8601("garbage", &t) == -1,
           "ISO 8601 rejects partial input");

    json_object *o = NULL;
    const char *js = "{\"a\":{\"b\":\"x\",\"n\":5439,\"t\":1714557600.5},\"s\":\"2024-05-01T10:00:00Z\"}";
    TAP_OK(rs_json_parse(js, strlen(js), "t", &o, &err) == 0, "JSON parses");
    long n = 0;
    rs_json_text(o, "a.b", buf, sizeof buf);
    TAP_STR(buf, "x", "JSON dotted path");
    TAP_OK(rs_json_long(o, "a.n", &n) == 0 && n == 5439, "JSON integer");
    TAP_OK(rs_json_time(o, "a.t", &t) == 0 && t == 1714557600, "JSON epoch timestamp");
    TAP_OK(rs_json_time(o, "s", &t) == 0 && t == 1714557600, "JSON ISO timestamp");
    TAP_OK(rs_json_text(o, "a.zz", buf, sizeof buf) == -1, "JSON missing member is -1");
    json_object_put(o);
    TAP_OK(rs_json_parse("{\"a\":", 5, "t", &o, &err) == -1 && err.kind == RS_AWS_ERR_PROTOCOL
           && strstr(err.message, "truncated"), "truncated JSON is a protocol error");
    TAP_OK(rs_json_parse("[1]", 3, "t", &o, &err) == -1 && err.kind == RS_AWS_ERR_PROTOCOL,
           "non-object JSON is a protocol error");
    TAP_OK(rs_json_parse("{} x", 4, "t", &o, &err) == -1, "trailing data after JSON is refused");

    const char *je = "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException:http://x\",\"Message\":\"bad token\"}";
    rs_json_error(je, strlen(je), 400, "rid-9", "rs Call", &err);
    TAP_OK(err.kind == RS_AWS_ERR_AUTH && strcmp(err.code, "UnrecognizedClientException") == 0
           && strstr(err.message, "UnrecognizedClientException: bad token")
           && strcmp(err.request_id, "rid-9") == 0, "JSON error: ns#Code, Message, request id -> AUTH");
    const char *xe = "<ErrorResponse><Error><Code>RequestExpired</Code><Message>Request has expired.</Message></Error><RequestId>q</RequestId></ErrorResponse>";
    rs_xml_error(xe, strlen(xe), 400, NULL, "sts AssumeRole", &err);
    TAP_OK(err.kind == RS_AWS_ERR_AUTH && strstr(err.message, "clock") && strstr(err.message, "NTP")
           && strstr(err.message, "RequestExpired: Request has expired."), "RequestExpired adds the clock hint");
    rs_xml_error("<html>", 6, 502, NULL, "sts AssumeRole", &err);
    TAP_OK(err.kind == RS_AWS_ERR_PROTOCOL && err.http_status == 502 && strstr(err.message, "HTTP 502"),
           "non-AWS error page is a protocol error naming the status");
    rs_aws_error red = {0};
    rs_aws_error_set(&red, RS_AWS_ERR_AUTH, "SignatureDoesNotMatch: bad tok=SECRETTOKEN123 and SECRETTOKEN123. "
                     "The Canonical String for this request should have been 'POST / x-amz-security-token:X'");
    rs_aws_error_redact(&red, "SECRETTOKEN123");
    TAP_STR(red.message, "SignatureDoesNotMatch: bad tok=<redacted> and <redacted>. (signing details omitted)",
            "secrets and echoed canonical requests are removed from messages");
    TAP_STR(rs_aws_error_sqlstate(&(rs_aws_error){ .kind = RS_AWS_ERR_AUTH }), "28000", "AUTH -> 28000");
    TAP_STR(rs_aws_error_sqlstate(&(rs_aws_error){ .kind = RS_AWS_ERR_NETWORK }), "08001", "NETWORK -> 08001");
    TAP_STR(rs_aws_error_sqlstate(&(rs_aws_error){ .kind = RS_AWS_ERR_MEMORY }), "HY001", "MEMORY -> HY001");
    TAP_STR(rs_aws_error_sqlstate(&(rs_aws_error){ .kind = RS_AWS_ERR_PROTOCOL }), "HY000", "PROTOCOL -> HY000");
}

static void test_retry_policy(void)
{
    rs_retry_policy p;
    unsetenv("AWS_MAX_ATTEMPTS");
    unsetenv("RSODBC_AWS_RETRY_BASE_MS");
    rs_retry_policy_default(&p);
    TAP_OK(p.max_attempts == 3 && p.base_delay_ms == 1000 && p.max_backoff_ms == 20000,
           "standard policy: 3 attempts, base 1 s, cap 20 s");
    int within = 1;
    for (int i = 0; i < 200; i++) {
        long d1 = rs_retry_backoff_ms(&p, 1), d3 = rs_retry_backoff_ms(&p, 3), d9 = rs_retry_backoff_ms(&p, 9);
        within &= d1 >= 0 && d1 <= 1000 && d3 >= 0 && d3 <= 4000 && d9 >= 0 && d9 <= 20000;
    }
    TAP_OK(within, "full-jitter backoff stays within min(base*2^(n-1), 20 s)");
    setenv("AWS_MAX_ATTEMPTS", "5", 1);
    rs_retry_policy_default(&p);
    TAP_OK(p.max_attempts == 5, "AWS_MAX_ATTEMPTS is honoured");
    setenv("AWS_RETRY_MODE", "legacy", 1);
    unsetenv("AWS_MAX_ATTEMPTS");
    rs_retry_policy_default(&p);
    TAP_OK(p.max_attempts == 5, "AWS_RETRY_MODE=legacy defaults to 5 attempts");
    setenv("AWS_MAX_ATTEMPTS", "2", 1);
    rs_retry_policy_default(&p);
    TAP_OK(p.max_attempts == 2, "AWS_MAX_ATTEMPTS wins over the mode's default");
    setenv("AWS_RETRY_MODE", "standard", 1);
    setenv("AWS_MAX_ATTEMPTS", "junk", 1);
    rs_retry_policy_default(&p);
    TAP_OK(p.max_attempts == 3, "invalid AWS_MAX_ATTEMPTS falls back to 3");
    unsetenv("AWS_MAX_ATTEMPTS");
    unsetenv("AWS_RETRY_MODE");
    TAP_OK(rs_retry_is_retryable_code("ThrottlingException") && rs_retry_is_retryable_code("RequestLimitExceeded")
           && rs_retry_is_retryable_code("TooManyRequestsException") && !rs_retry_is_retryable_code("AccessDenied"),
           "throttling codes retry, AccessDenied does not");
    TAP_OK(rs_retry_is_retryable_status(503) && rs_retry_is_retryable_status(500)
           && !rs_retry_is_retryable_status(400) && !rs_retry_is_retryable_status(501),
           "500/502/503/504 retry, 400/501 do not");
}

static void test_calls(void)
{
    rs_http_response resp;
    rs_aws_error err;
    setenv("RSODBC_AWS_RETRY_BASE_MS", "5", 1);

    TAP_OK(call("/ok-xml", RS_AWS_QUERY, "Action=X", &resp, &err, 0) == 0 && resp.status == 200
           && strstr(resp.body, "hello") && strcmp(resp.request_id, "req-200") == 0,
           "Query call succeeds and the request id header is captured");
    rs_http_response_free(&resp);

    TAP_OK(call("/verify", RS_AWS_QUERY, "Action=GetClusterCredentials&DbUser=al%C3%AFce", &resp, &err, 0) == 0,
           "botocore verifies our signature on the wire (%s)", err.message);
    rs_http_response_free(&resp);
    snprintf(creds.session_token, sizeof creds.session_token, "%s", "SESSIONTOKEN/+=");
    TAP_OK(call("/verify", RS_AWS_JSON11, "{\"workgroupName\":\"wg\"}", &resp, &err, 0) == 0,
           "botocore verifies a JSON 1.1 call with a session token (%s)", err.message);
    rs_http_response_free(&resp);
    creds.session_token[0] = '\0';

    TAP_OK(call("/json-ok", RS_AWS_JSON11, "{}", &resp, &err, 0) == 0
           && strstr(resp.body, "RedshiftServerless.GetCredentials")
           && strstr(resp.body, "application/x-amz-json-1.1"), "JSON call sends X-Amz-Target and content type");
    rs_http_response_free(&resp);

    TAP_OK(call("/throttle/a", RS_AWS_QUERY, "Action=X", &resp, &err, 0) == 0 && strstr(resp.body, "<Attempts>3<"),
           "throttled twice, the third attempt succeeds");
    rs_http_response_free(&resp);

    int rc = call("/fail500/b", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_SERVICE && err.http_status == 500 && count_of("fail500/b") == 3
           && strstr(err.message, "InternalFailure: boom") && strstr(err.message, "3 attempts"),
           "500 is retried up to 3 attempts, then reported (%s)", err.message);

    setenv("AWS_MAX_ATTEMPTS", "1", 1);
    rc = call("/fail500/c", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && count_of("fail500/c") == 1, "AWS_MAX_ATTEMPTS=1 disables retries");
    unsetenv("AWS_MAX_ATTEMPTS");

    rc = call("/auth", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && strcmp(err.code, "InvalidClientTokenId") == 0
           && strcmp(err.request_id, "a-1") == 0 && count_of("auth") == 1
           && strstr(err.message, "InvalidClientTokenId: The security token"),
           "403 InvalidClientTokenId is AUTH, not retried, keeps Code: message");
    rc = call("/skew", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && strstr(err.message, "clock"),
           "Signature expired says the clock is off");
    rc = call("/json-denied", RS_AWS_JSON11, "{}", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && strcmp(err.code, "AccessDeniedException") == 0,
           "JSON AccessDeniedException is AUTH");
    rc = call("/big", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_PROTOCOL && strstr(err.message, "1 MiB"),
           "a body over 1 MiB is refused");
    rc = call("/html503", RS_AWS_QUERY, "Action=X", &resp, &err, 0);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_PROTOCOL && err.http_status == 503,
           "HTML 503 page is a protocol error after retries");
    time_t t0 = time(NULL);
    setenv("AWS_MAX_ATTEMPTS", "1", 1);
    rc = call("/slow", RS_AWS_QUERY, "Action=X", &resp, &err, 500);
    unsetenv("AWS_MAX_ATTEMPTS");
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_NETWORK && strstr(err.message, "timed out") && time(NULL) - t0 < 3,
           "total timeout gives a NETWORK error");

    rs_aws_call bad = { .what = "t", .endpoint_url = "https://127.0.0.1:1/", .region = "r", .service = "s",
                        .creds = &creds, .connect_timeout_ms = 500 };
    setenv("AWS_MAX_ATTEMPTS", "2", 1);
    rc = rs_aws_call_perform(&bad, &resp, &err);
    unsetenv("AWS_MAX_ATTEMPTS");
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_NETWORK && strstr(err.message, "127.0.0.1:1")
           && strstr(err.message, "2 attempts"), "connection refused is NETWORK and retried");

    char tls_url[96];
    snprintf(tls_url, sizeof tls_url, "https://127.0.0.1:%d/", srv.port);
    rs_aws_call tls = { .what = "t", .endpoint_url = tls_url, .region = "r", .service = "s", .creds = &creds };
    setenv("AWS_MAX_ATTEMPTS", "1", 1);
    rc = rs_aws_call_perform(&tls, &resp, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_NETWORK, "TLS to a plain HTTP server fails as NETWORK");
    setenv("AWS_CA_BUNDLE", "/nonexistent/ca.pem", 1);
    rc = rs_aws_call_perform(&tls, &resp, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_NETWORK && strstr(err.message, "CA"),
           "a missing AWS_CA_BUNDLE file is reported (%s)", err.message);
    unsetenv("AWS_CA_BUNDLE");
    unsetenv("AWS_MAX_ATTEMPTS");

    char form[256] = "";
    rs_form_add(form, sizeof form, "Action", "GetClusterCredentials");
    rs_form_add(form, sizeof form, "DbGroups.member.1", "a b&c=d/é");
    TAP_STR(form, "Action=GetClusterCredentials&DbGroups.member.1=a%20b%26c%3Dd%2F%C3%A9", "form encoding");
    char small[16] = "";
    TAP_OK(rs_form_add(small, sizeof small, "Action", "GetClusterCredentials") == -1, "form overflow is refused");
}

int main(void)
{
    TAP_PLAN(55);
    /* Unsigned helper servers must not be reached through a proxy from the environment. */
    unsetenv("http_proxy");
    unsetenv("HTTP_PROXY");
    unsetenv("https_proxy");
    unsetenv("HTTPS_PROXY");
    char script[512];
    const char *src = getenv("top_srcdir");
    snprintf(script, sizeof script, "%s/tests/unit/aws_fake_server.py", src ? src : ".");
    int started = pyserver_start(&srv, script) == 0;
    snprintf(base, sizeof base, "http://127.0.0.1:%d", srv.port);
    snprintf(creds.access_key_id, sizeof creds.access_key_id, "AKIDEXAMPLE");
    snprintf(creds.secret_access_key, sizeof creds.secret_access_key, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    test_parsers();
    test_retry_policy();
    TAP_OK(started, "helper server started on port %d", srv.port);
    test_calls();
    pyserver_stop(&srv);
    return TAP_DONE();
}
