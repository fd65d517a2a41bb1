/* iam_cache.c - the process-wide cache of temporary database credentials, through the driver
 * manager: reuse within a process, one call for 8 concurrent connects, DisableCache, refetch
 * after expiry (emulator expiration override), two DSNs alternating. Calls are counted in the
 * emulator's records. TAP. */
#include <stdio.h>
#include <string.h>

#include "common.h"

#define KEYS "AccessKeyID=AKIAIAMCKEYS00000001;SecretAccessKey=IAMC+fake/keys/secret/0000000000000000001;"

/* The cache keeps an entry until max(60 s, 10 % of its lifetime) before it expires
 * (driver/aws/dbcred_cache.h): credentials living 65 s are reused for about 5 s. */
#define MARGIN_S 60
#define REUSE_S 5

static const char *cluster(const char *db_user)
{
    return cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%sAutoCreate=1;DbUser=%s",
              T.pg_port, T.emu.url, KEYS, db_user);
}

static int gcc_calls(void)
{
    return iam_emu_count(&T.emu, "redshift", "GetClusterCredentials");
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    probe_run r;
    char a[4096];

    /* A second connect in the same process makes no AWS call. */
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_cache_two"));
    probe(&r, NOENV, ITEMS(a, a));
    expect_value(&r, 0, "IAMA:iamc_cache_two", "first connect logs in");
    expect_value(&r, 1, "IAMA:iamc_cache_two", "second connect in the same process logs in");
    tap_ok(gcc_calls() == 1, "two connects, one GetClusterCredentials call (got %d)", gcc_calls());

    /* A new process starts with an empty cache. */
    probe(&r, NOENV, ITEMS(a));
    expect_value(&r, 0, "IAMA:iamc_cache_two", "a new process logs in");
    tap_ok(gcc_calls() == 2, "a new process calls again (got %d)", gcc_calls());

    /* 8 threads at once: single flight. */
    reset_emu();
    snprintf(a, sizeof a, "%s", cluster("iamc_cache_threads"));
    probe(&r, NOENV, ITEMS("threads=8", a));
    int good = r.n == 8;
    for (int i = 0; i < r.n; i++)
        good = good && r.c[i].ok && strcmp(r.c[i].value, "IAMA:iamc_cache_threads") == 0;
    if (!tap_ok(good, "8 threads connecting at once all log in"))
        tap_diag("%s", r.output);
    tap_ok(gcc_calls() == 1, "8 concurrent connects, one GetClusterCredentials call (got %d)", gcc_calls());

    /* DisableCache=1: one call per connect. */
    reset_emu();
    snprintf(a, sizeof a, "%s;DisableCache=1", cluster("iamc_cache_off"));
    probe(&r, NOENV, ITEMS(a, a, a));
    expect_value(&r, 2, "IAMA:iamc_cache_off", "DisableCache=1: every connect logs in");
    tap_ok(r.n == 3 && r.c[0].ok && r.c[1].ok && gcc_calls() == 3,
           "DisableCache=1: three connects, three calls (got %d)", gcc_calls());

    /* Expiry: credentials living MARGIN_S + REUSE_S seconds are reused at once, refetched after. */
    reset_emu();
    if (iam_emu_control(&T.emu, "POST", "expiration", fmt("{\"seconds\": %d}", MARGIN_S + REUSE_S), NULL) != 200)
        tap_diag("could not set the expiration override");
    snprintf(a, sizeof a, "%s", cluster("iamc_cache_exp"));
    probe(&r, NOENV, ITEMS(a, a, fmt("sleep=%d", (REUSE_S + 2) * 1000), a));
    expect_value(&r, 0, "IAMA:iamc_cache_exp", "short-lived credentials: first connect logs in");
    expect_value(&r, 1, "IAMA:iamc_cache_exp", "short-lived credentials: immediate reconnect logs in");
    expect_value(&r, 2, "IAMA:iamc_cache_exp", "after the safety margin: reconnect logs in with fresh credentials");
    tap_ok(gcc_calls() == 2, "short-lived credentials: reused once, refetched after expiry (2 calls, got %d)",
           gcc_calls());
    iam_emu_control(&T.emu, "POST", "expiration", "{\"seconds\": null}", NULL);

    /* Two DSNs alternating: each keeps its own entry. */
    reset_emu();
    const char *ini = write_file("cache/odbc.ini", 0600, fmt(
        "[iamc_a]\nDriver = rsodbc\nIAM = 1\nServer = 127.0.0.1\nPort = %s\nDatabase = %s\nSSLMode = verify-full\n"
        "CaFile = %s\nClusterId = iamc-cluster\nRegion = us-east-1\nEndpointUrl = %s\n"
        "AccessKeyID = AKIAIAMCKEYS00000001\nSecretAccessKey = IAMC+fake/keys/secret/0000000000000000001\n"
        "AutoCreate = 1\nDbUser = iamc_cache_a\n\n"
        "[iamc_b]\nDriver = rsodbc\nIAM = 1\nServer = 127.0.0.1\nPort = %s\nDatabase = %s\nSSLMode = verify-full\n"
        "CaFile = %s\nClusterId = iamc-cluster\nRegion = us-east-1\nEndpointUrl = %s\n"
        "AccessKeyID = AKIAIAMCKEYS00000001\nSecretAccessKey = IAMC+fake/keys/secret/0000000000000000001\n"
        "AutoCreate = 1\nDbUser = iamc_cache_b\n",
        T.pg_port, T.database, T.ca_file, T.emu.url, T.pg_port, T.database, T.ca_file, T.emu.url));
    probe(&r, ENV(fmt("ODBCINI=%s", ini)), ITEMS("DSN=iamc_a", "DSN=iamc_b", "DSN=iamc_a", "DSN=iamc_b", "DSN=iamc_a"));
    good = r.n == 5;
    for (int i = 0; i < r.n; i++)
        good = good && r.c[i].ok && strcmp(r.c[i].value, i % 2 ? "IAMA:iamc_cache_b" : "IAMA:iamc_cache_a") == 0;
    if (!tap_ok(good, "two DSNs alternating: each connect logs in as its DSN's user"))
        tap_diag("%s", r.output);
    tap_ok(gcc_calls() == 2, "two DSNs alternating five times: two calls, no thrashing (got %d)", gcc_calls());
    return iam_end();
}
