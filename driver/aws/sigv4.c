/* sigv4.c - AWS Signature Version 4 (canonical request, string to sign, HMAC chain). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "aws/sigv4.h"

#define RS_SIGV4_MAX_CANONICAL (256 * 1024)  /* bounds the canonical request */
#define RS_SIGV4_MAX_HEADERS 16

/* A bounded, growable string. Fails (sets oom) instead of growing past max. */
typedef struct sbuf {
    char *p;
    size_t len, cap, max;
    int failed;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->max) {
        b->failed = 1;
        return;
    }
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *np = realloc(b->p, cap);
        if (!np) {
            b->failed = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void sb_str(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
static void sb_chr(sbuf *b, char c) { sb_add(b, &c, 1); }

static int is_unreserved(unsigned char c)
{
    return isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~';
}

long rs_aws_uri_encode(const char *src, size_t len, int keep_slash, char *dst, size_t dst_size)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (is_unreserved(c) || (keep_slash && c == '/')) {
            if (o + 1 >= dst_size)
                return -1;
            dst[o++] = (char)c;
        } else {
            if (o + 3 >= dst_size)
                return -1;
            dst[o++] = '%';
            dst[o++] = hex[c >> 4];
            dst[o++] = hex[c & 15];
        }
    }
    if (o >= dst_size)
        return -1;
    dst[o] = '\0';
    return (long)o;
}

static void sb_encode(sbuf *b, const char *s, size_t n, int keep_slash)
{
    for (size_t i = 0; i < n; i++) {
        char tmp[4];
        if (rs_aws_uri_encode(s + i, 1, keep_slash, tmp, sizeof tmp) < 0) {
            b->failed = 1;
            return;
        }
        sb_str(b, tmp);
    }
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decode s[0..n) into out (out has room for n+1). Returns the length. */
static size_t pct_decode(const char *s, size_t n, char *out)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    return o;
}

void rs_sha256_hex(const void *data, size_t len, char hex[65])
{
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(data ? data : (const void *)"", len, md);
    for (int i = 0; i < SHA256_DIGEST_LENGTH; i++)
        sprintf(hex + 2 * i, "%02x", md[i]);
    hex[64] = '\0';
}

static int hmac(const void *key, size_t key_len, const void *msg, size_t msg_len,
                unsigned char out[32])
{
    unsigned int n = 32;
    return HMAC(EVP_sha256(), key, (int)key_len, msg, msg_len, out, &n) ? 0 : -1;
}

/* The pieces of a URL that SigV4 needs. Pointers into the URL, with lengths. */
typedef struct url_parts {
    const char *host; size_t host_len;   /* host[:port] as signed */
    const char *path; size_t path_len;
    const char *query; size_t query_len;
} url_parts;

static int split_url(const char *url, url_parts *u)
{
    const char *sep = strstr(url, "://");
    if (!sep)
        return -1;
    int https = (size_t)(sep - url) == 5 && strncasecmp(url, "https", 5) == 0;
    const char *auth = sep + 3;
    size_t alen = strcspn(auth, "/?#");
    const char *at = memchr(auth, '@', alen);
    if (at) {
        alen -= (size_t)(at + 1 - auth);
        auth = at + 1;
    }
    if (alen == 0)
        return -1;
    u->host = auth;
    u->host_len = alen;
    /* botocore (and libcurl's Host header) drop a default port. */
    const char *colon = NULL;
    if (auth[0] != '[')
        colon = memchr(auth, ':', alen);
    else {
        const char *rb = memchr(auth, ']', alen);
        if (rb && (size_t)(rb - auth) + 1 < alen && rb[1] == ':')
            colon = rb + 1;
    }
    if (colon) {
        size_t plen = alen - (size_t)(colon + 1 - auth);
        if ((https && plen == 3 && strncmp(colon + 1, "443", 3) == 0)
            || (!https && plen == 2 && strncmp(colon + 1, "80", 2) == 0))
            u->host_len = (size_t)(colon - auth);
    }
    const char *rest = auth + alen;
    size_t plen = strcspn(rest, "?#");
    u->path = rest;
    u->path_len = plen;
    u->query = "";
    u->query_len = 0;
    if (rest[plen] == '?') {
        u->query = rest + plen + 1;
        u->query_len = strcspn(u->query, "#");
    }
    return 0;
}

/* Canonical URI: dot segments and empty segments removed, then URI-encoded once more
 * (AWS encodes each path segment twice for every service but S3). */
static void canonical_uri(sbuf *b, const char *path, size_t len)
{
    const char *segs[128];
    size_t lens[128];
    size_t n = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && path[i] == '/')
            i++;
        size_t start = i;
        while (i < len && path[i] != '/')
            i++;
        size_t sl = i - start;
        if (sl == 0 || (sl == 1 && path[start] == '.'))
            continue;
        if (sl == 2 && path[start] == '.' && path[start + 1] == '.') {
            if (n)
                n--;
            continue;
        }
        if (n == sizeof segs / sizeof segs[0]) {
            b->failed = 1;
            return;
        }
        segs[n] = path + start;
        lens[n++] = sl;
    }
    sb_chr(b, '/');
    for (size_t k = 0; k < n; k++) {
        if (k)
            sb_chr(b, '/');
        sb_encode(b, segs[k], lens[k], 0);
    }
    if (n && len && path[len - 1] == '/')
        sb_chr(b, '/');
}

typedef struct qpair {
    char *key, *value;   /* AWS-encoded */
} qpair;

static int qpair_cmp(const void *a, const void *b)
{
    const qpair *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->value, y->value);
}

static char *encode_component(const char *s, size_t n)
{
    char *dec = malloc(n + 1);
    if (!dec)
        return NULL;
    size_t dl = pct_decode(s, n, dec);
    size_t cap = dl * 3 + 1;
    char *enc = malloc(cap);
    if (enc && rs_aws_uri_encode(dec, dl, 0, enc, cap) < 0) {
        free(enc);
        enc = NULL;
    }
    free(dec);
    return enc;
}

/* Canonical query: every name=value decoded, re-encoded the AWS way, sorted. */
static void canonical_query(sbuf *b, const char *q, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        if (q[i] == '&')
            count++;
    count++;
    if (len == 0 || count > 1000) {
        if (count > 1000)
            b->failed = 1;
        return;
    }
    qpair *pairs = calloc(count, sizeof *pairs);
    if (!pairs) {
        b->failed = 1;
        return;
    }
    size_t n = 0, i = 0;
    while (i <= len && !b->failed) {
        size_t start = i;
        while (i < len && q[i] != '&')
            i++;
        size_t plen = i - start;
        i++;
        if (plen == 0)
            continue;
        const char *eq = memchr(q + start, '=', plen);
        size_t klen = eq ? (size_t)(eq - (q + start)) : plen;
        pairs[n].key = encode_component(q + start, klen);
        pairs[n].value = eq ? encode_component(eq + 1, plen - klen - 1) : strdup("");
        if (!pairs[n].key || !pairs[n].value)
            b->failed = 1;
        n++;
    }
    if (!b->failed) {
        qsort(pairs, n, sizeof *pairs, qpair_cmp);
        for (size_t k = 0; k < n; k++) {
            if (k)
                sb_chr(b, '&');
            sb_str(b, pairs[k].key);
            sb_chr(b, '=');
            sb_str(b, pairs[k].value);
        }
    }
    for (size_t k = 0; k < n; k++) {
        free(pairs[k].key);
        free(pairs[k].value);
    }
    free(pairs);
}

typedef struct canon_header {
    char name[64];
    char value[4200];
} canon_header;

static int header_cmp(const void *a, const void *b)
{
    return strcmp(((const canon_header *)a)->name, ((const canon_header *)b)->name);
}

/* Trim and collapse runs of whitespace, as SigV4 requires. */
static void canonical_value(const char *v, char *out, size_t size)
{
    size_t o = 0;
    int space = 0;
    while (*v && isspace((unsigned char)*v))
        v++;
    for (; *v; v++) {
        if (isspace((unsigned char)*v)) {
            space = 1;
            continue;
        }
        if (space && o + 1 < size)
            out[o++] = ' ';
        space = 0;
        if (o + 1 < size)
            out[o++] = *v;
    }
    out[o] = '\0';
}

static int add_header(canon_header *h, size_t *n, const char *name, size_t name_len, const char *value)
{
    if (name_len == 0 || name_len >= sizeof h[0].name)
        return -1;
    char lname[64];
    for (size_t i = 0; i < name_len; i++)
        lname[i] = (char)tolower((unsigned char)name[i]);
    lname[name_len] = '\0';
    char cv[4200];
    canonical_value(value ? value : "", cv, sizeof cv);
    for (size_t i = 0; i < *n; i++) {
        if (strcmp(h[i].name, lname) == 0) {  /* repeated header: values joined by ',' */
            size_t l = strlen(h[i].value);
            snprintf(h[i].value + l, sizeof h[i].value - l, ",%s", cv);
            return 0;
        }
    }
    if (*n >= RS_SIGV4_MAX_HEADERS)
        return -1;
    memcpy(h[*n].name, lname, name_len + 1);
    snprintf(h[*n].value, sizeof h[*n].value, "%s", cv);
    (*n)++;
    return 0;
}

int rs_sigv4_sign(const rs_sigv4_input *in, rs_sigv4_output *out, rs_aws_error *err)
{
    if (!in || !out || !in->method || !in->url || !in->region || !in->service
        || !in->access_key_id || !in->secret_access_key)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "SigV4: incomplete signing request");
    url_parts u;
    if (split_url(in->url, &u) < 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "SigV4: cannot parse URL \"%.200s\"", in->url);

    struct tm tm;
    time_t now = in->now;
    gmtime_r(&now, &tm);
    strftime(out->amz_date, sizeof out->amz_date, "%Y%m%dT%H%M%SZ", &tm);
    char date[9];
    memcpy(date, out->amz_date, 8);
    date[8] = '\0';

    canon_header *hdrs = calloc(RS_SIGV4_MAX_HEADERS, sizeof *hdrs);
    if (!hdrs)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "SigV4: out of memory");
    size_t nh = 0;
    char host[512];
    snprintf(host, sizeof host, "%.*s", (int)u.host_len, u.host);
    int bad = add_header(hdrs, &nh, "host", 4, host) < 0
              || add_header(hdrs, &nh, "x-amz-date", 10, out->amz_date) < 0;
    if (in->session_token && *in->session_token)
        bad |= add_header(hdrs, &nh, "x-amz-security-token", 20, in->session_token) < 0;
    for (size_t i = 0; i < in->n_headers && !bad; i++)
        bad |= add_header(hdrs, &nh, in->headers[i].name, strlen(in->headers[i].name),
                          in->headers[i].value) < 0;
    if (bad) {
        free(hdrs);
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "SigV4: too many or oversized headers");
    }
    qsort(hdrs, nh, sizeof *hdrs, header_cmp);

    sbuf signed_names = { .max = sizeof out->signed_headers };
    for (size_t i = 0; i < nh; i++) {
        if (i)
            sb_chr(&signed_names, ';');
        sb_str(&signed_names, hdrs[i].name);
    }

    char payload_hash[65];
    rs_sha256_hex(in->body, in->body ? in->body_len : 0, payload_hash);

    sbuf cr = { .max = RS_SIGV4_MAX_CANONICAL };
    sb_str(&cr, in->method);
    sb_chr(&cr, '\n');
    canonical_uri(&cr, u.path, u.path_len);
    sb_chr(&cr, '\n');
    canonical_query(&cr, u.query, u.query_len);
    sb_chr(&cr, '\n');
    for (size_t i = 0; i < nh; i++) {
        sb_str(&cr, hdrs[i].name);
        sb_chr(&cr, ':');
        sb_str(&cr, hdrs[i].value);
        sb_chr(&cr, '\n');
    }
    sb_chr(&cr, '\n');
    sb_str(&cr, signed_names.p ? signed_names.p : "");
    sb_chr(&cr, '\n');
    sb_str(&cr, payload_hash);
    explicit_bzero(hdrs, RS_SIGV4_MAX_HEADERS * sizeof *hdrs);
    free(hdrs);

    if (cr.failed || signed_names.failed) {
        free(cr.p);
        free(signed_names.p);
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "SigV4: canonical request too large or out of memory");
    }
    char cr_hash[65];
    rs_sha256_hex(cr.p, cr.len, cr_hash);
    free(cr.p);

    char scope[160];
    snprintf(scope, sizeof scope, "%s/%s/%s/aws4_request", date, in->region, in->service);
    char sts[400];
    int sts_len = snprintf(sts, sizeof sts, "AWS4-HMAC-SHA256\n%s\n%s\n%s", out->amz_date, scope, cr_hash);

    /* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request") */
    char kseed[160];
    int klen = snprintf(kseed, sizeof kseed, "AWS4%s", in->secret_access_key);
    unsigned char k1[32], k2[32], k3[32], k4[32], sig[32];
    int rc = hmac(kseed, (size_t)klen, date, 8, k1)
             | hmac(k1, 32, in->region, strlen(in->region), k2)
             | hmac(k2, 32, in->service, strlen(in->service), k3)
             | hmac(k3, 32, "aws4_request", 12, k4)
             | hmac(k4, 32, sts, (size_t)sts_len, sig);
    explicit_bzero(kseed, sizeof kseed);
    explicit_bzero(k1, sizeof k1);
    explicit_bzero(k2, sizeof k2);
    explicit_bzero(k3, sizeof k3);
    explicit_bzero(k4, sizeof k4);
    if (rc) {
        free(signed_names.p);
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "SigV4: HMAC failed");
    }
    char sig_hex[65];
    for (int i = 0; i < 32; i++)
        sprintf(sig_hex + 2 * i, "%02x", sig[i]);
    snprintf(out->signed_headers, sizeof out->signed_headers, "%s", signed_names.p);
    free(signed_names.p);
    int n = snprintf(out->authorization, sizeof out->authorization,
                     "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s",
                     in->access_key_id, scope, out->signed_headers, sig_hex);
    if (n < 0 || (size_t)n >= sizeof out->authorization)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "SigV4: Authorization header too long");
    return 0;
}
