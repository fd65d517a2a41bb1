/* fuzz_aws_error.c - turning an AWS error answer's fields into the user's message
 * (rs_aws_error_from_service) and taking secrets back out of it (rs_aws_error_redact).
 *
 * Input: two control bytes (HTTP status), then NUL-separated fields: what, code, message,
 * request id, secret. Properties: the message is always NUL-terminated within its buffer,
 * and after redaction a secret of 8 or more characters no longer appears in it. */
#include "fuzz_util.h"

#include "aws/aws_error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    long status = (long)fz_byte(&in) << 8;
    status |= (long)fz_byte(&in);
    char *f[5];
    for (int i = 0; i < 5; i++) {
        fz_in fld = fz_field(&in, 0);
        f[i] = fz_str(fld.p, fld.n);
    }
    rs_aws_error err;
    memset(&err, 0xAA, sizeof err);
    FZ_CHECK(rs_aws_error_from_service(&err, f[0][0] ? f[0] : NULL, status, f[1], f[2],
                                       f[3][0] ? f[3] : NULL) == -1);
    FZ_CHECK(memchr(err.message, '\0', sizeof err.message) && memchr(err.code, '\0', sizeof err.code)
             && memchr(err.request_id, '\0', sizeof err.request_id));
    FZ_CHECK(err.kind == RS_AWS_ERR_AUTH || err.kind == RS_AWS_ERR_SERVICE);
    FZ_CHECK(err.kind == RS_AWS_ERR_SERVICE || rs_aws_error_code_is_auth(err.code) || !err.code[0]);
    const char *state = rs_aws_error_sqlstate(&err);
    FZ_CHECK(state && strlen(state) == 5);
    rs_aws_error_redact(&err, f[4]);
    FZ_CHECK(memchr(err.message, '\0', sizeof err.message));
    if (strlen(f[4]) >= 8)
        FZ_CHECK(strstr(err.message, f[4]) == NULL);
    for (int i = 0; i < 5; i++)
        free(f[i]);
    return 0;
}
