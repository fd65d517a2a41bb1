/* api_desc.c - SQLGetDescField, SQLSetDescField, SQLGetDescRec (A and W), SQLSetDescRec,
 * SQLCopyDesc. String fields of the Field forms count bytes in both forms; SQLGetDescRecW
 * counts characters, as its reference says. */
#include <stdint.h>
#include <stdlib.h>

#include "api/api.h"
#include "stmt/descfields.h"

static SQLRETURN get_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                           SQLINTEGER buflen, SQLINTEGER *outlen, int wide)
{
    const char *str;
    SQLRETURN rc = rs_desc_get_field(d, rec, field, value, &str);
    if (!RS_OK(rc) || !str)
        return rc;
    if (buflen < 0)
        return rs_diag_add(&d->diag, "HY090", 0, "Invalid buffer length %ld.", (long)buflen);
    SQLLEN len = 0;
    int trunc = wide ? rs_out_w(str, value, buflen, &len, 0) : rs_out_a(str, value, buflen, &len);
    if (outlen)
        *outlen = (SQLINTEGER)len;
    return trunc ? rs_rc_merge(rc, rs_truncated(&d->diag)) : rc;
}

SQLRETURN SQL_API SQLGetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                  SQLINTEGER buflen, SQLINTEGER *outlen)
{
    RS_WITH_DESC(h, get_field(d, rec, field, value, buflen, outlen, 0));
}

SQLRETURN SQL_API SQLGetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                   SQLINTEGER buflen, SQLINTEGER *outlen)
{
    RS_WITH_DESC(h, get_field(d, rec, field, value, buflen, outlen, 1));
}

static SQLRETURN set_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                           SQLINTEGER buflen, int wide)
{
    if (!rs_desc_field_is_string(field))
        return rs_desc_set_field(d, rec, field, value, NULL);
    if (buflen < 0 && buflen != SQL_NTS)
        return rs_diag_add(&d->diag, "HY090", 0, "Invalid string length %ld.", (long)buflen);
    /* BufferLength counts bytes in both forms */
    SQLLEN len = buflen == SQL_NTS ? SQL_NTS : wide ? buflen / (SQLLEN)sizeof(SQLWCHAR) : buflen;
    rs_instr in = wide ? rs_in_w(value, len) : rs_in_a(value, len);
    if (in.oom)
        return rs_diag_oom(&d->diag);
    SQLRETURN rc = rs_desc_set_field(d, rec, field, value, in.s);
    free(in.s);
    return rc;
}

SQLRETURN SQL_API SQLSetDescField(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                  SQLINTEGER buflen)
{
    RS_WITH_DESC(h, set_field(d, rec, field, value, buflen, 0));
}

SQLRETURN SQL_API SQLSetDescFieldW(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                                   SQLINTEGER buflen)
{
    RS_WITH_DESC(h, set_field(d, rec, field, value, buflen, 1));
}

static SQLRETURN get_rec(rs_desc *d, SQLSMALLINT rec, void *name, SQLSMALLINT name_max,
                         SQLSMALLINT *name_len, SQLSMALLINT *type, SQLSMALLINT *subtype,
                         SQLLEN *length, SQLSMALLINT *precision, SQLSMALLINT *scale,
                         SQLSMALLINT *nullable, int wide)
{
    rs_desc_rec_info info;
    SQLRETURN rc = rs_desc_get_rec(d, rec, &info);
    if (!RS_OK(rc))
        return rc;
    if (type) *type = info.type;
    if (subtype) *subtype = info.subtype;
    if (length) *length = info.length;
    if (precision) *precision = info.precision;
    if (scale) *scale = info.scale;
    if (nullable) *nullable = info.nullable;
    int trunc = wide ? rs_out_w16(info.name, name, name_max, name_len, 1)
                     : rs_out_a16(info.name, name, name_max, name_len);
    return trunc ? rs_rc_merge(rc, rs_truncated(&d->diag)) : rc;
}

SQLRETURN SQL_API SQLGetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLCHAR *name, SQLSMALLINT name_max,
                                SQLSMALLINT *name_len, SQLSMALLINT *type, SQLSMALLINT *subtype,
                                SQLLEN *length, SQLSMALLINT *precision, SQLSMALLINT *scale,
                                SQLSMALLINT *nullable)
{
    RS_WITH_DESC(h, get_rec(d, rec, name, name_max, name_len, type, subtype, length, precision,
                            scale, nullable, 0));
}

SQLRETURN SQL_API SQLGetDescRecW(SQLHDESC h, SQLSMALLINT rec, SQLWCHAR *name, SQLSMALLINT name_max,
                                 SQLSMALLINT *name_len, SQLSMALLINT *type, SQLSMALLINT *subtype,
                                 SQLLEN *length, SQLSMALLINT *precision, SQLSMALLINT *scale,
                                 SQLSMALLINT *nullable)
{
    RS_WITH_DESC(h, get_rec(d, rec, name, name_max, name_len, type, subtype, length, precision,
                            scale, nullable, 1));
}

SQLRETURN SQL_API SQLSetDescRec(SQLHDESC h, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                                SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale,
                                SQLPOINTER data, SQLLEN *octet_length_ptr, SQLLEN *indicator_ptr)
{
    RS_WITH_DESC(h, rs_desc_set_rec(d, rec, type, subtype, length, precision, scale, data,
                                    octet_length_ptr, indicator_ptr));
}

/* Both descriptors' connections stay locked for the copy; two locks are taken in address
 * order so that copies in opposite directions between two connections cannot deadlock. */
SQLRETURN SQL_API SQLCopyDesc(SQLHDESC from, SQLHDESC to)
{
    rs_desc *src = from, *dst = to;
    if (!src || src->magic != RS_MAGIC_DESC || !dst || dst->magic != RS_MAGIC_DESC)
        return SQL_INVALID_HANDLE;
    pthread_mutex_t *a = &src->dbc->lock, *b = &dst->dbc->lock;
    if (a != b && (uintptr_t)a > (uintptr_t)b) {
        pthread_mutex_t *t = a;
        a = b;
        b = t;
    }
    pthread_mutex_lock(a);
    if (b != a)
        pthread_mutex_lock(b);
    rs_diag_clear(&dst->diag);
    SQLRETURN rc = rs_desc_copy(src, dst);
    dst->diag.last_rc = rc;
    if (b != a)
        pthread_mutex_unlock(b);
    pthread_mutex_unlock(a);
    return rc;
}
