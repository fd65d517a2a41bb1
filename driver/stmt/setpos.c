/* setpos.c - positioning within a rowset and refreshing it. Cursors are read-only and static
 * cursors insensitive, so SQL_REFRESH converts the row's values into the bound buffers again. */
#include "stmt/dae.h"
#include "stmt/fetch.h"
#include "stmt/result.h"
#include "stmt/setpos.h"

SQLRETURN rs_stmt_set_pos(rs_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    if (op != SQL_POSITION && op != SQL_REFRESH && op != SQL_UPDATE && op != SQL_DELETE && op != SQL_ADD)
        return rs_diag_add(&s->diag, "HY092", 0, "Invalid SQLSetPos operation %u.", op);
    if (lock != SQL_LOCK_NO_CHANGE && lock != SQL_LOCK_EXCLUSIVE && lock != SQL_LOCK_UNLOCK)
        return rs_diag_add(&s->diag, "HY092", 0, "Invalid SQLSetPos lock type %u.", lock);
    if (s->state != RS_S_CURSOR || !s->res)
        return rs_diag_add(&s->diag, "24000", 0, "No result set is open: execute a query first.");
    if (op == SQL_UPDATE || op == SQL_DELETE || op == SQL_ADD)
        return rs_diag_add(&s->diag, "HYC00", 0,
                           "SQLSetPos %s is not supported: cursors are read-only "
                           "(use UPDATE, DELETE or INSERT statements).",
                           op == SQL_UPDATE ? "SQL_UPDATE" : op == SQL_DELETE ? "SQL_DELETE" : "SQL_ADD");
    if (lock != SQL_LOCK_NO_CHANGE)
        return rs_diag_add(&s->diag, "HYC00", 0,
                           "SQLSetPos lock type %u is not supported: only SQL_LOCK_NO_CHANGE.", lock);
    if (s->rows_fetched == 0 || s->res->pos < 0 || s->res->pos >= s->res->nrows)
        return rs_diag_add(&s->diag, "24000", 0,
                           "The cursor is not on a rowset: fetch one before SQLSetPos.");
    if (row > s->rows_fetched)
        return rs_diag_add(&s->diag, "HY107", 0, "Row value out of range: the rowset has %lu rows, not %lu.",
                           (unsigned long)s->rows_fetched, (unsigned long)row);
    s->getdata_col = 0;
    s->getdata_offset = 0;
    s->cursor_row = row > 0 ? row - 1 : 0;
    if (op == SQL_POSITION)
        return SQL_SUCCESS;
    /* SQL_REFRESH: one row, or every row the row operation array does not ignore */
    if (row > 0)
        return rs_stmt_refresh_row(s, row - 1);
    const SQLUSMALLINT *ops = s->cur_ard->array_status_ptr;
    int errors = 0, done = 0;
    rc = SQL_SUCCESS;
    for (SQLULEN r = 0; r < s->rows_fetched; r++) {
        if (ops && ops[r] == SQL_ROW_IGNORE)
            continue;
        SQLRETURN one = rs_stmt_refresh_row(s, r);
        done++;
        if (one == SQL_ERROR)
            errors++;
        else
            rc = rs_rc_merge(rc, one);
    }
    if (errors)
        return errors == done && done == 1 ? SQL_ERROR : SQL_SUCCESS_WITH_INFO;
    return rc;
}
