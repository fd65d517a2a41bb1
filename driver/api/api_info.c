/* api_info.c - SQLGetInfo (A and W), SQLGetFunctions, SQLNativeSql (A and W). */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "conn/info.h"
#include "stmt/sqltext.h"

static SQLRETURN get_info(rs_dbc *c, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                          SQLSMALLINT *len, int wide)
{
    rs_info_value v;
    SQLRETURN rc = rs_dbc_get_info(c, type, &v);
    if (!RS_OK(rc))
        return rc;
    switch (v.kind) {
    case RS_INFO_U16:
        if (value)
            *(SQLUSMALLINT *)value = (SQLUSMALLINT)v.num;
        if (len)
            *len = sizeof(SQLUSMALLINT);
        return rc;
    case RS_INFO_U32:
        if (value)
            *(SQLUINTEGER *)value = v.num;
        if (len)
            *len = sizeof(SQLUINTEGER);
        return rc;
    default: {
        /* string answers: lengths in bytes for both forms */
        int trunc = wide ? rs_out_w16(v.str, value, buflen, len, 0) : rs_out_a16(v.str, value, buflen, len);
        return trunc ? rs_rc_merge(rc, rs_truncated(&c->diag)) : rc;
    }
    }
}

SQLRETURN SQL_API SQLGetInfo(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                             SQLSMALLINT *len)
{
    RS_WITH_DBC(h, get_info(c, type, value, buflen, len, 0));
}

SQLRETURN SQL_API SQLGetInfoW(SQLHDBC h, SQLUSMALLINT type, SQLPOINTER value, SQLSMALLINT buflen,
                              SQLSMALLINT *len)
{
    RS_WITH_DBC(h, get_info(c, type, value, buflen, len, 1));
}

SQLRETURN SQL_API SQLGetFunctions(SQLHDBC h, SQLUSMALLINT id, SQLUSMALLINT *supported)
{
    RS_WITH_DBC(h, rs_get_functions(c, id, supported));
}

/* SQLNativeSql: the text exactly as the server would receive it. */
static SQLRETURN native_sql(rs_dbc *c, rs_instr in, char **out)
{
    *out = NULL;
    if (in.oom)
        return rs_diag_oom(&c->diag);
    if (!in.s)
        return rs_diag_add(&c->diag, "HY009", 0, "The statement text is a null pointer.");
    rs_sqltext t;
    char state[6], why[256];
    SQLRETURN rc = SQL_SUCCESS;
    if (rs_sqltext_rewrite(in.s, strlen(in.s), c->server.is_redshift ? RS_SQLTEXT_REDSHIFT : 0, &t, state, why,
                           sizeof why) < 0)
        rc = rs_diag_add(&c->diag, state, 0, "%s", why);
    else
        *out = t.sql;
    free(in.s);
    return rc;
}

static SQLRETURN native_sql_a(rs_dbc *c, SQLCHAR *in, SQLINTEGER in_len, SQLCHAR *out, SQLINTEGER out_max,
                              SQLINTEGER *out_len)
{
    char *text;
    SQLRETURN rc = native_sql(c, rs_in_a(in, in_len), &text);
    if (RS_OK(rc)) {
        SQLLEN n;
        if (rs_out_a(text, out, out_max, &n))
            rc = rs_truncated(&c->diag);
        if (out_len)
            *out_len = (SQLINTEGER)n;
    }
    free(text);
    return rc;
}

static SQLRETURN native_sql_w(rs_dbc *c, SQLWCHAR *in, SQLINTEGER in_len, SQLWCHAR *out, SQLINTEGER out_max,
                              SQLINTEGER *out_len)
{
    char *text;
    SQLRETURN rc = native_sql(c, rs_in_w(in, in_len), &text);
    if (RS_OK(rc)) {
        SQLLEN n;
        if (rs_out_w(text, out, out_max, &n, 1))
            rc = rs_truncated(&c->diag);
        if (out_len)
            *out_len = (SQLINTEGER)n;
    }
    free(text);
    return rc;
}

SQLRETURN SQL_API SQLNativeSql(SQLHDBC h, SQLCHAR *in, SQLINTEGER in_len, SQLCHAR *out, SQLINTEGER out_max,
                               SQLINTEGER *out_len)
{
    RS_WITH_DBC(h, native_sql_a(c, in, in_len, out, out_max, out_len));
}

SQLRETURN SQL_API SQLNativeSqlW(SQLHDBC h, SQLWCHAR *in, SQLINTEGER in_len, SQLWCHAR *out, SQLINTEGER out_max,
                                SQLINTEGER *out_len)
{
    RS_WITH_DBC(h, native_sql_w(c, in, in_len, out, out_max, out_len));
}
