/* fuzz_process.c - what a credential_process prints (rs_creds_process_parse): JSON with
 * Version 1, AccessKeyId, SecretAccessKey, SessionToken and an ISO 8601 Expiration.
 *
 * Properties: success gives a non-empty key id; failure gives a message, and that message
 * never holds the secret key or session token of the input (they are found with json-c
 * directly; only values with a '/' or '+', as real secrets have and no message has, are
 * checked, so a "secret" that happens to be a word of a message is not counted). */
#include "fuzz_util.h"

#include <json-c/json.h>

#include "aws/creds/sources.h"

static int leaks(const char *message, json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return 0;
    const char *s = json_object_get_string(v);
    if (strlen(s) < 8 || !strpbrk(s, "/+"))
        return 0;
    return strstr(message, s) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_aws_credentials out;
    rs_aws_error err;
    memset(&out, 0, sizeof out);
    memset(&err, 0, sizeof err);
    int rc = rs_creds_process_parse((const char *)data, size, "fuzz-helper", &out, &err);
    if (rc == 0) {
        FZ_CHECK(out.access_key_id[0] && out.secret_access_key[0]);
        FZ_CHECK(memchr(out.session_token, '\0', sizeof out.session_token) != NULL);
    } else {
        FZ_CHECK(rc == -1 && err.kind != RS_AWS_OK && err.message[0]);
        char *text = fz_str(data, size);
        json_object *o = json_tokener_parse(text);
        FZ_CHECK(!leaks(err.message, o, "SecretAccessKey"));
        FZ_CHECK(!leaks(err.message, o, "SessionToken"));
        json_object_put(o);
        free(text);
    }
    explicit_bzero(&out, sizeof out);
    return 0;
}
