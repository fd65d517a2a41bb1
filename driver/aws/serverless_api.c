/* serverless_api.c - Redshift Serverless JSON 1.1 calls (see serverless_api.h). */
#include <stdio.h>
#include <string.h>

#include <json-c/json.h>

#include "aws/awsjson.h"
#include "aws/serverless_api.h"

/* Send a JSON request object (consumed) to RedshiftServerless.<action>; parse the answer. */
static int call(const rs_aws_target *t, const char *action, json_object *req, json_object **answer,
                rs_aws_error *err)
{
    char what[96], target[96];
    snprintf(what, sizeof what, "redshift-serverless %s", action);
    snprintf(target, sizeof target, "RedshiftServerless.%s", action);
    if (!req)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "%s: out of memory", what);
    const char *body = json_object_to_json_string_ext(req, JSON_C_TO_STRING_PLAIN);
    rs_aws_call c = {
        .what = what, .protocol = RS_AWS_JSON11, .endpoint_url = t->endpoint_url,
        .region = t->region, .service = "redshift-serverless", .target = target,
        .body = body, .body_len = strlen(body), .creds = t->creds, .ca_file = t->ca_file,
        .connect_timeout_ms = t->connect_timeout_ms,
    };
    rs_http_response resp;
    int rc = rs_aws_call_perform(&c, &resp, err);
    json_object_put(req);
    if (rc < 0)
        return -1;
    rc = rs_json_parse(resp.body, resp.body_len, what, answer, err);
    rs_http_response_free(&resp);
    return rc;
}

static void add_string(json_object *o, const char *key, const char *value)
{
    if (value && *value)
        json_object_object_add(o, key, json_object_new_string(value));
}

int rs_serverless_get_credentials(const rs_aws_target *t, const char *workgroup,
                                  const char *custom_domain, const char *db_name,
                                  int duration_seconds, rs_db_credentials *out, rs_aws_error *err)
{
    json_object *req = json_object_new_object();
    if (req) {
        if (custom_domain && *custom_domain)
            add_string(req, "customDomainName", custom_domain);
        else
            add_string(req, "workgroupName", workgroup);
        add_string(req, "dbName", db_name);
        if (duration_seconds > 0)
            json_object_object_add(req, "durationSeconds", json_object_new_int(duration_seconds));
    }
    json_object *a;
    if (call(t, "GetCredentials", req, &a, err) < 0)
        return -1;
    int bad = rs_json_text(a, "dbUser", out->db_user, sizeof out->db_user) < 0
              || rs_json_text(a, "dbPassword", out->db_password, sizeof out->db_password) < 0
              || rs_json_time(a, "expiration", &out->expiration) < 0;
    /* json-c keeps its own copy of the password: wipe it before freeing. */
    json_object *pw;
    if (json_object_object_get_ex(a, "dbPassword", &pw) && json_object_is_type(pw, json_type_string)) {
        int n = json_object_get_string_len(pw);
        explicit_bzero((char *)json_object_get_string(pw), (size_t)n);
    }
    json_object_put(a);
    if (bad) {
        explicit_bzero(out->db_password, sizeof out->db_password);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "redshift-serverless GetCredentials: the answer "
                                "lacks dbUser, dbPassword or a valid expiration");
    }
    return 0;
}

int rs_serverless_get_workgroup(const rs_aws_target *t, const char *workgroup,
                                char *host, size_t host_size, int *port, rs_aws_error *err)
{
    json_object *req = json_object_new_object();
    if (req)
        add_string(req, "workgroupName", workgroup);
    json_object *a;
    if (call(t, "GetWorkgroup", req, &a, err) < 0)
        return -1;
    long p = 0;
    char status[64] = "";
    int have_host = rs_json_text(a, "workgroup.endpoint.address", host, host_size) == 0;
    int have_port = rs_json_long(a, "workgroup.endpoint.port", &p) == 0;
    rs_json_text(a, "workgroup.status", status, sizeof status);
    json_object_put(a);
    if (!have_host || !have_port || p <= 0 || p > 65535)
        return rs_aws_error_set(err, RS_AWS_ERR_SERVICE,
                                "redshift-serverless GetWorkgroup: workgroup \"%s\" has no endpoint yet%s%s%s; "
                                "set Server and Port", workgroup, status[0] ? " (status " : "", status,
                                status[0] ? ")" : "");
    *port = (int)p;
    return 0;
}
