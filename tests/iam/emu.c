/* emu.c - see emu.h. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <curl/curl.h>

#include "emu.h"

static int read_port(const char *path)
{
    FILE *f = fopen(path, "r");
    int port = 0;
    if (!f)
        return 0;
    if (fscanf(f, "%d", &port) != 1)
        port = 0;
    fclose(f);
    return port;
}

int iam_emu_start(iam_emu *e, const char *srcdir, const char *config, const char *dir)
{
    memset(e, 0, sizeof *e);
    snprintf(e->dir, sizeof e->dir, "%s", dir);
    const char *state = getenv("RS_PG_STATE");
    const char *sock = getenv("RS_PG_SOCKDIR");
    const char *port = getenv("RS_PG_PORT");
    const char *su = getenv("RS_PG_SUPERUSER");
    const char *db = getenv("RS_PG_DATABASE");
    if (!state || !sock || !port || !su) {
        fprintf(stderr, "emu: RS_PG_STATE, RS_PG_SOCKDIR, RS_PG_PORT, RS_PG_SUPERUSER are needed\n");
        return -1;
    }
    char script[1024], cert[1024], key[1024], http_file[600], https_file[600], log[600];
    snprintf(script, sizeof script, "%s/tests/aws_emulator/emulator.py", srcdir);
    snprintf(cert, sizeof cert, "%s/tls/server.crt", state);
    snprintf(key, sizeof key, "%s/tls/server.key", state);
    snprintf(http_file, sizeof http_file, "%s/emu.http.port", dir);
    snprintf(https_file, sizeof https_file, "%s/emu.https.port", dir);
    snprintf(log, sizeof log, "%s/emu.log", dir);
    unlink(http_file);
    unlink(https_file);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int nul = open("/dev/null", O_RDONLY);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        if (nul >= 0)
            dup2(nul, 0);
        /* Its own process group: a test killed by a timeout does not leave it behind for long
         * (the parent kills the group). */
        setpgid(0, 0);
        execl("/usr/bin/python3", "python3", script, "--config", config, "--port", "0",
              "--port-file", http_file, "--https-port-file", https_file, "--https-port", "0",
              "--cert", cert, "--key", key, "--pg-host", sock, "--pg-port", port,
              "--pg-superuser", su, "--pg-database", db ? db : "rstest", (char *)NULL);
        _exit(127);
    }
    e->pid = pid;
    for (int i = 0; i < 300; i++) {
        int hp = read_port(http_file), sp = read_port(https_file);
        if (hp > 0 && sp > 0) {
            snprintf(e->url, sizeof e->url, "http://127.0.0.1:%d", hp);
            snprintf(e->https_url, sizeof e->https_url, "https://127.0.0.1:%d", sp);
            return 0;
        }
        if (waitpid(pid, NULL, WNOHANG) == pid) {
            e->pid = 0;
            break;
        }
        usleep(100 * 1000);
    }
    fprintf(stderr, "emu: the emulator did not start (log %s)\n", log);
    iam_emu_stop(e);
    return -1;
}

void iam_emu_stop(iam_emu *e)
{
    if (e->pid <= 0)
        return;
    kill(e->pid, SIGTERM);
    for (int i = 0; i < 100; i++) {
        if (waitpid(e->pid, NULL, WNOHANG) == e->pid) {
            e->pid = 0;
            return;
        }
        usleep(50 * 1000);
    }
    kill(e->pid, SIGKILL);
    waitpid(e->pid, NULL, 0);
    e->pid = 0;
}

typedef struct growbuf {
    char *data;
    size_t len;
} growbuf;

static size_t on_data(char *ptr, size_t size, size_t n, void *ud)
{
    growbuf *b = ud;
    size_t add = size * n;
    if (b->len + add > 16 * 1024 * 1024)
        return 0;
    char *p = realloc(b->data, b->len + add + 1);
    if (!p)
        return 0;
    memcpy(p + b->len, ptr, add);
    b->data = p;
    b->len += add;
    p[b->len] = '\0';
    return add;
}

int iam_emu_control(const iam_emu *e, const char *method, const char *path, const char *body,
                    json_object **answer)
{
    if (answer)
        *answer = NULL;
    CURL *c = curl_easy_init();
    if (!c)
        return -1;
    char url[1024];
    snprintf(url, sizeof url, "%s/_emulator/%s", e->url, path);
    growbuf b = {0};
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_NOPROXY, "*");
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    if (body) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    }
    long status = -1;
    if (curl_easy_perform(c) == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    if (answer && b.data)
        *answer = json_tokener_parse(b.data);
    free(b.data);
    return (int)status;
}

int iam_emu_reset(const iam_emu *e)
{
    return iam_emu_control(e, "POST", "reset", "{}", NULL) == 200 ? 0 : -1;
}

json_object *iam_emu_calls(const iam_emu *e, const char *service, const char *action)
{
    char path[256];
    snprintf(path, sizeof path, "calls%s%s%s%s%s", service || action ? "?" : "",
             service ? "service=" : "", service ? service : "", service && action ? "&" : "",
             action ? "action=" : "");
    if (action)
        snprintf(path + strlen(path), sizeof path - strlen(path), "%s", action);
    json_object *answer = NULL, *calls = NULL;
    if (iam_emu_control(e, "GET", path, NULL, &answer) != 200 || !answer)
        goto out;
    if (json_object_object_get_ex(answer, "calls", &calls) && json_object_is_type(calls, json_type_array))
        json_object_get(calls);
    else
        calls = NULL;
out:
    json_object_put(answer);
    return calls;
}

int iam_emu_count(const iam_emu *e, const char *service, const char *action)
{
    json_object *calls = iam_emu_calls(e, service, action);
    if (!calls)
        return -1;
    int n = (int)json_object_array_length(calls);
    json_object_put(calls);
    return n;
}

json_object *iam_emu_last_call(const iam_emu *e, const char *service, const char *action)
{
    json_object *calls = iam_emu_calls(e, service, action), *last = NULL;
    if (!calls)
        return NULL;
    size_t n = json_object_array_length(calls);
    if (n > 0) {
        last = json_object_array_get_idx(calls, n - 1);
        json_object_get(last);
    }
    json_object_put(calls);
    return last;
}

const char *iam_call_get(json_object *call, const char *name, char *buf, size_t size)
{
    buf[0] = '\0';
    json_object *o = call, *v = NULL;
    if (!call)
        return buf;
    if (strncmp(name, "params.", 7) == 0) {
        if (!json_object_object_get_ex(call, "params", &o))
            return buf;
        name += 7;
    }
    if (!json_object_object_get_ex(o, name, &v) || !v)
        return buf;
    snprintf(buf, size, "%s",
             json_object_is_type(v, json_type_string) ? json_object_get_string(v)
                                                       : json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN));
    return buf;
}
