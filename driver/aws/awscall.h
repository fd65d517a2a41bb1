/* awscall.h - one AWS API call: sign (SigV4), send (http.h), retry (retry.h) and turn
 * error answers into rs_aws_error (awsxml.h / awsjson.h). */
#ifndef RS_AWS_CALL_H
#define RS_AWS_CALL_H

#include <stddef.h>
#include "aws/aws_error.h"
#include "aws/credentials.h"
#include "aws/http.h"

typedef enum rs_aws_protocol {
    RS_AWS_QUERY,     /* form-encoded POST, XML answers (STS, Redshift) */
    RS_AWS_JSON11     /* application/x-amz-json-1.1 POST with X-Amz-Target (Redshift Serverless) */
} rs_aws_protocol;

typedef struct rs_aws_call {
    const char *what;              /* for messages: "redshift GetClusterCredentials" */
    rs_aws_protocol protocol;
    const char *endpoint_url;      /* e.g. https://redshift.us-east-1.amazonaws.com */
    const char *region;            /* signing region */
    const char *service;           /* signing name */
    const char *target;            /* JSON 1.1: X-Amz-Target, e.g. "RedshiftServerless.GetCredentials" */
    const char *body;
    size_t body_len;
    const rs_aws_credentials *creds;  /* NULL: unsigned (AssumeRoleWithWebIdentity) */
    const char *ca_file;
    long connect_timeout_ms;
    long total_timeout_ms;
} rs_aws_call;

/* Where and as whom an API module calls a service. */
typedef struct rs_aws_target {
    const char *endpoint_url;          /* resolved (endpoint.h) */
    const char *region;                /* signing region */
    const rs_aws_credentials *creds;   /* NULL for unsigned calls */
    const char *ca_file;
    long connect_timeout_ms;           /* 0: default */
} rs_aws_target;

/* Perform the call. On HTTP 2xx returns 0 with the answer in resp (free it with
 * rs_http_response_free). Otherwise returns -1 with err filled and resp empty. */
int rs_aws_call_perform(const rs_aws_call *call, rs_http_response *resp, rs_aws_error *err);

/* Append "&name=value" (URL-encoded the AWS way) to a form body in buf. Returns 0, or
 * -1 when it does not fit. The first pair added to an empty buf gets no '&'. */
int rs_form_add(char *buf, size_t size, const char *name, const char *value);

#endif
