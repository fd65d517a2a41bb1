/* sts_options.c - which region and endpoint the chain's STS calls use. */
#include "aws/creds/sources.h"

#include <string.h>

void rs_creds_sts_options(const rs_aws_credential_options *opt, const rs_awscfg *cfg,
                          const char *profile, rs_sts_options *sts)
{
    memset(sts, 0, sizeof *sts);
    sts->region = opt->region && *opt->region ? opt->region : rs_awscfg_region(cfg, profile);
    sts->endpoint_url = opt->sts_endpoint_url && *opt->sts_endpoint_url
                            ? opt->sts_endpoint_url
                            : rs_awscfg_endpoint_url(cfg, profile, "sts", "STS");
    sts->ca_file = opt->ca_file;
    sts->connect_timeout_ms = opt->connect_timeout_ms;
}
