/* textparse.h - exact parsers for the server's number and date/time text, shared by the
 * fetch conversions (convert.c) and the parameter checks (cparam.c). No allocation. */
#ifndef RS_TEXTPARSE_H
#define RS_TEXTPARSE_H

#include <stddef.h>
#include <locale.h>
#include <stdint.h>

typedef struct rs_num_parts {
    int neg;
    const char *ip; size_t ilen;   /* integer digits (leading zeros kept) */
    const char *fp; size_t flen;   /* fraction digits */
    int exp;                       /* decimal exponent, for float text such as 1e+20 */
    int special;                   /* 1 NaN, 2 +Inf, 3 -Inf */
} rs_num_parts;

/* Decimal or float text: [spaces][+-]digits[.digits][e[+-]digits][spaces], NaN, [+-]Infinity.
 * 0 on success, -1 when it is not a number. */
int rs_parse_num(const char *v, size_t len, rs_num_parts *n);

/* The integer part as an unsigned 64-bit magnitude; *frac is set when nonzero digits are
 * dropped. -1 when it does not fit. */
int rs_num_to_u64(const rs_num_parts *n, uint64_t *out, int *frac);

/* The C locale (numbers with a '.'), created once; NULL when it could not be. */
locale_t rs_c_numeric_locale(void);

/* The nearest double (strtod in the C locale on at most 40 significant digits); finite
 * input beyond the double range gives an infinity. */
double rs_num_to_double(const rs_num_parts *n);

typedef struct rs_dt_parts {
    int has_date, has_time;
    int year, month, day, hour, minute, second;
    unsigned fraction;   /* nanoseconds */
} rs_dt_parts;

/* ISO dates, times and timestamps as the server prints them (DateStyle ISO): "2024-01-02",
 * "04:05:06.789", "2024-01-02 04:05:06.789+05:30", years of more than four digits, " BC"
 * (year 0 is 1 BC), 'T' between date and time. The zone offset is read past. Field ranges
 * are checked (month 1-12, day 1-31, hour up to 24) but not the days of a month. */
int rs_parse_datetime(const char *v, size_t len, rs_dt_parts *d);

/* Days in a month of the proleptic Gregorian calendar, astronomical years. */
int rs_days_in_month(int year, int month);

#endif
