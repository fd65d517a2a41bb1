/* setpos.h - SQLSetPos on a read-only cursor: SQL_POSITION and SQL_REFRESH (SQL_LOCK_NO_CHANGE);
 * the operations that change data are not supported (HYC00). */
#ifndef RS_SETPOS_H
#define RS_SETPOS_H

#include "handles.h"

SQLRETURN rs_stmt_set_pos(rs_stmt *s, SQLSETPOSIROW row, SQLUSMALLINT op, SQLUSMALLINT lock);

#endif
