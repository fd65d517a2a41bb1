/* params.h - bound parameters (APD + IPD) to libpq's parameter arrays for one row of the
 * parameter set. */
#ifndef RS_PARAMS_H
#define RS_PARAMS_H

#include "handles.h"
#include "types/cparam.h"

/* Statements with up to this many markers build their parameters in the set itself (on the
 * caller's stack): no allocation per execution. */
#define RS_PARAMS_INLINE 16

typedef struct rs_param_set {
    int n;
    unsigned *types;      /* declared OIDs (0: infer) */
    char **values;        /* NULL for SQL NULL */
    int *lengths;
    int *formats;
    rs_param_value *vals;
    int heap;             /* the arrays were allocated (more than RS_PARAMS_INLINE markers) */
    /* the arrays of a small statement; values may point into in_vals[].small, so a built set
     * must not be copied or moved */
    unsigned in_types[RS_PARAMS_INLINE];
    char *in_values[RS_PARAMS_INLINE];
    int in_lengths[RS_PARAMS_INLINE];
    int in_formats[RS_PARAMS_INLINE];
    rs_param_value in_vals[RS_PARAMS_INLINE];
} rs_param_set;

/* Where one parameter of one row of the parameter set lives in the application's buffers. */
typedef struct rs_param_slot {
    void *data;            /* ParameterValuePtr for that row (the data-at-execution token) */
    SQLLEN *ind, *octet_len;
    SQLSMALLINT ctype;     /* SQL_C_DEFAULT resolved */
    SQLSMALLINT sql_type;  /* from the IPD */
    SQLSMALLINT scale;
    int at_exec;           /* the indicator says SQL_DATA_AT_EXEC or SQL_LEN_DATA_AT_EXEC(n) */
} rs_param_slot;

/* Parameter i (1-based) of row `row` (0-based). -1 when the parameter is not bound. */
int rs_params_slot(rs_stmt *s, SQLULEN row, int i, rs_param_slot *out);

/* rs_params_slot(...).at_exec alone (0 when the parameter is not bound), without the rest. */
int rs_params_at_exec(rs_stmt *s, SQLULEN row, int i);

/* Build the parameters of row `row` (0-based). Checks that every marker is bound (07002).
 * Always pair with rs_params_free, whatever it returned. */
SQLRETURN rs_params_build(rs_stmt *s, SQLULEN row, rs_param_set *ps);
void rs_params_free(rs_param_set *ps);

/* The same into the caller's arrays of nparams entries each (vals zeroed by the caller, freed
 * with rs_param_value_free), for building many sets into one statement's parameters; *nsent
 * gets the number of server parameters filled in. */
SQLRETURN rs_params_build_at(rs_stmt *s, SQLULEN row, unsigned *types, char **values, int *lengths,
                             int *formats, rs_param_value *vals, int *nsent);

/* SQLBindParameter. */
SQLRETURN rs_stmt_bind_parameter(rs_stmt *s, SQLUSMALLINT num, SQLSMALLINT io_type, SQLSMALLINT ctype,
                                 SQLSMALLINT sql_type, SQLULEN col_size, SQLSMALLINT digits,
                                 SQLPOINTER value, SQLLEN buflen, SQLLEN *ind);

#endif
