/* awsjson.h - reading AWS JSON 1.1 answers (Redshift Serverless) with json-c.
 *
 * Paths are dotted member names: "workgroup.endpoint.address". */
#ifndef RS_AWS_JSON_H
#define RS_AWS_JSON_H

#include <stddef.h>
#include <time.h>
#include "aws/aws_error.h"

struct json_object;

/* Parse an answer whose top level must be an object. Empty, malformed, truncated or
 * oversized (> 1 MiB) bodies give RS_AWS_ERR_PROTOCOL. Free with json_object_put(). */
int rs_json_parse(const char *body, size_t len, const char *what, struct json_object **out,
                  rs_aws_error *err);

/* Copy a string (or a number, formatted) at path into buf. 0, or -1 when absent,
 * of another type, or too long (buf then empty). */
int rs_json_text(struct json_object *o, const char *path, char *buf, size_t size);

/* An integer at path (a JSON number, or a string holding one). */
int rs_json_long(struct json_object *o, const char *path, long *out);

/* A timestamp at path: epoch seconds (number, possibly fractional) or an ISO 8601 string. */
int rs_json_time(struct json_object *o, const char *path, time_t *out);

/* Fill err from a JSON 1.1 error answer ({"__type": "ns#Code", "message": "..."}).
 * Always returns -1. */
int rs_json_error(const char *body, size_t len, long http_status, const char *header_request_id,
                  const char *what, rs_aws_error *err);

#endif
