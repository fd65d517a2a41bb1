/* unit_log.c - the logger masks secrets itself, its file is private, lines carry the thread's
 * connection; what an AWS answer gives the log (request id, error code) and nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "aws/http_log.h"
#include "tap.h"
#include "util/log.h"

#define BODY(s) (s), strlen(s)

/* What an AWS answer body gives the log. */
static void body_fields(void)
{
    char out[96];
    rs_http_body_request_id(BODY("<GetClusterCredentialsResponse><GetClusterCredentialsResult><DbPassword>p4ss"
                                 "</DbPassword></GetClusterCredentialsResult><ResponseMetadata><RequestId>"
                                 "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata>"
                                 "</GetClusterCredentialsResponse>"), out, sizeof out);
    TAP_STR(out, "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE", "request id from a Query (XML) answer body");
    rs_http_body_request_id(BODY("{\"RequestId\" : \"abc-123\", \"x\": 1}"), out, sizeof out);
    TAP_STR(out, "abc-123", "request id from a JSON member");
    rs_http_body_request_id(BODY("<RequestId>not an id; PWD=x</RequestId>"), out, sizeof out);
    TAP_STR(out, "", "a RequestId that is not id-shaped is not copied");
    rs_http_body_request_id(BODY("{\"SecretAccessKey\": \"wJalr\"}"), out, sizeof out);
    TAP_STR(out, "", "no request id: empty, nothing else taken from the body");
    rs_http_body_error_code(BODY("<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                                 "<Message>User is not authorized</Message></Error></ErrorResponse>"), out, sizeof out);
    TAP_STR(out, "AccessDenied", "error code from a Query (XML) error");
    rs_http_body_error_code(BODY("{\"__type\":\"com.amazonaws.redshiftserverless#ValidationException\","
                                 "\"message\":\"bad\"}"), out, sizeof out);
    TAP_STR(out, "ValidationException", "error code from a JSON 1.1 __type, namespace dropped");
    rs_http_body_error_code(BODY("{\"Code\":\"AssumeRoleUnauthorizedAccess\",\"Message\":\"no\"}"), out, sizeof out);
    TAP_STR(out, "AssumeRoleUnauthorizedAccess", "error code from a Code member (instance metadata)");
    rs_http_url_host("https://user:pa55@redshift.us-east-1.amazonaws.com:8443/path?X-Amz-Security-Token=t0k", out,
                     sizeof out);
    TAP_STR(out, "redshift.us-east-1.amazonaws.com:8443", "endpoint: host and port only (no user info, path or query)");
}

int main(void)
{
    TAP_PLAN(22);
    body_fields();
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
    unsigned prev = rs_log_thread_conn(42);
    rs_log(RS_LOG_INFO, 0, "from below the connection layer");
    rs_log_thread_conn(prev);
    rs_log(RS_LOG_INFO, 0, "after the scope");
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
    TAP_OK(strstr(buf, "conn=42 tid=") && strstr(strstr(buf, "conn=42 tid="), "from below the connection layer")
               && strstr(buf, "conn=0 tid=") && strstr(strstr(buf, "conn=0 tid="), "after the scope"),
           "conn 0 means the thread's connection while one is set, none after");
    unlink(path);

    /* a link planted at LogPath/rsodbc.log is not followed */
    char dir2[] = "/tmp/rsodbc-log-XXXXXX", victim[300], link2[300];
    TAP_OK(mkdtemp(dir2) != NULL, "second temp dir");
    snprintf(victim, sizeof victim, "%s/victim", dir2);
    snprintf(link2, sizeof link2, "%s/rsodbc.log", dir2);
    FILE *v = fopen(victim, "w");
    if (v)
        fclose(v);
    TAP_OK(symlink(victim, link2) == 0, "rsodbc.log is a symbolic link to another file");
    rs_log_configure(RS_LOG_DEBUG, dir2);
    rs_log(RS_LOG_INFO, 7, "must not land in the link's target");
    TAP_OK(stat(victim, &st) == 0 && st.st_size == 0, "the logger did not write through the link");
    unlink(link2);
    unlink(victim);
    rmdir(dir2);
    rmdir(dir);
    return TAP_DONE();
}
