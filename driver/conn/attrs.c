/* attrs.c - SQLSetEnvAttr/SQLGetEnvAttr and SQLSetConnectAttr/SQLGetConnectAttr. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "conn/attrs.h"
#include "conn/session.h"
#include "handles_alloc.h"
#include "stmt/attrs.h"

/* ODBC 3.8 connection attributes unixODBC's headers do not name */
#ifndef SQL_ATTR_ASYNC_DBC_EVENT
#define SQL_ATTR_ASYNC_DBC_EVENT 119
#endif
#ifndef SQL_ATTR_ASYNC_DBC_PCALLBACK
#define SQL_ATTR_ASYNC_DBC_PCALLBACK 120
#endif
#ifndef SQL_ATTR_ASYNC_DBC_PCONTEXT
#define SQL_ATTR_ASYNC_DBC_PCONTEXT 121
#endif
#ifndef SQL_ATTR_DBC_INFO_TOKEN
#define SQL_ATTR_DBC_INFO_TOKEN 118
#endif

SQLRETURN rs_env_set_attr(rs_env *e, SQLINTEGER attr, SQLPOINTER value)
{
    SQLULEN v = (SQLULEN)(uintptr_t)value;
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION:
        if (v != SQL_OV_ODBC2 && v != SQL_OV_ODBC3 && v != SQL_OV_ODBC3_80)
            return rs_diag_add(&e->diag, "HY024", 0, "Invalid ODBC version %lu.", (unsigned long)v);
        e->odbc_version = (SQLINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_POOLING:
        e->connection_pooling = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_CP_MATCH:
        e->cp_match = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_OUTPUT_NTS:
        if (v != SQL_TRUE)
            return rs_diag_add(&e->diag, "HYC00", 0, "SQL_ATTR_OUTPUT_NTS can only be SQL_TRUE.");
        return SQL_SUCCESS;
    default:
        return rs_diag_add(&e->diag, "HY092", 0, "Invalid environment attribute %d.", (int)attr);
    }
}

SQLRETURN rs_env_get_attr(rs_env *e, SQLINTEGER attr, SQLINTEGER *value)
{
    SQLINTEGER v;
    switch (attr) {
    case SQL_ATTR_ODBC_VERSION: v = e->odbc_version; break;
    case SQL_ATTR_CONNECTION_POOLING: v = (SQLINTEGER)e->connection_pooling; break;
    case SQL_ATTR_CP_MATCH: v = (SQLINTEGER)e->cp_match; break;
    case SQL_ATTR_OUTPUT_NTS: v = SQL_TRUE; break;
    default:
        return rs_diag_add(&e->diag, "HY092", 0, "Invalid environment attribute %d.", (int)attr);
    }
    if (value)
        *value = v;
    return SQL_SUCCESS;
}

int rs_dbc_attr_is_string(SQLINTEGER attr)
{
    return attr == SQL_ATTR_CURRENT_CATALOG || attr == SQL_ATTR_TRACEFILE ||
           attr == SQL_ATTR_TRANSLATE_LIB;
}

static SQLRETURN set_autocommit(rs_dbc *c, SQLULEN v)
{
    if (v != SQL_AUTOCOMMIT_ON && v != SQL_AUTOCOMMIT_OFF)
        return rs_diag_add(&c->diag, "HY024", 0, "Invalid SQL_ATTR_AUTOCOMMIT value %lu.", (unsigned long)v);
    /* switching autocommit on commits the open transaction, as ODBC says */
    if (v == SQL_AUTOCOMMIT_ON && c->autocommit == SQL_AUTOCOMMIT_OFF && c->pg &&
        PQtransactionStatus(c->pg) != PQTRANS_IDLE) {
        SQLRETURN rc = rs_session_end_tran(c, SQL_COMMIT);
        if (!RS_OK(rc))
            return rc;
    }
    c->autocommit = (SQLUINTEGER)v;
    return SQL_SUCCESS;
}

static SQLRETURN set_isolation(rs_dbc *c, SQLULEN v)
{
    /* Redshift runs every transaction SERIALIZABLE; PostgreSQL also accepts the others. */
    if (v != SQL_TXN_SERIALIZABLE && v != SQL_TXN_READ_COMMITTED && v != SQL_TXN_REPEATABLE_READ &&
        v != SQL_TXN_READ_UNCOMMITTED)
        return rs_diag_add(&c->diag, "HY024", 0, "Invalid SQL_ATTR_TXN_ISOLATION value %lu.", (unsigned long)v);
    if (c->pg && c->server.is_redshift && v != SQL_TXN_SERIALIZABLE) {
        c->txn_isolation = SQL_TXN_SERIALIZABLE;
        return rs_diag_add(&c->diag, "01S02", 0,
                           "Option value changed: Redshift runs every transaction SERIALIZABLE.");
    }
    if (c->pg) {
        if (PQtransactionStatus(c->pg) != PQTRANS_IDLE)
            return rs_diag_add(&c->diag, "HY011", 0, "The isolation level cannot change inside a transaction.");
        const char *level = v == SQL_TXN_SERIALIZABLE ? "SERIALIZABLE" : v == SQL_TXN_REPEATABLE_READ
            ? "REPEATABLE READ" : v == SQL_TXN_READ_COMMITTED ? "READ COMMITTED" : "READ UNCOMMITTED";
        char sql[96];
        snprintf(sql, sizeof sql, "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL %s", level);
        SQLRETURN rc = rs_session_command(c, &c->diag, sql);
        if (!RS_OK(rc))
            return rc;
    }
    c->txn_isolation = (SQLUINTEGER)v;
    return SQL_SUCCESS;
}

static SQLRETURN set_access_mode(rs_dbc *c, SQLULEN v)
{
    if (v != SQL_MODE_READ_ONLY && v != SQL_MODE_READ_WRITE)
        return rs_diag_add(&c->diag, "HY024", 0, "Invalid SQL_ATTR_ACCESS_MODE value %lu.", (unsigned long)v);
    if (c->pg && v != c->access_mode) {
        SQLRETURN rc = rs_session_command(c, &c->diag, v == SQL_MODE_READ_ONLY
            ? "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
            : "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
        if (!RS_OK(rc))
            return rc;
    }
    c->access_mode = (SQLUINTEGER)v;
    return SQL_SUCCESS;
}

/* ODBC 2 applications set statement options on the connection (SQLSetConnectOption with
 * SQL_QUERY_TIMEOUT .. SQL_USE_BOOKMARKS): they apply to every statement of the connection,
 * those open and those allocated later. */
static int is_stmt_option(SQLINTEGER attr)
{
    /* SQL_ATTR_ASYNC_ENABLE (4) is among them: refused on statements, so here too */
    return attr >= SQL_QUERY_TIMEOUT && attr <= SQL_USE_BOOKMARKS;
}

/* A statement to try an option on, or read its default from; NULL when out of memory. */
static rs_stmt *probe_stmt(rs_dbc *c)
{
    rs_stmt *s = NULL;
    return rs_stmt_alloc(c, &s) == 0 ? s : NULL;
}

static SQLRETURN set_stmt_option(rs_dbc *c, SQLINTEGER attr, SQLULEN v)
{
    rs_stmt *probe = probe_stmt(c);
    if (!probe)
        return rs_diag_oom(&c->diag);
    SQLRETURN rc = rs_stmt_set_attr(probe, attr, (SQLPOINTER)(uintptr_t)v);
    /* the probe's verdict is the connection's (its records without the prefix they have) */
    for (int i = 0; i < probe->diag.count; i++) {
        const char *m = probe->diag.recs[i].message;
        if (strncmp(m, "[rsodbc] ", 9) == 0)
            m += 9;
        rs_diag_add(&c->diag, probe->diag.recs[i].sqlstate, probe->diag.recs[i].native, "%s", m);
    }
    SQLULEN applied = v;
    if (rc != SQL_ERROR) {
        SQLULEN num = 0;
        SQLPOINTER ptr = NULL;
        int is_ptr = 0;
        if (rs_stmt_get_attr(probe, attr, &num, &ptr, &is_ptr) == SQL_SUCCESS && !is_ptr)
            applied = num;   /* what an 01S02 substituted */
    }
    rs_stmt_free(probe);
    if (rc == SQL_ERROR)
        return rc;
    c->stmt_opt[attr] = applied;
    c->stmt_opt_set |= 1u << attr;
    for (rs_stmt *s = c->stmts; s; s = s->next) {
        rs_stmt_set_attr(s, attr, (SQLPOINTER)(uintptr_t)applied);
        rs_diag_clear(&s->diag);
    }
    return rc;
}

static SQLRETURN get_stmt_option(rs_dbc *c, SQLINTEGER attr, SQLULEN *out)
{
    if (c->stmt_opt_set & (1u << attr)) {
        *out = c->stmt_opt[attr];
        return SQL_SUCCESS;
    }
    rs_stmt *probe = probe_stmt(c);   /* the statement default */
    if (!probe)
        return rs_diag_oom(&c->diag);
    SQLPOINTER ptr = NULL;
    int is_ptr = 0;
    SQLRETURN rc = rs_stmt_get_attr(probe, attr, out, &ptr, &is_ptr);
    rs_stmt_free(probe);
    return rc;
}

SQLRETURN rs_dbc_set_attr(rs_dbc *c, SQLINTEGER attr, SQLULEN v, const char *str)
{
    if (is_stmt_option(attr))
        return set_stmt_option(c, attr, v);
    switch (attr) {
    case SQL_ATTR_AUTOCOMMIT: return set_autocommit(c, v);
    case SQL_ATTR_ACCESS_MODE: return set_access_mode(c, v);
    case SQL_ATTR_TXN_ISOLATION: return set_isolation(c, v);
    case SQL_ATTR_LOGIN_TIMEOUT:
        c->login_timeout = (SQLUINTEGER)v;
        c->login_timeout_set = 1;
        return SQL_SUCCESS;
    case SQL_ATTR_CONNECTION_TIMEOUT:
        c->connection_timeout = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_PACKET_SIZE:
        /* libpq has no packet size; the value is kept for applications that read it back */
        if (c->pg)
            return rs_diag_add(&c->diag, "HY011", 0, "SQL_ATTR_PACKET_SIZE can only be set before connecting.");
        c->packet_size = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        if (v != SQL_TRUE && v != SQL_FALSE)
            return rs_diag_add(&c->diag, "HY024", 0, "Invalid SQL_ATTR_METADATA_ID value %lu.", (unsigned long)v);
        c->metadata_id = (SQLUINTEGER)v;
        return SQL_SUCCESS;
    case SQL_ATTR_QUIET_MODE:
        c->quiet_mode_set = 1;
        return SQL_SUCCESS;
    case SQL_ATTR_ODBC_CURSORS:
        c->odbc_cursors = v;
        return SQL_SUCCESS;
    case SQL_ATTR_TRACE: case SQL_ATTR_TRACEFILE:
        return SQL_SUCCESS;  /* the driver manager traces */
    case SQL_ATTR_TRANSLATE_LIB:
    case SQL_ATTR_TRANSLATE_OPTION:
        return rs_diag_add(&c->diag, "HYC00", 0, "Translation libraries are not supported: the driver "
                           "converts between the server's UTF-8 and the application's encodings itself.");
    /* valid ODBC attributes for features this driver does not have */
    case SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE:
        if (v != SQL_ASYNC_DBC_ENABLE_OFF)
            return rs_diag_add(&c->diag, "HYC00", 0, "Asynchronous connection functions are not supported.");
        return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_DBC_EVENT: case SQL_ATTR_ASYNC_DBC_PCALLBACK: case SQL_ATTR_ASYNC_DBC_PCONTEXT:
        return rs_diag_add(&c->diag, "HYC00", 0, "Asynchronous notification is not supported.");
    case SQL_ATTR_ENLIST_IN_DTC:
        return rs_diag_add(&c->diag, "HYC00", 0, "Distributed transactions are not supported.");
    case SQL_ATTR_RESET_CONNECTION: case SQL_ATTR_DBC_INFO_TOKEN:
        return rs_diag_add(&c->diag, "HYC00", 0, "Driver-aware connection pooling is not supported.");
    case SQL_ATTR_CURRENT_CATALOG:
        if (c->pg && str && strcmp(str, PQdb(c->pg)) != 0)
            return rs_diag_add(&c->diag, "HYC00", 0,
                               "Changing the database of an open connection is not supported: reconnect with Database=%s.", str);
        return SQL_SUCCESS;
    case SQL_ATTR_AUTO_IPD:
    case SQL_ATTR_CONNECTION_DEAD:
        return rs_diag_add(&c->diag, "HY092", 0, "Attribute %d is read-only.", (int)attr);
    default:
        return rs_diag_add(&c->diag, "HY092", 0, "Invalid connection attribute %d.", (int)attr);
    }
}

SQLRETURN rs_dbc_get_attr(rs_dbc *c, SQLINTEGER attr, rs_attr_value *out)
{
    memset(out, 0, sizeof *out);
    if (is_stmt_option(attr))
        return get_stmt_option(c, attr, &out->num);
    switch (attr) {
    case SQL_ATTR_AUTOCOMMIT: out->num = c->autocommit; break;
    case SQL_ATTR_ACCESS_MODE: out->num = c->access_mode; break;
    case SQL_ATTR_TXN_ISOLATION:
        /* until set: Redshift's SERIALIZABLE, PostgreSQL's READ COMMITTED */
        out->num = c->txn_isolation ? c->txn_isolation
                 : c->pg && !c->server.is_redshift ? SQL_TXN_READ_COMMITTED : SQL_TXN_SERIALIZABLE;
        break;
    case SQL_ATTR_LOGIN_TIMEOUT: out->num = c->login_timeout; break;
    case SQL_ATTR_CONNECTION_TIMEOUT: out->num = c->connection_timeout; break;
    case SQL_ATTR_PACKET_SIZE: out->num = c->packet_size; break;
    case SQL_ATTR_METADATA_ID: out->num = c->metadata_id; break;
    case SQL_ATTR_ODBC_CURSORS: out->num = c->odbc_cursors; break;
    case SQL_ATTR_AUTO_IPD: out->num = SQL_FALSE; break;
    case SQL_ATTR_TRACE: out->num = SQL_OPT_TRACE_OFF; break;
    case SQL_ATTR_QUIET_MODE: out->num = 0; break;   /* no window handle kept */
    case SQL_ATTR_ASYNC_DBC_FUNCTIONS_ENABLE: out->num = SQL_ASYNC_DBC_ENABLE_OFF; break;
    case SQL_ATTR_ENLIST_IN_DTC: out->num = SQL_DTC_DONE; break;
    case SQL_ATTR_TRANSLATE_LIB: case SQL_ATTR_TRANSLATE_OPTION:
    case SQL_ATTR_ASYNC_DBC_EVENT: case SQL_ATTR_ASYNC_DBC_PCALLBACK: case SQL_ATTR_ASYNC_DBC_PCONTEXT:
        return rs_diag_add(&c->diag, "HYC00", 0, "Attribute %d is not supported.", (int)attr);
    case SQL_ATTR_CONNECTION_DEAD:
        out->num = (!c->pg || c->dead || PQstatus(c->pg) == CONNECTION_BAD) ? SQL_CD_TRUE : SQL_CD_FALSE;
        break;
    case SQL_ATTR_CURRENT_CATALOG:
        if (!c->pg)
            return rs_diag_add(&c->diag, "08003", 0, "The connection is not open.");
        out->is_str = 1;
        out->str = PQdb(c->pg);
        break;
    default:
        return rs_diag_add(&c->diag, "HY092", 0, "Invalid connection attribute %d.", (int)attr);
    }
    return SQL_SUCCESS;
}

SQLRETURN rs_dbc_apply_isolation(rs_dbc *c)
{
    if (!c->txn_isolation || !c->pg)
        return SQL_SUCCESS;
    return set_isolation(c, c->txn_isolation);
}
