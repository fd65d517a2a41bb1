/* iam_cache_identity.c - the credential cache answers only the identity that filled it, through
 * the driver manager: in one process, after a login with the right keys, a connection giving the
 * same access key id with a wrong secret key, or the session key with a wrong or missing session
 * token, must still be refused by AWS (28000) instead of being handed the cached database
 * credentials (found by tests/clients: node, Perl and PHP connected with a wrong secret). The
 * right keys keep their cache entry. Calls are counted in the emulator's records. TAP. */
#include <stdio.h>
#include <string.h>

#include "common.h"

#define KEYS_AKID "AKIAIAMCKEYS00000001"
#define KEYS_SECRET "IAMC+fake/keys/secret/0000000000000000001"
#define WRONG_SECRET "IAMC+fake/WRONG/secret/000000000000000001"
#define SESSION_AKID "ASIAIAMCSESSION00001"
#define SESSION_SECRET "IAMC+fake/session/secret/000000000000001"
#define SESSION_TOKEN "IAMC-fake-session-token-0001-abcdefghijklmnopqrstuvwxyz"

static const char *conn(const char *auth, const char *db_user)
{
    return cs("Server=127.0.0.1;Port=%s;ClusterId=iamc-cluster;Region=us-east-1;EndpointUrl=%s;%s;AutoCreate=1;DbUser=%s",
              T.pg_port, T.emu.url, auth, db_user);
}

static int gcc_calls(void)
{
    return iam_emu_count(&T.emu, "redshift", "GetClusterCredentials");
}

static int no_secret_shown(const probe_run *r, const char *what)
{
    int shown = strstr(r->output, WRONG_SECRET) || strstr(r->output, KEYS_SECRET) || strstr(r->output, SESSION_SECRET);
    return tap_ok(!shown, "%s: no secret key in the diagnostics", what);
}

int main(int argc, char **argv)
{
    iam_start(argc, argv, "config_dm.json");
    probe_run r;
    char good[4096], bad[4096];

    /* Static keys: right, wrong secret, right again, in one process. */
    reset_emu();
    snprintf(good, sizeof good, "%s", conn("AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET, "iamc_cid_keys"));
    snprintf(bad, sizeof bad, "%s", conn("AccessKeyID=" KEYS_AKID ";SecretAccessKey=" WRONG_SECRET, "iamc_cid_keys"));
    probe(&r, NOENV, ITEMS(good, bad, good));
    expect_value(&r, 0, "IAMA:iamc_cid_keys", "right keys log in");
    expect_error(&r, 1, "28000", NULL, "then the same key id with a wrong secret, same process: 28000 from AWS",
                 "SignatureDoesNotMatch", NULL);
    expect_value(&r, 2, "IAMA:iamc_cid_keys", "then the right keys again log in");
    tap_ok(gcc_calls() == 2, "two calls: the wrong secret asked AWS, the right keys' second login used the cache (got %d)",
           gcc_calls());
    no_secret_shown(&r, "wrong secret");

    /* The wrong secret first: its failure caches nothing the right keys could trip on, and the
     * right keys' entry is not the wrong secret's. */
    reset_emu();
    snprintf(good, sizeof good, "%s", conn("AccessKeyID=" KEYS_AKID ";SecretAccessKey=" KEYS_SECRET, "iamc_cid_first"));
    snprintf(bad, sizeof bad, "%s", conn("AccessKeyID=" KEYS_AKID ";SecretAccessKey=" WRONG_SECRET, "iamc_cid_first"));
    probe(&r, NOENV, ITEMS(bad, good, bad));
    expect_error(&r, 0, "28000", NULL, "a wrong secret first: 28000", "SignatureDoesNotMatch", NULL);
    expect_value(&r, 1, "IAMA:iamc_cid_first", "then the right keys log in");
    expect_error(&r, 2, "28000", NULL, "then the wrong secret again: still 28000", "SignatureDoesNotMatch", NULL);

    /* Session credentials: the token is part of the identity. */
    reset_emu();
    snprintf(good, sizeof good, "%s", conn("AccessKeyID=" SESSION_AKID ";SecretAccessKey=" SESSION_SECRET
                                           ";SessionToken=" SESSION_TOKEN, "iamc_cid_session"));
    snprintf(bad, sizeof bad, "%s", conn("AccessKeyID=" SESSION_AKID ";SecretAccessKey=" SESSION_SECRET
                                         ";SessionToken=" SESSION_TOKEN "x", "iamc_cid_session"));
    probe(&r, NOENV, ITEMS(good, bad, conn("AccessKeyID=" SESSION_AKID ";SecretAccessKey=" SESSION_SECRET,
                                          "iamc_cid_session"), good));
    expect_value(&r, 0, "IAMA:iamc_cid_session", "session keys with their token log in");
    expect_error(&r, 1, "28000", NULL, "then a wrong session token, same process: 28000", "InvalidClientTokenId", NULL);
    expect_error(&r, 2, "28000", NULL, "then no session token, same process: 28000", "InvalidClientTokenId", NULL);
    expect_value(&r, 3, "IAMA:iamc_cid_session", "then the right token again logs in");
    tap_ok(gcc_calls() == 3, "three calls: each refused identity asked AWS, the right one's second login did not (got %d)",
           gcc_calls());
    no_secret_shown(&r, "session token");
    return iam_end();
}
