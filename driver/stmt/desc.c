/* desc.c - descriptor records. */
#include <stdlib.h>
#include <string.h>

#include "stmt/desc.h"

void rs_desc_init(rs_desc *d, int kind, SQLSMALLINT alloc_type, rs_dbc *dbc, rs_stmt *owner)
{
    memset(d, 0, sizeof *d);
    d->magic = RS_MAGIC_DESC;
    d->kind = kind;
    d->alloc_type = alloc_type;
    d->dbc = dbc;
    d->owner = owner;
    d->array_size = 1;
    d->bind_type = SQL_BIND_BY_COLUMN;
}

static void rec_free_strings(rs_desc_rec *r)
{
    free(r->name);
    free(r->table_name);
    free(r->schema_name);
    free(r->base_column_name);
}

void rs_desc_clear(rs_desc *d)
{
    for (int i = 0; i < d->cap; i++)
        rec_free_strings(&d->recs[i]);
    free(d->recs);
    d->recs = NULL;
    d->cap = 0;
    d->count = 0;
}

void rs_desc_release(rs_desc *d)
{
    rs_desc_clear(d);
    rs_diag_free(&d->diag);
}

void rs_desc_set_type(rs_desc_rec *r, SQLSMALLINT concise)
{
    r->concise_type = concise;
    r->datetime_interval_code = 0;
    switch (concise) {
    case SQL_TYPE_DATE:
        r->type = SQL_DATETIME; r->datetime_interval_code = SQL_CODE_DATE; break;
    case SQL_TYPE_TIME:
        r->type = SQL_DATETIME; r->datetime_interval_code = SQL_CODE_TIME; break;
    case SQL_TYPE_TIMESTAMP:
        r->type = SQL_DATETIME; r->datetime_interval_code = SQL_CODE_TIMESTAMP; break;
    default:
        if (concise >= SQL_INTERVAL_YEAR && concise <= SQL_INTERVAL_MINUTE_TO_SECOND) {
            r->type = SQL_INTERVAL;
            r->datetime_interval_code = (SQLSMALLINT)(concise - 100);
        } else {
            r->type = concise;
        }
    }
}

void rs_desc_rec_reset(rs_desc *d, rs_desc_rec *r)
{
    rec_free_strings(r);
    memset(r, 0, sizeof *r);
    int app = (d->kind == RS_DESC_ARD || d->kind == RS_DESC_APD);
    rs_desc_set_type(r, app ? SQL_C_DEFAULT : SQL_VARCHAR);
    r->parameter_type = SQL_PARAM_INPUT;
    r->nullable = SQL_NULLABLE_UNKNOWN;
    r->unnamed = SQL_UNNAMED;
}

int rs_desc_ensure(rs_desc *d, int n)
{
    if (n >= d->cap) {
        int ncap = d->cap ? d->cap : 8;
        while (ncap <= n)
            ncap *= 2;
        if (ncap > 32767)
            return -1;
        rs_desc_rec *r = realloc(d->recs, (size_t)ncap * sizeof *r);
        if (!r)
            return -1;
        memset(r + d->cap, 0, (size_t)(ncap - d->cap) * sizeof *r);
        for (int i = d->cap; i < ncap; i++)
            rs_desc_rec_reset(d, &r[i]);
        d->recs = r;
        d->cap = (SQLSMALLINT)ncap;
    }
    if (n > d->count)
        d->count = (SQLSMALLINT)n;
    return 0;
}

void rs_desc_trim(rs_desc *d)
{
    while (d->count > 0 && !d->recs[d->count].data_ptr && !d->recs[d->count].indicator_ptr &&
           !d->recs[d->count].octet_length_ptr)
        d->count--;
}

void *rs_desc_addr(const rs_desc *d, void *base, SQLLEN elem, SQLULEN row)
{
    if (!base)
        return NULL;
    char *p = base;
    if (d->bind_offset_ptr)
        p += *d->bind_offset_ptr;
    if (d->bind_type == SQL_BIND_BY_COLUMN)
        p += (SQLLEN)row * elem;
    else
        p += row * d->bind_type;
    return p;
}
