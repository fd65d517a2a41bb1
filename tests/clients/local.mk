# tests/clients: real ODBC clients (isql, iusql, pyodbc) against the test PostgreSQL through the
# driver. They need the environment scripts/check.sh or scripts/with-test-env.sh sets up (they
# skip without it); in the sanitizer build they preload the ASan runtime into the client only.
TESTS += tests/clients/isql.sh tests/clients/iusql.sh tests/clients/pyodbc_basic.py tests/clients/pyodbc_catalog.py \
	tests/clients/pyodbc_types.py
EXTRA_DIST += tests/clients/isql.sh tests/clients/iusql.sh tests/clients/pyodbc_basic.py tests/clients/pyodbc_catalog.py tests/clients/pyodbc_types.py \
	tests/clients/lib.sh tests/clients/isql_suite.sh \
	tests/pg/pgserver.sh tests/pg/README.md
EXTRA_DIST += tests/pylib/rstap.py
# The same clients logging in with IAM through the AWS emulator (RS_EMULATOR_URL): a parameterized
# statement, non-ASCII text and a timestamp read back. Node, Perl and PHP do the same in the
# stage scripts/check.d/60-clients.sh (their packages are not needed to build or `make check`).
TESTS += tests/clients/iam_isql.sh tests/clients/iam_iusql.sh tests/clients/pyodbc_iam.py
EXTRA_DIST += tests/clients/iam_isql.sh tests/clients/iam_iusql.sh tests/clients/pyodbc_iam.py \
	tests/clients/iam_lib.sh tests/clients/iam_isql_suite.sh
EXTRA_DIST += tests/clients/node_iam.js tests/clients/perl_iam.pl tests/clients/php_iam.php \
	tests/clients/node/package.json tests/clients/node/package-lock.json \
	tests/clients/node18/package.json tests/clients/node18/package-lock.json
