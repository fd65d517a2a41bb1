# driver/api: the exported ODBC entry points
rsodbc_la_SOURCES += driver/api/module.c
