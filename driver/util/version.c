/* version.c - the driver's version string, one place. */
#include "util/version.h"

const char *rs_version(void) { return PACKAGE_VERSION; }
