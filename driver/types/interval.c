/* interval.c - interval text <-> SQL_INTERVAL_STRUCT, by direct code (no sscanf, no allocation). */
#include <stdio.h>
#include <string.h>

#include "types/interval.h"

#define USEC_PER_SEC 1000000LL
#define USEC_PER_DAY (86400LL * USEC_PER_SEC)

typedef __int128 i128;

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Unsigned digits; at most 18 so the value fits. Returns digits read, 0 for none, -1 too many. */
static int read_uint(const char **pp, const char *end, int64_t *out)
{
    const char *p = *pp;
    int64_t v = 0;
    int n = 0;
    while (p < end && is_digit(*p)) {
        if (++n > 18)
            return -1;
        v = v * 10 + (*p++ - '0');
    }
    *pp = p;
    *out = v;
    return n;
}

/* ".789" after seconds: microseconds, rounded half up at the seventh digit. */
static int64_t read_fraction_us(const char **pp, const char *end)
{
    const char *p = *pp;
    int64_t us = 0;
    int n = 0, round = 0;
    if (p < end && *p == '.') {
        for (p++; p < end && is_digit(*p); p++, n++) {
            if (n < 6)
                us = us * 10 + (*p - '0');
            else if (n == 6)
                round = *p >= '5';
        }
        for (int i = n; i < 6; i++)
            us *= 10;
    }
    *pp = p;
    return us + round;
}

static int word_is(const char *w, size_t n, const char *a, const char *b, const char *c)
{
    return (a && strlen(a) == n && !memcmp(w, a, n)) || (b && strlen(b) == n && !memcmp(w, b, n)) ||
           (c && strlen(c) == n && !memcmp(w, c, n));
}

/* "P1Y2M3DT4H5M6.789S" (IntervalStyle iso_8601); p is after the P. */
static int parse_iso(const char *p, const char *end, i128 *months, i128 *days, i128 *usec)
{
    int in_time = 0, any = 0;
    while (p < end) {
        if (*p == 'T' && !in_time) {
            in_time = 1;
            p++;
            continue;
        }
        int neg = 0;
        if (*p == '-' || *p == '+')
            neg = *p++ == '-';
        int64_t ip;
        if (read_uint(&p, end, &ip) <= 0)
            return -1;
        int64_t frac = read_fraction_us(&p, end);
        if (p >= end)
            return -1;
        i128 sgn = neg ? -1 : 1;
        char u = *p++;
        if (frac && !(in_time && u == 'S'))
            return -1;
        if (!in_time && u == 'Y') *months += sgn * ip * 12;
        else if (!in_time && u == 'M') *months += sgn * ip;
        else if (!in_time && u == 'W') *days += sgn * ip * 7;
        else if (!in_time && u == 'D') *days += sgn * ip;
        else if (in_time && u == 'H') *usec += sgn * ip * 3600 * USEC_PER_SEC;
        else if (in_time && u == 'M') *usec += sgn * ip * 60 * USEC_PER_SEC;
        else if (in_time && u == 'S') *usec += sgn * ((i128)ip * USEC_PER_SEC + frac);
        else return -1;
        any = 1;
    }
    return any ? 0 : -1;
}

int rs_interval_parse(const char *v, size_t len, rs_interval *out)
{
    const char *p = v, *end = v + len;
    i128 months = 0, days = 0, usec = 0;
    memset(out, 0, sizeof *out);
    while (p < end && is_space(*p))
        p++;
    while (end > p && is_space(end[-1]))
        end--;
    if (p < end && *p == 'P') {
        if (parse_iso(p + 1, end, &months, &days, &usec) < 0)
            return -1;
    } else {
        int any = 0, ago = 0;
        if (p < end && *p == '@')
            p++;
        for (;;) {
            while (p < end && is_space(*p))
                p++;
            if (p == end)
                break;
            if (ago)
                return -1;   /* nothing may follow "ago" */
            if (end - p >= 3 && !memcmp(p, "ago", 3) && (p + 3 == end || is_space(p[3]))) {
                ago = 1;
                p += 3;
                continue;
            }
            int neg = 0;
            if (*p == '-' || *p == '+')
                neg = *p++ == '-';
            i128 sgn = neg ? -1 : 1;
            int64_t ip;
            if (read_uint(&p, end, &ip) <= 0)
                return -1;
            if (p < end && *p == ':') {
                /* [-]H:MM[:SS[.ffffff]] */
                int64_t mi, se = 0, us = 0;
                p++;
                if (read_uint(&p, end, &mi) <= 0 || mi > 59)
                    return -1;
                if (p < end && *p == ':') {
                    p++;
                    if (read_uint(&p, end, &se) <= 0 || se > 59)
                        return -1;
                    us = read_fraction_us(&p, end);
                }
                if (p < end && !is_space(*p))
                    return -1;
                usec += sgn * (((i128)ip * 3600 + mi * 60 + se) * USEC_PER_SEC + us);
                any = 1;
                continue;
            }
            if (p + 1 < end && *p == '-' && is_digit(p[1])) {
                /* SQL-standard year-month "Y-M" (IntervalStyle sql_standard, Redshift's
                 * INTERVAL YEAR TO MONTH) */
                int64_t mo;
                p++;
                if (read_uint(&p, end, &mo) <= 0 || mo > 11 || (p < end && !is_space(*p)))
                    return -1;
                months += sgn * ((i128)ip * 12 + mo);
                any = 1;
                continue;
            }
            int64_t frac = read_fraction_us(&p, end);
            while (p < end && is_space(*p))
                p++;
            if (p == end || is_digit(*p) || *p == '-' || *p == '+') {
                /* a bare number: days before a time ("4 5:12:10.22"), else seconds */
                const char *q = p;
                if (q < end && (*q == '-' || *q == '+'))
                    q++;
                while (q < end && is_digit(*q))
                    q++;
                if (p < end && q < end && *q == ':' && !frac) {
                    days += sgn * ip;
                } else if (p == end) {
                    usec += sgn * ((i128)ip * USEC_PER_SEC + frac);
                } else {
                    return -1;
                }
                any = 1;
                continue;
            }
            const char *w = p;
            while (p < end && *p >= 'a' && *p <= 'z')
                p++;
            size_t n = (size_t)(p - w);
            if (n == 0 || (p < end && !is_space(*p)))
                return -1;
            if (word_is(w, n, "sec", "secs", "second") || word_is(w, n, "seconds", "s", NULL)) {
                usec += sgn * ((i128)ip * USEC_PER_SEC + frac);
            } else if (frac) {
                return -1;   /* the server prints fractions on seconds only */
            } else if (word_is(w, n, "year", "years", "yr") || word_is(w, n, "yrs", "y", NULL)) {
                months += sgn * (i128)ip * 12;
            } else if (word_is(w, n, "mon", "mons", "month") || word_is(w, n, "months", NULL, NULL)) {
                months += sgn * ip;
            } else if (word_is(w, n, "week", "weeks", "w")) {
                days += sgn * (i128)ip * 7;
            } else if (word_is(w, n, "day", "days", "d")) {
                days += sgn * ip;
            } else if (word_is(w, n, "hour", "hours", "hr") || word_is(w, n, "hrs", "h", NULL)) {
                usec += sgn * (i128)ip * 3600 * USEC_PER_SEC;
            } else if (word_is(w, n, "min", "mins", "minute") || word_is(w, n, "minutes", "m", NULL)) {
                usec += sgn * (i128)ip * 60 * USEC_PER_SEC;
            } else {
                return -1;
            }
            any = 1;
        }
        if (!any)
            return -1;
        if (ago) {
            months = -months;
            days = -days;
            usec = -usec;
        }
    }
    if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN ||
        usec > INT64_MAX || usec < INT64_MIN)
        return -1;
    out->months = (int64_t)months;
    out->days = (int64_t)days;
    out->usec = (int64_t)usec;
    return 0;
}

int rs_interval_is_year_month(SQLSMALLINT ctype)
{
    switch (ctype) {
    case SQL_C_INTERVAL_YEAR: case SQL_C_INTERVAL_MONTH: case SQL_C_INTERVAL_YEAR_TO_MONTH:
        return 1;
    default:
        return ctype >= SQL_C_INTERVAL_DAY && ctype <= SQL_C_INTERVAL_MINUTE_TO_SECOND &&
               ctype != SQL_C_INTERVAL_YEAR_TO_MONTH ? 0 : -1;
    }
}

int rs_interval_to_struct(const rs_interval *iv, SQLSMALLINT ctype, SQL_INTERVAL_STRUCT *out)
{
    int ym = rs_interval_is_year_month(ctype);
    memset(out, 0, sizeof *out);
    if (ym < 0)
        return RS_IV_OVERFLOW;
    out->interval_type = (SQLINTERVAL)(ctype - 100);
    uint64_t lead;
    int trunc = 0;
    if (ym) {
        if (iv->days || iv->usec)
            return RS_IV_OVERFLOW;
        out->interval_sign = iv->months < 0 ? SQL_TRUE : SQL_FALSE;
        uint64_t a = iv->months < 0 ? (uint64_t)0 - (uint64_t)iv->months : (uint64_t)iv->months;
        switch (ctype) {
        case SQL_C_INTERVAL_YEAR: lead = a / 12; trunc = a % 12 != 0; out->intval.year_month.year = (SQLUINTEGER)lead; break;
        case SQL_C_INTERVAL_MONTH: lead = a; out->intval.year_month.month = (SQLUINTEGER)lead; break;
        default:
            lead = a / 12;
            out->intval.year_month.year = (SQLUINTEGER)lead;
            out->intval.year_month.month = (SQLUINTEGER)(a % 12);
            break;
        }
    } else {
        if (iv->months)
            return RS_IV_OVERFLOW;
        i128 tot = (i128)iv->days * USEC_PER_DAY + iv->usec;
        out->interval_sign = tot < 0 ? SQL_TRUE : SQL_FALSE;
        unsigned __int128 a = tot < 0 ? (unsigned __int128)-tot : (unsigned __int128)tot;
        uint64_t us = (uint64_t)(a % USEC_PER_SEC), secs = (uint64_t)(a / USEC_PER_SEC);
        SQL_DAY_SECOND_STRUCT *ds = &out->intval.day_second;
        uint64_t h = secs / 3600 % 24, mi = secs / 60 % 60, s = secs % 60;
        switch (ctype) {
        case SQL_C_INTERVAL_DAY: lead = secs / 86400; trunc = secs % 86400 || us; ds->day = (SQLUINTEGER)lead; break;
        case SQL_C_INTERVAL_HOUR: lead = secs / 3600; trunc = secs % 3600 || us; ds->hour = (SQLUINTEGER)lead; break;
        case SQL_C_INTERVAL_MINUTE: lead = secs / 60; trunc = s || us; ds->minute = (SQLUINTEGER)lead; break;
        case SQL_C_INTERVAL_SECOND: lead = secs; ds->second = (SQLUINTEGER)lead; ds->fraction = (SQLUINTEGER)us; break;
        case SQL_C_INTERVAL_DAY_TO_HOUR:
            lead = secs / 86400; trunc = secs % 3600 || us;
            ds->day = (SQLUINTEGER)lead; ds->hour = (SQLUINTEGER)h; break;
        case SQL_C_INTERVAL_DAY_TO_MINUTE:
            lead = secs / 86400; trunc = s || us;
            ds->day = (SQLUINTEGER)lead; ds->hour = (SQLUINTEGER)h; ds->minute = (SQLUINTEGER)mi; break;
        case SQL_C_INTERVAL_DAY_TO_SECOND:
            lead = secs / 86400;
            ds->day = (SQLUINTEGER)lead; ds->hour = (SQLUINTEGER)h; ds->minute = (SQLUINTEGER)mi;
            ds->second = (SQLUINTEGER)s; ds->fraction = (SQLUINTEGER)us; break;
        case SQL_C_INTERVAL_HOUR_TO_MINUTE:
            lead = secs / 3600; trunc = s || us;
            ds->hour = (SQLUINTEGER)lead; ds->minute = (SQLUINTEGER)mi; break;
        case SQL_C_INTERVAL_HOUR_TO_SECOND:
            lead = secs / 3600;
            ds->hour = (SQLUINTEGER)lead; ds->minute = (SQLUINTEGER)mi; ds->second = (SQLUINTEGER)s;
            ds->fraction = (SQLUINTEGER)us; break;
        default: /* MINUTE_TO_SECOND */
            lead = secs / 60;
            ds->minute = (SQLUINTEGER)lead; ds->second = (SQLUINTEGER)s; ds->fraction = (SQLUINTEGER)us; break;
        }
    }
    if (lead > UINT32_MAX)
        return RS_IV_OVERFLOW;
    return trunc ? RS_IV_TRUNCATED : RS_IV_OK;
}

int rs_interval_format(const SQL_INTERVAL_STRUCT *s, SQLSMALLINT ctype, char *out, size_t outlen)
{
    const char *sg = s->interval_sign == SQL_TRUE ? "-" : "";
    int n;
    if (rs_interval_is_year_month(ctype) == 1) {
        const SQL_YEAR_MONTH_STRUCT *y = &s->intval.year_month;
        if (ctype == SQL_C_INTERVAL_YEAR)
            n = snprintf(out, outlen, "%s%lu years", sg, (unsigned long)y->year);
        else if (ctype == SQL_C_INTERVAL_MONTH)
            n = snprintf(out, outlen, "%s%lu mons", sg, (unsigned long)y->month);
        else if (y->month > 11)
            return -1;
        else
            n = snprintf(out, outlen, "%s%lu years %s%lu mons", sg, (unsigned long)y->year, sg,
                         (unsigned long)y->month);
        return n < 0 || (size_t)n >= outlen ? -1 : n;
    }
    if (rs_interval_is_year_month(ctype) != 0)
        return -1;
    const SQL_DAY_SECOND_STRUCT *d = &s->intval.day_second;
    int has_day = 0, has_hour = 0, has_min = 0, has_sec = 0;
    switch (ctype) {
    case SQL_C_INTERVAL_DAY: has_day = 1; break;
    case SQL_C_INTERVAL_HOUR: has_hour = 1; break;
    case SQL_C_INTERVAL_MINUTE: has_min = 1; break;
    case SQL_C_INTERVAL_SECOND: has_sec = 1; break;
    case SQL_C_INTERVAL_DAY_TO_HOUR: has_day = has_hour = 1; break;
    case SQL_C_INTERVAL_DAY_TO_MINUTE: has_day = has_hour = has_min = 1; break;
    case SQL_C_INTERVAL_DAY_TO_SECOND: has_day = has_hour = has_min = has_sec = 1; break;
    case SQL_C_INTERVAL_HOUR_TO_MINUTE: has_hour = has_min = 1; break;
    case SQL_C_INTERVAL_HOUR_TO_SECOND: has_hour = has_min = has_sec = 1; break;
    default: has_min = has_sec = 1; break;
    }
    /* fields after the leading one keep their ranges */
    if ((has_hour && has_day && d->hour > 23) || (has_min && (has_day || has_hour) && d->minute > 59) ||
        (has_sec && (has_day || has_hour || has_min) && d->second > 59) || (has_sec && d->fraction > 999999))
        return -1;
    size_t o = 0;
    out[0] = '\0';
    if (has_day)
        o += (size_t)snprintf(out + o, outlen - o, "%s%lu days ", sg, (unsigned long)d->day);
    if (has_hour && o < outlen)
        o += (size_t)snprintf(out + o, outlen - o, "%s%lu hours ", sg, (unsigned long)d->hour);
    if (has_min && o < outlen)
        o += (size_t)snprintf(out + o, outlen - o, "%s%lu mins ", sg, (unsigned long)d->minute);
    if (has_sec && o < outlen)
        o += (size_t)snprintf(out + o, outlen - o, "%s%lu.%06lu secs ", sg, (unsigned long)d->second,
                              (unsigned long)d->fraction);
    if (o == 0 || o >= outlen)
        return -1;
    out[--o] = '\0';   /* the trailing space */
    return (int)o;
}

int rs_interval_typmod_is_year_month(int typmod)
{
    if (typmod < 0)
        return 0;
    int range = (typmod >> 16) & 0x7FFF;
    const int month = 1 << 1, year = 1 << 2;  /* INTERVAL_MASK(MONTH), INTERVAL_MASK(YEAR) */
    return range != 0 && range != 0x7FFF && (range & ~(month | year)) == 0;
}
