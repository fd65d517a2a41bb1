/* attrs.h - environment and connection attributes. */
#ifndef RS_CONN_ATTRS_H
#define RS_CONN_ATTRS_H

#include "handles.h"

/* String attributes are returned through *str (UTF-8), numbers through *num. */
typedef struct rs_attr_value {
    const char *str;
    SQLULEN num;
    int is_str;
} rs_attr_value;

SQLRETURN rs_env_set_attr(rs_env *e, SQLINTEGER attr, SQLPOINTER value);
SQLRETURN rs_env_get_attr(rs_env *e, SQLINTEGER attr, SQLINTEGER *value);

/* value_num: the pointer's integer value; value_str: UTF-8 for string attributes (or NULL). */
SQLRETURN rs_dbc_set_attr(rs_dbc *c, SQLINTEGER attr, SQLULEN value_num, const char *value_str);
SQLRETURN rs_dbc_get_attr(rs_dbc *c, SQLINTEGER attr, rs_attr_value *out);

/* True for attributes whose value is a string. */
int rs_dbc_attr_is_string(SQLINTEGER attr);

/* After connecting: the isolation level SQL_ATTR_TXN_ISOLATION asked for before, if any. */
SQLRETURN rs_dbc_apply_isolation(rs_dbc *c);

#endif
