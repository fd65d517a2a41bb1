/* stmtlog.h - the SQL a statement sends and how it went, in the driver's log.
 *
 * DEBUG: the text sent with its parameter count, then one "result:" line with the time to the
 * first answer, the total time and the rows returned or affected (or the SQLSTATE). A result
 * set that streams gets its line when its last row has been read or it is closed. TRACE adds
 * the parameter values, masked by the logger like everything else. Below DEBUG each hook
 * costs one comparison; nothing here runs per fetched row. */
#ifndef RS_STMTLOG_H
#define RS_STMTLOG_H

#include "handles.h"
#include "util/log.h"

/* sql goes out now: `what` is "execute", "catalog query"...; values may be NULL (then only
 * the count is logged), formats NULL means every value is text. Starts the clock when DEBUG
 * is on, stops it otherwise. */
void rs_stmtlog_sent_(rs_stmt *s, const char *what, const char *sql, int nparams, const char *const *values,
                      const int *lengths, const int *formats);
static inline void rs_stmtlog_sent(rs_stmt *s, const char *what, const char *sql, int nparams,
                                   const char *const *values, const int *lengths, const int *formats)
{
    if (rs_log_enabled(RS_LOG_DEBUG))
        rs_stmtlog_sent_(s, what, sql, nparams, values, lengths, formats);
    else
        s->log_sent_ms = 0;
}

void rs_stmtlog_first_(rs_stmt *s);
void rs_stmtlog_done_(rs_stmt *s, SQLRETURN rc);
void rs_stmtlog_stream_end_(rs_stmt *s, int complete, long rows);

/* An answer has arrived (only the first one counts). */
static inline void rs_stmtlog_first(rs_stmt *s)
{
    if (s->log_sent_ms > 0 && s->log_first_ms == 0)
        rs_stmtlog_first_(s);
}

/* Everything sent has been answered, or the first row of a streamed result set is in. */
static inline void rs_stmtlog_done(rs_stmt *s, SQLRETURN rc)
{
    if (s->log_sent_ms > 0)
        rs_stmtlog_done_(s, rc);
}

/* A streamed result set ended after `rows` rows: complete = 1 the server sent them all,
 * 0 it was closed before (the rest thrown away or cancelled). */
static inline void rs_stmtlog_stream_end(rs_stmt *s, int complete, long rows)
{
    if (s->log_sent_ms > 0)
        rs_stmtlog_stream_end_(s, complete, rows);
}

#endif
