/* api_results.c - SQLNumResultCols, SQLDescribeCol, SQLColAttribute, SQLBindCol, SQLFetch,
 * SQLFetchScroll, SQLExtendedFetch, SQLSetPos, SQLGetData, SQLRowCount, SQLCloseCursor (A and W). */
#include "api/api.h"
#include "stmt/execute.h"
#include "stmt/fetch.h"
#include "stmt/setpos.h"

SQLRETURN SQL_API SQLNumResultCols(SQLHSTMT h, SQLSMALLINT *count)
{
    RS_WITH_STMT(h, rs_stmt_num_result_cols(s, count));
}

static SQLRETURN describe_col(rs_stmt *s, SQLUSMALLINT col, void *name, SQLSMALLINT name_max,
                              SQLSMALLINT *name_len, SQLSMALLINT *type, SQLULEN *size,
                              SQLSMALLINT *digits, SQLSMALLINT *nullable, int wide)
{
    rs_col_desc d;
    SQLRETURN rc = rs_stmt_describe_col(s, col, &d);
    if (!RS_OK(rc))
        return rc;
    if (type) *type = d.sql_type;
    if (size) *size = d.size;
    if (digits) *digits = d.digits;
    if (nullable) *nullable = d.nullable;
    int trunc = wide ? rs_out_w16(d.name, name, name_max, name_len, 1)
                     : rs_out_a16(d.name, name, name_max, name_len);
    return trunc ? rs_rc_merge(rc, rs_truncated(&s->diag)) : rc;
}

SQLRETURN SQL_API SQLDescribeCol(SQLHSTMT h, SQLUSMALLINT col, SQLCHAR *name, SQLSMALLINT name_max,
                                 SQLSMALLINT *name_len, SQLSMALLINT *type, SQLULEN *size,
                                 SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    RS_WITH_STMT(h, describe_col(s, col, name, name_max, name_len, type, size, digits, nullable, 0));
}

SQLRETURN SQL_API SQLDescribeColW(SQLHSTMT h, SQLUSMALLINT col, SQLWCHAR *name, SQLSMALLINT name_max,
                                  SQLSMALLINT *name_len, SQLSMALLINT *type, SQLULEN *size,
                                  SQLSMALLINT *digits, SQLSMALLINT *nullable)
{
    RS_WITH_STMT(h, describe_col(s, col, name, name_max, name_len, type, size, digits, nullable, 1));
}

static SQLRETURN col_attribute(rs_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str_out,
                               SQLSMALLINT buflen, SQLSMALLINT *len, SQLLEN *num_out, int wide)
{
    const char *str = NULL;
    SQLLEN num = 0;
    SQLRETURN rc = rs_stmt_col_attribute(s, col, field, &str, &num);
    if (!RS_OK(rc))
        return rc;
    if (!str) {
        if (num_out)
            *num_out = num;
        return rc;
    }
    /* string attributes: lengths in bytes for both forms */
    int trunc = wide ? rs_out_w16(str, str_out, buflen, len, 0) : rs_out_a16(str, str_out, buflen, len);
    return trunc ? rs_rc_merge(rc, rs_truncated(&s->diag)) : rc;
}

SQLRETURN SQL_API SQLColAttribute(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str,
                                  SQLSMALLINT buflen, SQLSMALLINT *len, SQLLEN *num)
{
    RS_WITH_STMT(h, col_attribute(s, col, field, str, buflen, len, num, 0));
}

SQLRETURN SQL_API SQLColAttributeW(SQLHSTMT h, SQLUSMALLINT col, SQLUSMALLINT field, SQLPOINTER str,
                                   SQLSMALLINT buflen, SQLSMALLINT *len, SQLLEN *num)
{
    RS_WITH_STMT(h, col_attribute(s, col, field, str, buflen, len, num, 1));
}

SQLRETURN SQL_API SQLBindCol(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                             SQLLEN buflen, SQLLEN *ind)
{
    RS_WITH_STMT(h, rs_stmt_bind_col(s, col, ctype, target, buflen, ind));
}

SQLRETURN SQL_API SQLFetch(SQLHSTMT h)
{
    RS_WITH_STMT(h, rs_stmt_fetch_scroll(s, SQL_FETCH_NEXT, 0));
}

SQLRETURN SQL_API SQLFetchScroll(SQLHSTMT h, SQLSMALLINT orientation, SQLLEN offset)
{
    RS_WITH_STMT(h, rs_stmt_fetch_scroll(s, orientation, offset));
}

SQLRETURN SQL_API SQLExtendedFetch(SQLHSTMT h, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *count,
                                   SQLUSMALLINT *status)
{
    RS_WITH_STMT(h, rs_stmt_extended_fetch(s, orientation, offset, count, status));
}

SQLRETURN SQL_API SQLSetPos(SQLHSTMT h, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock)
{
    RS_WITH_STMT(h, rs_stmt_set_pos(s, row, op, lock));
}

SQLRETURN SQL_API SQLGetData(SQLHSTMT h, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                             SQLLEN buflen, SQLLEN *ind)
{
    RS_WITH_STMT(h, rs_stmt_get_data(s, col, ctype, target, buflen, ind));
}

SQLRETURN SQL_API SQLRowCount(SQLHSTMT h, SQLLEN *count)
{
    RS_WITH_STMT(h, rs_stmt_row_count(s, count));
}

SQLRETURN SQL_API SQLCloseCursor(SQLHSTMT h)
{
    RS_WITH_STMT(h, rs_stmt_close_cursor(s, 1));
}
