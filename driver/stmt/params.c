/* params.c - parameters from the application's buffers. */
#include <stdlib.h>
#include <string.h>

#include "stmt/callparams.h"
#include "stmt/dae.h"
#include "stmt/desc.h"
#include "stmt/params.h"
#include "types/convert.h"
#include "types/pgtypes.h"

SQLRETURN rs_stmt_bind_parameter(rs_stmt *s, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                                 SQLSMALLINT sql_type, SQLULEN col_size, SQLSMALLINT digits,
                                 SQLPOINTER value, SQLLEN buflen, SQLLEN *ind)
{
    if (num < 1)
        return rs_diag_add(&s->diag, "07009", 0, "Invalid parameter number %u: markers are numbered from 1.", num);
    if (!rs_ctype_is_valid(ctype))
        return rs_diag_add(&s->diag, "HY003", 0, "Invalid C data type %d for parameter %u.", ctype, num);
    if (io_type != SQL_PARAM_INPUT && io_type != SQL_PARAM_OUTPUT && io_type != SQL_PARAM_INPUT_OUTPUT)
        return rs_diag_add(&s->diag, "HY105", 0, "Invalid parameter type %d for parameter %u.", io_type, num);
    if (!value && !ind && io_type != SQL_PARAM_OUTPUT)
        return rs_diag_add(&s->diag, "HY009", 0, "Parameter %u: both the value and the length/indicator pointers are null.", num);
    if (buflen < 0 && buflen != SQL_NTS && ctype != SQL_C_DEFAULT &&
        (ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR || ctype == SQL_C_BINARY))
        return rs_diag_add(&s->diag, "HY090", 0, "Invalid buffer length %ld for parameter %u.", (long)buflen, num);
    rs_desc *apd = s->cur_apd, *ipd = &s->ipd;
    if (rs_desc_ensure(apd, num) < 0 || rs_desc_ensure(ipd, num) < 0)
        return rs_diag_oom(&s->diag);
    rs_desc_rec *a = &apd->recs[num], *p = &ipd->recs[num];
    rs_desc_set_type(a, ctype);
    a->data_ptr = value;
    a->octet_length = buflen;
    a->octet_length_ptr = ind;
    a->indicator_ptr = ind;
    rs_desc_set_type(p, sql_type);
    p->parameter_type = io_type;
    p->length = col_size;
    p->precision = (SQLSMALLINT)col_size;
    p->scale = digits;
    return SQL_SUCCESS;
}

/* No arrays, no values. */
static void set_empty(rs_param_set *ps)
{
    ps->n = 0;
    ps->heap = 0;
    ps->types = NULL;
    ps->values = NULL;
    ps->lengths = NULL;
    ps->formats = NULL;
    ps->vals = NULL;
}

void rs_params_free(rs_param_set *ps)
{
    for (int i = 0; i < ps->n && ps->vals; i++)
        rs_param_value_free(&ps->vals[i]);
    if (ps->heap) {
        free(ps->vals);
        free(ps->types);
        free(ps->values);
        free(ps->lengths);
        free(ps->formats);
    }
    set_empty(ps);
}

/* Length/indicator values may sit at any address (row-wise arrays packed without padding,
 * as pyodbc's fast_executemany lays them out): read them byte-wise. */
static SQLLEN read_len(const SQLLEN *p)
{
    SQLLEN v;
    memcpy(&v, p, sizeof v);
    return v;
}

/* The C type a parameter's value has, SQL_C_DEFAULT resolved through its SQL type. */
static SQLSMALLINT param_ctype(const rs_desc_rec *a, const rs_desc_rec *p)
{
    if (a->concise_type != SQL_C_DEFAULT)
        return a->concise_type;
    return rs_sql_default_ctype(p ? p->concise_type : SQL_VARCHAR);
}

/* Bytes from one row's value to the next in a column-wise array. */
static SQLLEN value_stride(const rs_desc_rec *a)
{
    return a->concise_type == SQL_C_CHAR || a->concise_type == SQL_C_WCHAR ||
           a->concise_type == SQL_C_BINARY || a->concise_type == SQL_C_DEFAULT
           ? a->octet_length : rs_ctype_size(a->concise_type);
}

/* base moved to row `row` (rs_desc_addr, inline: this runs for every parameter of every
 * execution, and row 0 without a bind offset is the address itself). */
static void *row_addr(const rs_desc *apd, void *base, SQLLEN elem, SQLULEN row)
{
    if (!base || (row == 0 && !apd->bind_offset_ptr))
        return base;
    return rs_desc_addr(apd, base, elem, row);
}

/* An input indicator that says the value comes with SQLPutData; an output parameter's
 * indicator is written, not read. */
static int ind_at_exec(const rs_stmt *s, int i, const SQLLEN *ind)
{
    if (!ind)
        return 0;
    SQLLEN v = read_len(ind);
    return (v == SQL_DATA_AT_EXEC || v <= SQL_LEN_DATA_AT_EXEC_OFFSET) && rs_call_param_io(s, i) != SQL_PARAM_OUTPUT;
}

int rs_params_at_exec(rs_stmt *s, SQLULEN row, int i)
{
    const rs_desc *apd = s->cur_apd;
    if (i < 1 || i > apd->count)
        return 0;
    return ind_at_exec(s, i, row_addr(apd, apd->recs[i].indicator_ptr, sizeof(SQLLEN), row));
}

int rs_params_slot(rs_stmt *s, SQLULEN row, int i, rs_param_slot *out)
{
    rs_desc *apd = s->cur_apd, *ipd = &s->ipd;
    if (i < 1 || i > apd->count)
        return -1;
    rs_desc_rec *a = &apd->recs[i];
    rs_desc_rec *p = i <= ipd->count ? &ipd->recs[i] : NULL;
    out->data = row_addr(apd, a->data_ptr, row ? value_stride(a) : 0, row);
    out->ind = row_addr(apd, a->indicator_ptr, sizeof(SQLLEN), row);
    out->octet_len = row_addr(apd, a->octet_length_ptr, sizeof(SQLLEN), row);
    out->ctype = param_ctype(a, p);
    out->sql_type = p ? p->concise_type : SQL_VARCHAR;
    out->scale = p ? p->scale : 0;
    out->at_exec = ind_at_exec(s, i, out->ind);
    return 0;
}

SQLRETURN rs_params_build(rs_stmt *s, SQLULEN row, rs_param_set *ps)
{
    set_empty(ps);
    int n = s->nparams;
    if (n == 0)
        return SQL_SUCCESS;
    if (s->cur_apd->count < n)
        return rs_diag_add(&s->diag, "07002", 0,
                           "The statement has %d parameter markers but only %d are bound.", n, s->cur_apd->count);
    if (n <= RS_PARAMS_INLINE) {
        ps->types = ps->in_types;
        ps->values = ps->in_values;
        ps->lengths = ps->in_lengths;
        ps->formats = ps->in_formats;
        ps->vals = ps->in_vals;
        memset(ps->in_types, 0, (size_t)n * sizeof *ps->in_types);
        memset(ps->in_values, 0, (size_t)n * sizeof *ps->in_values);
        memset(ps->in_lengths, 0, (size_t)n * sizeof *ps->in_lengths);
        memset(ps->in_formats, 0, (size_t)n * sizeof *ps->in_formats);
        memset(ps->in_vals, 0, (size_t)n * sizeof *ps->in_vals);
    } else {
        ps->heap = 1;
        ps->types = calloc((size_t)n, sizeof *ps->types);
        ps->values = calloc((size_t)n, sizeof *ps->values);
        ps->lengths = calloc((size_t)n, sizeof *ps->lengths);
        ps->formats = calloc((size_t)n, sizeof *ps->formats);
        ps->vals = calloc((size_t)n, sizeof *ps->vals);
        if (!ps->types || !ps->values || !ps->lengths || !ps->formats || !ps->vals)
            return rs_diag_oom(&s->diag);
    }
    return rs_params_build_at(s, row, ps->types, ps->values, ps->lengths, ps->formats, ps->vals, &ps->n);
}

SQLRETURN rs_params_build_at(rs_stmt *s, SQLULEN row, unsigned *types, char **values, int *lengths,
                             int *formats, rs_param_value *vals, int *nsent)
{
    int n = s->nparams;
    rs_desc *apd = s->cur_apd;
    *nsent = 0;
    if (apd->count < n)
        return rs_diag_add(&s->diag, "07002", 0,
                           "The statement has %d parameter markers but only %d are bound.", n, apd->count);
    /* the server's $j is the application's parameter i, less those it does not get
     * (a {? = call} return value, Redshift's OUT arguments: stmt/callparams.c) */
    int j = 0;
    int call = s->call_escape || s->call_ret;   /* else every parameter is sent as it is */
    for (int i = 0; i < n; i++) {
        if (call && !rs_call_param_sent(s, i + 1))
            continue;
        rs_param_slot sl;
        rs_params_slot(s, row, i + 1, &sl);
        *nsent = j + 1;
        lengths[j] = 0;
        formats[j] = 0;
        if (call && rs_call_param_placeholder(s, i + 1)) {
            /* an OUT argument PostgreSQL wants as NULL; its type comes from the procedure */
            types[j] = 0;
            values[j++] = NULL;
            continue;
        }
        types[j] = rs_sql_type_oid(sl.sql_type);
        const void *data = sl.data;
        SQLLEN len = sl.octet_len ? read_len(sl.octet_len) : SQL_NTS;
        if (!sl.octet_len && sl.ctype == SQL_C_BINARY)
            len = apd->recs[i + 1].octet_length;
        if (sl.at_exec) {
            /* the value SQLPutData gathered (stmt/dae.c) */
            const rs_dae_value *v = rs_dae_value_of(s, row, i + 1);
            if (!v)
                return rs_diag_add(&s->diag, "HY010", 0,
                                   "Parameter %d is data at execution but no data was supplied.", i + 1);
            if (v->isnull || !v->given) {
                values[j++] = NULL;
                continue;
            }
            data = v->buf;
            len = (SQLLEN)v->len;
        } else if (!data || (sl.ind && (read_len(sl.ind) == SQL_NULL_DATA || read_len(sl.ind) == SQL_DEFAULT_PARAM))) {
            values[j++] = NULL;
            continue;
        }
        SQLRETURN rc = rs_c_to_param(sl.ctype, data, len, sl.sql_type, sl.scale,
                                     &vals[j], &s->diag, (SQLLEN)row + 1, i + 1);
        if (!RS_OK(rc))
            return rc;
        values[j] = vals[j].data;
        lengths[j] = vals[j].len;
        formats[j] = vals[j].binary;
        if (vals[j].oid)
            types[j] = vals[j].oid;
        j++;
    }
    *nsent = j;
    return SQL_SUCCESS;
}
