/* log.c - process-wide log with secret masking. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "util/log.h"

#define MAX_SECRETS 32

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
int rs_log_level_now;
static FILE *log_file;
static char log_dir[1024];
static char *secrets[MAX_SECRETS];
static int secret_next;
static _Thread_local unsigned thread_conn;

/* Keywords whose values are secrets when they appear as KEY=value in a logged line. */
static const char *const secret_keys[] = {
    "PWD", "Password", "SecretAccessKey", "SessionToken", "DbPassword", "password",
    "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "Token", "accessToken", "WebIdentityToken",
};

void rs_log_configure(int level, const char *dir)
{
    pthread_mutex_lock(&log_lock);
    if (dir && *dir && strcmp(dir, log_dir) != 0) {
        snprintf(log_dir, sizeof log_dir, "%s", dir);
        if (log_file) {
            fclose(log_file);
            log_file = NULL;
        }
    }
    if (level > rs_log_level_now)
        __atomic_store_n(&rs_log_level_now, level > RS_LOG_TRACE ? RS_LOG_TRACE : level, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&log_lock);
}

void rs_log_secret(const char *value)
{
    if (!value || strlen(value) < 4)
        return;
    pthread_mutex_lock(&log_lock);
    for (int i = 0; i < MAX_SECRETS; i++)
        if (secrets[i] && strcmp(secrets[i], value) == 0) {
            pthread_mutex_unlock(&log_lock);
            return;
        }
    if (secrets[secret_next]) {
        explicit_bzero(secrets[secret_next], strlen(secrets[secret_next]));
        free(secrets[secret_next]);
    }
    secrets[secret_next] = strdup(value);
    secret_next = (secret_next + 1) % MAX_SECRETS;
    pthread_mutex_unlock(&log_lock);
}

/* Replace every registered secret; caller holds log_lock. */
static void mask_registered(char *s)
{
    for (int i = 0; i < MAX_SECRETS; i++) {
        if (!secrets[i])
            continue;
        size_t n = strlen(secrets[i]);
        char *p;
        while ((p = strstr(s, secrets[i])) != NULL) {
            memcpy(p, "****", 4);
            memmove(p + 4, p + n, strlen(p + n) + 1);
        }
    }
}

/* Replace the value of KEY=value (up to ';', '&', whitespace or a closing brace). */
static void mask_keywords(char *s)
{
    for (size_t k = 0; k < sizeof secret_keys / sizeof *secret_keys; k++) {
        size_t kl = strlen(secret_keys[k]);
        for (char *p = s; (p = strcasestr(p, secret_keys[k])) != NULL; p += kl) {
            if (p > s && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
                continue;
            char *v = p + kl;
            while (*v == ' ')
                v++;
            if (*v == '\'' && v > p + kl) {
                /* SQL: CREATE/ALTER USER ... PASSWORD 'secret' */
                char *q = strchr(++v, '\'');
                if (q && q - v >= 1) {
                    memcpy(v, "****", q - v >= 4 ? 4 : (size_t)(q - v));
                    if (q - v > 4)
                        memmove(v + 4, q, strlen(q) + 1);
                }
                continue;
            }
            if (*v != '=' && *v != ':')
                continue;
            v++;
            while (*v == ' ' || *v == '"')
                v++;
            char *e = v;
            int braced = (*e == '{');
            while (*e && (braced ? *e != '}' : (*e != ';' && *e != '&' && *e != ' ' && *e != '"' && *e != ',' && *e != '\n')))
                e++;
            if (braced && *e == '}')
                e++;
            if (e - v >= 1 && !(e - v == 4 && strncmp(v, "****", 4) == 0)) {
                memcpy(v, "****", e - v >= 4 ? 4 : (size_t)(e - v));
                if (e - v > 4)
                    memmove(v + 4, e, strlen(e) + 1);
            }
        }
    }
}

char *rs_log_mask(const char *text)
{
    char *s = strdup(text ? text : "");
    if (!s)
        return NULL;
    pthread_mutex_lock(&log_lock);
    mask_registered(s);
    pthread_mutex_unlock(&log_lock);
    mask_keywords(s);
    return s;
}

unsigned rs_log_thread_conn(unsigned conn_id)
{
    unsigned prev = thread_conn;
    thread_conn = conn_id;
    return prev;
}

double rs_log_clock_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static FILE *open_log(void)
{
    char path[1100];
    snprintf(path, sizeof path, "%s/rsodbc.log", log_dir[0] ? log_dir : "/tmp");
    /* LogPath defaults to /tmp, which anyone can write: never follow a link planted there, and
     * append only to a regular file of our own (else the log stays off). */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid()) {
        close(fd);
        return NULL;
    }
    fchmod(fd, 0600);
    FILE *f = fdopen(fd, "a");
    if (!f)
        close(fd);
    return f;
}

void rs_log(int level, unsigned conn_id, const char *fmt, ...)
{
    static const char *const names[] = { "OFF", "FATAL", "ERROR", "WARN", "INFO", "DEBUG", "TRACE" };
    if (!rs_log_enabled(level))
        return;
    if (conn_id == 0)
        conn_id = thread_conn;
    char line[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);

    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    char ts[32];
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);

    pthread_mutex_lock(&log_lock);
    mask_registered(line);
    mask_keywords(line);
    if (!log_file)
        log_file = open_log();
    if (log_file) {
        fprintf(log_file, "%s.%03ld %-5s conn=%u tid=%lu %s\n", ts, (long)(tv.tv_usec / 1000),
                names[level], conn_id, (unsigned long)pthread_self(), line);
        fflush(log_file);
    }
    pthread_mutex_unlock(&log_lock);
}
