/* fuzz_cparam.c - application values to parameter text (rs_c_to_param, cparam.c): every C
 * type against every SQL type, with the appendix D checks, character text parsed as
 * numbers, dates, times, GUIDs and intervals (textparse.c, interval.c).
 *
 * Control bytes: the C type, the SQL type, and a length mode (0: the octet length given,
 * 1: SQL_NTS, 2: the length of a fixed type exactly). The rest is the application's buffer,
 * copied into a heap block of exactly the size the application would pass. Properties:
 * success gives data (or an empty value) and a length that fits where it lives (its own
 * allocation, the value's small buffer, or the application's buffer), text the value holds
 * is terminated; failure a diagnostic. */
#include "fuzz_util.h"

#include "types/convert.h"
#include "types/cparam.h"
#include "types/pgtypes.h"

static const SQLSMALLINT ctypes[] = { FZ_ALL_CTYPES };

static const SQLSMALLINT sqltypes[] = {
    SQL_CHAR, SQL_VARCHAR, SQL_LONGVARCHAR, SQL_WCHAR, SQL_WVARCHAR, SQL_WLONGVARCHAR,
    SQL_BIT, SQL_TINYINT, SQL_SMALLINT, SQL_INTEGER, SQL_BIGINT, SQL_REAL, SQL_FLOAT,
    SQL_DOUBLE, SQL_NUMERIC, SQL_DECIMAL, SQL_TYPE_DATE, SQL_DATE, SQL_TYPE_TIME, SQL_TIME,
    SQL_TYPE_TIMESTAMP, SQL_TIMESTAMP, SQL_BINARY, SQL_VARBINARY, SQL_LONGVARBINARY, SQL_GUID,
    SQL_INTERVAL_YEAR, SQL_INTERVAL_MONTH, SQL_INTERVAL_DAY, SQL_INTERVAL_HOUR,
    SQL_INTERVAL_MINUTE, SQL_INTERVAL_SECOND, SQL_INTERVAL_YEAR_TO_MONTH,
    SQL_INTERVAL_DAY_TO_HOUR, SQL_INTERVAL_DAY_TO_MINUTE, SQL_INTERVAL_DAY_TO_SECOND,
    SQL_INTERVAL_HOUR_TO_MINUTE, SQL_INTERVAL_HOUR_TO_SECOND, SQL_INTERVAL_MINUTE_TO_SECOND,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    SQLSMALLINT ctype = ctypes[fz_byte(&in) % FZ_COUNT(ctypes)];
    SQLSMALLINT sqltype = sqltypes[fz_byte(&in) % FZ_COUNT(sqltypes)];
    unsigned mode = fz_byte(&in) % 3;
    SQLLEN fixed = rs_ctype_size(ctype);
    size_t bytes = in.n;
    SQLLEN len = (SQLLEN)in.n;
    int nts = mode == 1 && (ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR);
    if (ctype == SQL_C_DEFAULT || (fixed > 0 && ctype != SQL_C_BINARY)) {
        /* a fixed-size value (SQL_C_DEFAULT: the SQL type's own C type, at most this big) */
        bytes = ctype == SQL_C_DEFAULT ? sizeof(SQL_INTERVAL_STRUCT) + sizeof(SQL_TIMESTAMP_STRUCT) : (size_t)fixed;
        len = (SQLLEN)bytes;
    } else if (mode == 2 && ctype == SQL_C_BINARY) {
        len = rs_ctype_size(rs_sql_default_ctype(sqltype));   /* the SQL type's own C form */
        bytes = (size_t)len;
    } else if (nts) {
        bytes = in.n + sizeof(SQLWCHAR);
        len = SQL_NTS;
    }
    if (ctype == SQL_C_WCHAR && !nts)
        bytes -= bytes % sizeof(SQLWCHAR), len = (SQLLEN)bytes;
    unsigned char *buf = calloc(1, bytes ? bytes : 1);
    FZ_CHECK(buf != NULL);
    size_t take = in.n < bytes ? in.n : bytes;
    if (nts)
        take -= take % sizeof(SQLWCHAR);   /* keep the terminating unit zero */
    memcpy(buf, in.p, take);

    rs_diag diag = { 0 };
    rs_param_value out;
    SQLRETURN rc = rs_c_to_param(ctype, buf, len, sqltype, 0, &out, &diag, 1, 1);
    if (rc == SQL_SUCCESS) {
        FZ_CHECK(out.len >= 0 && (out.data != NULL || out.len == 0));
        if (out.owned) {
            FZ_CHECK(out.binary || out.data[out.len] == '\0');
        } else if (out.data == out.small) {
            /* short text kept in the value itself */
            FZ_CHECK((size_t)out.len < sizeof out.small && out.small[out.len] == '\0');
        } else if (out.data) {
            FZ_CHECK((const unsigned char *)out.data >= buf
                     && (const unsigned char *)out.data + out.len <= buf + bytes);
        }
        rs_param_value_free(&out);
    } else {
        FZ_CHECK(rc == SQL_ERROR && diag.count > 0 && out.owned == 0);
    }
    rs_diag_free(&diag);
    free(buf);
    return 0;
}
