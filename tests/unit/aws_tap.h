/* aws_tap.h - the AWS unit tests use the shared TAP emitter. */
#include "tap.h"
