/* log.h - the driver's log, as Amazon's driver has it: LogLevel 0 (off) to 6 (trace),
 * LogPath a directory holding rsodbc.log (mode 0600). One process-wide log behind a lock.
 *
 * The logger masks secrets itself: values of secret keywords written as KEY=value, and every
 * string registered with rs_log_secret(), become "****" before a line reaches the file. */
#ifndef RS_LOG_H
#define RS_LOG_H

enum { RS_LOG_OFF = 0, RS_LOG_FATAL, RS_LOG_ERROR, RS_LOG_WARN, RS_LOG_INFO, RS_LOG_DEBUG, RS_LOG_TRACE };

/* Raise the process's log level and set the directory (NULL: keep, or /tmp at first use). */
void rs_log_configure(int level, const char *dir);

/* The process's level; read it through rs_log_enabled. */
extern int rs_log_level_now;

/* True when a message of this level would be written: test before building costly text.
 * Inline, so a disabled level costs one load and a compare on hot paths. */
static inline int rs_log_enabled(int level)
{
    return level > RS_LOG_OFF && __atomic_load_n(&rs_log_level_now, __ATOMIC_RELAXED) >= level;
}

/* Write one line: timestamp, level, connection id and the message. conn_id 0 means the
 * connection this thread is working for (rs_log_thread_conn), 0 when none. */
void rs_log(int level, unsigned conn_id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Code below the connection layer (AWS calls, credential sources) does not know the
 * connection: the connect code names it for this thread. Returns the previous id, to restore. */
unsigned rs_log_thread_conn(unsigned conn_id);

/* A monotonic clock in milliseconds, for the timings the log reports. */
double rs_log_clock_ms(void);

/* Never write this value to the log (passwords, keys, tokens). Bounded; oldest dropped. */
void rs_log_secret(const char *value);

/* Mask secrets in text (for tests and for callers that echo text elsewhere). Returns a
 * malloc'd string or NULL. */
char *rs_log_mask(const char *text);

#endif
