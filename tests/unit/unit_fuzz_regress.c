/* unit_fuzz_regress.c - inputs the fuzz targets (fuzz/) found to break the driver, kept as
 * plain assertions so make check (and its ASan/UBSan build) catches a regression without
 * clang or libFuzzer. Each case names the target that found it. */
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "aws/aws_error.h"
#include "aws/awsxml.h"
#include "conn/connstr.h"
#include "stmt/sqltext.h"
#include "types/convert.h"
#include "types/cparam.h"
#include "types/interval.h"
#include "types/pgtypes.h"
#include "types/textparse.h"

static rs_diag diag;

static SQLRETURN conv(const char *v, unsigned oid, SQLSMALLINT ctype, void *buf)
{
    rs_diag_clear(&diag);
    rs_conv_target t = { ctype, buf, 0, 0, 0 };
    rs_conv_where w = { &diag, 1, 1, NULL };
    SQLLEN len;
    return rs_text_to_c(v, strlen(v), oid, &t, &len, &w);
}

int main(void)
{
    TAP_PLAN(22);

    /* fuzz_convert: a year of more digits than an int holds overflowed while parsing
     * (signed overflow, UBSan) instead of being refused */
    rs_dt_parts d;
    TAP_OK(rs_parse_datetime("22222222222222-01-01", 20, &d) == -1, "a 14-digit year is no date");
    SQL_DATE_STRUCT ds;
    TAP_OK(conv("22222222222222-01-01", RS_OID_DATE, SQL_C_TYPE_DATE, &ds) == SQL_ERROR && diag.count == 1,
           "a 14-digit year as SQL_C_TYPE_DATE is an error with a diagnostic");
    TAP_OK(rs_parse_datetime("294276-12-31 23:59:59", 21, &d) == 0 && d.year == 294276,
           "the largest year the server prints still parses");
    TAP_OK(rs_parse_datetime("4714-11-24 BC", 13, &d) == 0 && d.year == -4713, "BC years still parse");

    /* fuzz_cparam: an SQL_NUMERIC_STRUCT of scale 126 for an interval parameter made number
     * text longer than the buffer the interval text was built in, and its snprintf length
     * was copied as is (stack-buffer-overflow read) */
    SQL_NUMERIC_STRUCT ns;
    memset(&ns, 0, sizeof ns);
    ns.precision = 38;
    ns.scale = 126;
    ns.sign = 1;
    rs_param_value pv;
    rs_diag_clear(&diag);
    SQLRETURN rc = rs_c_to_param(SQL_C_NUMERIC, &ns, sizeof ns, SQL_INTERVAL_YEAR, 0, &pv, &diag, 1, 1);
    TAP_OK(rc == SQL_SUCCESS && pv.data && (size_t)pv.len == strlen(pv.data),
           "scale 126 numeric to INTERVAL YEAR: the whole text, its length right");
    TAP_OK(rc == SQL_SUCCESS && pv.len > 6 && strcmp(pv.data + pv.len - 6, " years") == 0
           && strncmp(pv.data, "0.000", 5) == 0, "it is the number and its unit (%.20s...)",
           rc == SQL_SUCCESS ? pv.data : "");
    if (rc == SQL_SUCCESS)
        rs_param_value_free(&pv);
    ns.val[0] = 7;
    rs_diag_clear(&diag);
    rc = rs_c_to_param(SQL_C_NUMERIC, &ns, sizeof ns, SQL_INTERVAL_SECOND, 0, &pv, &diag, 1, 1);
    TAP_OK(rc == SQL_SUCCESS && (size_t)pv.len == strlen(pv.data) && strstr(pv.data, "7 secs"),
           "scale 126 numeric to INTERVAL SECOND keeps its last digit");
    if (rc == SQL_SUCCESS)
        rs_param_value_free(&pv);

    /* rs_aws_error_redact looped forever on a secret that reads "<redacted>" (each round
     * put the mark back where the secret was); found by thinking through fuzz_aws_error's
     * property, reproduced there (fuzz/corpus/aws_error/regress-redact-mark) */
    rs_aws_error e;
    rs_aws_error_from_service(&e, "sts AssumeRole", 403, "AccessDenied", "key <redacted> was refused", NULL);
    rs_aws_error_redact(&e, "<redacted>");
    TAP_OK(strstr(e.message, "<redacted>") == NULL && strstr(e.message, "AccessDenied: key "),
           "a secret spelled like the mark is cut, the loop ends (%s)", e.message);
    rs_aws_error_from_service(&e, "sts AssumeRole", 403, "AccessDenied", "token wJalrXUtnFEMI/K7MDENG seen", NULL);
    rs_aws_error_redact(&e, "wJalrXUtnFEMI/K7MDENG");
    TAP_STR(e.message, "sts AssumeRole failed: AccessDenied: token <redacted> seen", "ordinary secrets still become the mark");

    /* fuzz_sqltext (with a long input): every '{' was one more recursion, so a statement of
     * many '{' overflowed the stack; nesting is now bounded and refused with 42000 */
    size_t deep = 200000;
    char *sql = malloc(deep + 1);
    memset(sql, '{', deep);
    sql[deep] = '\0';
    rs_sqltext st;
    char state[6] = "", why[256] = "";
    TAP_OK(rs_sqltext_rewrite(sql, deep, 0, &st, state, why, sizeof why) == -1, "200000 nested '{' are refused");
    TAP_STR(state, "42000", "with 42000 (%s)", why);
    free(sql);
    const char *ok_sql = "SELECT {fn UCASE({fn LCASE({fn LTRIM(?)})})}";
    TAP_OK(rs_sqltext_rewrite(ok_sql, strlen(ok_sql), 0, &st, state, why, sizeof why) == 0
           && strcmp(st.sql, "SELECT UPPER(LOWER(LTRIM($1)))") == 0, "ordinary nesting still rewritten (%s)",
           st.sql ? st.sql : "");
    free(st.sql);
    memset(&st, 0, sizeof st);
    sql = malloc(4 * 64 + 16);
    size_t o = 0;
    for (int i = 0; i < 64; i++) { memcpy(sql + o, "{oj", 3); o += 3; }
    for (int i = 0; i < 64; i++) sql[o++] = '}';
    TAP_OK(rs_sqltext_rewrite(sql, o, 0, &st, state, why, sizeof why) == 0, "64 levels are still allowed");
    free(st.sql);
    free(sql);

    /* fuzz_awsxml (its "entity" seed): an entity reference's children are its declaration,
     * whose siblings lead back through the DTD, so looking an element up recursed without
     * end (stack overflow) on a 134-byte answer */
    static const char dtd[] = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"a\"><!ENTITY y \"&x;&x;\">]>"
                              "<r><Error><Code>&y;</Code></Error></r>";
    rs_xml *x = (rs_xml *)1;
    rs_aws_error xe;
    memset(&xe, 0, sizeof xe);
    TAP_OK(rs_xml_parse(dtd, strlen(dtd), "sts AssumeRole", &x, &xe) == -1 && x == NULL
           && xe.kind == RS_AWS_ERR_PROTOCOL && strstr(xe.message, "DTD"), "an answer with a DTD is refused (%s)", xe.message);
    memset(&xe, 0, sizeof xe);
    TAP_OK(rs_xml_error(dtd, strlen(dtd), 403, "rid", "sts AssumeRole", &xe) == -1 && xe.kind == RS_AWS_ERR_PROTOCOL,
           "and read as an error answer it is no AWS error document");
    static const char ok_xml[] = "<ErrorResponse><!-- c --><?pi x?><Error><Code>ExpiredToken</Code>"
                                 "<Message>gone &amp; expired</Message></Error><RequestId>r1</RequestId></ErrorResponse>";
    char code[64], msg[64];
    TAP_OK(rs_xml_parse(ok_xml, strlen(ok_xml), "sts", &x, &xe) == 0 && rs_xml_text(x, "Error/Code", code, sizeof code) == 0
           && strcmp(code, "ExpiredToken") == 0, "elements are still found past comments and processing instructions");
    TAP_OK(x && rs_xml_text(x, "Error/Message", msg, sizeof msg) == 0 && strcmp(msg, "gone & expired") == 0,
           "predefined entities still read as text (%s)", msg);
    rs_xml_free(x);

    /* fuzz_interval: ISO 8601 seconds ("PT...S") were scaled to microseconds in 64 bits
     * before the 128-bit sum (signed overflow, UB); too large a value is now refused */
    rs_interval iv;
    TAP_OK(rs_interval_parse("PT22222222222226S", 17, &iv) == -1, "PT22222222222226S is out of range");
    TAP_OK(rs_interval_parse("PT999999999999999999.9S", 23, &iv) == -1, "18 digits of seconds too");
    TAP_OK(rs_interval_parse("P1DT9223372036S", 15, &iv) == 0 && iv.days == 1 && iv.usec == 9223372036000000LL,
           "the largest whole seconds that fit still parse");

    /* fuzz_connstr (4,000 execs/s where 35,000 were expected): a braced value took a buffer
     * as long as the rest of the string, so 256 braced values in 64 KiB held 16 MiB */
    size_t big = 60000;
    char *cs_text = malloc(big + 64);
    int cl = snprintf(cs_text, 64, "A={x}}y};B=");
    memset(cs_text + cl, 'z', big);
    rs_connstr cs;
    char cwhy[256];
    TAP_OK(rs_connstr_parse(cs_text, (size_t)cl + big, &cs, cwhy, sizeof cwhy) == 0 && cs.count == 2
           && strcmp(cs.pairs[0].value, "x}y") == 0, "a braced value with '}}' still reads as x}y");
    TAP_OK(cs.count == 2 && malloc_usable_size(cs.pairs[0].value) < 64,
           "and takes a few bytes, not the rest of the 60 KB string (%zu)",
           cs.count == 2 ? malloc_usable_size(cs.pairs[0].value) : 0);
    rs_connstr_free(&cs);
    free(cs_text);

    rs_diag_free(&diag);
    return TAP_DONE();
}
