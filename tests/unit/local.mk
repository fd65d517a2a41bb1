# tests/unit: the driver's internals tested directly (TAP)
RS_UNIT_TESTS = tests/unit/unit_connstr tests/unit/unit_keywords tests/unit/unit_text \
	tests/unit/unit_sqltext tests/unit/unit_convert tests/unit/unit_log
check_PROGRAMS += $(RS_UNIT_TESTS)
TESTS += $(RS_UNIT_TESTS)
tests_unit_unit_connstr_LDADD = $(RS_TEST_LIBS)
tests_unit_unit_keywords_LDADD = $(RS_TEST_LIBS)
tests_unit_unit_text_LDADD = $(RS_TEST_LIBS)
tests_unit_unit_sqltext_LDADD = $(RS_TEST_LIBS)
tests_unit_unit_convert_LDADD = $(RS_TEST_LIBS)
tests_unit_unit_log_LDADD = $(RS_TEST_LIBS)
EXTRA_DIST += tests/unit/tap.h
# the appendix D conversion tables, row by row
RS_UNIT_TESTS += tests/unit/unit_convert_matrix
check_PROGRAMS += tests/unit/unit_convert_matrix
TESTS += tests/unit/unit_convert_matrix
tests_unit_unit_convert_matrix_SOURCES = tests/unit/unit_convert_matrix.c tests/common/render.c tests/common/render.h
tests_unit_unit_convert_matrix_LDADD = $(RS_TEST_LIBS)
# parameter arrays as multi-row INSERTs: which statements qualify, the rewritten text
RS_UNIT_TESTS += tests/unit/unit_batchins
check_PROGRAMS += tests/unit/unit_batchins
TESTS += tests/unit/unit_batchins
tests_unit_unit_batchins_LDADD = $(RS_TEST_LIBS)
# inputs the fuzz targets (fuzz/) found, as plain assertions
RS_UNIT_TESTS += tests/unit/unit_fuzz_regress
check_PROGRAMS += tests/unit/unit_fuzz_regress
TESTS += tests/unit/unit_fuzz_regress
tests_unit_unit_fuzz_regress_LDADD = $(RS_TEST_LIBS)
# the exact float8 shortcut of the fetch path against strtod
RS_UNIT_TESTS += tests/unit/unit_fast_strtod
check_PROGRAMS += tests/unit/unit_fast_strtod
TESTS += tests/unit/unit_fast_strtod
tests_unit_unit_fast_strtod_LDADD = $(RS_TEST_LIBS) -lm
# the fetch path's shortcut converters against the general conversion
RS_UNIT_TESTS += tests/unit/unit_convfast
check_PROGRAMS += tests/unit/unit_convfast
TESTS += tests/unit/unit_convfast
tests_unit_unit_convfast_LDADD = $(RS_TEST_LIBS)
# the column a marker of a plain INSERT goes into (SQLDescribeParam)
RS_UNIT_TESTS += tests/unit/unit_paramtarget
check_PROGRAMS += tests/unit/unit_paramtarget
TESTS += tests/unit/unit_paramtarget
tests_unit_unit_paramtarget_LDADD = $(RS_TEST_LIBS)
# double and float parameters as %.17g / %.9g text, printf only for the long ones
RS_UNIT_TESTS += tests/unit/unit_double_text
check_PROGRAMS += tests/unit/unit_double_text
TESTS += tests/unit/unit_double_text
tests_unit_unit_double_text_LDADD = $(RS_TEST_LIBS) -lm
