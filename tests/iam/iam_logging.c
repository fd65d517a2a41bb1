/* iam_logging.c - what LogLevel/LogPath write, through the driver manager against a private AWS
 * emulator and the test PostgreSQL: every AWS call at INFO with service, action, endpoint,
 * attempt, status, latency and the request id the emulator sent (errors with their AWS code,
 * retries with their attempt number, transport failures); credential-source decisions and cache
 * hits at DEBUG; the SQL sent with its parameter count and its timing at DEBUG; parameter values
 * at TRACE only, masked; nothing of a level above LogLevel; no secret anywhere. TAP. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sql.h>
#include <sqlext.h>

#include "common.h"

#define KEYS_AKID "AKIAIAMCKEYS00000001"
#define KEYS_SECRET "IAMC+fake/keys/secret/0000000000000000001"
#define KEYS "AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET ";"
#define DENIED "AccessKeyID=AKIAIAMCDENIED000001;SecretAccessKey=IAMC+fake/denied/secret/00000000000000001;"
#define PROFILE_AKID "AKIAIAMCPROFILE00001"
#define PROFILE_SECRET "IAMC+fake/profile/secret/0000000000000001"
#define ROLE_ARN "arn:aws:iam::123456789012:role/IamcRedshiftRole"
#define CONTAINER_TOKEN "IAMC-fake-container-token-0001"

/* ------------------------------------------------------------------ reading the log */

/* The whole log of a LogPath directory ("" when there is none); free it. */
static char *read_log(const char *dir)
{
    FILE *f = fopen(fmt("%s/rsodbc.log", dir), "r");
    char *text = calloc(1, 1);
    size_t len = 0;
    char buf[8192];
    size_t n;
    while (f && text && (n = fread(buf, 1, sizeof buf, f)) > 0) {
        char *t = realloc(text, len + n + 1);
        if (!t)
            break;
        text = t;
        memcpy(text + len, buf, n);
        len += n;
        text[len] = '\0';
    }
    if (f)
        fclose(f);
    return text;
}

/* The n-th (0-based) line holding every non-NULL needle, copied into line; NULL when none. */
static const char *nth_line(const char *text, int nth, const char *n1, const char *n2, const char *n3,
                            char *line, size_t size)
{
    for (const char *p = text; *p;) {
        size_t len = strcspn(p, "\n");
        snprintf(line, size, "%.*s", (int)len, p);
        if ((!n1 || strstr(line, n1)) && (!n2 || strstr(line, n2)) && (!n3 || strstr(line, n3)) && nth-- == 0)
            return line;
        p += len + (p[len] == '\n');
    }
    line[0] = '\0';
    return NULL;
}

static const char *find_line(const char *text, const char *n1, const char *n2, char *line, size_t size)
{
    return nth_line(text, 0, n1, n2, NULL, line, size);
}

static int count_lines(const char *text, const char *needle)
{
    int n = 0;
    char line[8192];
    while (nth_line(text, n, needle, NULL, NULL, line, sizeof line))
        n++;
    return n;
}

/* The value of " key=" in a line, up to the next space ("" when absent). */
static const char *field(const char *line, const char *key, char *out, size_t size)
{
    char k[64];
    snprintf(k, sizeof k, " %s=", key);
    const char *p = line ? strstr(line, k) : NULL;
    out[0] = '\0';
    if (p) {
        p += strlen(k);
        snprintf(out, size, "%.*s", (int)strcspn(p, " "), p);
    }
    return out;
}

/* A line as the logger writes it: "YYYY-MM-DD HH:MM:SS.mmm LEVEL conn=N tid=T ..." with
 * LEVEL the one given and N > 0. */
static int well_formed(const char *line, const char *level)
{
    static const char shape[] = "dddd-dd-dd dd:dd:dd.ddd ";
    if (!line || strlen(line) < sizeof shape)
        return 0;
    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)line[i]) : line[i] != shape[i])
            return 0;
    char conn[32];
    return strncmp(line + sizeof shape - 1, level, strlen(level)) == 0 && atoi(field(line, "conn", conn, sizeof conn)) > 0;
}

static int is_number(const char *s)
{
    char *end;
    return *s && (strtod(s, &end), *end == '\0');
}

/* The request ids of the recorded service/action calls, oldest first; returns how many. */
static int emu_request_ids(const char *service, const char *action, char ids[][96], int max)
{
    json_object *calls = iam_emu_calls(&T.emu, service, action);
    int n = 0;
    for (size_t i = 0; calls && i < json_object_array_length(calls) && n < max; i++)
        iam_call_get(json_object_array_get_idx(calls, i), "request_id", ids[n++], 96);
    json_object_put(calls);
    return n;
}

/* ok when the line of an AWS call has the expected fields and the emulator's request id. */
static int expect_aws_line(const char *line, const char *service, const char *action, int attempt,
                           const char *status, const char *error, const char *request_id, const char *what)
{
    char v[8][256];
    const char *host = T.emu.url + strlen("http://");
    int good = line && well_formed(line, "INFO") && strcmp(field(line, "service", v[0], 256), service) == 0
               && strcmp(field(line, "action", v[1], 256), action) == 0
               && strcmp(field(line, "endpoint", v[2], 256), host) == 0
               && atoi(field(line, "attempt", v[3], 256)) == attempt
               && strcmp(field(line, "status", v[4], 256), status) == 0
               && is_number(field(line, "latency_ms", v[5], 256))
               && request_id[0] && strcmp(field(line, "request_id", v[6], 256), request_id) == 0
               && strcmp(field(line, "error", v[7], 256), error ? error : "") == 0;
    if (!tap_ok(good, "%s", what))
        tap_diag("line: %s\nwanted service=%s action=%s endpoint=%s attempt=%d status=%s request_id=%s error=%s",
                 line ? line : "(none)", service, action, host, attempt, status, request_id, error ? error : "");
    return good;
}

/* ok when none of the strings is in text. */
static int expect_absent(const char *text, const char *const *secrets, const char *what)
{
    const char *leaked = NULL;
    for (int i = 0; secrets[i] && !leaked; i++)
        if (strstr(text, secrets[i]))
            leaked = secrets[i];
    if (!tap_ok(!leaked, "%s", what))
        tap_diag("found \"%.12s...\" in the log", leaked);
    return !leaked;
}

static const char *cluster(const char *db_user, const char *extra)
{
    return cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;AutoCreate=1;DbUser=%s;%s",
              T.pg_port, T.emu.url, db_user, extra);
}

static const char *log_dir(const char *name)
{
    const char *dir = fmt("%s/log-%s", T.workdir, name);
    mkdir(dir, 0700);
    return dir;
}

/* ------------------------------------------------------------------ cases */

/* LogLevel=4: one INFO line per AWS call, with the emulator's request id; nothing at DEBUG. */
static void info_level(void)
{
    const char *dir = log_dir("info");
    probe_run r;
    char a[4096], line[8192], rid[4][96];
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_log_info", fmt(KEYS "LogLevel=4;LogPath=%s", dir)));
    probe(&r, NOENV, ITEMS(a));
    expect_value(&r, 0, "IAMA:iamc_log_info", "INFO: IAM login with LogLevel=4");
    char *text = read_log(dir);
    int n = emu_request_ids("redshift", "GetClusterCredentials", rid, 4);
    tap_ok(n == 1, "INFO: the emulator recorded one GetClusterCredentials call (%d)", n);
    find_line(text, "aws call: service=redshift action=GetClusterCredentials", NULL, line, sizeof line);
    expect_aws_line(line, "redshift", "GetClusterCredentials", 1, "200", NULL, n ? rid[0] : "",
                    "INFO: the GetClusterCredentials line has service, action, endpoint host, attempt 1, status 200, "
                    "latency and the emulator's request id");
    int all = iam_emu_count(&T.emu, NULL, NULL);
    tap_ok(all > 0 && count_lines(text, "aws call: ") == all, "INFO: one line per AWS call (%d calls, %d lines)", all,
           count_lines(text, "aws call: "));
    char conn[16], conn2[16];
    field(line, "conn", conn, sizeof conn);
    find_line(text, "connecting to 127.0.0.1", NULL, line, sizeof line);
    tap_ok(conn[0] && strcmp(field(line, "conn", conn2, sizeof conn2), conn) == 0,
           "INFO: the AWS call is logged under the id of the connection making it (conn=%s and %s)", conn, conn2);
    tap_ok(!strstr(text, " DEBUG ") && !strstr(text, " TRACE ") && !strstr(text, "execute:")
               && !strstr(text, "credentials: "),
           "INFO: no DEBUG or TRACE lines (no SQL text, no credential decisions)");
    struct stat st;
    tap_ok(stat(fmt("%s/rsodbc.log", dir), &st) == 0 && (st.st_mode & 0777) == 0600,
           "INFO: LogPath/rsodbc.log is mode 0600");
    expect_absent(text, (const char *const[]){KEYS_SECRET, "Authorization", "Signature=", "X-Amz-Security-Token",
                                              "DbPassword", NULL},
                  "INFO: no secret key, Authorization header, signature or DbPassword in the log");
    free(text);
}

/* LogLevel=5: credential decisions (profile rs: role_arn via source_profile base), cache
 * hits with their remaining lifetime, the SQL and its timing. */
static void debug_level(void)
{
    const char *dir = log_dir("debug");
    const char *creds_file = write_file("dbg/credentials", 0600,
        "[base]\naws_access_key_id = " PROFILE_AKID "\naws_secret_access_key = " PROFILE_SECRET "\n");
    const char *config_file = write_file("dbg/config", 0600,
        "[profile rs]\nrole_arn = " ROLE_ARN "\nsource_profile = base\nrole_session_name = iamc-log\n");
    probe_run r;
    char a[4096], line[8192], rid[4][96], v[4][256];
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_log_debug", fmt("Profile=rs;StsEndpointUrl=%s;LogLevel=5;LogPath=%s", T.emu.url, dir)));
    probe(&r, ENV(fmt("AWS_SHARED_CREDENTIALS_FILE=%s", creds_file), fmt("AWS_CONFIG_FILE=%s", config_file),
                  "AWS_ACCESS_KEY_ID=AKIAIAMCENV000000001", "AWS_SECRET_ACCESS_KEY=IAMC+fake/env/secret/00000000000000000001"),
          ITEMS(a, a));
    expect_value(&r, 0, "IAMA:iamc_log_debug", "DEBUG: IAM login through profile rs (role_arn via source_profile base)");
    expect_value(&r, 1, "IAMA:iamc_log_debug", "DEBUG: a second connect in the same process");
    char *text = read_log(dir);

    tap_ok(find_line(text, "credentials: trying the AccessKeyID/SecretAccessKey keywords", NULL, line, sizeof line)
               && well_formed(line, "DEBUG")
               && find_line(text, "credentials: skipped: no AccessKeyID keyword", NULL, line, sizeof line)
               && find_line(text, "credentials: skipped: environment keys not used because Profile is set", NULL,
                            line, sizeof line),
           "DEBUG: sources tried and skipped, with why (no keywords; environment keys set but Profile wins)");
    tap_ok(find_line(text, "credentials: profile rs: role_arn " ROLE_ARN " via source_profile base", NULL, line,
                     sizeof line)
               && find_line(text, "credentials: source_profile base: static keys", NULL, line, sizeof line),
           "DEBUG: the profile's settings: role_arn via source_profile base, whose static keys sign AssumeRole");
    find_line(text, "credentials: using profile rs: role_arn via source_profile base", NULL, line, sizeof line);
    const char *exp = strstr(line, "expires in ");
    tap_ok(well_formed(line, "DEBUG") && exp && atol(exp + 11) > 0 && strstr(line, "access key ...") ,
           "DEBUG: the winner: \"using profile rs: role_arn via source_profile base\", with its remaining lifetime");
    if (!exp)
        tap_diag("line: %s", line);
    tap_ok(find_line(text, "credential cache miss: role credentials", NULL, line, sizeof line) != NULL,
           "DEBUG: first connect: the assumed role is a cache miss");
    find_line(text, "credential cache hit: role credentials", NULL, line, sizeof line);
    exp = strstr(line, "expire in ");
    tap_ok(exp && atol(exp + 10) > 0, "DEBUG: second connect: cache hit with its remaining lifetime (%s)", line);
    find_line(text, "database credentials cache hit: user ", "iamc_log_debug", line, sizeof line);
    exp = strstr(line, "expire in ");
    if (!tap_ok(well_formed(line, "DEBUG") && exp && atol(exp + 10) > 0,
                "DEBUG: second connect: database credentials cache hit with its remaining lifetime"))
        tap_diag("log:\n%s", text);
    tap_ok(find_line(text, "IAM: cluster iamc-cluster in us-east-1 via ", "database user iamc_log_debug", line,
                     sizeof line) != NULL,
           "DEBUG: the IAM plan: cluster, region, endpoint, database user");

    int n = emu_request_ids("sts", "AssumeRole", rid, 4);
    find_line(text, "aws call: service=sts action=AssumeRole", NULL, line, sizeof line);
    expect_aws_line(line, "sts", "AssumeRole", 1, "200", NULL, n == 1 ? rid[0] : "",
                    "DEBUG: the AssumeRole call is logged with the emulator's request id");
    tap_ok(count_lines(text, "aws call: ") == iam_emu_count(&T.emu, NULL, NULL) && count_lines(text, "aws call: ") == 2,
           "DEBUG: two AWS calls for two connects (AssumeRole, GetClusterCredentials), one line each");

    /* the SQL of the probe's query, its parameter count, timing and row count */
    find_line(text, "execute: params=0 sql=SELECT current_user", NULL, line, sizeof line);
    tap_ok(well_formed(line, "DEBUG"), "DEBUG: the SQL sent, with its parameter count");
    find_line(text, "result: ok ", "rows_returned=", line, sizeof line);
    tap_ok(well_formed(line, "DEBUG") && is_number(field(line, "first_result_ms", v[0], 256))
               && is_number(field(line, "total_ms", v[1], 256)) && atof(v[1]) >= atof(v[0])
               && strcmp(field(line, "rows_returned", v[2], 256), "1") == 0,
           "DEBUG: its completion: time to first result, total time, rows returned (%s)", line);
    tap_ok(!strstr(text, " TRACE ") && !strstr(text, "param 1"), "DEBUG: no TRACE lines, no parameter values");
    expect_absent(text, (const char *const[]){PROFILE_SECRET, "IAMC+fake/env/secret", "Authorization", NULL},
                  "DEBUG: no secret key in the log");
    free(text);
}

/* Credentials from a container endpoint: its HTTP call is logged like an AWS API call, the
 * sources skipped before it say why, and its Authorization token is nowhere. */
static void container_source(void)
{
    const char *dir = log_dir("container");
    probe_run r;
    char a[4096], line[8192], rid[2][96];
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_log_container", fmt("LogLevel=5;LogPath=%s", dir)));
    probe(&r, ENV(fmt("AWS_CONTAINER_CREDENTIALS_FULL_URI=%s/ecs/iamc/credentials", T.emu.url),
                  "AWS_CONTAINER_AUTHORIZATION_TOKEN=" CONTAINER_TOKEN),
          ITEMS(a));
    expect_value(&r, 0, "IAMA:iamc_log_container", "container: IAM login with container credentials (LogLevel=5)");
    char *text = read_log(dir);
    tap_ok(find_line(text, "credentials: skipped: AWS_ACCESS_KEY_ID not set", NULL, line, sizeof line)
               && find_line(text, "credentials: skipped: profile 'default' not found in ", NULL, line, sizeof line)
               && find_line(text, "credentials: skipped: AWS_WEB_IDENTITY_TOKEN_FILE not set", NULL, line, sizeof line)
               && find_line(text, "credentials: trying container credentials", NULL, line, sizeof line)
               && find_line(text, "credentials: using container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)",
                            "expires in ", line, sizeof line),
           "container: environment, profile and web identity skipped with why; container credentials used");
    int n = emu_request_ids("ecs", "GetCredentials", rid, 2);
    find_line(text, "aws call: service=container action=GetCredentials", NULL, line, sizeof line);
    expect_aws_line(line, "container", "GetCredentials", 1, "200", NULL, n == 1 ? rid[0] : "",
                    "container: the container endpoint's call is logged with the emulator's request id");
    expect_absent(text, (const char *const[]){CONTAINER_TOKEN, NULL}, "container: its authorization token is not in the log");
    free(text);
}

/* Failures: an AWS error code, a throttled attempt and its retry, an unreachable endpoint. */
static void failures(void)
{
    const char *dir = log_dir("errors");
    probe_run r;
    char a[4096], line[8192], rid[4][96], status[16], code[96];
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_log_denied", fmt(DENIED "LogLevel=4;LogPath=%s", dir)));
    probe(&r, NOENV, ITEMS(a));
    expect_error(&r, 0, "28000", NULL, "errors: a refused identity fails with 28000", "AccessDenied", NULL);
    char *text = read_log(dir);
    json_object *call = iam_emu_last_call(&T.emu, "redshift", "GetClusterCredentials");
    iam_call_get(call, "status", status, sizeof status);
    iam_call_get(call, "error", code, sizeof code);
    iam_call_get(call, "request_id", rid[0], sizeof rid[0]);
    json_object_put(call);
    find_line(text, "aws call: service=redshift action=GetClusterCredentials", NULL, line, sizeof line);
    expect_aws_line(line, "redshift", "GetClusterCredentials", 1, status, code, rid[0],
                    fmt("errors: the refused call is logged with status %s, error=%s and its request id", status, code));
    tap_ok(find_line(text, "connect failed: IAM: ", "AccessDenied", line, sizeof line) && well_formed(line, "ERROR"),
           "errors: the failed connect is logged at ERROR");
    free(text);

    /* one throttled answer, then the retry */
    dir = log_dir("retry");
    reset_emu();
    iam_emu_control(&T.emu, "POST", "faults",
                    "{\"kind\": \"throttle\", \"service\": \"redshift\", \"action\": \"GetClusterCredentials\", \"count\": 1}",
                    NULL);
    snprintf(a, sizeof a, "%s", cluster("iamc_log_retry", fmt(KEYS "LogLevel=4;LogPath=%s", dir)));
    probe(&r, NOENV, ITEMS(a));
    expect_value(&r, 0, "IAMA:iamc_log_retry", "retry: login after one throttled answer");
    text = read_log(dir);
    int n = emu_request_ids("redshift", "GetClusterCredentials", rid, 4);
    tap_ok(n == 2 && strcmp(rid[0], rid[1]) != 0, "retry: two recorded attempts with their own request ids");
    nth_line(text, 0, "aws call: service=redshift action=GetClusterCredentials", NULL, NULL, line, sizeof line);
    expect_aws_line(line, "redshift", "GetClusterCredentials", 1, "400", "Throttling", n > 0 ? rid[0] : "",
                    "retry: attempt 1 logged with status 400, error=Throttling and its request id");
    nth_line(text, 1, "aws call: service=redshift action=GetClusterCredentials", NULL, NULL, line, sizeof line);
    expect_aws_line(line, "redshift", "GetClusterCredentials", 2, "200", NULL, n > 1 ? rid[1] : "",
                    "retry: attempt 2 logged with status 200 and its own request id");
    free(text);

    /* nothing listens: every attempt is logged as a transport failure */
    dir = log_dir("unreachable");
    snprintf(a, sizeof a, "%s",
             cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=http://127.0.0.1:%d;"
                KEYS "DbUser=iamc_log_down;LogLevel=4;LogPath=%s",
                T.pg_port, T.closed_port, dir));
    probe(&r, NOENV, ITEMS(a));
    expect_error(&r, 0, "08001", NULL, "unreachable: the login fails with 08001", NULL, NULL);
    text = read_log(dir);
    char want[64], v[3][256];
    snprintf(want, sizeof want, "endpoint=127.0.0.1:%d", T.closed_port);
    int good = count_lines(text, "aws call: ") == 3;
    for (int i = 0; i < 3 && good; i++) {
        nth_line(text, i, "aws call: service=redshift action=GetClusterCredentials", want, NULL, line, sizeof line);
        good = well_formed(line, "INFO") && atoi(field(line, "attempt", v[0], 256)) == i + 1
               && strcmp(field(line, "status", v[1], 256), "0") == 0 && strstr(line, " error=transport: cannot reach")
               && strcmp(field(line, "request_id", v[2], 256), "-") == 0;
    }
    if (!tap_ok(good, "unreachable: attempts 1, 2 and 3 are logged with status 0 and the transport error"))
        tap_diag("log:\n%s", text);
    free(text);
}

/* LogLevel=3: the AWS calls (INFO) are not written. */
static void quiet_level(void)
{
    const char *dir = log_dir("warn");
    probe_run r;
    char a[4096];
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_log_warn", fmt(KEYS "LogLevel=3;LogPath=%s", dir)));
    probe(&r, NOENV, ITEMS(a));
    expect_value(&r, 0, "IAMA:iamc_log_warn", "WARN: IAM login with LogLevel=3");
    char *text = read_log(dir);
    tap_ok(iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 1 && !strstr(text, "aws call:")
               && !strstr(text, " INFO ") && !strstr(text, " DEBUG "),
           "WARN: the AWS call was made but no INFO or DEBUG line was written");
    free(text);
}

static int run_sql(SQLHDBC dbc, const char *sql, SQLSMALLINT nparams, const char *const *values)
{
    SQLHSTMT st;
    SQLLEN ind[8];
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st)))
        return 0;
    for (SQLSMALLINT i = 0; i < nparams; i++) {
        ind[i] = values[i] ? SQL_NTS : SQL_NULL_DATA;
        SQLBindParameter(st, (SQLUSMALLINT)(i + 1), SQL_PARAM_INPUT, SQL_C_CHAR, SQL_VARCHAR, 200, 0,
                         (SQLPOINTER)values[i], 0, &ind[i]);
    }
    SQLRETURN rc = SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS);
    if (SQL_SUCCEEDED(rc))
        while (SQL_SUCCEEDED(SQLFetch(st)))
            ;
    SQLFreeHandle(SQL_HANDLE_STMT, st);
    return SQL_SUCCEEDED(rc);
}

/* LogLevel=6 in this process (the level only ever rises, so this comes last): parameter
 * values at TRACE, masked; rows affected; a failed statement's SQLSTATE. */
static void trace_level(void)
{
    const char *dir = log_dir("trace");
    SQLHENV env;
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env);
    SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0);
    SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
    /* rs_md5 (scripts/odbc-env.sh) logs in with PWD=md5-secret-1 */
    const char *conn = fmt("DSN=rs_md5;LogLevel=6;LogPath=%s", dir);
    int ok = SQL_SUCCEEDED(SQLDriverConnect(dbc, NULL, (SQLCHAR *)conn, SQL_NTS, NULL, 0, NULL, SQL_DRIVER_NOPROMPT));
    tap_ok(ok, "TRACE: password login with LogLevel=6");
    char table[64];
    snprintf(table, sizeof table, "iamc_log_t%d", (int)getpid());
    const char *vals[] = {"plain-value-42", "md5-secret-1", "SecretAccessKey=abcdEFGH12345678", NULL};
    ok = ok && run_sql(dbc, "SELECT CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text)", 4, vals);
    ok = ok && run_sql(dbc, fmt("CREATE TEMP TABLE %s (x int)", table), 0, NULL);
    ok = ok && run_sql(dbc, fmt("INSERT INTO %s SELECT generate_series(1, 3)", table), 0, NULL);
    tap_ok(ok, "TRACE: a parameterized SELECT, CREATE TEMP TABLE and INSERT ran");
    int failed = !run_sql(dbc, "SELECT * FROM iamc_log_no_such_table", 0, NULL);
    /* autocommit off: the driver's own BEGIN, then COMMIT */
    SQLSetConnectAttr(dbc, SQL_ATTR_AUTOCOMMIT, (SQLPOINTER)SQL_AUTOCOMMIT_OFF, 0);
    ok = run_sql(dbc, "SELECT 1", 0, NULL) && SQL_SUCCEEDED(SQLEndTran(SQL_HANDLE_DBC, dbc, SQL_COMMIT));
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    SQLFreeHandle(SQL_HANDLE_ENV, env);

    char *text = read_log(dir);
    char line[8192], v[2][256];
    tap_ok(find_line(text, "execute: params=4 sql=SELECT CAST($1 AS text), CAST($2 AS text)", NULL, line, sizeof line)
               && well_formed(line, "DEBUG"),
           "TRACE: the SQL sent with its parameter count");
    tap_ok(find_line(text, "param 1 (14 bytes): plain-value-42", NULL, line, sizeof line) && well_formed(line, "TRACE"),
           "TRACE: a parameter value, with its length");
    tap_ok(find_line(text, "param 2 (12 bytes): ****", NULL, line, sizeof line)
               && find_line(text, "param 3 (32 bytes): SecretAccessKey=****", NULL, line, sizeof line)
               && find_line(text, "param 4: NULL", NULL, line, sizeof line),
           "TRACE: the connection's password and a SecretAccessKey=... value are masked; NULL shown as NULL");
    expect_absent(text, (const char *const[]){"md5-secret-1", "abcdEFGH12345678", NULL},
                  "TRACE: neither secret is anywhere in the log");
    find_line(text, "result: ok ", "command=INSERT 0 3", line, sizeof line);
    tap_ok(strcmp(field(line, "rows_affected", v[0], 256), "3") == 0 && is_number(field(line, "total_ms", v[1], 256)),
           "TRACE: the INSERT's completion: 3 rows affected, its time");
    tap_ok(failed && find_line(text, "result: error sqlstate=42P01", NULL, line, sizeof line) != NULL,
           "TRACE: a failed statement's completion has its SQLSTATE");
    const char *begin = strstr(text, "command: BEGIN");
    const char *commit = begin ? strstr(begin, "command: COMMIT") : NULL;
    tap_ok(ok && begin && commit && nth_line(commit, 0, "result: ok total_ms=", NULL, NULL, line, sizeof line),
           "TRACE: with autocommit off, the driver's own BEGIN and COMMIT are logged with their result");
    free(text);
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    info_level();
    debug_level();
    container_source();
    failures();
    quiet_level();
    trace_level();
    return iam_end();
}
