/* attrs.c - statement attributes; descriptor header fields are reached through them too. */
#include <stdint.h>

#include "stmt/attrs.h"

/* ODBC 3.8 statement attributes unixODBC's headers may not name */
#ifndef SQL_ATTR_ASYNC_STMT_EVENT
#define SQL_ATTR_ASYNC_STMT_EVENT 29
#endif
#ifndef SQL_ATTR_ASYNC_STMT_PCALLBACK
#define SQL_ATTR_ASYNC_STMT_PCALLBACK 30
#endif
#ifndef SQL_ATTR_ASYNC_STMT_PCONTEXT
#define SQL_ATTR_ASYNC_STMT_PCONTEXT 31
#endif

static SQLRETURN bad_value(rs_stmt *s, const char *what, SQLULEN v)
{
    return rs_diag_add(&s->diag, "HY024", 0, "Invalid attribute value %lu for %s.", (unsigned long)v, what);
}

static SQLRETURN changed(rs_stmt *s, const char *what)
{
    return rs_diag_add(&s->diag, "01S02", 0, "Option value changed: %s.", what);
}

SQLRETURN rs_stmt_set_attr(rs_stmt *s, SQLINTEGER attr, SQLPOINTER value)
{
    SQLULEN v = (SQLULEN)(uintptr_t)value;
    /* these shape the cursor the statement is prepared for */
    if ((attr == SQL_ATTR_CONCURRENCY || attr == SQL_ATTR_CURSOR_TYPE || attr == SQL_ATTR_SIMULATE_CURSOR ||
         attr == SQL_ATTR_USE_BOOKMARKS) && s->prepared)
        return rs_diag_add(&s->diag, "HY011", 0,
                           "Attribute %d cannot be set now: the statement is prepared.", (int)attr);
    switch (attr) {
    case SQL_ATTR_APP_ROW_DESC:
    case SQL_ATTR_APP_PARAM_DESC: {
        rs_desc *d = value;
        rs_desc **slot = attr == SQL_ATTR_APP_ROW_DESC ? &s->cur_ard : &s->cur_apd;
        if (!d) {
            *slot = attr == SQL_ATTR_APP_ROW_DESC ? &s->ard : &s->apd;
            return SQL_SUCCESS;
        }
        if (d->magic != RS_MAGIC_DESC || (d->alloc_type != SQL_DESC_ALLOC_USER && d != *slot &&
            d != &s->ard && d != &s->apd))
            return rs_diag_add(&s->diag, "HY017", 0, "Invalid use of an automatically allocated descriptor handle.");
        if (d->dbc != s->dbc)
            return rs_diag_add(&s->diag, "HY024", 0, "The descriptor belongs to another connection.");
        *slot = d;
        return SQL_SUCCESS;
    }
    case SQL_ATTR_IMP_ROW_DESC:
    case SQL_ATTR_IMP_PARAM_DESC:
        return rs_diag_add(&s->diag, "HY017", 0, "Implementation descriptors cannot be replaced.");
    case SQL_ATTR_ROW_ARRAY_SIZE:
    case SQL_ROWSET_SIZE:
        if (v == 0)
            return rs_diag_add(&s->diag, "HY024", 0, "The row array size must be at least 1.");
        s->cur_ard->array_size = v;
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_TYPE: s->cur_ard->bind_type = v; return SQL_SUCCESS;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: s->cur_ard->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROW_OPERATION_PTR: s->cur_ard->array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROW_STATUS_PTR: s->ird.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ROWS_FETCHED_PTR: s->ird.rows_processed_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAMSET_SIZE:
        if (v == 0)
            return rs_diag_add(&s->diag, "HY024", 0, "The parameter set size must be at least 1.");
        s->cur_apd->array_size = v;
        return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_TYPE: s->cur_apd->bind_type = v; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: s->cur_apd->bind_offset_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_OPERATION_PTR: s->cur_apd->array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAM_STATUS_PTR: s->ipd.array_status_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: s->ipd.rows_processed_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_TYPE:
        if (v == SQL_CURSOR_FORWARD_ONLY || v == SQL_CURSOR_STATIC) {
            s->cursor_type = v;
            s->cursor_scrollable = v == SQL_CURSOR_STATIC ? SQL_SCROLLABLE : SQL_NONSCROLLABLE;
            return SQL_SUCCESS;
        }
        if (v == SQL_CURSOR_KEYSET_DRIVEN || v == SQL_CURSOR_DYNAMIC) {
            s->cursor_type = SQL_CURSOR_STATIC;
            s->cursor_scrollable = SQL_SCROLLABLE;
            return changed(s, "keyset-driven and dynamic cursors become static");
        }
        return rs_diag_add(&s->diag, "HY024", 0, "Invalid cursor type %lu.", (unsigned long)v);
    case SQL_ATTR_CONCURRENCY:
        if (v == SQL_CONCUR_READ_ONLY) {
            s->concurrency = v;
            return SQL_SUCCESS;
        }
        if (v != SQL_CONCUR_LOCK && v != SQL_CONCUR_ROWVER && v != SQL_CONCUR_VALUES)
            return bad_value(s, "SQL_ATTR_CONCURRENCY", v);
        s->concurrency = SQL_CONCUR_READ_ONLY;
        return changed(s, "cursors are read-only");
    case SQL_ATTR_CURSOR_SCROLLABLE:
        if (v != SQL_NONSCROLLABLE && v != SQL_SCROLLABLE)
            return bad_value(s, "SQL_ATTR_CURSOR_SCROLLABLE", v);
        s->cursor_scrollable = v;
        s->cursor_type = v == SQL_SCROLLABLE ? SQL_CURSOR_STATIC : SQL_CURSOR_FORWARD_ONLY;
        return SQL_SUCCESS;
    case SQL_ATTR_CURSOR_SENSITIVITY:
        if (v == SQL_INSENSITIVE || v == SQL_UNSPECIFIED) {
            s->cursor_sensitivity = v;
            return SQL_SUCCESS;
        }
        if (v != SQL_SENSITIVE)
            return bad_value(s, "SQL_ATTR_CURSOR_SENSITIVITY", v);
        return rs_diag_add(&s->diag, "HYC00", 0, "Only insensitive cursors are supported.");
    case SQL_ATTR_MAX_ROWS: s->max_rows = v; return SQL_SUCCESS;
    case SQL_ATTR_MAX_LENGTH: s->max_length = v; return SQL_SUCCESS;
    case SQL_ATTR_QUERY_TIMEOUT: s->query_timeout = v; return SQL_SUCCESS;
    case SQL_ATTR_NOSCAN:
        if (v != SQL_NOSCAN_OFF && v != SQL_NOSCAN_ON)
            return bad_value(s, "SQL_ATTR_NOSCAN", v);
        s->noscan = v;
        return SQL_SUCCESS;
    case SQL_ATTR_RETRIEVE_DATA:
        if (v != SQL_RD_OFF && v != SQL_RD_ON)
            return bad_value(s, "SQL_ATTR_RETRIEVE_DATA", v);
        s->retrieve_data = v;
        return SQL_SUCCESS;
    case SQL_ATTR_USE_BOOKMARKS:
        if (v != SQL_UB_OFF && v != SQL_UB_ON && v != SQL_UB_VARIABLE)
            return bad_value(s, "SQL_ATTR_USE_BOOKMARKS", v);
        s->use_bookmarks = v;
        return SQL_SUCCESS;
    case SQL_ATTR_METADATA_ID:
        if (v != SQL_FALSE && v != SQL_TRUE)
            return bad_value(s, "SQL_ATTR_METADATA_ID", v);
        s->metadata_id = v;
        return SQL_SUCCESS;
    case SQL_ATTR_KEYSET_SIZE: s->keyset_size = v; return SQL_SUCCESS;
    case SQL_ATTR_SIMULATE_CURSOR: s->simulate_cursor = v; return SQL_SUCCESS;
    case SQL_ATTR_FETCH_BOOKMARK_PTR: s->fetch_bookmark_ptr = value; return SQL_SUCCESS;
    case SQL_ATTR_ASYNC_ENABLE:
        if (v != SQL_ASYNC_ENABLE_OFF)
            return rs_diag_add(&s->diag, "HYC00", 0, "Asynchronous execution is not supported.");
        return SQL_SUCCESS;
    case SQL_ATTR_ENABLE_AUTO_IPD:
        if (v != SQL_FALSE)
            return rs_diag_add(&s->diag, "HYC00", 0, "Automatic population of the IPD is not supported.");
        return SQL_SUCCESS;
    case SQL_ATTR_ROW_NUMBER:
        return rs_diag_add(&s->diag, "HY092", 0, "SQL_ATTR_ROW_NUMBER is read-only.");
    case SQL_ATTR_ASYNC_STMT_EVENT: case SQL_ATTR_ASYNC_STMT_PCALLBACK: case SQL_ATTR_ASYNC_STMT_PCONTEXT:
        return rs_diag_add(&s->diag, "HYC00", 0, "Asynchronous notification is not supported.");
    default:
        return rs_diag_add(&s->diag, "HY092", 0, "Invalid statement attribute %d.", (int)attr);
    }
}

SQLRETURN rs_stmt_get_attr(rs_stmt *s, SQLINTEGER attr, SQLULEN *num, SQLPOINTER *ptr, int *is_ptr)
{
    *is_ptr = 0;
    *num = 0;
    switch (attr) {
    case SQL_ATTR_APP_ROW_DESC: *ptr = s->cur_ard; *is_ptr = 1; break;
    case SQL_ATTR_APP_PARAM_DESC: *ptr = s->cur_apd; *is_ptr = 1; break;
    case SQL_ATTR_IMP_ROW_DESC: *ptr = &s->ird; *is_ptr = 1; break;
    case SQL_ATTR_IMP_PARAM_DESC: *ptr = &s->ipd; *is_ptr = 1; break;
    case SQL_ATTR_ROW_ARRAY_SIZE: case SQL_ROWSET_SIZE: *num = s->cur_ard->array_size; break;
    case SQL_ATTR_ROW_BIND_TYPE: *num = s->cur_ard->bind_type; break;
    case SQL_ATTR_ROW_BIND_OFFSET_PTR: *ptr = s->cur_ard->bind_offset_ptr; *is_ptr = 1; break;
    case SQL_ATTR_ROW_OPERATION_PTR: *ptr = s->cur_ard->array_status_ptr; *is_ptr = 1; break;
    case SQL_ATTR_ROW_STATUS_PTR: *ptr = s->ird.array_status_ptr; *is_ptr = 1; break;
    case SQL_ATTR_ROWS_FETCHED_PTR: *ptr = s->ird.rows_processed_ptr; *is_ptr = 1; break;
    case SQL_ATTR_PARAMSET_SIZE: *num = s->cur_apd->array_size; break;
    case SQL_ATTR_PARAM_BIND_TYPE: *num = s->cur_apd->bind_type; break;
    case SQL_ATTR_PARAM_BIND_OFFSET_PTR: *ptr = s->cur_apd->bind_offset_ptr; *is_ptr = 1; break;
    case SQL_ATTR_PARAM_OPERATION_PTR: *ptr = s->cur_apd->array_status_ptr; *is_ptr = 1; break;
    case SQL_ATTR_PARAM_STATUS_PTR: *ptr = s->ipd.array_status_ptr; *is_ptr = 1; break;
    case SQL_ATTR_PARAMS_PROCESSED_PTR: *ptr = s->ipd.rows_processed_ptr; *is_ptr = 1; break;
    case SQL_ATTR_CURSOR_TYPE: *num = s->cursor_type; break;
    case SQL_ATTR_CONCURRENCY: *num = s->concurrency; break;
    case SQL_ATTR_CURSOR_SCROLLABLE: *num = s->cursor_scrollable; break;
    case SQL_ATTR_CURSOR_SENSITIVITY: *num = s->cursor_sensitivity; break;
    case SQL_ATTR_MAX_ROWS: *num = s->max_rows; break;
    case SQL_ATTR_MAX_LENGTH: *num = s->max_length; break;
    case SQL_ATTR_QUERY_TIMEOUT: *num = s->query_timeout; break;
    case SQL_ATTR_NOSCAN: *num = s->noscan; break;
    case SQL_ATTR_RETRIEVE_DATA: *num = s->retrieve_data; break;
    case SQL_ATTR_USE_BOOKMARKS: *num = s->use_bookmarks; break;
    case SQL_ATTR_METADATA_ID: *num = s->metadata_id; break;
    case SQL_ATTR_KEYSET_SIZE: *num = s->keyset_size; break;
    case SQL_ATTR_SIMULATE_CURSOR: *num = s->simulate_cursor; break;
    case SQL_ATTR_ASYNC_ENABLE: *num = SQL_ASYNC_ENABLE_OFF; break;
    case SQL_ATTR_ENABLE_AUTO_IPD: *num = SQL_FALSE; break;
    case SQL_ATTR_FETCH_BOOKMARK_PTR: *ptr = s->fetch_bookmark_ptr; *is_ptr = 1; break;
    case SQL_ATTR_ASYNC_STMT_EVENT: case SQL_ATTR_ASYNC_STMT_PCALLBACK: case SQL_ATTR_ASYNC_STMT_PCONTEXT:
        return rs_diag_add(&s->diag, "HYC00", 0, "Asynchronous notification is not supported.");
    case SQL_ATTR_ROW_NUMBER:
        if (s->state != RS_S_CURSOR)
            return rs_diag_add(&s->diag, "24000", 0, "No cursor is open.");
        *num = s->rows_fetched ? s->row_number : 0;
        break;
    default:
        return rs_diag_add(&s->diag, "HY092", 0, "Invalid statement attribute %d.", (int)attr);
    }
    return SQL_SUCCESS;
}
