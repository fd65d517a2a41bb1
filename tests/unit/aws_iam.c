/* aws_iam.c - rs_iam_get_db_credentials and the STS calls end to end against the AWS
 * emulator (tests/aws_emulator/emulator.py with its sample config.json). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "aws/iam.h"
#include "aws/dbcred_cache.h"
#include "aws/http.h"
#include "aws/sts.h"
#include "aws_tap.h"

#define ALICE_KEY "AKIAEMULATORALICE001"
#define ALICE_SECRET "FAKE+emulator/alice/secret/not/a/real/key0"
#define MALLORY_KEY "AKIAEMULATORMALLORY1"
#define MALLORY_SECRET "FAKE+emulator/mallory/secret/not/a/real/k"
#define PROVISIONED_HOST "emu-cluster.abc123xyz.us-east-1.redshift.amazonaws.com"
#define SERVERLESS_HOST "emu-workgroup.123456789012.us-east-1.redshift-serverless.amazonaws.com"

static char emu[64];
static pid_t emu_pid;

static char emu_tls[64];
static char tls_dir[] = "/tmp/rs_iam_tls_XXXXXX";
static char cert_path[300], key_path[300];

static int read_port(const char *path)
{
    FILE *f = fopen(path, "r");
    int port = 0;
    if (f) {
        if (fscanf(f, "%d", &port) != 1)
            port = 0;
        fclose(f);
    }
    return port;
}

/* A throwaway self-signed certificate for 127.0.0.1 (HTTPS and CaFile tests). */
static int make_cert(void)
{
    if (!mkdtemp(tls_dir))
        return -1;
    snprintf(cert_path, sizeof cert_path, "%s/cert.pem", tls_dir);
    snprintf(key_path, sizeof key_path, "%s/key.pem", tls_dir);
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 "
             "-addext subjectAltName=IP:127.0.0.1 -keyout %s -out %s >/dev/null 2>&1",
             key_path, cert_path);
    return system(cmd) == 0 ? 0 : -1;
}

static int start_emulator(const char *srcdir)
{
    char port_file[320], tls_port_file[320];
    snprintf(port_file, sizeof port_file, "%s/port", tls_dir);
    snprintf(tls_port_file, sizeof tls_port_file, "%s/tls-port", tls_dir);
    char script[512], config[512];
    snprintf(script, sizeof script, "%s/tests/aws_emulator/emulator.py", srcdir);
    snprintf(config, sizeof config, "%s/tests/aws_emulator/config.json", srcdir);
    emu_pid = fork();
    if (emu_pid == 0) {
        if (!freopen("/dev/null", "w", stderr))
            _exit(126);
        execlp("python3", "python3", script, "--config", config, "--port-file", port_file,
               "--https-port-file", tls_port_file, "--cert", cert_path, "--key", key_path, (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 200; i++) {
        int port = read_port(port_file), tls_port = read_port(tls_port_file);
        if (port > 0 && tls_port > 0) {
            snprintf(emu, sizeof emu, "http://127.0.0.1:%d", port);
            snprintf(emu_tls, sizeof emu_tls, "https://127.0.0.1:%d", tls_port);
            unlink(port_file);
            unlink(tls_port_file);
            return 0;
        }
        if (waitpid(emu_pid, NULL, WNOHANG) == emu_pid)
            return -1;
        usleep(50000);
    }
    return -1;
}

static void stop_emulator(void)
{
    if (emu_pid > 0) {
        kill(emu_pid, SIGTERM);
        waitpid(emu_pid, NULL, 0);
    }
}

/* Control API: method on /_emulator/<path> with an optional JSON body; answer parsed. */
static json_object *control(const char *method, const char *path, const char *body)
{
    char url[256];
    snprintf(url, sizeof url, "%s/_emulator/%s", emu, path);
    rs_http_header h = { "Content-Type", "application/json" };
    rs_http_request req = { .method = method, .url = url, .headers = &h, .n_headers = 1,
                            .body = body, .body_len = body ? strlen(body) : 0 };
    rs_http_response resp;
    rs_aws_error err = {0};
    if (rs_http_perform(&req, &resp, &err) < 0)
        return NULL;
    json_object *o = json_tokener_parse(resp.body);
    rs_http_response_free(&resp);
    return o;
}

/* The params of the last call to service/action, and how many such calls were seen. */
static int calls_of(const char *service, const char *action, json_object **last_params)
{
    char path[160];
    snprintf(path, sizeof path, "calls?service=%s&action=%s", service, action);
    json_object *o = control("GET", path, NULL), *calls = NULL;
    int n = 0;
    if (last_params)
        *last_params = NULL;
    if (o && json_object_object_get_ex(o, "calls", &calls)) {
        n = (int)json_object_array_length(calls);
        json_object *params = NULL;
        if (n && last_params && json_object_object_get_ex(json_object_array_get_idx(calls, (size_t)n - 1),
                                                          "params", &params))
            *last_params = json_object_get(params);
    }
    json_object_put(o);
    return n;
}

static const char *param(json_object *p, const char *key)
{
    json_object *v = NULL;
    if (!p || !json_object_object_get_ex(p, key, &v))
        return "";
    return json_object_get_string(v);
}

static rs_iam_params base_params(void)
{
    rs_iam_params p = {
        .host = PROVISIONED_HOST, .port = 5439, .database = "dev", .db_user = "alice",
        .serverless = -1, .endpoint_url = emu, .sts_endpoint_url = emu,
        .access_key_id = ALICE_KEY, .secret_access_key = ALICE_SECRET,
    };
    return p;
}

int main(void)
{
    TAP_PLAN(41);
    const char *srcdir = getenv("top_srcdir");
    unsetenv("http_proxy");
    unsetenv("HTTP_PROXY");
    setenv("RSODBC_AWS_RETRY_BASE_MS", "5", 1);
    setenv("AWS_CONFIG_FILE", "/nonexistent/config", 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials", 1);
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");
    unsetenv("AWS_PROFILE");
    int up = make_cert() == 0 && start_emulator(srcdir ? srcdir : ".") == 0;
    TAP_OK(up, "emulator started at %s", emu);

    rs_db_credentials c;
    rs_aws_error err = {0};
    json_object *params = NULL;
    time_t now = time(NULL);

    /* 1. Provisioned, from the host name. */
    rs_iam_params p = base_params();
    p.db_user = "Alice";
    p.force_lowercase = 1;
    p.db_groups = " Analysts , ,ops";
    p.auto_create = 1;
    p.iam_duration = 1200;
    int rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "provisioned credentials from the host name (%s)", rc ? err.message : "ok");
    TAP_STR(c.db_user, "IAMA:alice", "DbUser lower-cased, AutoCreate answer");
    TAP_OK(strlen(c.db_password) >= 8 && c.expiration > now + 1100 && c.expiration <= now + 1260,
           "password and expiration (%lld s)", (long long)(c.expiration - now));
    TAP_OK(strcmp(c.host, PROVISIONED_HOST) == 0 && c.port == 5439, "host and port copied");
    int n_gcc = calls_of("redshift", "GetClusterCredentials", &params);
    const char *pj = params ? json_object_to_json_string(params) : "";
    TAP_OK(n_gcc == 1 && strcmp(param(params, "ClusterIdentifier"), "emu-cluster") == 0
           && strcmp(param(params, "DbName"), "dev") == 0 && strcmp(param(params, "DurationSeconds"), "1200") == 0
           && strcmp(param(params, "AutoCreate"), "true") == 0 && strstr(pj, "\"analysts\"") && strstr(pj, "\"ops\""),
           "request carried ClusterIdentifier, DbName, DurationSeconds, AutoCreate, DbGroups (%s)", pj);
    json_object_put(params);

    /* 2. The same request again is served from the cache; DisableCache bypasses it. */
    rs_db_credentials c2;
    rs_iam_get_db_credentials(&p, &c2, &err);
    TAP_OK(calls_of("redshift", "GetClusterCredentials", NULL) == 1 && strcmp(c2.db_password, c.db_password) == 0,
           "second connection reuses cached credentials");
    p.disable_cache = 1;
    rs_iam_get_db_credentials(&p, &c2, &err);
    TAP_OK(calls_of("redshift", "GetClusterCredentials", NULL) == 2 && strcmp(c2.db_password, c.db_password) != 0,
           "DisableCache=1 fetches new credentials");
    p.disable_cache = 0;
    p.db_user = "bob";
    rs_iam_get_db_credentials(&p, &c2, &err);
    TAP_OK(calls_of("redshift", "GetClusterCredentials", NULL) == 3, "another DbUser is another cache entry");

    /* 3. UID when DbUser is empty; no host: discovery through DescribeClusters. */
    p = base_params();
    p.db_user = NULL;
    p.uid = "alice";
    p.host = NULL;
    p.port = 0;
    p.cluster_id = "emu-cluster";
    p.region = "us-east-1";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0 && strcmp(c.db_user, "IAM:alice") == 0, "UID is the DbUser when DbUser is empty (%s)",
           rc ? err.message : c.db_user);
    TAP_OK(rc == 0 && strcmp(c.host, "127.0.0.1") == 0 && c.port > 0 && calls_of("redshift", "DescribeClusters", NULL) == 1,
           "host and port discovered with DescribeClusters (%s:%d)", c.host, c.port);

    /* 4. Keywords win over the host. */
    p = base_params();
    p.host = "other.abc.us-west-2.redshift.amazonaws.com";
    p.cluster_id = "emu-cluster";
    p.region = "us-east-1";
    p.disable_cache = 1;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "ClusterId and Region keywords override the host (%s)", rc ? err.message : "ok");

    /* 5. Custom domain name: passed as CustomDomainName; port discovered. */
    p = base_params();
    p.host = "redshift.emulator.example";
    p.port = 0;
    p.region = "us-east-1";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    calls_of("redshift", "GetClusterCredentials", &params);
    TAP_OK(rc == 0 && strcmp(param(params, "CustomDomainName"), "redshift.emulator.example") == 0
           && strcmp(param(params, "ClusterIdentifier"), "") == 0,
           "custom domain goes as CustomDomainName (%s)", rc ? err.message : "ok");
    json_object_put(params);
    TAP_OK(rc == 0 && c.port > 0 && strcmp(c.host, "redshift.emulator.example") == 0
           && calls_of("redshift", "DescribeCustomDomainAssociations", NULL) == 1,
           "port found through DescribeCustomDomainAssociations + DescribeClusters (%d)", c.port);
    p.region = NULL;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_CONFIG && strstr(err.message, "set Region="),
           "custom domain without Region: \"%s\"", err.message);
    setenv("AWS_REGION", "us-east-1", 1);
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    unsetenv("AWS_REGION");
    TAP_OK(rc == 0, "custom domain with AWS_REGION from the environment (%s)", rc ? err.message : "ok");

    /* 6. group_federation: GetClusterCredentialsWithIAM. */
    p = base_params();
    p.db_user = NULL;
    p.group_federation = 1;
    p.iam_duration = 3600;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    calls_of("redshift", "GetClusterCredentialsWithIAM", &params);
    TAP_OK(rc == 0 && strncmp(c.db_user, "IAM:", 4) == 0 && strcmp(param(params, "DurationSeconds"), "3600") == 0
           && strcmp(param(params, "DbName"), "dev") == 0,
           "GetClusterCredentialsWithIAM with DbName and DurationSeconds (%s)", rc ? err.message : c.db_user);
    json_object_put(params);

    /* 7. Serverless from the host name, and from Workgroup with discovery. */
    p = base_params();
    p.host = SERVERLESS_HOST;
    p.db_user = NULL;
    p.iam_duration = 1800;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    calls_of("redshift-serverless", "GetCredentials", &params);
    pj = params ? json_object_to_json_string(params) : "";
    TAP_OK(rc == 0 && strlen(c.db_password) > 0 && c.expiration > now + 1700,
           "serverless credentials from the host name (%s)", rc ? err.message : c.db_user);
    TAP_OK(strcmp(param(params, "workgroupName"), "emu-workgroup") == 0 && strcmp(param(params, "dbName"), "dev") == 0
           && strstr(pj, "1800"), "GetCredentials carried workgroupName, dbName, durationSeconds (%s)", pj);
    json_object_put(params);
    p = base_params();
    p.host = NULL;
    p.port = 0;
    p.workgroup = "emu-workgroup";
    p.region = "us-east-1";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0 && strcmp(c.host, "127.0.0.1") == 0 && c.port > 0
           && calls_of("redshift-serverless", "GetWorkgroup", NULL) == 1,
           "Workgroup keyword: serverless, endpoint from GetWorkgroup (%s)", rc ? err.message : c.host);
    p = base_params();
    p.host = "serverless.emulator.example";
    p.serverless = 1;
    p.region = "us-east-1";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    calls_of("redshift-serverless", "GetCredentials", &params);
    TAP_OK(rc == 0 && strcmp(param(params, "customDomainName"), "serverless.emulator.example") == 0,
           "Serverless=1 with a custom domain sends customDomainName (%s)", rc ? err.message : "ok");
    json_object_put(params);

    /* 8. Configuration errors say what to set. */
    p = base_params();
    p.db_user = NULL;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_CONFIG && strstr(err.message, "DbUser="), "no user: %s", err.message);
    p = base_params();
    p.host = "127.0.0.1";
    p.region = "us-east-1";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_CONFIG && strstr(err.message, "ClusterId="), "no cluster: %s", err.message);
    p = base_params();
    p.iam_duration = 100;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_CONFIG && strstr(err.message, "900 to 3600"), "bad IAMDuration: %s", err.message);

    /* 9. AWS refusals. */
    p = base_params();
    p.access_key_id = MALLORY_KEY;
    p.secret_access_key = MALLORY_SECRET;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && strcmp(rs_aws_error_sqlstate(&err), "28000") == 0
           && strstr(err.message, "AccessDenied"), "not allowed: 28000 %s", err.message);
    p = base_params();
    p.secret_access_key = "wrong-secret";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && strstr(err.message, "SignatureDoesNotMatch")
           && !strstr(err.message, "wrong-secret"), "bad secret: %s", err.message);
    p = base_params();
    p.host = "nosuch.abc.us-east-1.redshift.amazonaws.com";
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_SERVICE && strstr(err.message, "ClusterNotFound"),
           "unknown cluster: %s", err.message);

    /* 10. Faults: throttling is retried; malformed answers are protocol errors. */
    p = base_params();
    p.disable_cache = 1;
    json_object_put(control("POST", "faults", "{\"kind\":\"throttle\",\"service\":\"redshift\",\"action\":\"GetClusterCredentials\",\"count\":2}"));
    int before = calls_of("redshift", "GetClusterCredentials", NULL);
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0 && calls_of("redshift", "GetClusterCredentials", NULL) == before + 3,
           "two throttles then success (%s)", rc ? err.message : "ok");
    json_object_put(control("POST", "faults", "{\"kind\":\"internal\",\"service\":\"redshift\",\"count\":5}"));
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_SERVICE && strstr(err.message, "InternalFailure")
           && strstr(err.message, "3 attempts"), "persistent 500: %s", err.message);
    json_object_put(control("DELETE", "faults", NULL));
    json_object_put(control("POST", "faults", "{\"kind\":\"malformed\",\"service\":\"redshift\"}"));
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_PROTOCOL, "malformed answer: %s", err.message);
    json_object_put(control("POST", "faults", "{\"kind\":\"oversized\",\"service\":\"redshift\"}"));
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_PROTOCOL && strstr(err.message, "1 MiB"), "oversized answer: %s", err.message);
    json_object_put(control("POST", "faults", "{\"kind\":\"truncated\",\"service\":\"redshift\"}"));
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "one truncated answer is retried (%s)", rc ? err.message : "ok");
    json_object_put(control("POST", "faults", "{\"kind\":\"truncated\",\"service\":\"redshift\",\"count\":3}"));
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_PROTOCOL && strstr(err.message, "truncated"),
           "truncated answers: %s", err.message);
    json_object_put(control("DELETE", "faults", NULL));

    /* 11. STS. */
    rs_sts_options so = { .region = "us-east-1", .endpoint_url = emu };
    rs_aws_credentials alice = {0}, out = {0};
    snprintf(alice.access_key_id, sizeof alice.access_key_id, ALICE_KEY);
    snprintf(alice.secret_access_key, sizeof alice.secret_access_key, ALICE_SECRET);
    rc = rs_sts_assume_role(&so, &alice, "arn:aws:iam::123456789012:role/RedshiftAccess", NULL, NULL, 1800, &out, &err);
    TAP_OK(rc == 0 && strncmp(out.access_key_id, "ASIA", 4) == 0 && out.session_token[0]
           && out.expiration > now + 1700, "AssumeRole (%s)", rc ? err.message : out.access_key_id);
    /* The assumed role's credentials sign the next call (session token path). */
    p = base_params();
    p.access_key_id = out.access_key_id;
    p.secret_access_key = out.secret_access_key;
    p.session_token = out.session_token;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "assumed-role credentials with a session token work (%s)", rc ? err.message : "ok");
    rc = rs_sts_assume_role(&so, &alice, "arn:aws:iam::123456789012:role/CrossAccount", "session-1", NULL, 0, &out, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH, "AssumeRole without the ExternalId is refused: %s", err.message);
    rc = rs_sts_assume_role_with_web_identity(&so, "arn:aws:iam::123456789012:role/WebIdentityRole", NULL,
                                              "FAKE-emulator-oidc-token-0001", 0, &out, &err);
    TAP_OK(rc == 0 && strncmp(out.access_key_id, "ASIA", 4) == 0, "AssumeRoleWithWebIdentity (%s)",
           rc ? err.message : "ok");
    rc = rs_sts_assume_role_with_web_identity(&so, "arn:aws:iam::123456789012:role/WebIdentityRole", NULL,
                                              "FAKE-emulator-oidc-token-expired", 0, &out, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_AUTH && !strstr(err.message, "FAKE-emulator-oidc"),
           "expired web identity token: %s", err.message);

    /* 12. HTTPS: verification is always on; CaFile or AWS_CA_BUNDLE name the CA. */
    p = base_params();
    p.endpoint_url = emu_tls;
    p.disable_cache = 1;
    p.ca_file = cert_path;
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "HTTPS endpoint trusted through CaFile (%s)", rc ? err.message : "ok");
    p.ca_file = NULL;
    setenv("AWS_MAX_ATTEMPTS", "1", 1);
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == -1 && err.kind == RS_AWS_ERR_NETWORK && strcmp(rs_aws_error_sqlstate(&err), "08001") == 0
           && strstr(err.message, "TLS"), "self-signed endpoint refused without a CA: %s", err.message);
    setenv("AWS_CA_BUNDLE", cert_path, 1);
    rc = rs_iam_get_db_credentials(&p, &c, &err);
    TAP_OK(rc == 0, "AWS_CA_BUNDLE is honoured (%s)", rc ? err.message : "ok");
    unsetenv("AWS_CA_BUNDLE");
    unsetenv("AWS_MAX_ATTEMPTS");

    rs_db_credentials_clear(&c);
    rs_dbcred_cache_clear();
    stop_emulator();
    unlink(cert_path);
    unlink(key_path);
    rmdir(tls_dir);
    return TAP_DONE();
}
