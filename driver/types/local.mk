# driver/types: the type table and the C <-> text conversions
librscore_la_SOURCES += \
	driver/types/pgtypes.c driver/types/pgtypes.h driver/types/convert.c driver/types/convert.h \
	driver/types/cparam.c driver/types/cparam.h
