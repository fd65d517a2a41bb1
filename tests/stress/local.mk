# tests/stress: many threads logging in with IAM through the driver manager and the shared
# credential cache, against a private AWS emulator (tests/iam/emu.c) and the test PostgreSQL.
# RS_STRESS_THREADS / RS_STRESS_CYCLES / RS_STRESS_WINDOW_S change the load (defaults 32 / 200 / 6),
# RS_STRESS_LOGIN_TIMEOUT_S the LoginTimeout (30; slow runs such as valgrind's need more);
# make check runs it through stress_quick.sh with 20 cycles a thread (the full load takes about a
# minute: scripts/check.d/34-stress.sh).
check_PROGRAMS += tests/stress/stress
TESTS += tests/stress/stress_quick.sh
EXTRA_DIST += tests/stress/config.json tests/stress/stress_quick.sh
tests_stress_stress_SOURCES = tests/stress/stress.c tests/iam/emu.c tests/iam/emu.h \
	tests/iam/tap.c tests/iam/tap.h
tests_stress_stress_LDADD = $(ODBC_LIBS) $(CURL_LIBS) $(JSONC_LIBS)
