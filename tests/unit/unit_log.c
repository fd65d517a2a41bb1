/* unit_log.c - the logger masks secrets itself, and its file is private. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "util/log.h"

int main(void)
{
    TAP_PLAN(10);
    char *m = rs_log_mask("DRIVER=rsodbc;UID=bob;PWD=hunter2;Server=x");
    TAP_STR(m, "DRIVER=rsodbc;UID=bob;PWD=****;Server=x", "PWD masked in a connection string");
    free(m);
    m = rs_log_mask("Password={a;b};SecretAccessKey=wJalrXUtnFEMI;SessionToken=FwoGZXIvYXdz");
    TAP_OK(m && !strstr(m, "a;b") && !strstr(m, "wJalrXUtnFEMI") && !strstr(m, "FwoGZXIvYXdz"),
           "braced password, secret key and token masked: %s", m);
    free(m);
    rs_log_secret("s3cr3t-db-pass");
    m = rs_log_mask("logging in with s3cr3t-db-pass twice s3cr3t-db-pass");
    TAP_STR(m, "logging in with **** twice ****", "a registered secret is masked wherever it appears");
    free(m);
    m = rs_log_mask("execute: ALTER USER bob PASSWORD 'Sup3r-secret' VALID UNTIL 'infinity'");
    TAP_STR(m, "execute: ALTER USER bob PASSWORD '****' VALID UNTIL 'infinity'", "a password in SQL text is masked");
    free(m);
    m = rs_log_mask("nothing secret here; UID=x");
    TAP_STR(m, "nothing secret here; UID=x", "other text untouched");
    free(m);

    char dir[] = "/tmp/rsodbc-log-XXXXXX";
    TAP_OK(mkdtemp(dir) != NULL, "temp dir");
    TAP_OK(!rs_log_enabled(RS_LOG_DEBUG), "off by default");
    rs_log_configure(RS_LOG_DEBUG, dir);
    rs_log(RS_LOG_DEBUG, 7, "connect PWD=hunter2 and s3cr3t-db-pass");
    rs_log(RS_LOG_TRACE, 7, "not written at DEBUG");
    char path[256];
    snprintf(path, sizeof path, "%s/rsodbc.log", dir);
    struct stat st;
    TAP_OK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600, "log file mode 0600");
    FILE *f = fopen(path, "r");
    char buf[4096] = "";
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    buf[n] = '\0';
    if (f)
        fclose(f);
    TAP_OK(strstr(buf, "conn=7") && strstr(buf, "PWD=****") && !strstr(buf, "hunter2") && !strstr(buf, "s3cr3t"),
           "the line has the connection id and no secret");
    TAP_OK(!strstr(buf, "not written"), "levels above the configured one are not written");
    unlink(path);
    rmdir(dir);
    return TAP_DONE();
}
