/* cparam.c - C values to parameter text. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/convert.h"
#include "types/cparam.h"
#include "types/pgtypes.h"
#include "util/text.h"

unsigned rs_sql_type_oid(SQLSMALLINT sql_type)
{
    switch (sql_type) {
    case SQL_BIT: return RS_OID_BOOL;
    case SQL_TINYINT: case SQL_SMALLINT: return RS_OID_INT2;
    case SQL_INTEGER: return RS_OID_INT4;
    case SQL_BIGINT: return RS_OID_INT8;
    case SQL_REAL: return RS_OID_FLOAT4;
    case SQL_FLOAT: case SQL_DOUBLE: return RS_OID_FLOAT8;
    case SQL_NUMERIC: case SQL_DECIMAL: return RS_OID_NUMERIC;
    case SQL_TYPE_DATE: case SQL_DATE: return RS_OID_DATE;
    case SQL_TYPE_TIME: case SQL_TIME: return RS_OID_TIME;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return RS_OID_TIMESTAMP;
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: return RS_OID_BYTEA;
    case SQL_GUID: return RS_OID_UUID;
    default: return 0;   /* character data: the server infers from the context */
    }
}

static SQLRETURN own(rs_param_value *out, const char *text, size_t n, rs_diag *diag)
{
    out->data = malloc(n + 1);
    if (!out->data)
        return rs_diag_oom(diag);
    memcpy(out->data, text, n);
    out->data[n] = '\0';
    out->len = (int)n;
    out->owned = 1;
    return SQL_SUCCESS;
}

/* SQL_NUMERIC_STRUCT to decimal text. */
static void numeric_text(const SQL_NUMERIC_STRUCT *ns, char *buf, size_t buflen)
{
    unsigned __int128 v = 0;
    for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--)
        v = (v << 8) | ns->val[i];
    char digits[64];
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    int scale = ns->scale;
    size_t o = 0;
    if (ns->sign == 0)
        buf[o++] = '-';
    if (scale <= 0) {
        for (int i = nd - 1; i >= 0; i--)
            buf[o++] = digits[i];
        for (int i = 0; i < -scale; i++)
            buf[o++] = '0';
    } else {
        int intdigits = nd - scale;
        if (intdigits <= 0) {
            buf[o++] = '0';
            buf[o++] = '.';
            for (int i = 0; i < -intdigits; i++)
                buf[o++] = '0';
            for (int i = nd - 1; i >= 0; i--)
                buf[o++] = digits[i];
        } else {
            for (int i = nd - 1; i >= 0; i--) {
                buf[o++] = digits[i];
                if (i == scale)
                    buf[o++] = '.';
            }
        }
    }
    buf[o < buflen ? o : buflen - 1] = '\0';
}

SQLRETURN rs_c_to_param(SQLSMALLINT ctype, const void *ptr, SQLLEN len, SQLSMALLINT sql_type,
                        SQLSMALLINT scale, rs_param_value *out, rs_diag *diag, SQLLEN row, int col)
{
    char buf[128];
    int n = -1;
    memset(out, 0, sizeof *out);
    out->oid = rs_sql_type_oid(sql_type);
    if (ctype == SQL_C_DEFAULT)
        ctype = rs_sql_default_ctype(sql_type);
    switch (ctype) {
    case SQL_C_CHAR: {
        size_t l = (len == SQL_NTS || len < 0) ? strlen(ptr) : (size_t)len;
        if (memchr(ptr, '\0', l))
            l = strlen(ptr);
        if (out->oid == RS_OID_BYTEA) {
            /* character data for a binary parameter: the bytes themselves */
            out->binary = 1;
            out->data = (char *)ptr;
            out->len = (int)l;
            return SQL_SUCCESS;
        }
        return own(out, ptr, l, diag);
    }
    case SQL_C_WCHAR: {
        size_t units = (len == SQL_NTS || len < 0) ? rs_wcslen(ptr) : (size_t)len / sizeof(SQLWCHAR);
        char *u = malloc(units * 3 + 1);
        if (!u)
            return rs_diag_oom(diag);
        size_t bytes = rs_utf16_to_utf8(ptr, units, u);
        size_t nul = strlen(u);
        out->data = u;
        out->len = (int)(nul < bytes ? nul : bytes);
        out->owned = 1;
        return SQL_SUCCESS;
    }
    case SQL_C_BINARY:
        out->binary = 1;
        out->data = (char *)ptr;
        out->len = (int)(len < 0 ? 0 : len);
        if (out->oid == 0)
            out->oid = RS_OID_BYTEA;
        return SQL_SUCCESS;
    case SQL_C_BIT:
        n = snprintf(buf, sizeof buf, "%s", *(const unsigned char *)ptr ? "1" : "0");
        if (out->oid == 0 || out->oid == RS_OID_BOOL)
            n = snprintf(buf, sizeof buf, "%s", *(const unsigned char *)ptr ? "true" : "false");
        break;
    case SQL_C_TINYINT: case SQL_C_STINYINT:
        n = snprintf(buf, sizeof buf, "%d", *(const signed char *)ptr); break;
    case SQL_C_UTINYINT:
        n = snprintf(buf, sizeof buf, "%u", *(const unsigned char *)ptr); break;
    case SQL_C_SHORT: case SQL_C_SSHORT:
        n = snprintf(buf, sizeof buf, "%d", *(const SQLSMALLINT *)ptr); break;
    case SQL_C_USHORT:
        n = snprintf(buf, sizeof buf, "%u", *(const SQLUSMALLINT *)ptr); break;
    case SQL_C_LONG: case SQL_C_SLONG:
        n = snprintf(buf, sizeof buf, "%d", (int)*(const SQLINTEGER *)ptr); break;
    case SQL_C_ULONG:
        n = snprintf(buf, sizeof buf, "%u", (unsigned)*(const SQLUINTEGER *)ptr); break;
    case SQL_C_SBIGINT:
        n = snprintf(buf, sizeof buf, "%" PRId64, (int64_t)*(const SQLBIGINT *)ptr); break;
    case SQL_C_UBIGINT:
        n = snprintf(buf, sizeof buf, "%" PRIu64, (uint64_t)*(const SQLUBIGINT *)ptr); break;
    case SQL_C_FLOAT:
        n = snprintf(buf, sizeof buf, "%.9g", (double)*(const float *)ptr); break;
    case SQL_C_DOUBLE:
        n = snprintf(buf, sizeof buf, "%.17g", *(const double *)ptr); break;
    case SQL_C_NUMERIC:
        numeric_text(ptr, buf, sizeof buf);
        n = (int)strlen(buf);
        break;
    case SQL_C_DATE: case SQL_C_TYPE_DATE: {
        const SQL_DATE_STRUCT *d = ptr;
        n = snprintf(buf, sizeof buf, "%04d-%02u-%02u", d->year, d->month, d->day);
        if (out->oid == 0) out->oid = RS_OID_DATE;
        break;
    }
    case SQL_C_TIME: case SQL_C_TYPE_TIME: {
        const SQL_TIME_STRUCT *t = ptr;
        n = snprintf(buf, sizeof buf, "%02u:%02u:%02u", t->hour, t->minute, t->second);
        if (out->oid == 0) out->oid = RS_OID_TIME;
        break;
    }
    case SQL_C_TIMESTAMP: case SQL_C_TYPE_TIMESTAMP: {
        const SQL_TIMESTAMP_STRUCT *t = ptr;
        n = snprintf(buf, sizeof buf, "%04d-%02u-%02u %02u:%02u:%02u.%09u", t->year, t->month, t->day,
                     t->hour, t->minute, t->second, (unsigned)t->fraction);
        if (out->oid == 0) out->oid = RS_OID_TIMESTAMP;
        break;
    }
    case SQL_C_GUID: {
        const SQLGUID *g = ptr;
        n = snprintf(buf, sizeof buf, "%08x-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                     (unsigned)g->Data1, g->Data2, g->Data3, g->Data4[0], g->Data4[1], g->Data4[2],
                     g->Data4[3], g->Data4[4], g->Data4[5], g->Data4[6], g->Data4[7]);
        if (out->oid == 0) out->oid = RS_OID_UUID;
        break;
    }
    default:
        return rs_diag_add_at(diag, row, col, "HY003",
                              0, "Parameter %d: C data type %d is not supported.", col, ctype);
    }
    (void)scale;
    return own(out, buf, (size_t)n, diag);
}

void rs_param_value_free(rs_param_value *v)
{
    if (v->owned)
        free(v->data);
    v->data = NULL;
    v->owned = 0;
}
