/* emu.h - a private AWS emulator (tests/aws_emulator/emulator.py) for one test program, and
 * its control API (/_emulator/...). Private, because call records, faults and the expiration
 * override are global to an emulator and tests running in parallel must not see each other's.
 * It issues database passwords on the test PostgreSQL (RS_PG_SOCKDIR, RS_PG_PORT,
 * RS_PG_SUPERUSER, RS_PG_DATABASE) and serves HTTPS with the test server's certificate. */
#ifndef RS_IAM_EMU_H
#define RS_IAM_EMU_H

#include <sys/types.h>
#include <json-c/json.h>

typedef struct iam_emu {
    pid_t pid;
    char dir[512];         /* work directory: port files and the emulator's log */
    char url[64];          /* http://127.0.0.1:PORT */
    char https_url[64];    /* https://127.0.0.1:PORT */
} iam_emu;

/* Start the emulator with config (a JSON file) inside dir. Returns 0 or -1 (message on stderr). */
int iam_emu_start(iam_emu *e, const char *srcdir, const char *config, const char *dir);
void iam_emu_stop(iam_emu *e);

/* One control request; body may be NULL. Returns the HTTP status (or -1) and, when answer is
 * not NULL, the parsed JSON answer (json_object_put it). */
int iam_emu_control(const iam_emu *e, const char *method, const char *path, const char *body,
                    json_object **answer);

/* Reset the emulator (calls, faults, issued credentials, expiration override). */
int iam_emu_reset(const iam_emu *e);

/* Recorded calls matching service and action (either may be NULL: any), oldest first.
 * Returns the array (json_object_put it) or NULL. */
json_object *iam_emu_calls(const iam_emu *e, const char *service, const char *action);

/* Number of recorded calls matching service/action; -1 when the emulator did not answer. */
int iam_emu_count(const iam_emu *e, const char *service, const char *action);

/* A member of a call record ("access_key", "status", "error") or of its params (name
 * prefixed "params."), as text: strings as they are, other JSON as JSON. "" when absent.
 * Copied into buf. */
const char *iam_call_get(json_object *call, const char *name, char *buf, size_t size);

/* The last recorded call matching service/action, as a new reference, or NULL. */
json_object *iam_emu_last_call(const iam_emu *e, const char *service, const char *action);

#endif
