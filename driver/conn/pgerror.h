/* pgerror.h - libpq failures as diagnostic records: PostgreSQL's SQLSTATE, message,
 * detail and hint pass through; connection failures get advice a user can act on; the
 * server's notices become warnings. */
#ifndef RS_PGERROR_H
#define RS_PGERROR_H

#include <libpq-fe.h>
#include "handles.h"

/* A failed PGresult (or NULL result) on connection c. Marks the connection dead when the
 * socket broke (08S01). Returns SQL_ERROR (or SQL_SUCCESS_WITH_INFO for warnings). */
SQLRETURN rs_diag_from_result(rs_diag *d, rs_dbc *c, const PGresult *res);

/* From now on the server's notices on c's connection become diagnostic records (01000) of the
 * call using it, instead of lines on stderr. */
void rs_pg_notices_to_diag(rs_dbc *c);

/* A failed PQconnectdbParams: maps libpq's message to 08001 / 28000 / 28P01 / 3D000 and adds
 * what to check. iam: the password was a temporary IAM one. */
SQLRETURN rs_diag_from_connect(rs_diag *d, PGconn *pg, const char *host, int port, int iam);

#endif
