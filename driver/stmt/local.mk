# driver/stmt: statement text, parameters, execution, results, fetch, descriptors, catalog
librscore_la_SOURCES += \
	driver/stmt/sqltext.c driver/stmt/sqltext.h driver/stmt/params.c driver/stmt/params.h \
	driver/stmt/callparams.c driver/stmt/callparams.h driver/stmt/paramtarget.c driver/stmt/paramtarget.h \
	driver/stmt/dae.c driver/stmt/dae.h driver/stmt/setpos.c driver/stmt/setpos.h \
	driver/stmt/execute.c driver/stmt/execute.h driver/stmt/result.c driver/stmt/result.h \
	driver/stmt/fetch.c driver/stmt/fetch.h driver/stmt/desc.c driver/stmt/desc.h \
	driver/stmt/attrs.c driver/stmt/attrs.h driver/stmt/wire.c driver/stmt/wire.h driver/stmt/catalog.h \
	driver/stmt/catalog_util.c driver/stmt/catalog_util.h driver/stmt/catalog_tables.c \
	driver/stmt/catalog_keys.c driver/stmt/catalog_procs.c driver/stmt/catalog_privs.c driver/stmt/catalog_typeinfo.c \
	driver/stmt/catalog_redshift.c driver/stmt/catalog_redshift.h \
	driver/stmt/batchins.c driver/stmt/batchins.h \
	driver/stmt/paramarray.c driver/stmt/paramarray.h
librscore_la_SOURCES += driver/stmt/descfields.c driver/stmt/descfields.h
librscore_la_SOURCES += driver/stmt/stmtlog.c driver/stmt/stmtlog.h
