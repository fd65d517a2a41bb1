/* fuzz_convert.c - server text to every C type (rs_text_to_c): the appendix D conversions
 * of convert.c, with textparse.c and interval.c underneath.
 *
 * Control bytes: the column's type (one of the OIDs the server sends), the C type, the
 * buffer length for character/binary targets (0..255), precision and scale for
 * SQL_C_NUMERIC, and bit 0 of a flag byte for SQLGetData pieces (called until SQL_NO_DATA,
 * at most 64 times). The rest is the value. The target buffer is exactly as large as the
 * application's would be, so AddressSanitizer sees any write past it.
 * Properties: the shortcut the fetch path picks for the pair (rs_conv_pick) gives exactly what
 * rs_text_to_c gives; fixed-length targets report their size; character targets are
 * terminated inside the buffer. */
#include "fuzz_util.h"

#include "types/convert.h"
#include "types/pgtypes.h"

static const unsigned oids[] = {
    RS_OID_BOOL, RS_OID_BYTEA, RS_OID_CHAR, RS_OID_NAME, RS_OID_INT8, RS_OID_INT2, RS_OID_INT4,
    RS_OID_TEXT, RS_OID_OID, RS_OID_XID, RS_OID_JSON, RS_OID_FLOAT4, RS_OID_FLOAT8,
    RS_OID_UNKNOWN, RS_OID_MONEY, RS_OID_BPCHAR, RS_OID_VARCHAR, RS_OID_DATE, RS_OID_TIME,
    RS_OID_TIMESTAMP, RS_OID_TIMESTAMPTZ, RS_OID_INTERVAL, RS_OID_TIMETZ, RS_OID_NUMERIC,
    RS_OID_UUID, RS_OID_GEOMETRY, RS_OID_GEOGRAPHY, RS_OID_HLLSKETCH, RS_OID_SUPER,
    RS_OID_VARBYTE, RS_OID_GEOMETRY_VALUE, RS_OID_INTERVALY2M, RS_OID_INTERVALD2S, 99999,
};

static const SQLSMALLINT ctypes[] = { FZ_ALL_CTYPES, 12345 };   /* and one that is none */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_in in = { data, size };
    unsigned oid = oids[fz_byte(&in) % FZ_COUNT(oids)];
    SQLSMALLINT ctype = ctypes[fz_byte(&in) % FZ_COUNT(ctypes)];
    SQLLEN buflen = (SQLLEN)fz_byte(&in);
    SQLSMALLINT precision = (SQLSMALLINT)(fz_byte(&in) % 40);
    SQLSMALLINT scale = (SQLSMALLINT)((signed char)fz_byte(&in) % 40);
    int pieces = fz_byte(&in) & 1;
    char *value = fz_str(in.p, in.n);   /* the server's values are terminated, as libpq's are */

    SQLLEN fixed = rs_ctype_size(ctype);
    int variable = ctype == SQL_C_CHAR || ctype == SQL_C_WCHAR || ctype == SQL_C_BINARY;
    size_t bytes = variable ? (size_t)buflen : (size_t)fixed;
    unsigned char *buf = malloc(bytes ? bytes : 1);
    FZ_CHECK(buf != NULL);

    /* The shortcut the fetch path picks for this pair (types/convfast.c) gives exactly what the
     * general conversion gives: return code, length, SQLSTATE, piece offset, target bytes. */
    {
        unsigned char *fast_buf = malloc(bytes ? bytes : 1), *gen_buf = malloc(bytes ? bytes : 1);
        FZ_CHECK(fast_buf != NULL && gen_buf != NULL);
        memset(fast_buf, 0xA5, bytes ? bytes : 1);
        memset(gen_buf, 0xA5, bytes ? bytes : 1);
        rs_diag fd = { 0 }, gd = { 0 };
        SQLLEN fo = 0, go = 0, fl = -7, gl = -7;
        rs_conv_target ft = { ctype, fast_buf, variable ? buflen : 0, precision, scale };
        rs_conv_target gt = ft;
        gt.ptr = gen_buf;
        rs_conv_where fw = { &fd, 1, 1, pieces ? &fo : NULL }, gw = { &gd, 1, 1, pieces ? &go : NULL };
        SQLRETURN frc = rs_conv_pick(oid, ctype)(value, in.n, oid, &ft, &fl, &fw);
        SQLRETURN grc = rs_text_to_c(value, in.n, oid, &gt, &gl, &gw);
        FZ_CHECK(frc == grc && fl == gl && fo == go && fd.count == gd.count);
        FZ_CHECK(fd.count == 0 || strcmp(fd.recs[0].sqlstate, gd.recs[0].sqlstate) == 0);
        FZ_CHECK(memcmp(fast_buf, gen_buf, bytes ? bytes : 1) == 0);
        rs_diag_free(&fd);
        rs_diag_free(&gd);
        free(fast_buf);
        free(gen_buf);
    }

    rs_diag diag = { 0 };
    SQLLEN offset = 0;
    rs_conv_target t = { ctype, buf, variable ? buflen : 0, precision, scale };
    rs_conv_where w = { &diag, 1, 1, pieces ? &offset : NULL };
    for (int call = 0; call < (pieces ? 64 : 1); call++) {
        SQLLEN len_out = -12345;
        rs_diag_clear(&diag);
        SQLRETURN rc = rs_text_to_c(value, in.n, oid, &t, &len_out, &w);
        if (rc == SQL_NO_DATA || rc == SQL_ERROR) {
            FZ_CHECK(rc == SQL_NO_DATA || diag.count > 0);
            break;
        }
        FZ_CHECK(rc == SQL_SUCCESS || rc == SQL_SUCCESS_WITH_INFO);
        if (!variable)
            FZ_CHECK(len_out == fixed);
        else
            FZ_CHECK(len_out >= 0 || len_out == SQL_NO_TOTAL);
        if (ctype == SQL_C_CHAR && buflen > 0)
            FZ_CHECK(memchr(buf, '\0', (size_t)buflen) != NULL);
        if (ctype == SQL_C_WCHAR && buflen >= (SQLLEN)sizeof(SQLWCHAR)) {
            int terminated = 0;
            for (size_t i = 0; i + 1 < (size_t)buflen; i += sizeof(SQLWCHAR))
                terminated |= ((SQLWCHAR *)buf)[i / sizeof(SQLWCHAR)] == 0;
            FZ_CHECK(terminated);
        }
    }
    rs_diag_free(&diag);
    free(buf);
    free(value);
    return 0;
}
