/* probe.h - connects through the driver manager in a fresh child process.
 *
 * The driver's caches (AWS credentials, database credentials) are process-wide and read the
 * environment, so every case runs in a new process: the test program re-executes itself as
 * `PROGRAM --probe ITEM...` with the environment the case needs. ITEMs, in order:
 *   a connection string          SQLDriverConnect, run the query, print one result line
 *   threads=N                    the next connection string is connected by N threads at once
 *   sleep=MS                     sleep
 *   query=SQL                    the query run after each connect (default SELECT current_user)
 * A result line is "R\t<ok>\t<sqlstate>\t<first column>\t<seconds>\t<all diagnostics>". */
#ifndef RS_IAM_PROBE_H
#define RS_IAM_PROBE_H

#define PROBE_MAX 16

typedef struct probe_conn {
    int ok;                  /* SQLDriverConnect and the query succeeded */
    char state[8];           /* SQLSTATE of the first diagnostic record ("" when none) */
    char value[512];         /* the query's first column */
    double secs;             /* how long SQLDriverConnect took */
    char msg[4096];          /* every diagnostic record: "STATE native message | ..." */
} probe_conn;

typedef struct probe_run {
    int n;                   /* result lines read */
    probe_conn c[PROBE_MAX];
    int status;              /* exit status of the child, -1 when killed */
    char output[16384];      /* everything the child printed (stdout and stderr) */
} probe_run;

/* The child side: argv[0] is the program, argv[1] "--probe". Returns the exit status. */
int probe_main(int argc, char **argv);

/* Base environment of every child: AWS_* variables removed, HOME an empty directory under
 * workdir, AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE pointing at missing files,
 * AWS_EC2_METADATA_DISABLED=true, RSODBC_AWS_RETRY_BASE_MS=10. */
void probe_set_workdir(const char *workdir);

/* Run `self --probe args...` with env changes ("NAME=value" sets, "NAME" unsets; NULL-terminated
 * lists), waiting at most timeout_s. Returns 0 when the child ran and exited, -1 otherwise. */
int probe_run_child(const char *const *env, const char *const *args, int timeout_s, probe_run *out);

#endif
