/* api_connect.c - SQLConnect, SQLDriverConnect and SQLDisconnect (A and W). */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "conn/connect.h"

/* nul_arg: the argument with text after a NUL within its length (NULL when none has):
 * refused rather than cut short */
static SQLRETURN connect_dsn(rs_dbc *c, rs_instr dsn, rs_instr uid, rs_instr pwd, const char *nul_arg)
{
    SQLRETURN rc;
    if (dsn.oom || uid.oom || pwd.oom) {
        rc = rs_diag_oom(&c->diag);
    } else if (nul_arg) {
        rc = rs_diag_add(&c->diag, "HY090", 0, "The %s argument contains a NUL character within its length.",
                         nul_arg);
    } else {
        rs_config_input in = { NULL, 0, dsn.s, uid.s, pwd.s };
        rc = rs_dbc_connect(c, &in);
    }
    free(dsn.s);
    free(uid.s);
    rs_free_secret(pwd.s);
    return rc;
}

SQLRETURN SQL_API SQLConnect(SQLHDBC h, SQLCHAR *dsn, SQLSMALLINT dsn_len, SQLCHAR *uid,
                             SQLSMALLINT uid_len, SQLCHAR *pwd, SQLSMALLINT pwd_len)
{
    const char *nul = rs_in_a_cut(dsn, dsn_len) ? "server name" : rs_in_a_cut(uid, uid_len) ? "user name"
                    : rs_in_a_cut(pwd, pwd_len) ? "authentication" : NULL;
    RS_WITH_DBC(h, connect_dsn(c, rs_in_a(dsn, dsn_len), rs_in_a(uid, uid_len), rs_in_a(pwd, pwd_len), nul));
}

SQLRETURN SQL_API SQLConnectW(SQLHDBC h, SQLWCHAR *dsn, SQLSMALLINT dsn_len, SQLWCHAR *uid,
                              SQLSMALLINT uid_len, SQLWCHAR *pwd, SQLSMALLINT pwd_len)
{
    const char *nul = rs_in_w_cut(dsn, dsn_len) ? "server name" : rs_in_w_cut(uid, uid_len) ? "user name"
                    : rs_in_w_cut(pwd, pwd_len) ? "authentication" : NULL;
    RS_WITH_DBC(h, connect_dsn(c, rs_in_w(dsn, dsn_len), rs_in_w(uid, uid_len), rs_in_w(pwd, pwd_len), nul));
}

/* The internal SQLDriverConnect: the output string goes back through `out` (malloc'd). */
static SQLRETURN driver_connect(rs_dbc *c, rs_instr in, int nul, SQLUSMALLINT completion, char **out)
{
    *out = NULL;
    SQLRETURN rc;
    if (in.oom) {
        rc = rs_diag_oom(&c->diag);
        goto done;
    }
    if (nul) {
        rc = rs_diag_add(&c->diag, "08001", 0,
                         "Connection string: it contains a NUL character within the given length "
                         "(a connection string is text; remove the NUL).");
        goto done;
    }
    if (completion != SQL_DRIVER_NOPROMPT && completion != SQL_DRIVER_COMPLETE &&
        completion != SQL_DRIVER_PROMPT && completion != SQL_DRIVER_COMPLETE_REQUIRED) {
        rc = rs_diag_add(&c->diag, "HY110", 0, "Invalid driver completion %u.", completion);
        goto done;
    }
    /* rsodbc has no dialog: the prompting completions connect as NOPROMPT does, and say
     * what is missing when something is. */
    rs_config_input ci = { in.s ? in.s : "", in.s ? strlen(in.s) : 0, NULL, NULL, NULL };
    rc = rs_dbc_connect(c, &ci);
    if (RS_OK(rc)) {
        *out = rs_config_to_connstr(&c->cfg);
        if (!*out)
            rc = rs_diag_oom(&c->diag);
    }
done:
    rs_free_secret(in.s);
    return rc;
}

static SQLRETURN driver_connect_a(rs_dbc *c, SQLCHAR *in, SQLSMALLINT in_len, SQLCHAR *out,
                                  SQLSMALLINT out_max, SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    if (out_max < 0)   /* checked before connecting: the connection would be made for nothing */
        return rs_diag_add(&c->diag, "HY090", 0, "Invalid output buffer length %d.", (int)out_max);
    char *text;
    SQLRETURN rc = driver_connect(c, rs_in_a(in, in_len), rs_in_a_cut(in, in_len), completion, &text);
    if (RS_OK(rc) && rs_out_a16(text, out, out_max, out_len))
        rc = rs_rc_merge(rc, rs_truncated(&c->diag));
    rs_free_secret(text);
    return rc;
}

static SQLRETURN driver_connect_w(rs_dbc *c, SQLWCHAR *in, SQLSMALLINT in_len, SQLWCHAR *out,
                                  SQLSMALLINT out_max, SQLSMALLINT *out_len, SQLUSMALLINT completion)
{
    if (out_max < 0)
        return rs_diag_add(&c->diag, "HY090", 0, "Invalid output buffer length %d.", (int)out_max);
    char *text;
    SQLRETURN rc = driver_connect(c, rs_in_w(in, in_len), rs_in_w_cut(in, in_len), completion, &text);
    if (RS_OK(rc) && rs_out_w16(text, out, out_max, out_len, 1))
        rc = rs_rc_merge(rc, rs_truncated(&c->diag));
    rs_free_secret(text);
    return rc;
}

SQLRETURN SQL_API SQLDriverConnect(SQLHDBC h, SQLHWND hwnd, SQLCHAR *in, SQLSMALLINT in_len,
                                   SQLCHAR *out, SQLSMALLINT out_max, SQLSMALLINT *out_len,
                                   SQLUSMALLINT completion)
{
    (void)hwnd;
    RS_WITH_DBC(h, driver_connect_a(c, in, in_len, out, out_max, out_len, completion));
}

SQLRETURN SQL_API SQLDriverConnectW(SQLHDBC h, SQLHWND hwnd, SQLWCHAR *in, SQLSMALLINT in_len,
                                    SQLWCHAR *out, SQLSMALLINT out_max, SQLSMALLINT *out_len,
                                    SQLUSMALLINT completion)
{
    (void)hwnd;
    RS_WITH_DBC(h, driver_connect_w(c, in, in_len, out, out_max, out_len, completion));
}

SQLRETURN SQL_API SQLDisconnect(SQLHDBC h)
{
    RS_WITH_DBC(h, rs_dbc_disconnect(c));
}
