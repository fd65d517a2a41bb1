/* handles.c - allocating, freeing, validating and locking the four handle types. */
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "handles.h"
#include "stmt/attrs.h"
#include "handles_alloc.h"
#include "stmt/desc.h"
#include "stmt/result.h"
#include "util/log.h"

static unsigned next_conn_id = 1;

SQLRETURN rs_rc_merge(SQLRETURN a, SQLRETURN b)
{
    if (a == SQL_ERROR || b == SQL_ERROR)
        return SQL_ERROR;
    if (a == SQL_SUCCESS_WITH_INFO || b == SQL_SUCCESS_WITH_INFO)
        return SQL_SUCCESS_WITH_INFO;
    return a == SQL_SUCCESS ? b : a;
}

/* ---- environment ---- */

int rs_env_alloc(rs_env **out)
{
    rs_env *e = calloc(1, sizeof *e);
    if (!e)
        return -1;
    e->magic = RS_MAGIC_ENV;
    pthread_mutex_init(&e->lock, NULL);
    e->odbc_version = SQL_OV_ODBC3;
    e->connection_pooling = SQL_CP_OFF;
    e->cp_match = SQL_CP_STRICT_MATCH;
    *out = e;
    return 0;
}

SQLRETURN rs_env_free(rs_env *e)
{
    if (e->conns)
        return rs_diag_add(&e->diag, "HY010", 0,
                           "Free every connection of this environment before freeing it.");
    e->magic = 0;
    pthread_mutex_unlock(&e->lock);
    pthread_mutex_destroy(&e->lock);
    rs_diag_free(&e->diag);
    free(e);
    return SQL_SUCCESS;
}

rs_env *rs_env_enter(SQLHANDLE h)
{
    rs_env *e = h;
    if (!e || e->magic != RS_MAGIC_ENV)
        return NULL;
    pthread_mutex_lock(&e->lock);
    rs_diag_clear(&e->diag);
    return e;
}

SQLRETURN rs_env_leave(rs_env *e, SQLRETURN rc)
{
    e->diag.last_rc = rc;
    pthread_mutex_unlock(&e->lock);
    return rc;
}

/* ---- connection ---- */

int rs_dbc_alloc(rs_env *e, rs_dbc **out)
{
    rs_dbc *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->magic = RS_MAGIC_DBC;
    pthread_mutex_init(&c->lock, NULL);
    c->env = e;
    c->id = __atomic_fetch_add(&next_conn_id, 1, __ATOMIC_RELAXED);
    c->autocommit = SQL_AUTOCOMMIT_ON;
    c->access_mode = SQL_MODE_READ_WRITE;
    c->txn_isolation = 0;   /* the server's default until set (conn/attrs.c) */
    c->packet_size = 0;
    c->odbc_cursors = SQL_CUR_USE_DRIVER;
    c->next = e->conns;
    e->conns = c;
    *out = c;
    return 0;
}

SQLRETURN rs_dbc_free(rs_dbc *c)
{
    if (c->pg)
        return rs_diag_add(&c->diag, "HY010", 0, "Disconnect before freeing the connection handle.");
    rs_env *e = c->env;
    pthread_mutex_lock(&e->lock);
    for (rs_dbc **p = &e->conns; *p; p = &(*p)->next)
        if (*p == c) {
            *p = c->next;
            break;
        }
    pthread_mutex_unlock(&e->lock);
    while (c->stmts)
        rs_stmt_free(c->stmts);
    while (c->descs)
        rs_desc_free_explicit(c->descs);
    if (c->cfg_loaded)
        rs_config_free(&c->cfg);
    c->magic = 0;
    pthread_mutex_unlock(&c->lock);
    pthread_mutex_destroy(&c->lock);
    rs_diag_free(&c->diag);
    free(c);
    return SQL_SUCCESS;
}

rs_dbc *rs_dbc_enter(SQLHANDLE h)
{
    rs_dbc *c = h;
    if (!c || c->magic != RS_MAGIC_DBC)
        return NULL;
    pthread_mutex_lock(&c->lock);
    rs_diag_clear(&c->diag);
    return c;
}

SQLRETURN rs_dbc_leave(rs_dbc *c, SQLRETURN rc)
{
    if (rc == SQL_SUCCESS && c->diag.count)
        rc = SQL_SUCCESS_WITH_INFO;    /* the server's notices (conn/pgerror.c) */
    c->diag.last_rc = rc;
    pthread_mutex_unlock(&c->lock);
    return rc;
}

/* ---- statement ---- */

int rs_stmt_alloc(rs_dbc *c, rs_stmt **out)
{
    rs_stmt *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    s->magic = RS_MAGIC_STMT;
    s->dbc = c;
    s->state = RS_S_ALLOCATED;
    rs_desc_init(&s->ard, RS_DESC_ARD, SQL_DESC_ALLOC_AUTO, c, s);
    rs_desc_init(&s->apd, RS_DESC_APD, SQL_DESC_ALLOC_AUTO, c, s);
    rs_desc_init(&s->ird, RS_DESC_IRD, SQL_DESC_ALLOC_AUTO, c, s);
    rs_desc_init(&s->ipd, RS_DESC_IPD, SQL_DESC_ALLOC_AUTO, c, s);
    s->cur_ard = &s->ard;
    s->cur_apd = &s->apd;
    s->cursor_type = SQL_CURSOR_FORWARD_ONLY;
    s->concurrency = SQL_CONCUR_READ_ONLY;
    s->cursor_scrollable = SQL_NONSCROLLABLE;
    s->cursor_sensitivity = SQL_INSENSITIVE;
    s->noscan = SQL_NOSCAN_OFF;
    s->retrieve_data = SQL_RD_ON;
    s->use_bookmarks = SQL_UB_OFF;
    s->async_enable = SQL_ASYNC_ENABLE_OFF;
    s->keyset_size = 0;
    s->simulate_cursor = SQL_SC_UNIQUE;
    s->row_count = -1;
    snprintf(s->cursor_name, sizeof s->cursor_name, "SQL_CUR%u", ++c->next_stmt_id);
    s->next = c->stmts;
    c->stmts = s;
    /* ODBC 2 statement options the application set on the connection */
    for (SQLINTEGER opt = 0; opt < (SQLINTEGER)(sizeof c->stmt_opt / sizeof *c->stmt_opt); opt++)
        if (c->stmt_opt_set & (1u << opt))
            rs_stmt_set_attr(s, opt, (SQLPOINTER)(uintptr_t)c->stmt_opt[opt]);
    rs_diag_clear(&s->diag);
    *out = s;
    return 0;
}

void rs_stmt_free(rs_stmt *s)
{
    rs_dbc *c = s->dbc;
    rs_stmt_close_result(s);
    rs_stmt_unprepare(s);
    for (rs_stmt **p = &c->stmts; *p; p = &(*p)->next)
        if (*p == s) {
            *p = s->next;
            break;
        }
    /* explicit descriptors that pointed here go back to nobody */
    rs_desc_release(&s->ard);
    rs_desc_release(&s->apd);
    rs_desc_release(&s->ird);
    rs_desc_release(&s->ipd);
    rs_diag_free(&s->diag);
    free(s->plan);
    s->magic = 0;
    free(s);
}

/* ---- explicit descriptors ---- */

int rs_desc_alloc_explicit(rs_dbc *c, rs_desc **out)
{
    rs_desc *d = malloc(sizeof *d);
    if (!d)
        return -1;
    rs_desc_init(d, RS_DESC_ARD, SQL_DESC_ALLOC_USER, c, NULL);
    d->next = c->descs;
    c->descs = d;
    *out = d;
    return 0;
}

void rs_desc_free_explicit(rs_desc *d)
{
    rs_dbc *c = d->dbc;
    for (rs_desc **p = &c->descs; *p; p = &(*p)->next)
        if (*p == d) {
            *p = d->next;
            break;
        }
    /* statements using it fall back to their implicit descriptors */
    for (rs_stmt *s = c->stmts; s; s = s->next) {
        if (s->cur_ard == d)
            s->cur_ard = &s->ard;
        if (s->cur_apd == d)
            s->cur_apd = &s->apd;
    }
    rs_desc_clear(d);
    rs_diag_free(&d->diag);
    d->magic = 0;
    free(d);
}

rs_desc *rs_desc_enter(SQLHANDLE h)
{
    rs_desc *d = h;
    if (!d || d->magic != RS_MAGIC_DESC)
        return NULL;
    pthread_mutex_lock(&d->dbc->lock);
    rs_diag_clear(&d->diag);
    return d;
}

SQLRETURN rs_desc_leave(rs_desc *d, SQLRETURN rc)
{
    d->diag.last_rc = rc;
    pthread_mutex_unlock(&d->dbc->lock);
    return rc;
}
