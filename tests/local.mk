# tests: each area adds its programs and scripts through its own fragment.
include tests/odbc/local.mk
include tests/unit/local.mk
include tests/clients/local.mk
include tests/aws_emulator/local.mk
include tests/setup/local.mk
include tests/iam/local.mk

# The tests reach the driver through the unixODBC configuration of the test environment
# (ODBCSYSINI, RS_DRIVER: scripts/odbc-env.sh). When that configuration registers another build's
# driver - `make distcheck` or a Debian package build inside scripts/check.sh - this build writes
# its own (tests/odbc-env/, from the same server description) and the tests use it, so they test
# the driver built here. Without the test services nothing changes: those tests skip.
check_DATA = tests/odbc-env/env
tests/odbc-env/env: FORCE
	@if test -n "$$RS_PG_HOST" && test -n "$$RS_DRIVER" && \
	    test "$$RS_DRIVER" != "$(abs_top_builddir)/.libs/rsodbc.so"; then \
	  echo "  ODBCENV  tests/odbc-env (the test environment registered $$RS_DRIVER)"; \
	  $(SHELL) $(top_srcdir)/scripts/odbc-env.sh $(top_builddir) tests/odbc-env > /dev/null; \
	else rm -f $@; fi
FORCE:
.PHONY: FORCE
RS_TESTS_ODBC_ENV = if test -f '$(abs_top_builddir)/tests/odbc-env/env'; then \
	. '$(abs_top_builddir)/tests/odbc-env/env'; fi;
clean-local: clean-tests-odbc-env
clean-tests-odbc-env:
	rm -rf tests/odbc-env
.PHONY: clean-tests-odbc-env
