/* catalog_typeinfo.c - SQLGetTypeInfo, built locally from the one type table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stmt/catalog.h"
#include "stmt/catalog_util.h"
#include "stmt/execute.h"
#include "stmt/result.h"

#define OID_VARCHAR RS_CAT_VARCHAR
#define OID_INT2 RS_CAT_INT2
#define OID_INT4 RS_CAT_INT4
#define num rs_cat_num

/* CREATE_PARAMS of the types that take them. */
static const char *create_params(unsigned oid)
{
    switch (oid) {
    case RS_OID_VARCHAR: case RS_OID_BPCHAR: case RS_OID_VARBYTE: return "max length";
    case RS_OID_NUMERIC: return "precision,scale";
    default: return NULL;
    }
}

SQLRETURN rs_catalog_type_info(rs_stmt *s, SQLSMALLINT data_type)
{
    static const char *const names[] = {
        "TYPE_NAME", "DATA_TYPE", "COLUMN_SIZE", "LITERAL_PREFIX", "LITERAL_SUFFIX", "CREATE_PARAMS",
        "NULLABLE", "CASE_SENSITIVE", "SEARCHABLE", "UNSIGNED_ATTRIBUTE", "FIXED_PREC_SCALE",
        "AUTO_UNIQUE_VALUE", "LOCAL_TYPE_NAME", "MINIMUM_SCALE", "MAXIMUM_SCALE", "SQL_DATA_TYPE",
        "SQL_DATETIME_SUB", "NUM_PREC_RADIX", "INTERVAL_PRECISION" };
    static const unsigned oids[] = {
        OID_VARCHAR, OID_INT2, OID_INT4, OID_VARCHAR, OID_VARCHAR, OID_VARCHAR, OID_INT2, OID_INT2,
        OID_INT2, OID_INT2, OID_INT2, OID_INT2, OID_VARCHAR, OID_INT2, OID_INT2, OID_INT2, OID_INT2,
        OID_INT4, OID_INT2 };
    int n;
    const rs_pgtype *all = rs_pgtype_all(&n);
    /* ordered by DATA_TYPE, as ODBC asks */
    int order[64];
    int k = 0;
    for (int i = 0; i < n && k < 64; i++) {
        if (data_type != SQL_ALL_TYPES && all[i].sql_type != data_type)
            continue;
        if (all[i].oid == RS_OID_OID || all[i].oid == RS_OID_XID || all[i].oid == RS_OID_NAME)
            continue;   /* system types */
        order[k++] = i;
    }
    for (int i = 1; i < k; i++)
        for (int j = i; j > 0 && all[order[j - 1]].sql_type > all[order[j]].sql_type; j--) {
            int tmp = order[j];
            order[j] = order[j - 1];
            order[j - 1] = tmp;
        }
    PGresult *r = rs_result_local(names, oids, 19);
    for (int i = 0; r && i < k; i++) {
        const rs_pgtype *t = &all[order[i]];
        SQLSMALLINT sqlt = t->sql_type;
        int datetime = sqlt == SQL_TYPE_DATE || sqlt == SQL_TYPE_TIME || sqlt == SQL_TYPE_TIMESTAMP;
        int interval = sqlt >= SQL_INTERVAL_YEAR && sqlt <= SQL_INTERVAL_MINUTE_TO_SECOND;
        char b_type[16], b_size[24], b_case[8], b_srch[8], b_uns[8], b_fix[8], b_min[8], b_max[8],
             b_sqlt[16], b_sub[16], b_radix[16];
        int scaled = sqlt == SQL_NUMERIC || sqlt == SQL_DECIMAL || datetime;
        int maxscale = sqlt == SQL_NUMERIC ? 37 : sqlt == SQL_DECIMAL ? 2 : (datetime && sqlt != SQL_TYPE_DATE) ? 6 : 0;
        const char *row[19] = {
            t->name, num(b_type, sizeof b_type, sqlt),
            num(b_size, sizeof b_size, t->oid == RS_OID_NUMERIC ? 38 : (long)rs_pgtype_column_size(t, -1)),
            t->literal_prefix, t->literal_suffix, create_params(t->oid),
            "1", num(b_case, sizeof b_case, t->case_sensitive), num(b_srch, sizeof b_srch, t->searchable),
            t->radix ? num(b_uns, sizeof b_uns, t->is_unsigned) : NULL,
            num(b_fix, sizeof b_fix, t->oid == RS_OID_MONEY), t->radix ? "0" : NULL, t->name,
            scaled ? num(b_min, sizeof b_min, 0) : NULL, scaled ? num(b_max, sizeof b_max, maxscale) : NULL,
            num(b_sqlt, sizeof b_sqlt, datetime ? SQL_DATETIME : interval ? SQL_INTERVAL : sqlt),
            datetime || interval ? num(b_sub, sizeof b_sub, datetime ? sqlt - 90 : sqlt - 100) : NULL,
            t->radix ? num(b_radix, sizeof b_radix, t->radix) : NULL, NULL,
        };
        if (rs_result_local_add(r, row) < 0) {
            PQclear(r);
            r = NULL;
        }
    }
    return rs_stmt_install_local(s, r);
}
