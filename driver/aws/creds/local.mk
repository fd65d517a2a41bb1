# driver/aws/creds: AWS credential provider chain
librscore_la_SOURCES += \
	driver/aws/creds/ini.c driver/aws/creds/ini.h \
	driver/aws/creds/awsconfig.c driver/aws/creds/awsconfig.h \
	driver/aws/creds/creds_util.c driver/aws/creds/creds_http.c driver/aws/creds/creds_util.h \
	driver/aws/creds/cache.c driver/aws/creds/cache.h \
	driver/aws/creds/sources.h driver/aws/creds/sts_options.c \
	driver/aws/creds/src_explicit.c driver/aws/creds/src_env.c \
	driver/aws/creds/src_profile.c driver/aws/creds/src_process.c \
	driver/aws/creds/src_web_identity.c driver/aws/creds/src_sso.c \
	driver/aws/creds/src_container.c driver/aws/creds/src_imds.c \
	driver/aws/creds/chain.c

# Unit tests (TAP). They write under a mkdtemp directory and talk only to 127.0.0.1.
CREDS_UNIT_TESTS = driver/aws/creds/tests/creds_ini driver/aws/creds/tests/creds_chain \
	driver/aws/creds/tests/creds_process driver/aws/creds/tests/creds_http
check_PROGRAMS += $(CREDS_UNIT_TESTS)
TESTS += $(CREDS_UNIT_TESTS)
EXTRA_DIST += driver/aws/creds/README.md driver/aws/creds/tests/creds_tap.h driver/aws/creds/tests/creds_env.h

driver_aws_creds_tests_creds_ini_SOURCES = driver/aws/creds/tests/creds_ini.c driver/aws/creds/tests/creds_tap.h
driver_aws_creds_tests_creds_ini_LDADD = $(RS_TEST_LIBS)

driver_aws_creds_tests_creds_chain_SOURCES = driver/aws/creds/tests/creds_chain.c \
	driver/aws/creds/tests/responder.c driver/aws/creds/tests/responder.h
driver_aws_creds_tests_creds_chain_LDADD = $(RS_TEST_LIBS)

driver_aws_creds_tests_creds_process_SOURCES = driver/aws/creds/tests/creds_process.c
driver_aws_creds_tests_creds_process_LDADD = $(RS_TEST_LIBS)

driver_aws_creds_tests_creds_http_SOURCES = driver/aws/creds/tests/creds_http.c \
	driver/aws/creds/tests/responder.c driver/aws/creds/tests/responder.h
driver_aws_creds_tests_creds_http_LDADD = $(RS_TEST_LIBS)
