/* iam_errors.c - retries and failures of IAM login, through the driver manager: throttling and
 * 5xx answers retried, AWS refusals as 28000 with AWS's code and message, unreachable and hung
 * endpoints as 08001 within the timeout, a refused database login, SSLMode=disable refused,
 * HTTPS to AWS with CaFile. TAP. */
#include <stdio.h>
#include <string.h>

#include "common.h"

#define KEYS_AKID "AKIAIAMCKEYS00000001"
#define KEYS_SECRET "IAMC+fake/keys/secret/0000000000000000001"
#define PROFILE_AKID "AKIAIAMCPROFILE00001"
#define PROFILE_SECRET "IAMC+fake/profile/secret/0000000000000001"
#define ROLE_ARN "arn:aws:iam::123456789012:role/IamcRedshiftRole"

static const char *conn(const char *endpoint, const char *auth, const char *db_user)
{
    return cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;StsEndpointUrl=%s;"
              "%s;AutoCreate=1;DbUser=%s", T.pg_port, endpoint, endpoint, auth, db_user);
}

/* As conn(), without cs()'s SSLMode and CaFile: in a connection string the first occurrence
 * of a keyword wins, so a case choosing its own must not start from cs(). */
static const char *conn_bare(const char *endpoint, const char *db_user, const char *tls)
{
    return fmt("DRIVER={rsodbc};IAM=1;Database=%s;LoginTimeout=20;Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;"
               "Region=us-east-1;EndpointUrl=%s;AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET ";"
               "AutoCreate=1;DbUser=%s;%s", T.database, T.pg_port, endpoint, db_user, tls);
}

static const char *keys(void)
{
    return "AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET;
}

static void fault(const char *kind, int count, const char *extra)
{
    const char *body = fmt("{\"kind\": \"%s\", \"service\": \"redshift\", \"action\": \"GetClusterCredentials\", "
                           "\"count\": %d%s}", kind, count, extra ? extra : "");
    if (iam_emu_control(&T.emu, "POST", "faults", body, NULL) != 200)
        tap_diag("could not inject %s", body);
}

/* How many recorded GetClusterCredentials calls carried a fault. */
static int faulted_calls(void)
{
    json_object *calls = iam_emu_calls(&T.emu, "redshift", "GetClusterCredentials");
    int n = 0;
    for (size_t i = 0; calls && i < json_object_array_length(calls); i++) {
        char buf[64];
        iam_call_get(json_object_array_get_idx(calls, i), "fault", buf, sizeof buf);
        if (buf[0] && strcmp(buf, "null") != 0)
            n++;
    }
    json_object_put(calls);
    return n;
}

static void retries(void)
{
    probe_run r;
    static const struct { const char *kind; int count; } ok_cases[] = {
        {"throttle", 2}, {"internal", 1}, {"unavailable", 2},
    };
    for (size_t i = 0; i < sizeof ok_cases / sizeof ok_cases[0]; i++) {
        reset_emu();
        fault(ok_cases[i].kind, ok_cases[i].count, NULL);
        probe(&r, NOENV, ITEMS(conn(T.emu.url, keys(), "iamc_err_retry")));
        expect_value(&r, 0, "IAMA:iamc_err_retry", fmt("%s x%d: the connect still succeeds", ok_cases[i].kind,
                                                      ok_cases[i].count));
        int calls = iam_emu_count(&T.emu, "redshift", "GetClusterCredentials");
        tap_ok(calls == ok_cases[i].count + 1 && faulted_calls() == ok_cases[i].count,
               "%s x%d: %d calls recorded, %d with the fault", ok_cases[i].kind, ok_cases[i].count, calls,
               faulted_calls());
    }
    reset_emu();
    fault("throttle", 10, NULL);
    probe(&r, ENV("AWS_MAX_ATTEMPTS=3"), ITEMS(conn(T.emu.url, keys(), "iamc_err_retry")));
    expect_error(&r, 0, "HY000", NULL, "throttled past AWS_MAX_ATTEMPTS=3: an error with AWS's code",
                 "Throttling", "3 attempts");
    tap_ok(iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 3, "... after exactly 3 calls");
}

static void refusals(void)
{
    probe_run r;
    reset_emu();
    probe(&r, NOENV, ITEMS(conn(T.emu.url, "AccessKeyID=AKIAIAMCDENIED000001;SecretAccessKey=IAMC+fake/denied/secret/00000000000000001",
                                "iamc_err_denied")));
    expect_error(&r, 0, "28000", NULL, "AccessDenied: 28000 with AWS's code and message", "AccessDenied",
                 "not authorized");
    reset_emu();
    probe(&r, NOENV, ITEMS(conn(T.emu.url, "AccessKeyID=AKIAIAMCNOSUCHKEY0001;SecretAccessKey=IAMC+fake/x", "iamc_err_x")));
    expect_error(&r, 0, "28000", NULL, "unknown access key: 28000 InvalidClientTokenId", "InvalidClientTokenId",
                 "security token");
    reset_emu();
    probe(&r, NOENV, ITEMS(conn(T.emu.url, "AccessKeyID=" KEYS_AKID ";SecretAccessKey=IAMC+fake/WRONG/secret/000000000000000001",
                                "iamc_err_x")));
    expect_error(&r, 0, "28000", NULL, "wrong secret: 28000 SignatureDoesNotMatch", "SignatureDoesNotMatch", "signature");
    tap_ok(iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 1, "... refusals are not retried");
    reset_emu();
    probe(&r, NOENV, ITEMS(conn(T.emu.url, "AccessKeyID=ASIAIAMCSESSION00001;SecretAccessKey=IAMC+fake/session/secret/000000000000001",
                                "iamc_err_x")));
    expect_error(&r, 0, "28000", NULL, "session key without its SessionToken: 28000 InvalidClientTokenId",
                 "InvalidClientTokenId", NULL);

    /* ExpiredToken: the role's credentials are issued already expired. */
    const char *creds = write_file("err/credentials", 0600,
        "[iamc]\naws_access_key_id = " PROFILE_AKID "\naws_secret_access_key = " PROFILE_SECRET "\n");
    const char *cfg = write_file("err/config", 0600, "[profile iamc-role]\nrole_arn = " ROLE_ARN "\nsource_profile = iamc\n");
    char ce[1200], cf[1200];
    snprintf(ce, sizeof ce, "AWS_SHARED_CREDENTIALS_FILE=%s", creds);
    snprintf(cf, sizeof cf, "AWS_CONFIG_FILE=%s", cfg);
    reset_emu();
    iam_emu_control(&T.emu, "POST", "expiration", "{\"seconds\": -60}", NULL);
    probe(&r, ENV(ce, cf), ITEMS(conn(T.emu.url, "Profile=iamc-role", "iamc_err_expired")));
    expect_error(&r, 0, "28000", NULL, "expired role credentials: 28000 ExpiredToken", "ExpiredToken", NULL);
    iam_emu_control(&T.emu, "POST", "expiration", "{\"seconds\": null}", NULL);
}

static void network(void)
{
    probe_run r;
    reset_emu();
    probe(&r, NOENV, ITEMS(conn(fmt("http://127.0.0.1:%d", T.closed_port), keys(), "iamc_err_x")));
    expect_error(&r, 0, "08001", NULL, "AWS endpoint refusing connections: 08001", "127.0.0.1", NULL);
    tap_ok(r.n > 0 && r.c[0].secs < 10, "... within 10 s (%.1f s)", r.n > 0 ? r.c[0].secs : -1);

    reset_emu();
    fault("hang", 20, ", \"hang_ms\": 60000");
    probe(&r, NOENV, ITEMS(cs("%s;StsConnectionTimeout=2", conn(T.emu.url, keys(), "iamc_err_hang"))));
    expect_error(&r, 0, "08001", NULL, "a hanging AWS endpoint with StsConnectionTimeout=2: 08001", NULL, NULL);
    /* Each attempt waits at most StsConnectionTimeout; up to 5 attempts (legacy retry mode). */
    tap_ok(r.n > 0 && r.c[0].secs < 5 * 2 + 3, "... each attempt bounded by the timeout (%.1f s in all)",
           r.n > 0 ? r.c[0].secs : -1);
    iam_emu_control(&T.emu, "DELETE", "faults", NULL, NULL);
}

static void database(void)
{
    probe_run r;
    /* AutoCreate=0 for a user that does not exist: AWS issues a password, PostgreSQL refuses. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%s;DbUser=iamc_err_nouser",
                              T.pg_port, T.emu.url, keys())));
    expect_error(&r, 0, "28000", "28P01", "no such database user (AutoCreate=0): the login is refused", NULL, NULL);
    expect_call("redshift", "GetClusterCredentials", "... after GetClusterCredentials answered", "status=200",
                "params.DbUser=iamc_err_nouser", NULL);

    /* SSLMode that could send the temporary password in clear: refused before any AWS call. */
    static const char *const modes[] = {"disable", "allow", "prefer"};
    for (size_t i = 0; i < 3; i++) {
        reset_emu();
        probe(&r, NOENV, ITEMS(conn_bare(T.emu.url, "iamc_err_x", fmt("SSLMode=%s", modes[i]))));
        expect_error(&r, 0, "HY024", NULL, fmt("SSLMode=%s with IAM: HY024 with the reason", modes[i]),
                     "not allowed with IAM", "unencrypted");
        tap_ok(iam_emu_count(&T.emu, NULL, NULL) == 0, "... and no AWS call was made");
    }
}

static void https(void)
{
    probe_run r;
    const char *creds = write_file("tls/credentials", 0600,
        "[iamc]\naws_access_key_id = " PROFILE_AKID "\naws_secret_access_key = " PROFILE_SECRET "\n");
    const char *cfg = write_file("tls/config", 0600, "[profile iamc-role]\nrole_arn = " ROLE_ARN "\nsource_profile = iamc\n");
    char ce[1200], cf[1200];
    snprintf(ce, sizeof ce, "AWS_SHARED_CREDENTIALS_FILE=%s", creds);
    snprintf(cf, sizeof cf, "AWS_CONFIG_FILE=%s", cfg);
    reset_emu();
    probe(&r, ENV(ce, cf), ITEMS(conn(T.emu.https_url, "Profile=iamc-role", "iamc_err_tls")));
    expect_value(&r, 0, "IAMA:iamc_err_tls", "HTTPS to STS and redshift with CaFile = the test CA");
    tap_ok(iam_emu_count(&T.emu, "sts", "AssumeRole") == 1 &&
               iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 1, "... both calls went over HTTPS");
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1"), ITEMS(conn_bare(T.emu.https_url, "iamc_err_tls", "SSLMode=require")));
    expect_error(&r, 0, "08001", NULL, "HTTPS without the test CA: 08001, the certificate is not trusted",
                 "certificate", NULL);
    tap_ok(iam_emu_count(&T.emu, NULL, NULL) == 0, "... and nothing reached the emulator's handlers");
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    retries();
    refusals();
    network();
    database();
    https();
    return iam_end();
}
