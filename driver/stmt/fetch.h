/* fetch.h - result sets to the application: SQLFetch, SQLFetchScroll, SQLGetData,
 * SQLBindCol, SQLNumResultCols, SQLDescribeCol, SQLColAttribute, SQLRowCount. */
#ifndef RS_FETCH_H
#define RS_FETCH_H

#include "handles.h"

SQLRETURN rs_stmt_fetch_scroll(rs_stmt *s, SQLSMALLINT orientation, SQLLEN offset);
SQLRETURN rs_stmt_extended_fetch(rs_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *count,
                                 SQLUSMALLINT *status);
/* Convert row r (0-based) of the current rowset into the bound buffers again and set its
 * row status (SQLSetPos SQL_REFRESH). */
SQLRETURN rs_stmt_refresh_row(rs_stmt *s, SQLULEN r);
SQLRETURN rs_stmt_get_data(rs_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                           SQLLEN buflen, SQLLEN *ind);
SQLRETURN rs_stmt_bind_col(rs_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                           SQLLEN buflen, SQLLEN *ind);
SQLRETURN rs_stmt_num_result_cols(rs_stmt *s, SQLSMALLINT *count);
SQLRETURN rs_stmt_row_count(rs_stmt *s, SQLLEN *count);

/* What SQLDescribeCol returns; name points into the IRD (valid until the next execution). */
typedef struct rs_col_desc {
    const char *name;
    SQLSMALLINT sql_type;
    SQLULEN size;
    SQLSMALLINT digits;
    SQLSMALLINT nullable;
} rs_col_desc;
SQLRETURN rs_stmt_describe_col(rs_stmt *s, SQLUSMALLINT col, rs_col_desc *out);

/* SQLColAttribute: a string (*str set) or a number (*num set). */
SQLRETURN rs_stmt_col_attribute(rs_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                                const char **str, SQLLEN *num);

#endif
