/* attrs.h - statement attributes (SQLSetStmtAttr / SQLGetStmtAttr). */
#ifndef RS_STMT_ATTRS_H
#define RS_STMT_ATTRS_H

#include "handles.h"

SQLRETURN rs_stmt_set_attr(rs_stmt *s, SQLINTEGER attr, SQLPOINTER value);
/* Pointer-valued attributes come back in *ptr, the others in *num. */
SQLRETURN rs_stmt_get_attr(rs_stmt *s, SQLINTEGER attr, SQLULEN *num, SQLPOINTER *ptr, int *is_ptr);

#endif
