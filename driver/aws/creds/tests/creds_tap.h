/* creds_tap.h - TAP output and scratch files for the credential chain tests. */
#ifndef RS_CREDS_TAP_H
#define RS_CREDS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int tap_count, tap_failures;

static void tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tap_ok(int cond, const char *fmt, ...)
{
    va_list ap;
    printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
    if (!cond)
        tap_failures++;
}

#define TAP_STR(got, want, ...)                                                   \
    do {                                                                          \
        const char *g_ = (got), *w_ = (want);                                     \
        int eq_ = g_ && w_ && strcmp(g_, w_) == 0;                                \
        tap_ok(eq_, __VA_ARGS__);                                                 \
        if (!eq_)                                                                 \
            printf("#   got  \"%s\"\n#   want \"%s\"\n", g_ ? g_ : "(null)", w_); \
    } while (0)

#define TAP_HAS(hay, needle, ...)                                                  \
    do {                                                                           \
        const char *h_ = (hay);                                                    \
        int in_ = h_ && strstr(h_, (needle)) != NULL;                              \
        tap_ok(in_, __VA_ARGS__);                                                  \
        if (!in_)                                                                  \
            printf("#   \"%s\"\n#   does not contain \"%s\"\n", h_ ? h_ : "(null)", (needle)); \
    } while (0)

static char tap_dir[256];

/* A fresh scratch directory; HOME points into it so ~/.aws is ours. */
static void tap_scratch(void)
{
    snprintf(tap_dir, sizeof tap_dir, "/tmp/rscreds.XXXXXX");
    if (!mkdtemp(tap_dir)) {
        perror("mkdtemp");
        exit(99);
    }
    setenv("HOME", tap_dir, 1);
}

/* Write name (relative to the scratch dir) with content; returns the full path (static). */
static __attribute__((unused)) const char *tap_write(const char *name, const char *content)
{
    static char path[4][512];
    static int slot;
    char *p = path[slot++ % 4];
    snprintf(p, 512, "%s/%s", tap_dir, name);
    FILE *f = fopen(p, "w");
    if (!f) {
        perror(p);
        exit(99);
    }
    fputs(content, f);
    fclose(f);
    return p;
}

static void tap_cleanup(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tap_dir);
    if (tap_dir[0] && system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tap_dir);
}

#endif
