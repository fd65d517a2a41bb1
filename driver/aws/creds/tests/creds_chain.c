/* creds_chain.c - the chain's order, profiles with role chains (against a local STS
 * responder and the real STS client), loops, web identity and the "nothing found" message. */
#include "creds_tap.h"
#include "creds_env.h"
#include "responder.h"

#include "aws/credentials.h"
#include "aws/creds/cache.h"
#include "aws/creds/creds_util.h"

/* Fake STS: credentials named after the role ("role/hop1" -> ASIAHOP1 / SECRET-hop1 /
 * TOKEN-hop1); role "denied" gets AccessDenied. */
static void sts_handler(const resp_request *req, int *status, char *body, size_t cap, void *ud)
{
    (void)ud;
    const char *r = strstr(req->body, "role%2F");
    char role[64] = "";
    if (r)
        sscanf(r + 7, "%63[^&]", role);
    int web = strstr(req->body, "Action=AssumeRoleWithWebIdentity") != NULL;
    if (strcmp(role, "denied") == 0) {
        *status = 403;
        snprintf(body, cap,
                 "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not "
                 "authorized to perform sts:AssumeRole</Message></Error><RequestId>rid-1</RequestId></ErrorResponse>");
        return;
    }
    char upper[64];
    size_t i;
    for (i = 0; role[i] && i < sizeof upper - 1; i++)
        upper[i] = (char)(role[i] >= 'a' && role[i] <= 'z' ? role[i] - 32 : role[i]);
    upper[i] = '\0';
    const char *res = web ? "AssumeRoleWithWebIdentity" : "AssumeRole";
    *status = 200;
    snprintf(body, cap,
             "<%sResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><%sResult><Credentials>"
             "<AccessKeyId>ASIA%s</AccessKeyId><SecretAccessKey>SECRET-%s</SecretAccessKey>"
             "<SessionToken>TOKEN-%s</SessionToken><Expiration>%s</Expiration></Credentials></%sResult>"
             "<ResponseMetadata><RequestId>rid-2</RequestId></ResponseMetadata></%sResponse>",
             res, res, upper, role, role, iso_in(3600), res, res);
}

static responder sts;

static void files(const char *config, const char *credentials)
{
    setenv("AWS_CONFIG_FILE", tap_write("config", config), 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", tap_write("credentials", credentials ? credentials : ""), 1);
}

static void fresh(void)
{
    creds_clean_env();
    setenv("HOME", tap_dir, 1);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", sts.port);
    setenv("AWS_ENDPOINT_URL_STS", url, 1);
    files("", "");
    rs_creds_cache_clear();
    responder_reset(&sts);
}

static int resolve(const char *profile, rs_aws_credentials *c, rs_aws_error *e)
{
    rs_aws_credential_options o = {.profile = profile, .region = "us-east-1"};
    return rs_aws_credentials_resolve(&o, c, e);
}

/* The access key id a request was signed with ("" when unsigned). */
static const char *signer(int i)
{
    static char akid[64];
    char h[1024];
    akid[0] = '\0';
    const char *a = resp_header(responder_get(&sts, i), "Authorization", h, sizeof h);
    const char *cred = a ? strstr(a, "Credential=") : NULL;
    if (cred)
        sscanf(cred + 11, "%63[^/]", akid);
    return akid;
}

static int no_secret(const rs_aws_error *e)
{
    return !strstr(e->message, "SECRET") && !strstr(e->message, "TOKEN-") && !strstr(e->message, "jwt-");
}

static void test_nothing_found(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    tap_ok(resolve(NULL, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG, "nothing: RS_AWS_ERR_CONFIG");
    TAP_HAS(e.message, "no AccessKeyID keyword", "nothing: explicit keys listed");
    TAP_HAS(e.message, "AWS_ACCESS_KEY_ID not set", "nothing: environment listed");
    char want[700];
    snprintf(want, sizeof want, "profile 'default' not found in %s/credentials or %s/config", tap_dir, tap_dir);
    TAP_HAS(e.message, want, "nothing: profile listed with both file paths");
    TAP_HAS(e.message, "AWS_WEB_IDENTITY_TOKEN_FILE not set", "nothing: web identity listed");
    TAP_HAS(e.message, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set", "nothing: container listed");
    TAP_HAS(e.message, "AWS_EC2_METADATA_DISABLED=true", "nothing: instance metadata listed");

    /* instance metadata enabled but nobody listening */
    fresh();
    unsetenv("AWS_EC2_METADATA_DISABLED");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9/", 1);
    tap_ok(resolve(NULL, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG, "nothing: unreachable IMDS still means nothing found");
    TAP_HAS(e.message, "EC2 instance metadata at http://127.0.0.1:9 not reachable", "nothing: unreachable IMDS listed");

    /* a profile with only a region lets the chain go on */
    fresh();
    files("[default]\nregion = eu-west-1\n", "");
    tap_ok(resolve(NULL, &c, &e) == -1, "nothing: region-only default profile");
    TAP_HAS(e.message, "profile 'default' has no credential settings", "nothing: says the profile had no credentials");
}

static void test_order(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    files("[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = SECRETPROFILE\n", "");
    setenv("AWS_ACCESS_KEY_ID", "AKIDENV", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "SECRETENV", 1);
    setenv("AWS_SESSION_TOKEN", "TOKEN-ENV", 1);
    rs_aws_credential_options o = {.access_key_id = "AKIDKW", .secret_access_key = "SECRETKW"};
    tap_ok(rs_aws_credentials_resolve(&o, &c, &e) == 0 && strcmp(c.access_key_id, "AKIDKW") == 0
               && c.session_token[0] == '\0',
           "order: AccessKeyID keyword first (no token given)");
    TAP_STR(c.source, "connection keywords AccessKeyID/SecretAccessKey", "order: keyword source text");
    o.secret_access_key = NULL;
    tap_ok(rs_aws_credentials_resolve(&o, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG
               && strstr(e.message, "SecretAccessKey is missing"),
           "order: AccessKeyID without SecretAccessKey is an error, not a fall-through");
    tap_ok(resolve(NULL, &c, &e) == 0 && strcmp(c.access_key_id, "AKIDENV") == 0
               && strcmp(c.secret_access_key, "SECRETENV") == 0 && strcmp(c.session_token, "TOKEN-ENV") == 0,
           "order: environment before the profile");
    TAP_STR(c.source, "environment AWS_ACCESS_KEY_ID/AWS_SESSION_TOKEN", "order: environment source text");
    tap_ok(resolve("default", &c, &e) == 0 && strcmp(c.access_key_id, "AKIDPROFILE") == 0,
           "order: the Profile keyword skips environment keys (as botocore)");
    TAP_STR(c.source, "profile default: static keys", "order: profile source text");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    tap_ok(resolve(NULL, &c, &e) == -1 && strstr(e.message, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not"),
           "order: half-set environment keys are an error");
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SESSION_TOKEN");
    setenv("AWS_PROFILE", "missing", 1);
    tap_ok(resolve(NULL, &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG && strstr(e.message, "profile 'missing' not found"),
           "order: a named profile that does not exist is an error");
    tap_ok(strstr(e.message, "Tried") == NULL, "order: ... and not a 'nothing found' list");
    unsetenv("AWS_PROFILE");
    files("[profile p]\naws_access_key_id = AKIDP\n", "");
    tap_ok(resolve("p", &c, &e) == -1 && strstr(e.message, "profile 'p' has aws_access_key_id but no aws_secret_access_key"),
           "order: a profile with half the keys is an error");
}

static void test_role_chain(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    files("[profile a]\nrole_arn = arn:aws:iam::123456789012:role/hopa\nsource_profile = b\n"
          "external_id = ext-42\nrole_session_name = sess-a\nduration_seconds = 1800\n"
          "[profile b]\nrole_arn = arn:aws:iam::123456789012:role/hopb\nsource_profile = base\n",
          "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = SECRETBASE\n");
    tap_ok(resolve("a", &c, &e) == 0, "role chain: a -> b -> base resolves");
    TAP_STR(c.access_key_id, "ASIAHOPA", "role chain: the final role's keys");
    TAP_STR(c.session_token, "TOKEN-hopa", "role chain: the final role's session token");
    tap_ok(c.expiration > time(NULL) + 3000, "role chain: expiration from STS");
    TAP_STR(c.source, "profile a: role_arn via source_profile b", "role chain: source text");
    tap_ok(responder_count(&sts) == 2, "role chain: two AssumeRole calls (%d)", responder_count(&sts));
    TAP_STR(signer(0), "AKIDBASE", "role chain: first hop signed with the base profile's keys");
    TAP_HAS(responder_get(&sts, 0)->body, "role%2Fhopb", "role chain: first hop assumes b's role");
    TAP_STR(signer(1), "ASIAHOPB", "role chain: second hop signed with the first hop's keys");
    char h[256];
    TAP_STR(resp_header(responder_get(&sts, 1), "X-Amz-Security-Token", h, sizeof h), "TOKEN-hopb",
            "role chain: second hop carries the first hop's session token");
    const char *body = responder_get(&sts, 1)->body;
    tap_ok(strstr(body, "ExternalId=ext-42") && strstr(body, "RoleSessionName=sess-a")
               && strstr(body, "DurationSeconds=1800"),
           "role chain: external_id, role_session_name, duration_seconds sent");

    responder_reset(&sts);
    tap_ok(resolve("a", &c, &e) == 0 && strcmp(c.access_key_id, "ASIAHOPA") == 0 && responder_count(&sts) == 0,
           "cache: a second resolve makes no STS call");
    TAP_STR(c.source, "profile a: role_arn via source_profile b", "cache: cached credentials keep their source");
    rs_creds_set_clock_offset(3600 - 200); /* inside the 5-minute margin */
    tap_ok(resolve("a", &c, &e) == 0 && responder_count(&sts) == 2, "cache: refreshed within 5 minutes of expiration");
    rs_creds_set_clock_offset(0);

    fresh();
    files("[profile a]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = b\n"
          "[profile b]\nrole_arn = arn:aws:iam::1:role/y\nsource_profile = c\n"
          "[profile c]\nrole_arn = arn:aws:iam::1:role/z\nsource_profile = a\n", "");
    tap_ok(resolve("a", &c, &e) == -1 && e.kind == RS_AWS_ERR_CONFIG, "loop: detected");
    TAP_HAS(e.message, "source_profile loop: a -> b -> c -> a", "loop: the message shows the loop");
    tap_ok(responder_count(&sts) == 0, "loop: no STS call made");

    fresh();
    char longcfg[8192] = "";
    for (int i = 0; i < 20; i++) {
        size_t l = strlen(longcfg);
        snprintf(longcfg + l, sizeof longcfg - l,
                 "[profile p%d]\nrole_arn = arn:aws:iam::1:role/r%d\nsource_profile = p%d\n", i, i, i + 1);
    }
    strcat(longcfg, "[profile p20]\naws_access_key_id = AKIDP20\naws_secret_access_key = SECRETP20\n");
    files(longcfg, "");
    tap_ok(resolve("p0", &c, &e) == -1 && strstr(e.message, "chain longer than 16") && responder_count(&sts) == 0,
           "chain: more than 16 hops is refused before any call");
    tap_ok(resolve("p5", &c, &e) == 0 && strcmp(c.access_key_id, "ASIAR5") == 0 && responder_count(&sts) == 15,
           "chain: 15 hops work, one AssumeRole per hop (%d)", responder_count(&sts));

    fresh();
    files("[profile self]\nrole_arn = arn:aws:iam::1:role/selfrole\nsource_profile = self\n"
          "aws_access_key_id = AKIDSELF\naws_secret_access_key = SECRETSELF\n"
          "[profile noself]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = noself\n", "");
    tap_ok(resolve("self", &c, &e) == 0 && strcmp(c.access_key_id, "ASIASELFROLE") == 0
               && strcmp(signer(0), "AKIDSELF") == 0,
           "self-reference: source_profile = itself uses its own static keys");
    tap_ok(resolve("noself", &c, &e) == -1 && strstr(e.message, "source_profile loop: noself -> noself"),
           "self-reference without keys is a loop");

    fresh();
    files("[profile d]\nrole_arn = arn:aws:iam::1:role/denied\nsource_profile = base\n"
          "[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = SECRETBASE\n"
          "[profile both]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\ncredential_source = Environment\n"
          "[profile neither]\nrole_arn = arn:aws:iam::1:role/x\n"
          "[profile dangling]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = ghost\n"
          "[profile cs]\nrole_arn = arn:aws:iam::1:role/fromenv\ncredential_source = Environment\n"
          "[profile bad]\nrole_arn = arn:aws:iam::1:role/x\ncredential_source = Floppy\n"
          "[profile mfa]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/u\n",
          "");
    setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:9", 1);
    tap_ok(resolve("d", &c, &e) == -1 && e.kind == RS_AWS_ERR_AUTH, "AssumeRole denied: RS_AWS_ERR_AUTH");
    TAP_HAS(e.message, "profile 'd' role_arn", "AssumeRole denied: says which profile");
    TAP_HAS(e.message, "AccessDenied", "AssumeRole denied: carries the AWS code or message");
    tap_ok(no_secret(&e) && strstr(e.message, "Tried") == NULL, "AssumeRole denied: no secret, chain stopped");
    tap_ok(resolve("both", &c, &e) == -1 && strstr(e.message, "both source_profile and credential_source"),
           "role: source_profile and credential_source together are refused");
    tap_ok(resolve("neither", &c, &e) == -1 && strstr(e.message, "no source_profile, credential_source"),
           "role: role_arn alone is refused");
    tap_ok(resolve("dangling", &c, &e) == -1 && strstr(e.message, "source_profile 'ghost' (used by profile 'dangling') not found"),
           "role: a missing source_profile is named");
    tap_ok(resolve("bad", &c, &e) == -1 && strstr(e.message, "credential_source 'Floppy'"),
           "role: unknown credential_source is named");
    tap_ok(resolve("mfa", &c, &e) == -1 && strstr(e.message, "mfa_serial"), "role: mfa_serial is refused with a reason");
    tap_ok(resolve("cs", &c, &e) == -1 && strstr(e.message, "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set"),
           "credential_source Environment without keys is an error");
    setenv("AWS_ACCESS_KEY_ID", "AKIDENVSRC", 1);
    setenv("AWS_SECRET_ACCESS_KEY", "SECRETENVSRC", 1);
    responder_reset(&sts);
    tap_ok(resolve("cs", &c, &e) == 0 && strcmp(c.access_key_id, "ASIAFROMENV") == 0
               && strcmp(signer(0), "AKIDENVSRC") == 0,
           "credential_source Environment: AssumeRole signed with the environment keys");
    TAP_STR(c.source, "profile cs: role_arn via credential_source Environment", "credential_source: source text");
}

static void test_web_identity(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    char tok[512];
    snprintf(tok, sizeof tok, "%s", tap_write("token.jwt", "jwt-abc.def.ghi\n"));
    char cfg[1024];
    snprintf(cfg, sizeof cfg, "[profile w]\nrole_arn = arn:aws:iam::1:role/webrole\nweb_identity_token_file = %s\n"
             "role_session_name = ws\n[profile wmissing]\nrole_arn = arn:aws:iam::1:role/webrole\n"
             "web_identity_token_file = %s/nope.jwt\n", tok, tap_dir);
    files(cfg, "");
    tap_ok(resolve("w", &c, &e) == 0 && strcmp(c.access_key_id, "ASIAWEBROLE") == 0,
           "web identity profile: AssumeRoleWithWebIdentity");
    const char *body = responder_get(&sts, 0)->body;
    const char *wt = strstr(body, "WebIdentityToken=jwt-abc.def.ghi");
    tap_ok(wt && (wt[32] == '&' || wt[32] == '\0'),
           "web identity profile: token sent without its newline");
    TAP_HAS(body, "RoleSessionName=ws", "web identity profile: role_session_name sent");
    TAP_STR(signer(0), "", "web identity profile: the call is not signed");
    TAP_STR(c.source, "profile w: web_identity_token_file", "web identity profile: source text");
    tap_ok(resolve("wmissing", &c, &e) == -1 && strstr(e.message, "cannot read the web identity token file"),
           "web identity profile: unreadable token file is an error");

    fresh();
    setenv("AWS_WEB_IDENTITY_TOKEN_FILE", tok, 1);
    tap_ok(resolve(NULL, &c, &e) == -1 && strstr(e.message, "AWS_WEB_IDENTITY_TOKEN_FILE set but AWS_ROLE_ARN not set"),
           "web identity env: needs AWS_ROLE_ARN");
    setenv("AWS_ROLE_ARN", "arn:aws:iam::1:role/envweb", 1);
    setenv("AWS_ROLE_SESSION_NAME", "envsess", 1);
    tap_ok(resolve(NULL, &c, &e) == 0 && strcmp(c.access_key_id, "ASIAENVWEB") == 0, "web identity env: resolves");
    if (c.access_key_id[0] == '\0')
        printf("#   %s\n", e.message);
    TAP_HAS(responder_get(&sts, 0)->body, "RoleSessionName=envsess", "web identity env: AWS_ROLE_SESSION_NAME sent");
    TAP_HAS(c.source, "environment AWS_WEB_IDENTITY_TOKEN_FILE", "web identity env: source text");
}

static void test_process_in_profile(void)
{
    rs_aws_credentials c;
    rs_aws_error e;
    fresh();
    char cfg[2048];
    snprintf(cfg, sizeof cfg,
             "[profile proc]\ncredential_process = printf '{\"Version\":1,\"AccessKeyId\":\"AKIDPROC\","
             "\"SecretAccessKey\":\"SECRETPROC\",\"SessionToken\":\"TOKEN-proc\",\"Expiration\":\"%s\"}'\n"
             "[profile onproc]\nrole_arn = arn:aws:iam::1:role/overproc\nsource_profile = proc\n"
             "[profile failproc]\ncredential_process = sh -c 'echo SECRETLEAK; echo bad things >&2; exit 3'\n",
             iso_in(7200));
    files(cfg, "");
    tap_ok(resolve("proc", &c, &e) == 0 && strcmp(c.access_key_id, "AKIDPROC") == 0
               && strcmp(c.session_token, "TOKEN-proc") == 0,
           "profile credential_process: resolves");
    TAP_STR(c.source, "profile proc: credential_process printf", "profile credential_process: source names the program only");
    tap_ok(resolve("onproc", &c, &e) == 0 && strcmp(signer(0), "AKIDPROC") == 0, "source_profile with credential_process");
    tap_ok(resolve("failproc", &c, &e) == -1 && strstr(e.message, "exited with status 3: bad things")
               && !strstr(e.message, "SECRETLEAK") && strstr(e.message, "Tried") == NULL,
           "failing credential_process stops the chain with its stderr, never its stdout");
}

int main(void)
{
    tap_scratch();
    if (responder_start(&sts, sts_handler, NULL) != 0) {
        printf("Bail out! cannot start the local responder\n");
        return 99;
    }
    test_nothing_found();
    test_order();
    test_role_chain();
    test_web_identity();
    test_process_in_profile();
    responder_stop(&sts);
    printf("1..%d\n", tap_count);
    tap_cleanup();
    return tap_failures ? 1 : 0;
}
