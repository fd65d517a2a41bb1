/* awsxml.c - AWS Query-protocol answers (see awsxml.h). */
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "aws/awsxml.h"

#define RS_XML_MAX_BODY (1024 * 1024)

struct rs_xml {
    xmlDocPtr doc;
};

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

/* libxml2 wants one initialization before use from several threads. */
static void init_xml(void)
{
    xmlInitParser();
}

int rs_xml_parse(const char *body, size_t len, const char *what, rs_xml **out, rs_aws_error *err)
{
    *out = NULL;
    if (!body || len == 0)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is empty", what);
    if (len > RS_XML_MAX_BODY)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL, "%s: the answer is larger than 1 MiB", what);
    pthread_once(&xml_once, init_xml);
    xmlParserCtxtPtr ctx = xmlNewParserCtxt();
    if (!ctx)
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "%s: out of memory parsing XML", what);
    /* NOERROR/NOWARNING: the driver never prints; NONET and no NOENT: no external
     * entities or DTDs are loaded. */
    xmlDocPtr doc = xmlCtxtReadMemory(ctx, body, (int)len, "aws.xml", "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    int well_formed = ctx->wellFormed;
    xmlFreeParserCtxt(ctx);
    if (!doc || !well_formed || !xmlDocGetRootElement(doc)) {
        if (doc)
            xmlFreeDoc(doc);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "%s: the answer is not well-formed XML (malformed or truncated)", what);
    }
    /* AWS answers never declare a DTD; one that does is not from AWS, and its entities
     * would be references to expand (or loop through) when reading text. */
    if (doc->intSubset || doc->extSubset) {
        xmlFreeDoc(doc);
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "%s: the answer declares a DTD, which AWS answers never do", what);
    }
    rs_xml *x = malloc(sizeof *x);
    if (!x) {
        xmlFreeDoc(doc);
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "%s: out of memory", what);
    }
    x->doc = doc;
    *out = x;
    return 0;
}

void rs_xml_free(rs_xml *x)
{
    if (!x)
        return;
    xmlFreeDoc(x->doc);
    free(x);
}

static int name_is(xmlNodePtr n, const char *name, size_t len)
{
    return n->type == XML_ELEMENT_NODE && strlen((const char *)n->name) == len
           && memcmp(n->name, name, len) == 0;
}

/* Elements only: an entity reference's children are its declaration, whose siblings lead
 * through the DTD and back (endless recursion). Depth is bounded by libxml2 (256). */
static xmlNodePtr find_anywhere(xmlNodePtr n, const char *name, size_t len, long *skip)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, name, len) && (*skip)-- == 0)
            return n;
        xmlNodePtr r = find_anywhere(n->children, name, len, skip);
        if (r)
            return r;
    }
    return NULL;
}

static xmlNodePtr find_child(xmlNodePtr parent, const char *name, size_t len, long index)
{
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (name_is(c, name, len) && index-- == 0)
            return c;
    return NULL;
}

static xmlNodePtr lookup(const rs_xml *x, const char *path)
{
    xmlNodePtr cur = NULL;
    int first = 1;
    while (*path) {
        size_t seg = strcspn(path, "/");
        size_t nlen = strcspn(path, "[/");
        long index = 0;
        if (nlen < seg)
            index = strtol(path + nlen + 1, NULL, 10);
        if (first) {
            cur = find_anywhere(xmlDocGetRootElement(x->doc), path, nlen, &index);
            first = 0;
        } else {
            cur = find_child(cur, path, nlen, index);
        }
        if (!cur)
            return NULL;
        path += seg;
        if (*path == '/')
            path++;
    }
    return cur;
}

int rs_xml_text(const rs_xml *x, const char *path, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    xmlNodePtr n = x ? lookup(x, path) : NULL;
    if (!n)
        return -1;
    xmlChar *t = xmlNodeGetContent(n);
    if (!t)
        return -1;
    /* Trim surrounding whitespace (pretty-printed answers). */
    const char *s = (const char *)t;
    while (isspace((unsigned char)*s))
        s++;
    size_t l = strlen(s);
    while (l && isspace((unsigned char)s[l - 1]))
        l--;
    int rc = 0;
    if (l >= size)
        rc = -1;
    else {
        memcpy(buf, s, l);
        buf[l] = '\0';
    }
    explicit_bzero(t, strlen((char *)t));
    xmlFree(t);
    return rc;
}

/* A printable excerpt of a body we could not read, for messages. */
static void excerpt(const char *body, size_t len, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < len && o + 1 < size && o < 160; i++) {
        unsigned char c = (unsigned char)body[i];
        out[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : ' ';
    }
    out[o] = '\0';
}

int rs_xml_error(const char *body, size_t len, long http_status, const char *header_request_id,
                 const char *what, rs_aws_error *err)
{
    rs_xml *x = NULL;
    rs_aws_error perr = {0};
    char code[96] = "", message[700] = "", rid[96] = "";
    if (body && len && rs_xml_parse(body, len, what, &x, &perr) == 0) {
        rs_xml_text(x, "Error/Code", code, sizeof code);
        if (rs_xml_text(x, "Error/Message", message, sizeof message) < 0)
            rs_xml_text(x, "Error/message", message, sizeof message);
        if (rs_xml_text(x, "RequestId", rid, sizeof rid) < 0)
            rs_xml_text(x, "RequestID", rid, sizeof rid);
        rs_xml_free(x);
    }
    if (!rid[0] && header_request_id)
        snprintf(rid, sizeof rid, "%s", header_request_id);
    if (!code[0] && !message[0]) {
        char ex[200];
        excerpt(body ? body : "", body ? len : 0, ex, sizeof ex);
        rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                         "%s failed: HTTP %ld with an answer that is not an AWS error document%s%s%s",
                         what, http_status, ex[0] ? " (\"" : "", ex, ex[0] ? "\")" : "");
        err->http_status = http_status;
        snprintf(err->request_id, sizeof err->request_id, "%s", rid);
        err->code[0] = '\0';
        return -1;
    }
    return rs_aws_error_from_service(err, what, http_status, code, message, rid);
}

static int digits(const char **s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)**s))
            return -1;
        v = v * 10 + (**s - '0');
        (*s)++;
    }
    *out = v;
    return 0;
}

int rs_parse_iso8601(const char *s, time_t *out)
{
    if (!s)
        return -1;
    struct tm tm = {0};
    int y, mo, d, h, mi, sec;
    if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &mo) || *s++ != '-' || digits(&s, 2, &d)
        || (*s != 'T' && *s != 't' && *s != ' '))
        return -1;
    s++;
    if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &mi) || *s++ != ':' || digits(&s, 2, &sec))
        return -1;
    if (*s == '.') {
        s++;
        if (!isdigit((unsigned char)*s))
            return -1;
        while (isdigit((unsigned char)*s))
            s++;
    }
    long offset = 0;
    if (*s == 'Z' || *s == 'z') {
        s++;
    } else if (*s == '+' || *s == '-') {
        int sign = *s++ == '-' ? -1 : 1, oh, om;
        if (digits(&s, 2, &oh))
            return -1;
        if (*s == ':')
            s++;
        if (digits(&s, 2, &om))
            return -1;
        offset = sign * (oh * 3600L + om * 60L);
    } else if (*s) {
        return -1;
    }
    if (*s || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return -1;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    time_t t = timegm(&tm);
    if (t == (time_t)-1)
        return -1;
    *out = t - offset;
    return 0;
}
