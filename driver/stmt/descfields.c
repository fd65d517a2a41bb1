/* descfields.c - descriptor fields, one at a time or a record at a time, and copies. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/desc.h"
#include "stmt/descfields.h"
#include "stmt/execute.h"
#include "stmt/fetch.h"
#include "types/convert.h"
#include "types/cparam.h"
#include "types/pgtypes.h"
#include "util/text.h"

#define RS_MAX_NUMERIC_PRECISION 38

/* How a field's value travels through ValuePtr. */
enum { V_SMALL, V_INT, V_LEN, V_ULEN, V_PTR, V_STR };

/* Who may set a field (everyone may read). Explicit descriptors are application descriptors. */
enum { W_APP = 1, W_IPD = 2, W_IRD = 4, HEADER = 8 };

typedef struct field_info {
    SQLSMALLINT id;
    unsigned char kind;
    unsigned char flags;
} field_info;

static const field_info fields[] = {
    { SQL_DESC_ALLOC_TYPE, V_SMALL, HEADER },
    { SQL_DESC_ARRAY_SIZE, V_ULEN, HEADER | W_APP },
    { SQL_DESC_ARRAY_STATUS_PTR, V_PTR, HEADER | W_APP | W_IPD | W_IRD },
    { SQL_DESC_BIND_OFFSET_PTR, V_PTR, HEADER | W_APP },
    { SQL_DESC_BIND_TYPE, V_INT, HEADER | W_APP },
    { SQL_DESC_COUNT, V_SMALL, HEADER | W_APP | W_IPD },
    { SQL_DESC_ROWS_PROCESSED_PTR, V_PTR, HEADER | W_IPD | W_IRD },
    { SQL_DESC_AUTO_UNIQUE_VALUE, V_INT, 0 },
    { SQL_DESC_BASE_COLUMN_NAME, V_STR, 0 },
    { SQL_DESC_BASE_TABLE_NAME, V_STR, 0 },
    { SQL_DESC_CASE_SENSITIVE, V_INT, 0 },
    { SQL_DESC_CATALOG_NAME, V_STR, 0 },
    { SQL_DESC_CONCISE_TYPE, V_SMALL, W_APP | W_IPD },
    { SQL_DESC_DATA_PTR, V_PTR, W_APP | W_IPD },
    { SQL_DESC_DATETIME_INTERVAL_CODE, V_SMALL, W_APP | W_IPD },
    { SQL_DESC_DATETIME_INTERVAL_PRECISION, V_INT, W_APP | W_IPD },
    { SQL_DESC_DISPLAY_SIZE, V_LEN, 0 },
    { SQL_DESC_FIXED_PREC_SCALE, V_SMALL, 0 },
    { SQL_DESC_INDICATOR_PTR, V_PTR, W_APP },
    { SQL_DESC_LABEL, V_STR, 0 },
    { SQL_DESC_LENGTH, V_ULEN, W_APP | W_IPD },
    { SQL_DESC_LITERAL_PREFIX, V_STR, 0 },
    { SQL_DESC_LITERAL_SUFFIX, V_STR, 0 },
    { SQL_DESC_LOCAL_TYPE_NAME, V_STR, 0 },
    { SQL_DESC_NAME, V_STR, W_IPD },
    { SQL_DESC_NULLABLE, V_SMALL, 0 },
    { SQL_DESC_NUM_PREC_RADIX, V_INT, W_APP | W_IPD },
    { SQL_DESC_OCTET_LENGTH, V_LEN, W_APP | W_IPD },
    { SQL_DESC_OCTET_LENGTH_PTR, V_PTR, W_APP },
    { SQL_DESC_PARAMETER_TYPE, V_SMALL, W_IPD },
    { SQL_DESC_PRECISION, V_SMALL, W_APP | W_IPD },
    { SQL_DESC_ROWVER, V_SMALL, 0 },
    { SQL_DESC_SCALE, V_SMALL, W_APP | W_IPD },
    { SQL_DESC_SCHEMA_NAME, V_STR, 0 },
    { SQL_DESC_SEARCHABLE, V_SMALL, 0 },
    { SQL_DESC_TABLE_NAME, V_STR, 0 },
    { SQL_DESC_TYPE, V_SMALL, W_APP | W_IPD },
    { SQL_DESC_TYPE_NAME, V_STR, 0 },
    { SQL_DESC_UNNAMED, V_SMALL, W_IPD },
    { SQL_DESC_UNSIGNED, V_SMALL, 0 },
    { SQL_DESC_UPDATABLE, V_SMALL, 0 },
};

static const field_info *find_field(SQLSMALLINT id)
{
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i].id == id)
            return &fields[i];
    return NULL;
}

int rs_desc_field_is_string(SQLSMALLINT field)
{
    const field_info *f = find_field(field);
    return f && f->kind == V_STR;
}

/* A value read from a descriptor, before it is written out at the field's size. */
typedef struct desc_val {
    SQLLEN num;
    void *ptr;
    const char *str;
} desc_val;

/* ---- the IRD: what the statement knows about its result ---- */

/* The statement functions report into the statement's diagnostics; a descriptor call reports
 * into another handle's, so lend that rs_diag to the statement for the call (swap, call, swap). */
static void swap_diag(rs_stmt *s, rs_diag *d)
{
    rs_diag t = s->diag;
    s->diag = *d;
    *d = t;
}

/* An IRD describes something only once its statement is prepared or executed (HY007);
 * a prepared statement is described now if it was not yet. diag receives the records. */
static SQLRETURN ird_ready(rs_desc *ird, rs_diag *diag)
{
    rs_stmt *s = ird->owner;
    if (!s || s->state == RS_S_ALLOCATED)
        return rs_diag_add(diag, "HY007", 0,
                           "The statement of this implementation row descriptor is not prepared or executed.");
    swap_diag(s, diag);
    SQLRETURN rc = rs_stmt_ensure_described(s);
    swap_diag(s, diag);
    return rc;
}

static SQLRETURN ird_read(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, desc_val *v)
{
    const rs_desc_rec *r = &d->recs[rec];
    switch (field) {
    /* fields SQLColAttribute has no word for */
    case SQL_DESC_DATA_PTR: v->ptr = r->data_ptr; return SQL_SUCCESS;
    case SQL_DESC_INDICATOR_PTR: v->ptr = r->indicator_ptr; return SQL_SUCCESS;
    case SQL_DESC_OCTET_LENGTH_PTR: v->ptr = r->octet_length_ptr; return SQL_SUCCESS;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: v->num = r->datetime_interval_precision; return SQL_SUCCESS;
    case SQL_DESC_PARAMETER_TYPE: v->num = r->parameter_type; return SQL_SUCCESS;
    case SQL_DESC_ROWVER: v->num = SQL_FALSE; return SQL_SUCCESS;
    default:
        break;
    }
    rs_stmt *s = d->owner;
    swap_diag(s, &d->diag);
    SQLRETURN rc = rs_stmt_col_attribute(s, (SQLUSMALLINT)rec, (SQLUSMALLINT)field, &v->str, &v->num);
    swap_diag(s, &d->diag);
    return rc;
}

/* ---- reading ---- */

/* The SQL type name of an IPD record, as the server knows it. */
static const char *ipd_type_name(const rs_desc_rec *r)
{
    return rs_pgtype_lookup(rs_sql_type_oid(r->concise_type))->name;
}

static void rec_read(const rs_desc *d, const rs_desc_rec *r, SQLSMALLINT field, desc_val *v)
{
    int ipd = d->kind == RS_DESC_IPD;
    switch (field) {
    case SQL_DESC_AUTO_UNIQUE_VALUE: v->num = r->auto_unique; break;
    case SQL_DESC_CASE_SENSITIVE: v->num = r->case_sensitive; break;
    case SQL_DESC_CONCISE_TYPE: v->num = r->concise_type; break;
    case SQL_DESC_DATA_PTR: v->ptr = r->data_ptr; break;
    case SQL_DESC_DATETIME_INTERVAL_CODE: v->num = r->datetime_interval_code; break;
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: v->num = r->datetime_interval_precision; break;
    case SQL_DESC_DISPLAY_SIZE: v->num = r->display_size; break;
    case SQL_DESC_FIXED_PREC_SCALE: v->num = r->fixed_prec_scale; break;
    case SQL_DESC_INDICATOR_PTR: v->ptr = r->indicator_ptr; break;
    case SQL_DESC_LENGTH: v->num = (SQLLEN)r->length; break;
    case SQL_DESC_NAME: v->str = r->name ? r->name : ""; break;
    case SQL_DESC_NULLABLE: v->num = ipd ? SQL_NULLABLE : r->nullable; break;
    case SQL_DESC_NUM_PREC_RADIX: v->num = r->num_prec_radix; break;
    case SQL_DESC_OCTET_LENGTH: v->num = r->octet_length; break;
    case SQL_DESC_OCTET_LENGTH_PTR: v->ptr = r->octet_length_ptr; break;
    case SQL_DESC_PARAMETER_TYPE: v->num = r->parameter_type; break;
    case SQL_DESC_PRECISION: v->num = r->precision; break;
    case SQL_DESC_ROWVER: v->num = SQL_FALSE; break;
    case SQL_DESC_SCALE: v->num = r->scale; break;
    case SQL_DESC_SEARCHABLE: v->num = r->searchable; break;
    case SQL_DESC_TYPE: v->num = r->type; break;
    case SQL_DESC_TYPE_NAME: case SQL_DESC_LOCAL_TYPE_NAME:
        v->str = ipd ? ipd_type_name(r) : "";
        break;
    case SQL_DESC_UNNAMED: v->num = r->unnamed; break;
    case SQL_DESC_UNSIGNED: v->num = r->is_unsigned; break;
    case SQL_DESC_UPDATABLE: v->num = r->updatable; break;
    default: v->str = ""; break;  /* the IRD's names: empty elsewhere */
    }
}

static SQLRETURN header_read(rs_desc *d, SQLSMALLINT field, desc_val *v)
{
    switch (field) {
    case SQL_DESC_ALLOC_TYPE: v->num = d->alloc_type; break;
    case SQL_DESC_ARRAY_SIZE: v->num = (SQLLEN)d->array_size; break;
    case SQL_DESC_ARRAY_STATUS_PTR: v->ptr = d->array_status_ptr; break;
    case SQL_DESC_BIND_OFFSET_PTR: v->ptr = d->bind_offset_ptr; break;
    case SQL_DESC_BIND_TYPE: v->num = (SQLLEN)d->bind_type; break;
    case SQL_DESC_COUNT: v->num = d->count; break;
    case SQL_DESC_ROWS_PROCESSED_PTR: v->ptr = d->rows_processed_ptr; break;
    }
    return SQL_SUCCESS;
}

/* Record number checks shared by the readers: 07009, or SQL_NO_DATA past the count. */
static SQLRETURN check_read_rec(rs_desc *d, SQLSMALLINT rec)
{
    if (rec < 0)
        return rs_diag_add(&d->diag, "07009", 0, "Invalid descriptor record number %d.", rec);
    if (rec == 0 && (d->kind == RS_DESC_IPD || d->kind == RS_DESC_IRD))
        return rs_diag_add(&d->diag, "07009", 0,
                           "Record 0 (bookmarks) is not available in this descriptor.");
    if (rec > d->count)
        return SQL_NO_DATA;
    if (rs_desc_ensure(d, rec) < 0)    /* the bookmark record of an empty descriptor */
        return rs_diag_oom(&d->diag);
    return SQL_SUCCESS;
}

static SQLRETURN read_value(rs_desc *d, SQLSMALLINT rec, const field_info *f, desc_val *v)
{
    memset(v, 0, sizeof *v);
    if (d->kind == RS_DESC_IRD) {
        SQLRETURN rc = ird_ready(d, &d->diag);
        if (!RS_OK(rc))
            return rc;
    }
    if (f->flags & HEADER)
        return header_read(d, f->id, v);
    SQLRETURN rc = check_read_rec(d, rec);
    if (rc != SQL_SUCCESS)
        return rc;
    if (d->kind == RS_DESC_IRD)
        return ird_read(d, rec, f->id, v);
    rec_read(d, &d->recs[rec], f->id, v);
    return SQL_SUCCESS;
}

static void write_value(const field_info *f, const desc_val *v, SQLPOINTER out)
{
    if (!out)
        return;
    switch (f->kind) {
    case V_SMALL: *(SQLSMALLINT *)out = (SQLSMALLINT)v->num; break;
    case V_INT: *(SQLINTEGER *)out = (SQLINTEGER)v->num; break;
    case V_LEN: *(SQLLEN *)out = v->num; break;
    case V_ULEN: *(SQLULEN *)out = (SQLULEN)v->num; break;
    case V_PTR: *(SQLPOINTER *)out = v->ptr; break;
    default: break;
    }
}

SQLRETURN rs_desc_get_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char **str)
{
    *str = NULL;
    const field_info *f = find_field(field);
    if (!f)
        return rs_diag_add(&d->diag, "HY091", 0, "Invalid descriptor field identifier %d.", field);
    desc_val v;
    SQLRETURN rc = read_value(d, rec, f, &v);
    if (!RS_OK(rc))
        return rc;
    if (f->kind == V_STR)
        *str = v.str ? v.str : "";
    else
        write_value(f, &v, value);
    return rc;
}

SQLRETURN rs_desc_get_rec(rs_desc *d, SQLSMALLINT rec, rs_desc_rec_info *out)
{
    static const SQLSMALLINT ids[] = { SQL_DESC_NAME, SQL_DESC_TYPE, SQL_DESC_DATETIME_INTERVAL_CODE,
                                       SQL_DESC_OCTET_LENGTH, SQL_DESC_PRECISION, SQL_DESC_SCALE,
                                       SQL_DESC_NULLABLE };
    desc_val v[sizeof ids / sizeof *ids];
    SQLRETURN rc = SQL_SUCCESS;
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        SQLRETURN r = read_value(d, rec, find_field(ids[i]), &v[i]);
        if (!RS_OK(r))
            return r;
        rc = rs_rc_merge(rc, r);
    }
    out->name = v[0].str ? v[0].str : "";
    out->type = (SQLSMALLINT)v[1].num;
    out->subtype = (SQLSMALLINT)v[2].num;
    out->length = v[3].num;
    out->precision = (SQLSMALLINT)v[4].num;
    out->scale = (SQLSMALLINT)v[5].num;
    out->nullable = (SQLSMALLINT)v[6].num;
    return rc;
}

/* ---- types: defaults and the consistency check ---- */

static int is_sql_type(SQLSMALLINT t)
{
    switch (t) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_LONGVARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
    case SQL_WLONGVARCHAR: case SQL_DECIMAL: case SQL_NUMERIC: case SQL_SMALLINT: case SQL_INTEGER:
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE: case SQL_BIT: case SQL_TINYINT: case SQL_BIGINT:
    case SQL_BINARY: case SQL_VARBINARY: case SQL_LONGVARBINARY: case SQL_TYPE_DATE: case SQL_TYPE_TIME:
    case SQL_TYPE_TIMESTAMP: case SQL_GUID:
        return 1;
    default:
        return t >= SQL_INTERVAL_YEAR && t <= SQL_INTERVAL_MINUTE_TO_SECOND;
    }
}

static int interval_has_seconds(SQLSMALLINT code)
{
    return code == SQL_CODE_SECOND || code == SQL_CODE_DAY_TO_SECOND ||
           code == SQL_CODE_HOUR_TO_SECOND || code == SQL_CODE_MINUTE_TO_SECOND;
}

/* The concise type a verbose SQL_DATETIME / SQL_INTERVAL and its code make (0: none). */
static SQLSMALLINT concise_of(SQLSMALLINT type, SQLSMALLINT code)
{
    if (type == SQL_DATETIME && code >= SQL_CODE_DATE && code <= SQL_CODE_TIMESTAMP)
        return (SQLSMALLINT)(SQL_TYPE_DATE - SQL_CODE_DATE + code);
    if (type == SQL_INTERVAL && code >= SQL_CODE_YEAR && code <= SQL_CODE_MINUTE_TO_SECOND)
        return (SQLSMALLINT)(SQL_INTERVAL_YEAR - SQL_CODE_YEAR + code);
    return 0;
}

/* What setting SQL_DESC_TYPE (or CONCISE_TYPE, or the datetime code) resets, per the
 * SQLSetDescField reference. */
static void type_defaults(rs_desc_rec *r)
{
    switch (r->type) {
    case SQL_CHAR: case SQL_VARCHAR: case SQL_WCHAR: case SQL_WVARCHAR:
        r->length = 1;
        r->precision = 0;
        break;
    case SQL_DATETIME:
        r->precision = r->datetime_interval_code == SQL_CODE_TIMESTAMP ? 6 : 0;
        break;
    case SQL_DECIMAL: case SQL_NUMERIC:
        r->precision = RS_MAX_NUMERIC_PRECISION;
        r->scale = 0;
        break;
    case SQL_FLOAT: case SQL_DOUBLE:
        r->precision = 53;           /* binary digits of a float8 */
        break;
    case SQL_REAL:                   /* also SQL_C_FLOAT */
        r->precision = 24;
        break;
    case SQL_INTERVAL:
        r->datetime_interval_precision = 2;
        if (interval_has_seconds(r->datetime_interval_code))
            r->precision = 6;
        break;
    default:
        break;
    }
}

/* The check SQL_DESC_DATA_PTR and SQLSetDescRec trigger: 0 when the record is usable. */
static const char *inconsistency(const rs_desc *d, const rs_desc_rec *r)
{
    int ipd = d->kind == RS_DESC_IPD;
    if (ipd ? !is_sql_type(r->concise_type) : !rs_ctype_is_valid(r->concise_type))
        return ipd ? "the SQL type is not valid" : "the C type is not valid";
    if (r->type == SQL_DATETIME || r->type == SQL_INTERVAL) {
        if (concise_of(r->type, r->datetime_interval_code) != r->concise_type)
            return "SQL_DESC_DATETIME_INTERVAL_CODE does not match the type";
    } else if (r->type != r->concise_type) {
        return "SQL_DESC_TYPE and SQL_DESC_CONCISE_TYPE differ";
    }
    if (r->concise_type == SQL_NUMERIC || r->concise_type == SQL_DECIMAL) {
        if (r->precision < 1 || r->precision > RS_MAX_NUMERIC_PRECISION)
            return "the numeric precision is not between 1 and 38";
        if (r->scale < 0 || r->scale > r->precision)
            return "the numeric scale is not between 0 and the precision";
    }
    if (r->type == SQL_INTERVAL) {
        if (r->datetime_interval_precision < 1 || r->datetime_interval_precision > 9)
            return "the interval leading precision is not between 1 and 9";
        if (interval_has_seconds(r->datetime_interval_code) && (r->precision < 0 || r->precision > 9))
            return "the interval seconds precision is not between 0 and 9";
    }
    return NULL;
}

static SQLRETURN check_consistent(rs_desc *d, const rs_desc_rec *r, int rec)
{
    const char *why = inconsistency(d, r);
    if (why)
        return rs_diag_add(&d->diag, "HY021", 0, "Inconsistent descriptor information in record %d: %s.",
                           rec, why);
    return SQL_SUCCESS;
}

/* ---- setting ---- */

static SQLRETURN set_count(rs_desc *d, SQLLEN n)
{
    if (n < 0 || n > RS_DESC_MAX_RECS)
        return rs_diag_add(&d->diag, "07009", 0, "SQL_DESC_COUNT %ld is not between 0 and %d.",
                           (long)n, RS_DESC_MAX_RECS);
    if (n > d->count) {
        if (rs_desc_ensure(d, (int)n) < 0)
            return rs_diag_oom(&d->diag);
        return SQL_SUCCESS;
    }
    for (int i = (int)n + 1; i <= d->count; i++)
        rs_desc_rec_reset(d, &d->recs[i]);
    d->count = (SQLSMALLINT)n;
    return SQL_SUCCESS;
}

static SQLRETURN header_set(rs_desc *d, SQLSMALLINT field, SQLPOINTER value)
{
    SQLULEN u = (SQLULEN)(uintptr_t)value;
    switch (field) {
    case SQL_DESC_ARRAY_SIZE:
        if (u == 0)
            return rs_diag_add(&d->diag, "HY024", 0, "SQL_DESC_ARRAY_SIZE must be at least 1.");
        d->array_size = u;
        break;
    case SQL_DESC_ARRAY_STATUS_PTR: d->array_status_ptr = value; break;
    case SQL_DESC_BIND_OFFSET_PTR: d->bind_offset_ptr = value; break;
    case SQL_DESC_BIND_TYPE: d->bind_type = (SQLUINTEGER)(uintptr_t)value; break;
    case SQL_DESC_COUNT: return set_count(d, (SQLSMALLINT)(intptr_t)value);
    case SQL_DESC_ROWS_PROCESSED_PTR: d->rows_processed_ptr = value; break;
    }
    return SQL_SUCCESS;
}

/* Record numbers a setter accepts: 07009 otherwise. */
static SQLRETURN check_write_rec(rs_desc *d, SQLSMALLINT rec)
{
    if (rec < 0 || rec > RS_DESC_MAX_RECS)
        return rs_diag_add(&d->diag, "07009", 0, "Invalid descriptor record number %d (1 to %d).",
                           rec, RS_DESC_MAX_RECS);
    if (rec == 0 && d->kind == RS_DESC_IPD)
        return rs_diag_add(&d->diag, "07009", 0, "The IPD has no record 0.");
    if (rs_desc_ensure(d, rec) < 0)
        return rs_diag_oom(&d->diag);
    return SQL_SUCCESS;
}

static SQLRETURN rec_set(rs_desc *d, int rec, SQLSMALLINT field, SQLPOINTER value, const char *str)
{
    rs_desc_rec *r = &d->recs[rec];
    SQLLEN n = (SQLLEN)(intptr_t)value;
    /* any field but the deferred ones unbinds the record (SQLSetDescField reference) */
    if (field != SQL_DESC_DATA_PTR && field != SQL_DESC_INDICATOR_PTR &&
        field != SQL_DESC_OCTET_LENGTH_PTR)
        r->data_ptr = NULL;
    switch (field) {
    case SQL_DESC_TYPE:
        if (n == SQL_DATETIME || n == SQL_INTERVAL) {
            r->type = (SQLSMALLINT)n;
            r->datetime_interval_code = 0;
            r->concise_type = (SQLSMALLINT)n;   /* until the code says which */
        } else {
            rs_desc_set_type(r, (SQLSMALLINT)n);
        }
        type_defaults(r);
        break;
    case SQL_DESC_CONCISE_TYPE:
        rs_desc_set_type(r, (SQLSMALLINT)n);
        type_defaults(r);
        break;
    case SQL_DESC_DATETIME_INTERVAL_CODE: {
        r->datetime_interval_code = (SQLSMALLINT)n;
        SQLSMALLINT c = concise_of(r->type, r->datetime_interval_code);
        if (c) {
            r->concise_type = c;
            type_defaults(r);
        }
        break;
    }
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: r->datetime_interval_precision = (SQLINTEGER)n; break;
    case SQL_DESC_DATA_PTR:
        if (value) {
            /* the IPD keeps no pointer: setting it only asks for the check */
            SQLRETURN rc = check_consistent(d, r, rec);
            if (!RS_OK(rc) || d->kind == RS_DESC_IPD)
                return rc;
        }
        if (d->kind != RS_DESC_IPD)
            r->data_ptr = value;
        break;
    case SQL_DESC_INDICATOR_PTR: r->indicator_ptr = value; break;
    case SQL_DESC_OCTET_LENGTH_PTR: r->octet_length_ptr = value; break;
    case SQL_DESC_LENGTH: r->length = (SQLULEN)(uintptr_t)value; break;
    case SQL_DESC_OCTET_LENGTH: r->octet_length = n; break;
    case SQL_DESC_NUM_PREC_RADIX: r->num_prec_radix = (SQLINTEGER)n; break;
    case SQL_DESC_PRECISION: r->precision = (SQLSMALLINT)n; break;
    case SQL_DESC_SCALE: r->scale = (SQLSMALLINT)n; break;
    case SQL_DESC_PARAMETER_TYPE:
        if (n != SQL_PARAM_INPUT && n != SQL_PARAM_OUTPUT && n != SQL_PARAM_INPUT_OUTPUT)
            return rs_diag_add(&d->diag, "HY105", 0, "Invalid parameter type %ld.", (long)n);
        r->parameter_type = (SQLSMALLINT)n;
        break;
    case SQL_DESC_NAME: {
        char *copy = rs_strdup0(str ? str : "");
        if (!copy)
            return rs_diag_oom(&d->diag);
        free(r->name);
        r->name = copy;
        r->unnamed = *copy ? SQL_NAMED : SQL_UNNAMED;
        break;
    }
    case SQL_DESC_UNNAMED:
        if (n != SQL_UNNAMED)
            return rs_diag_add(&d->diag, "HY091", 0, "SQL_DESC_UNNAMED can only be set to SQL_UNNAMED.");
        r->unnamed = SQL_UNNAMED;
        break;
    }
    return SQL_SUCCESS;
}

SQLRETURN rs_desc_set_field(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT field, SQLPOINTER value,
                            const char *str)
{
    const field_info *f = find_field(field);
    if (!f)
        return rs_diag_add(&d->diag, "HY091", 0, "Invalid descriptor field identifier %d.", field);
    unsigned may = d->kind == RS_DESC_IRD ? W_IRD : d->kind == RS_DESC_IPD ? W_IPD : W_APP;
    if (!(f->flags & may)) {
        if (d->kind == RS_DESC_IRD)
            return rs_diag_add(&d->diag, "HY016", 0, "Fields of an implementation row descriptor are read-only.");
        return rs_diag_add(&d->diag, "HY091", 0, "Descriptor field %d cannot be set in this descriptor.", field);
    }
    if (f->flags & HEADER)
        return header_set(d, field, value);
    SQLRETURN rc = check_write_rec(d, rec);
    if (!RS_OK(rc))
        return rc;
    return rec_set(d, rec, field, value, str);
}

SQLRETURN rs_desc_set_rec(rs_desc *d, SQLSMALLINT rec, SQLSMALLINT type, SQLSMALLINT subtype,
                          SQLLEN length, SQLSMALLINT precision, SQLSMALLINT scale, SQLPOINTER data,
                          SQLLEN *octet_length_ptr, SQLLEN *indicator_ptr)
{
    if (d->kind == RS_DESC_IRD)
        return rs_diag_add(&d->diag, "HY016", 0, "Fields of an implementation row descriptor are read-only.");
    SQLRETURN rc = check_write_rec(d, rec);
    if (!RS_OK(rc))
        return rc;
    rs_desc_rec *r = &d->recs[rec];
    r->data_ptr = NULL;
    if (type == SQL_DATETIME || type == SQL_INTERVAL) {
        r->type = type;
        r->datetime_interval_code = subtype;
        SQLSMALLINT c = concise_of(type, subtype);
        r->concise_type = c ? c : type;
    } else {
        rs_desc_set_type(r, type);
    }
    type_defaults(r);
    r->octet_length = length;
    r->precision = precision;
    r->scale = scale;
    if (d->kind != RS_DESC_IPD) {
        r->octet_length_ptr = octet_length_ptr;
        r->indicator_ptr = indicator_ptr;
    }
    rc = check_consistent(d, r, rec);
    if (!RS_OK(rc))
        return rc;
    if (d->kind != RS_DESC_IPD)
        r->data_ptr = data;
    return SQL_SUCCESS;
}

/* ---- copying ---- */

static int rec_copy(rs_desc_rec *to, const rs_desc_rec *from)
{
    *to = *from;
    to->name = rs_strdup0(from->name);
    to->table_name = rs_strdup0(from->table_name);
    to->schema_name = rs_strdup0(from->schema_name);
    to->base_column_name = rs_strdup0(from->base_column_name);
    if ((from->name && !to->name) || (from->table_name && !to->table_name) ||
        (from->schema_name && !to->schema_name) || (from->base_column_name && !to->base_column_name))
        return -1;
    return 0;
}

SQLRETURN rs_desc_copy(rs_desc *src, rs_desc *dst)
{
    if (dst->kind == RS_DESC_IRD)
        return rs_diag_add(&dst->diag, "HY016", 0, "An implementation row descriptor cannot be the target of a copy.");
    if (src == dst)
        return SQL_SUCCESS;
    if (src->kind == RS_DESC_IRD) {
        SQLRETURN rc = ird_ready(src, &dst->diag);
        if (!RS_OK(rc))
            return rc;
    }
    rs_desc_rec *recs = NULL;
    int n = src->recs ? src->count + 1 : 0;   /* the bookmark record too */
    if (n > 0) {
        recs = calloc((size_t)n, sizeof *recs);
        if (!recs)
            return rs_diag_oom(&dst->diag);
        for (int i = 0; i < n; i++) {
            if (rec_copy(&recs[i], &src->recs[i]) < 0) {
                rs_desc tmp = { .recs = recs, .cap = (SQLSMALLINT)(i + 1) };
                rs_desc_clear(&tmp);
                return rs_diag_oom(&dst->diag);
            }
        }
    }
    rs_desc_clear(dst);
    dst->recs = recs;
    dst->cap = (SQLSMALLINT)n;
    dst->count = src->count;
    dst->array_size = src->array_size;
    dst->array_status_ptr = src->array_status_ptr;
    dst->bind_offset_ptr = src->bind_offset_ptr;
    dst->bind_type = src->bind_type;
    dst->rows_processed_ptr = src->rows_processed_ptr;
    return SQL_SUCCESS;
}
