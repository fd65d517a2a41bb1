/* creds_util.c - helpers shared by the credential sources. */
#include "aws/creds/creds_util.h"
#include "util/log.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

void rs_creds_tried_add(rs_creds_tried *t, const char *fmt, ...)
{
    char why[sizeof t->text];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    rs_log(RS_LOG_DEBUG, 0, "credentials: skipped: %s", why);
    if (t->len >= sizeof t->text - 1)
        return;
    int n = snprintf(t->text + t->len, sizeof t->text - t->len, "%s%s", t->len ? "; " : "", why);
    if (n > 0)
        t->len += (size_t)n;
    if (t->len >= sizeof t->text)
        t->len = sizeof t->text - 1;
}

const char *rs_creds_getenv(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

int rs_creds_is_true(const char *v)
{
    return v && strcasecmp(v, "true") == 0;
}

int rs_creds_home(char *buf, size_t n)
{
    const char *h = rs_creds_getenv("HOME");
    if (!h) {
        struct passwd pw, *res = NULL;
        char tmp[4096];
        if (getpwuid_r(getuid(), &pw, tmp, sizeof tmp, &res) != 0 || !res || !res->pw_dir)
            return -1;
        h = res->pw_dir;
        int w = snprintf(buf, n, "%s", h);
        return w < 0 || (size_t)w >= n ? -1 : 0;
    }
    int w = snprintf(buf, n, "%s", h);
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

int rs_creds_expand_path(const char *path, char *buf, size_t n)
{
    int w;
    if (path[0] == '~' && (path[1] == '/' || path[1] == '\0')) {
        char home[1024];
        if (rs_creds_home(home, sizeof home) != 0)
            return -1;
        w = snprintf(buf, n, "%s%s", home, path + 1);
    } else {
        w = snprintf(buf, n, "%s", path);
    }
    return w < 0 || (size_t)w >= n ? -1 : 0;
}

void rs_creds_wipe_free(char *s, size_t len)
{
    if (s) {
        explicit_bzero(s, len);
        free(s);
    }
}

int rs_creds_read_file(const char *path, size_t max, char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char *buf = malloc(max + 1);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return -1;
    }
    size_t got = 0;
    for (;;) {
        ssize_t r = read(fd, buf + got, max + 1 - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            close(fd);
            rs_creds_wipe_free(buf, got);
            errno = e;
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
        if (got > max) {
            close(fd);
            rs_creds_wipe_free(buf, got);
            errno = EFBIG;
            return -1;
        }
    }
    close(fd);
    buf[got] = '\0';
    *out = buf;
    *len = got;
    return 0;
}

int rs_creds_store(rs_aws_credentials *out, const char *access_key_id, const char *secret,
                   const char *token, time_t expiration, const char *what, rs_aws_error *err)
{
    if (!access_key_id || !*access_key_id || !secret || !*secret)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "%s: the answer has no %s", what,
                                (!access_key_id || !*access_key_id) ? "access key id" : "secret access key");
    if (strlen(access_key_id) >= sizeof out->access_key_id || strlen(secret) >= sizeof out->secret_access_key
        || (token && strlen(token) >= sizeof out->session_token))
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: a credential value is too long", what);
    snprintf(out->access_key_id, sizeof out->access_key_id, "%s", access_key_id);
    snprintf(out->secret_access_key, sizeof out->secret_access_key, "%s", secret);
    snprintf(out->session_token, sizeof out->session_token, "%s", token ? token : "");
    out->expiration = expiration;
    return 0;
}

void rs_creds_set_source(rs_aws_credentials *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(out->source, sizeof out->source, fmt, ap);
    va_end(ap);
}

static int digits(const char **p, int n, int *v)
{
    *v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        *v = *v * 10 + (**p - '0');
        (*p)++;
    }
    return 0;
}

int rs_creds_parse_time(const char *s, time_t *out)
{
    if (!s)
        return -1;
    const char *p = s;
    int Y, M, D, h, m, sec;
    if (digits(&p, 4, &Y) || *p++ != '-' || digits(&p, 2, &M) || *p++ != '-' || digits(&p, 2, &D))
        return -1;
    if (*p != 'T' && *p != 't' && *p != ' ')
        return -1;
    p++;
    if (digits(&p, 2, &h) || *p++ != ':' || digits(&p, 2, &m) || *p++ != ':' || digits(&p, 2, &sec))
        return -1;
    if (*p == '.' || *p == ',') {
        p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        while (isdigit((unsigned char)*p))
            p++;
    }
    long offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (strncmp(p, "UTC", 3) == 0) {
        p += 3;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1, oh, om;
        p++;
        if (digits(&p, 2, &oh))
            return -1;
        if (*p == ':')
            p++;
        if (digits(&p, 2, &om))
            return -1;
        offset = sign * (oh * 3600L + om * 60L);
    } else {
        return -1;
    }
    if (*p != '\0' || M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60)
        return -1;
    struct tm tm = {0};
    tm.tm_year = Y - 1900;
    tm.tm_mon = M - 1;
    tm.tm_mday = D;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = sec;
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return -1;
    *out = t - offset;
    return 0;
}

json_object *rs_creds_json_object(const char *text, size_t len)
{
    if (!text || len > 1024 * 1024)
        return NULL;
    json_tokener *tok = json_tokener_new_ex(16);
    if (!tok)
        return NULL;
    json_object *o = json_tokener_parse_ex(tok, text, (int)len);
    if (json_tokener_get_error(tok) != json_tokener_success || !o
        || !json_object_is_type(o, json_type_object)) {
        json_object_put(o);
        o = NULL;
    } else {
        for (size_t i = json_tokener_get_parse_end(tok); i < len; i++) {
            if (!isspace((unsigned char)text[i])) {  /* trailing garbage */
                json_object_put(o);
                o = NULL;
                break;
            }
        }
    }
    json_tokener_free(tok);
    return o;
}

static void json_wipe(json_object *o, int depth)
{
    if (!o || depth > 32)
        return;
    switch (json_object_get_type(o)) {
    case json_type_string:
        explicit_bzero((char *)json_object_get_string(o), (size_t)json_object_get_string_len(o));
        break;
    case json_type_object: {
        json_object_object_foreach(o, k, v) {
            (void)k;
            json_wipe(v, depth + 1);
        }
        break;
    }
    case json_type_array:
        for (size_t i = 0; i < json_object_array_length(o); i++)
            json_wipe(json_object_array_get_idx(o, i), depth + 1);
        break;
    default:
        break;
    }
}

void rs_creds_json_wipe_put(json_object *o)
{
    json_wipe(o, 0);
    json_object_put(o);
}

const char *rs_creds_json_str(json_object *o, const char *key)
{
    json_object *v;
    if (!o || !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string))
        return NULL;
    return json_object_get_string(v);
}

static atomic_long clock_offset;

time_t rs_creds_now(void)
{
    return time(NULL) + (time_t)atomic_load(&clock_offset);
}

void rs_creds_set_clock_offset(long seconds)
{
    atomic_store(&clock_offset, seconds);
}
