/* redshift_api.h - the Redshift (provisioned) Query-protocol calls IAM login needs. */
#ifndef RS_AWS_REDSHIFT_API_H
#define RS_AWS_REDSHIFT_API_H

#include <stddef.h>
#include "aws/awscall.h"
#include "aws/iam.h"

typedef struct rs_cluster_creds_request {
    const char *cluster_id;       /* ClusterIdentifier, or NULL when custom_domain is set */
    const char *custom_domain;    /* CustomDomainName, or NULL */
    const char *db_user;          /* GetClusterCredentials only */
    const char *db_name;          /* may be NULL */
    const char *db_groups;        /* comma separated, may be NULL; GetClusterCredentials only */
    int auto_create;              /* GetClusterCredentials only */
    int duration_seconds;         /* 0: AWS default (900) */
} rs_cluster_creds_request;

/* GetClusterCredentials: fills out->db_user, db_password, expiration. */
int rs_redshift_get_cluster_credentials(const rs_aws_target *t, const rs_cluster_creds_request *r,
                                        rs_db_credentials *out, rs_aws_error *err);

/* GetClusterCredentialsWithIAM (the database user is the IAM identity). */
int rs_redshift_get_cluster_credentials_with_iam(const rs_aws_target *t,
                                                 const rs_cluster_creds_request *r,
                                                 rs_db_credentials *out, rs_aws_error *err);

/* DescribeClusters for one cluster: its endpoint address and port. */
int rs_redshift_describe_cluster(const rs_aws_target *t, const char *cluster_id,
                                 char *host, size_t host_size, int *port, rs_aws_error *err);

/* DescribeCustomDomainAssociations: the cluster a custom domain name belongs to. */
int rs_redshift_custom_domain_cluster(const rs_aws_target *t, const char *custom_domain,
                                      char *cluster_id, size_t size, rs_aws_error *err);

#endif
