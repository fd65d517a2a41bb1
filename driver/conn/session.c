/* session.c - server detection, session settings, transactions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/pgerror.h"
#include "conn/attrs.h"
#include "conn/session.h"
#include "stmt/wire.h"
#include "util/log.h"

SQLRETURN rs_session_command(rs_dbc *c, rs_diag *d, const char *sql)
{
    rs_dbc_release_wire(c);
    double t0 = rs_log_enabled(RS_LOG_DEBUG) ? rs_log_clock_ms() : 0;
    if (t0 > 0)
        rs_log(RS_LOG_DEBUG, c->id, "command: %s", sql);
    PGresult *r = PQexec(c->pg, sql);
    SQLRETURN rc = SQL_SUCCESS;
    if (!r || (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK))
        rc = rs_diag_from_result(d, c, r);
    PQclear(r);
    if (t0 > 0)
        rs_log(RS_LOG_DEBUG, c->id, "result: %s%s total_ms=%.1f", rc == SQL_ERROR ? "error sqlstate=" : "ok",
               rc == SQL_ERROR && d->count ? d->recs[d->count - 1].sqlstate : "", rs_log_clock_ms() - t0);
    return rc;
}

/* Redshift reports server_version 8.0.2 in the startup answer; only then is version()
 * asked, so a PostgreSQL connect costs no extra round trip. */
static SQLRETURN detect_server(rs_dbc *c)
{
    rs_server_info *si = &c->server;
    const char *sv = PQparameterStatus(c->pg, "server_version");
    si->version_num = PQserverVersion(c->pg);
    snprintf(si->version, sizeof si->version, "%s", sv ? sv : "");
    si->is_redshift = 0;
    snprintf(si->dbms_name, sizeof si->dbms_name, "PostgreSQL");
    if (sv && strncmp(sv, "8.0.2", 5) == 0) {
        PGresult *r = PQexec(c->pg, "SELECT version()");
        if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1) {
            const char *v = PQgetvalue(r, 0, 0);
            const char *rs = strstr(v, "Redshift ");
            if (rs) {
                si->is_redshift = 1;
                snprintf(si->dbms_name, sizeof si->dbms_name, "Redshift");
                snprintf(si->version, sizeof si->version, "%.*s", (int)strcspn(rs + 9, " )"), rs + 9);
            }
        }
        PQclear(r);
    }
    return SQL_SUCCESS;
}

SQLRETURN rs_session_setup(rs_dbc *c)
{
    SQLRETURN rc = detect_server(c);
    /* the converters read ISO dates; ask for them only when the server's default differs */
    const char *ds = PQparameterStatus(c->pg, "DateStyle");
    if (ds && strncmp(ds, "ISO", 3) != 0)
        rc = rs_rc_merge(rc, rs_session_command(c, &c->diag, "SET DateStyle = 'ISO, MDY'"));
    if (RS_OK(rc))
        rc = rs_rc_merge(rc, rs_dbc_apply_isolation(c));
    if (RS_OK(rc) && c->access_mode == SQL_MODE_READ_ONLY)
        rc = rs_rc_merge(rc, rs_session_command(c, &c->diag,
                         "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
    return rc;
}

SQLRETURN rs_session_begin_if_needed(rs_dbc *c, rs_diag *d)
{
    if (c->autocommit == SQL_AUTOCOMMIT_ON || PQtransactionStatus(c->pg) != PQTRANS_IDLE)
        return SQL_SUCCESS;
    return rs_session_command(c, d, "BEGIN");
}

SQLRETURN rs_session_end_tran(rs_dbc *c, SQLSMALLINT completion)
{
    if (!c->pg)
        return rs_diag_add(&c->diag, "08003", 0, "The connection is not open.");
    if (completion != SQL_COMMIT && completion != SQL_ROLLBACK)
        return rs_diag_add(&c->diag, "HY012", 0, "Invalid transaction operation code %d.", completion);
    /* results of open cursors are discarded at a transaction's end */
    for (rs_stmt *s = c->stmts; s; s = s->next)
        if (s->dbc->streaming == s)
            rs_stmt_close_result(s);
    PGTransactionStatusType ts = PQtransactionStatus(c->pg);
    if (ts == PQTRANS_IDLE)
        return SQL_SUCCESS;
    if (ts == PQTRANS_ACTIVE || ts == PQTRANS_UNKNOWN) {
        c->dead = ts == PQTRANS_UNKNOWN;
        return rs_diag_add(&c->diag, ts == PQTRANS_UNKNOWN ? "08S01" : "HY010", 0,
                           "The connection is busy or broken; the transaction cannot be ended.");
    }
    /* an aborted transaction can only roll back; COMMIT of it reports the rollback */
    if (completion == SQL_COMMIT && ts == PQTRANS_INERROR) {
        SQLRETURN rc = rs_session_command(c, &c->diag, "ROLLBACK");
        if (!RS_OK(rc))
            return rc;
        return rs_diag_add(&c->diag, "25S03", 0,
            "The transaction was rolled back, not committed: a statement in it had failed.");
    }
    return rs_session_command(c, &c->diag, completion == SQL_COMMIT ? "COMMIT" : "ROLLBACK");
}
