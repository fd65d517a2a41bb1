/* creds_process.c - credential_process: success, failures, timeout, bounds, cache. */
#include "creds_tap.h"
#include "creds_env.h"

#include <pthread.h>
#include <time.h>
#include "aws/creds/cache.h"
#include "aws/creds/creds_util.h"
#include "aws/creds/sources.h"

static long elapsed_ms(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static int run(const char *cmd, rs_aws_credentials *c, rs_aws_error *e)
{
    memset(c, 0, sizeof *c);
    memset(e, 0, sizeof *e);
    rs_creds_cache_clear();
    return rs_creds_from_process(cmd, c, e);
}

static int clean(const rs_aws_error *e)
{
    return !strstr(e->message, "SECRETP") && !strstr(e->message, "TOKEN-P");
}

static int count_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    int n = 0, ch;
    if (!f)
        return 0;
    while ((ch = fgetc(f)) != EOF)
        n += ch == '\n';
    fclose(f);
    return n;
}

static const char *thread_cmd;

static void *resolve_in_thread(void *arg)
{
    rs_aws_credentials c;
    rs_aws_error e;
    int *ok = arg;
    *ok = rs_creds_from_process(thread_cmd, &c, &e) == 0 && strcmp(c.access_key_id, "AKIDT") == 0;
    return NULL;
}

int main(void)
{
    tap_scratch();
    creds_clean_env();
    rs_aws_credentials c;
    rs_aws_error e;
    char cmd[2048];

    snprintf(cmd, sizeof cmd,
             "printf '%%s' '{\"Version\": 1, \"AccessKeyId\": \"AKIDP\", \"SecretAccessKey\": \"SECRETP\", "
             "\"SessionToken\": \"TOKEN-P\", \"Expiration\": \"%s\"}'", iso_in(3600));
    tap_ok(run(cmd, &c, &e) == 0, "process: success");
    tap_ok(strcmp(c.access_key_id, "AKIDP") == 0 && strcmp(c.secret_access_key, "SECRETP") == 0
               && strcmp(c.session_token, "TOKEN-P") == 0,
           "process: keys and token read from the JSON");
    tap_ok(c.expiration > time(NULL) + 3500 && c.expiration <= time(NULL) + 3600, "process: Expiration parsed");
    TAP_STR(c.source, "credential_process printf", "process: source names the program, not its arguments");

    tap_ok(run("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\"}'", &c, &e) == 0
               && c.expiration == 0 && c.session_token[0] == '\0',
           "process: no Expiration and no SessionToken: long-term keys");

    setenv("RS_TEST_JSON", "{\"Version\":1,\"AccessKeyId\":\"AKIDENV\",\"SecretAccessKey\":\"SECRETP\"}", 1);
    tap_ok(run("printf '%s' \"$RS_TEST_JSON\"", &c, &e) == 0 && strcmp(c.access_key_id, "AKIDENV") == 0,
           "process: runs through /bin/sh (variables expand) and inherits the environment");

    tap_ok(run("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\"}'; "
               "echo 'SECRETP leaked to stderr?' >&2; exit 1", &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG,
           "process: non-zero exit is an error even with valid output");
    TAP_HAS(e.message, "exited with status 1", "process: exit status reported");
    tap_ok(c.access_key_id[0] == '\0', "process: no credentials returned on failure");

    tap_ok(run("echo 'please run login-tool first' >&2; exit 2", &c, &e) == -1, "process: exit 2");
    TAP_HAS(e.message, "credential_process echo exited with status 2: please run login-tool first",
            "process: stderr explains the failure");

    tap_ok(run("echo 'SECRETP not json {'", &c, &e) == -1 && e.kind == RS_AWS_ERR_PROTOCOL, "process: bad JSON");
    TAP_HAS(e.message, "not a JSON object", "process: bad JSON message");
    tap_ok(clean(&e), "process: stdout never reaches the message");
    tap_ok(run("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\"} trailing'", &c, &e) == -1,
           "process: trailing garbage after the JSON is refused");
    tap_ok(run("echo '{\"Version\":2,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\"}'", &c, &e) == -1
               && strstr(e.message, "\"Version\": 1"),
           "process: Version other than 1 is refused");
    tap_ok(run("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\"}'", &c, &e) == -1
               && strstr(e.message, "no secret access key") && clean(&e),
           "process: missing SecretAccessKey is refused");
    tap_ok(run("echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\",\"Expiration\":\"soon\"}'",
               &c, &e) == -1 && strstr(e.message, "Expiration"),
           "process: unparsable Expiration is refused");
    tap_ok(run("cat", &c, &e) == -1 && e.kind == RS_AWS_ERR_PROTOCOL, "process: stdin is /dev/null (cat ends at once)");

    struct timespec t0;
    rs_creds_process_set_timeout_ms(400);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    tap_ok(run("sleep 20 & sleep 20", &c, &e) == -1 && strstr(e.message, "did not finish within 400 ms"),
           "process: timeout");
    long ms = elapsed_ms(&t0);
    tap_ok(ms < 3000, "process: the timeout kills the process group promptly (%ld ms)", ms);
    rs_creds_process_set_timeout_ms(0);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    tap_ok(run("head -c 300000 /dev/zero | tr '\\0' a", &c, &e) == -1 && strstr(e.message, "wrote more than"),
           "process: output over 64 KiB is refused");
    tap_ok(elapsed_ms(&t0) < 5000, "process: huge output does not hang");
    tap_ok(run("head -c 200000 /dev/zero >&2; echo '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\"}'",
               &c, &e) == 0,
           "process: lots of stderr neither blocks nor fails the process");
    tap_ok(run("kill -9 $$", &c, &e) == -1 && strstr(e.message, "killed by signal 9"), "process: death by signal");

    /* caching: the command counts its runs */
    char counter[600];
    snprintf(counter, sizeof counter, "%s/count", tap_dir);
    snprintf(cmd, sizeof cmd,
             "echo run >> '%s'; printf '%%s' '{\"Version\":1,\"AccessKeyId\":\"AKIDP\",\"SecretAccessKey\":\"SECRETP\","
             "\"Expiration\":\"%s\"}'", counter, iso_in(600));
    rs_creds_cache_clear();
    tap_ok(rs_creds_from_process(cmd, &c, &e) == 0 && rs_creds_from_process(cmd, &c, &e) == 0
               && count_lines(counter) == 1,
           "cache: the second call is served from the cache (%d runs)", count_lines(counter));
    rs_creds_set_clock_offset(600 - 120); /* 10-minute lifetime: margin is 150 s */
    tap_ok(rs_creds_from_process(cmd, &c, &e) == 0 && count_lines(counter) == 2,
           "cache: a short-lived credential is refreshed inside a quarter of its lifetime");
    rs_creds_set_clock_offset(0);
    tap_ok(rs_creds_cache_is_fresh(time(NULL) + 3600, time(NULL), time(NULL) + 3600 - 301)
               && !rs_creds_cache_is_fresh(time(NULL) + 3600, time(NULL), time(NULL) + 3600 - 299),
           "cache: 5-minute margin for long-lived credentials");
    tap_ok(rs_creds_cache_is_fresh(0, time(NULL), time(NULL) + 86400 * 365), "cache: no expiration never goes stale");

    /* many threads at once: all get the credentials; the cache stays consistent */
    rs_creds_cache_clear();
    thread_cmd = "echo '{\"Version\":1,\"AccessKeyId\":\"AKIDT\",\"SecretAccessKey\":\"SECRETP\"}'";
    pthread_t th[8];
    int ok[8] = {0}, all = 1;
    for (int i = 0; i < 8; i++)
        pthread_create(&th[i], NULL, resolve_in_thread, &ok[i]);
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        all &= ok[i];
    }
    tap_ok(all, "threads: 8 concurrent resolutions all succeed");

    /* single flight: eight threads asking at once for expiring credentials run the process once */
    rs_creds_cache_clear();
    char counter2[600];
    static char cmd2[1400];
    snprintf(counter2, sizeof counter2, "%s/count2", tap_dir);
    snprintf(cmd2, sizeof cmd2,
             "echo run >> '%s'; sleep 0.3; printf '%%s' '{\"Version\":1,\"AccessKeyId\":\"AKIDT\","
             "\"SecretAccessKey\":\"SECRETP\",\"Expiration\":\"%s\"}'", counter2, iso_in(3600));
    thread_cmd = cmd2;
    all = 1;
    for (int i = 0; i < 8; i++)
        pthread_create(&th[i], NULL, resolve_in_thread, &ok[i]);
    for (int i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        all &= ok[i];
    }
    tap_ok(all && count_lines(counter2) == 1,
           "single flight: 8 threads at once ran credential_process %d time(s), want 1", count_lines(counter2));

    printf("1..%d\n", tap_count);
    tap_cleanup();
    return tap_failures ? 1 : 0;
}
