/* iam_sources.c - every AWS credential source, through the driver manager (SQLDriverConnect)
 * against a private AWS emulator and the test PostgreSQL. Each case runs in a fresh process
 * with its own environment; each asserts the database login (SELECT current_user is the user
 * AWS issued) and what the emulator recorded (who called, with which parameters). TAP. */
#include <stdio.h>
#include <string.h>
#include <openssl/evp.h>

#include "common.h"

#define KEYS_AKID "AKIAIAMCKEYS00000001"
#define KEYS_SECRET "IAMC+fake/keys/secret/0000000000000000001"
#define SESSION_AKID "ASIAIAMCSESSION00001"
#define SESSION_SECRET "IAMC+fake/session/secret/000000000000001"
#define SESSION_TOKEN "IAMC-fake-session-token-0001-abcdefghijklmnopqrstuvwxyz"
#define ENV_AKID "AKIAIAMCENV000000001"
#define ENV_SECRET "IAMC+fake/env/secret/00000000000000000001"
#define PROFILE_AKID "AKIAIAMCPROFILE00001"
#define PROFILE_SECRET "IAMC+fake/profile/secret/0000000000000001"
#define PROCESS_AKID "AKIAIAMCPROCESS00001"
#define PROCESS_SECRET "IAMC+fake/process/secret/0000000000000001"
#define ROLE_ARN "arn:aws:iam::123456789012:role/IamcRedshiftRole"
#define WEB_ROLE_ARN "arn:aws:iam::123456789012:role/IamcWebRole"
#define OIDC_TOKEN "IAMC-fake-oidc-token-0001-secret-value"
#define SSO_TOKEN "IAMC-fake-sso-access-token-0001-secret"
#define SSO_START_URL "https://iamc.awsapps.example/start"
#define CONTAINER_TOKEN "IAMC-fake-container-token-0001"

/* The cluster part of every connection string; the database user differs per case. */
static const char *target(const char *db_user)
{
    return fmt("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;"
               "StsEndpointUrl=%s;AutoCreate=1;DbUser=%s;", T.pg_port, T.emu.url, T.emu.url, db_user);
}

/* The login happened as IAMA:<db_user>, GetClusterCredentials was called by access_key (or by
 * a key the emulator issued for an ARN containing arn_part) with that DbUser. */
static void check_login(const probe_run *r, const char *what, const char *db_user, const char *access_key,
                        const char *arn_part)
{
    expect_value(r, 0, fmt("IAMA:%s", db_user), fmt("%s: logged in as IAMA:%s", what, db_user));
    if (access_key) {
        expect_call("redshift", "GetClusterCredentials", fmt("%s: GetClusterCredentials signed with %s", what, access_key),
                    fmt("access_key=%s", access_key), fmt("params.DbUser=%s", db_user),
                    "params.ClusterIdentifier=iamc-cluster", "params.AutoCreate=true",
                    fmt("params.DbName=%s", T.database), "status=200", NULL);
    } else {
        const char *key = last_access_key("redshift", "GetClusterCredentials");
        const char *arn = issued_arn(key);
        if (!tap_ok(strncmp(key, "ASIA", 4) == 0 && strstr(arn, arn_part) != NULL,
                    "%s: GetClusterCredentials signed with temporary credentials of %s", what, arn_part))
            tap_diag("access key \"%s\", issued for \"%s\"", key, arn);
        expect_call("redshift", "GetClusterCredentials", fmt("%s: GetClusterCredentials parameters", what),
                    fmt("params.DbUser=%s", db_user), "params.ClusterIdentifier=iamc-cluster", "status=200", NULL);
    }
}

static void sso_cache_file(void)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(SSO_START_URL, strlen(SSO_START_URL), md, &len, EVP_sha1(), NULL);
    char hex[64] = "";
    for (unsigned i = 0; i < len && i < 20; i++)
        snprintf(hex + 2 * i, 3, "%02x", md[i]);
    write_file(fmt("home/.aws/sso/cache/%s.json", hex), 0600,
               fmt("{\"startUrl\": \"%s\", \"region\": \"us-east-1\", \"accessToken\": \"%s\", "
                   "\"expiresAt\": \"2099-01-01T00:00:00Z\"}", SSO_START_URL, SSO_TOKEN));
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    probe_run r;

    /* 1. AccessKeyID / SecretAccessKey keywords. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sAccessKeyID=%s;SecretAccessKey=%s", target("iamc_src_keys"), KEYS_AKID, KEYS_SECRET)));
    check_login(&r, "AccessKeyID/SecretAccessKey", "iamc_src_keys", KEYS_AKID, NULL);

    /* 2. ... with SessionToken. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sAccessKeyID=%s;SecretAccessKey=%s;SessionToken=%s", target("iamc_src_session"),
                              SESSION_AKID, SESSION_SECRET, SESSION_TOKEN)));
    check_login(&r, "AccessKeyID/SecretAccessKey/SessionToken", "iamc_src_session", SESSION_AKID, NULL);

    /* 3. Environment keys, with and without a session token; keywords win over them. */
    reset_emu();
    probe(&r, ENV("AWS_ACCESS_KEY_ID=" ENV_AKID, "AWS_SECRET_ACCESS_KEY=" ENV_SECRET),
          ITEMS(cs("%s", target("iamc_src_env"))));
    check_login(&r, "AWS_ACCESS_KEY_ID environment", "iamc_src_env", ENV_AKID, NULL);
    reset_emu();
    probe(&r, ENV("AWS_ACCESS_KEY_ID=" SESSION_AKID, "AWS_SECRET_ACCESS_KEY=" SESSION_SECRET,
                  "AWS_SESSION_TOKEN=" SESSION_TOKEN),
          ITEMS(cs("%s", target("iamc_src_envtok"))));
    check_login(&r, "AWS_ACCESS_KEY_ID + AWS_SESSION_TOKEN environment", "iamc_src_envtok", SESSION_AKID, NULL);
    reset_emu();
    probe(&r, ENV("AWS_ACCESS_KEY_ID=" ENV_AKID, "AWS_SECRET_ACCESS_KEY=" ENV_SECRET),
          ITEMS(cs("%sAccessKeyID=%s;SecretAccessKey=%s", target("iamc_src_keys"), KEYS_AKID, KEYS_SECRET)));
    check_login(&r, "keywords win over environment keys", "iamc_src_keys", KEYS_AKID, NULL);

    /* 4. Profiles: the shared credentials file, the config file, AWS_PROFILE; Profile= skips
     *    environment keys. */
    const char *creds_file = write_file("aws/credentials", 0600,
        "[iamc]\naws_access_key_id = " PROFILE_AKID "\naws_secret_access_key = " PROFILE_SECRET "\n"
        "[default]\naws_access_key_id = " ENV_AKID "\naws_secret_access_key = " ENV_SECRET "\n");
    const char *config_file = write_file("aws/config", 0600, fmt(
        "[profile iamc-cfg]\naws_access_key_id = " PROCESS_AKID "\naws_secret_access_key = " PROCESS_SECRET "\n"
        "[profile iamc-role]\nrole_arn = " ROLE_ARN "\nsource_profile = iamc\nrole_session_name = iamc-src\n"
        "[profile iamc-proc]\ncredential_process = /bin/sh %s/aws/process.sh\n"
        "[profile iamc-sso]\nsso_start_url = " SSO_START_URL "\nsso_region = us-east-1\n"
        "sso_account_id = 123456789012\nsso_role_name = IamcSsoRole\nregion = us-east-1\n", T.workdir));
    write_file("aws/process.sh", 0700,
               "#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"%s\", \"SecretAccessKey\": \"%s\"}\\n' "
               "'" PROCESS_AKID "' '" PROCESS_SECRET "'\n");
    char files_cred[1200], files_cfg[1200];
    snprintf(files_cred, sizeof files_cred, "AWS_SHARED_CREDENTIALS_FILE=%s", creds_file);
    snprintf(files_cfg, sizeof files_cfg, "AWS_CONFIG_FILE=%s", config_file);

    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%sProfile=iamc", target("iamc_src_profile"))));
    check_login(&r, "Profile= with AWS_SHARED_CREDENTIALS_FILE", "iamc_src_profile", PROFILE_AKID, NULL);
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg, "AWS_ACCESS_KEY_ID=" ENV_AKID, "AWS_SECRET_ACCESS_KEY=" ENV_SECRET),
          ITEMS(cs("%sProfile=iamc", target("iamc_src_profile"))));
    check_login(&r, "Profile= skips environment keys", "iamc_src_profile", PROFILE_AKID, NULL);
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%sProfile=iamc-cfg", target("iamc_src_cfgkeys"))));
    check_login(&r, "Profile= with keys in AWS_CONFIG_FILE", "iamc_src_cfgkeys", PROCESS_AKID, NULL);
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg, "AWS_PROFILE=iamc"), ITEMS(cs("%s", target("iamc_src_awsprofile"))));
    check_login(&r, "AWS_PROFILE", "iamc_src_awsprofile", PROFILE_AKID, NULL);
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%s", target("iamc_src_default"))));
    check_login(&r, "the default profile", "iamc_src_default", ENV_AKID, NULL);
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%sProfile=iamc-missing", target("iamc_src_missing"))));
    expect_error(&r, 0, "HY000", NULL, "a Profile= that does not exist is an error naming it", "iamc-missing", NULL);
    tap_ok(iam_emu_count(&T.emu, "redshift", NULL) == 0, "... and no redshift call was made");

    /* 5. role_arn + source_profile: AssumeRole signed by the source profile's keys. */
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%sProfile=iamc-role", target("iamc_src_role"))));
    check_login(&r, "role_arn + source_profile", "iamc_src_role", NULL, "assumed-role/IamcRedshiftRole/");
    expect_call("sts", "AssumeRole", "role_arn + source_profile: AssumeRole signed by the source profile",
                "access_key=" PROFILE_AKID, "params.RoleArn=" ROLE_ARN, "params.RoleSessionName=iamc-src",
                "status=200", NULL);

    /* 6. credential_process. */
    reset_emu();
    probe(&r, ENV(files_cred, files_cfg), ITEMS(cs("%sProfile=iamc-proc", target("iamc_src_process"))));
    check_login(&r, "credential_process", "iamc_src_process", PROCESS_AKID, NULL);

    /* 7. Web identity from the environment (token file + role). */
    reset_emu();
    const char *token_file = write_file("aws/oidc-token", 0600, OIDC_TOKEN);
    probe(&r, ENV(fmt("AWS_WEB_IDENTITY_TOKEN_FILE=%s", token_file), "AWS_ROLE_ARN=" WEB_ROLE_ARN,
                  "AWS_ROLE_SESSION_NAME=iamc-web"),
          ITEMS(cs("%s", target("iamc_src_web"))));
    check_login(&r, "web identity", "iamc_src_web", NULL, "assumed-role/IamcWebRole/iamc-web");
    expect_call("sts", "AssumeRoleWithWebIdentity", "web identity: AssumeRoleWithWebIdentity with the role",
                "params.RoleArn=" WEB_ROLE_ARN, "params.RoleSessionName=iamc-web", "params.WebIdentityToken=***",
                "status=200", NULL);

    /* 8. SSO: the token cache under HOME, the portal at the emulator (endpoint override). */
    reset_emu();
    sso_cache_file();
    probe(&r, ENV(files_cred, files_cfg, fmt("AWS_ENDPOINT_URL_SSO=%s", T.emu.url)),
          ITEMS(cs("%sProfile=iamc-sso", target("iamc_src_sso"))));
    check_login(&r, "SSO", "iamc_src_sso", NULL, "assumed-role/IamcSsoRole/");
    expect_call("sso", "GetRoleCredentials", "SSO: GetRoleCredentials for the profile's account and role",
                "params.role_name=IamcSsoRole", "params.account_id=123456789012", "status=200", NULL);

    /* 9. Container credentials (ECS / EKS pod identity) with an authorization token. */
    reset_emu();
    probe(&r, ENV(fmt("AWS_CONTAINER_CREDENTIALS_FULL_URI=%s/ecs/iamc/credentials", T.emu.url),
                  "AWS_CONTAINER_AUTHORIZATION_TOKEN=" CONTAINER_TOKEN),
          ITEMS(cs("%s", target("iamc_src_container"))));
    check_login(&r, "container credentials", "iamc_src_container", NULL, "IamcEcsRole");
    expect_call("ecs", "GetCredentials", "container credentials: the endpoint was asked", "status=200", NULL);

    /* 10. IMDSv2 with InstanceProfile=1: token first, then the role's credentials. */
    reset_emu();
    probe(&r, ENV("AWS_EC2_METADATA_DISABLED", fmt("AWS_EC2_METADATA_SERVICE_ENDPOINT=%s/", T.emu.url),
                  "AWS_ACCESS_KEY_ID=" ENV_AKID, "AWS_SECRET_ACCESS_KEY=" ENV_SECRET),
          ITEMS(cs("%sInstanceProfile=1", target("iamc_src_imds"))));
    check_login(&r, "InstanceProfile=1 (IMDSv2; environment keys ignored)", "iamc_src_imds", NULL, "IamcEc2Role");
    expect_call("imds", "PutToken", "IMDSv2: a session token was requested", "status=200", NULL);
    expect_call("imds", "GetRoleCredentials", "IMDSv2: the role's credentials were read", "status=200", NULL);

    /* 11. No source at all (instance metadata at a closed port): an error listing what was
     *     tried, and no AWS call. */
    reset_emu();
    probe(&r, ENV("AWS_EC2_METADATA_DISABLED", fmt("AWS_EC2_METADATA_SERVICE_ENDPOINT=http://127.0.0.1:%d/", T.closed_port)),
          ITEMS(cs("%s", target("iamc_src_none"))));
    expect_error(&r, 0, "HY000", NULL, "no credentials: an error saying so", "No AWS credentials found", "Tried:");
    if (!tap_ok(r.n > 0 && strstr(r.c[0].msg, "AccessKeyID") && strstr(r.c[0].msg, "AWS_ACCESS_KEY_ID") &&
                    strstr(r.c[0].msg, "profile 'default'") && strstr(r.c[0].msg, "AWS_WEB_IDENTITY_TOKEN_FILE") &&
                    strstr(r.c[0].msg, "AWS_CONTAINER_CREDENTIALS") &&
                    (strstr(r.c[0].msg, "metadata") || strstr(r.c[0].msg, "IMDS")),
                "no credentials: the message lists keywords, environment, profile, web identity, container "
                "and instance metadata"))
        tap_diag("%s", r.n > 0 ? r.c[0].msg : r.output);
    tap_ok(iam_emu_count(&T.emu, NULL, NULL) == 0, "no credentials: no AWS call was made");

    return iam_end();
}
