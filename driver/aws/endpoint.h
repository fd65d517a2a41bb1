/* endpoint.h - what a Redshift host name says, and which URL each AWS service is called at.
 *
 * Only AWS's own suffixes are parsed:
 *   <cluster>.<id>.<region>.redshift.amazonaws.com[.cn]              (provisioned)
 *   <workgroup>.<account>.<region>.redshift-serverless.amazonaws.com[.cn] (serverless)
 * Anything else is a custom domain name: no region or cluster is guessed from it.
 *
 * Endpoint URLs follow the AWS SDKs' precedence: the connection keyword (EndpointUrl for
 * redshift and redshift-serverless, StsEndpointUrl for sts), AWS_ENDPOINT_URL_<SERVICE>,
 * AWS_ENDPOINT_URL, the profile's `services` section, the profile's endpoint_url, then the
 * regional default. The signing region and name never depend on the URL. */
#ifndef RS_AWS_ENDPOINT_H
#define RS_AWS_ENDPOINT_H

#include <stddef.h>
#include "aws/aws_error.h"

typedef enum rs_host_kind {
    RS_HOST_CUSTOM = 0,       /* not an AWS Redshift host name (custom domain, IP, localhost) */
    RS_HOST_PROVISIONED,
    RS_HOST_SERVERLESS
} rs_host_kind;

typedef struct rs_redshift_host {
    rs_host_kind kind;
    char name[128];           /* cluster identifier or workgroup name */
    char account[64];         /* provisioned: the endpoint's unique id; serverless: account id */
    char region[32];
} rs_redshift_host;

/* Parse a Server value. Returns out->kind (RS_HOST_CUSTOM when nothing was recognized). */
rs_host_kind rs_endpoint_parse_host(const char *host, rs_redshift_host *out);

/* True for region names shaped like AWS's ("us-east-1", "us-gov-west-1", "cn-north-1"). */
int rs_region_is_valid(const char *region);

/* "amazonaws.com.cn" for China regions, else "amazonaws.com". */
const char *rs_region_dns_suffix(const char *region);

typedef enum rs_aws_service {
    RS_SVC_REDSHIFT,
    RS_SVC_REDSHIFT_SERVERLESS,
    RS_SVC_STS
} rs_aws_service;

/* The SigV4 signing name: "redshift", "redshift-serverless", "sts". */
const char *rs_service_signing_name(rs_aws_service svc);

/* The URL to call svc at. keyword_url is the connection keyword (may be NULL); profile is
 * the Profile keyword (may be NULL: AWS_PROFILE, ..., "default"). Without an override the
 * region is required. Returns 0, or -1 with err (RS_AWS_ERR_CONFIG) saying what to set. */
int rs_endpoint_url(rs_aws_service svc, const char *keyword_url, const char *profile,
                    const char *region, char *out, size_t size, rs_aws_error *err);

#endif
