# driver/aws: AWS plumbing for IAM login (errors, SigV4, HTTP, retries, parsers,
# endpoints, Redshift / Redshift Serverless / STS calls, IAM orchestration, cache).
librscore_la_SOURCES += \
	driver/aws/aws_error.c driver/aws/aws_error.h \
	driver/aws/sigv4.c driver/aws/sigv4.h \
	driver/aws/http.c driver/aws/http.h \
	driver/aws/http_log.c driver/aws/http_log.h \
	driver/aws/retry.c driver/aws/retry.h \
	driver/aws/awsxml.c driver/aws/awsxml.h \
	driver/aws/awsjson.c driver/aws/awsjson.h \
	driver/aws/awscall.c driver/aws/awscall.h \
	driver/aws/endpoint.c driver/aws/endpoint.h \
	driver/aws/redshift_api.c driver/aws/redshift_api.h \
	driver/aws/serverless_api.c driver/aws/serverless_api.h \
	driver/aws/sts.c driver/aws/sts.h \
	driver/aws/dbcred_cache.c driver/aws/dbcred_cache.h \
	driver/aws/iam.c driver/aws/iam.h driver/aws/credentials.h

# Unit tests (TAP).
AWS_UNIT_TESTS = tests/unit/aws_sigv4 tests/unit/aws_http tests/unit/aws_endpoint \
	tests/unit/aws_dbcred_cache tests/unit/aws_iam
check_PROGRAMS += $(AWS_UNIT_TESTS)
TESTS += $(AWS_UNIT_TESTS)
EXTRA_DIST += tests/unit/aws_tap.h tests/unit/aws_pyserver.h tests/unit/aws_sigv4_botocore.py \
	tests/unit/aws_fake_server.py

tests_unit_aws_sigv4_SOURCES = tests/unit/aws_sigv4.c
tests_unit_aws_sigv4_LDADD = $(RS_TEST_LIBS)

tests_unit_aws_http_SOURCES = tests/unit/aws_http.c
tests_unit_aws_http_LDADD = $(RS_TEST_LIBS)

tests_unit_aws_endpoint_SOURCES = tests/unit/aws_endpoint.c
tests_unit_aws_endpoint_LDADD = $(RS_TEST_LIBS)

tests_unit_aws_dbcred_cache_SOURCES = tests/unit/aws_dbcred_cache.c
tests_unit_aws_dbcred_cache_LDADD = $(RS_TEST_LIBS)

# End to end against the AWS emulator (tests/aws_emulator).
tests_unit_aws_iam_SOURCES = tests/unit/aws_iam.c
tests_unit_aws_iam_LDADD = $(RS_TEST_LIBS)
