/* diag.c - diagnostic records. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/diag.h"

#define RS_DIAG_MAX_RECS 64   /* beyond this, further records are dropped: bounded */

void rs_diag_clear(rs_diag *d)
{
    for (int i = 0; i < d->count; i++)
        free(d->recs[i].message);
    d->count = 0;
    d->last_rc = SQL_SUCCESS;
    d->dynamic_function[0] = '\0';
}

void rs_diag_free(rs_diag *d)
{
    rs_diag_clear(d);
    free(d->recs);
    d->recs = NULL;
    d->cap = 0;
}

int rs_sqlstate_is_warning(const char *sqlstate)
{
    return sqlstate[0] == '0' && sqlstate[1] == '1';
}

static SQLRETURN diag_vadd(rs_diag *d, SQLLEN row, SQLINTEGER column, const char *sqlstate,
                           SQLINTEGER native, const char *fmt, va_list ap)
{
    SQLRETURN rc = rs_sqlstate_is_warning(sqlstate) ? SQL_SUCCESS_WITH_INFO : SQL_ERROR;
    if (d->count >= RS_DIAG_MAX_RECS)
        return rc;
    if (d->count == d->cap) {
        int ncap = d->cap ? d->cap * 2 : 4;
        rs_diag_rec *n = realloc(d->recs, (size_t)ncap * sizeof *n);
        if (!n)
            return SQL_ERROR;
        d->recs = n;
        d->cap = ncap;
    }
    char body[2048];
    vsnprintf(body, sizeof body, fmt, ap);
    size_t len = strlen(body) + sizeof "[rsodbc] ";
    char *msg = malloc(len);
    if (!msg)
        return SQL_ERROR;
    snprintf(msg, len, "[rsodbc] %s", body);

    rs_diag_rec *r = &d->recs[d->count++];
    memcpy(r->sqlstate, sqlstate, 5);
    r->sqlstate[5] = '\0';
    r->native = native;
    r->message = msg;
    r->row = row;
    r->column = column;
    return rc;
}

SQLRETURN rs_diag_add(rs_diag *d, const char *sqlstate, SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vadd(d, SQL_NO_ROW_NUMBER, SQL_NO_COLUMN_NUMBER, sqlstate, native, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN rs_diag_add_at(rs_diag *d, SQLLEN row, SQLINTEGER column, const char *sqlstate,
                         SQLINTEGER native, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    SQLRETURN rc = diag_vadd(d, row, column, sqlstate, native, fmt, ap);
    va_end(ap);
    return rc;
}

SQLRETURN rs_diag_oom(rs_diag *d)
{
    return rs_diag_add(d, "HY001", 0, "Memory allocation failed.");
}
