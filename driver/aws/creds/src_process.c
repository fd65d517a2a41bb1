/* src_process.c - credential_process: run an external command and read its JSON.
 *
 * Like the AWS SDKs on Linux (Java, Go, Rust, C++), the command line goes through
 * /bin/sh -c, so quoting and ~ behave as the user expects. It runs in its own process
 * group with stdin from /dev/null, a timeout and bounded output; on timeout the whole
 * group is killed. stdout (the secrets) never reaches a message; a short, sanitized
 * piece of stderr does, as botocore does, because that is where tools explain failures. */
#include "aws/creds/sources.h"
#include "aws/creds/cache.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define PROCESS_MAX_STDOUT (64 * 1024)
#define PROCESS_MAX_STDERR 512
#define PROCESS_DEFAULT_TIMEOUT_MS 60000

static atomic_long process_timeout_ms = PROCESS_DEFAULT_TIMEOUT_MS;

void rs_creds_process_set_timeout_ms(long ms)
{
    atomic_store(&process_timeout_ms, ms > 0 ? ms : PROCESS_DEFAULT_TIMEOUT_MS);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

typedef struct run_result {
    char out[PROCESS_MAX_STDOUT + 1];
    size_t out_len;
    char errtext[PROCESS_MAX_STDERR + 1];
    size_t err_len;
    int too_big, timed_out, status, waited;
} run_result;

/* The program name only: arguments may carry secrets. */
static void program_name(const char *command, char *buf, size_t n)
{
    while (*command == ' ' || *command == '\t')
        command++;
    size_t len = strcspn(command, " \t\r\n");
    if (len >= n)
        len = n - 1;
    memcpy(buf, command, len);
    buf[len] = '\0';
}

static int spawn(const char *command, int out_fd, int err_fd, pid_t *pid)
{
    posix_spawn_file_actions_t fa;
    posix_spawnattr_t attr;
    int rc = posix_spawn_file_actions_init(&fa);
    if (rc)
        return rc;
    rc = posix_spawnattr_init(&attr);
    if (rc) {
        posix_spawn_file_actions_destroy(&fa);
        return rc;
    }
    sigset_t none, dflt;
    sigemptyset(&none);
    sigemptyset(&dflt);
    sigaddset(&dflt, SIGPIPE);
    sigaddset(&dflt, SIGCHLD);
    sigaddset(&dflt, SIGINT);
    sigaddset(&dflt, SIGQUIT);
    sigaddset(&dflt, SIGTERM);
    if (!(rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0))
        && !(rc = posix_spawn_file_actions_adddup2(&fa, out_fd, 1))
        && !(rc = posix_spawn_file_actions_adddup2(&fa, err_fd, 2))
        && !(rc = posix_spawnattr_setpgroup(&attr, 0))
        && !(rc = posix_spawnattr_setsigmask(&attr, &none))
        && !(rc = posix_spawnattr_setsigdefault(&attr, &dflt))
        && !(rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK
                                                      | POSIX_SPAWN_SETSIGDEF))) {
        char *argv[] = {"sh", "-c", (char *)command, NULL};
        rc = posix_spawn(pid, "/bin/sh", &fa, &attr, argv, environ);
    }
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    return rc;
}

/* Read both pipes until EOF, the deadline or too much output. */
static void collect(int out_r, int err_r, long deadline, run_result *r)
{
    struct pollfd pf[2] = {{.fd = out_r, .events = POLLIN}, {.fd = err_r, .events = POLLIN}};
    int open_fds = 2;
    char scratch[4096];
    while (open_fds > 0) {
        long left = deadline - now_ms();
        if (left <= 0) {
            r->timed_out = 1;
            return;
        }
        int n = poll(pf, 2, (int)left);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            r->timed_out = n == 0;
            return;
        }
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t got;
            if (i == 0) {
                size_t room = PROCESS_MAX_STDOUT - r->out_len;
                got = read(pf[i].fd, room ? r->out + r->out_len : scratch, room ? room : sizeof scratch);
                if (got > 0 && !room) {
                    r->too_big = 1;
                    return;
                }
                if (got > 0)
                    r->out_len += (size_t)got;
            } else {
                got = read(pf[i].fd, scratch, sizeof scratch);
                for (ssize_t k = 0; k < got && r->err_len < PROCESS_MAX_STDERR; k++)
                    r->errtext[r->err_len++] = scratch[k];
            }
            if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) {
                pf[i].fd = -1;
                open_fds--;
            }
        }
    }
}

static int run(const char *command, run_result *r, rs_aws_error *err, const char *prog)
{
    int out_p[2], err_p[2];
    if (pipe2(out_p, O_CLOEXEC) != 0)
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s: cannot create a pipe: %s",
                                prog, strerror(errno));
    if (pipe2(err_p, O_CLOEXEC) != 0) {
        int e = errno;
        close(out_p[0]);
        close(out_p[1]);
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s: cannot create a pipe: %s",
                                prog, strerror(e));
    }
    pid_t pid;
    int rc = spawn(command, out_p[1], err_p[1], &pid);
    close(out_p[1]);
    close(err_p[1]);
    if (rc != 0) {
        close(out_p[0]);
        close(err_p[0]);
        return rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s: cannot start /bin/sh: %s",
                                prog, strerror(rc));
    }
    collect(out_p[0], err_p[0], now_ms() + atomic_load(&process_timeout_ms), r);
    if (r->timed_out || r->too_big)
        kill(-pid, SIGKILL);
    close(out_p[0]);
    close(err_p[0]);
    r->errtext[r->err_len] = '\0';
    r->out[r->out_len] = '\0';
    pid_t w;
    do
        w = waitpid(pid, &r->status, 0);
    while (w < 0 && errno == EINTR);
    r->waited = w == pid;
    if (!r->waited && !r->timed_out && !r->too_big) {
        /* The application reaps children itself (SIGCHLD ignored): assume success
         * and let the output decide. */
        r->status = 0;
        r->waited = 1;
    }
    return 0;
}

/* One line of readable stderr for a message. */
static void sanitize(char *s)
{
    for (char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = ' ';
    size_t n = strlen(s);
    while (n > 0 && s[n - 1] == ' ')
        s[--n] = '\0';
    if (n > 300)
        s[300] = '\0';
}

int rs_creds_process_parse(const char *text, size_t len, const char *prog, rs_aws_credentials *out,
                           rs_aws_error *err)
{
    json_object *o = rs_creds_json_object(text, len);
    if (!o)
        return rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                                "credential_process %s: its output is not a JSON object", prog);
    json_object *ver;
    int rc = -1;
    if (!json_object_object_get_ex(o, "Version", &ver) || !json_object_is_type(ver, json_type_int)
        || json_object_get_int(ver) != 1) {
        rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                         "credential_process %s: the JSON output must have \"Version\": 1", prog);
        goto done;
    }
    time_t exp = 0;
    const char *exp_s = rs_creds_json_str(o, "Expiration");
    if (exp_s && rs_creds_parse_time(exp_s, &exp) != 0) {
        rs_aws_error_set(err, RS_AWS_ERR_PROTOCOL,
                         "credential_process %s: Expiration is not an ISO 8601 time", prog);
        goto done;
    }
    char what[128];
    snprintf(what, sizeof what, "credential_process %.100s", prog);
    rc = rs_creds_store(out, rs_creds_json_str(o, "AccessKeyId"), rs_creds_json_str(o, "SecretAccessKey"),
                        rs_creds_json_str(o, "SessionToken"), exp, what, err);
done:
    rs_creds_json_wipe_put(o);
    return rc;
}

int rs_creds_from_process(const char *command, rs_aws_credentials *out, rs_aws_error *err)
{
    char key[4200];
    int kn = snprintf(key, sizeof key, "process\x1f%s", command);
    int cacheable = kn > 0 && (size_t)kn < sizeof key;
    if (cacheable && rs_creds_cache_claim(key, out)) {
        explicit_bzero(key, sizeof key); /* the command line may carry secrets */
        return RS_CREDS_FOUND;
    }

    char prog[128];
    program_name(command, prog, sizeof prog);
    run_result *r = calloc(1, sizeof *r);
    if (!r) {
        if (cacheable)
            rs_creds_cache_finish(key, NULL);
        return rs_aws_error_set(err, RS_AWS_ERR_MEMORY, "out of memory running credential_process");
    }
    int rc = run(command, r, err, prog);
    if (rc == 0) {
        sanitize(r->errtext);
        if (r->timed_out)
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s did not finish within %ld ms",
                                  prog, atomic_load(&process_timeout_ms));
        else if (r->too_big)
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG,
                                  "credential_process %s wrote more than %d bytes", prog, PROCESS_MAX_STDOUT);
        else if (WIFSIGNALED(r->status))
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s was killed by signal %d%s%s",
                                  prog, WTERMSIG(r->status), r->errtext[0] ? ": " : "", r->errtext);
        else if (WEXITSTATUS(r->status) != 0)
            rc = rs_aws_error_set(err, RS_AWS_ERR_CONFIG, "credential_process %s exited with status %d%s%s",
                                  prog, WEXITSTATUS(r->status), r->errtext[0] ? ": " : "", r->errtext);
        else
            rc = rs_creds_process_parse(r->out, r->out_len, prog, out, err);
    }
    explicit_bzero(r, sizeof *r);
    free(r);
    if (rc != 0) {
        if (cacheable)
            rs_creds_cache_finish(key, NULL);
        explicit_bzero(key, sizeof key);
        return -1;
    }
    rs_creds_set_source(out, "credential_process %s", prog);
    if (cacheable)
        rs_creds_cache_finish(key, out);
    explicit_bzero(key, sizeof key);
    return RS_CREDS_FOUND;
}
