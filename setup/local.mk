# setup: rsodbcS, the unixODBC setup library (DSN properties for configuration tools), and
# rs-keywords-md, which writes the keyword reference. Both are built from the keyword table
# alone (setup/librskeywords.la): no libpq, curl or OpenSSL in them.
noinst_LTLIBRARIES += setup/librskeywords.la
setup_librskeywords_la_SOURCES = driver/conn/keywords.c driver/conn/keywords.h driver/conn/keywords.def

rsodbcS_la_SOURCES = setup/setup.c
rsodbcS_la_LIBADD = setup/librskeywords.la
rsodbcS_la_LDFLAGS = -module -avoid-version -shared -no-undefined \
	-export-symbols-regex '^ODBCINSTGetProperties$$'

# The keyword reference is generated at build time; docs/keywords.md is the committed copy
# (tests/setup/keywords_doc.sh fails when they differ).
noinst_PROGRAMS = setup/rs-keywords-md
setup_rs_keywords_md_SOURCES = setup/keywords_md.c
setup_rs_keywords_md_LDADD = setup/librskeywords.la

noinst_DATA = docs/keywords.generated.md
docs/keywords.generated.md: setup/rs-keywords-md$(EXEEXT)
	$(AM_V_GEN)$(MKDIR_P) docs && setup/rs-keywords-md$(EXEEXT) > $@.tmp && mv $@.tmp $@
CLEANFILES += docs/keywords.generated.md docs/keywords.generated.md.tmp

# Refresh the committed reference after changing driver/conn/keywords.def.
update-keywords-doc: docs/keywords.generated.md
	cp docs/keywords.generated.md $(srcdir)/docs/keywords.md
.PHONY: update-keywords-doc

EXTRA_DIST += docs/keywords.md
