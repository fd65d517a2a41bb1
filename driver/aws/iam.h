/* iam.h - the one call the connect code makes for IAM: temporary database credentials.
 *
 * Resolves the endpoint (host -> cluster/workgroup + region, or the keywords), the AWS
 * credentials (credentials.h), calls GetClusterCredentials, GetClusterCredentialsWithIAM
 * or redshift-serverless GetCredentials (DescribeClusters / GetWorkgroup /
 * DescribeCustomDomainAssociations when host, port or cluster is unknown), and caches the
 * answer process-wide until a safety margin before its expiration (single flight).
 *
 * Decisions, in order (iam.c):
 *  - serverless: the Serverless keyword (0/1), else Workgroup set or a
 *    *.redshift-serverless.amazonaws.com[.cn] host;
 *  - region: Region, else the host's, else AWS_REGION / AWS_DEFAULT_REGION / the profile's;
 *  - cluster or workgroup: ClusterId / Workgroup, else the host's; a host that is not an AWS
 *    name (and not an IP address) is sent as CustomDomainName;
 *  - database user: DbUser, else UID (lower-cased with ForceLowercase, as are DbGroups);
 *    not used with group_federation or serverless;
 *  - IAMDuration (default 900) goes to every credentials call;
 *  - no Server: host and port come from DescribeClusters / GetWorkgroup (with
 *    DescribeCustomDomainAssociations first for a custom domain); Server without Port: the
 *    same lookup, falling back to 5439 when it fails.
 * Errors: RS_AWS_ERR_CONFIG messages name the keyword to set. */
#ifndef RS_AWS_IAM_H
#define RS_AWS_IAM_H

#include <time.h>
#include "aws/aws_error.h"

typedef struct rs_iam_params {
    const char *host;              /* Server keyword, may be NULL */
    int port;                      /* Port keyword, 0 when not given */
    const char *database;          /* Database keyword */
    const char *uid;               /* UID keyword: DbUser when DbUser is empty */
    const char *db_user;           /* DbUser keyword */
    const char *db_groups;         /* DbGroups keyword, comma separated */
    int auto_create;               /* AutoCreate */
    int force_lowercase;           /* ForceLowercase */
    const char *cluster_id;        /* ClusterId keyword */
    const char *region;            /* Region keyword */
    int serverless;                /* Serverless keyword (-1 unset: decide from the host) */
    const char *workgroup;         /* Workgroup keyword */
    int group_federation;          /* group_federation=1: GetClusterCredentialsWithIAM */
    int iam_duration;              /* IAMDuration, 900..3600 */
    const char *endpoint_url;      /* EndpointUrl keyword (redshift and redshift-serverless) */
    const char *sts_endpoint_url;  /* StsEndpointUrl keyword */
    const char *ca_file;           /* CaFile */
    long sts_connect_timeout_ms;   /* StsConnectionTimeout in ms, 0 for default */
    int disable_cache;             /* DisableCache=1 */
    /* AWS credential sources */
    const char *access_key_id;
    const char *secret_access_key;
    const char *session_token;
    const char *profile;
    int instance_profile;
} rs_iam_params;

typedef struct rs_db_credentials {
    char db_user[256];
    char db_password[1024];
    char host[256];               /* discovered host when params->host was empty, else copied */
    int port;                     /* discovered port when params->port was 0, else copied */
    time_t expiration;
} rs_db_credentials;

int rs_iam_get_db_credentials(const rs_iam_params *p, rs_db_credentials *out, rs_aws_error *err);

/* Wipe the password from memory. */
void rs_db_credentials_clear(rs_db_credentials *c);

#endif
