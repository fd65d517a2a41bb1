/* desc.c - descriptors through unixODBC: SQLGetDescField/SQLSetDescField (A and W),
 * SQLGetDescRec/SQLSetDescRec, SQLCopyDesc; the implicit ARD/APD/IRD/IPD of a statement and
 * explicitly allocated ones used as a statement's ARD or APD; the IRD agreeing with
 * SQLColAttribute; the SQLSTATEs of the reference (HY016, HY021, HY007, 07009, HY091). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "odbctest.h"

static SQLHENV env;
static SQLHDBC dbc;
static int overflows;   /* fields whose value was written past the size ODBC gives them */

#define T_DESC_RC(d, rc, want, ...) t_rc((rc), (want), SQL_HANDLE_DESC, (d), __VA_ARGS__)
#define IV(v) ((SQLPOINTER)(intptr_t)(v))

static SQLHDESC stmt_desc(SQLHSTMT st, SQLINTEGER attr)
{
    SQLHDESC d = SQL_NULL_HDESC;
    if (!SQL_SUCCEEDED(SQLGetStmtAttr(st, attr, &d, SQL_IS_POINTER, NULL)))
        t_print_diag(SQL_HANDLE_STMT, st);
    return d;
}

/* The size the ODBC reference gives each numeric field's value. */
static size_t field_size(SQLSMALLINT f)
{
    switch (f) {
    case SQL_DESC_ALLOC_TYPE: case SQL_DESC_COUNT: case SQL_DESC_CONCISE_TYPE:
    case SQL_DESC_DATETIME_INTERVAL_CODE: case SQL_DESC_FIXED_PREC_SCALE: case SQL_DESC_NULLABLE:
    case SQL_DESC_PARAMETER_TYPE: case SQL_DESC_PRECISION: case SQL_DESC_ROWVER: case SQL_DESC_SCALE:
    case SQL_DESC_SEARCHABLE: case SQL_DESC_TYPE: case SQL_DESC_UNNAMED: case SQL_DESC_UNSIGNED:
    case SQL_DESC_UPDATABLE:
        return sizeof(SQLSMALLINT);
    case SQL_DESC_BIND_TYPE: case SQL_DESC_AUTO_UNIQUE_VALUE: case SQL_DESC_CASE_SENSITIVE:
    case SQL_DESC_DATETIME_INTERVAL_PRECISION: case SQL_DESC_NUM_PREC_RADIX:
        return sizeof(SQLINTEGER);
    case SQL_DESC_DISPLAY_SIZE: case SQL_DESC_OCTET_LENGTH:
        return sizeof(SQLLEN);
    case SQL_DESC_ARRAY_SIZE: case SQL_DESC_LENGTH:
        return sizeof(SQLULEN);
    default:
        return sizeof(SQLPOINTER);
    }
}

/* Read a numeric or pointer field; bytes past its size must stay untouched. */
static SQLRETURN getf(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f, long long *out)
{
    unsigned char buf[32];
    memset(buf, 0xAB, sizeof buf);
    *out = -999999;
    SQLRETURN rc = SQLGetDescField(d, rec, f, buf, sizeof buf, NULL);
    if (!SQL_SUCCEEDED(rc))
        return rc;
    size_t n = field_size(f);
    for (size_t i = n; i < sizeof buf; i++)
        if (buf[i] != 0xAB) {
            t_diag("field %d of record %d wrote past its %zu bytes", f, rec, n);
            overflows++;
            break;
        }
    switch (n) {
    case 2: { SQLSMALLINT v; memcpy(&v, buf, 2); *out = v; break; }
    case 4: { SQLINTEGER v; memcpy(&v, buf, 4); *out = v; break; }
    default:
        if (f == SQL_DESC_DISPLAY_SIZE || f == SQL_DESC_OCTET_LENGTH) {
            SQLLEN v; memcpy(&v, buf, sizeof v); *out = v;
        } else {
            uint64_t v; memcpy(&v, buf, sizeof v); *out = (long long)v;
        }
    }
    return rc;
}

static long long get(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f)
{
    long long v;
    SQLRETURN rc = getf(d, rec, f, &v);
    if (!SQL_SUCCEEDED(rc)) {
        t_diag("SQLGetDescField(%d, %d) returned %d", rec, f, rc);
        t_print_diag(SQL_HANDLE_DESC, d);
    }
    return v;
}

static SQLRETURN setf(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f, SQLPOINTER v)
{
    return SQLSetDescField(d, rec, f, v, 0);
}

static const char *gets_(SQLHDESC d, SQLSMALLINT rec, SQLSMALLINT f, char *buf, SQLINTEGER len)
{
    SQLINTEGER out = -1;
    strcpy(buf, "(error)");
    if (!SQL_SUCCEEDED(SQLGetDescField(d, rec, f, buf, len, &out)))
        t_print_diag(SQL_HANDLE_DESC, d);
    return buf;
}

static long long ptrv(const void *p)
{
    return (long long)(uintptr_t)p;
}

/* ---- application descriptors: every settable field, the type defaults, unbinding ---- */

static void test_ard_fields(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    t_ok(ard != SQL_NULL_HDESC, "SQLGetStmtAttr(SQL_ATTR_APP_ROW_DESC) gives the implicit ARD");
    t_is_int(get(ard, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO, "implicit ARD: ALLOC_AUTO");
    t_is_int(get(ard, 0, SQL_DESC_COUNT), 0, "a fresh ARD has no records");
    t_is_int(get(ard, 0, SQL_DESC_ARRAY_SIZE), 1, "ARRAY_SIZE defaults to 1");
    t_is_int(get(ard, 0, SQL_DESC_BIND_TYPE), SQL_BIND_BY_COLUMN, "BIND_TYPE defaults to by column");

    /* header fields, and the statement attributes that are the same storage */
    SQLUSMALLINT status[4];
    SQLLEN offset = 0;
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_ARRAY_SIZE, IV(4)), SQL_SUCCESS, "set ARRAY_SIZE 4");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_ARRAY_STATUS_PTR, status), SQL_SUCCESS, "set ARRAY_STATUS_PTR");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_BIND_OFFSET_PTR, &offset), SQL_SUCCESS, "set BIND_OFFSET_PTR");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_BIND_TYPE, IV(24)), SQL_SUCCESS, "set BIND_TYPE 24");
    t_is_int(get(ard, 0, SQL_DESC_ARRAY_SIZE), 4, "ARRAY_SIZE reads back");
    t_is_int(get(ard, 0, SQL_DESC_ARRAY_STATUS_PTR), ptrv(status), "ARRAY_STATUS_PTR reads back");
    t_is_int(get(ard, 0, SQL_DESC_BIND_OFFSET_PTR), ptrv(&offset), "BIND_OFFSET_PTR reads back");
    t_is_int(get(ard, 0, SQL_DESC_BIND_TYPE), 24, "BIND_TYPE reads back");
    SQLULEN size = 0;
    SQLGetStmtAttr(st, SQL_ATTR_ROW_ARRAY_SIZE, &size, 0, NULL);
    t_is_int((long long)size, 4, "SQL_ATTR_ROW_ARRAY_SIZE is the ARD's ARRAY_SIZE");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_ARRAY_SIZE, IV(0)), SQL_ERROR, "ARRAY_SIZE 0 is refused");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_ALLOC_TYPE, IV(SQL_DESC_ALLOC_USER)), SQL_ERROR,
              "ALLOC_TYPE is read-only");
    t_state(SQL_HANDLE_DESC, ard, "HY091", "ALLOC_TYPE: HY091");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_ROWS_PROCESSED_PTR, &size), SQL_ERROR,
              "ROWS_PROCESSED_PTR is not an ARD field");
    t_state(SQL_HANDLE_DESC, ard, "HY091", "ROWS_PROCESSED_PTR on an ARD: HY091");
    T_DESC_RC(ard, setf(ard, 1, 9999, IV(1)), SQL_ERROR, "an unknown field is refused");
    t_state(SQL_HANDLE_DESC, ard, "HY091", "unknown field: HY091");
    setf(ard, 0, SQL_DESC_ARRAY_SIZE, IV(1));
    setf(ard, 0, SQL_DESC_ARRAY_STATUS_PTR, NULL);
    setf(ard, 0, SQL_DESC_BIND_OFFSET_PTR, NULL);
    setf(ard, 0, SQL_DESC_BIND_TYPE, IV(SQL_BIND_BY_COLUMN));

    /* record fields: setting one past COUNT raises COUNT */
    SQLLEN ind, olen;
    char buf[16];
    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_CONCISE_TYPE, IV(SQL_C_TYPE_TIMESTAMP)), SQL_SUCCESS,
              "set CONCISE_TYPE of record 2");
    t_is_int(get(ard, 0, SQL_DESC_COUNT), 2, "COUNT rose to 2");
    t_is_int(get(ard, 2, SQL_DESC_TYPE), SQL_DATETIME, "CONCISE_TYPE timestamp: TYPE is SQL_DATETIME");
    t_is_int(get(ard, 2, SQL_DESC_DATETIME_INTERVAL_CODE), SQL_CODE_TIMESTAMP, "... code SQL_CODE_TIMESTAMP");
    t_is_int(get(ard, 2, SQL_DESC_PRECISION), 6, "... and PRECISION reset to 6");

    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_TYPE, IV(SQL_INTERVAL)), SQL_SUCCESS, "TYPE SQL_INTERVAL");
    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_DATETIME_INTERVAL_CODE, IV(SQL_CODE_DAY_TO_SECOND)), SQL_SUCCESS,
              "DATETIME_INTERVAL_CODE day to second");
    t_is_int(get(ard, 2, SQL_DESC_CONCISE_TYPE), SQL_C_INTERVAL_DAY_TO_SECOND, "the code made the concise type");
    t_is_int(get(ard, 2, SQL_DESC_DATETIME_INTERVAL_PRECISION), 2, "interval leading precision reset to 2");
    t_is_int(get(ard, 2, SQL_DESC_PRECISION), 6, "interval seconds precision reset to 6");

    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_CONCISE_TYPE, IV(SQL_C_NUMERIC)), SQL_SUCCESS, "CONCISE_TYPE numeric");
    t_is_int(get(ard, 2, SQL_DESC_TYPE), SQL_C_NUMERIC, "numeric: TYPE follows");
    t_is_int(get(ard, 2, SQL_DESC_DATETIME_INTERVAL_CODE), 0, "numeric: no datetime code");
    t_is_int(get(ard, 2, SQL_DESC_PRECISION), 38, "numeric: PRECISION reset to the default 38");
    t_is_int(get(ard, 2, SQL_DESC_SCALE), 0, "numeric: SCALE reset to 0");

    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_TYPE, IV(SQL_C_CHAR)), SQL_SUCCESS, "TYPE SQL_C_CHAR");
    t_is_int(get(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR, "CONCISE_TYPE follows TYPE");
    t_is_int(get(ard, 1, SQL_DESC_LENGTH), 1, "char: LENGTH reset to 1");
    t_is_int(get(ard, 1, SQL_DESC_PRECISION), 0, "char: PRECISION reset to 0");
    struct { SQLSMALLINT f; long long v; const char *what; } nums[] = {
        { SQL_DESC_OCTET_LENGTH, sizeof buf, "OCTET_LENGTH" },
        { SQL_DESC_LENGTH, 15, "LENGTH" },
        { SQL_DESC_PRECISION, 5, "PRECISION" },
        { SQL_DESC_SCALE, 3, "SCALE" },
        { SQL_DESC_NUM_PREC_RADIX, 10, "NUM_PREC_RADIX" },
        { SQL_DESC_DATETIME_INTERVAL_PRECISION, 4, "DATETIME_INTERVAL_PRECISION" },
        { SQL_DESC_INDICATOR_PTR, ptrv(&ind), "INDICATOR_PTR" },
        { SQL_DESC_OCTET_LENGTH_PTR, ptrv(&olen), "OCTET_LENGTH_PTR" },
        { SQL_DESC_DATA_PTR, ptrv(buf), "DATA_PTR" },
    };
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++) {
        SQLRETURN rc = setf(ard, 1, nums[i].f, (SQLPOINTER)(intptr_t)nums[i].v);
        T_DESC_RC(ard, rc, SQL_SUCCESS, "set %s", nums[i].what);
    }
    for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
        t_is_int(get(ard, 1, nums[i].f), nums[i].v, "%s reads back", nums[i].what);

    /* a field other than the deferred ones unbinds the record; those three do not */
    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_INDICATOR_PTR, &olen), SQL_SUCCESS, "change INDICATOR_PTR");
    t_is_int(get(ard, 1, SQL_DESC_DATA_PTR), ptrv(buf), "a deferred field leaves DATA_PTR");
    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_SCALE, IV(0)), SQL_SUCCESS, "change SCALE");
    t_is_int(get(ard, 1, SQL_DESC_DATA_PTR), 0, "any other field unbinds the record (DATA_PTR null)");

    /* the consistency check of DATA_PTR */
    T_DESC_RC(ard, setf(ard, 3, SQL_DESC_TYPE, IV(9999)), SQL_SUCCESS, "TYPE 9999 is taken as such");
    T_DESC_RC(ard, setf(ard, 3, SQL_DESC_DATA_PTR, buf), SQL_ERROR, "DATA_PTR on an invalid type");
    t_state(SQL_HANDLE_DESC, ard, "HY021", "invalid type: HY021");
    t_is_int(get(ard, 3, SQL_DESC_DATA_PTR), 0, "the inconsistent record stays unbound");
    setf(ard, 3, SQL_DESC_CONCISE_TYPE, IV(SQL_C_NUMERIC));
    setf(ard, 3, SQL_DESC_PRECISION, IV(50));
    T_DESC_RC(ard, setf(ard, 3, SQL_DESC_DATA_PTR, buf), SQL_ERROR, "DATA_PTR on numeric precision 50");
    t_state(SQL_HANDLE_DESC, ard, "HY021", "numeric precision 50: HY021");
    setf(ard, 3, SQL_DESC_PRECISION, IV(10));
    setf(ard, 3, SQL_DESC_SCALE, IV(2));
    T_DESC_RC(ard, setf(ard, 3, SQL_DESC_DATA_PTR, buf), SQL_SUCCESS, "numeric(10,2) passes the check");
    T_DESC_RC(ard, setf(ard, 3, SQL_DESC_DATA_PTR, NULL), SQL_SUCCESS, "a null DATA_PTR unbinds, unchecked");

    /* fields an ARD does not have */
    T_DESC_RC(ard, SQLSetDescField(ard, 1, SQL_DESC_NAME, "x", SQL_NTS), SQL_ERROR, "NAME is not an ARD field");
    t_state(SQL_HANDLE_DESC, ard, "HY091", "NAME on an ARD: HY091");
    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_PARAMETER_TYPE, IV(SQL_PARAM_INPUT)), SQL_ERROR,
              "PARAMETER_TYPE is not an ARD field");
    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_NULLABLE, IV(SQL_NULLABLE)), SQL_ERROR, "NULLABLE is read-only");
    t_state(SQL_HANDLE_DESC, ard, "HY091", "NULLABLE: HY091");

    /* record numbers and COUNT */
    long long v;
    T_DESC_RC(ard, getf(ard, 7, SQL_DESC_TYPE, &v), SQL_NO_DATA, "reading record 7 of 3: SQL_NO_DATA");
    T_DESC_RC(ard, setf(ard, -1, SQL_DESC_TYPE, IV(SQL_C_LONG)), SQL_ERROR, "record -1");
    t_state(SQL_HANDLE_DESC, ard, "07009", "record -1: 07009");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_COUNT, IV(-1)), SQL_ERROR, "COUNT -1");
    t_state(SQL_HANDLE_DESC, ard, "07009", "COUNT -1: 07009");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_COUNT, IV(30000)), SQL_ERROR, "COUNT beyond the records a row can have");
    t_state(SQL_HANDLE_DESC, ard, "07009", "COUNT 30000: 07009");
    T_DESC_RC(ard, setf(ard, 30000, SQL_DESC_TYPE, IV(SQL_C_LONG)), SQL_ERROR, "record 30000");
    t_state(SQL_HANDLE_DESC, ard, "07009", "record 30000: 07009");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_COUNT, IV(5)), SQL_SUCCESS, "COUNT 5");
    t_is_int(get(ard, 5, SQL_DESC_CONCISE_TYPE), SQL_C_DEFAULT, "a record COUNT made is SQL_C_DEFAULT");
    T_DESC_RC(ard, setf(ard, 0, SQL_DESC_COUNT, IV(1)), SQL_SUCCESS, "COUNT 1");
    T_DESC_RC(ard, getf(ard, 2, SQL_DESC_TYPE, &v), SQL_NO_DATA, "records above COUNT are gone");
    t_is_int(get(ard, 1, SQL_DESC_CONCISE_TYPE), SQL_C_CHAR, "record 1 stayed");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- the IPD ---- */

static void test_ipd_fields(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ipd = stmt_desc(st, SQL_ATTR_IMP_PARAM_DESC);
    char name[32];
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_CONCISE_TYPE, IV(SQL_INTEGER)), SQL_SUCCESS, "IPD: CONCISE_TYPE integer");
    t_is_str(gets_(ipd, 1, SQL_DESC_TYPE_NAME, name, sizeof name), "int4", "IPD: TYPE_NAME of integer");
    t_is_int(get(ipd, 1, SQL_DESC_UNNAMED), SQL_UNNAMED, "IPD: unnamed at first");
    T_DESC_RC(ipd, SQLSetDescField(ipd, 1, SQL_DESC_NAME, "p_one", SQL_NTS), SQL_SUCCESS, "IPD: set NAME");
    t_is_str(gets_(ipd, 1, SQL_DESC_NAME, name, sizeof name), "p_one", "IPD: NAME reads back");
    t_is_int(get(ipd, 1, SQL_DESC_UNNAMED), SQL_NAMED, "IPD: a NAME makes the record named");
    T_DESC_RC(ipd, SQLSetDescField(ipd, 1, SQL_DESC_NAME, "p_onetwo", 5), SQL_SUCCESS, "IPD: NAME with a length");
    t_is_str(gets_(ipd, 1, SQL_DESC_NAME, name, sizeof name), "p_one", "IPD: the length was honoured");
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_UNNAMED, IV(SQL_NAMED)), SQL_ERROR, "IPD: UNNAMED cannot be set to NAMED");
    t_state(SQL_HANDLE_DESC, ipd, "HY091", "UNNAMED = SQL_NAMED: HY091");
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_UNNAMED, IV(SQL_UNNAMED)), SQL_SUCCESS, "IPD: UNNAMED = SQL_UNNAMED");
    t_is_int(get(ipd, 1, SQL_DESC_UNNAMED), SQL_UNNAMED, "IPD: UNNAMED reads back");
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_PARAMETER_TYPE, IV(SQL_PARAM_INPUT_OUTPUT)), SQL_SUCCESS,
              "IPD: PARAMETER_TYPE in/out");
    t_is_int(get(ipd, 1, SQL_DESC_PARAMETER_TYPE), SQL_PARAM_INPUT_OUTPUT, "IPD: PARAMETER_TYPE reads back");
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_PARAMETER_TYPE, IV(77)), SQL_ERROR, "IPD: PARAMETER_TYPE 77 is refused");
    t_is_int(get(ipd, 1, SQL_DESC_NULLABLE), SQL_NULLABLE, "IPD: parameters are nullable");
    T_DESC_RC(ipd, setf(ipd, 0, SQL_DESC_TYPE, IV(SQL_INTEGER)), SQL_ERROR, "IPD: no record 0");
    t_state(SQL_HANDLE_DESC, ipd, "07009", "IPD record 0: 07009");
    T_DESC_RC(ipd, setf(ipd, 1, SQL_DESC_INDICATOR_PTR, NULL), SQL_ERROR, "IPD: INDICATOR_PTR is not an IPD field");

    /* the consistency check: DATA_PTR on an IPD only checks */
    SQLINTEGER dummy;
    T_DESC_RC(ipd, setf(ipd, 2, SQL_DESC_CONCISE_TYPE, IV(SQL_NUMERIC)), SQL_SUCCESS, "IPD: numeric");
    t_is_int(get(ipd, 2, SQL_DESC_PRECISION), 38, "IPD numeric: default precision 38");
    setf(ipd, 2, SQL_DESC_SCALE, IV(40));
    T_DESC_RC(ipd, setf(ipd, 2, SQL_DESC_DATA_PTR, &dummy), SQL_ERROR, "IPD: scale above precision");
    t_state(SQL_HANDLE_DESC, ipd, "HY021", "IPD scale 40 of 38: HY021");
    setf(ipd, 2, SQL_DESC_SCALE, IV(4));
    T_DESC_RC(ipd, setf(ipd, 2, SQL_DESC_DATA_PTR, &dummy), SQL_SUCCESS, "IPD: numeric(38,4) is consistent");
    T_DESC_RC(ipd, setf(ipd, 3, SQL_DESC_CONCISE_TYPE, IV(SQL_C_SLONG)), SQL_SUCCESS,
              "IPD: a C type number taken as such");
    T_DESC_RC(ipd, setf(ipd, 3, SQL_DESC_DATA_PTR, &dummy), SQL_ERROR, "IPD: SQL_C_SLONG is no SQL type");
    t_state(SQL_HANDLE_DESC, ipd, "HY021", "IPD C type: HY021");

    /* header fields of the IPD are the statement's parameter attributes */
    SQLULEN done = 0;
    SQLUSMALLINT pstatus[2];
    T_DESC_RC(ipd, setf(ipd, 0, SQL_DESC_ROWS_PROCESSED_PTR, &done), SQL_SUCCESS, "IPD: ROWS_PROCESSED_PTR");
    T_DESC_RC(ipd, setf(ipd, 0, SQL_DESC_ARRAY_STATUS_PTR, pstatus), SQL_SUCCESS, "IPD: ARRAY_STATUS_PTR");
    SQLPOINTER p = NULL;
    SQLGetStmtAttr(st, SQL_ATTR_PARAMS_PROCESSED_PTR, &p, SQL_IS_POINTER, NULL);
    t_ok(p == &done, "SQL_ATTR_PARAMS_PROCESSED_PTR is the IPD's ROWS_PROCESSED_PTR");
    SQLGetStmtAttr(st, SQL_ATTR_PARAM_STATUS_PTR, &p, SQL_IS_POINTER, NULL);
    t_ok(p == pstatus, "SQL_ATTR_PARAM_STATUS_PTR is the IPD's ARRAY_STATUS_PTR");
    T_DESC_RC(ipd, setf(ipd, 0, SQL_DESC_ARRAY_SIZE, IV(3)), SQL_ERROR, "IPD: ARRAY_SIZE is an APD field");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- the IRD: read-only, HY007 before prepare, what SQLColAttribute says ---- */

#define IRD_SQL "SELECT 1::int4 AS a, 'x'::varchar(10) AS bee, 2.5::numeric(10,2) AS c, " \
                "now()::timestamp AS ts, 1.5::float8 AS \"Mixed Name\""

static void test_ird(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ird = stmt_desc(st, SQL_ATTR_IMP_ROW_DESC);
    SQLHDESC x = SQL_NULL_HDESC;
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &x);
    long long v;
    char name[64];
    SQLSMALLINT type;

    T_DESC_RC(ird, getf(ird, 0, SQL_DESC_COUNT, &v), SQL_ERROR, "IRD COUNT before prepare");
    t_state(SQL_HANDLE_DESC, ird, "HY007", "IRD before prepare: HY007");
    T_DESC_RC(ird, SQLGetDescRec(ird, 1, NULL, 0, NULL, &type, NULL, NULL, NULL, NULL, NULL), SQL_ERROR,
              "SQLGetDescRec on the IRD before prepare");
    t_state(SQL_HANDLE_DESC, ird, "HY007", "SQLGetDescRec: HY007");
    T_DESC_RC(x, SQLCopyDesc(ird, x), SQL_ERROR, "SQLCopyDesc from an IRD before prepare");
    t_state(SQL_HANDLE_DESC, x, "HY007", "SQLCopyDesc: HY007 on the target");

    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)IRD_SQL, SQL_NTS), SQL_SUCCESS, "prepare a five-column query");
    t_is_int(get(ird, 0, SQL_DESC_COUNT), 5, "prepared: the IRD has 5 records");
    t_is_int(get(ird, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO, "IRD: ALLOC_AUTO");
    t_is_str(gets_(ird, 1, SQL_DESC_NAME, name, sizeof name), "a", "IRD record 1 NAME");
    t_is_int(get(ird, 1, SQL_DESC_CONCISE_TYPE), SQL_INTEGER, "IRD record 1 is SQL_INTEGER");
    t_is_str(gets_(ird, 1, SQL_DESC_TYPE_NAME, name, sizeof name), "int4", "IRD record 1 TYPE_NAME");
    t_is_int(get(ird, 3, SQL_DESC_PRECISION), 10, "numeric(10,2): PRECISION 10");
    t_is_int(get(ird, 3, SQL_DESC_SCALE), 2, "numeric(10,2): SCALE 2");
    t_is_int(get(ird, 4, SQL_DESC_TYPE), SQL_DATETIME, "timestamp: TYPE SQL_DATETIME");
    t_is_int(get(ird, 4, SQL_DESC_DATETIME_INTERVAL_CODE), SQL_CODE_TIMESTAMP, "timestamp: code");
    T_DESC_RC(ird, getf(ird, 6, SQL_DESC_TYPE, &v), SQL_NO_DATA, "IRD record 6 of 5: SQL_NO_DATA");
    T_DESC_RC(ird, getf(ird, 0, SQL_DESC_TYPE, &v), SQL_ERROR, "IRD record 0 without bookmarks");
    t_state(SQL_HANDLE_DESC, ird, "07009", "IRD record 0: 07009");

    T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execute it");
    /* every field the IRD shares with SQLColAttribute answers the same */
    static const SQLSMALLINT numf[] = {
        SQL_DESC_TYPE, SQL_DESC_CONCISE_TYPE, SQL_DESC_DATETIME_INTERVAL_CODE, SQL_DESC_LENGTH,
        SQL_DESC_OCTET_LENGTH, SQL_DESC_PRECISION, SQL_DESC_SCALE, SQL_DESC_NULLABLE,
        SQL_DESC_DISPLAY_SIZE, SQL_DESC_UNSIGNED, SQL_DESC_FIXED_PREC_SCALE, SQL_DESC_CASE_SENSITIVE,
        SQL_DESC_SEARCHABLE, SQL_DESC_UPDATABLE, SQL_DESC_AUTO_UNIQUE_VALUE, SQL_DESC_NUM_PREC_RADIX,
        SQL_DESC_UNNAMED,
    };
    static const SQLSMALLINT strf[] = {
        SQL_DESC_NAME, SQL_DESC_LABEL, SQL_DESC_TYPE_NAME, SQL_DESC_LOCAL_TYPE_NAME,
        SQL_DESC_BASE_COLUMN_NAME, SQL_DESC_BASE_TABLE_NAME, SQL_DESC_TABLE_NAME, SQL_DESC_SCHEMA_NAME,
        SQL_DESC_CATALOG_NAME, SQL_DESC_LITERAL_PREFIX, SQL_DESC_LITERAL_SUFFIX,
    };
    int num_same = 0, str_same = 0, nnum = 0, nstr = 0;
    for (SQLSMALLINT col = 1; col <= 5; col++) {
        for (size_t i = 0; i < sizeof numf / sizeof *numf; i++, nnum++) {
            SQLLEN ca = -12345;
            SQLColAttribute(st, (SQLUSMALLINT)col, (SQLUSMALLINT)numf[i], NULL, 0, NULL, &ca);
            long long dv = get(ird, col, numf[i]);
            if (dv == ca)
                num_same++;
            else
                t_diag("column %d field %d: SQLColAttribute %ld, SQLGetDescField %lld", col, numf[i], (long)ca, dv);
        }
        for (size_t i = 0; i < sizeof strf / sizeof *strf; i++, nstr++) {
            char ca[64] = "(unset)", dv[64];
            SQLColAttribute(st, (SQLUSMALLINT)col, (SQLUSMALLINT)strf[i], ca, sizeof ca, NULL, NULL);
            gets_(ird, col, strf[i], dv, sizeof dv);
            if (!strcmp(ca, dv))
                str_same++;
            else
                t_diag("column %d field %d: SQLColAttribute '%s', SQLGetDescField '%s'", col, strf[i], ca, dv);
        }
    }
    t_is_int(num_same, nnum, "IRD numeric fields equal SQLColAttribute's for all 5 columns");
    t_is_int(str_same, nstr, "IRD string fields equal SQLColAttribute's for all 5 columns");

    /* SQLGetDescRec on the IRD */
    SQLSMALLINT nl = 0, sub = -1, prec = -1, scale = -1, nullable = -1;
    SQLLEN len = -1;
    T_DESC_RC(ird, SQLGetDescRec(ird, 3, (SQLCHAR *)name, sizeof name, &nl, &type, &sub, &len, &prec, &scale,
                                 &nullable), SQL_SUCCESS, "SQLGetDescRec(IRD, 3)");
    t_is_str(name, "c", "... name");
    t_is_int(nl, 1, "... name length");
    t_is_int(type, SQL_NUMERIC, "... type");
    t_is_int(len, get(ird, 3, SQL_DESC_OCTET_LENGTH), "... length is OCTET_LENGTH");
    t_is_int(prec * 100 + scale, 1002, "... precision 10, scale 2");
    t_is_int(nullable, get(ird, 3, SQL_DESC_NULLABLE), "... nullable");
    T_DESC_RC(ird, SQLGetDescRec(ird, 4, NULL, 0, NULL, &type, &sub, NULL, NULL, NULL, NULL), SQL_SUCCESS,
              "SQLGetDescRec(IRD, 4)");
    t_is_int(type * 100 + sub, SQL_DATETIME * 100 + SQL_CODE_TIMESTAMP, "... verbose type and subtype");
    T_DESC_RC(ird, SQLGetDescRec(ird, 9, NULL, 0, NULL, &type, NULL, NULL, NULL, NULL, NULL), SQL_NO_DATA,
              "SQLGetDescRec past the count: SQL_NO_DATA");
    T_DESC_RC(ird, SQLGetDescRec(ird, 5, (SQLCHAR *)name, 4, &nl, NULL, NULL, NULL, NULL, NULL, NULL),
              SQL_SUCCESS_WITH_INFO, "SQLGetDescRec into a short name buffer");
    t_is_str(name, "Mix", "... truncated name");
    t_is_int(nl, 10, "... full length");

    /* read-only */
    T_DESC_RC(ird, SQLSetDescField(ird, 1, SQL_DESC_NAME, "z", SQL_NTS), SQL_ERROR, "IRD NAME cannot be set");
    t_state(SQL_HANDLE_DESC, ird, "HY016", "IRD NAME: HY016");
    T_DESC_RC(ird, setf(ird, 1, SQL_DESC_CONCISE_TYPE, IV(SQL_CHAR)), SQL_ERROR, "IRD CONCISE_TYPE cannot be set");
    t_state(SQL_HANDLE_DESC, ird, "HY016", "IRD CONCISE_TYPE: HY016");
    T_DESC_RC(ird, setf(ird, 0, SQL_DESC_COUNT, IV(1)), SQL_ERROR, "IRD COUNT cannot be set");
    t_state(SQL_HANDLE_DESC, ird, "HY016", "IRD COUNT: HY016");
    T_DESC_RC(ird, SQLSetDescRec(ird, 1, SQL_C_LONG, 0, 4, 0, 0, NULL, NULL, NULL), SQL_ERROR,
              "SQLSetDescRec on the IRD");
    t_state(SQL_HANDLE_DESC, ird, "HY016", "SQLSetDescRec on the IRD: HY016");
    T_DESC_RC(ird, SQLCopyDesc(x, ird), SQL_ERROR, "SQLCopyDesc into the IRD");
    t_state(SQL_HANDLE_DESC, ird, "HY016", "SQLCopyDesc into the IRD: HY016");
    t_is_int(get(ird, 0, SQL_DESC_COUNT), 5, "the IRD is unchanged");
    /* ...but for its two header pointers */
    SQLUSMALLINT rstatus[1];
    SQLULEN fetched = 0;
    T_DESC_RC(ird, setf(ird, 0, SQL_DESC_ARRAY_STATUS_PTR, rstatus), SQL_SUCCESS, "IRD ARRAY_STATUS_PTR can be set");
    T_DESC_RC(ird, setf(ird, 0, SQL_DESC_ROWS_PROCESSED_PTR, &fetched), SQL_SUCCESS,
              "IRD ROWS_PROCESSED_PTR can be set");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    t_is_int((long long)fetched, 1, "the fetch counted into the IRD's ROWS_PROCESSED_PTR");
    t_is_int(rstatus[0], SQL_ROW_SUCCESS, "... and set the IRD's ARRAY_STATUS_PTR");

    /* W forms: bytes for the Field functions, characters for SQLGetDescRecW */
    SQLWCHAR w[16];
    SQLINTEGER wl = 0;
    T_DESC_RC(ird, SQLGetDescFieldW(ird, 5, SQL_DESC_NAME, w, sizeof w, &wl), SQL_SUCCESS, "SQLGetDescFieldW NAME");
    t_is_int(wl, 10 * (long long)sizeof(SQLWCHAR), "SQLGetDescFieldW: length in bytes");
    t_ok(w[0] == 'M' && w[5] == ' ' && w[9] == 'e' && w[10] == 0, "SQLGetDescFieldW: the UTF-16 name");
    T_DESC_RC(ird, SQLGetDescFieldW(ird, 5, SQL_DESC_NAME, w, 4 * sizeof(SQLWCHAR), &wl), SQL_SUCCESS_WITH_INFO,
              "SQLGetDescFieldW into 4 units");
    t_state(SQL_HANDLE_DESC, ird, "01004", "truncated: 01004");
    t_ok(w[0] == 'M' && w[2] == 'x' && w[3] == 0, "... three characters and the NUL");
    SQLSMALLINT wnl = 0;
    T_DESC_RC(ird, SQLGetDescRecW(ird, 5, w, 16, &wnl, &type, NULL, NULL, NULL, NULL, NULL), SQL_SUCCESS,
              "SQLGetDescRecW");
    t_is_int(wnl, 10, "SQLGetDescRecW: name length in characters");
    t_is_int(type, SQL_DOUBLE, "SQLGetDescRecW: float8 is SQL_DOUBLE");
    SQLINTEGER nv = 0;
    T_DESC_RC(ird, SQLGetDescFieldW(ird, 1, SQL_DESC_NUM_PREC_RADIX, &nv, 0, NULL), SQL_SUCCESS,
              "SQLGetDescFieldW of a number");
    t_is_int(nv, 10, "int4 radix 10 through the W form");
    SQLFreeHandle(SQL_HANDLE_DESC, x);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* ---- binding through descriptors and fetching ---- */

/* The IRD follows the result: kept when a statement returns the same columns again, rebuilt
 * when the same names come back with other types or typmods, or in another number. */
static void test_ird_follows_result(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ird = stmt_desc(st, SQL_ATTR_IMP_ROW_DESC);
    char name[64];
    T_STMT_RC(st, SQLPrepare(st, (SQLCHAR *)"SELECT ?::int4 AS a, 'x'::varchar(7) AS b", SQL_NTS), SQL_SUCCESS,
              "prepare a two-column query");
    SQLINTEGER v = 1;
    SQLLEN ind = 0;
    T_STMT_RC(st, SQLBindParameter(st, 1, SQL_PARAM_INPUT, SQL_C_SLONG, SQL_INTEGER, 0, 0, &v, 0, &ind),
              SQL_SUCCESS, "bind its parameter");
    for (int round = 1; round <= 3; round++) {
        v = round;
        T_STMT_RC(st, SQLExecute(st), SQL_SUCCESS, "execution %d", round);
        t_is_int(get(ird, 0, SQL_DESC_COUNT), 2, "execution %d: 2 IRD records", round);
        t_is_int(get(ird, 2, SQL_DESC_CONCISE_TYPE), SQL_VARCHAR, "execution %d: b is SQL_VARCHAR", round);
        t_is_int(get(ird, 2, SQL_DESC_LENGTH), 7, "execution %d: b has length 7", round);
        t_is_str(gets_(ird, 2, SQL_DESC_NAME, name, sizeof name), "b", "execution %d: b's name", round);
        SQLCloseCursor(st);
    }
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 1.5::float8 AS a, 'x'::varchar(9) AS b", SQL_NTS),
              SQL_SUCCESS, "same names, other types");
    t_is_int(get(ird, 1, SQL_DESC_CONCISE_TYPE), SQL_DOUBLE, "a is now SQL_DOUBLE");
    t_is_int(get(ird, 2, SQL_DESC_LENGTH), 9, "b's typmod changed: length 9");
    SQLCloseCursor(st);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 1.5::float8 AS a", SQL_NTS), SQL_SUCCESS,
              "one column fewer");
    t_is_int(get(ird, 0, SQL_DESC_COUNT), 1, "the IRD has 1 record");
    SQLCloseCursor(st);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 1.5::float8 AS c", SQL_NTS), SQL_SUCCESS, "another name");
    t_is_str(gets_(ird, 1, SQL_DESC_NAME, name, sizeof name), "c", "the IRD names it c");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_bind_by_desc(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    SQLINTEGER n = 0;
    SQLLEN nind = 0, slen = 0;
    char s[16] = "";
    SQL_NUMERIC_STRUCT num;
    SQLLEN numind = 0;
    memset(&num, 0, sizeof num);
    setf(ard, 1, SQL_DESC_CONCISE_TYPE, IV(SQL_C_SLONG));
    setf(ard, 1, SQL_DESC_INDICATOR_PTR, &nind);
    T_DESC_RC(ard, setf(ard, 1, SQL_DESC_DATA_PTR, &n), SQL_SUCCESS, "ARD record 1: SQL_C_SLONG bound by fields");
    setf(ard, 2, SQL_DESC_TYPE, IV(SQL_C_CHAR));
    setf(ard, 2, SQL_DESC_OCTET_LENGTH, IV(sizeof s));
    setf(ard, 2, SQL_DESC_OCTET_LENGTH_PTR, &slen);
    setf(ard, 2, SQL_DESC_INDICATOR_PTR, &slen);
    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_DATA_PTR, s), SQL_SUCCESS, "ARD record 2: SQL_C_CHAR bound by fields");
    T_DESC_RC(ard, SQLSetDescRec(ard, 3, SQL_C_NUMERIC, 0, sizeof num, 12, 3, &num, NULL, &numind),
              SQL_SUCCESS, "ARD record 3: SQL_C_NUMERIC(12,3) bound by SQLSetDescRec");
    T_DESC_RC(ard, SQLSetDescRec(ard, 4, SQL_C_NUMERIC, 0, sizeof num, 60, 3, &num, NULL, &numind),
              SQL_ERROR, "SQLSetDescRec with precision 60");
    t_state(SQL_HANDLE_DESC, ard, "HY021", "SQLSetDescRec inconsistent: HY021");
    t_is_int(get(ard, 4, SQL_DESC_DATA_PTR), 0, "... and the record stays unbound");
    setf(ard, 0, SQL_DESC_COUNT, IV(3));

    /* SQLGetDescRec / SQLSetDescRec round trip */
    SQLSMALLINT type, sub, prec, scale, nullable, nl;
    SQLLEN len;
    char name[8];
    T_DESC_RC(ard, SQLGetDescRec(ard, 3, (SQLCHAR *)name, sizeof name, &nl, &type, &sub, &len, &prec, &scale,
                                 &nullable), SQL_SUCCESS, "SQLGetDescRec(ARD, 3)");
    t_ok(type == SQL_C_NUMERIC && len == (SQLLEN)sizeof num && prec == 12 && scale == 3,
         "SQLGetDescRec returns what SQLSetDescRec set (type %d, length %ld, %d,%d)", type, (long)len, prec, scale);
    t_is_int(get(ard, 3, SQL_DESC_DATA_PTR), ptrv(&num), "SQLSetDescRec's data pointer");
    t_is_int(get(ard, 3, SQL_DESC_INDICATOR_PTR), ptrv(&numind), "SQLSetDescRec's indicator pointer");
    t_is_int(get(ard, 3, SQL_DESC_OCTET_LENGTH_PTR), 0, "SQLSetDescRec's null length pointer");
    T_DESC_RC(ard, SQLSetDescRec(ard, 5, SQL_DATETIME, SQL_CODE_DATE, 6, 0, 0, NULL, NULL, NULL), SQL_SUCCESS,
              "SQLSetDescRec SQL_DATETIME/SQL_CODE_DATE");
    t_is_int(get(ard, 5, SQL_DESC_CONCISE_TYPE), SQL_C_TYPE_DATE, "... concise type SQL_C_TYPE_DATE");
    setf(ard, 0, SQL_DESC_COUNT, IV(3));

    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 42, 'hello', 123.4567::numeric(12,4)", SQL_NTS),
              SQL_SUCCESS, "execute");
    SQLRETURN rc = SQLFetch(st);
    t_ok(SQL_SUCCEEDED(rc), "fetch through the ARD's fields");
    t_is_int(n, 42, "int column in the DATA_PTR");
    t_is_int(nind, 4, "its indicator");
    t_is_str(s, "hello", "char column in the DATA_PTR");
    t_is_int(slen, 5, "its length");
    t_is_int(num.precision * 100 + num.scale, 1203, "numeric: the record's precision and scale");
    t_is_int(num.val[0] + 256 * num.val[1] + 65536 * num.val[2], 123456,
             "numeric: 123.456 at the record's scale 3 (fractional digits cut, appendix D)");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

/* An explicit descriptor as the ARD of two statements, and as an APD. */
static void test_explicit_shared(void)
{
    SQLHDESC d = SQL_NULL_HDESC;
    T_DBC_RC(dbc, SQLAllocHandle(SQL_HANDLE_DESC, dbc, &d), SQL_SUCCESS, "allocate a descriptor");
    t_is_int(get(d, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_USER, "explicit: ALLOC_USER");
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    T_DESC_RC(d, SQLSetDescRec(d, 1, SQL_C_SLONG, 0, sizeof v, 0, 0, &v, &ind, &ind), SQL_SUCCESS,
              "bind record 1 of the explicit descriptor");
    SQLHSTMT a = t_stmt(dbc), b = t_stmt(dbc);
    T_STMT_RC(a, SQLSetStmtAttr(a, SQL_ATTR_APP_ROW_DESC, d, 0), SQL_SUCCESS, "statement A uses it as its ARD");
    T_STMT_RC(b, SQLSetStmtAttr(b, SQL_ATTR_APP_ROW_DESC, d, 0), SQL_SUCCESS, "statement B too");
    t_ok(stmt_desc(a, SQL_ATTR_APP_ROW_DESC) == d, "SQL_ATTR_APP_ROW_DESC reads back the explicit one");
    SQLExecDirect(a, (SQLCHAR *)"SELECT 7", SQL_NTS);
    SQLExecDirect(b, (SQLCHAR *)"SELECT 8 UNION ALL SELECT 9", SQL_NTS);
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "fetch A");
    t_is_int(v, 7, "A filled the shared buffer");
    T_STMT_RC(b, SQLFetch(b), SQL_SUCCESS, "fetch B");
    t_is_int(v, 8, "B filled the same buffer");
    /* a change through the descriptor reaches both */
    SQLINTEGER v2 = 0;
    T_DESC_RC(d, setf(d, 1, SQL_DESC_DATA_PTR, &v2), SQL_SUCCESS, "rebind record 1 to another variable");
    T_STMT_RC(b, SQLFetch(b), SQL_SUCCESS, "fetch B again");
    t_is_int(v2, 9, "B used the new pointer");
    SQLCloseCursor(a);
    SQLCloseCursor(b);

    /* the same descriptor as an APD: SQLExecute takes its parameters through it */
    SQLHDESC p = SQL_NULL_HDESC;
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &p);
    SQLINTEGER pv = 41, out = 0;
    SQLLEN pind = sizeof pv, oind = 0;
    SQLSetDescRec(p, 1, SQL_C_SLONG, 0, sizeof pv, 0, 0, &pv, &pind, &pind);
    T_STMT_RC(a, SQLSetStmtAttr(a, SQL_ATTR_APP_PARAM_DESC, p, 0), SQL_SUCCESS, "an explicit APD");
    T_STMT_RC(a, SQLPrepare(a, (SQLCHAR *)"SELECT ? + 1", SQL_NTS), SQL_SUCCESS, "prepare with a marker");
    SQLHDESC ipd = stmt_desc(a, SQL_ATTR_IMP_PARAM_DESC);
    T_DESC_RC(ipd, SQLSetDescRec(ipd, 1, SQL_INTEGER, 0, 0, 10, 0, NULL, NULL, NULL), SQL_SUCCESS,
              "IPD record 1: SQL_INTEGER");
    SQLSetDescRec(d, 1, SQL_C_SLONG, 0, sizeof out, 0, 0, &out, &oind, &oind);
    T_STMT_RC(a, SQLExecute(a), SQL_SUCCESS, "SQLExecute through the explicit APD");
    T_STMT_RC(a, SQLFetch(a), SQL_SUCCESS, "fetch through the explicit ARD");
    t_is_int(out, 42, "41 went in through the APD, 42 came out through the ARD");
    pv = 99;
    SQLCloseCursor(a);
    T_STMT_RC(a, SQLExecute(a), SQL_SUCCESS, "execute again: the APD's buffer is read anew");
    SQLFetch(a);
    t_is_int(out, 100, "99 + 1");
    SQLCloseCursor(a);

    /* freeing the explicit descriptor puts the implicit ones back */
    T_DESC_RC(d, SQLFreeHandle(SQL_HANDLE_DESC, d), SQL_SUCCESS, "free the explicit ARD");
    SQLHDESC back = stmt_desc(b, SQL_ATTR_APP_ROW_DESC);
    t_ok(back != SQL_NULL_HDESC && back != d, "statement B is back on its implicit ARD");
    t_is_int(get(back, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO, "... which is ALLOC_AUTO");
    SQLFreeHandle(SQL_HANDLE_DESC, p);
    SQLFreeHandle(SQL_HANDLE_STMT, a);
    SQLFreeHandle(SQL_HANDLE_STMT, b);
}

static void test_copy(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ard = stmt_desc(st, SQL_ATTR_APP_ROW_DESC);
    SQLINTEGER v = 0;
    SQLLEN ind = 0;
    char s[8];
    SQLLEN sl = 0;
    SQLBindCol(st, 1, SQL_C_SLONG, &v, 0, &ind);
    SQLBindCol(st, 2, SQL_C_CHAR, s, sizeof s, &sl);
    setf(ard, 0, SQL_DESC_ARRAY_SIZE, IV(1));
    SQLHDESC x = SQL_NULL_HDESC;
    SQLAllocHandle(SQL_HANDLE_DESC, dbc, &x);
    SQLSetDescRec(x, 4, SQL_C_DOUBLE, 0, 8, 0, 0, NULL, NULL, NULL);
    T_DESC_RC(x, SQLCopyDesc(ard, x), SQL_SUCCESS, "SQLCopyDesc ARD -> explicit");
    t_is_int(get(x, 0, SQL_DESC_COUNT), 2, "the copy has the ARD's 2 records (its record 4 is gone)");
    t_is_int(get(x, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_USER, "the copy keeps its own ALLOC_TYPE");
    t_is_int(get(x, 1, SQL_DESC_CONCISE_TYPE), SQL_C_SLONG, "record 1 type copied");
    t_is_int(get(x, 1, SQL_DESC_DATA_PTR), ptrv(&v), "record 1 data pointer copied");
    t_is_int(get(x, 2, SQL_DESC_OCTET_LENGTH), sizeof s, "record 2 buffer length copied");
    t_is_int(get(x, 2, SQL_DESC_INDICATOR_PTR), ptrv(&sl), "record 2 indicator copied");
    SQLFreeStmt(st, SQL_UNBIND);
    t_is_int(get(x, 0, SQL_DESC_COUNT), 2, "unbinding the source leaves the copy");

    SQLHSTMT other = t_stmt(dbc);
    SQLSetStmtAttr(other, SQL_ATTR_APP_ROW_DESC, x, 0);
    SQLExecDirect(other, (SQLCHAR *)"SELECT 31, 'copy'", SQL_NTS);
    T_STMT_RC(other, SQLFetch(other), SQL_SUCCESS, "fetch through the copied descriptor");
    t_ok(v == 31 && !strcmp(s, "copy") && sl == 4, "the copy's bindings were used (%d, '%s')", (int)v, s);
    SQLFreeHandle(SQL_HANDLE_STMT, other);

    /* IRD -> ARD: the column types become the bindings; then only DATA_PTR is missing */
    SQLHDESC ird = stmt_desc(st, SQL_ATTR_IMP_ROW_DESC);
    T_STMT_RC(st, SQLExecDirect(st, (SQLCHAR *)"SELECT 5::int4 AS n, 6::int4 AS m", SQL_NTS), SQL_SUCCESS,
              "execute a two-integer query");
    T_DESC_RC(ard, SQLCopyDesc(ird, ard), SQL_SUCCESS, "SQLCopyDesc IRD -> ARD");
    t_is_int(get(ard, 0, SQL_DESC_COUNT), 2, "the ARD has the IRD's 2 records");
    t_is_int(get(ard, 2, SQL_DESC_CONCISE_TYPE), SQL_INTEGER, "record 2: SQL_INTEGER, which is SQL_C_LONG");
    t_is_int(get(ard, 2, SQL_DESC_OCTET_LENGTH), 4, "record 2: octet length 4");
    t_is_int(get(ard, 0, SQL_DESC_ALLOC_TYPE), SQL_DESC_ALLOC_AUTO, "the ARD stays ALLOC_AUTO");
    SQLINTEGER m = 0;
    SQLLEN mind = 0;
    setf(ard, 2, SQL_DESC_INDICATOR_PTR, &mind);
    T_DESC_RC(ard, setf(ard, 2, SQL_DESC_DATA_PTR, &m), SQL_SUCCESS, "bind record 2's DATA_PTR");
    T_STMT_RC(st, SQLFetch(st), SQL_SUCCESS, "fetch");
    t_is_int(m, 6, "the copied record fetched the second column");
    SQLCloseCursor(st);
    T_DESC_RC(x, SQLCopyDesc(ird, x), SQL_ERROR, "SQLCopyDesc from the IRD of a closed ExecDirect");
    t_state(SQL_HANDLE_DESC, x, "HY007", "closed: HY007");
    T_DESC_RC(x, SQLCopyDesc(x, x), SQL_SUCCESS, "copying a descriptor onto itself");
    SQLFreeHandle(SQL_HANDLE_DESC, x);
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_w_forms_app(void)
{
    SQLHSTMT st = t_stmt(dbc);
    SQLHDESC ipd = stmt_desc(st, SQL_ATTR_IMP_PARAM_DESC);
    SQLWCHAR in[] = { 'p', 0x00e9, 'r', 'a', 0 };   /* "péra" */
    T_DESC_RC(ipd, SQLSetDescFieldW(ipd, 1, SQL_DESC_NAME, in, SQL_NTS), SQL_SUCCESS, "SQLSetDescFieldW NAME");
    char name[16];
    t_is_str(gets_(ipd, 1, SQL_DESC_NAME, name, sizeof name), "p\xc3\xa9ra", "read back in UTF-8 by the A form");
    T_DESC_RC(ipd, SQLSetDescFieldW(ipd, 1, SQL_DESC_NAME, in, 2 * sizeof(SQLWCHAR)), SQL_SUCCESS,
              "SQLSetDescFieldW NAME with a length in bytes");
    SQLWCHAR w[8];
    SQLINTEGER wl = 0;
    SQLGetDescFieldW(ipd, 1, SQL_DESC_NAME, w, sizeof w, &wl);
    t_ok(wl == 2 * (SQLINTEGER)sizeof(SQLWCHAR) && w[0] == 'p' && w[1] == 0x00e9 && w[2] == 0,
         "the byte length took two characters (length %d)", (int)wl);
    T_DESC_RC(ipd, SQLSetDescFieldW(ipd, 1, SQL_DESC_CONCISE_TYPE, IV(SQL_BIGINT), 0), SQL_SUCCESS,
              "SQLSetDescFieldW of a number");
    t_is_int(get(ipd, 1, SQL_DESC_CONCISE_TYPE), SQL_BIGINT, "... reads back");
    SQLFreeHandle(SQL_HANDLE_STMT, st);
}

static void test_get_functions(void)
{
    static const SQLUSMALLINT fns[] = { SQL_API_SQLGETDESCFIELD, SQL_API_SQLSETDESCFIELD, SQL_API_SQLGETDESCREC,
                                        SQL_API_SQLSETDESCREC, SQL_API_SQLCOPYDESC };
    int yes = 0;
    for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
        SQLUSMALLINT s = SQL_FALSE;
        SQLGetFunctions(dbc, fns[i], &s);
        yes += s == SQL_TRUE;
    }
    t_is_int(yes, 5, "SQLGetFunctions: the five descriptor functions are supported");
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    dbc = t_connect(env, "");
    test_ard_fields();
    test_ipd_fields();
    test_ird();
    test_ird_follows_result();
    test_bind_by_desc();
    test_explicit_shared();
    test_copy();
    test_w_forms_app();
    test_get_functions();
    t_is_int(overflows, 0, "no numeric field was written past its size");
    t_disconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
