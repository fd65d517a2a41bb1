/* iam_apis.c - every AWS API the driver calls for IAM login, through the driver manager:
 * GetClusterCredentials (DbUser, DbGroups, AutoCreate, ForceLowercase, IAMDuration),
 * GetClusterCredentialsWithIAM, redshift-serverless GetCredentials, discovery (DescribeClusters,
 * GetWorkgroup), Redshift host names, and every endpoint override. TAP.
 *
 * The driver connects libpq to the Server keyword when it is given (discovery only fills in
 * what is missing), so a real Redshift host name (mycluster.abc.us-west-2.redshift.amazonaws.com)
 * cannot reach the test PostgreSQL: those cases check the AWS calls and that the database
 * connection went to that host (08001, name not resolved). */
#include <stdio.h>
#include <string.h>

#include "common.h"

#define KEYS_AKID "AKIAIAMCKEYS00000001"
#define KEYS_SECRET "IAMC+fake/keys/secret/0000000000000000001"
#define PROFILE_AKID "AKIAIAMCPROFILE00001"
#define PROFILE_SECRET "IAMC+fake/profile/secret/0000000000000001"
#define ROLE_ARN "arn:aws:iam::123456789012:role/IamcRedshiftRole"

static const char *keys(void)
{
    return "AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET ";";
}

/* Cluster by keywords at the test PostgreSQL, AWS at the emulator. */
static const char *cluster(void)
{
    return fmt("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%s", T.pg_port,
               T.emu.url, keys());
}

static const char *membership_query(void)
{
    return "query=SELECT coalesce(string_agg(g.rolname, ',' ORDER BY g.rolname), '-') FROM pg_auth_members m "
           "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = current_user";
}

static void provisioned(void)
{
    probe_run r;
    if (psql_su("DO $$ BEGIN CREATE ROLE iamc_grp_a; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
                "DO $$ BEGIN CREATE ROLE iamc_grp_b; EXCEPTION WHEN duplicate_object THEN NULL; END $$;"
                "DO $$ BEGIN CREATE ROLE \"IAM:iamc_api_existing\" LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;") != 0)
        tap_diag("could not create the group roles");

    /* DbUser, DbGroups, AutoCreate, IAMDuration. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sDbUser=iamc_api_user;DbGroups=iamc_grp_a,iamc_grp_b;AutoCreate=1;IAMDuration=1800",
                              cluster())));
    expect_value(&r, 0, "IAMA:iamc_api_user", "GetClusterCredentials: logged in as IAMA:iamc_api_user");
    expect_call("redshift", "GetClusterCredentials", "GetClusterCredentials: DbUser, DbGroups, AutoCreate, "
                "DurationSeconds, DbName, ClusterIdentifier sent",
                "params.DbUser=iamc_api_user", "params.DbGroups=[\"iamc_grp_a\",\"iamc_grp_b\"]",
                "params.AutoCreate=true", "params.DurationSeconds=1800", fmt("params.DbName=%s", T.database),
                "params.ClusterIdentifier=iamc-cluster", "access_key=" KEYS_AKID, NULL);
    probe(&r, NOENV, ITEMS(membership_query(),
                           cs("%sDbUser=iamc_api_user;DbGroups=iamc_grp_a,iamc_grp_b;AutoCreate=1", cluster())));
    expect_value(&r, 0, "iamc_grp_a,iamc_grp_b", "DbGroups: the session's user is a member of both groups");

    /* ForceLowercase lowers DbUser and DbGroups; without it the case is kept. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sDbUser=IAMC_API_Lower;DbGroups=IAMC_GRP_A;AutoCreate=1;ForceLowercase=1", cluster())));
    expect_value(&r, 0, "IAMA:iamc_api_lower", "ForceLowercase=1: logged in as IAMA:iamc_api_lower");
    expect_call("redshift", "GetClusterCredentials", "ForceLowercase=1: DbUser and DbGroups lowered",
                "params.DbUser=iamc_api_lower", "params.DbGroups=[\"iamc_grp_a\"]", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sDbUser=IAMC_API_Upper;AutoCreate=1", cluster())));
    expect_value(&r, 0, "IAMA:IAMC_API_Upper", "without ForceLowercase the case of DbUser is kept");
    expect_call("redshift", "GetClusterCredentials", "... and sent as given", "params.DbUser=IAMC_API_Upper",
                "params.DurationSeconds=900", NULL);

    /* AutoCreate=0 for an existing user; UID as the database user when DbUser is absent. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sUID=iamc_api_existing", cluster())));
    expect_value(&r, 0, "IAM:iamc_api_existing", "UID as DbUser, AutoCreate=0: logged in as IAM:iamc_api_existing");
    expect_call("redshift", "GetClusterCredentials", "... DbUser from UID, AutoCreate not true",
                "params.DbUser=iamc_api_existing", "params.AutoCreate=", NULL);

    /* group_federation=1: GetClusterCredentialsWithIAM; the user is the IAM identity's. */
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sgroup_federation=1;IAMDuration=1200", cluster())));
    expect_value(&r, 0, "IAM:iamc_keys", "group_federation=1: logged in as IAM:iamc_keys");
    expect_call("redshift", "GetClusterCredentialsWithIAM", "group_federation=1: GetClusterCredentialsWithIAM "
                "with DurationSeconds and DbName", "params.ClusterIdentifier=iamc-cluster",
                "params.DurationSeconds=1200", fmt("params.DbName=%s", T.database), "status=200", NULL);
    tap_ok(iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 0,
           "group_federation=1: no GetClusterCredentials call");
}

static void serverless(void)
{
    probe_run r;
    const char *base = fmt("Server=127.0.0.1;Port=%s;Region=us-east-1;EndpointUrl=%s;%s", T.pg_port, T.emu.url, keys());
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sServerless=1;Workgroup=iamc-wg;IAMDuration=2400", base)));
    expect_value(&r, 0, "IAM:iamc_keys", "Serverless=1 + Workgroup: logged in as IAM:iamc_keys");
    expect_call("redshift-serverless", "GetCredentials", "serverless GetCredentials with workgroupName, "
                "durationSeconds, dbName", "params.workgroupName=iamc-wg", "params.durationSeconds=2400",
                fmt("params.dbName=%s", T.database), "access_key=" KEYS_AKID, "status=200", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%sWorkgroup=iamc-wg", base)));
    expect_value(&r, 0, "IAM:iamc_keys", "Workgroup without Serverless means serverless");
    tap_ok(iam_emu_count(&T.emu, "redshift-serverless", "GetCredentials") == 1 &&
               iam_emu_count(&T.emu, "redshift", NULL) == 0, "... one GetCredentials call, no redshift call");
}

static void discovery(void)
{
    probe_run r;
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%sDbUser=iamc_api_disc;AutoCreate=1",
                              T.emu.url, keys())));
    expect_value(&r, 0, "IAMA:iamc_api_disc", "no Server/Port: logged in at the address DescribeClusters gave");
    expect_call("redshift", "DescribeClusters", "no Server/Port: DescribeClusters for the cluster",
                "params.ClusterIdentifier=iamc-cluster", "status=200", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=127.0.0.1;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%s"
                              "DbUser=iamc_api_disc;AutoCreate=1", T.emu.url, keys())));
    expect_value(&r, 0, "IAMA:iamc_api_disc", "Server without Port: logged in at the port DescribeClusters gave");
    expect_call("redshift", "DescribeClusters", "Server without Port: DescribeClusters asked",
                "params.ClusterIdentifier=iamc-cluster", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Serverless=1;Workgroup=iamc-wg;Region=us-east-1;EndpointUrl=%s;%s", T.emu.url, keys())));
    expect_value(&r, 0, "IAM:iamc_keys", "serverless without Server/Port: logged in at GetWorkgroup's address");
    expect_call("redshift-serverless", "GetWorkgroup", "serverless without Server/Port: GetWorkgroup for it",
                "params.workgroupName=iamc-wg", "status=200", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=127.0.0.1;Port=%s;Region=us-east-1;EndpointUrl=%s;%sDbUser=iamc_api_x",
                              T.pg_port, T.emu.url, keys())));
    expect_error(&r, 0, "HY000", NULL, "an IP address as Server and no ClusterId: the error says what to set",
                 "ClusterId", NULL);
    tap_ok(iam_emu_count(&T.emu, NULL, NULL) == 0, "... and no AWS call was made");
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("%s", cluster())));
    expect_error(&r, 0, "HY000", NULL, "provisioned without DbUser or UID: the error names DbUser", "DbUser", NULL);
}

static void host_names(void)
{
    probe_run r;
    const char *host = "iamc-west.abc123xyz789.us-west-2.redshift.amazonaws.com";
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=%s;Port=%s;EndpointUrl=%s;%sDbUser=iamc_api_host;AutoCreate=1", host,
                              T.pg_port, T.emu.url, keys())));
    expect_call("redshift", "GetClusterCredentials", "Redshift host name: cluster and region (us-west-2) "
                "taken from it", "params.ClusterIdentifier=iamc-west", "params.DbUser=iamc_api_host", "status=200",
                NULL);
    expect_error(&r, 0, "08001", NULL, "Redshift host name: libpq connects to that host (not resolvable here)",
                 "iamc-west.abc123xyz789", NULL);
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=%s;EndpointUrl=%s;%sDbUser=iamc_api_host;AutoCreate=1", host, T.emu.url, keys())));
    expect_call("redshift", "DescribeClusters", "Redshift host name without Port: DescribeClusters for the port",
                "params.ClusterIdentifier=iamc-west", "status=200", NULL);
    const char *sl_host = "iamc-wg.123456789012.us-east-1.redshift-serverless.amazonaws.com";
    reset_emu();
    probe(&r, NOENV, ITEMS(cs("Server=%s;Port=%s;EndpointUrl=%s;%s", sl_host, T.pg_port, T.emu.url, keys())));
    expect_call("redshift-serverless", "GetCredentials", "serverless host name: workgroup taken from it",
                "params.workgroupName=iamc-wg", "status=200", NULL);
    expect_error(&r, 0, "08001", NULL, "serverless host name: libpq connects to that host", "iamc-wg.123456789012", NULL);
}

/* Each override alone, and precedence (the loser points at a closed port). */
static void endpoints(void)
{
    probe_run r;
    const char *closed = fmt("http://127.0.0.1:%d", T.closed_port);
    char dead[128];
    snprintf(dead, sizeof dead, "%s", closed);
    const char *base = fmt("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;%sAutoCreate=1;"
                           "DbUser=iamc_api_ep", T.pg_port, keys());
    char basebuf[2048];
    snprintf(basebuf, sizeof basebuf, "%s", base);
    struct {
        const char *what;
        const char *env[4];
        const char *extra;
        const char *cfg;
    } cases[] = {
        {"EndpointUrl keyword (AWS_ENDPOINT_URL_REDSHIFT dead)", {fmt("AWS_ENDPOINT_URL_REDSHIFT=%s", dead)},
         fmt("EndpointUrl=%s", T.emu.url), NULL},
        {"AWS_ENDPOINT_URL_REDSHIFT (AWS_ENDPOINT_URL dead)",
         {fmt("AWS_ENDPOINT_URL_REDSHIFT=%s", T.emu.url), fmt("AWS_ENDPOINT_URL=%s", dead)}, "", NULL},
        {"AWS_ENDPOINT_URL (config endpoint_url dead)", {fmt("AWS_ENDPOINT_URL=%s", T.emu.url)}, "",
         fmt("[default]\nendpoint_url = %s\n", dead)},
        {"config file services section (endpoint_url dead)", {NULL}, "",
         fmt("[default]\nendpoint_url = %s\nservices = iamc\n[services iamc]\nredshift =\n  endpoint_url = %s\n",
             dead, T.emu.url)},
        {"config file endpoint_url", {NULL}, "", fmt("[default]\nendpoint_url = %s\n", T.emu.url)},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cfgenv[1200] = "AWS_IGNORE_NOTHING=1";
        if (cases[i].cfg) {
            const char *path = write_file(fmt("ep/config%zu", i), 0600, cases[i].cfg);
            snprintf(cfgenv, sizeof cfgenv, "AWS_CONFIG_FILE=%s", path);
        }
        char e0[1200] = "AWS_MAX_ATTEMPTS=1", e1[1200] = "AWS_MAX_ATTEMPTS=1";
        if (cases[i].env[0])
            snprintf(e0, sizeof e0, "%s", cases[i].env[0]);
        if (cases[i].env[1])
            snprintf(e1, sizeof e1, "%s", cases[i].env[1]);
        reset_emu();
        probe(&r, ENV("AWS_MAX_ATTEMPTS=1", e0, e1, cfgenv), ITEMS(cs("%s;%s", basebuf, cases[i].extra)));
        expect_value(&r, 0, "IAMA:iamc_api_ep", fmt("endpoint: %s", cases[i].what));
        tap_ok(iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 1, "... the emulator was called");
    }
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", fmt("AWS_ENDPOINT_URL_REDSHIFT=%s", dead)), ITEMS(cs("%s", basebuf)));
    expect_error(&r, 0, "08001", NULL, "endpoint: a dead AWS_ENDPOINT_URL_REDSHIFT is really used (08001)", NULL, NULL);
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", fmt("AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS=%s", T.emu.url)),
          ITEMS(cs("Server=127.0.0.1;Port=%s;Region=us-east-1;Workgroup=iamc-wg;%s", T.pg_port, keys())));
    expect_value(&r, 0, "IAM:iamc_keys", "endpoint: AWS_ENDPOINT_URL_REDSHIFT_SERVERLESS");

    /* STS: StsEndpointUrl, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL (AssumeRole of a role profile). */
    const char *creds = write_file("ep/credentials", 0600,
        "[iamc]\naws_access_key_id = " PROFILE_AKID "\naws_secret_access_key = " PROFILE_SECRET "\n");
    const char *cfg = write_file("ep/config-role", 0600, "[profile iamc-role]\nrole_arn = " ROLE_ARN "\nsource_profile = iamc\n");
    char ce[1200], cf[1200];
    snprintf(ce, sizeof ce, "AWS_SHARED_CREDENTIALS_FILE=%s", creds);
    snprintf(cf, sizeof cf, "AWS_CONFIG_FILE=%s", cfg);
    const char *role_base = fmt("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;"
                                "Profile=iamc-role;AutoCreate=1;DbUser=iamc_api_sts", T.pg_port, T.emu.url);
    char rb[2048];
    snprintf(rb, sizeof rb, "%s", role_base);
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", ce, cf, fmt("AWS_ENDPOINT_URL_STS=%s", dead)),
          ITEMS(cs("%s;StsEndpointUrl=%s", rb, T.emu.url)));
    expect_value(&r, 0, "IAMA:iamc_api_sts", "STS endpoint: StsEndpointUrl keyword (AWS_ENDPOINT_URL_STS dead)");
    tap_ok(iam_emu_count(&T.emu, "sts", "AssumeRole") == 1, "... AssumeRole reached the emulator");
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", ce, cf, fmt("AWS_ENDPOINT_URL_STS=%s", T.emu.url), fmt("AWS_ENDPOINT_URL=%s", dead)),
          ITEMS(cs("%s", rb)));
    expect_value(&r, 0, "IAMA:iamc_api_sts", "STS endpoint: AWS_ENDPOINT_URL_STS (AWS_ENDPOINT_URL dead)");
    tap_ok(iam_emu_count(&T.emu, "sts", "AssumeRole") == 1, "... AssumeRole reached the emulator");
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", ce, cf, fmt("AWS_ENDPOINT_URL=%s", T.emu.url)),
          ITEMS(cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;Profile=iamc-role;AutoCreate=1;"
                   "DbUser=iamc_api_sts", T.pg_port)));
    expect_value(&r, 0, "IAMA:iamc_api_sts", "AWS_ENDPOINT_URL alone serves both STS and redshift");
    tap_ok(iam_emu_count(&T.emu, "sts", "AssumeRole") == 1 &&
               iam_emu_count(&T.emu, "redshift", "GetClusterCredentials") == 1, "... both calls reached the emulator");
    reset_emu();
    probe(&r, ENV("AWS_MAX_ATTEMPTS=1", ce, cf), ITEMS(cs("%s;StsEndpointUrl=%s", rb, dead)));
    expect_error(&r, 0, "08001", NULL, "STS endpoint: a dead StsEndpointUrl is really used (08001)", NULL, NULL);
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    provisioned();
    serverless();
    discovery();
    host_names();
    endpoints();
    return iam_end();
}
