/* endpoint.c - Redshift host names and AWS service endpoints (see endpoint.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "aws/creds/awsconfig.h"
#include "aws/endpoint.h"

int rs_region_is_valid(const char *r)
{
    /* two letters, then one or more "-word" parts, then "-<digits>" */
    if (!r || !islower((unsigned char)r[0]) || !islower((unsigned char)r[1]) || r[2] != '-')
        return 0;
    size_t len = strlen(r);
    if (len > 25)
        return 0;
    const char *last = strrchr(r, '-');
    if (last == r + 2)   /* needs at least one word between the prefix and the number */
        return 0;
    for (const char *p = last + 1; *p; p++)
        if (!isdigit((unsigned char)*p))
            return 0;
    if (!last[1])
        return 0;
    for (const char *p = r + 3; p < last; p++)
        if (!islower((unsigned char)*p) && *p != '-')
            return 0;
    return strstr(r, "--") == NULL;
}

const char *rs_region_dns_suffix(const char *region)
{
    return region && strncmp(region, "cn-", 3) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
}

static int ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static int valid_label(const char *s, size_t n)
{
    if (n == 0 || n > 63)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '-')
            return 0;
    return 1;
}

rs_host_kind rs_endpoint_parse_host(const char *host, rs_redshift_host *out)
{
    memset(out, 0, sizeof *out);
    if (!host)
        return RS_HOST_CUSTOM;
    char h[256];
    size_t len = strlen(host);
    if (len == 0 || len >= sizeof h)
        return RS_HOST_CUSTOM;
    for (size_t i = 0; i <= len; i++)
        h[i] = (char)tolower((unsigned char)host[i]);
    if (h[len - 1] == '.')       /* fully qualified form */
        h[--len] = '\0';

    static const struct { const char *suffix; rs_host_kind kind; int china; } forms[] = {
        { ".redshift.amazonaws.com", RS_HOST_PROVISIONED, 0 },
        { ".redshift.amazonaws.com.cn", RS_HOST_PROVISIONED, 1 },
        { ".redshift-serverless.amazonaws.com", RS_HOST_SERVERLESS, 0 },
        { ".redshift-serverless.amazonaws.com.cn", RS_HOST_SERVERLESS, 1 },
    };
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        if (!ends_with(h, len, forms[f].suffix))
            continue;
        size_t plen = len - strlen(forms[f].suffix);
        /* exactly three labels before the suffix: name.id.region */
        const char *d1 = memchr(h, '.', plen);
        const char *d2 = d1 ? memchr(d1 + 1, '.', plen - (size_t)(d1 + 1 - h)) : NULL;
        if (!d1 || !d2 || memchr(d2 + 1, '.', plen - (size_t)(d2 + 1 - h)))
            return RS_HOST_CUSTOM;
        size_t n1 = (size_t)(d1 - h), n2 = (size_t)(d2 - d1 - 1), n3 = plen - (size_t)(d2 + 1 - h);
        if (!valid_label(h, n1) || !valid_label(d1 + 1, n2) || n3 >= sizeof out->region)
            return RS_HOST_CUSTOM;
        char region[32];
        memcpy(region, d2 + 1, n3);
        region[n3] = '\0';
        if (!rs_region_is_valid(region) || (strncmp(region, "cn-", 3) == 0) != forms[f].china)
            return RS_HOST_CUSTOM;
        /* The cluster or workgroup keeps the case the user wrote (identifiers are lower case
         * anyway; workgroup names compare case-insensitively at AWS). */
        memcpy(out->name, host, n1);
        out->name[n1] = '\0';
        for (size_t i = 0; i < n1; i++)
            out->name[i] = (char)tolower((unsigned char)out->name[i]);
        memcpy(out->account, d1 + 1, n2);
        out->account[n2] = '\0';
        memcpy(out->region, region, n3 + 1);
        out->kind = forms[f].kind;
        return out->kind;
    }
    return RS_HOST_CUSTOM;
}

const char *rs_service_signing_name(rs_aws_service svc)
{
    switch (svc) {
    case RS_SVC_REDSHIFT:            return "redshift";
    case RS_SVC_REDSHIFT_SERVERLESS: return "redshift-serverless";
    default:                         return "sts";
    }
}

static int valid_url(const char *u)
{
    return strncasecmp(u, "https://", 8) == 0 || strncasecmp(u, "http://", 7) == 0;
}

int rs_endpoint_url(rs_aws_service svc, const char *keyword_url, const char *profile,
                    const char *region, char *out, size_t size, rs_aws_error *err)
{
    static const char *const keyword_names[] = { "EndpointUrl", "EndpointUrl", "StsEndpointUrl" };
    static const char *const service_ids[] = { "redshift", "redshift_serverless", "sts" };
    static const char *const env_ids[] = { "REDSHIFT", "REDSHIFT_SERVERLESS", "STS" };
    const char *name = rs_service_signing_name(svc);
    const char *origin = keyword_names[svc];
    const char *url = keyword_url && *keyword_url ? keyword_url : NULL;

    rs_awscfg cfg;
    int have_cfg = 0;
    if (!url) {
        rs_aws_error cerr = {0};
        have_cfg = rs_awscfg_load(&cfg, &cerr) == 0;
        int chosen;
        const char *prof = rs_awscfg_profile_name(profile, &chosen);
        url = rs_awscfg_endpoint_url(have_cfg ? &cfg : NULL, prof, service_ids[svc], env_ids[svc]);
        origin = "AWS_ENDPOINT_URL_* / AWS_ENDPOINT_URL / the AWS config file";
    }
    int rc = 0;
    if (url) {
        if (!valid_url(url))
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                  "the %s endpoint \"%.200s\" (from %s) is not an http:// or https:// URL",
                                  name, url, origin);
        else if ((size_t)snprintf(out, size, "%s", url) >= size)
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the %s endpoint URL (from %s) is too long",
                                  name, origin);
    } else if (!region || !*region) {
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                              "IAM needs a region to call %s: set Region=... or use a Redshift endpoint host", name);
    } else if (!rs_region_is_valid(region)) {
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                              "\"%.40s\" is not an AWS region name (e.g. us-east-1): check Region=", region);
    } else if ((size_t)snprintf(out, size, "https://%s.%s.%s", name, region, rs_region_dns_suffix(region)) >= size) {
        rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "the %s endpoint URL is too long", name);
    }
    if (have_cfg)
        rs_awscfg_free(&cfg);
    return rc;
}
