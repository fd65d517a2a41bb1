/* textparse.c - the server's number and date/time text, parsed by direct code. */
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/textparse.h"

int rs_parse_num(const char *v, size_t len, rs_num_parts *n)
{
    memset(n, 0, sizeof *n);
    size_t i = 0;
    while (i < len && v[i] == ' ')
        i++;
    while (len > i && v[len - 1] == ' ')
        len--;
    if (len - i == 3 && strncmp(v + i, "NaN", 3) == 0) { n->special = 1; return 0; }
    if (i < len && (v[i] == '-' || v[i] == '+'))
        n->neg = (v[i++] == '-');
    if (len - i == 8 && strncmp(v + i, "Infinity", 8) == 0) { n->special = n->neg ? 3 : 2; return 0; }
    n->ip = v + i;
    while (i < len && v[i] >= '0' && v[i] <= '9')
        i++;
    n->ilen = (size_t)(v + i - n->ip);
    if (i < len && v[i] == '.') {
        n->fp = v + ++i;
        while (i < len && v[i] >= '0' && v[i] <= '9')
            i++;
        n->flen = (size_t)(v + i - n->fp);
    }
    if (n->ilen + n->flen == 0)
        return -1;
    if (i < len && (v[i] == 'e' || v[i] == 'E')) {
        i++;
        int eneg = 0, e = 0, digits = 0;
        if (i < len && (v[i] == '-' || v[i] == '+'))
            eneg = (v[i++] == '-');
        while (i < len && v[i] >= '0' && v[i] <= '9') {
            if (e < 100000)
                e = e * 10 + (v[i] - '0');
            i++;
            digits++;
        }
        if (!digits)
            return -1;
        n->exp = eneg ? -e : e;
    }
    return i == len ? 0 : -1;
}

/* The integer part as an unsigned 64-bit magnitude; sets *frac when digits are dropped. */
int rs_num_to_u64(const rs_num_parts *n, uint64_t *out, int *frac)
{
    uint64_t v = 0;
    *frac = 0;
    /* digits = ip followed by fp, shifted by exp */
    long total_int = (long)n->ilen + n->exp;
    for (long k = 0; k < total_int; k++) {
        int d;
        if ((size_t)k < n->ilen)
            d = n->ip[k] - '0';
        else if ((size_t)k - n->ilen < n->flen)
            d = n->fp[k - (long)n->ilen] - '0';
        else
            d = 0;
        if (v > (UINT64_MAX - (uint64_t)d) / 10)
            return -1;
        v = v * 10 + (uint64_t)d;
    }
    for (long k = total_int < 0 ? 0 : total_int; (size_t)k < n->ilen + n->flen; k++) {
        char c = (size_t)k < n->ilen ? n->ip[k] : n->fp[k - (long)n->ilen];
        if (c != '0')
            *frac = 1;
    }
    *out = v;
    return 0;
}

/* strtod in the C locale, whatever LC_NUMERIC the application chose. */
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void c_locale_init(void)
{
    c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

locale_t rs_c_numeric_locale(void)
{
    pthread_once(&c_locale_once, c_locale_init);
    return c_locale;
}

/* A double from parsed digits: at most 40 significant digits and an exponent go through
 * strtod_l, so numeric text of any length (131072 digits) needs no allocation. */
double rs_num_to_double(const rs_num_parts *n)
{
    char buf[80];
    size_t o = 0;
    long exp10 = n->exp + (long)n->ilen;   /* value = 0.DIGITS x 10^exp10 */
    size_t total = n->ilen + n->flen, k = 0;
    if (n->neg)
        buf[o++] = '-';
    buf[o++] = '.';
    for (; k < total; k++) {   /* skip leading zeros */
        char c = k < n->ilen ? n->ip[k] : n->fp[k - n->ilen];
        if (c != '0')
            break;
        exp10--;
    }
    if (k == total)
        return n->neg ? -0.0 : 0.0;
    for (size_t m = 0; k < total && m < 40; k++, m++)
        buf[o++] = k < n->ilen ? n->ip[k] : n->fp[k - n->ilen];
    /* the exponent, written by hand: snprintf would dominate the conversion */
    char e[24];
    int ne = 0;
    unsigned long ae = exp10 < 0 ? (unsigned long)-exp10 : (unsigned long)exp10;
    do { e[ne++] = (char)('0' + ae % 10); ae /= 10; } while (ae);
    buf[o++] = 'e';
    if (exp10 < 0)
        buf[o++] = '-';
    while (ne)
        buf[o++] = e[--ne];
    buf[o] = '\0';
    locale_t c = rs_c_numeric_locale();
    return c ? strtod_l(buf, NULL, c) : strtod(buf, NULL);
}

static int digits(const char *p, const char *end, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (p + i >= end || p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 0;
}

static const char *parse_time_part(const char *p, const char *end, rs_dt_parts *d)
{
    if (digits(p, end, 2, &d->hour) || p + 2 >= end || p[2] != ':' ||
        digits(p + 3, end, 2, &d->minute))
        return NULL;
    p += 5;
    if (p < end && *p == ':') {
        if (digits(p + 1, end, 2, &d->second))
            return NULL;
        p += 3;
    }
    if (p < end && *p == '.') {
        unsigned f = 0;
        int nd = 0;
        for (p++; p < end && *p >= '0' && *p <= '9'; p++, nd++)
            if (nd < 9)
                f = f * 10 + (unsigned)(*p - '0');
        for (int i = nd; i < 9; i++)
            f *= 10;
        d->fraction = f;
    }
    d->has_time = 1;
    return p;
}

int rs_parse_datetime(const char *v, size_t len, rs_dt_parts *d)
{
    const char *p = v, *end = v + len;
    memset(d, 0, sizeof *d);
    size_t lead = 0;
    while (lead < len && p[lead] >= '0' && p[lead] <= '9')
        lead++;
    if (len >= 10 && lead >= 4 && lead < len && p[lead] == '-') {
        int bc = len >= 3 && strncmp(end - 3, " BC", 3) == 0;
        /* years can have more than four digits; Redshift and PostgreSQL print at least four
         * and at most six (294276 AD), so more than nine is no date and would overflow y */
        if (lead > 9)
            return -1;
        int y = 0;
        while (p < end && *p >= '0' && *p <= '9')
            y = y * 10 + (*p++ - '0');
        if (p >= end || *p != '-' || digits(p + 1, end, 2, &d->month) || p + 3 >= end || p[3] != '-' ||
            digits(p + 4, end, 2, &d->day))
            return -1;
        d->year = bc ? 1 - y : y;
        d->has_date = 1;
        p += 6;
        if (bc)
            end -= 3;
        if (p < end && (*p == ' ' || *p == 'T')) {
            p = parse_time_part(p + 1, end, d);
            if (!p)
                return -1;
        }
    } else {
        p = parse_time_part(p, end, d);
        if (!p)
            return -1;
    }
    /* a time zone offset may follow (+05, -03:30); the value is already in session time */
    if (p < end && (*p == '+' || *p == '-'))
        for (p++; p < end && ((*p >= '0' && *p <= '9') || *p == ':'); p++)
            ;
    if (p != end)
        return -1;
    if (d->has_date && (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31))
        return -1;
    if (d->has_time && (d->hour > 24 || d->minute > 59 || d->second > 60))
        return -1;
    return 0;
}

int rs_days_in_month(int year, int month)
{
    static const int dm[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    /* proleptic Gregorian with astronomical years (1 BC is year 0), as the server counts */
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : dm[month - 1];
}
