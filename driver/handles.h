/* handles.h - the four ODBC handle types. All of driver/ may include this header.
 *
 * Locking: every entry point locks the handle it is given; statement and descriptor calls
 * lock their connection, because one libpq connection serves all of its statements.
 * SQLCancel is the exception: while a call of its statement holds the lock (rs_dbc.busy) it
 * takes none and uses libpq's thread-safe PQcancel. */
#ifndef RS_HANDLES_H
#define RS_HANDLES_H

#include <pthread.h>
#include <stdatomic.h>
#include <sql.h>
#include <sqlext.h>
#include <libpq-fe.h>

#include "util/diag.h"
#include "conn/config.h"

#define RS_MAGIC_ENV  0x72734501u
#define RS_MAGIC_DBC  0x72734402u
#define RS_MAGIC_STMT 0x72735303u
#define RS_MAGIC_DESC 0x72734404u

typedef struct rs_env rs_env;
typedef struct rs_dbc rs_dbc;
typedef struct rs_stmt rs_stmt;
typedef struct rs_desc rs_desc;
typedef struct rs_result rs_result;

struct rs_env {
    unsigned magic;
    pthread_mutex_t lock;
    rs_diag diag;
    SQLINTEGER odbc_version;     /* SQL_OV_ODBC2 / 3 / 3_80 */
    SQLUINTEGER connection_pooling;
    SQLUINTEGER cp_match;
    rs_dbc *conns;               /* list of connections, for SQLEndTran on the environment */
};

/* What the connect found out about the server, once. */
typedef struct rs_server_info {
    int is_redshift;             /* version() says Redshift */
    int version_num;             /* PQserverVersion */
    char version[128];           /* "15.4" or Redshift's "1.0.12345" */
    char dbms_name[32];          /* "Redshift" or "PostgreSQL" */
} rs_server_info;

struct rs_dbc {
    unsigned magic;
    pthread_mutex_t lock;
    rs_diag diag;
    rs_env *env;
    rs_dbc *next;                /* in env->conns */
    unsigned id;                 /* for the log */
    PGconn *pg;
    PGcancel *cancel;            /* for SQLCancel from another thread (no lock) */
    _Atomic(rs_stmt *) busy;     /* the statement whose call holds lock (rs_stmt_enter), or NULL */
    rs_config cfg;
    int cfg_loaded;
    rs_server_info server;
    rs_stmt *stmts;              /* list of statements */
    rs_desc *descs;              /* explicitly allocated descriptors */
    rs_stmt *streaming;          /* statement whose result still occupies the wire */
    unsigned next_stmt_id;       /* names of server-side prepared statements */
    /* attributes */
    SQLUINTEGER autocommit;      /* SQL_AUTOCOMMIT_ON/OFF */
    SQLUINTEGER access_mode;     /* SQL_MODE_READ_WRITE/READ_ONLY */
    SQLUINTEGER txn_isolation;
    SQLUINTEGER login_timeout;   /* SQL_ATTR_LOGIN_TIMEOUT; 0 = keyword or none */
    SQLUINTEGER connection_timeout;
    SQLUINTEGER packet_size;
    SQLUINTEGER metadata_id;
    SQLUINTEGER quiet_mode_set;
    SQLULEN odbc_cursors;
    int login_timeout_set;
    SQLULEN stmt_opt[13];        /* ODBC 2 statement options set on the connection (conn/attrs.c), */
    unsigned stmt_opt_set;       /* a bit per option: defaults for every statement */
    int dead;                    /* the connection broke (08S01) */
    struct { const void *pg; int pid, flags; } catalog; /* catalog_redshift.c: views found, +1; 0 unasked */
};

typedef struct rs_desc_rec {
    SQLSMALLINT type;            /* SQL_DESC_TYPE (verbose) */
    SQLSMALLINT concise_type;    /* SQL_DESC_CONCISE_TYPE */
    SQLSMALLINT datetime_interval_code;
    SQLINTEGER datetime_interval_precision;
    SQLULEN length;
    SQLLEN octet_length;
    SQLSMALLINT precision;
    SQLSMALLINT scale;
    SQLSMALLINT nullable;
    SQLPOINTER data_ptr;
    SQLLEN *indicator_ptr;
    SQLLEN *octet_length_ptr;
    SQLSMALLINT parameter_type;  /* IPD: SQL_PARAM_INPUT ... */
    SQLSMALLINT unnamed;
    SQLINTEGER num_prec_radix;
    SQLLEN display_size;
    SQLSMALLINT fixed_prec_scale, case_sensitive, searchable, is_unsigned, updatable, auto_unique;
    char *name;                  /* IRD/IPD; malloc'd */
    char *table_name;            /* IRD; malloc'd */
    char *schema_name;
    char *base_column_name;
    unsigned pg_oid;             /* IRD: server type */
    int pg_typmod;
} rs_desc_rec;

enum { RS_DESC_ARD, RS_DESC_APD, RS_DESC_IRD, RS_DESC_IPD };

struct rs_desc {
    unsigned magic;
    int kind;                    /* RS_DESC_ARD ... */
    SQLSMALLINT alloc_type;      /* SQL_DESC_ALLOC_AUTO / SQL_DESC_ALLOC_USER */
    rs_dbc *dbc;
    rs_stmt *owner;              /* implicit descriptors: their statement */
    rs_desc *next;               /* in dbc->descs (explicit ones) */
    rs_diag diag;
    /* header */
    SQLULEN array_size;
    SQLUSMALLINT *array_status_ptr;
    SQLLEN *bind_offset_ptr;
    SQLULEN bind_type;           /* SQL_BIND_BY_COLUMN or a row size */
    SQLULEN *rows_processed_ptr;
    SQLSMALLINT count;           /* highest record number in use */
    rs_desc_rec *recs;           /* recs[0] is the bookmark record; 1..count */
    SQLSMALLINT cap;
};

/* Statement states, as the ODBC state tables name them. */
typedef enum rs_stmt_state {
    RS_S_ALLOCATED = 1,          /* S1 */
    RS_S_PREPARED,               /* S2/S3 */
    RS_S_EXECUTED,               /* S4: executed, no result set */
    RS_S_CURSOR,                 /* S5-S7: a result set is open */
    RS_S_NEED_DATA               /* S8-S10: data at execution */
} rs_stmt_state;

struct rs_stmt {
    unsigned magic;
    rs_dbc *dbc;
    rs_stmt *next;               /* in dbc->stmts */
    rs_diag diag;
    rs_stmt_state state;
    rs_desc ard, apd, ird, ipd;  /* implicit descriptors */
    rs_desc *cur_ard, *cur_apd;  /* what SQL_ATTR_APP_*_DESC point to */
    /* the statement text */
    char *sql;                   /* rewritten for the server ($n markers, escapes done) */
    int nparams;                 /* the application's parameter markers */
    int nserver;                 /* markers in sql ($1..): nparams less a {? = call} return value */
    unsigned char call_escape;   /* a {call} escape: output parameters are written back (stmt/callparams.c) */
    unsigned char call_ret;      /* {? = call f(...)}: parameter 1 is the return value */
    char *odbc_sql;              /* a {call}'s text as given, to leave out OUT arguments for Redshift */
    unsigned char single_stmt;   /* sql is one statement (it may stream) */
    unsigned char plain_select;  /* sql starts with SELECT (cancelling it undoes nothing) */
    unsigned char cancel_ok;     /* this execution's SELECT began outside a transaction */
    char prep_name[32];          /* server-side prepared statement, "" when none */
    int prepared;                /* SQLPrepare'd (sql stays valid across executions) */
    struct rs_batch_prep *batch_prep; /* server-side multi-row INSERT of a parameter array (execute.c) */
    /* results */
    rs_result *res;              /* current result, NULL when none */
    /* the bound columns' converters (stmt/fetch.c); kept from one result to the next, since a
     * statement executed again usually has the same columns and bindings */
    struct rs_fetch_plan *plan;
    SQLLEN row_count;            /* SQLRowCount */
    SQLULEN rows_fetched;        /* rows in the current rowset */
    SQLULEN cursor_row;          /* row of the rowset SQLGetData reads (SQLSetPos), 0-based */
    int getdata_col;             /* column of the last SQLGetData, for pieces */
    SQLLEN getdata_offset;       /* bytes of that column already returned */
    char cursor_name[64];
    /* attributes */
    SQLULEN cursor_type;
    SQLULEN concurrency;
    SQLULEN cursor_scrollable;
    SQLULEN cursor_sensitivity;
    SQLULEN max_rows;
    SQLULEN max_length;
    SQLULEN query_timeout;
    SQLULEN noscan;
    SQLULEN retrieve_data;
    SQLULEN use_bookmarks;
    SQLULEN row_number;
    SQLULEN async_enable;
    SQLULEN metadata_id;
    SQLULEN keyset_size;
    SQLULEN simulate_cursor;
    SQLPOINTER fetch_bookmark_ptr;
    /* data at execution: the values gathered by SQLParamData/SQLPutData (stmt/dae.c) */
    struct rs_dae *dae;
    /* set by SQLCancel (any thread) while this statement executes: the error is HY008 */
    atomic_int cancel_requested;
    /* stmt/stmtlog.c: when the statement went out and its first answer came (ms), 0 when
     * the log is below DEBUG */
    double log_sent_ms, log_first_ms;
};

/* Entry-point helpers: validate, lock, clear diagnostics. NULL means SQL_INVALID_HANDLE. */
rs_env *rs_env_enter(SQLHANDLE h);
rs_dbc *rs_dbc_enter(SQLHANDLE h);
rs_desc *rs_desc_enter(SQLHANDLE h);
/* Record the return code (for SQL_DIAG_RETURNCODE) and unlock. Returns rc. */
SQLRETURN rs_env_leave(rs_env *e, SQLRETURN rc);
SQLRETURN rs_dbc_leave(rs_dbc *c, SQLRETURN rc);
SQLRETURN rs_desc_leave(rs_desc *d, SQLRETURN rc);

/* The statement ones run for every call (seven times a row in a loop of SQLGetData over seven
 * columns): inline. busy is stored with release order (SQLCancel loads it with acquire),
 * which needs no fence on x86, unlike the default sequentially consistent store. */
static inline rs_stmt *rs_stmt_enter(SQLHANDLE h)
{
    rs_stmt *s = h;
    if (!s || s->magic != RS_MAGIC_STMT)
        return NULL;
    pthread_mutex_lock(&s->dbc->lock);
    atomic_store_explicit(&s->dbc->busy, s, memory_order_release);
    if (s->diag.count || s->diag.dynamic_function[0])
        rs_diag_clear(&s->diag);
    else
        s->diag.last_rc = SQL_SUCCESS;
    return s;
}

static inline SQLRETURN rs_stmt_leave(rs_stmt *s, SQLRETURN rc)
{
    if (rc == SQL_SUCCESS && s->diag.count)
        rc = SQL_SUCCESS_WITH_INFO;    /* the server's notices (conn/pgerror.c) */
    s->diag.last_rc = rc;
    atomic_store_explicit(&s->dbc->busy, NULL, memory_order_release);
    pthread_mutex_unlock(&s->dbc->lock);
    return rc;
}

/* Combine return codes: an error wins, then info, then success. */
SQLRETURN rs_rc_merge(SQLRETURN a, SQLRETURN b);
#define RS_OK(rc) ((rc) == SQL_SUCCESS || (rc) == SQL_SUCCESS_WITH_INFO)

#endif
