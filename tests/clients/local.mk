# tests/clients: real ODBC clients (isql, iusql, pyodbc) against the test PostgreSQL through the
# driver. They need the environment scripts/check.sh or scripts/with-test-env.sh sets up (they
# skip without it); in the sanitizer build they preload the ASan runtime into the client only.
TESTS += tests/clients/isql.sh tests/clients/iusql.sh tests/clients/pyodbc_basic.py tests/clients/pyodbc_catalog.py \
	tests/clients/pyodbc_types.py
EXTRA_DIST += tests/clients/isql.sh tests/clients/iusql.sh tests/clients/pyodbc_basic.py tests/clients/pyodbc_catalog.py tests/clients/pyodbc_types.py \
	tests/clients/lib.sh tests/clients/isql_suite.sh \
	tests/pg/pgserver.sh tests/pg/README.md
EXTRA_DIST += tests/pylib/rstap.py
