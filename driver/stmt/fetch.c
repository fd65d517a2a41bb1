/* fetch.c - moving through results and converting values into application buffers. */
#include <stdlib.h>
#include <string.h>

#include "execute.h"
#include "stmt/dae.h"
#include "stmt/desc.h"
#include "stmt/fetch.h"
#include "stmt/result.h"
#include "stmt/wire.h"
#include "types/convert.h"
#include "types/pgtypes.h"

static SQLRETURN need_cursor(rs_stmt *s)
{
    SQLRETURN g = rs_dae_guard(s);
    if (g != SQL_SUCCESS)
        return g;
    if (s->state != RS_S_CURSOR || !s->res)
        return rs_diag_add(&s->diag, "24000", 0, "No result set is open: execute a query first.");
    return SQL_SUCCESS;
}

/* The C type a record asks for, with SQL_C_DEFAULT resolved from the column. */
static SQLSMALLINT resolve_ctype(SQLSMALLINT ctype, const rs_desc_rec *ird)
{
    return ctype == SQL_C_DEFAULT ? rs_sql_default_ctype(ird->concise_type) : ctype;
}

/* What fill_row needs of one column, worked out once per binding and column type instead of once
 * per value: the C type resolved, the converter for its (server type, C type) pair, the
 * stride. The ARD and IRD fields it was made from are kept: every fetch compares them, so any
 * change of binding (SQLBindCol, SQLSetDescField, a shared descriptor) makes a new plan. */
typedef struct col_plan {
    /* the fields it was made from */
    SQLPOINTER data_ptr;
    SQLLEN *indicator_ptr, *octet_length_ptr;
    SQLLEN octet_length;
    SQLSMALLINT concise_type, precision, scale;
    unsigned oid;
    SQLSMALLINT ird_type;    /* the column's SQL type (what SQL_C_DEFAULT resolves from) */
    /* what follows from them */
    int bound;
    SQLSMALLINT ctype;
    SQLLEN elem;
    rs_conv_fn fn;
} col_plan;

struct rs_fetch_plan {
    const rs_desc *ard;
    int ncols;
    col_plan cols[];     /* column i + 1 */
};

static int plan_matches(const col_plan *p, const rs_desc_rec *a, const rs_desc_rec *ird)
{
    return p->data_ptr == a->data_ptr && p->indicator_ptr == a->indicator_ptr &&
           p->octet_length_ptr == a->octet_length_ptr && p->octet_length == a->octet_length &&
           p->concise_type == a->concise_type && p->precision == a->precision && p->scale == a->scale &&
           p->oid == ird->pg_oid && p->ird_type == ird->concise_type;
}

/* The plan for the current binding: the statement's when it still holds, else a new one.
 * NULL when out of memory (the caller goes the long way). */
static const struct rs_fetch_plan *fetch_plan(rs_stmt *s)
{
    rs_desc *ard = s->cur_ard;
    int n = ard->count < s->ird.count ? ard->count : s->ird.count;
    struct rs_fetch_plan *p = s->plan;
    if (p && p->ard == ard && p->ncols == n) {
        int same = 1;
        for (int i = 0; i < n && same; i++)
            same = plan_matches(&p->cols[i], &ard->recs[i + 1], &s->ird.recs[i + 1]);
        if (same)
            return p;
    }
    if (!p || p->ncols < n) {
        free(p);
        s->plan = p = malloc(sizeof *p + (size_t)(n > 0 ? n : 1) * sizeof *p->cols);
        if (!p)
            return NULL;
    }
    p->ard = ard;
    p->ncols = n;
    for (int i = 0; i < n; i++) {
        const rs_desc_rec *a = &ard->recs[i + 1], *ird = &s->ird.recs[i + 1];
        col_plan *c = &p->cols[i];
        c->data_ptr = a->data_ptr;
        c->indicator_ptr = a->indicator_ptr;
        c->octet_length_ptr = a->octet_length_ptr;
        c->octet_length = a->octet_length;
        c->concise_type = a->concise_type;
        c->precision = a->precision;
        c->scale = a->scale;
        c->oid = ird->pg_oid;
        c->ird_type = ird->concise_type;
        c->bound = a->data_ptr || a->indicator_ptr || a->octet_length_ptr;
        c->ctype = a->concise_type == SQL_C_DEFAULT ? rs_sql_default_ctype(ird->concise_type) : a->concise_type;
        c->elem = rs_ctype_size(c->ctype);
        if (c->elem == 0)
            c->elem = a->octet_length;
        c->fn = rs_conv_pick(c->oid, c->ctype);
    }
    return p;
}

/* Convert one value of the current result into one bound target. Inlined into its two callers
 * (SQLGetData and fill_row): it runs once per value, and its call with a dozen arguments cost
 * as much as the work. */
static inline __attribute__((always_inline)) SQLRETURN convert_cell(rs_stmt *s, long absrow, int col, SQLSMALLINT ctype, SQLSMALLINT precision,
                              SQLSMALLINT scale,
                              void *data, SQLLEN *ind, SQLLEN *olen, SQLLEN buflen,
                              SQLLEN rownum, SQLLEN *offset)
{
    int len, isnull;
    const char *v = rs_result_value(s->res, absrow, col, &len, &isnull);
    if (isnull) {
        if (offset) {
            if (*offset > 0)
                return SQL_NO_DATA;
            *offset = 1;
        }
        if (!ind)
            return rs_diag_add_at(&s->diag, rownum, col, "22002", 0,
                                  "Column %d is NULL but no indicator variable was bound.", col);
        *ind = SQL_NULL_DATA;
        return SQL_SUCCESS;
    }
    const rs_desc_rec *ird = &s->ird.recs[col];
    rs_conv_target t = { resolve_ctype(ctype, ird), data, buflen, precision, scale };
    if (s->max_length > 0 && (t.ctype == SQL_C_CHAR || t.ctype == SQL_C_BINARY) &&
        (SQLULEN)len > s->max_length)
        len = (int)s->max_length;
    rs_conv_where w = { &s->diag, rownum, col, offset };
    SQLLEN outlen = 0;
    SQLRETURN rc = rs_conv_pick(ird->pg_oid, t.ctype)(v, (size_t)len, ird->pg_oid, &t, &outlen, &w);
    if (RS_OK(rc)) {
        if (olen)
            *olen = outlen;
        if (ind && ind != olen)
            *ind = outlen;
    }
    return rc;
}

/* Bookmarks are 1-based row numbers of the result set, as 32-bit values (SQL_C_VARBOOKMARK,
 * and SQL_C_BOOKMARK where it is SQL_C_ULONG) or 64-bit ones (SQL_C_BOOKMARK as SQL_C_UBIGINT). */
static int bookmark_ctype_ok(SQLSMALLINT ctype)
{
    return ctype == SQL_C_ULONG || ctype == SQL_C_UBIGINT || ctype == SQL_C_BINARY;
}

static SQLLEN bookmark_size(SQLSMALLINT ctype)
{
    return ctype == SQL_C_UBIGINT ? (SQLLEN)sizeof(SQLUBIGINT) : (SQLLEN)sizeof(SQLUINTEGER);
}

static SQLRETURN put_bookmark(rs_stmt *s, SQLSMALLINT ctype, void *data, SQLLEN buflen, SQLLEN *ind,
                              SQLLEN *olen, long absrow)
{
    if (!bookmark_ctype_ok(ctype))
        return rs_diag_add(&s->diag, "07006", 0,
                           "Restricted data type attribute violation: a bookmark (column 0) is read as "
                           "SQL_C_VARBOOKMARK or SQL_C_BOOKMARK, not C type %d.", ctype);
    SQLLEN size = bookmark_size(ctype);
    SQLRETURN rc = SQL_SUCCESS;
    if (data) {
        if (ctype == SQL_C_UBIGINT) {
            SQLUBIGINT v = (SQLUBIGINT)absrow + 1;
            memcpy(data, &v, sizeof v);
        } else if (ctype == SQL_C_ULONG || buflen >= size) {
            SQLUINTEGER v = (SQLUINTEGER)(absrow + 1);
            memcpy(data, &v, sizeof v);
        } else {
            rc = rs_diag_add(&s->diag, "01004", 0, "String data, right truncated: a bookmark needs %ld bytes.",
                             (long)size);
            rc = SQL_SUCCESS_WITH_INFO;
        }
    }
    if (olen)
        *olen = size;
    if (ind && ind != olen)
        *ind = size;
    return rc;
}

/* The bookmark an application hands back (SQL_ATTR_FETCH_BOOKMARK_PTR), read the way column 0
 * is bound; 0 when there is none. */
static SQLULEN read_bookmark(const rs_stmt *s, const void *p)
{
    if (!p)
        return 0;
    const rs_desc *ard = s->cur_ard;
    if (ard->cap > 0 && ard->recs[0].concise_type == SQL_C_UBIGINT) {
        SQLUBIGINT v;
        memcpy(&v, p, sizeof v);
        return (SQLULEN)v;
    }
    SQLUINTEGER v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* Fill every bound column of row r (0-based) of the current rowset, with the plan of the
 * rowset (NULL: work each column out on the way). */
static SQLRETURN fill_row(rs_stmt *s, SQLULEN r, const struct rs_fetch_plan *p)
{
    rs_desc *ard = s->cur_ard;
    SQLRETURN rowrc = SQL_SUCCESS;
    long absrow = s->res->pos + (long)r;
    if (s->use_bookmarks != SQL_UB_OFF && ard->cap > 0) {
        const rs_desc_rec *b = &ard->recs[0];
        if (b->data_ptr || b->indicator_ptr || b->octet_length_ptr) {
            SQLLEN elem = b->concise_type == SQL_C_BINARY ? b->octet_length : bookmark_size(b->concise_type);
            rowrc = put_bookmark(s, b->concise_type, rs_desc_addr(ard, b->data_ptr, elem, r),
                                 b->octet_length, rs_desc_addr(ard, b->indicator_ptr, sizeof(SQLLEN), r),
                                 rs_desc_addr(ard, b->octet_length_ptr, sizeof(SQLLEN), r), absrow);
        }
    }
    if (s->retrieve_data != SQL_RD_ON)
        return rowrc;
    if (p) {
        /* the addresses of row r: base + bind offset + r * stride (rs_desc_addr, unrolled) */
        SQLLEN boff = ard->bind_offset_ptr ? *ard->bind_offset_ptr : 0;
        int bycol = ard->bind_type == SQL_BIND_BY_COLUMN;
        SQLLEN rowstep = bycol ? 0 : (SQLLEN)(r * ard->bind_type);
        rs_result *res = s->res;
        for (int i = 0; i < p->ncols; i++) {
            const col_plan *c = &p->cols[i];
            if (!c->bound)
                continue;
            int col = i + 1, len, isnull;
            char *data = c->data_ptr ? (char *)c->data_ptr + boff + (bycol ? (SQLLEN)r * c->elem : rowstep) : NULL;
            SQLLEN *ind = c->indicator_ptr
                ? (SQLLEN *)((char *)c->indicator_ptr + boff + (bycol ? (SQLLEN)(r * sizeof(SQLLEN)) : rowstep)) : NULL;
            SQLLEN *olen = c->octet_length_ptr == c->indicator_ptr ? ind : c->octet_length_ptr
                ? (SQLLEN *)((char *)c->octet_length_ptr + boff + (bycol ? (SQLLEN)(r * sizeof(SQLLEN)) : rowstep)) : NULL;
            const char *v = rs_result_value(res, absrow, col, &len, &isnull);
            SQLRETURN rc;
            if (isnull) {
                if (ind) {
                    *ind = SQL_NULL_DATA;
                    continue;
                }
                rc = rs_diag_add_at(&s->diag, (SQLLEN)r + 1, col, "22002", 0,
                                    "Column %d is NULL but no indicator variable was bound.", col);
            } else {
                if (s->max_length > 0 && (c->ctype == SQL_C_CHAR || c->ctype == SQL_C_BINARY) &&
                    (SQLULEN)len > s->max_length)
                    len = (int)s->max_length;
                rs_conv_target t = { c->ctype, data, c->octet_length, c->precision, c->scale };
                rs_conv_where w = { &s->diag, (SQLLEN)r + 1, col, NULL };
                SQLLEN outlen = 0;
                rc = c->fn(v, (size_t)len, c->oid, &t, &outlen, &w);
                if (RS_OK(rc)) {
                    if (olen)
                        *olen = outlen;
                    if (ind && ind != olen)
                        *ind = outlen;
                }
            }
            if (rc != SQL_SUCCESS)
                rowrc = rs_rc_merge(rowrc, rc);
        }
        return rowrc;
    }
    for (int col = 1; col <= ard->count && col <= s->ird.count; col++) {
        const rs_desc_rec *a = &ard->recs[col];
        if (!a->data_ptr && !a->indicator_ptr && !a->octet_length_ptr)
            continue;
        SQLSMALLINT ct = resolve_ctype(a->concise_type, &s->ird.recs[col]);
        SQLLEN elem = rs_ctype_size(ct);
        if (elem == 0)
            elem = a->octet_length;
        void *data = rs_desc_addr(ard, a->data_ptr, elem, r);
        SQLLEN *ind = rs_desc_addr(ard, a->indicator_ptr, sizeof(SQLLEN), r);
        SQLLEN *olen = rs_desc_addr(ard, a->octet_length_ptr, sizeof(SQLLEN), r);
        SQLRETURN c = convert_cell(s, absrow, col, a->concise_type, a->precision, a->scale, data, ind, olen,
                                   a->octet_length, (SQLLEN)r + 1, NULL);
        rowrc = rs_rc_merge(rowrc, c);
    }
    return rowrc;
}

static SQLUSMALLINT row_status(SQLRETURN rc)
{
    return rc == SQL_ERROR ? SQL_ROW_ERROR : rc == SQL_SUCCESS_WITH_INFO ? SQL_ROW_SUCCESS_WITH_INFO : SQL_ROW_SUCCESS;
}

static SQLRETURN refresh_row(rs_stmt *s, SQLULEN r, const struct rs_fetch_plan *p)
{
    SQLRETURN rc = fill_row(s, r, p);
    if (s->ird.array_status_ptr)
        s->ird.array_status_ptr[r] = row_status(rc);
    return rc;
}

SQLRETURN rs_stmt_refresh_row(rs_stmt *s, SQLULEN r)
{
    return refresh_row(s, r, s->retrieve_data == SQL_RD_ON ? fetch_plan(s) : NULL);
}

/* Fill every bound column for each row of the current rowset. The row status array is the
 * IRD's (SQL_ATTR_ROW_STATUS_PTR); the ARD's is the application's row operation array, an
 * input of SQLSetPos, and is never written. */
static SQLRETURN fill_rowset(rs_stmt *s, SQLULEN nrows)
{
    rs_desc *ard = s->cur_ard;
    SQLRETURN rc = SQL_SUCCESS;
    int errors = 0;
    const struct rs_fetch_plan *p = s->retrieve_data == SQL_RD_ON ? fetch_plan(s) : NULL;
    for (SQLULEN r = 0; r < nrows; r++) {
        SQLRETURN rowrc = refresh_row(s, r, p);
        if (rowrc == SQL_ERROR)
            errors++;
        else
            rc = rs_rc_merge(rc, rowrc);
    }
    SQLULEN size = ard->array_size ? ard->array_size : 1;
    for (SQLULEN r = nrows; r < size; r++)
        if (s->ird.array_status_ptr)
            s->ird.array_status_ptr[r] = SQL_ROW_NOROW;
    if (errors)
        return (SQLULEN)errors == nrows && nrows == 1 ? SQL_ERROR : SQL_SUCCESS_WITH_INFO;
    return rc;
}

/* Move to a rowset. `bookmark`, when not NULL, is the bookmark SQL_FETCH_BOOKMARK starts from
 * (SQLExtendedFetch passes it as its offset); else SQL_ATTR_FETCH_BOOKMARK_PTR is read. */
static SQLRETURN fetch_rowset(rs_stmt *s, SQLSMALLINT orientation, SQLLEN offset, const SQLULEN *bookmark)
{
    SQLRETURN rc = need_cursor(s);
    if (!RS_OK(rc))
        return rc;
    rs_result *res = s->res;
    SQLULEN size = s->cur_ard->array_size ? s->cur_ard->array_size : 1;
    if (res->streamed && orientation == SQL_FETCH_NEXT) {
        /* a streamed result set: bring the next rowset in from the wire */
        long next = res->pos < 0 ? 0 : res->pos + (long)(s->rows_fetched ? s->rows_fetched : size);
        long want = (long)size;
        if (s->max_rows > 0 && next + want > (long)s->max_rows)
            want = (long)s->max_rows - next;
        if (want > 0 && rs_stream_window(s, next, want) == SQL_ERROR)
            return SQL_ERROR;
    }
    long limit = res->nrows;
    if (s->max_rows > 0 && (long)s->max_rows < limit)
        limit = (long)s->max_rows;
    if (orientation != SQL_FETCH_NEXT && s->cursor_type == SQL_CURSOR_FORWARD_ONLY)
        return rs_diag_add(&s->diag, "HY106", 0,
                           "The cursor is forward-only: only SQL_FETCH_NEXT is allowed "
                           "(set SQL_ATTR_CURSOR_TYPE to SQL_CURSOR_STATIC to scroll).");
    long cur = res->pos, next;
    long step = (long)size;
    switch (orientation) {
    case SQL_FETCH_NEXT: next = cur < 0 ? 0 : cur + (long)(s->rows_fetched ? s->rows_fetched : size); break;
    case SQL_FETCH_PRIOR: next = cur < 0 ? -1 : cur - step; break;
    case SQL_FETCH_FIRST: next = 0; break;
    case SQL_FETCH_LAST: next = limit - step; break;
    case SQL_FETCH_ABSOLUTE:
        next = offset > 0 ? offset - 1 : offset < 0 ? limit + offset : -1;
        break;
    case SQL_FETCH_RELATIVE: next = (cur < 0 ? -1 : cur) + offset; break;
    case SQL_FETCH_BOOKMARK: {
        if (s->use_bookmarks == SQL_UB_OFF)
            return rs_diag_add(&s->diag, "HY106", 0,
                               "SQL_FETCH_BOOKMARK needs bookmarks: set SQL_ATTR_USE_BOOKMARKS first.");
        SQLULEN bm = bookmark ? *bookmark : read_bookmark(s, s->fetch_bookmark_ptr);
        if (bm < 1 || bm > (SQLULEN)res->nrows)
            return rs_diag_add(&s->diag, "HY111", 0, "Invalid bookmark value%s.",
                               !bookmark && !s->fetch_bookmark_ptr ? ": SQL_ATTR_FETCH_BOOKMARK_PTR is not set" : "");
        next = (long)bm - 1 + offset;
        break;
    }
    default:
        return rs_diag_add(&s->diag, "HY106", 0, "Fetch orientation %d is not supported.", orientation);
    }
    if (next < 0 && orientation == SQL_FETCH_LAST)
        next = 0;
    if (next < 0 && orientation == SQL_FETCH_PRIOR && cur > 0)
        next = 0;
    s->getdata_col = 0;
    s->getdata_offset = 0;
    s->cursor_row = 0;
    if (next < 0 || next >= limit) {
        res->pos = next < 0 ? -1 : limit;
        s->rows_fetched = 0;
        if (s->ird.rows_processed_ptr)
            *s->ird.rows_processed_ptr = 0;
        for (SQLULEN r = 0; r < size; r++)
            if (s->ird.array_status_ptr)
                s->ird.array_status_ptr[r] = SQL_ROW_NOROW;
        return SQL_NO_DATA;
    }
    res->pos = next;
    SQLULEN n = (SQLULEN)(limit - next) < size ? (SQLULEN)(limit - next) : size;
    s->rows_fetched = n;
    if (s->ird.rows_processed_ptr)
        *s->ird.rows_processed_ptr = n;
    s->row_number = (SQLULEN)next + 1;
    return fill_rowset(s, n);
}

SQLRETURN rs_stmt_fetch_scroll(rs_stmt *s, SQLSMALLINT orientation, SQLLEN offset)
{
    return fetch_rowset(s, orientation, offset, NULL);
}

/* SQLExtendedFetch (ODBC 2): the rowset size is SQL_ROWSET_SIZE (the same as the ARD's array
 * size here), the row count and statuses go to its own arguments, and SQL_FETCH_BOOKMARK
 * takes the bookmark as the offset. */
SQLRETURN rs_stmt_extended_fetch(rs_stmt *s, SQLUSMALLINT orientation, SQLLEN offset, SQLULEN *count,
                                 SQLUSMALLINT *status)
{
    SQLULEN *saved_count = s->ird.rows_processed_ptr;
    SQLUSMALLINT *saved_status = s->ird.array_status_ptr;
    s->ird.rows_processed_ptr = count;
    s->ird.array_status_ptr = status;
    SQLULEN bm = offset > 0 ? (SQLULEN)offset : 0;
    SQLRETURN rc = orientation == SQL_FETCH_BOOKMARK
        ? fetch_rowset(s, SQL_FETCH_BOOKMARK, 0, &bm)
        : fetch_rowset(s, (SQLSMALLINT)orientation, offset, NULL);
    s->ird.rows_processed_ptr = saved_count;
    s->ird.array_status_ptr = saved_status;
    return rc;
}

SQLRETURN rs_stmt_get_data(rs_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                           SQLLEN buflen, SQLLEN *ind)
{
    const rs_result *res = s->res;
    if (s->state != RS_S_CURSOR || !res)
        return need_cursor(s);
    if (res->pos < 0 || res->pos >= res->nrows || s->rows_fetched == 0)
        return rs_diag_add(&s->diag, "24000", 0, "SQLGetData needs a fetched row: call SQLFetch first.");
    long row = res->pos + (long)s->cursor_row;   /* the row SQLSetPos positioned on */
    if (col == 0) {
        if (s->use_bookmarks == SQL_UB_OFF)
            return rs_diag_add(&s->diag, "07009", 0, "Bookmarks are not enabled on this statement (column 0).");
        SQLSMALLINT bt = ctype == SQL_ARD_TYPE && s->cur_ard->cap > 0 ? s->cur_ard->recs[0].concise_type : ctype;
        return put_bookmark(s, bt, target, buflen, ind, ind, row);
    }
    if (col > s->ird.count)
        return rs_diag_add(&s->diag, "07009", 0, "Invalid column number %u: the result has %d columns.",
                           col, s->ird.count);
    if (buflen < 0)
        return rs_diag_add(&s->diag, "HY090", 0, "Invalid buffer length %ld.", (long)buflen);
    if (col != s->getdata_col) {
        s->getdata_col = col;
        s->getdata_offset = 0;
    }
    SQLSMALLINT precision = 0, scale = 0;
    if (ctype == SQL_ARD_TYPE) {
        const rs_desc *ard = s->cur_ard;
        ctype = ard->recs[col <= ard->count ? col : 0].concise_type;
        if (col <= ard->count) {
            precision = ard->recs[col].precision;
            scale = ard->recs[col].scale;
        }
    }
    return convert_cell(s, row, col, ctype, precision, scale, target, ind, ind, buflen,
                        SQL_NO_ROW_NUMBER, &s->getdata_offset);
}

SQLRETURN rs_stmt_bind_col(rs_stmt *s, SQLUSMALLINT col, SQLSMALLINT ctype, SQLPOINTER target,
                           SQLLEN buflen, SQLLEN *ind)
{
    if (col == 0 && s->use_bookmarks == SQL_UB_OFF)
        return rs_diag_add(&s->diag, "07009", 0, "Bookmarks are not enabled on this statement (column 0).");
    if (buflen < 0)
        return rs_diag_add(&s->diag, "HY090", 0, "Invalid buffer length %ld.", (long)buflen);
    if (col == 0 && (target || ind) && !bookmark_ctype_ok(ctype))
        return rs_diag_add(&s->diag, "HY003", 0,
                           "Column 0 (the bookmark) is bound as SQL_C_VARBOOKMARK or SQL_C_BOOKMARK, not C type %d.", ctype);
    if (rs_ctype_size(ctype) == 0 && ctype != SQL_C_CHAR && ctype != SQL_C_WCHAR &&
        ctype != SQL_C_BINARY && ctype != SQL_C_DEFAULT)
        return rs_diag_add(&s->diag, "HY003", 0, "Invalid C data type %d.", ctype);
    rs_desc *ard = s->cur_ard;
    if (!target && !ind) {
        /* unbind */
        if (col <= ard->count && col < ard->cap) {
            rs_desc_rec_reset(ard, &ard->recs[col]);
            rs_desc_trim(ard);
        }
        return SQL_SUCCESS;
    }
    if (rs_desc_ensure(ard, col) < 0)
        return rs_diag_oom(&s->diag);
    rs_desc_rec *r = &ard->recs[col];
    rs_desc_set_type(r, ctype);
    r->data_ptr = target;
    r->octet_length = buflen;
    r->indicator_ptr = ind;
    r->octet_length_ptr = ind;
    r->precision = ctype == SQL_C_NUMERIC ? 38 : 0;
    r->scale = 0;
    return SQL_SUCCESS;
}

SQLRETURN rs_stmt_num_result_cols(rs_stmt *s, SQLSMALLINT *count)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = rs_stmt_ensure_described(s);
    if (!RS_OK(rc))
        return rc;
    if (count)
        *count = s->ird.count;
    return rc;
}

SQLRETURN rs_stmt_row_count(rs_stmt *s, SQLLEN *count)
{
    if (count)
        *count = s->row_count;
    return SQL_SUCCESS;
}

static SQLRETURN check_col(rs_stmt *s, SQLUSMALLINT col)
{
    SQLRETURN rc = rs_dae_guard(s);
    if (rc != SQL_SUCCESS)
        return rc;
    rc = rs_stmt_ensure_described(s);
    if (!RS_OK(rc))
        return rc;
    if (s->state == RS_S_ALLOCATED)
        return rs_diag_add(&s->diag, "HY010", 0, "No statement has been prepared or executed.");
    if (col == 0 || col > s->ird.count)
        return rs_diag_add(&s->diag, "07009", 0, "Invalid column number %u: the result has %d columns.",
                           col, s->ird.count);
    return rc;
}

SQLRETURN rs_stmt_describe_col(rs_stmt *s, SQLUSMALLINT col, rs_col_desc *out)
{
    SQLRETURN rc = check_col(s, col);
    if (!RS_OK(rc))
        return rc;
    const rs_desc_rec *r = &s->ird.recs[col];
    out->name = r->name ? r->name : "";
    out->sql_type = r->concise_type;
    out->size = r->length;
    out->digits = r->scale;
    out->nullable = r->nullable;
    if (r->concise_type == SQL_REAL || r->concise_type == SQL_DOUBLE)
        out->size = r->length;
    return rc;
}

SQLRETURN rs_stmt_col_attribute(rs_stmt *s, SQLUSMALLINT col, SQLUSMALLINT field,
                                const char **str, SQLLEN *num)
{
    if (field == SQL_DESC_COUNT || field == SQL_COLUMN_COUNT) {
        SQLRETURN rc = rs_stmt_ensure_described(s);
        *num = s->ird.count;
        return rc;
    }
    SQLRETURN rc = check_col(s, col);
    if (!RS_OK(rc))
        return rc;
    const rs_desc_rec *r = &s->ird.recs[col];
    const rs_pgtype *t = rs_pgtype_lookup(r->pg_oid);
    *str = NULL;
    switch (field) {
    case SQL_DESC_NAME: case SQL_DESC_LABEL: case SQL_COLUMN_NAME: *str = r->name ? r->name : ""; break;
    case SQL_DESC_BASE_COLUMN_NAME: *str = r->base_column_name ? r->base_column_name : ""; break;
    case SQL_DESC_TABLE_NAME: case SQL_DESC_BASE_TABLE_NAME: *str = r->table_name ? r->table_name : ""; break;
    case SQL_DESC_SCHEMA_NAME: *str = r->schema_name ? r->schema_name : ""; break;
    case SQL_DESC_CATALOG_NAME: *str = ""; break;
    case SQL_DESC_TYPE_NAME: case SQL_DESC_LOCAL_TYPE_NAME: *str = t->name; break;
    case SQL_DESC_LITERAL_PREFIX: *str = t->literal_prefix ? t->literal_prefix : ""; break;
    case SQL_DESC_LITERAL_SUFFIX: *str = t->literal_suffix ? t->literal_suffix : ""; break;
    case SQL_DESC_CONCISE_TYPE: *num = r->concise_type; break;
    case SQL_DESC_TYPE: *num = r->type; break;
    case SQL_DESC_LENGTH: *num = (SQLLEN)r->length; break;
    case SQL_DESC_OCTET_LENGTH: *num = r->octet_length; break;
    case SQL_DESC_PRECISION: *num = r->precision; break;
    case SQL_DESC_SCALE: case SQL_COLUMN_SCALE: *num = r->scale; break;
    /* The ODBC 2 identifiers keep their ODBC 2 meaning (the driver manager passes them through,
     * and PHP's odbc_field_len asks for SQL_COLUMN_PRECISION): precision is the column size
     * SQLDescribeCol reports (100 for a varchar(100), 26 for a timestamp), length the transfer
     * octet length of the default C type (4 for an int4, 16 for a timestamp). */
    case SQL_COLUMN_PRECISION: *num = (SQLLEN)r->length; break;
    case SQL_COLUMN_LENGTH: *num = r->octet_length; break;
    case SQL_DESC_DISPLAY_SIZE: *num = r->display_size; break;
    case SQL_DESC_NULLABLE: case SQL_COLUMN_NULLABLE: *num = r->nullable; break;
    case SQL_DESC_UNSIGNED: *num = r->is_unsigned ? SQL_TRUE : SQL_FALSE; break;
    case SQL_DESC_FIXED_PREC_SCALE: *num = r->fixed_prec_scale ? SQL_TRUE : SQL_FALSE; break;
    case SQL_DESC_CASE_SENSITIVE: *num = r->case_sensitive ? SQL_TRUE : SQL_FALSE; break;
    case SQL_DESC_SEARCHABLE: *num = r->searchable; break;
    case SQL_DESC_UPDATABLE: *num = r->updatable; break;
    case SQL_DESC_AUTO_UNIQUE_VALUE: *num = SQL_FALSE; break;
    case SQL_DESC_NUM_PREC_RADIX: *num = r->num_prec_radix; break;
    case SQL_DESC_UNNAMED: *num = r->name && *r->name ? SQL_NAMED : SQL_UNNAMED; break;
    case SQL_DESC_DATETIME_INTERVAL_CODE: *num = r->datetime_interval_code; break;
    default:
        return rs_diag_add(&s->diag, "HY091", 0, "Invalid descriptor field identifier %u.", field);
    }
    return SQL_SUCCESS;
}
