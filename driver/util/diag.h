/* diag.h - diagnostic records: every failure becomes one, with an SQLSTATE, a native
 * error and a message a user can act on. Each handle owns one rs_diag. */
#ifndef RS_DIAG_H
#define RS_DIAG_H

#include <sql.h>
#include <sqlext.h>

typedef struct rs_diag_rec {
    char sqlstate[6];
    SQLINTEGER native;
    char *message;          /* UTF-8, already prefixed with [rsodbc] */
    SQLLEN row;             /* SQL_NO_ROW_NUMBER unless known */
    SQLINTEGER column;      /* SQL_NO_COLUMN_NUMBER unless known */
} rs_diag_rec;

typedef struct rs_diag {
    rs_diag_rec *recs;
    int count;
    int cap;
    SQLRETURN last_rc;      /* SQL_DIAG_RETURNCODE */
    SQLLEN cursor_row_count;/* SQL_DIAG_CURSOR_ROW_COUNT */
    SQLLEN row_count;       /* SQL_DIAG_ROW_COUNT */
    char dynamic_function[32];
} rs_diag;

void rs_diag_clear(rs_diag *d);
void rs_diag_free(rs_diag *d);

/* Append a record; message is printf-style. Returns SQL_ERROR (or SQL_SUCCESS_WITH_INFO
 * for warning states, class 01) so callers can `return rs_diag_add(...)`. */
SQLRETURN rs_diag_add(rs_diag *d, const char *sqlstate, SQLINTEGER native, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The same, for a record tied to a row/column of a block fetch or parameter array. */
SQLRETURN rs_diag_add_at(rs_diag *d, SQLLEN row, SQLINTEGER column, const char *sqlstate,
                         SQLINTEGER native, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* True when the SQLSTATE is a warning (class 01). */
int rs_sqlstate_is_warning(const char *sqlstate);

/* Out of memory, the one record every allocation failure reports. */
SQLRETURN rs_diag_oom(rs_diag *d);

#endif
