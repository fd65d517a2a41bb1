/* stmtlog.c - SQL text, parameters and timings in the log (see stmtlog.h). */
#include <stdio.h>
#include <string.h>

#include "stmt/result.h"
#include "stmt/stmtlog.h"
#include "util/log.h"

#define RS_LOG_PARAM_MAX 256   /* bytes of one parameter value written at TRACE */

void rs_stmtlog_sent_(rs_stmt *s, const char *what, const char *sql, int nparams, const char *const *values,
                      const int *lengths, const int *formats)
{
    unsigned id = s->dbc->id;
    rs_log(RS_LOG_DEBUG, id, "%s: params=%d sql=%s", what, nparams, sql ? sql : "");
    if (values && rs_log_enabled(RS_LOG_TRACE)) {
        for (int i = 0; i < nparams; i++) {
            if (!values[i]) {
                rs_log(RS_LOG_TRACE, id, "param %d: NULL", i + 1);
            } else if (formats && formats[i]) {
                rs_log(RS_LOG_TRACE, id, "param %d: (binary, %d bytes)", i + 1, lengths ? lengths[i] : -1);
            } else {
                size_t n = strlen(values[i]);
                /* no quotes around the value: the masking would take a closing one for part of it */
                rs_log(RS_LOG_TRACE, id, "param %d (%zu bytes%s): %.*s", i + 1, n,
                       n > RS_LOG_PARAM_MAX ? ", cut" : "", (int)(n > RS_LOG_PARAM_MAX ? RS_LOG_PARAM_MAX : n), values[i]);
            }
        }
    }
    s->log_first_ms = 0;
    s->log_sent_ms = rs_log_clock_ms();
}

void rs_stmtlog_first_(rs_stmt *s)
{
    s->log_first_ms = rs_log_clock_ms();
}

/* "first_result_ms=1.2 total_ms=3.4" */
static void timings(const rs_stmt *s, char *buf, size_t n)
{
    double now = rs_log_clock_ms();
    double first = s->log_first_ms > 0 ? s->log_first_ms : now;
    snprintf(buf, n, "first_result_ms=%.1f total_ms=%.1f", first - s->log_sent_ms, now - s->log_sent_ms);
}

/* The SQLSTATE of the first error record, NULL when there is none. */
static const char *error_state(const rs_stmt *s)
{
    for (int i = 0; i < s->diag.count; i++)
        if (!rs_sqlstate_is_warning(s->diag.recs[i].sqlstate))
            return s->diag.recs[i].sqlstate;
    return NULL;
}

void rs_stmtlog_done_(rs_stmt *s, SQLRETURN rc)
{
    char t[96];
    timings(s, t, sizeof t);
    unsigned id = s->dbc->id;
    rs_result *r = s->res;
    if (rc == SQL_ERROR) {
        const char *state = error_state(s);
        rs_log(RS_LOG_DEBUG, id, "result: error sqlstate=%s %s", state ? state : "HY000", t);
    } else if (r && r->streaming) {
        rs_log(RS_LOG_DEBUG, id, "result: streaming first_row_ms=%.1f", s->log_first_ms > 0 ? s->log_first_ms - s->log_sent_ms : 0.0);
        return;   /* the clock runs on until the last row (rs_stmtlog_stream_end) */
    } else if (!r || !r->pg) {
        rs_log(RS_LOG_DEBUG, id, "result: ok empty %s", t);
    } else if (PQresultStatus(r->pg) == PGRES_TUPLES_OK) {
        rs_log(RS_LOG_DEBUG, id, "result: ok %s rows_returned=%ld results=%d", t, (long)s->row_count, r->nqueue);
    } else if (s->row_count >= 0) {
        rs_log(RS_LOG_DEBUG, id, "result: ok %s rows_affected=%ld results=%d command=%s", t, (long)s->row_count,
               r->nqueue, PQcmdStatus(r->pg));
    } else {
        rs_log(RS_LOG_DEBUG, id, "result: ok %s results=%d command=%s", t, r->nqueue, PQcmdStatus(r->pg));
    }
    s->log_sent_ms = 0;
}

void rs_stmtlog_stream_end_(rs_stmt *s, int complete, long rows)
{
    char t[96];
    timings(s, t, sizeof t);
    const char *state = error_state(s);
    if (state)
        rs_log(RS_LOG_DEBUG, s->dbc->id, "result: error sqlstate=%s %s rows_read=%ld streamed=1", state, t, rows);
    else if (complete)
        rs_log(RS_LOG_DEBUG, s->dbc->id, "result: ok %s rows_returned=%ld streamed=1", t, rows);
    else
        rs_log(RS_LOG_DEBUG, s->dbc->id, "result: closed early %s rows_read=%ld streamed=1", t, rows);
    s->log_sent_ms = 0;
}
