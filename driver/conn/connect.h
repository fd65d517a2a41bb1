/* connect.h - opening and closing the libpq connection behind a connection handle. */
#ifndef RS_CONNECT_H
#define RS_CONNECT_H

#include "handles.h"

/* Load the configuration (connection string, DSN, defaults), authenticate (password or IAM)
 * and connect. On success c->pg is open and the session is set up. */
SQLRETURN rs_dbc_connect(rs_dbc *c, const rs_config_input *in);

/* Close the connection; statements stay allocated. */
SQLRETURN rs_dbc_disconnect(rs_dbc *c);

/* True when IAM is asked for (IAM=1 or an AWS AuthType). */
int rs_cfg_wants_iam(const rs_config *cfg);

/* What is missing for a connection attempt, for SQLDriverConnect's prompt modes;
 * NULL when nothing. */
const char *rs_cfg_missing(const rs_config *cfg);

#endif
