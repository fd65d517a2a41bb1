/* result.c - result queues and the IRD that describes the current result. */
#include <stdlib.h>
#include <string.h>

#include "stmt/desc.h"
#include "stmt/result.h"
#include "stmt/wire.h"
#include "types/pgtypes.h"

/* Does the IRD already describe res's columns? Everything fill_ird writes follows from each
 * column's type, typmod and name, and nothing else writes the IRD; so a prepared statement
 * executed again (or SQLExecute after SQLPrepare's description) keeps its IRD as it is. The
 * comparison cannot be skipped for the same prepared statement: PostgreSQL re-plans one whose
 * table changed, and SELECT * then brings new columns or types (tests/odbc/execute). */
static int ird_describes(const rs_desc *ird, const PGresult *res)
{
    int n = PQnfields(res);
    if (ird->count != n || (n > 0 && ird->cap <= n))
        return 0;
    for (int i = 0; i < n; i++) {
        const rs_desc_rec *r = &ird->recs[i + 1];
        if (r->pg_oid != PQftype(res, i) || r->pg_typmod != PQfmod(res, i) || !r->name ||
            strcmp(r->name, PQfname(res, i)) != 0)
            return 0;
    }
    return 1;
}

/* Describe the columns of res in the IRD. */
static int fill_ird(rs_stmt *s, const PGresult *res)
{
    rs_desc *ird = &s->ird;
    if (ird_describes(ird, res))
        return 0;
    rs_desc_clear(ird);
    int n = PQnfields(res);
    if (n > 0 && rs_desc_ensure(ird, n) < 0)
        return -1;
    ird->count = (SQLSMALLINT)n;
    for (int i = 0; i < n; i++) {
        rs_desc_rec *r = &ird->recs[i + 1];
        unsigned oid = PQftype(res, i);
        int mod = PQfmod(res, i);
        const rs_pgtype *t = rs_pgtype_lookup(oid);
        r->pg_oid = oid;
        r->pg_typmod = mod;
        rs_desc_set_type(r, rs_pgtype_sql_type(t, mod));
        r->length = rs_pgtype_column_size(t, mod);
        r->precision = (SQLSMALLINT)(t->sql_type == SQL_NUMERIC || t->radix ? r->length : 0);
        if (t->sql_type == SQL_TYPE_TIMESTAMP || t->sql_type == SQL_TYPE_TIME)
            r->precision = rs_pgtype_decimal_digits(t, mod);
        r->scale = rs_pgtype_decimal_digits(t, mod);
        r->octet_length = rs_pgtype_octet_length(t, mod);
        r->display_size = rs_pgtype_display_size(t, mod);
        r->nullable = SQL_NULLABLE_UNKNOWN;
        r->num_prec_radix = t->radix;
        r->is_unsigned = t->is_unsigned || !t->radix;
        r->case_sensitive = t->case_sensitive;
        r->searchable = t->searchable;
        r->fixed_prec_scale = t->oid == RS_OID_MONEY;
        r->updatable = SQL_ATTR_READWRITE_UNKNOWN;
        r->unnamed = SQL_NAMED;
        r->name = strdup(PQfname(res, i));
        r->base_column_name = strdup(PQfname(res, i));
        if (!r->name || !r->base_column_name)
            return -1;
    }
    return 0;
}

static void free_queue(rs_result *r)
{
    for (int i = 0; i < r->nqueue; i++)
        PQclear(r->queue[i]);
    free(r->queue);
    PQclear(r->held);
    free(r->cells);
    free(r->arena);
}

static SQLRETURN make_current(rs_stmt *s)
{
    rs_result *r = s->res;
    r->pg = r->queue[r->cur];
    r->pos = -1;
    ExecStatusType st = PQresultStatus(r->pg);
    if (st == PGRES_TUPLES_OK || st == PGRES_SINGLE_TUPLE) {
        r->nrows = PQntuples(r->pg);
        r->ncols = PQnfields(r->pg);
        s->row_count = r->nrows;
        s->state = RS_S_CURSOR;
    } else {
        r->nrows = 0;
        r->ncols = 0;
        const char *t = PQcmdTuples(r->pg);
        s->row_count = (t && *t) ? atol(t) : -1;
        s->state = RS_S_EXECUTED;
    }
    s->getdata_col = 0;
    s->getdata_offset = 0;
    s->rows_fetched = 0;
    if (fill_ird(s, r->pg) < 0)
        return rs_diag_oom(&s->diag);
    return SQL_SUCCESS;
}

SQLRETURN rs_result_install(rs_stmt *s, PGresult **results, int n)
{
    rs_stmt_close_result(s);
    rs_result *r = calloc(1, sizeof *r);
    if (!r) {
        for (int i = 0; i < n; i++)
            PQclear(results[i]);
        free(results);
        return rs_diag_oom(&s->diag);
    }
    r->queue = results;
    r->nqueue = n;
    s->res = r;
    return make_current(s);
}

SQLRETURN rs_result_install_stream(rs_stmt *s, PGresult *first_row, int cancel_ok)
{
    rs_stmt_close_result(s);
    rs_result *r = calloc(1, sizeof *r);
    if (!r) {
        PQclear(first_row);
        return rs_diag_oom(&s->diag);
    }
    r->streamed = 1;
    r->ncols = PQnfields(first_row);
    rs_result_hold_row(r, first_row);
    r->seen = 1;
    r->nrows = 1;
    r->pos = -1;
    r->streaming = 1;
    r->cancel_ok = cancel_ok;
    s->res = r;
    s->dbc->streaming = s;
    s->state = RS_S_CURSOR;
    s->row_count = -1;          /* known when the last row has arrived */
    s->getdata_col = 0;
    s->getdata_offset = 0;
    s->rows_fetched = 0;
    int ird_ok = fill_ird(s, first_row);
    if (ird_ok < 0)
        return rs_diag_oom(&s->diag);
    return SQL_SUCCESS;
}

/* Copy the held row into the buffers, as the first row there. */
static int unhold(rs_result *r)
{
    PGresult *row = r->held;
    r->held = NULL;
    r->nbuf = 0;
    r->arena_len = 0;
    int kept = rs_result_keep_row(r, row);
    PQclear(row);
    return kept;
}

void rs_result_hold_row(rs_result *r, PGresult *row)
{
    r->held = row;
    r->nbuf = 1;
}

void rs_result_drop_rows(rs_result *r, long drop)
{
    if (drop > r->nbuf)
        drop = r->nbuf;
    if (drop == r->nbuf && drop > 0) {
        PQclear(r->held);  /* the usual case: the whole previous rowset goes */
        r->held = NULL;
        r->nbuf = 0;
        r->arena_len = 0;
        r->base += drop;
    } else if (drop > 0 && drop * 2 >= r->nbuf) {
        /* Compacting moves every kept row: only once the dropped part is half the buffer, so a
         * fully buffered result read one row per SQLFetch costs linear time, not quadratic
         * (100,000 buffered rows: each fetch moved all of them; the ASan stream test hung).
         * Rows before the new first row kept meanwhile are simply not read again. A held row is
         * never here: it is a whole buffer of one row, dropped above. */
        size_t nc = (size_t)r->ncols, first = (size_t)drop * nc, keep = (size_t)(r->nbuf - drop) * nc;
        size_t off0 = nc ? r->cells[first].off : 0;
        memmove(r->arena, r->arena + off0, r->arena_len - off0);
        r->arena_len -= off0;
        for (size_t i = first; i < first + keep; i++)
            r->cells[i].off -= off0;
        memmove(r->cells, r->cells + first, keep * sizeof *r->cells);
        r->nbuf -= drop;
        r->base += drop;
    }
}

int rs_result_keep_row(rs_result *r, const PGresult *row)
{
    if (r->held && unhold(r) < 0)
        return -1;
    size_t nc = (size_t)r->ncols;
    if (r->nbuf == r->cap) {
        long ncap = r->cap ? r->cap * 2 : 64;
        struct rs_cell *n = realloc(r->cells, (size_t)ncap * (nc ? nc : 1) * sizeof *n);
        if (!n)
            return -1;
        r->cells = n;
        r->cap = ncap;
    }
    struct rs_cell *c = &r->cells[(size_t)r->nbuf * nc];
    for (int i = 0; i < r->ncols; i++) {
        int len = PQgetlength(row, 0, i);
        if (r->arena_len + (size_t)len + 1 > r->arena_cap) {
            size_t ncap = r->arena_cap ? r->arena_cap : 4096;
            while (ncap < r->arena_len + (size_t)len + 1)
                ncap *= 2;
            char *n = realloc(r->arena, ncap);
            if (!n)
                return -1;
            r->arena = n;
            r->arena_cap = ncap;
        }
        c[i].off = r->arena_len;
        if (len == 0 && PQgetisnull(row, 0, i)) {
            c[i].len = -1;
            r->arena[r->arena_len++] = '\0';
            continue;
        }
        memcpy(r->arena + r->arena_len, PQgetvalue(row, 0, i), (size_t)len + 1);
        c[i].len = len;
        r->arena_len += (size_t)len + 1;
    }
    r->nbuf++;
    return 0;
}

void rs_result_describe(rs_stmt *s, const PGresult *desc)
{
    fill_ird(s, desc);
}

SQLRETURN rs_result_next(rs_stmt *s)
{
    rs_result *r = s->res;
    if (!r || r->cur + 1 >= r->nqueue)
        return SQL_NO_DATA;
    r->cur++;
    return make_current(s);
}

void rs_stmt_close_result(rs_stmt *s)
{
    if (s->res && s->res->streaming)
        rs_stream_finish(s, 0);
    if (s->res) {
        free_queue(s->res);
        free(s->res);
        s->res = NULL;
    }
    if (s->dbc && s->dbc->streaming == s)
        s->dbc->streaming = NULL;
    if (s->state == RS_S_CURSOR || s->state == RS_S_EXECUTED)
        s->state = s->prepared ? RS_S_PREPARED : RS_S_ALLOCATED;
    s->rows_fetched = 0;
}

PGresult *rs_result_local(const char *const *names, const unsigned *oids, int ncols)
{
    PGresult *r = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
    if (!r)
        return NULL;
    PGresAttDesc *attrs = calloc((size_t)ncols, sizeof *attrs);
    if (!attrs) {
        PQclear(r);
        return NULL;
    }
    for (int i = 0; i < ncols; i++) {
        attrs[i].name = (char *)names[i];
        attrs[i].typid = oids[i];
        attrs[i].typlen = -1;
        attrs[i].atttypmod = -1;
    }
    int ok = PQsetResultAttrs(r, ncols, attrs);
    free(attrs);
    if (!ok) {
        PQclear(r);
        return NULL;
    }
    return r;
}

int rs_result_local_add(PGresult *r, const char *const *values)
{
    int row = PQntuples(r);
    for (int i = 0; i < PQnfields(r); i++) {
        const char *v = values[i];
        if (!PQsetvalue(r, row, i, (char *)v, v ? (int)strlen(v) : -1))
            return -1;
    }
    return 0;
}
