/* awsjson.c - AWS JSON 1.1 answers (see awsjson.h). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "aws/awsjson.h"
#include "aws/awsxml.h"

#define RS_JSON_MAX_BODY (1024 * 1024)

int rs_json_parse(const char *body, size_t len, const char *what, struct json_object **out,
                  rs_aws_error *err)
{
    *out = NULL;
    if (!body || len == 0)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is empty", what);
    if (len > RS_JSON_MAX_BODY)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is larger than 1 MiB", what);
    json_tokener *tok = json_tokener_new();
    if (!tok)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "%s: out of memory parsing JSON", what);
    json_object *o = json_tokener_parse_ex(tok, body, (int)len);
    enum json_tokener_error jerr = json_tokener_get_error(tok);
    size_t used = json_tokener_get_parse_end(tok);
    json_tokener_free(tok);
    if (!o || jerr != json_tokener_success) {
        if (o)
            json_object_put(o);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is not valid JSON (%s)", what,
                                jerr == json_tokener_continue ? "truncated" : json_tokener_error_desc(jerr));
    }
    for (; used < len; used++) {
        if (body[used] != ' ' && body[used] != '\n' && body[used] != '\r' && body[used] != '\t') {
            json_object_put(o);
            return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                    "%s: the answer has data after its JSON document", what);
        }
    }
    if (!json_object_is_type(o, json_type_object)) {
        json_object_put(o);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is not a JSON object", what);
    }
    *out = o;
    return 0;
}

static json_object *lookup(json_object *o, const char *path)
{
    char key[128];
    while (o && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key || !json_object_is_type(o, json_type_object))
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        json_object *next = NULL;
        if (!json_object_object_get_ex(o, key, &next))
            return NULL;
        o = next;
        path += n;
        if (*path == '.')
            path++;
    }
    return o;
}

int rs_json_text(struct json_object *o, const char *path, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    json_object *v = lookup(o, path);
    if (!v)
        return -1;
    const char *s;
    char num[64];
    if (json_object_is_type(v, json_type_string))
        s = json_object_get_string(v);
    else if (json_object_is_type(v, json_type_int)) {
        snprintf(num, sizeof num, "%lld", (long long)json_object_get_int64(v));
        s = num;
    } else
        return -1;
    size_t l = strlen(s);
    if (l >= size)
        return -1;
    memcpy(buf, s, l + 1);
    return 0;
}

int rs_json_long(struct json_object *o, const char *path, long *out)
{
    json_object *v = lookup(o, path);
    if (!v)
        return -1;
    if (json_object_is_type(v, json_type_int)) {
        *out = (long)json_object_get_int64(v);
        return 0;
    }
    if (json_object_is_type(v, json_type_string)) {
        const char *s = json_object_get_string(v);
        char *end;
        errno = 0;
        long n = strtol(s, &end, 10);
        if (errno || end == s || *end)
            return -1;
        *out = n;
        return 0;
    }
    return -1;
}

int rs_json_time(struct json_object *o, const char *path, time_t *out)
{
    json_object *v = lookup(o, path);
    if (!v)
        return -1;
    if (json_object_is_type(v, json_type_int)) {
        *out = (time_t)json_object_get_int64(v);
        return 0;
    }
    if (json_object_is_type(v, json_type_double)) {
        double d = json_object_get_double(v);
        if (!isfinite(d) || d < 0 || d > 1e11)
            return -1;
        *out = (time_t)d;
        return 0;
    }
    if (json_object_is_type(v, json_type_string))
        return rs_parse_iso8601(json_object_get_string(v), out);
    return -1;
}

int rs_json_error(const char *body, size_t len, long http_status, const char *header_request_id,
                  const char *what, rs_aws_error *err)
{
    json_object *o = NULL;
    rs_aws_error perr = {0};
    char type[256] = "", message[700] = "";
    if (body && len && rs_json_parse(body, len, what, &o, &perr) == 0) {
        if (rs_json_text(o, "__type", type, sizeof type) < 0)
            rs_json_text(o, "code", type, sizeof type);
        if (rs_json_text(o, "message", message, sizeof message) < 0)
            rs_json_text(o, "Message", message, sizeof message);
        json_object_put(o);
    }
    /* "__type" may be "namespace#Code" and may carry ":http://..." after the code. */
    char *code = type;
    char *hash = strrchr(code, '#');
    if (hash)
        code = hash + 1;
    code[strcspn(code, ":")] = '\0';
    if (!code[0] && !message[0]) {
        size_t n = body ? (len < 160 ? len : 160) : 0;
        char ex[200];
        size_t o2 = 0;
        for (size_t i = 0; i < n; i++)
            ex[o2++] = (body[i] >= 0x20 && body[i] < 0x7f) ? body[i] : ' ';
        ex[o2] = '\0';
        rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                         "%s failed: HTTP %ld with an answer that is not an AWS error document%s%s%s",
                         what, http_status, ex[0] ? " (\"" : "", ex, ex[0] ? "\")" : "");
        err->http_status = http_status;
        snprintf(err->request_id, sizeof err->request_id, "%s", header_request_id ? header_request_id : "");
        err->code[0] = '\0';
        return -1;
    }
    return rs_aws_error_from_service(err, what, http_status, code, message, header_request_id);
}
