/* pgerror.c - libpq errors, and the server's notices, to diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/pgerror.h"
#include "util/log.h"

/* Trim libpq's trailing newline(s) into buf. */
static void trimmed(const char *msg, char *buf, size_t buflen)
{
    snprintf(buf, buflen, "%s", msg ? msg : "");
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
}

/* The server's message as a diagnostic's text: "SEVERITY: primary", then DETAIL and HINT. */
static void server_text(const PGresult *res, const char *default_severity, char *text, size_t n)
{
    char msg[1500];
    const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char *detail = PQresultErrorField(res, PG_DIAG_MESSAGE_DETAIL);
    const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    const char *severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
    if (!primary) {
        trimmed(PQresultErrorMessage(res), msg, sizeof msg);
        primary = msg;
    }
    snprintf(text, n, "%s: %s%s%s", severity ? severity : default_severity, primary,
             detail ? "\nDETAIL: " : "", detail ? detail : "");
    if (hint) {
        size_t k = strlen(text);
        snprintf(text + k, n - k, "\nHINT: %s", hint);
    }
}

SQLRETURN rs_diag_from_result(rs_diag *d, rs_dbc *c, const PGresult *res)
{
    char msg[1500];
    if (!res || PQstatus(c->pg) == CONNECTION_BAD) {
        c->dead = PQstatus(c->pg) == CONNECTION_BAD;
        trimmed(PQerrorMessage(c->pg), msg, sizeof msg);
        if (c->dead)
            return rs_diag_add(d, "08S01", 0, "Communication link failure: %s",
                               *msg ? msg : "the server closed the connection.");
        return rs_diag_add(d, "HY000", 0, "%s", *msg ? msg : "The server returned no result.");
    }
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (!state || strlen(state) != 5)
        state = "HY000";
    /* 57014 stays 57014: the server cancelled on its own (statement_timeout, an administrator's
     * pg_cancel_backend). The callers that asked for the cancel say HY008 (SQLCancel) or HYT00
     * (SQL_ATTR_QUERY_TIMEOUT) themselves. */
    char text[4096];
    server_text(res, "ERROR", text, sizeof text);
    return rs_diag_add(d, state, 0, "%s", text);
}

static int has(const char *msg, const char *needle)
{
    return strstr(msg, needle) != NULL;
}

SQLRETURN rs_diag_from_connect(rs_diag *d, PGconn *pg, const char *host, int port, int iam)
{
    char msg[1500];
    trimmed(pg ? PQerrorMessage(pg) : "out of memory", msg, sizeof msg);
    if (has(msg, "authentication method 13 not supported") || has(msg, "authentication method 14 not supported"))
        return rs_diag_add(d, "28000", 0,
            "The server asked for SHA-256 password authentication, which libpq does not support (%s). "
            "Connect with IAM=1 (temporary credentials need no stored password), or have the user's "
            "password stored as MD5 (ALTER USER ... PASSWORD 'md5...').", msg);
    if (has(msg, "password authentication failed") || has(msg, "no password supplied") ||
        has(msg, "password is expired"))
        /* ODBC's state for a refused login is 28000; PostgreSQL's finer 28P01 stays in the text */
        return rs_diag_add(d, "28000", 0, "%s (SQLSTATE 28P01)%s", msg,
            iam ? " (the temporary IAM password was refused: check that DbUser exists or set AutoCreate=1, "
                  "and that the IAM policy allows redshift:GetClusterCredentials for this user)"
                : has(msg, "no password supplied") ? " (the server wants a password: set PWD)"
                : " (check UID and PWD)");
    if (has(msg, "pg_hba.conf") || has(msg, "authentication failed") || has(msg, "permission denied"))
        return rs_diag_add(d, "28000", 0, "%s", msg);
    if (has(msg, "does not exist") && has(msg, "database"))
        return rs_diag_add(d, "3D000", 0, "%s (check the Database keyword)", msg);
    if (has(msg, "timeout expired") || has(msg, "Connection refused") || has(msg, "Connection timed out") ||
        has(msg, "No route to host") || has(msg, "Network is unreachable"))
        return rs_diag_add(d, "08001", 0,
            "Could not reach %s:%d: %s. On AWS the usual causes are: the security group's inbound "
            "rule for port %d does not allow this client's address; the cluster or workgroup is not "
            "publicly accessible; or this client is outside the VPC without a route to it.",
            host ? host : "(no host)", port, msg, port);
    if (has(msg, "could not translate host name") || has(msg, "Name or service not known"))
        return rs_diag_add(d, "08001", 0, "Unknown host %s: %s (check the Server keyword).",
                           host ? host : "(none)", msg);
    if (has(msg, "SSL") || has(msg, "certificate") || has(msg, "root certificate"))
        return rs_diag_add(d, "08001", 0,
            "TLS failed: %s (check SSLMode and CaFile: CaFile must hold the CA that signed the server's "
            "certificate; verify-full also needs Server to match the certificate's name).", msg);
    return rs_diag_add(d, "08001", 0, "%s", *msg ? msg : "Could not connect.");
}

/* A notice from the server (RAISE NOTICE or WARNING, DROP ... IF EXISTS of nothing, Redshift's
 * INFO) for whatever call is using the connection: the statement whose call holds it (busy),
 * else the connection itself. libpq calls this inside that call, on its thread. The record's
 * SQLSTATE is the server's when it is a warning (class 01), else 01000; the call then returns
 * SQL_SUCCESS_WITH_INFO (rs_stmt_leave). libpq's own receiver printed it on stderr instead. */
static void notice_to_diag(void *arg, const PGresult *res)
{
    rs_dbc *c = arg;
    rs_stmt *s = atomic_load_explicit(&c->busy, memory_order_relaxed);
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    if (!state || strlen(state) != 5 || strncmp(state, "01", 2) != 0)
        state = "01000";
    char text[4096];
    server_text(res, "NOTICE", text, sizeof text);
    rs_log(RS_LOG_DEBUG, c->id, "server message: %s", text);
    rs_diag_add(s ? &s->diag : &c->diag, state, 0, "%s", text);
}

void rs_pg_notices_to_diag(rs_dbc *c)
{
    PQsetNoticeReceiver(c->pg, notice_to_diag, c);
}
