# driver/types: the type table and the C <-> text conversions
librscore_la_SOURCES += \
	driver/types/pgtypes.c driver/types/pgtypes.h driver/types/convert.c driver/types/convert.h \
	driver/types/cparam.c driver/types/cparam.h driver/types/interval.c driver/types/interval.h driver/types/textparse.c driver/types/textparse.h \
	driver/types/convfast.c
