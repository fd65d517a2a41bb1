/* tap.h - the few TAP helpers the tests/iam programs need (one program, one counter). */
#ifndef RS_IAM_TAP_H
#define RS_IAM_TAP_H

#include <stdarg.h>
#include <stdio.h>

extern int tap_count;
extern int tap_failed;

/* Print "ok N - what" or "not ok N - what"; returns cond. */
int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A "# ..." line (each line of text prefixed), for details after a failure. */
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print the plan "1..N" and return the exit status (1 when something failed). */
int tap_done(void);

#endif
