/* version.h - the driver's version. */
#ifndef RS_VERSION_H
#define RS_VERSION_H
const char *rs_version(void);
#endif
