# driver/util: diagnostics, strings, UTF-8/UTF-16, logging
librscore_la_SOURCES += driver/util/version.c driver/util/version.h
