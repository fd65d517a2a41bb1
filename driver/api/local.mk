# driver/api: the exported ODBC entry points, thin, A and W forms side by side
librscore_la_SOURCES += driver/api/api.h driver/api/api_util.c
rsodbc_la_SOURCES += \
	driver/api/api_handles.c driver/api/api_connect.c driver/api/api_attrs.c \
	driver/api/api_info.c driver/api/api_execute.c driver/api/api_results.c \
	driver/api/api_catalog.c driver/api/api_diag.c
rsodbc_la_SOURCES += driver/api/api_desc.c
