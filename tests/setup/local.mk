# tests/setup: the setup library as unixODBC loads it, the sample ini files, the keyword reference.
check_PROGRAMS += tests/setup/setup_props tests/setup/construct tests/setup/samples
# setup_props dlopens the built rsodbcS.so; it links only the keyword table to compare against.
tests_setup_setup_props_SOURCES = tests/setup/setup_props.c tests/unit/tap.h
tests_setup_setup_props_LDADD = setup/librskeywords.la
# construct goes through unixODBC's ODBCINSTConstructProperties/ODBCINSTDestructProperties.
tests_setup_construct_SOURCES = tests/setup/construct.c tests/unit/tap.h
tests_setup_construct_LDADD = setup/librskeywords.la $(ODBCINST_LIBS)
tests_setup_samples_SOURCES = tests/setup/samples.c tests/unit/tap.h
tests_setup_samples_LDADD = $(RS_TEST_LIBS)
TESTS += tests/setup/setup_props tests/setup/construct tests/setup/samples tests/setup/keywords_doc.sh \
	tests/setup/register.sh
EXTRA_DIST += tests/setup/keywords_doc.sh tests/setup/register.sh
