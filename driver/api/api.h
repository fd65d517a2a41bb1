/* api.h - shared by the exported entry points (the files of driver/api): each entry point validates
 * its handle, locks it, clears its diagnostics, calls one internal function and returns.
 * The A and W forms sit side by side and share that internal call. */
#ifndef RS_API_H
#define RS_API_H

#include "handles.h"
#include "util/text.h"

/* Run expr with `s` (statement), `c` (connection), `e` (environment) or `d` (descriptor)
 * entered; SQL_INVALID_HANDLE when the handle is not one of ours. */
#define RS_WITH_STMT(h, expr)                          \
    do {                                                  \
        rs_stmt *s = rs_stmt_enter(h);           \
        if (!s)                                      \
            return SQL_INVALID_HANDLE;                     \
        return rs_stmt_leave(s, (expr));             \
    } while (0)
#define RS_WITH_DBC(h, expr)                          \
    do {                                                  \
        rs_dbc *c = rs_dbc_enter(h);           \
        if (!c)                                      \
            return SQL_INVALID_HANDLE;                     \
        return rs_dbc_leave(c, (expr));             \
    } while (0)
#define RS_WITH_ENV(h, expr)                          \
    do {                                                  \
        rs_env *e = rs_env_enter(h);           \
        if (!e)                                      \
            return SQL_INVALID_HANDLE;                     \
        return rs_env_leave(e, (expr));             \
    } while (0)
#define RS_WITH_DESC(h, expr)                          \
    do {                                                  \
        rs_desc *d = rs_desc_enter(h);           \
        if (!d)                                      \
            return SQL_INVALID_HANDLE;                     \
        return rs_desc_leave(d, (expr));             \
    } while (0)

/* Application strings in, as UTF-8: A or W, with their length (SQL_NTS allowed).
 * On allocation failure a record goes to diag and *rc is set to SQL_ERROR. */
typedef struct rs_instr {
    char *s;       /* NULL when the application passed NULL */
    int oom;
} rs_instr;
rs_instr rs_in_a(const SQLCHAR *s, SQLLEN len);
rs_instr rs_in_w(const SQLWCHAR *s, SQLLEN len);

/* 1 when text follows a NUL inside an explicit length: converting would silently cut it off
 * (a password's tail, the rest of a statement). NULs that only pad the end are tolerated
 * (applications that count the terminator). len in bytes (A) or characters (W). */
int rs_in_a_cut(const SQLCHAR *s, SQLLEN len);
int rs_in_w_cut(const SQLWCHAR *s, SQLLEN len);

/* Length of an input string, for calls that take one. */
size_t rs_in_len(const rs_instr *in);

/* The 01004 warning every truncated output string gets. */
SQLRETURN rs_truncated(rs_diag *d);

#pragma GCC visibility push(default)
#endif
