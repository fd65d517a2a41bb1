/* common.h - what every tests/iam C program shares: the test environment (scripts/check.sh or
 * scripts/with-test-env.sh), a work directory, a private AWS emulator, connection strings,
 * superuser SQL and assertions on probe results (probe.h). */
#ifndef RS_IAM_COMMON_H
#define RS_IAM_COMMON_H

#include "emu.h"
#include "probe.h"
#include "tap.h"

typedef struct iam_ctx {
    iam_emu emu;
    char workdir[512];
    char srcdir[1024];
    const char *pg_port;
    const char *ca_file;
    const char *database;
    int closed_port;          /* a local TCP port nothing listens on */
} iam_ctx;

extern iam_ctx T;

/* Handle `--probe` (returns its exit status through *exit_now) or set up T: work directory,
 * emulator with tests/iam/<config>. Prints "1..0 # SKIP" and returns 1 without the test
 * environment; returns -1 when setup failed (after a not ok line), 0 when ready. */
int iam_begin(int argc, char **argv, const char *config, int *exit_now);

/* iam_begin for a test's main(): returns only when the tests are to run; otherwise it exits
 * with the status they call for (the probe's, 0 after a SKIP, iam_end's after a failed setup). */
void iam_start(int argc, char **argv, const char *config);

/* Stop the emulator, remove the work directory, print the plan. Returns the exit status. */
int iam_end(void);

/* printf into one of 16 rotating static buffers (connection strings, paths). */
const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* "DRIVER={rsodbc};IAM=1;Database=..;SSLMode=verify-full;CaFile=..;LoginTimeout=20;" + extra. */
const char *cs(const char *extra_fmt, ...) __attribute__((format(printf, 1, 2)));

/* Write a file (mode 0600 or 0700 for scripts) under the work directory; returns its path. */
const char *write_file(const char *name, int mode, const char *content);

/* Run SQL as the PostgreSQL superuser (psql over the socket). Returns psql's exit status. */
int psql_su(const char *sql);

/* Reset the emulator before a case; a failure is a not ok line. */
void reset_emu(void);

/* ok when connection i of r logged in and its query answered want. */
int expect_value(const probe_run *r, int i, const char *want, const char *what);

/* ok when connection i of r failed with SQLSTATE state (or state2 when not NULL) and its
 * diagnostics contain every non-NULL needle. */
int expect_error(const probe_run *r, int i, const char *state, const char *state2, const char *what,
                 const char *needle1, const char *needle2);

/* ok when the last recorded service/action call has every "name=value" pair given (name as in
 * iam_call_get: "access_key", "params.DbUser", ...; NULL-terminated). */
int expect_call(const char *service, const char *action, const char *what, ...);

/* Run a probe child; the env and items are NULL-terminated lists. */
void probe(probe_run *r, const char *const *env, const char *const *items);

/* The access key of the last service/action call (static buffer). */
const char *last_access_key(const char *service, const char *action);

/* ARN of an access key issued by the emulator (GET /_emulator/credentials); "" when unknown. */
const char *issued_arn(const char *access_key);

#define ENV(...) ((const char *const[]){__VA_ARGS__, NULL})
#define ITEMS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define NOENV ((const char *const[]){NULL})

#endif
