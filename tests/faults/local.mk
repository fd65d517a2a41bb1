# tests/faults: fault injection and bad input through the driver manager (issue 7 points 3
# and 6). The server-restart test is not here: it runs alone in scripts/check.d/20-faults.sh.
FAULT_DM_TESTS = tests/faults/corpus tests/faults/attrs tests/faults/killed tests/faults/timeout \
	tests/faults/sqltext
check_PROGRAMS += $(FAULT_DM_TESTS)
TESTS += $(FAULT_DM_TESTS)
EXTRA_DIST += tests/faults/connstr_corpus.txt tests/faults/README.md

tests_faults_corpus_SOURCES = tests/faults/corpus.c
tests_faults_corpus_LDADD = $(RS_DM_LIBS)

tests_faults_attrs_SOURCES = tests/faults/attrs.c
tests_faults_attrs_LDADD = $(RS_DM_LIBS)

tests_faults_killed_SOURCES = tests/faults/killed.c
tests_faults_killed_LDADD = $(RS_DM_LIBS)

tests_faults_timeout_SOURCES = tests/faults/timeout.c
tests_faults_timeout_LDADD = $(RS_DM_LIBS)

tests_faults_sqltext_SOURCES = tests/faults/sqltext.c
tests_faults_sqltext_LDADD = $(RS_DM_LIBS)

# Built with the tests, run alone by scripts/check.d/20-faults.sh (it restarts the server).
check_PROGRAMS += tests/faults/restart
tests_faults_restart_SOURCES = tests/faults/restart.c
tests_faults_restart_LDADD = $(RS_DM_LIBS)
