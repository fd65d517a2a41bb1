/* handles_alloc.h - creating and destroying handles (SQLAllocHandle / SQLFreeHandle). */
#ifndef RS_HANDLES_ALLOC_H
#define RS_HANDLES_ALLOC_H

#include "handles.h"

int rs_env_alloc(rs_env **out);
/* Called with e locked; unlocks and destroys on success. */
SQLRETURN rs_env_free(rs_env *e);
int rs_dbc_alloc(rs_env *e, rs_dbc **out);
/* Called with c locked; unlocks and destroys on success. */
SQLRETURN rs_dbc_free(rs_dbc *c);
int rs_stmt_alloc(rs_dbc *c, rs_stmt **out);
/* Called with the connection locked; the lock stays held. */
void rs_stmt_free(rs_stmt *s);
int rs_desc_alloc_explicit(rs_dbc *c, rs_desc **out);
void rs_desc_free_explicit(rs_desc *d);

#endif
