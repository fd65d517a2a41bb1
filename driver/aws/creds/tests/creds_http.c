/* creds_http.c - container credentials, EC2 instance metadata (IMDSv2) and SSO against a
 * local responder, through the real HTTP client. */
#include "creds_tap.h"
#include "creds_env.h"
#include "responder.h"

#include <sys/stat.h>
#include "aws/credentials.h"
#include "aws/creds/cache.h"
#include "aws/creds/sources.h"

#define CONTAINER_TOKEN "Bearer-container-secret"
#define IMDS_TOKEN "imds-session-token-123"
#define SSO_TOKEN "sso-access-token-xyz"

static struct {
    int imds_v1_only;     /* PUT /latest/api/token answers 404 */
    int imds_no_role;
} mode;

static int header_is(const resp_request *req, const char *name, const char *want)
{
    char h[512];
    const char *v = resp_header(req, name, h, sizeof h);
    return v && strcmp(v, want) == 0;
}

static void handler(const resp_request *req, int *status, char *body, size_t cap, void *ud)
{
    (void)ud;
    const char *p = req->path;
    *status = 404;
    body[0] = '\0';
    if (strcmp(p, "/creds") == 0) {
        if (!header_is(req, "Authorization", CONTAINER_TOKEN)) {
            *status = 401;
            snprintf(body, cap, "{\"message\":\"bad token\"}");
            return;
        }
        *status = 200;
        snprintf(body, cap, "{\"AccessKeyId\":\"ASIACONT\",\"SecretAccessKey\":\"SECRET-cont\",\"Token\":\"TOKEN-cont\","
                            "\"Expiration\":\"%s\",\"RoleArn\":\"arn:aws:iam::1:role/task\"}", iso_in(3600));
    } else if (strcmp(p, "/fail") == 0) {
        *status = 500;
    } else if (strcmp(p, "/latest/api/token") == 0 && strcmp(req->method, "PUT") == 0) {
        if (mode.imds_v1_only || !header_is(req, "X-aws-ec2-metadata-token-ttl-seconds", "21600"))
            return;
        *status = 200;
        snprintf(body, cap, "%s", IMDS_TOKEN);
    } else if (strncmp(p, "/latest/meta-data/iam/security-credentials/", 43) == 0) {
        char h[128];
        if (!mode.imds_v1_only && !header_is(req, "X-aws-ec2-metadata-token", IMDS_TOKEN)) {
            *status = 401;
            return;
        }
        if (mode.imds_v1_only && resp_header(req, "X-aws-ec2-metadata-token", h, sizeof h))
            return;
        if (mode.imds_no_role)
            return;
        *status = 200;
        if (p[43] == '\0')
            snprintf(body, cap, "my-role\n");
        else if (strcmp(p + 43, "my-role") == 0)
            snprintf(body, cap, "{\"Code\":\"Success\",\"LastUpdated\":\"%s\",\"Type\":\"AWS-HMAC\","
                                "\"AccessKeyId\":\"ASIAIMDS\",\"SecretAccessKey\":\"SECRET-imds\",\"Token\":\"TOKEN-imds\","
                                "\"Expiration\":\"%s\"}", iso_in(0), iso_in(21600));
        else
            *status = 404;
    } else if (strncmp(p, "/federation/credentials?", 24) == 0) {
        if (!header_is(req, "x-amz-sso_bearer_token", SSO_TOKEN)) {
            *status = 401;
            snprintf(body, cap, "{\"message\":\"Session token not found or invalid\"}");
            return;
        }
        if (!strstr(p, "role_name=ReadOnly") || !strstr(p, "account_id=111122223333"))
            return;
        *status = 200;
        snprintf(body, cap, "{\"roleCredentials\":{\"accessKeyId\":\"ASIASSO\",\"secretAccessKey\":\"SECRET-sso\","
                            "\"sessionToken\":\"TOKEN-sso\",\"expiration\":%lld}}",
                 (long long)(time(NULL) + 3600) * 1000);
    } else if (strcmp(p, "/") == 0 && strcmp(req->method, "POST") == 0) { /* STS AssumeRole */
        *status = 200;
        snprintf(body, cap,
                 "<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAROLE</AccessKeyId>"
                 "<SecretAccessKey>SECRET-role</SecretAccessKey><SessionToken>TOKEN-role</SessionToken>"
                 "<Expiration>%s</Expiration></Credentials></AssumeRoleResult></AssumeRoleResponse>", iso_in(3600));
    }
}

static responder srv;
static char base[64];

static void fresh(void)
{
    creds_clean_env();
    memset(&mode, 0, sizeof mode);
    setenv("HOME", tap_dir, 1);
    setenv("AWS_CONFIG_FILE", tap_write("config", ""), 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", tap_write("credentials", ""), 1);
    rs_creds_cache_clear();
    responder_reset(&srv);
}

static int resolve(const char *profile, int instance_profile, rs_aws_credentials *c, rs_aws_error *e)
{
    rs_aws_credential_options o = {.profile = profile, .instance_profile = instance_profile, .region = "us-east-1"};
    return rs_aws_credentials_resolve(&o, c, e);
}

static int clean(const rs_aws_error *e)
{
    return !strstr(e->message, "SECRET") && !strstr(e->message, "TOKEN-") && !strstr(e->message, CONTAINER_TOKEN)
        && !strstr(e->message, IMDS_TOKEN) && !strstr(e->message, SSO_TOKEN);
}

static void test_container(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    char url[128];
    fresh();
    snprintf(url, sizeof url, "%s/creds", base);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url, 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN, 1);
    tap_ok(resolve(NULL, 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIACONT") == 0
               && strcmp(c.session_token, "TOKEN-cont") == 0 && c.expiration > time(NULL),
           "container: FULL_URI with AWS_CONTAINER_AUTHORIZATION_TOKEN");
    TAP_STR(c.source, "container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI)", "container: source text");
    tap_ok(resolve(NULL, 0, &c, &e) == 0 && responder_count(&srv) == 1, "container: cached");

    fresh();
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url, 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong", 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tap_write("ctoken", CONTAINER_TOKEN "\n"), 1);
    tap_ok(resolve(NULL, 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIACONT") == 0,
           "container: the token file wins over the variable (and is trimmed)");
    unsetenv("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
    rs_creds_cache_clear();
    tap_ok(resolve(NULL, 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_AUTH && e.http_status == 401,
           "container: a refused token is RS_AWS_ERR_AUTH and stops the chain");
    tap_ok(clean(&e) && strstr(e.message, "Tried") == NULL, "container: no secret in the message");

    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", "abc\r\nX-Injected: 1", 1);
    tap_ok(resolve(NULL, 0, &c, &e) == -1 && strstr(e.message, "line break"), "container: header injection refused");

    fresh();
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/creds", 1);
    tap_ok(resolve(NULL, 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG && strstr(e.message, "not allowed")
               && responder_count(&srv) == 0,
           "container: plain http to a non-local host is refused before any request");
    snprintf(url, sizeof url, "http://localhost:%d/creds", srv.port);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url, 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN, 1);
    tap_ok(resolve(NULL, 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIACONT") == 0,
           "container: http://localhost is allowed");
    snprintf(url, sizeof url, "%s/fail", base);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url, 1);
    rs_creds_cache_clear();
    responder_reset(&srv);
    tap_ok(resolve(NULL, 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_SERVICE && responder_count(&srv) == 3,
           "container: HTTP 500 retried, 3 attempts in all (%d)", responder_count(&srv));

    /* credential_source EcsContainer feeds AssumeRole */
    fresh();
    snprintf(url, sizeof url, "%s/creds", base);
    setenv("AWS_CONTAINER_CREDENTIALS_FULL_URI", url, 1);
    setenv("AWS_CONTAINER_AUTHORIZATION_TOKEN", CONTAINER_TOKEN, 1);
    setenv("AWS_ENDPOINT_URL_STS", base, 1);
    setenv("AWS_CONFIG_FILE",
           tap_write("config", "[profile ecs]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = EcsContainer\n"), 1);
    char h[1024];
    tap_ok(resolve("ecs", 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIAROLE") == 0
               && strstr(resp_header(responder_get(&srv, 1), "Authorization", h, sizeof h), "Credential=ASIACONT/"),
           "credential_source EcsContainer: AssumeRole signed with the container credentials");
    unsetenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
    rs_creds_cache_clear();
    tap_ok(resolve("ecs", 0, &c, &e) == -1 && strstr(e.message, "credential_source EcsContainer"),
           "credential_source EcsContainer without the variables is an error");
}

static void test_imds(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", base, 1);
    tap_ok(resolve(NULL, 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIAIMDS") == 0
               && strcmp(c.session_token, "TOKEN-imds") == 0 && c.expiration > time(NULL) + 20000,
           "imds: the chain ends at instance metadata");
    TAP_STR(c.source, "EC2 instance metadata role my-role", "imds: source text");
    tap_ok(responder_count(&srv) == 3 && strcmp(responder_get(&srv, 0)->method, "PUT") == 0,
           "imds: PUT token, GET role, GET credentials");
    tap_ok(header_is(responder_get(&srv, 2), "X-aws-ec2-metadata-token", IMDS_TOKEN),
           "imds: the session token is sent with the GETs");

    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", base, 1);
    setenv("AWS_ACCESS_KEY_ID", "AKIDENV", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "SECRETENV", 1);
    tap_ok(resolve(NULL, 1, &c, &e) == 0 && strcmp(c.access_key_id, "ASIAIMDS") == 0,
           "imds: InstanceProfile=1 uses instance metadata alone, even with environment keys");

    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", base, 1);
    mode.imds_v1_only = 1;
    tap_ok(resolve(NULL, 1, &c, &e) == 0 && strcmp(c.access_key_id, "ASIAIMDS") == 0,
           "imds: falls back to IMDSv1 when the token PUT is not supported");
    rs_creds_cache_clear();
    setenv("AWS_EC2_METADATA_V1_DISABLED", "true", 1);
    tap_ok(resolve(NULL, 1, &c, &e) == -1 && strstr(e.message, "AWS_EC2_METADATA_V1_DISABLED"),
           "imds: ... unless AWS_EC2_METADATA_V1_DISABLED=true");

    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", base, 1);
    mode.imds_no_role = 1;
    tap_ok(resolve(NULL, 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG
               && strstr(e.message, "EC2 instance metadata: no IAM role attached"),
           "imds: no role attached shows in the 'nothing found' list");
    tap_ok(resolve(NULL, 1, &c, &e) == -1 && strstr(e.message, "no IAM instance profile"),
           "imds: InstanceProfile=1 without a role is an error");

    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9", 1);
    tap_ok(resolve(NULL, 1, &c, &e) == -1 && e.kind == RS_AWS_ERR_NETWORK && strstr(e.message, "unreachable"),
           "imds: InstanceProfile=1 with no metadata service is a network error");
    setenv("AWS_EC2_METADATA_DISABLED", "TRUE", 1);
    tap_ok(resolve(NULL, 1, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG && strstr(e.message, "AWS_EC2_METADATA_DISABLED"),
           "imds: InstanceProfile=1 with AWS_EC2_METADATA_DISABLED is a config error");
    tap_ok(clean(&e), "imds: no secret in messages");
}

static void write_sso_cache(const char *key, const char *token, const char *expires)
{
    char dir[600], path[1200], json[1024];
    snprintf(dir, sizeof dir, "%s/.aws", tap_dir);
    mkdir(dir, 0700);
    snprintf(dir, sizeof dir, "%s/.aws/sso", tap_dir);
    mkdir(dir, 0700);
    snprintf(dir, sizeof dir, "%s/.aws/sso/cache", tap_dir);
    mkdir(dir, 0700);
    if (rs_creds_sso_cache_path(key, path, sizeof path) != 0)
        return;
    snprintf(json, sizeof json, "{\"startUrl\":\"https://corp.awsapps.com/start\",\"region\":\"us-east-1\","
                                "\"accessToken\":\"%s\",\"expiresAt\":\"%s\"}", token, expires);
    FILE *f = fopen(path, "w");
    if (f) {
        fputs(json, f);
        fclose(f);
    }
}

static void test_sso(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    setenv("AWS_ENDPOINT_URL_SSO", base, 1);
    setenv("AWS_CONFIG_FILE",
           tap_write("config",
                     "[profile s]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n"
                     "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n"
                     "[profile legacy]\nsso_start_url = https://legacy.awsapps.com/start\nsso_region = eu-west-1\n"
                     "sso_account_id = 111122223333\nsso_role_name = ReadOnly\n"
                     "[profile nosession]\nsso_session = ghost\nsso_account_id = 1\nsso_role_name = R\n"
                     "[profile svc]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = ReadOnly\n"
                     "services = local\n[services local]\nsso =\n  endpoint_url = http://127.0.0.1:9\n"),
           1);
    write_sso_cache("corp", SSO_TOKEN, iso_in(3600));
    tap_ok(resolve("s", 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIASSO") == 0
               && strcmp(c.session_token, "TOKEN-sso") == 0,
           "sso: sso-session token from the cache, then GetRoleCredentials");
    tap_ok(c.expiration > time(NULL) + 3500 && c.expiration <= time(NULL) + 3600, "sso: expiration from epoch ms");
    TAP_STR(c.source, "profile s: SSO account 111122223333 role ReadOnly", "sso: source text");
    tap_ok(strcmp(responder_get(&srv, 0)->method, "GET") == 0
               && strstr(responder_get(&srv, 0)->path, "/federation/credentials?role_name=ReadOnly&account_id=111122223333"),
           "sso: GET /federation/credentials with role_name and account_id");

    tap_ok(resolve("legacy", 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG && strstr(e.message, "run aws sso login")
               && strstr(e.message, "https://legacy.awsapps.com/start"),
           "sso legacy: no cache file for the start URL -> run aws sso login");
    write_sso_cache("https://legacy.awsapps.com/start", SSO_TOKEN, iso_in(3600));
    tap_ok(resolve("legacy", 0, &c, &e) == 0 && strcmp(c.access_key_id, "ASIASSO") == 0,
           "sso legacy: cache file named by the start URL's sha1");

    rs_creds_cache_clear();
    write_sso_cache("corp", SSO_TOKEN, iso_in(-60));
    tap_ok(resolve("s", 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_AUTH && strstr(e.message, "expired")
               && strstr(e.message, "run aws sso login"),
           "sso: an expired token is refused with 'run aws sso login'");
    tap_ok(clean(&e), "sso: expired-token message has no token");

    write_sso_cache("corp", "sso-other-token", iso_in(3600));
    tap_ok(resolve("s", 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_AUTH && e.http_status == 401
               && strstr(e.message, "aws sso login"),
           "sso: a token the portal refuses (401) -> RS_AWS_ERR_AUTH");
    tap_ok(clean(&e) && !strstr(e.message, "sso-other-token"), "sso: 401 message has no token");

    tap_ok(resolve("nosession", 0, &c, &e) == -1 && strstr(e.message, "[sso-session ghost] not found"),
           "sso: a missing sso-session section is named");

    unsetenv("AWS_ENDPOINT_URL_SSO");
    write_sso_cache("corp", SSO_TOKEN, iso_in(3600));
    tap_ok(resolve("svc", 0, &c, &e) == -1 && e.kind == RS_AWS_ERR_NETWORK,
           "sso: the services section's sso endpoint_url is used (port 9 refuses)");
}

int main(void)
{
    tap_scratch();
    if (responder_start(&srv, handler, NULL) != 0) {
        printf("Bail out! cannot start the local responder\n");
        return 99;
    }
    snprintf(base, sizeof base, "http://127.0.0.1:%d", srv.port);
    test_container();
    test_imds();
    test_sso();
    responder_stop(&srv);
    printf("1..%d\n", tap_count);
    tap_cleanup();
    return tap_failures ? 1 : 0;
}
