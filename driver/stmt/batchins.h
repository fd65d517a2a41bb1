/* batchins.h - a parameter array of a plain INSERT ... VALUES (...) sent as multi-row INSERTs:
 * INSERT INTO t (a, b) VALUES ($1, $2) executed for k parameter sets becomes
 * INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4), ... with k tuples, one statement, one
 * execution on the server instead of k. Redshift has no COPY FROM STDIN; this is how bulk rows
 * go in fast (and Redshift's own advice for INSERT). */
#ifndef RS_BATCHINS_H
#define RS_BATCHINS_H

#include <stddef.h>

/* libpq sends at most 65535 parameters in one statement. */
#define RS_BATCH_MAX_PARAMS 65535
/* At most this many parameter sets in one multi-row INSERT: big enough that the per-statement
 * cost vanishes, small enough that a failing batch re-run set by set stays cheap. */
#define RS_BATCH_MAX_ROWS 1000
/* A batch closes once its values hold this many bytes (the statement stays a sane size). */
#define RS_BATCH_MAX_BYTES (4 * 1024 * 1024)

typedef struct rs_batchins {
    size_t head;        /* text before the tuple: "INSERT INTO t (a, b) VALUES " */
    size_t tuple_end;   /* the tuple is [head, tuple_end), parentheses included */
    size_t len;         /* the whole text */
} rs_batchins;

/* Does the (rewritten) text qualify? Only INSERT INTO name [(columns)] VALUES (tuple) with
 * nothing after the tuple but blanks, comments and ';' — no RETURNING, ON CONFLICT, SELECT,
 * DEFAULT VALUES or several tuples — whose tuple holds the markers $1..$nparams in order,
 * each once. Returns 1 and fills b when it does, else 0. */
int rs_batchins_shape(const char *sql, int nparams, rs_batchins *b);

/* Sets per batch for nparams markers (libpq's parameter limit, RS_BATCH_MAX_ROWS). */
int rs_batchins_max_rows(int nparams);

/* The text of the multi-row INSERT for `rows` tuples; malloc'd, NULL when out of memory. */
char *rs_batchins_text(const char *sql, const rs_batchins *b, int nparams, int rows);

#endif
