/* aws_endpoint.c - host name parsing and endpoint URL precedence, table-driven. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/endpoint.h"
#include "aws_tap.h"

static const struct host_case {
    const char *host;
    rs_host_kind kind;
    const char *name, *account, *region;
} hosts[] = {
    { "examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com", RS_HOST_PROVISIONED,
      "examplecluster", "abc123xyz789", "us-west-2" },
    { "My-Cluster.ABC.eu-central-1.redshift.amazonaws.com.", RS_HOST_PROVISIONED,
      "my-cluster", "abc", "eu-central-1" },
    { "c1.cxyz.cn-north-1.redshift.amazonaws.com.cn", RS_HOST_PROVISIONED, "c1", "cxyz", "cn-north-1" },
    { "gov.id1.us-gov-west-1.redshift.amazonaws.com", RS_HOST_PROVISIONED, "gov", "id1", "us-gov-west-1" },
    { "wg1.123456789012.us-east-1.redshift-serverless.amazonaws.com", RS_HOST_SERVERLESS,
      "wg1", "123456789012", "us-east-1" },
    { "wg2.123456789012.cn-northwest-1.redshift-serverless.amazonaws.com.cn", RS_HOST_SERVERLESS,
      "wg2", "123456789012", "cn-northwest-1" },
    /* custom domains and look-alikes: no region guessed */
    { "analytics.data.eu-west-1.example.com", RS_HOST_CUSTOM, "", "", "" },
    { "a.b.c.d.us-east-1.redshift.amazonaws.com", RS_HOST_CUSTOM, "", "", "" },
    { "redshift.amazonaws.com", RS_HOST_CUSTOM, "", "", "" },
    { "c.id.notaregion.redshift.amazonaws.com", RS_HOST_CUSTOM, "", "", "" },
    { "c.id.us-east-1.redshift.amazonaws.com.cn", RS_HOST_CUSTOM, "", "", "" },
    { "c.id.cn-north-1.redshift.amazonaws.com", RS_HOST_CUSTOM, "", "", "" },
    { "c.id.us-east-1.redshift.amazonaws.com.evil.example", RS_HOST_CUSTOM, "", "", "" },
    { "c.id.us-east-1.redshiftXamazonaws.com", RS_HOST_CUSTOM, "", "", "" },
    { "127.0.0.1", RS_HOST_CUSTOM, "", "", "" },
    { "", RS_HOST_CUSTOM, "", "", "" },
    { NULL, RS_HOST_CUSTOM, "", "", "" },
};

typedef struct env_var {
    const char *name, *value;
} env_var;

static const struct url_case {
    const char *what;
    rs_aws_service svc;
    const char *keyword;
    const char *profile;
    const char *region;
    env_var env[3];
    const char *want;            /* NULL: expect a CONFIG error */
    const char *want_msg;        /* substring of the error */
} urls[] = {
    { "redshift default", RS_SVC_REDSHIFT, NULL, NULL, "us-east-1", {{0}},
      "https://redshift.us-east-1.amazonaws.com", NULL },
    { "redshift China default", RS_SVC_REDSHIFT, NULL, NULL, "cn-north-1", {{0}},
      "https://redshift.cn-north-1.amazonaws.com.cn", NULL },
    { "serverless default", RS_SVC_REDSHIFT_SERVERLESS, NULL, NULL, "eu-west-1", {{0}},
      "https://redshift-serverless.eu-west-1.amazonaws.com", NULL },
    { "sts default", RS_SVC_STS, NULL, NULL, "us-gov-west-1", {{0}},
      "https://sts.us-gov-west-1.amazonaws.com", NULL },
    { "keyword wins over everything", RS_SVC_REDSHIFT, "http://kw:1", NULL, "us-east-1",
      {{"AWS_ENDPOINT_URL_REDSHIFT", "http://svcenv:2"}, {"AWS_ENDPOINT_URL", "http://env:3"}},
      "http://kw:1", NULL },
    { "service env beats global env", RS_SVC_REDSHIFT, NULL, NULL, "us-east-1",
      {{"AWS_ENDPOINT_URL_REDSHIFT", "http://svcenv:2"}, {"AWS_ENDPOINT_URL", "http://env:3"}},
      "http://svcenv:2", NULL },
    { "serverless service env", RS_SVC_REDSHIFT_SERVERLESS, NULL, NULL, "us-east-1",
      {{"AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS", "http://sl:4"}, {"AWS_ENDPOINT_URL_REDSHIFT", "http://no:5"}},
      "http://sl:4", NULL },
    { "sts service env", RS_SVC_STS, NULL, NULL, "us-east-1",
      {{"AWS_ENDPOINT_URL_STS", "http://sts:6"}, {"AWS_ENDPOINT_URL", "http://env:3"}}, "http://sts:6", NULL },
    { "global env beats config", RS_SVC_REDSHIFT, NULL, "withsvc", "us-east-1",
      {{"AWS_ENDPOINT_URL", "http://env:3"}}, "http://env:3", NULL },
    { "config services section (redshift)", RS_SVC_REDSHIFT, NULL, "withsvc", "us-east-1", {{0}},
      "http://cfg-redshift:7", NULL },
    { "config services section (redshift_serverless)", RS_SVC_REDSHIFT_SERVERLESS, NULL, "withsvc",
      "us-east-1", {{0}}, "http://cfg-serverless:8", NULL },
    { "services section beats profile endpoint_url", RS_SVC_STS, NULL, "withsvc", "us-east-1", {{0}},
      "http://cfg-sts:9", NULL },
    { "profile endpoint_url when the service has no entry", RS_SVC_STS, NULL, "global", "us-east-1", {{0}},
      "http://cfg-global:10", NULL },
    { "AWS_PROFILE selects the profile", RS_SVC_REDSHIFT, NULL, NULL, "us-east-1",
      {{"AWS_PROFILE", "withsvc"}}, "http://cfg-redshift:7", NULL },
    { "ignore_configured_endpoint_urls", RS_SVC_REDSHIFT, NULL, "withsvc", "us-east-1",
      {{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}, {"AWS_ENDPOINT_URL", "http://env:3"}},
      "https://redshift.us-east-1.amazonaws.com", NULL },
    { "no region and no override", RS_SVC_REDSHIFT, NULL, NULL, NULL, {{0}}, NULL, "set Region=" },
    { "bad region", RS_SVC_REDSHIFT, NULL, NULL, "useast1", {{0}}, NULL, "not an AWS region" },
    { "override without scheme", RS_SVC_REDSHIFT, "redshift.local:8080", NULL, "us-east-1", {{0}}, NULL,
      "not an http:// or https:// URL" },
    { "override needs no region", RS_SVC_STS, "https://sts.local", NULL, NULL, {{0}}, "https://sts.local", NULL },
};

static const char *const cleared[] = {
    "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_REDSHIFT", "AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS",
    "AWS_ENDPOINT_URL_STS", "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
};

int main(void)
{
    size_t nh = sizeof hosts / sizeof hosts[0], nu = sizeof urls / sizeof urls[0];
    TAP_PLAN(nh + nu + 6);
    for (size_t i = 0; i < nh; i++) {
        const struct host_case *c = &hosts[i];
        rs_redshift_host h;
        rs_host_kind k = rs_endpoint_parse_host(c->host, &h);
        TAP_OK(k == c->kind && h.kind == k && strcmp(h.name, c->name) == 0
               && strcmp(h.account, c->account) == 0 && strcmp(h.region, c->region) == 0,
               "host \"%s\" -> kind %d name \"%s\" region \"%s\"", c->host ? c->host : "(null)", (int)k,
               h.name, h.region);
    }

    char dir[] = "/tmp/rs_endpoint_XXXXXX";
    mkdtemp(dir);
    char cfg[256];
    snprintf(cfg, sizeof cfg, "%s/config", dir);
    FILE *f = fopen(cfg, "w");
    fputs("[default]\nregion = us-west-2\n\n"
          "[profile withsvc]\nservices = local\nendpoint_url = http://cfg-global:10\n\n"
          "[profile global]\nendpoint_url = http://cfg-global:10\n\n"
          "[services local]\nredshift =\n  endpoint_url = http://cfg-redshift:7\n"
          "redshift_serverless =\n  endpoint_url = http://cfg-serverless:8\n"
          "sts =\n  endpoint_url = http://cfg-sts:9\n", f);
    fclose(f);
    setenv("AWS_CONFIG_FILE", cfg, 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", 1);

    for (size_t i = 0; i < nu; i++) {
        const struct url_case *c = &urls[i];
        for (size_t k = 0; k < sizeof cleared / sizeof cleared[0]; k++)
            unsetenv(cleared[k]);
        for (size_t k = 0; k < 3 && c->env[k].name; k++)
            setenv(c->env[k].name, c->env[k].value, 1);
        char out[256] = "";
        rs_aws_error err = {0};
        int rc = rs_endpoint_url(c->svc, c->keyword, c->profile, c->region, out, sizeof out, &err);
        if (c->want)
            TAP_OK(rc == 0 && strcmp(out, c->want) == 0, "%s: %s (want %s; %s)", c->what, out, c->want,
                   rc ? err.message : "ok");
        else
            TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_CONFIG && strstr(err.message, c->want_msg),
                   "%s: CONFIG error \"%s\"", c->what, err.message);
    }
    for (size_t k = 0; k < sizeof cleared / sizeof cleared[0]; k++)
        unsetenv(cleared[k]);

    TAP_STR(rs_service_signing_name(RS_SVC_REDSHIFT_SERVERLESS), "redshift-serverless", "serverless signing name");
    TAP_STR(rs_service_signing_name(RS_SVC_STS), "sts", "sts signing name");
    TAP_OK(rs_region_is_valid("ap-southeast-3") && rs_region_is_valid("us-isob-east-1")
           && !rs_region_is_valid("us-east") && !rs_region_is_valid("US-EAST-1") && !rs_region_is_valid("x"),
           "region name shapes");
    TAP_STR(rs_region_dns_suffix("cn-northwest-1"), "amazonaws.com.cn", "China DNS suffix");
    TAP_STR(rs_region_dns_suffix("eu-west-3"), "amazonaws.com", "standard DNS suffix");
    char small[16];
    rs_aws_error err = {0};
    TAP_OK(rs_endpoint_url(RS_SVC_REDSHIFT_SERVERLESS, NULL, NULL, "ap-southeast-1", small, sizeof small, &err) == -1,
           "endpoint that does not fit is an error");
    unlink(cfg);
    rmdir(dir);
    return TAP_DONE();
}
