rsodbcS_la_SOURCES = setup/setup.c
rsodbcS_la_LIBADD = $(ODBCINST_LIBS)
rsodbcS_la_LDFLAGS = -module -avoid-version -shared -no-undefined
