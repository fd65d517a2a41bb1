/* api_handles.c - SQLAllocHandle, SQLFreeHandle, SQLFreeStmt. */
#include "api/api.h"
#include "handles_alloc.h"
#include "stmt/desc.h"
#include "stmt/execute.h"

static SQLRETURN alloc_handle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
    if (!out)
        return SQL_ERROR;
    *out = SQL_NULL_HANDLE;
    switch (type) {
    case SQL_HANDLE_ENV: {
        rs_env *e;
        if (rs_env_alloc(&e) < 0)
            return SQL_ERROR;
        *out = e;
        return SQL_SUCCESS;
    }
    case SQL_HANDLE_DBC: {
        rs_env *e = rs_env_enter(in);
        if (!e)
            return SQL_INVALID_HANDLE;
        rs_dbc *c;
        if (rs_dbc_alloc(e, &c) < 0)
            return rs_env_leave(e, rs_diag_oom(&e->diag));
        *out = c;
        return rs_env_leave(e, SQL_SUCCESS);
    }
    case SQL_HANDLE_STMT: {
        rs_dbc *c = rs_dbc_enter(in);
        if (!c)
            return SQL_INVALID_HANDLE;
        if (!c->pg)
            return rs_dbc_leave(c, rs_diag_add(&c->diag, "08003", 0, "The connection is not open."));
        rs_stmt *s;
        if (rs_stmt_alloc(c, &s) < 0)
            return rs_dbc_leave(c, rs_diag_oom(&c->diag));
        *out = s;
        return rs_dbc_leave(c, SQL_SUCCESS);
    }
    case SQL_HANDLE_DESC: {
        rs_dbc *c = rs_dbc_enter(in);
        if (!c)
            return SQL_INVALID_HANDLE;
        if (!c->pg)
            return rs_dbc_leave(c, rs_diag_add(&c->diag, "08003", 0, "The connection is not open."));
        rs_desc *d;
        if (rs_desc_alloc_explicit(c, &d) < 0)
            return rs_dbc_leave(c, rs_diag_oom(&c->diag));
        *out = d;
        return rs_dbc_leave(c, SQL_SUCCESS);
    }
    default:
        return SQL_ERROR;
    }
}

SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT type, SQLHANDLE in, SQLHANDLE *out)
{
    return alloc_handle(type, in, out);
}

SQLRETURN SQL_API SQLAllocEnv(SQLHENV *out)
{
    return alloc_handle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, out);
}

SQLRETURN SQL_API SQLAllocConnect(SQLHENV env, SQLHDBC *out)
{
    return alloc_handle(SQL_HANDLE_DBC, env, out);
}

SQLRETURN SQL_API SQLAllocStmt(SQLHDBC dbc, SQLHSTMT *out)
{
    return alloc_handle(SQL_HANDLE_STMT, dbc, out);
}

/* Shared by SQLFreeHandle and the ODBC 2 forms (entry points never call each other: the
 * name would bind to the driver manager's function). */
static SQLRETURN free_handle(SQLSMALLINT type, SQLHANDLE h)
{
    switch (type) {
    case SQL_HANDLE_ENV: {
        rs_env *e = rs_env_enter(h);
        if (!e)
            return SQL_INVALID_HANDLE;
        SQLRETURN rc = rs_env_free(e);
        return rc == SQL_SUCCESS ? rc : rs_env_leave(e, rc);
    }
    case SQL_HANDLE_DBC: {
        rs_dbc *c = rs_dbc_enter(h);
        if (!c)
            return SQL_INVALID_HANDLE;
        SQLRETURN rc = rs_dbc_free(c);
        return rc == SQL_SUCCESS ? rc : rs_dbc_leave(c, rc);
    }
    case SQL_HANDLE_STMT: {
        rs_stmt *s = rs_stmt_enter(h);
        if (!s)
            return SQL_INVALID_HANDLE;
        rs_dbc *c = s->dbc;
        rs_stmt_free(s);
        /* busy named the statement just freed: the server's notices of the connection's next
         * call must not go to it (conn/pgerror.c), nor SQLCancel compare against it */
        atomic_store_explicit(&c->busy, NULL, memory_order_release);
        pthread_mutex_unlock(&c->lock);
        return SQL_SUCCESS;
    }
    case SQL_HANDLE_DESC: {
        rs_desc *d = rs_desc_enter(h);
        if (!d)
            return SQL_INVALID_HANDLE;
        if (d->alloc_type != SQL_DESC_ALLOC_USER)
            return rs_desc_leave(d, rs_diag_add(&d->diag, "HY017", 0,
                                 "Automatically allocated descriptors are freed with their statement."));
        rs_dbc *c = d->dbc;
        rs_desc_free_explicit(d);
        pthread_mutex_unlock(&c->lock);
        return SQL_SUCCESS;
    }
    default:
        return SQL_INVALID_HANDLE;
    }
}

SQLRETURN SQL_API SQLFreeHandle(SQLSMALLINT type, SQLHANDLE h)
{
    return free_handle(type, h);
}

SQLRETURN SQL_API SQLFreeEnv(SQLHENV env)
{
    return free_handle(SQL_HANDLE_ENV, env);
}

SQLRETURN SQL_API SQLFreeConnect(SQLHDBC dbc)
{
    return free_handle(SQL_HANDLE_DBC, dbc);
}

static SQLRETURN free_stmt(rs_stmt *s, SQLUSMALLINT option)
{
    switch (option) {
    case SQL_CLOSE:
        return rs_stmt_close_cursor(s, 0);
    case SQL_UNBIND:
        for (int i = 0; i <= s->cur_ard->count && i < s->cur_ard->cap; i++)
            rs_desc_rec_reset(s->cur_ard, &s->cur_ard->recs[i]);
        s->cur_ard->count = 0;
        return SQL_SUCCESS;
    case SQL_RESET_PARAMS:
        for (int i = 0; i <= s->cur_apd->count && i < s->cur_apd->cap; i++)
            rs_desc_rec_reset(s->cur_apd, &s->cur_apd->recs[i]);
        s->cur_apd->count = 0;
        for (int i = 0; i <= s->ipd.count && i < s->ipd.cap; i++)
            rs_desc_rec_reset(&s->ipd, &s->ipd.recs[i]);
        s->ipd.count = 0;
        return SQL_SUCCESS;
    default:
        return rs_diag_add(&s->diag, "HY092", 0, "Invalid SQLFreeStmt option %u.", option);
    }
}

SQLRETURN SQL_API SQLFreeStmt(SQLHSTMT h, SQLUSMALLINT option)
{
    if (option == SQL_DROP)
        return free_handle(SQL_HANDLE_STMT, h);
    RS_WITH_STMT(h, free_stmt(s, option));
}
