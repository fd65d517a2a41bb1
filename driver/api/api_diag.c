/* api_diag.c - SQLGetDiagRec and SQLGetDiagField (A and W), SQLError for ODBC 2 callers.
 * They read a handle's records without clearing them, so they take the lock but do not
 * go through the *_enter helpers. */
#include <stdio.h>
#include <string.h>

#include "api/api.h"

/* The records of a handle, with its lock held; NULL for a bad handle. */
static rs_diag *lock_diag(SQLSMALLINT type, SQLHANDLE h, pthread_mutex_t **lock, rs_dbc **dbc)
{
    *dbc = NULL;
    switch (type) {
    case SQL_HANDLE_ENV: {
        rs_env *e = h;
        if (!e || e->magic != RS_MAGIC_ENV) return NULL;
        *lock = &e->lock;
        pthread_mutex_lock(*lock);
        return &e->diag;
    }
    case SQL_HANDLE_DBC: {
        rs_dbc *c = h;
        if (!c || c->magic != RS_MAGIC_DBC) return NULL;
        *lock = &c->lock;
        *dbc = c;
        pthread_mutex_lock(*lock);
        return &c->diag;
    }
    case SQL_HANDLE_STMT: {
        rs_stmt *s = h;
        if (!s || s->magic != RS_MAGIC_STMT) return NULL;
        *lock = &s->dbc->lock;
        *dbc = s->dbc;
        pthread_mutex_lock(*lock);
        return &s->diag;
    }
    case SQL_HANDLE_DESC: {
        rs_desc *d = h;
        if (!d || d->magic != RS_MAGIC_DESC) return NULL;
        *lock = &d->dbc->lock;
        *dbc = d->dbc;
        pthread_mutex_lock(*lock);
        return &d->diag;
    }
    default:
        return NULL;
    }
}

static SQLRETURN get_diag_rec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, void *state,
                              SQLINTEGER *native, void *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len,
                              int wide)
{
    pthread_mutex_t *lock;
    rs_dbc *dbc;
    rs_diag *d = lock_diag(type, h, &lock, &dbc);
    if (!d)
        return SQL_INVALID_HANDLE;
    SQLRETURN rc;
    if (rec < 1)
        rc = SQL_ERROR;
    else if (msg_max < 0)
        rc = SQL_ERROR;
    else if (rec > d->count)
        rc = SQL_NO_DATA;
    else {
        const rs_diag_rec *r = &d->recs[rec - 1];
        if (state) {
            if (wide)
                rs_out_w(r->sqlstate, state, 6, NULL, 1);
            else
                rs_out_a(r->sqlstate, state, 6, NULL);
        }
        if (native)
            *native = r->native;
        int trunc = wide ? rs_out_w16(r->message, msg, msg_max, msg_len, 1)
                         : rs_out_a16(r->message, msg, msg_max, msg_len);
        rc = trunc ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
    }
    pthread_mutex_unlock(lock);
    return rc;
}

SQLRETURN SQL_API SQLGetDiagRec(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLCHAR *state,
                                SQLINTEGER *native, SQLCHAR *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len)
{
    return get_diag_rec(type, h, rec, state, native, msg, msg_max, msg_len, 0);
}

SQLRETURN SQL_API SQLGetDiagRecW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLWCHAR *state,
                                 SQLINTEGER *native, SQLWCHAR *msg, SQLSMALLINT msg_max, SQLSMALLINT *msg_len)
{
    return get_diag_rec(type, h, rec, state, native, msg, msg_max, msg_len, 1);
}

/* SQL_DIAG_CLASS_ORIGIN: ODBC defines only class IM; every other class is ISO 9075's. */
static const char *class_origin(const char *state)
{
    return strncmp(state, "IM", 2) == 0 ? "ODBC 3.0" : "ISO 9075";
}

/* SQL_DIAG_SUBCLASS_ORIGIN: the subclasses ODBC itself defines (its SQLGetDiagField
 * reference lists them); the rest are ISO 9075's, including the server's own SQLSTATEs. */
static const char *subclass_origin(const char *state)
{
    static const char *const odbc[] = {
        "01S00", "01S01", "01S02", "01S06", "01S07", "07S01", "08S01", "21S01", "21S02", "25S01",
        "25S02", "25S03", "42S01", "42S02", "42S11", "42S12", "42S21", "42S22", "HY095", "HY097",
        "HY098", "HY099", "HY100", "HY101", "HY105", "HY107", "HY109", "HY110", "HY111", "HYT00",
        "HYT01", "IM001", "IM002", "IM003", "IM004", "IM005", "IM006", "IM007", "IM008", "IM010",
        "IM011", "IM012" };
    for (size_t i = 0; i < sizeof odbc / sizeof *odbc; i++)
        if (strcmp(odbc[i], state) == 0)
            return "ODBC 3.0";
    return "ISO 9075";
}

static SQLRETURN out_string(const char *v, SQLPOINTER buf, SQLSMALLINT buflen, SQLSMALLINT *len, int wide)
{
    int trunc = wide ? rs_out_w16(v, buf, buflen, len, 0) : rs_out_a16(v, buf, buflen, len);
    return trunc ? SQL_SUCCESS_WITH_INFO : SQL_SUCCESS;
}

static SQLRETURN get_diag_field(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                SQLPOINTER info, SQLSMALLINT buflen, SQLSMALLINT *len, int wide)
{
    pthread_mutex_t *lock;
    rs_dbc *dbc;
    rs_diag *d = lock_diag(type, h, &lock, &dbc);
    if (!d)
        return SQL_INVALID_HANDLE;
    SQLRETURN rc = SQL_SUCCESS;
    /* header fields */
    switch (field) {
    case SQL_DIAG_NUMBER:
        if (info) *(SQLINTEGER *)info = d->count;
        goto out;
    case SQL_DIAG_RETURNCODE:
        if (info) *(SQLRETURN *)info = d->last_rc;
        goto out;
    case SQL_DIAG_ROW_COUNT:
    case SQL_DIAG_CURSOR_ROW_COUNT:
        if (type != SQL_HANDLE_STMT) { rc = SQL_ERROR; goto out; }
        if (info) *(SQLLEN *)info = ((rs_stmt *)h)->row_count;
        goto out;
    case SQL_DIAG_DYNAMIC_FUNCTION:
        if (type != SQL_HANDLE_STMT) { rc = SQL_ERROR; goto out; }
        rc = out_string(d->dynamic_function, info, buflen, len, wide);
        goto out;
    case SQL_DIAG_DYNAMIC_FUNCTION_CODE:
        if (type != SQL_HANDLE_STMT) { rc = SQL_ERROR; goto out; }
        if (info) *(SQLINTEGER *)info = SQL_DIAG_UNKNOWN_STATEMENT;
        goto out;
    default:
        break;
    }
    if (rec < 1) { rc = SQL_ERROR; goto out; }
    if (rec > d->count) { rc = SQL_NO_DATA; goto out; }
    const rs_diag_rec *r = &d->recs[rec - 1];
    switch (field) {
    case SQL_DIAG_SQLSTATE: rc = out_string(r->sqlstate, info, buflen, len, wide); break;
    case SQL_DIAG_NATIVE: if (info) *(SQLINTEGER *)info = r->native; break;
    case SQL_DIAG_MESSAGE_TEXT: rc = out_string(r->message, info, buflen, len, wide); break;
    case SQL_DIAG_CLASS_ORIGIN: rc = out_string(class_origin(r->sqlstate), info, buflen, len, wide); break;
    case SQL_DIAG_SUBCLASS_ORIGIN: rc = out_string(subclass_origin(r->sqlstate), info, buflen, len, wide); break;
    case SQL_DIAG_CONNECTION_NAME: rc = out_string("", info, buflen, len, wide); break;
    case SQL_DIAG_SERVER_NAME:
        rc = out_string(dbc && dbc->pg ? PQhost(dbc->pg) : "", info, buflen, len, wide);
        break;
    case SQL_DIAG_ROW_NUMBER: if (info) *(SQLLEN *)info = r->row; break;
    case SQL_DIAG_COLUMN_NUMBER: if (info) *(SQLINTEGER *)info = r->column; break;
    default: rc = SQL_ERROR; break;
    }
out:
    pthread_mutex_unlock(lock);
    return rc;
}

SQLRETURN SQL_API SQLGetDiagField(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                  SQLPOINTER info, SQLSMALLINT buflen, SQLSMALLINT *len)
{
    return get_diag_field(type, h, rec, field, info, buflen, len, 0);
}

SQLRETURN SQL_API SQLGetDiagFieldW(SQLSMALLINT type, SQLHANDLE h, SQLSMALLINT rec, SQLSMALLINT field,
                                   SQLPOINTER info, SQLSMALLINT buflen, SQLSMALLINT *len)
{
    return get_diag_field(type, h, rec, field, info, buflen, len, 1);
}
