/* serverless_api.h - the Redshift Serverless (JSON 1.1) calls IAM login needs. */
#ifndef RS_AWS_SERVERLESS_API_H
#define RS_AWS_SERVERLESS_API_H

#include <stddef.h>
#include "aws/awscall.h"
#include "aws/iam.h"

/* GetCredentials for a workgroup (or a custom domain name when custom_domain is set).
 * db_name may be NULL; duration_seconds 0 means the AWS default. */
int rs_serverless_get_credentials(const rs_aws_target *t, const char *workgroup,
                                  const char *custom_domain, const char *db_name,
                                  int duration_seconds, rs_db_credentials *out, rs_aws_error *err);

/* GetWorkgroup: the workgroup's endpoint address and port. */
int rs_serverless_get_workgroup(const rs_aws_target *t, const char *workgroup,
                                char *host, size_t host_size, int *port, rs_aws_error *err);

#endif
