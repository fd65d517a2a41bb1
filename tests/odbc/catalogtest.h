/* catalogtest.h - what the catalog tests share: a fixture schema owned by the test user, the
 * result-set shape check (names and SQL types, as SQLDescribeCol reports them) and rows read as
 * "a|b|c" text (NULL as "(null)") compared in order. */
#ifndef RS_CATALOGTEST_H
#define RS_CATALOGTEST_H

#include "odbctest.h"

/* Drop and create schema `name` owned by rs_md5 (as the superuser), then run each statement of
 * the NULL-terminated list through the test connection. */
void ct_fixture(SQLHDBC dbc, const char *name, const char *const *sql);

/* The current result set has exactly these columns: names and concise SQL types. */
void ct_shape(SQLHSTMT st, const char *what, int n, const char *const *names, const SQLSMALLINT *types);

/* Read every row of the result (columns first..last, 1-based) and compare with want[0..nwant)
 * in order; closes the cursor. Returns the number of rows read. */
int ct_rows(SQLHSTMT st, const char *what, int first, int last, const char *const *want, int nwant);

/* Read every row (columns first..last) into out (rows joined with '\n'); closes the cursor.
 * Returns the number of rows. */
int ct_read(SQLHSTMT st, int first, int last, char *out, size_t outlen);

#define CT_N(a) ((int)(sizeof(a) / sizeof *(a)))

#endif
