/* catalog_redshift.c - probing for Redshift's catalog views, and the type names they use. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conn/config.h"
#include "stmt/catalog_redshift.h"
#include "stmt/execute.h"
#include "stmt/result.h"
#include "types/pgtypes.h"

/* A relation or function visible on the search path (pg_catalog always is). */
#define VISIBLE_REL(name) \
    "EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.relname = '" name "' " \
    "AND pg_catalog.pg_table_is_visible(c.oid))"

SQLRETURN rs_cat_views(rs_stmt *s, int *flags)
{
    rs_dbc *c = s->dbc;
    /* the answer belongs to one server session: a reconnect of the handle asks again */
    int pid = c->pg ? PQbackendPID(c->pg) : 0;
    if (c->catalog.flags && c->catalog.pg == (const void *)c->pg && c->catalog.pid == pid) {
        *flags = c->catalog.flags - 1;
        return SQL_SUCCESS;
    }
    SQLRETURN rc = rs_stmt_run_query(s,
        "SELECT " VISIBLE_REL("svv_external_schemas") " AND " VISIBLE_REL("svv_external_tables")
        " AND " VISIBLE_REL("svv_external_columns") ", "
        "EXISTS (SELECT 1 FROM pg_catalog.pg_proc p WHERE p.proname = 'pg_get_late_binding_view_cols' "
        "  AND pg_catalog.pg_function_is_visible(p.oid)), "
        VISIBLE_REL("svv_redshift_databases") " AND " VISIBLE_REL("svv_all_schemas") " AND "
        VISIBLE_REL("svv_all_tables") " AND " VISIBLE_REL("svv_all_columns") ", " VISIBLE_REL("pg_proc_info"),
        0, NULL);
    if (!RS_OK(rc))
        return rc;
    int f = 0;
    const PGresult *r = s->res ? s->res->pg : NULL;
    if (r && PQntuples(r) == 1 && PQnfields(r) == 4) {
        f |= PQgetvalue(r, 0, 0)[0] == 't' ? RS_CATV_EXTERNAL : 0;
        f |= PQgetvalue(r, 0, 1)[0] == 't' ? RS_CATV_LATE_BINDING : 0;
        f |= PQgetvalue(r, 0, 2)[0] == 't' ? RS_CATV_DATASHARE : 0;
        f |= PQgetvalue(r, 0, 3)[0] == 't' ? RS_CATV_PROC_INFO : 0;
    }
    c->catalog.pg = c->pg;
    c->catalog.pid = pid;
    c->catalog.flags = f + 1;
    *flags = f;
    rs_stmt_close_cursor(s, 0);
    return rc;
}

int rs_cat_datashare(const rs_stmt *s, int flags)
{
    const rs_dbc *c = s->dbc;
    return (flags & RS_CATV_DATASHARE) && c->cfg_loaded && rs_cfg_num(&c->cfg, RS_KW_METADATA_CURRENT_DB_ONLY) == 0;
}

static const struct { const char *name; unsigned oid; } type_names[] = {
    { "smallint", RS_OID_INT2 }, { "int2", RS_OID_INT2 }, { "integer", RS_OID_INT4 }, { "int", RS_OID_INT4 },
    { "int4", RS_OID_INT4 }, { "bigint", RS_OID_INT8 }, { "int8", RS_OID_INT8 },
    { "numeric", RS_OID_NUMERIC }, { "decimal", RS_OID_NUMERIC }, { "real", RS_OID_FLOAT4 },
    { "float4", RS_OID_FLOAT4 }, { "float", RS_OID_FLOAT4 }, { "double precision", RS_OID_FLOAT8 },
    { "double", RS_OID_FLOAT8 }, { "float8", RS_OID_FLOAT8 }, { "boolean", RS_OID_BOOL }, { "bool", RS_OID_BOOL },
    { "character varying", RS_OID_VARCHAR }, { "varchar", RS_OID_VARCHAR }, { "string", RS_OID_VARCHAR },
    { "character", RS_OID_BPCHAR }, { "char", RS_OID_BPCHAR }, { "bpchar", RS_OID_BPCHAR },
    { "text", RS_OID_TEXT }, { "date", RS_OID_DATE }, { "timestamp without time zone", RS_OID_TIMESTAMP },
    { "timestamp", RS_OID_TIMESTAMP }, { "timestamp with time zone", RS_OID_TIMESTAMPTZ },
    { "timestamptz", RS_OID_TIMESTAMPTZ }, { "time without time zone", RS_OID_TIME }, { "time", RS_OID_TIME },
    { "time with time zone", RS_OID_TIMETZ }, { "timetz", RS_OID_TIMETZ }, { "super", RS_OID_SUPER },
    { "varbyte", RS_OID_VARBYTE }, { "binary varying", RS_OID_VARBYTE }, { "geometry", RS_OID_GEOMETRY },
    { "geography", RS_OID_GEOGRAPHY }, { "hllsketch", RS_OID_HLLSKETCH }, { "interval", RS_OID_INTERVAL },
};

void rs_cat_parse_type(const char *text, unsigned *oid, int *typmod)
{
    char name[64];
    size_t n = 0;
    const char *p = text ? text : "";
    while (isspace((unsigned char)*p))
        p++;
    while (*p && *p != '(' && n + 1 < sizeof name)
        name[n++] = (char)tolower((unsigned char)*p++);
    while (n > 0 && isspace((unsigned char)name[n - 1]))
        n--;
    name[n] = '\0';
    long a = -1, b = -1;
    if (*p == '(') {
        char *end;
        a = strtol(p + 1, &end, 10);
        if (*end == ',')
            b = strtol(end + 1, NULL, 10);
    }
    /* "timestamp(3) without time zone": the words after the modifier decide */
    const char *rest = strchr(p, ')');
    if (rest && strstr(rest, "with time zone") && strncmp(name, "time", 4) == 0)
        snprintf(name + strlen(name), sizeof name - strlen(name), " with time zone");
    *oid = RS_OID_UNKNOWN;
    *typmod = -1;
    for (size_t i = 0; i < sizeof type_names / sizeof *type_names; i++)
        if (strcmp(name, type_names[i].name) == 0) {
            *oid = type_names[i].oid;
            break;
        }
    if (a < 0)
        return;
    switch (*oid) {
    case RS_OID_VARCHAR: case RS_OID_BPCHAR: case RS_OID_VARBYTE:
        *typmod = (int)a + 4;   /* VARHDRSZ, as the server stores it */
        break;
    case RS_OID_NUMERIC:
        *typmod = (int)(((a & 0xFFFF) << 16) | (b < 0 ? 0 : (b & 0xFFFF))) + 4;
        break;
    case RS_OID_TIMESTAMP: case RS_OID_TIMESTAMPTZ: case RS_OID_TIME: case RS_OID_TIMETZ:
        *typmod = (int)a;
        break;
    default:
        break;
    }
}
