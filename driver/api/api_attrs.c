/* api_attrs.c - environment, connection and statement attributes (A and W), and the
 * ODBC 2 option functions unixODBC may pass through. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "conn/attrs.h"
#include "stmt/attrs.h"

SQLRETURN SQL_API SQLSetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    RS_WITH_ENV(h, rs_env_set_attr(e, attr, value));
}

SQLRETURN SQL_API SQLGetEnvAttr(SQLHENV h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                SQLINTEGER *len)
{
    (void)buflen;
    if (len)
        *len = sizeof(SQLINTEGER);
    RS_WITH_ENV(h, rs_env_get_attr(e, attr, value));
}

/* ---- connection ---- */

static SQLRETURN set_connect_attr(rs_dbc *c, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len, int wide)
{
    if (!rs_dbc_attr_is_string(attr))
        return rs_dbc_set_attr(c, attr, (SQLULEN)(uintptr_t)value, NULL);
    if (value && len < 0 && len != SQL_NTS)
        return rs_diag_add(&c->diag, "HY090", 0, "Invalid string length %d.", (int)len);
    /* a NUL inside the given length would cut the name short without a word */
    if (value && len > 0 && (wide ? rs_in_w_cut(value, len / (SQLINTEGER)sizeof(SQLWCHAR))
                                  : rs_in_a_cut(value, len)))
        return rs_diag_add(&c->diag, "HY090", 0, "The string contains a NUL character within its length.");
    rs_instr in = wide ? rs_in_w(value, len == SQL_NTS ? SQL_NTS : len / (SQLINTEGER)sizeof(SQLWCHAR))
                       : rs_in_a(value, len);
    SQLRETURN rc = in.oom ? rs_diag_oom(&c->diag) : rs_dbc_set_attr(c, attr, 0, in.s);
    free(in.s);
    return rc;
}

static SQLRETURN get_connect_attr(rs_dbc *c, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                  SQLINTEGER *len, int wide)
{
    rs_attr_value v;
    SQLRETURN rc = rs_dbc_get_attr(c, attr, &v);
    if (!RS_OK(rc))
        return rc;
    if (!v.is_str) {
        if (value)
            *(SQLUINTEGER *)value = (SQLUINTEGER)v.num;
        if (len)
            *len = sizeof(SQLUINTEGER);
        return rc;
    }
    SQLLEN n;
    int trunc = wide ? rs_out_w(v.str, value, buflen, &n, 0) : rs_out_a(v.str, value, buflen, &n);
    if (len)
        *len = (SQLINTEGER)n;
    return trunc ? rs_rc_merge(rc, rs_truncated(&c->diag)) : rc;
}

SQLRETURN SQL_API SQLSetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    RS_WITH_DBC(h, set_connect_attr(c, attr, value, len, 0));
}

SQLRETURN SQL_API SQLSetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    RS_WITH_DBC(h, set_connect_attr(c, attr, value, len, 1));
}

SQLRETURN SQL_API SQLGetConnectAttr(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                    SQLINTEGER *len)
{
    RS_WITH_DBC(h, get_connect_attr(c, attr, value, buflen, len, 0));
}

SQLRETURN SQL_API SQLGetConnectAttrW(SQLHDBC h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                     SQLINTEGER *len)
{
    RS_WITH_DBC(h, get_connect_attr(c, attr, value, buflen, len, 1));
}

/* ---- statement ---- */

static SQLRETURN get_stmt_attr(rs_stmt *s, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER *len)
{
    SQLULEN num;
    SQLPOINTER ptr = NULL;
    int is_ptr;
    SQLRETURN rc = rs_stmt_get_attr(s, attr, &num, &ptr, &is_ptr);
    if (!RS_OK(rc) || !value)
        return rc;
    if (is_ptr) {
        *(SQLPOINTER *)value = ptr;
        if (len)
            *len = sizeof(SQLPOINTER);
    } else {
        *(SQLULEN *)value = num;
        if (len)
            *len = sizeof(SQLULEN);
    }
    return rc;
}

SQLRETURN SQL_API SQLSetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    RS_WITH_STMT(h, rs_stmt_set_attr(s, attr, value));
}

SQLRETURN SQL_API SQLSetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER len)
{
    (void)len;
    RS_WITH_STMT(h, rs_stmt_set_attr(s, attr, value));
}

SQLRETURN SQL_API SQLGetStmtAttr(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                 SQLINTEGER *len)
{
    (void)buflen;
    RS_WITH_STMT(h, get_stmt_attr(s, attr, value, len));
}

SQLRETURN SQL_API SQLGetStmtAttrW(SQLHSTMT h, SQLINTEGER attr, SQLPOINTER value, SQLINTEGER buflen,
                                  SQLINTEGER *len)
{
    (void)buflen;
    RS_WITH_STMT(h, get_stmt_attr(s, attr, value, len));
}
