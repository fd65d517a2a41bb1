/* desc.h - descriptor records: growing, resetting, and where a bound value lives. */
#ifndef RS_DESC_H
#define RS_DESC_H

#include "handles.h"

void rs_desc_init(rs_desc *d, int kind, SQLSMALLINT alloc_type, rs_dbc *dbc, rs_stmt *owner);
/* Free the records and their strings; the header stays. */
void rs_desc_clear(rs_desc *d);
/* Free everything a descriptor owns (records and diagnostics), for its statement's end. */
void rs_desc_release(rs_desc *d);
/* Make record n (1-based; 0 is the bookmark) exist; raises count. Returns 0 or -1 (memory). */
int rs_desc_ensure(rs_desc *d, int n);
/* Reset record n to its defaults (the type fields of an unbound record). */
void rs_desc_rec_reset(rs_desc *d, rs_desc_rec *r);
/* Lower count to the highest record still bound (SQLBindCol with NULL, SQLFreeStmt UNBIND). */
void rs_desc_trim(rs_desc *d);

/* The address of row `row` (0-based in the rowset) of a bound buffer, honouring bind type and
 * bind offset; NULL stays NULL. elem is the element size for column-wise binding. */
void *rs_desc_addr(const rs_desc *d, void *base, SQLLEN elem, SQLULEN row);

/* Set a record's type the way SQL_DESC_TYPE / SQL_DESC_CONCISE_TYPE must stay consistent. */
void rs_desc_set_type(rs_desc_rec *r, SQLSMALLINT concise);

#endif
