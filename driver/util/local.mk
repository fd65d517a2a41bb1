# driver/util: diagnostics, strings, UTF-8/UTF-16, logging
librscore_la_SOURCES += \
	driver/util/version.c driver/util/version.h driver/util/diag.c driver/util/diag.h \
	driver/util/text.c driver/util/text.h driver/util/log.c driver/util/log.h \
	driver/handles.c driver/handles.h driver/handles_alloc.h
