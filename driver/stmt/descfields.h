/* descfields.h - descriptor fields for the application: SQLGetDescField, SQLSetDescField,
 * SQLGetDescRec, SQLSetDescRec and SQLCopyDesc behind their entry points. Diagnostics go to the
 * descriptor (the target one for a copy). The IRD answers what SQLColAttribute answers. */
#ifndef RS_DESCFIELDS_H
#define RS_DESCFIELDS_H

#include "handles.h"

/* Records a descriptor may hold (Redshift's limit on the columns of a table). */
#define RS_DESC_MAX_RECS 1600

/* 1 when the field's value is a character string (the entry points convert it). */
int rs_desc_field_is_string(SQLSMALLINT field);

/* Read one field. A number or pointer is written into *value (when not NULL) at the size ODBC
 * gives the field; a string is returned in *str (UTF-8, valid while the descriptor and its
 * statement are unchanged) and nothing is written. SQL_NO_DATA when rec is past the count. */
SQLRETURN rs_desc_get_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char **str);

/* Set one field: string fields take str (UTF-8, already converted), the others value. */
SQLRETURN rs_desc_set_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char *str);

/* What SQLGetDescRec returns; name as for rs_desc_get_field's str. */
typedef struct rs_desc_rec_info {
    const char *name;
    SQLSMALLINT type, subtype;
    SQLLEN length;               /* SQL_DESC_OCTET_LENGTH */
    SQLSMALLINT precision, scale, nullable;
} rs_desc_rec_info;
SQLRETURN rs_desc_get_rec(rs_desc *d, SQLSMALLINT rec, rs_desc_rec_info *out);

/* SQLSetDescRec: the fields it names, then the consistency check (HY021). */
SQLRETURN rs_desc_set_rec(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                          SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                          SQLLEN *octet_length_ptr, SQLLEN *indicator_ptr);

/* SQLCopyDesc: every field but SQL_DESC_ALLOC_TYPE; diagnostics on dst. */
SQLRETURN rs_desc_copy(rs_desc *src, rs_desc *dst);

#endif
