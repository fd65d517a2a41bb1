/* connect.c - configuration to libpq: PQconnectdbParams with keyword/value arrays. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/iam.h"
#include "conn/connect.h"
#include "conn/pgerror.h"
#include "conn/session.h"
#include "stmt/wire.h"
#include "util/log.h"
#include "util/text.h"

#define SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"

int rs_cfg_wants_iam(const rs_config *cfg)
{
    const char *auth = rs_cfg_str(cfg, RS_KW_AUTHTYPE);
    return rs_cfg_num(cfg, RS_KW_IAM) == 1 || (auth && !rs_strcaseeq(auth, "Standard"));
}

const char *rs_cfg_missing(const rs_config *cfg)
{
    int iam = rs_cfg_wants_iam(cfg);
    if (!rs_cfg_has(cfg, RS_KW_SERVER) && !iam)
        return "Server";
    /* With IAM the database user is decided by aws/iam.c (DbUser, UID, group federation,
     * serverless from Serverless, Workgroup or the host name), which names what is missing. */
    if (!rs_cfg_has(cfg, RS_KW_UID) && !iam)
        return "UID";
    /* No PWD is not an error here: trust and certificate logins and ~/.pgpass need none; when
     * the server wants one it says so, and that is reported with a pointer to PWD. */
    return NULL;
}

/* The CA file libpq should trust: CaFile (relative to CaPath when both are given),
 * CaPath/root.crt, ~/.postgresql/root.crt (libpq's own default), else the system bundle. */
static void ca_file(const rs_config *cfg, char *out, size_t outlen)
{
    const char *file = rs_cfg_str(cfg, RS_KW_CAFILE);
    const char *dir = rs_cfg_str(cfg, RS_KW_CAPATH);
    out[0] = '\0';
    if (file && dir && file[0] != '/')
        snprintf(out, outlen, "%s/%s", dir, file);
    else if (file)
        snprintf(out, outlen, "%s", file);
    else if (dir)
        snprintf(out, outlen, "%s/root.crt", dir);
    else {
        const char *home = getenv("HOME");
        char def[1024];
        snprintf(def, sizeof def, "%s/.postgresql/root.crt", home ? home : "");
        if (!home || access(def, R_OK) != 0)
            snprintf(out, outlen, "%s", SYSTEM_CA_BUNDLE);
    }
}

typedef struct pg_params {
    const char *keys[32];
    const char *vals[32];
    int n;
    char port[24], timeout[24], idle[24], interval[24], count[24];
    char rootcert[1100];
} pg_params;

static void param(pg_params *p, const char *k, const char *v)
{
    if (v && p->n < 31) {
        p->keys[p->n] = k;
        p->vals[p->n] = v;
        p->n++;
    }
    p->keys[p->n] = NULL;
    p->vals[p->n] = NULL;
}

static SQLRETURN iam_credentials(rs_dbc *c, rs_db_credentials *cred)
{
    const rs_config *cfg = &c->cfg;
    rs_iam_params p;
    memset(&p, 0, sizeof p);
    p.host = rs_cfg_str(cfg, RS_KW_SERVER);
    p.port = rs_cfg_has(cfg, RS_KW_PORT) ? (int)rs_cfg_num(cfg, RS_KW_PORT) : 0;
    p.database = rs_cfg_str(cfg, RS_KW_DATABASE);
    p.uid = rs_cfg_str(cfg, RS_KW_UID);
    p.db_user = rs_cfg_str(cfg, RS_KW_DBUSER);
    p.db_groups = rs_cfg_str(cfg, RS_KW_DBGROUPS);
    p.auto_create = (int)rs_cfg_num(cfg, RS_KW_AUTOCREATE);
    p.force_lowercase = (int)rs_cfg_num(cfg, RS_KW_FORCELOWERCASE);
    p.cluster_id = rs_cfg_str(cfg, RS_KW_CLUSTERID);
    p.region = rs_cfg_str(cfg, RS_KW_REGION);
    p.serverless = (int)rs_cfg_num(cfg, RS_KW_SERVERLESS);
    p.workgroup = rs_cfg_str(cfg, RS_KW_WORKGROUP);
    p.group_federation = (int)rs_cfg_num(cfg, RS_KW_GROUP_FEDERATION);
    p.iam_duration = (int)rs_cfg_num(cfg, RS_KW_IAMDURATION);
    p.endpoint_url = rs_cfg_str(cfg, RS_KW_ENDPOINTURL);
    p.sts_endpoint_url = rs_cfg_str(cfg, RS_KW_STSENDPOINTURL);
    p.ca_file = rs_cfg_str(cfg, RS_KW_CAFILE);
    p.sts_connect_timeout_ms = rs_cfg_num(cfg, RS_KW_STSCONNECTIONTIMEOUT) * 1000;
    p.disable_cache = (int)rs_cfg_num(cfg, RS_KW_DISABLECACHE);
    p.access_key_id = rs_cfg_str(cfg, RS_KW_ACCESSKEYID);
    p.secret_access_key = rs_cfg_str(cfg, RS_KW_SECRETACCESSKEY);
    p.session_token = rs_cfg_str(cfg, RS_KW_SESSIONTOKEN);
    p.profile = rs_cfg_str(cfg, RS_KW_PROFILE);
    p.instance_profile = (int)rs_cfg_num(cfg, RS_KW_INSTANCEPROFILE);
    const char *auth = rs_cfg_str(cfg, RS_KW_AUTHTYPE);
    if (auth && rs_strcaseeq(auth, "AWS Profile") && !p.profile)
        p.profile = "default";

    rs_aws_error err;
    memset(&err, 0, sizeof err);
    /* the AWS calls and credential sources log under this connection's id */
    unsigned prev_log_conn = rs_log_thread_conn(c->id);
    int got = rs_iam_get_db_credentials(&p, cred, &err);
    rs_log_thread_conn(prev_log_conn);
    if (got != 0) {
        rs_log(RS_LOG_ERROR, c->id, "connect failed: IAM: %s", err.message);
        return rs_diag_add(&c->diag, rs_aws_error_sqlstate(&err), 0, "IAM: %s", err.message);
    }
    rs_log_secret(cred->db_password);
    rs_log(RS_LOG_INFO, c->id, "IAM: temporary credentials for %s valid until %ld", cred->db_user,
           (long)cred->expiration);
    return SQL_SUCCESS;
}

SQLRETURN rs_dbc_connect(rs_dbc *c, const rs_config_input *in)
{
    char state[6], why[1024];
    if (c->pg)
        return rs_diag_add(&c->diag, "08002", 0, "The connection is already open.");
    if (c->cfg_loaded) {
        rs_config_free(&c->cfg);
        c->cfg_loaded = 0;
    }
    if (rs_config_load(&c->cfg, in, state, why, sizeof why) < 0)
        return rs_diag_add(&c->diag, state, 0, "%s", why);
    c->cfg_loaded = 1;
    rs_config *cfg = &c->cfg;
    rs_log_configure((int)rs_cfg_num(cfg, RS_KW_LOGLEVEL), rs_cfg_str(cfg, RS_KW_LOGPATH));
    if (rs_log_enabled(RS_LOG_FATAL)) {
        /* wherever they turn up (SQL text, parameter values at TRACE), these stay out of the log */
        rs_log_secret(rs_cfg_str(cfg, RS_KW_PWD));
        rs_log_secret(rs_cfg_str(cfg, RS_KW_SECRETACCESSKEY));
        rs_log_secret(rs_cfg_str(cfg, RS_KW_SESSIONTOKEN));
    }
    if (cfg->unknown[0])
        rs_log(RS_LOG_INFO, c->id, "ignored keywords not used by rsodbc: %s", cfg->unknown);

    int iam = rs_cfg_wants_iam(cfg);
    const char *sslmode = rs_cfg_str(cfg, RS_KW_SSLMODE);
    if (iam && (rs_strcaseeq(sslmode, "disable") || rs_strcaseeq(sslmode, "allow") ||
                rs_strcaseeq(sslmode, "prefer")))
        return rs_diag_add(&c->diag, "HY024", 0,
            "SSLMode=%s is not allowed with IAM: the temporary password would cross the network "
            "unencrypted. Use SSLMode=require, verify-ca or verify-full.", sslmode);
    const char *missing = rs_cfg_missing(cfg);
    if (missing)
        return rs_diag_add(&c->diag, "08001", 0, "The %s keyword is required to connect%s.", missing,
                           iam ? " with IAM" : "");

    rs_db_credentials cred;
    memset(&cred, 0, sizeof cred);
    const char *host = rs_cfg_str(cfg, RS_KW_SERVER);
    int port = (int)rs_cfg_num(cfg, RS_KW_PORT);
    const char *user = rs_cfg_str(cfg, RS_KW_UID);
    const char *password = rs_cfg_str(cfg, RS_KW_PWD);
    if (iam) {
        SQLRETURN rc = iam_credentials(c, &cred);
        if (!RS_OK(rc))
            return rc;
        if (cred.host[0])
            host = cred.host;
        if (cred.port > 0)
            port = cred.port;
        user = cred.db_user;
        password = cred.db_password;
    }
    if (!host)
        return rs_diag_add(&c->diag, "08001", 0, "The Server keyword is required to connect.");

    pg_params p;
    memset(&p, 0, sizeof p);
    snprintf(p.port, sizeof p.port, "%d", port);
    param(&p, "host", host);
    param(&p, "port", p.port);
    param(&p, "dbname", rs_cfg_str(cfg, RS_KW_DATABASE));
    param(&p, "user", user);
    param(&p, "password", password);
    param(&p, "sslmode", sslmode);
    if (rs_strcaseeq(sslmode, "verify-ca") || rs_strcaseeq(sslmode, "verify-full") ||
        rs_cfg_has(cfg, RS_KW_CAFILE) || rs_cfg_has(cfg, RS_KW_CAPATH)) {
        ca_file(cfg, p.rootcert, sizeof p.rootcert);
        if (p.rootcert[0])
            param(&p, "sslrootcert", p.rootcert);
    }
    long timeout = c->login_timeout_set ? (long)c->login_timeout : rs_cfg_num(cfg, RS_KW_LOGINTIMEOUT);
    if (timeout > 0) {
        snprintf(p.timeout, sizeof p.timeout, "%ld", timeout < 2 ? 2 : timeout);
        param(&p, "connect_timeout", p.timeout);
    }
    int keepalive = rs_cfg_num(cfg, RS_KW_KEEPALIVE) != 0;
    param(&p, "keepalives", keepalive ? "1" : "0");
    if (keepalive) {
        if (rs_cfg_num(cfg, RS_KW_KEEPALIVEIDLE) > 0) {
            snprintf(p.idle, sizeof p.idle, "%ld", rs_cfg_num(cfg, RS_KW_KEEPALIVEIDLE));
            param(&p, "keepalives_idle", p.idle);
        }
        if (rs_cfg_num(cfg, RS_KW_KEEPALIVEINTERVAL) > 0) {
            snprintf(p.interval, sizeof p.interval, "%ld", rs_cfg_num(cfg, RS_KW_KEEPALIVEINTERVAL));
            param(&p, "keepalives_interval", p.interval);
        }
        if (rs_cfg_num(cfg, RS_KW_KEEPALIVECOUNT) > 0) {
            snprintf(p.count, sizeof p.count, "%ld", rs_cfg_num(cfg, RS_KW_KEEPALIVECOUNT));
            param(&p, "keepalives_count", p.count);
        }
    }
    const char *app = rs_cfg_str(cfg, RS_KW_APPLICATIONNAME);
    param(&p, "application_name", app ? app : program_invocation_short_name);
    param(&p, "client_encoding", "UTF8");

    rs_log(RS_LOG_INFO, c->id, "connecting to %s:%d database %s as %s (sslmode %s%s)", host, port,
           rs_cfg_str(cfg, RS_KW_DATABASE), user ? user : "(none)", sslmode, iam ? ", IAM" : "");
    PGconn *pg = PQconnectdbParams(p.keys, p.vals, 0);
    rs_db_credentials_clear(&cred);
    if (!pg || PQstatus(pg) != CONNECTION_OK) {
        SQLRETURN rc = rs_diag_from_connect(&c->diag, pg, host, port, iam);
        rs_log(RS_LOG_ERROR, c->id, "connect failed: %s", c->diag.count ? c->diag.recs[0].message : "");
        PQfinish(pg);
        return rc;
    }
    c->pg = pg;
    rs_pg_notices_to_diag(c);
    c->dead = 0;
    memset(&c->catalog, 0, sizeof c->catalog);   /* the catalog flavour is asked anew */
    c->cancel = PQgetCancel(pg);
    SQLRETURN rc = rs_session_setup(c);
    if (!RS_OK(rc)) {
        PQfreeCancel(c->cancel);
        c->cancel = NULL;
        PQfinish(pg);
        c->pg = NULL;
        return rc;
    }
    if (cfg->unknown[0])
        rc = rs_rc_merge(rc, SQL_SUCCESS);
    rs_log(RS_LOG_INFO, c->id, "connected: %s %s", c->server.dbms_name, c->server.version);
    return rc;
}

SQLRETURN rs_dbc_disconnect(rs_dbc *c)
{
    if (!c->pg)
        return rs_diag_add(&c->diag, "08003", 0, "The connection is not open.");
    /* ODBC: a transaction in progress must be ended by the application first */
    PGTransactionStatusType ts = PQtransactionStatus(c->pg);
    if (c->autocommit == SQL_AUTOCOMMIT_OFF && (ts == PQTRANS_INTRANS || ts == PQTRANS_INERROR) && !c->dead)
        return rs_diag_add(&c->diag, "25000", 0,
            "A transaction is in progress: commit or roll it back (SQLEndTran) before disconnecting.");
    SQLRETURN rc = SQL_SUCCESS;
    rs_dbc_abandon_wire(c);   /* rows still on the wire go with the connection, unread */
    for (rs_stmt *s = c->stmts; s; s = s->next) {
        rs_stmt_close_result(s);
        rs_stmt_forget_prepared(s);
    }
    PQfreeCancel(c->cancel);
    c->cancel = NULL;
    PQfinish(c->pg);
    c->pg = NULL;
    c->streaming = NULL;
    rs_log(RS_LOG_INFO, c->id, "disconnected");
    return rc;
}
