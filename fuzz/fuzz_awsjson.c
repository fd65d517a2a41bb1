/* fuzz_awsjson.c - AWS JSON 1.1 answers (awsjson.c, Redshift Serverless): rs_json_parse,
 * the member paths the driver reads with rs_json_text, rs_json_long and rs_json_time, and
 * the same body read as an error answer (rs_json_error, then aws_error.c).
 *
 * Control byte: the output buffer size (1..256). */
#include "fuzz_util.h"

#include <json-c/json.h>

#include "aws/awsjson.h"

static const char *const paths[] = {
    "dbUser", "dbPassword", "expiration", "nextRefreshTime",
    "workgroup.endpoint.address", "workgroup.endpoint.port", "workgroup.status",
    "workgroup.workgroupName", "__type", "code", "message", "Message",
    "a.b.c.d.e.f.g.h", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    size_t bufsize = fz_byte(&in) + 1;
    const char *body = (const char *)in.p;
    struct json_object *o = NULL;
    rs_aws_error err;
    memset(&err, 0, sizeof err);
    if (rs_json_parse(body, in.n, "fuzz Call", &o, &err) == 0) {
        FZ_CHECK(o != NULL && json_object_is_type(o, json_type_object));
        char buf[257];
        for (size_t i = 0; i < FZ_COUNT(paths); i++) {
            memset(buf, 'X', sizeof buf);
            if (rs_json_text(o, paths[i], buf, bufsize) == 0)
                FZ_CHECK(strlen(buf) < bufsize);
            else
                FZ_CHECK(buf[0] == '\0');
            long l;
            time_t t;
            (void)rs_json_long(o, paths[i], &l);
            (void)rs_json_time(o, paths[i], &t);
        }
        json_object_put(o);
    } else {
        FZ_CHECK(o == NULL && err.kind != RS_AWS_OK && err.message[0]);
    }
    memset(&err, 0, sizeof err);
    FZ_CHECK(rs_json_error(body, in.n, 400, "req-from-header", "fuzz Call", &err) == -1);
    FZ_CHECK(err.kind != RS_AWS_OK && err.message[0]);
    (void)rs_aws_error_sqlstate(&err);
    return 0;
}
