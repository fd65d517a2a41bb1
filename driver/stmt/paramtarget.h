/* paramtarget.h - what a parameter of INSERT INTO t (a, b) VALUES ($1, $2) is stored into:
 * the server describes parameters by type only, but a bare marker in such an INSERT takes
 * its column's declared precision, scale or length, which SQLDescribeParam then reports
 * (applications size their buffers and scale their decimals by it). */
#ifndef RS_PARAMTARGET_H
#define RS_PARAMTARGET_H

#include "handles.h"

/* The column server marker `snum` (1-based, $snum in s->sql) is inserted into: its type OID
 * and typmod. Returns 0 when found, -1 when the statement is not such an INSERT, the marker
 * is not a bare tuple element, or the catalog does not answer. Asks the server (one query). */
int rs_param_target(rs_stmt *s, int snum, unsigned *oid, int *typmod);

/* The parsing half, for unit tests: for marker snum, the table name as written (*name,
 * *namelen) and either the column name as the server stores it (malloc'd into *column) or,
 * without a column list, the column's position (*position, 0-based; *column NULL).
 * Returns 0 or -1. */
int rs_param_target_parse(const char *sql, int nparams, int snum, const char **name, size_t *namelen,
                          char **column, int *position);

#endif
