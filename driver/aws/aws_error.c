/* aws_error.c - filling rs_aws_error and mapping it to SQLSTATEs. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "aws/aws_error.h"

int rs_aws_error_set(rs_aws_error *err, rs_aws_error_kind kind, const char *fmt, ...)
{
    if (!err)
        return -1;
    err->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return -1;
}

const char *rs_aws_error_sqlstate(const rs_aws_error *err)
{
    if (!err)
        return "HY000";
    switch (err->kind) {
    case RS_AWS_ERR_AUTH:    return "28000";
    case RS_AWS_ERR_NETWORK: return "08001";
    case RS_AWS_ERR_MEMORY:  return "HY001";
    default:                 return "HY000";
    }
}

static const char *const auth_codes[] = {
    "AccessDenied", "AccessDeniedException", "InvalidClientTokenId",
    "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException",
    "UnrecognizedClientException", "InvalidSignatureException",
    "IncompleteSignature", "MissingAuthenticationToken", "AuthFailure",
    "RequestExpired", "InvalidIdentityToken", "InvalidIdentityTokenException",
    "UnauthorizedOperation",
};

int rs_aws_error_code_is_auth(const char *code)
{
    if (!code || !*code)
        return 0;
    for (size_t i = 0; i < sizeof auth_codes / sizeof auth_codes[0]; i++)
        if (strcmp(code, auth_codes[i]) == 0)
            return 1;
    return 0;
}

/* AWS says the request time is too far from its own clock. */
static int is_clock_skew(const char *code, const char *message)
{
    if (code && (strcmp(code, "RequestExpired") == 0 || strcmp(code, "RequestTimeTooSkewed") == 0
                 || strcmp(code, "RequestInTheFuture") == 0))
        return 1;
    if (message && (strcasestr(message, "Signature expired") || strcasestr(message, "Signature not yet current")))
        return 1;
    return 0;
}

static void copy_field(char *dst, size_t size, const char *src)
{
    if (!src)
        src = "";
    snprintf(dst, size, "%s", src);
}

int rs_aws_error_from_service(rs_aws_error *err, const char *what, long http_status,
                              const char *code, const char *message, const char *request_id)
{
    if (!err)
        return -1;
    const char *c = (code && *code) ? code : NULL;
    const char *m = (message && *message) ? message : NULL;
    rs_aws_error_kind kind = rs_aws_error_code_is_auth(c) ? RS_AWS_ERR_AUTH : RS_AWS_ERR_SERVICE;
    /* 401/403 without a known code is still a refusal of our identity. */
    if (!c && (http_status == 401 || http_status == 403))
        kind = RS_AWS_ERR_AUTH;

    char body[800];
    if (c && m)
        snprintf(body, sizeof body, "%s: %s", c, m);
    else if (c)
        snprintf(body, sizeof body, "%s", c);
    else if (m)
        snprintf(body, sizeof body, "HTTP %ld: %s", http_status, m);
    else
        snprintf(body, sizeof body, "HTTP %ld with no error details", http_status);

    const char *hint = "";
    if (is_clock_skew(c, m))
        hint = " (this machine's clock is off: synchronize it with NTP, e.g. chrony or systemd-timesyncd)";
    char rid[128] = "";
    if (request_id && *request_id)
        snprintf(rid, sizeof rid, " [request id %s]", request_id);

    rs_aws_error_set(err, kind, "%s%s%s%s%s", what ? what : "", what ? " failed: " : "",
                     body, hint, rid);
    err->http_status = http_status;
    copy_field(err->code, sizeof err->code, c);
    copy_field(err->request_id, sizeof err->request_id, request_id);
    return -1;
}

void rs_aws_error_redact(rs_aws_error *err, const char *secret)
{
    if (!err)
        return;
    static const char *const echoes[] = { "The Canonical String for this request", "The String-to-Sign" };
    for (size_t i = 0; i < sizeof echoes / sizeof echoes[0]; i++) {
        char *cut = strstr(err->message, echoes[i]);
        if (cut)
            snprintf(cut, sizeof err->message - (size_t)(cut - err->message), "(signing details omitted)");
    }
    size_t n = secret ? strlen(secret) : 0;
    if (n < 8)
        return;
    /* Each replacement shortens the message or keeps its length; a secret that the mark
     * itself spells (or a replacement that forms the secret again) would go on forever, so
     * after as many rounds as the message has bytes the rest is dropped instead. */
    static const char mark[] = "<redacted>";
    size_t rounds = strlen(err->message);
    char *hit;
    while ((hit = strstr(err->message, secret)) != NULL) {
        size_t tail = strlen(hit + n);
        if (n >= sizeof mark - 1 && rounds-- > 0 && memcmp(hit, mark, sizeof mark - 1) != 0) {
            memcpy(hit, mark, sizeof mark - 1);
            memmove(hit + sizeof mark - 1, hit + n, tail + 1);
        } else {
            *hit = '\0';   /* cannot grow in place safely, or no progress: drop the rest */
        }
    }
}
