/* catalog_util.c - argument handling and type description shared by the catalog functions. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog_util.h"
#include "stmt/result.h"

/* Copy an identifier argument: quoted keeps case (and "" stands for one quote), else lower case;
 * with `escape`, the LIKE special characters get a backslash. */
static char *identifier(const char *arg, int escape)
{
    size_t n = strlen(arg);
    char *out = malloc(n * 2 + 1);
    if (!out)
        return NULL;
    int quoted = n >= 2 && arg[0] == '"' && arg[n - 1] == '"';
    size_t o = 0;
    size_t end = quoted ? n - 1 : n;
    for (size_t i = quoted ? 1 : 0; i < end; i++) {
        char c = arg[i];
        if (quoted && c == '"' && i + 1 < end && arg[i + 1] == '"')
            i++;
        if (escape && (c == '%' || c == '_' || c == '\\'))
            out[o++] = '\\';
        out[o++] = quoted ? c : (char)tolower((unsigned char)c);
    }
    out[o] = '\0';
    return out;
}

char *rs_cat_pattern(const char *arg, int metadata_id)
{
    if (!arg)
        return strdup("%");
    return metadata_id ? identifier(arg, 1) : strdup(arg);
}

char *rs_cat_name(const char *arg, int metadata_id, int *oom)
{
    *oom = 0;
    if (!arg)
        return NULL;
    char *out = metadata_id ? identifier(arg, 0) : strdup(arg);
    *oom = out == NULL;
    return out;
}

const char *rs_cat_catalog(const char *cat)
{
    return cat && *cat && strcmp(cat, "%") != 0 ? cat : NULL;
}

const char *rs_cat_num(char *buf, size_t n, long v)
{
    snprintf(buf, n, "%ld", v);
    return buf;
}

void rs_cat_describe(unsigned oid, int mod, rs_cat_type *o)
{
    const rs_pgtype *t = rs_pgtype_lookup(oid);
    SQLSMALLINT sqlt = rs_pgtype_sql_type(t, mod);   /* as the IRD says (intervals by typmod) */
    int datetime = sqlt == SQL_TYPE_DATE || sqlt == SQL_TYPE_TIME || sqlt == SQL_TYPE_TIMESTAMP;
    int interval = sqlt >= SQL_INTERVAL_YEAR && sqlt <= SQL_INTERVAL_MINUTE_TO_SECOND;
    int character = sqlt == SQL_CHAR || sqlt == SQL_VARCHAR || sqlt == SQL_LONGVARCHAR ||
                    sqlt == SQL_WCHAR || sqlt == SQL_WVARCHAR || sqlt == SQL_WLONGVARCHAR ||
                    sqlt == SQL_BINARY || sqlt == SQL_VARBINARY || sqlt == SQL_LONGVARBINARY;
    int has_digits = t->radix || datetime || interval;
    o->data_type = rs_cat_num(o->b_type, sizeof o->b_type, sqlt);
    o->type_name = t->oid == RS_OID_UNKNOWN ? "unknown" : t->name;
    o->column_size = rs_cat_num(o->b_size, sizeof o->b_size, (long)rs_pgtype_column_size(t, mod));
    o->buffer_length = rs_cat_num(o->b_buf, sizeof o->b_buf, (long)rs_pgtype_octet_length(t, mod));
    o->decimal_digits = has_digits && sqlt != SQL_TYPE_DATE
        ? rs_cat_num(o->b_dig, sizeof o->b_dig, rs_pgtype_decimal_digits(t, mod)) : NULL;
    o->radix = t->radix ? rs_cat_num(o->b_radix, sizeof o->b_radix, t->radix) : NULL;
    o->sql_data_type = rs_cat_num(o->b_sqlt, sizeof o->b_sqlt,
                                  datetime ? SQL_DATETIME : interval ? SQL_INTERVAL : sqlt);
    o->datetime_sub = datetime || interval
        ? rs_cat_num(o->b_sub, sizeof o->b_sub, datetime ? sqlt - 90 : sqlt - 100) : NULL;
    o->char_octet_length = character
        ? rs_cat_num(o->b_oct, sizeof o->b_oct, (long)rs_pgtype_octet_length(t, mod)) : NULL;
}

PGresult *rs_cat_result(const char *const *names, const unsigned *oids, int ncols)
{
    return rs_result_local(names, oids, ncols);
}

void rs_cat_add(PGresult **r, const char *const *row)
{
    if (*r && rs_result_local_add(*r, row) < 0) {
        PQclear(*r);
        *r = NULL;
    }
}

const char *rs_cat_val(const PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

SQLRETURN rs_cat_null_arg(rs_stmt *s, const char *what)
{
    return rs_diag_add(&s->diag, "HY009", 0, "The %s argument must not be a null pointer.", what);
}

SQLRETURN rs_cat_ids_given(rs_stmt *s, int n, const char *const *args)
{
    if (s->metadata_id != SQL_TRUE)
        return SQL_SUCCESS;
    for (int i = 0; i < n; i++)
        if (!args[i])
            return rs_diag_add(&s->diag, "HY009", 0,
                               "With SQL_ATTR_METADATA_ID on, the name arguments must not be null pointers.");
    return SQL_SUCCESS;
}
