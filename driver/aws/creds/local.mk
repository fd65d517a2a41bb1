# driver/aws/creds: AWS credential provider chain
librscore_la_SOURCES += \
	driver/aws/creds/ini.c driver/aws/creds/ini.h \
	driver/aws/creds/awsconfig.c driver/aws/creds/awsconfig.h \
	driver/aws/creds/creds_util.c driver/aws/creds/creds_http.c driver/aws/creds/creds_util.h \
	driver/aws/creds/cache.c driver/aws/creds/cache.h \
	driver/aws/creds/sources.h driver/aws/creds/sts_options.c \
	driver/aws/creds/src_explicit.c driver/aws/creds/src_env.c \
	driver/aws/creds/src_profile.c driver/aws/creds/src_process.c \
	driver/aws/creds/src_web_identity.c driver/aws/creds/src_sso.c \
	driver/aws/creds/src_container.c driver/aws/creds/src_imds.c \
	driver/aws/creds/chain.c
