# driver/conn: keywords, connection strings, configuration, connect, session, attributes, info
librscore_la_SOURCES += \
	driver/conn/keywords.def driver/conn/keywords.c driver/conn/keywords.h \
	driver/conn/connstr.c driver/conn/connstr.h driver/conn/config.c driver/conn/config.h \
	driver/conn/connect.c driver/conn/connect.h driver/conn/session.c driver/conn/session.h \
	driver/conn/pgerror.c driver/conn/pgerror.h driver/conn/attrs.c driver/conn/attrs.h \
	driver/conn/info.c driver/conn/info.h
