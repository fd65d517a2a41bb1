/* probe.c - see probe.h. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <sql.h>
#include <sqlext.h>

#include "probe.h"

extern char **environ;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ child side */

static SQLHENV probe_env;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static void diag_text(SQLSMALLINT type, SQLHANDLE h, probe_conn *r)
{
    for (SQLSMALLINT i = 1; i < 20; i++) {
        SQLCHAR state[6], text[2048];
        SQLINTEGER native = 0;
        SQLSMALLINT len = 0;
        if (!SQL_SUCCEEDED(SQLGetDiagRec(type, h, i, state, &native, text, sizeof text, &len)))
            break;
        if (!r->state[0])
            snprintf(r->state, sizeof r->state, "%s", (char *)state);
        size_t used = strlen(r->msg);
        snprintf(r->msg + used, sizeof r->msg - used, "%s%s %ld %s", used ? " | " : "", (char *)state,
                 (long)native, (char *)text);
    }
}

static void connect_once(const char *connstr, const char *query, probe_conn *r)
{
    memset(r, 0, sizeof *r);
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHSTMT st = SQL_NULL_HSTMT;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, probe_env, &dbc))) {
        snprintf(r->msg, sizeof r->msg, "SQLAllocHandle(DBC) failed");
        return;
    }
    SQLCHAR out[2048];
    SQLSMALLINT outlen = 0;
    double t0 = now_s();
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, out, sizeof out, &outlen,
                                    SQL_DRIVER_NOPROMPT);
    r->secs = now_s() - t0;
    diag_text(SQL_HANDLE_DBC, dbc, r);
    if (!SQL_SUCCEEDED(rc))
        goto done;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)))
        goto disconnect;
    if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)query, SQL_NTS))) {
        diag_text(SQL_HANDLE_STMT, st, r);
        goto disconnect;
    }
    SQLLEN ind = 0;
    SQLCHAR val[512];
    if (SQL_SUCCEEDED(SQLFetch(st)) &&
        SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, val, sizeof val, &ind))) {
        snprintf(r->value, sizeof r->value, "%s", ind == SQL_NULL_DATA ? "(null)" : (char *)val);
        r->ok = 1;
    } else {
        diag_text(SQL_HANDLE_STMT, st, r);
    }
disconnect:
    if (st)
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    SQLDisconnect(dbc);
done:
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void print_result(const probe_conn *r)
{
    char msg[sizeof r->msg];
    snprintf(msg, sizeof msg, "%s", r->msg);
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\t' || *p == '\r')
            *p = ' ';
    pthread_mutex_lock(&out_lock);
    printf("R\t%d\t%s\t%s\t%.3f\t%s\n", r->ok, r->state, r->value, r->secs, msg);
    fflush(stdout);
    pthread_mutex_unlock(&out_lock);
}

typedef struct thread_job {
    const char *connstr, *query;
    pthread_barrier_t *start;
    probe_conn result;
} thread_job;

static void *thread_connect(void *arg)
{
    thread_job *j = arg;
    pthread_barrier_wait(j->start);
    connect_once(j->connstr, j->query, &j->result);
    return NULL;
}

int probe_main(int argc, char **argv)
{
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &probe_env)) ||
        !SQL_SUCCEEDED(SQLSetEnvAttr(probe_env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0))) {
        fprintf(stderr, "probe: no ODBC environment\n");
        return 2;
    }
    const char *query = "SELECT current_user";
    int threads = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "sleep=", 6) == 0) {
            usleep((useconds_t)atol(a + 6) * 1000);
        } else if (strncmp(a, "threads=", 8) == 0) {
            threads = atoi(a + 8);
        } else if (strncmp(a, "query=", 6) == 0) {
            query = a + 6;
        } else if (threads > 1) {
            thread_job jobs[PROBE_MAX];
            pthread_t tid[PROBE_MAX];
            pthread_barrier_t start;
            if (threads > PROBE_MAX)
                threads = PROBE_MAX;
            pthread_barrier_init(&start, NULL, (unsigned)threads);
            for (int t = 0; t < threads; t++) {
                jobs[t] = (thread_job){.connstr = a, .query = query, .start = &start};
                pthread_create(&tid[t], NULL, thread_connect, &jobs[t]);
            }
            for (int t = 0; t < threads; t++) {
                pthread_join(tid[t], NULL);
                print_result(&jobs[t].result);
            }
            pthread_barrier_destroy(&start);
            threads = 0;
        } else {
            probe_conn r;
            connect_once(a, query, &r);
            print_result(&r);
        }
    }
    SQLFreeHandle(SQL_HANDLE_ENV, probe_env);
    return 0;
}

/* ------------------------------------------------------------------ parent side */

static char probe_workdir[512];

void probe_set_workdir(const char *workdir)
{
    snprintf(probe_workdir, sizeof probe_workdir, "%s", workdir);
    char path[600];
    snprintf(path, sizeof path, "%s/home", workdir);
    mkdir(path, 0700);
}

static void base_env(void)
{
    /* Collect first: unsetenv changes environ while we walk it. */
    char *names[256];
    int n = 0;
    for (char **e = environ; *e && n < 256; e++) {
        if (strncmp(*e, "AWS_", 4) == 0) {
            names[n] = strndup(*e, strcspn(*e, "="));
            if (names[n])
                n++;
        }
    }
    for (int i = 0; i < n; i++) {
        unsetenv(names[i]);
        free(names[i]);
    }
    char path[700];
    snprintf(path, sizeof path, "%s/home", probe_workdir);
    setenv("HOME", path, 1);
    snprintf(path, sizeof path, "%s/home/no-such-config", probe_workdir);
    setenv("AWS_CONFIG_FILE", path, 1);
    snprintf(path, sizeof path, "%s/home/no-such-credentials", probe_workdir);
    setenv("AWS_SHARED_CREDENTIALS_FILE", path, 1);
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    setenv("RSODBC_AWS_RETRY_BASE_MS", "10", 1);
}

static void parse_output(probe_run *out)
{
    char *save = NULL;
    char copy[sizeof out->output];
    snprintf(copy, sizeof copy, "%s", out->output);
    for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "R\t", 2) != 0 || out->n >= PROBE_MAX)
            continue;
        probe_conn *r = &out->c[out->n++];
        char *f[6] = {0};
        char *p = line;
        for (int i = 0; i < 6 && p; i++) {
            f[i] = p;
            p = i < 5 ? strchr(p, '\t') : NULL;
            if (p)
                *p++ = '\0';
        }
        r->ok = f[1] ? atoi(f[1]) : 0;
        snprintf(r->state, sizeof r->state, "%s", f[2] ? f[2] : "");
        snprintf(r->value, sizeof r->value, "%s", f[3] ? f[3] : "");
        r->secs = f[4] ? atof(f[4]) : 0;
        snprintf(r->msg, sizeof r->msg, "%s", f[5] ? f[5] : "");
    }
}

int probe_run_child(const char *const *env, const char *const *args, int timeout_s, probe_run *out)
{
    memset(out, 0, sizeof *out);
    out->status = -1;
    int fds[2];
    if (pipe(fds) < 0)
        return -1;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        dup2(fds[1], 2);
        close(fds[1]);
        base_env();
        for (const char *const *e = env; e && *e; e++) {
            const char *eq = strchr(*e, '=');
            if (eq) {
                char name[256];
                snprintf(name, sizeof name, "%.*s", (int)(eq - *e), *e);
                setenv(name, eq + 1, 1);
            } else {
                unsetenv(*e);
            }
        }
        const char *argv[64];
        int n = 0;
        argv[n++] = "iam-probe";
        argv[n++] = "--probe";
        for (const char *const *a = args; *a && n < 63; a++)
            argv[n++] = *a;
        argv[n] = NULL;
        /* The path /proc/self/exe names, not the link itself: under valgrind the link is the
         * tool's own binary, while readlink answers the program's path (so children are traced). */
        char self[4096];
        ssize_t len = readlink("/proc/self/exe", self, sizeof self - 1);
        if (len > 0 && (size_t)len < sizeof self - 1) {
            self[len] = '\0';
            execv(self, (char *const *)argv);
        }
        execv("/proc/self/exe", (char *const *)argv);
        _exit(127);
    }
    close(fds[1]);
    size_t used = 0;
    double deadline = now_s() + timeout_s;
    int status = 0, done = 0, killed = 0;
    for (;;) {
        fd_set rd;
        FD_ZERO(&rd);
        FD_SET(fds[0], &rd);
        struct timeval tv = {0, 200 * 1000};
        int s = select(fds[0] + 1, &rd, NULL, NULL, &tv);
        if (s > 0) {
            char buf[4096];
            ssize_t r = read(fds[0], buf, sizeof buf);
            if (r <= 0)
                break;
            size_t take = (size_t)r;
            if (used + take >= sizeof out->output)
                take = sizeof out->output - 1 - used;
            memcpy(out->output + used, buf, take);
            used += take;
            out->output[used] = '\0';
        } else if (s < 0 && errno != EINTR) {
            break;
        }
        if (now_s() > deadline) {
            kill(pid, SIGKILL);
            killed = 1;
            break;
        }
    }
    close(fds[0]);
    if (waitpid(pid, &status, 0) == pid)
        done = 1;
    if (done && !killed && WIFEXITED(status))
        out->status = WEXITSTATUS(status);
    parse_output(out);
    return out->status >= 0 ? 0 : -1;
}
