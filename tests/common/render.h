/* render.h - a C value as text, so one table column of a test can state every expectation:
 * integers in decimal, floats to round-trip precision, numerics as sign, digits and scale
 * ("+12345 e-2"), dates and times in ISO form, binary and SQLWCHAR text in hex, intervals
 * field by field. Shared by tests/odbc/convert (through unixODBC) and
 * tests/unit/unit_convert_matrix (the conversion functions directly). */
#ifndef RS_TEST_RENDER_H
#define RS_TEST_RENDER_H

#include <stddef.h>
#include <sql.h>
#include <sqlext.h>

/* c: the C type; b: the value; len: its length or indicator; buflen: the buffer's size
 * (binary shows min(len, buflen) bytes); out gets at most n bytes. */
void rs_test_render_c(SQLSMALLINT c, const void *b, SQLLEN len, SQLLEN buflen, char *out, size_t n);

#endif
