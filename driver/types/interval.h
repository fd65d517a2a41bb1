/* interval.h - PostgreSQL/Redshift interval text <-> ODBC SQL_INTERVAL_STRUCT.
 *
 * The server prints intervals in its IntervalStyle; 'postgres' (the default) gives
 * "1 year 2 mons 3 days 04:05:06.789", 'postgres_verbose' "@ 1 year 2 mons 3 days 4 hours ago"
 * and 'iso_8601' "P1Y2M3DT4H5M6.789S"; all three are read. A value keeps months apart from
 * days and time, as the server does: a year-month structure cannot hold days and a
 * day-time structure cannot hold months (SQLSTATE 22015 rather than a guessed 30-day month).
 * Interval seconds precision is 6: the structure's fraction counts microseconds. */
#ifndef RS_INTERVAL_H
#define RS_INTERVAL_H

#include <stddef.h>
#include <stdint.h>
#include <sql.h>
#include <sqlext.h>

typedef struct rs_interval {
    int64_t months;     /* years * 12 + months, signed */
    int64_t days;       /* signed */
    int64_t usec;       /* the time part in microseconds, signed */
} rs_interval;

/* Parse interval text; 0 on success, -1 when it is not an interval. No allocation. */
int rs_interval_parse(const char *v, size_t len, rs_interval *out);

/* 1 for SQL_C_INTERVAL_YEAR/MONTH/YEAR_TO_MONTH, 0 for the day-time ones, -1 otherwise. */
int rs_interval_is_year_month(SQLSMALLINT ctype);

enum { RS_IV_OK = 0, RS_IV_TRUNCATED = 1 /* 01S07 */, RS_IV_OVERFLOW = -1 /* 22015 */ };

/* Fill an SQL_INTERVAL_STRUCT of the C interval type ctype from a parsed value: the leading
 * field takes what the missing higher fields held (26 hours for 1 day 2 hours in
 * SQL_C_INTERVAL_HOUR). RS_IV_TRUNCATED when trailing fields were dropped, RS_IV_OVERFLOW
 * when the value has a part the type cannot hold or the leading field exceeds 32 bits. */
int rs_interval_to_struct(const rs_interval *iv, SQLSMALLINT ctype, SQL_INTERVAL_STRUCT *out);

/* An application's structure (for the C type ctype) as interval text the server reads
 * ("-1 years -2 mons", "3 days 4 hours 5 mins 6.000789 secs"); out needs 128 bytes.
 * Returns the length, or -1 when a non-leading field is out of its range (22015). */
int rs_interval_format(const SQL_INTERVAL_STRUCT *s, SQLSMALLINT ctype, char *out, size_t outlen);

/* Interval typmod from the server (INTERVAL_TYPMOD(precision, range)): 1 when the column
 * declares only year and/or month fields, else 0 (day-time, or no fields: -1). */
int rs_interval_typmod_is_year_month(int typmod);

#endif
