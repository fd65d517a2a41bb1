/* convert.h - server text values to application C types: the one place for the ODBC
 * appendix D conversions from SQL data to C data, with their SQLSTATEs. */
#ifndef RS_CONVERT_H
#define RS_CONVERT_H

#include <stddef.h>
#include <sql.h>
#include <sqlext.h>
#include "util/diag.h"

typedef struct rs_conv_target {
    SQLSMALLINT ctype;        /* concrete C type (never SQL_C_DEFAULT) */
    void *ptr;                /* may be NULL: only the length is wanted */
    SQLLEN buflen;            /* for variable-length types */
    SQLSMALLINT precision;    /* SQL_C_NUMERIC */
    SQLSMALLINT scale;        /* SQL_C_NUMERIC */
} rs_conv_target;

typedef struct rs_conv_where {
    rs_diag *diag;            /* where warnings and errors go */
    SQLLEN row;               /* for diagnostics: row number in the rowset (1-based) or SQL_NO_ROW_NUMBER */
    SQLINTEGER col;           /* column number or SQL_NO_COLUMN_NUMBER */
    SQLLEN *offset;           /* SQLGetData pieces: bytes of the source already returned; NULL when bound */
} rs_conv_where;

/* Convert one non-NULL value in the server's text format. *len_out (may be NULL) gets the
 * length ODBC defines (remaining bytes for pieces, SQL_NO_TOTAL when unknown).
 * Returns SQL_SUCCESS, SQL_SUCCESS_WITH_INFO (01004, 01S07), SQL_NO_DATA (pieces exhausted)
 * or SQL_ERROR (22003, 22018, 22007, 07006, HY003). */
SQLRETURN rs_text_to_c(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                       SQLLEN *len_out, const rs_conv_where *w);

/* A converter for one column: rs_text_to_c, or a shortcut for a common (server type, C type)
 * pair (types/convfast.c) that gives exactly what rs_text_to_c gives and hands it anything
 * unusual. Chosen once per column, not per value. */
typedef SQLRETURN (*rs_conv_fn)(const char *v, size_t len, unsigned oid, const rs_conv_target *t,
                                SQLLEN *len_out, const rs_conv_where *w);
rs_conv_fn rs_conv_pick(unsigned oid, SQLSMALLINT ctype);

/* Decimal text to the nearest double without strtod when that can be done exactly: 0, or -1
 * when strtod must decide (too many digits, a far exponent, a halfway case, other text). */
int rs_fast_strtod(const char *s, size_t len, double *out);
/* 1 when rs_fast_strtod's second way is open: x86-64 with x87 extended precision that really
 * computes in 64 bits (valgrind emulates it with 53). Its first way (a significand up to 2^53,
 * a power of ten within 22) needs only double precision and is always open. */
int rs_fast_strtod_available(void);

/* A C data type this driver knows (SQL_C_DEFAULT included). */
int rs_ctype_is_valid(SQLSMALLINT ctype);

/* Size in bytes of a fixed-length C type, 0 for variable-length ones (char, wchar, binary). */
SQLLEN rs_ctype_size(SQLSMALLINT ctype);

#endif
