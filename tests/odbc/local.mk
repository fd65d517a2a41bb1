# tests/odbc: integration tests in C through the unixODBC driver manager. They link libodbc
# (RS_DM_LIBS), never the driver, and need the environment of scripts/with-test-env.sh or
# scripts/check.sh (they print a skip plan without it).
noinst_LTLIBRARIES += tests/odbc/libodbctest.la
tests_odbc_libodbctest_la_SOURCES = tests/odbc/odbctest.c tests/odbc/odbctest.h

ODBC_DM_TESTS = tests/odbc/catalog_redshift \
	tests/odbc/catalog_tables \
	tests/odbc/catalog_privs \
	tests/odbc/catalog_procs \
	tests/odbc/catalog_keys \
	tests/odbc/connect tests/odbc/execute tests/odbc/fetch tests/odbc/txn tests/odbc/info tests/odbc/diag \
	tests/odbc/stream tests/odbc/params_dae tests/odbc/params_array tests/odbc/setpos \
	tests/odbc/colattr_odbc2
check_PROGRAMS += $(ODBC_DM_TESTS)
TESTS += $(ODBC_DM_TESTS)

tests_odbc_colattr_odbc2_SOURCES = tests/odbc/colattr_odbc2.c
tests_odbc_colattr_odbc2_LDADD = $(RS_DM_LIBS)

tests_odbc_connect_SOURCES = tests/odbc/connect.c
tests_odbc_connect_LDADD = $(RS_DM_LIBS)

tests_odbc_execute_SOURCES = tests/odbc/execute.c
tests_odbc_execute_LDADD = $(RS_DM_LIBS)

tests_odbc_fetch_SOURCES = tests/odbc/fetch.c
tests_odbc_fetch_LDADD = $(RS_DM_LIBS)

tests_odbc_txn_SOURCES = tests/odbc/txn.c
tests_odbc_txn_LDADD = $(RS_DM_LIBS)

tests_odbc_info_SOURCES = tests/odbc/info.c
tests_odbc_info_LDADD = $(RS_DM_LIBS)

tests_odbc_diag_SOURCES = tests/odbc/diag.c
tests_odbc_diag_LDADD = $(RS_DM_LIBS)

tests_odbc_stream_SOURCES = tests/odbc/stream.c
tests_odbc_stream_LDADD = $(RS_DM_LIBS)

tests_odbc_params_dae_SOURCES = tests/odbc/params_dae.c
tests_odbc_params_dae_LDADD = $(RS_DM_LIBS)

tests_odbc_params_array_SOURCES = tests/odbc/params_array.c
tests_odbc_params_array_LDADD = $(RS_DM_LIBS)

tests_odbc_setpos_SOURCES = tests/odbc/setpos.c
tests_odbc_setpos_LDADD = $(RS_DM_LIBS)

tests_odbc_catalog_keys_SOURCES = tests/odbc/catalog_keys.c tests/odbc/catalogtest.c tests/odbc/catalogtest.h
tests_odbc_catalog_keys_LDADD = $(RS_DM_LIBS)

tests_odbc_desc_SOURCES = tests/odbc/desc.c
tests_odbc_desc_LDADD = $(RS_DM_LIBS)
check_PROGRAMS += tests/odbc/desc
TESTS += tests/odbc/desc

tests_odbc_catalog_procs_SOURCES = tests/odbc/catalog_procs.c tests/odbc/catalogtest.c tests/odbc/catalogtest.h
tests_odbc_catalog_procs_LDADD = $(RS_DM_LIBS)

tests_odbc_catalog_privs_SOURCES = tests/odbc/catalog_privs.c tests/odbc/catalogtest.c tests/odbc/catalogtest.h
tests_odbc_catalog_privs_LDADD = $(RS_DM_LIBS)

tests_odbc_convert_SOURCES = tests/odbc/convert.c tests/common/render.c tests/common/render.h
tests_odbc_convert_LDADD = $(RS_DM_LIBS)
ODBC_DM_TESTS += tests/odbc/convert

tests_odbc_catalog_tables_SOURCES = tests/odbc/catalog_tables.c tests/odbc/catalogtest.c tests/odbc/catalogtest.h
tests_odbc_catalog_tables_LDADD = $(RS_DM_LIBS)

tests_odbc_catalog_redshift_SOURCES = tests/odbc/catalog_redshift.c tests/odbc/catalogtest.c tests/odbc/catalogtest.h
tests_odbc_catalog_redshift_LDADD = $(RS_DM_LIBS)

tests_odbc_params_call_SOURCES = tests/odbc/params_call.c
tests_odbc_params_call_LDADD = $(RS_DM_LIBS)
ODBC_DM_TESTS += tests/odbc/params_call

tests_odbc_attrs_SOURCES = tests/odbc/attrs.c
tests_odbc_attrs_LDADD = $(RS_DM_LIBS)
ODBC_DM_TESTS += tests/odbc/attrs

tests_odbc_params_describe_SOURCES = tests/odbc/params_describe.c
tests_odbc_params_describe_LDADD = $(RS_DM_LIBS)
ODBC_DM_TESTS += tests/odbc/params_describe
