/* catalog_redshift.h - what the catalog has beyond pg_catalog, asked once per connection at
 * the first catalog call (never at connect): Redshift's external (Spectrum) views, the
 * late-binding view function and the datashare views. On Redshift they live in pg_catalog; a
 * test server may offer look-alikes on the search path, found the same way. */
#ifndef RS_CATALOG_REDSHIFT_H
#define RS_CATALOG_REDSHIFT_H

#include "handles.h"

enum {
    RS_CATV_EXTERNAL = 1,       /* svv_external_schemas, svv_external_tables, svv_external_columns */
    RS_CATV_LATE_BINDING = 2,   /* pg_get_late_binding_view_cols() */
    RS_CATV_DATASHARE = 4,      /* svv_redshift_databases, svv_all_schemas, svv_all_tables, svv_all_columns */
    RS_CATV_PROC_INFO = 8       /* pg_proc_info: pg_proc with prokind and the OUT arguments */
};

/* The RS_CATV_ flags of this connection; probes with one query the first time. The statement's
 * result is replaced. */
SQLRETURN rs_cat_views(rs_stmt *s, int *flags);

/* The catalog is Redshift's (or shaped like it): pg_catalog lacks what PostgreSQL 8.0 lacked. */
#define rs_cat_is_redshift(flags) (((flags) & (RS_CATV_EXTERNAL | RS_CATV_PROC_INFO)) != 0)

/* The datashare views are to be used: they exist and DatabaseMetadataCurrentDbOnly=0. */
int rs_cat_datashare(const rs_stmt *s, int flags);

/* A type as Redshift's views spell it ("character varying(20)", "numeric(10,2)", "int",
 * "string", "timestamp without time zone") as a server type OID and typmod for the type table. */
void rs_cat_parse_type(const char *text, unsigned *oid, int *typmod);

#endif
