# tests/iam: IAM login end to end through the driver manager (C, linked with unixODBC only) and
# pyodbc, against private instances of the AWS emulator (tests/aws_emulator) and the test
# PostgreSQL. They need scripts/check.sh or scripts/with-test-env.sh (they skip without it).
IAM_DM_TESTS = tests/iam/iam_sources tests/iam/iam_apis tests/iam/iam_cache \
	tests/iam/iam_errors tests/iam/iam_cache_identity tests/iam/iam_logging
check_PROGRAMS += $(IAM_DM_TESTS)
TESTS += $(IAM_DM_TESTS)
IAM_DM_COMMON = tests/iam/common.c tests/iam/common.h tests/iam/emu.c tests/iam/emu.h \
	tests/iam/probe.c tests/iam/probe.h tests/iam/tap.c tests/iam/tap.h
IAM_DM_LIBS = $(ODBC_LIBS) $(CURL_LIBS) $(JSONC_LIBS) $(CRYPTO_LIBS)
EXTRA_DIST += tests/iam/config_dm.json tests/iam/config_py.json tests/iam/iam_pyodbc.py
TESTS += tests/iam/iam_pyodbc.py

tests_iam_iam_sources_SOURCES = tests/iam/iam_sources.c $(IAM_DM_COMMON)
tests_iam_iam_sources_LDADD = $(IAM_DM_LIBS)

tests_iam_iam_apis_SOURCES = tests/iam/iam_apis.c $(IAM_DM_COMMON)
tests_iam_iam_apis_LDADD = $(IAM_DM_LIBS)

tests_iam_iam_cache_SOURCES = tests/iam/iam_cache.c $(IAM_DM_COMMON)
tests_iam_iam_cache_LDADD = $(IAM_DM_LIBS)

tests_iam_iam_cache_identity_SOURCES = tests/iam/iam_cache_identity.c $(IAM_DM_COMMON)
tests_iam_iam_cache_identity_LDADD = $(IAM_DM_LIBS)

tests_iam_iam_errors_SOURCES = tests/iam/iam_errors.c $(IAM_DM_COMMON)
tests_iam_iam_errors_LDADD = $(IAM_DM_LIBS)

tests_iam_iam_logging_SOURCES = tests/iam/iam_logging.c $(IAM_DM_COMMON)
tests_iam_iam_logging_LDADD = $(IAM_DM_LIBS)
