/* sts_options.c - which region and endpoint the chain's STS calls use. */
#include "aws/creds/sources.h"
#include "aws/endpoint.h"

#include <stdio.h>
#include <string.h>

void rs_creds_sts_options(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                          const char *profile, rs_creds_sts *out)
{
    memset(out, 0, sizeof *out);
    rs_sts_options *sts = &out->opt;
    sts->region = opt->region && *opt->region ? opt->region : rs_awscfg_region(cfg, profile);
    sts->endpoint_url = opt->sts_endpoint_url && *opt->sts_endpoint_url
                            ? opt->sts_endpoint_url
                            : rs_awscfg_endpoint_url(cfg, profile, "sts", "STS");
    if (!sts->endpoint_url) {
        const char *region = sts->region ? sts->region : "us-east-1";
        int w = snprintf(out->url, sizeof out->url, "https://sts.%s.%s", region, rs_region_dns_suffix(region));
        if (rs_region_is_valid(region) && w > 0 && (size_t)w < sizeof out->url)
            sts->endpoint_url = out->url;
    }
    sts->ca_file = opt->ca_file;
    sts->connect_timeout_ms = opt->connect_timeout_ms;
}
