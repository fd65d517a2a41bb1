/* fuzz_util.h - helpers shared by the fuzz targets: taking control bytes and fields off the
 * front of an input, NUL-terminated copies, and a loud failure for a broken property.
 *
 * A target's input is usually "a few control bytes, then the text a parser reads"; the
 * control bytes choose options (C type, buffer size, a flag) so one corpus covers them all. */
#ifndef RS_FUZZ_UTIL_H
#define RS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct fz_in {
    const uint8_t *p;
    size_t n;
} fz_in;

/* Every ODBC C type a conversion can be asked for, in the order the corpora's control bytes
 * were made with (expanded where sql.h and sqlext.h are included). */
#define FZ_ALL_CTYPES \
    SQL_C_CHAR, SQL_C_WCHAR, SQL_C_BINARY, SQL_C_BIT, SQL_C_TINYINT, SQL_C_STINYINT, \
    SQL_C_UTINYINT, SQL_C_SHORT, SQL_C_SSHORT, SQL_C_USHORT, SQL_C_LONG, SQL_C_SLONG, \
    SQL_C_ULONG, SQL_C_SBIGINT, SQL_C_UBIGINT, SQL_C_FLOAT, SQL_C_DOUBLE, SQL_C_NUMERIC, \
    SQL_C_DATE, SQL_C_TYPE_DATE, SQL_C_TIME, SQL_C_TYPE_TIME, SQL_C_TIMESTAMP, \
    SQL_C_TYPE_TIMESTAMP, SQL_C_GUID, SQL_C_INTERVAL_YEAR, SQL_C_INTERVAL_MONTH, \
    SQL_C_INTERVAL_DAY, SQL_C_INTERVAL_HOUR, SQL_C_INTERVAL_MINUTE, SQL_C_INTERVAL_SECOND, \
    SQL_C_INTERVAL_YEAR_TO_MONTH, SQL_C_INTERVAL_DAY_TO_HOUR, SQL_C_INTERVAL_DAY_TO_MINUTE, \
    SQL_C_INTERVAL_DAY_TO_SECOND, SQL_C_INTERVAL_HOUR_TO_MINUTE, SQL_C_INTERVAL_HOUR_TO_SECOND, \
    SQL_C_INTERVAL_MINUTE_TO_SECOND, SQL_C_DEFAULT

/* One control byte (0 once the input is used up). */
static inline unsigned fz_byte(fz_in *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* The next field: up to the separator byte (not included) or to the end. */
static inline fz_in fz_field(fz_in *in, uint8_t sep)
{
    fz_in f = { in->p, 0 };
    const uint8_t *e = in->n ? memchr(in->p, sep, in->n) : NULL;
    if (e) {
        f.n = (size_t)(e - in->p);
        in->p = e + 1;
        in->n -= f.n + 1;
    } else {
        f.n = in->n;
        in->p += in->n;
        in->n = 0;
    }
    return f;
}

/* A malloc'd NUL-terminated copy (the text may hold NULs of its own). */
static inline char *fz_str(const void *p, size_t n)
{
    char *s = malloc(n + 1);
    if (!s)
        abort();
    if (n)
        memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

/* A property the code promises did not hold: stop as a crash, so libFuzzer keeps the input. */
#define FZ_CHECK(cond) do { \
        if (!(cond)) { \
            fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond); \
            abort(); \
        } \
    } while (0)

#define FZ_COUNT(a) (sizeof(a) / sizeof((a)[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
