/* common.c - see common.h. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <curl/curl.h>

#include "common.h"

iam_ctx T;

/* A port that refuses connections: bind an ephemeral port and close it again. */
static int find_closed_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof a;
    int port = 0;
    if (s >= 0 && bind(s, (struct sockaddr *)&a, sizeof a) == 0 &&
        getsockname(s, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (s >= 0)
        close(s);
    return port;
}

int iam_begin(int argc, char **argv, const char *config, int *exit_now)
{
    *exit_now = 0;
    if (argc > 1 && strcmp(argv[1], "--probe") == 0) {
        *exit_now = 1;
        return probe_main(argc, argv);
    }
    static const char *need[] = {"RS_PG_PORT", "RS_PG_SOCKDIR", "RS_PG_STATE", "RS_PG_SUPERUSER",
                                 "RS_CA_FILE", "ODBCSYSINI"};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        if (!getenv(need[i]) || !*getenv(need[i])) {
            printf("1..0 # SKIP %s is not set: run through scripts/check.sh or scripts/with-test-env.sh\n",
                   need[i]);
            return 1;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    const char *top = getenv("top_srcdir");
    snprintf(T.srcdir, sizeof T.srcdir, "%s", top && *top ? top : ".");
    T.pg_port = getenv("RS_PG_PORT");
    T.ca_file = getenv("RS_CA_FILE");
    T.database = getenv("RS_PG_DATABASE") && *getenv("RS_PG_DATABASE") ? getenv("RS_PG_DATABASE") : "rstest";
    snprintf(T.workdir, sizeof T.workdir, "/tmp/rsodbc-iam.XXXXXX");
    if (!mkdtemp(T.workdir)) {
        tap_ok(0, "work directory");
        return -1;
    }
    probe_set_workdir(T.workdir);
    T.closed_port = find_closed_port();
    char cfg[1200];
    snprintf(cfg, sizeof cfg, "%s/tests/iam/%s", T.srcdir, config);
    if (!tap_ok(iam_emu_start(&T.emu, T.srcdir, cfg, T.workdir) == 0, "private AWS emulator started (%s)",
                config))
        return -1;
    return 0;
}

void iam_start(int argc, char **argv, const char *config)
{
    int exit_now;
    int rc = iam_begin(argc, argv, config, &exit_now);
    if (exit_now)
        exit(rc);
    if (rc > 0)
        exit(0);
    if (rc < 0)
        exit(iam_end());
}

int iam_end(void)
{
    iam_emu_stop(&T.emu);
    if (T.workdir[0] && !getenv("RS_IAM_KEEP")) {
        pid_t pid = fork();
        if (pid == 0) {
            execlp("rm", "rm", "-rf", T.workdir, (char *)NULL);
            _exit(127);
        }
        if (pid > 0)
            waitpid(pid, NULL, 0);
    }
    curl_global_cleanup();
    return tap_done();
}

const char *fmt(const char *f, ...)
{
    static char bufs[16][8192];
    static int next;
    char *b = bufs[next++ % 16];
    va_list ap;
    va_start(ap, f);
    vsnprintf(b, sizeof bufs[0], f, ap);
    va_end(ap);
    return b;
}

const char *cs(const char *extra_fmt, ...)
{
    char extra[6000];
    va_list ap;
    va_start(ap, extra_fmt);
    vsnprintf(extra, sizeof extra, extra_fmt, ap);
    va_end(ap);
    return fmt("DRIVER={rsodbc};IAM=1;Database=%s;SSLMode=verify-full;CaFile=%s;LoginTimeout=20;%s",
               T.database, T.ca_file, extra);
}

const char *write_file(const char *name, int mode, const char *content)
{
    const char *path = fmt("%s/%s", T.workdir, name);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *s = dir + strlen(T.workdir) + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        mkdir(dir, 0700);
        *s = '/';
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0 || write(fd, content, strlen(content)) != (ssize_t)strlen(content))
        tap_diag("could not write %s", path);
    if (fd >= 0) {
        fchmod(fd, (mode_t)mode);
        close(fd);
    }
    return path;
}

int psql_su(const char *sql)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        int nul = open("/dev/null", O_WRONLY);
        if (nul >= 0)
            dup2(nul, 1);
        execlp("psql", "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", getenv("RS_PG_SOCKDIR"), "-p",
               T.pg_port, "-U", getenv("RS_PG_SUPERUSER"), "-d", T.database, "-c", sql, (char *)NULL);
        _exit(127);
    }
    int status = -1;
    if (pid < 0 || waitpid(pid, &status, 0) != pid)
        return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void reset_emu(void)
{
    if (iam_emu_reset(&T.emu) != 0)
        tap_ok(0, "emulator reset");
}

static void show_run(const probe_run *r)
{
    tap_diag("child exit status %d, output:\n%s", r->status, r->output);
}

int expect_value(const probe_run *r, int i, const char *want, const char *what)
{
    /* The child must also exit cleanly: a sanitizer report (leak, overflow) fails the case. */
    int good = r->status == 0 && r->n > i && r->c[i].ok && strcmp(r->c[i].value, want) == 0;
    if (!tap_ok(good, "%s", what)) {
        tap_diag("wanted a login answering \"%s\"", want);
        show_run(r);
    }
    return good;
}

int expect_error(const probe_run *r, int i, const char *state, const char *state2, const char *what,
                 const char *needle1, const char *needle2)
{
    int good = r->status == 0 && r->n > i && !r->c[i].ok &&
               (strcmp(r->c[i].state, state) == 0 || (state2 && strcmp(r->c[i].state, state2) == 0)) &&
               (!needle1 || strstr(r->c[i].msg, needle1)) && (!needle2 || strstr(r->c[i].msg, needle2));
    if (!tap_ok(good, "%s", what)) {
        tap_diag("wanted SQLSTATE %s%s%s with \"%s\" and \"%s\"", state, state2 ? " or " : "",
                 state2 ? state2 : "", needle1 ? needle1 : "", needle2 ? needle2 : "");
        show_run(r);
    }
    return good;
}

int expect_call(const char *service, const char *action, const char *what, ...)
{
    json_object *call = iam_emu_last_call(&T.emu, service, action);
    int good = call != NULL;
    char buf[1024], why[4096] = "";
    va_list ap;
    va_start(ap, what);
    for (const char *pair; (pair = va_arg(ap, const char *)) != NULL;) {
        const char *eq = strchr(pair, '=');
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(eq - pair), pair);
        iam_call_get(call, name, buf, sizeof buf);
        if (strcmp(buf, eq + 1) != 0) {
            good = 0;
            size_t l = strlen(why);
            snprintf(why + l, sizeof why - l, "%.100s is \"%.900s\", wanted \"%.900s\"\n", name, buf, eq + 1);
        }
    }
    va_end(ap);
    if (!tap_ok(good, "%s", what)) {
        if (!call)
            tap_diag("no %s %s call recorded", service, action ? action : "");
        else
            tap_diag("%scall: %s", why, json_object_to_json_string_ext(call, JSON_C_TO_STRING_PLAIN));
    }
    json_object_put(call);
    return good;
}

void probe(probe_run *r, const char *const *env, const char *const *items)
{
    if (probe_run_child(env, items, 150, r) != 0)
        tap_diag("the probe child did not exit normally (status %d)", r->status);
}

const char *last_access_key(const char *service, const char *action)
{
    static char buf[256];
    json_object *call = iam_emu_last_call(&T.emu, service, action);
    iam_call_get(call, "access_key", buf, sizeof buf);
    json_object_put(call);
    return buf;
}

const char *issued_arn(const char *access_key)
{
    static char arn[512];
    arn[0] = '\0';
    json_object *answer = NULL, *list = NULL;
    if (iam_emu_control(&T.emu, "GET", "credentials", NULL, &answer) != 200 || !answer)
        goto out;
    if (json_object_is_type(answer, json_type_array))
        list = answer;
    else if (!json_object_object_get_ex(answer, "credentials", &list))
        goto out;
    for (size_t i = 0; i < json_object_array_length(list); i++) {
        json_object *c = json_object_array_get_idx(list, i), *v;
        char key[256];
        iam_call_get(c, "access_key_id", key, sizeof key);
        if (strcmp(key, access_key) == 0 && json_object_object_get_ex(c, "arn", &v))
            snprintf(arn, sizeof arn, "%s", json_object_get_string(v));
    }
out:
    json_object_put(answer);
    return arn;
}
