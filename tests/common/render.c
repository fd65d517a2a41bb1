/* render.c - a C value as text for test assertions (render.h). */
#include <stdio.h>

#include "render.h"

void rs_test_render_c(SQLSMALLINT c, const void *b, SQLLEN len, SQLLEN buflen, char *out, size_t n)
{
    const SQL_INTERVAL_STRUCT *iv = b;
    switch (c) {
    case SQL_C_CHAR: snprintf(out, n, "%s", (const char *)b); break;
    case SQL_C_WCHAR: {
        const SQLWCHAR *w = b;
        size_t o = 0;
        out[0] = '\0';
        for (int i = 0; w[i] && o + 6 < n; i++)
            o += (size_t)snprintf(out + o, n - o, "%s%04x", i ? " " : "", w[i]);
        break;
    }
    case SQL_C_BINARY: {
        size_t o = 0, k = (size_t)(len < buflen ? len : buflen);
        out[0] = '\0';
        for (size_t i = 0; i < k && o + 3 < n; i++)
            o += (size_t)snprintf(out + o, n - o, "%02x", ((const unsigned char *)b)[i]);
        break;
    }
    case SQL_C_BIT: case SQL_C_UTINYINT: snprintf(out, n, "%u", *(const unsigned char *)b); break;
    case SQL_C_TINYINT: case SQL_C_STINYINT: snprintf(out, n, "%d", *(const signed char *)b); break;
    case SQL_C_SSHORT: snprintf(out, n, "%d", *(const SQLSMALLINT *)b); break;
    case SQL_C_USHORT: snprintf(out, n, "%u", *(const SQLUSMALLINT *)b); break;
    case SQL_C_SLONG: snprintf(out, n, "%d", (int)*(const SQLINTEGER *)b); break;
    case SQL_C_ULONG: snprintf(out, n, "%u", (unsigned)*(const SQLUINTEGER *)b); break;
    case SQL_C_SBIGINT: snprintf(out, n, "%lld", (long long)*(const SQLBIGINT *)b); break;
    case SQL_C_UBIGINT: snprintf(out, n, "%llu", (unsigned long long)*(const SQLUBIGINT *)b); break;
    case SQL_C_FLOAT: snprintf(out, n, "%.9g", (double)*(const float *)b); break;
    case SQL_C_DOUBLE: snprintf(out, n, "%.17g", *(const double *)b); break;
    case SQL_C_NUMERIC: {
        const SQL_NUMERIC_STRUCT *ns = b;
        unsigned __int128 v = 0;
        for (int i = SQL_MAX_NUMERIC_LEN - 1; i >= 0; i--)
            v = v << 8 | ns->val[i];
        char d[48], r[48];
        int k = 0;
        do { d[k++] = (char)('0' + (int)(v % 10)); v /= 10; } while (v);
        for (int i = 0; i < k; i++)
            r[i] = d[k - 1 - i];
        r[k] = '\0';
        snprintf(out, n, "%s%s e-%d", ns->sign ? "+" : "-", r, ns->scale);
        break;
    }
    case SQL_C_TYPE_DATE: {
        const SQL_DATE_STRUCT *d = b;
        snprintf(out, n, "%d-%02u-%02u", d->year, d->month, d->day);
        break;
    }
    case SQL_C_TYPE_TIME: {
        const SQL_TIME_STRUCT *t = b;
        snprintf(out, n, "%02u:%02u:%02u", t->hour, t->minute, t->second);
        break;
    }
    case SQL_C_TYPE_TIMESTAMP: {
        const SQL_TIMESTAMP_STRUCT *t = b;
        snprintf(out, n, "%d-%02u-%02u %02u:%02u:%02u.%09u", t->year, t->month, t->day, t->hour, t->minute,
                 t->second, (unsigned)t->fraction);
        break;
    }
    case SQL_C_GUID: {
        const SQLGUID *g = b;
        snprintf(out, n, "%08x-%04x-%04x-%02x%02x", (unsigned)g->Data1, g->Data2, g->Data3, g->Data4[0], g->Data4[7]);
        break;
    }
    default:
        if (c == SQL_C_INTERVAL_YEAR || c == SQL_C_INTERVAL_MONTH || c == SQL_C_INTERVAL_YEAR_TO_MONTH)
            snprintf(out, n, "t%d %s%uy %um", (int)iv->interval_type, iv->interval_sign ? "-" : "+",
                     (unsigned)iv->intval.year_month.year, (unsigned)iv->intval.year_month.month);
        else
            snprintf(out, n, "t%d %s%ud %uh %um %us %uf", (int)iv->interval_type, iv->interval_sign ? "-" : "+",
                     (unsigned)iv->intval.day_second.day, (unsigned)iv->intval.day_second.hour,
                     (unsigned)iv->intval.day_second.minute, (unsigned)iv->intval.day_second.second,
                     (unsigned)iv->intval.day_second.fraction);
        break;
    }
}
