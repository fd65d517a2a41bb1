/* fuzz_config.c - a whole connection configuration (rs_config_load): connection string,
 * keyword lookup by name and alias, DSN values from odbc.ini, validation of every value.
 *
 * The DSN "fuzzdsn" exists in a private odbc.ini written at start-up, so inputs naming it
 * take the DSN path. Property: a loaded configuration written out with
 * rs_config_to_connstr loads again to the same values (an empty Driver counts as
 * none; checked when no DSN is named). */
#include "fuzz_util.h"

#include <unistd.h>

#include "conn/config.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    char dir[] = "/tmp/rsodbc-fuzz-config.XXXXXX";
    if (!mkdtemp(dir))
        abort();
    char path[256];
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        abort();
    fputs("[fuzzdsn]\nDriver = rsodbc\nServer = examplecluster.abc123xyz789.us-west-2.redshift.amazonaws.com\n"
          "Port = 5439\nDatabase = dev\nIAM = 1\nDbGroups = analysts\nSSLMode = verify-full\n"
          "Profile = analytics\nSomethingUnknown = x\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/odbcinst.ini", dir);
    f = fopen(path, "w");
    if (!f)
        abort();
    fclose(f);
    /* unixODBC reads $ODBCINI for the user DSNs and $ODBCSYSINI/odbc.ini for the system ones */
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    setenv("ODBCINI", path, 1);
    setenv("ODBCSYSINI", dir, 1);
    setenv("HOME", dir, 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rs_config cfg;
    rs_config_input in = { (const char *)data, size, NULL, NULL, NULL };
    char state[6], why[512];
    if (rs_config_load(&cfg, &in, state, why, sizeof why) < 0) {
        FZ_CHECK(strlen(state) == 5 && why[0]);
        return 0;
    }
    for (int i = 0; i < RS_KW_COUNT; i++) {
        (void)rs_cfg_str(&cfg, (rs_kw_id)i);
        (void)rs_cfg_num(&cfg, (rs_kw_id)i);
    }
    char *out = rs_config_to_connstr(&cfg);
    FZ_CHECK(out != NULL);
    /* Not with a DSN: the output then names the DSN alone, which reloads differently when
     * the DSN is missing and Driver made the first load work (reported, not changed here). */
    if (!memchr(data, '\0', size) && !rs_cfg_has(&cfg, RS_KW_DSN)) {
        rs_config again;
        rs_config_input in2 = { out, strlen(out), NULL, NULL, NULL };
        FZ_CHECK(rs_config_load(&again, &in2, state, why, sizeof why) == 0);
        for (int i = 0; i < RS_KW_COUNT; i++) {
            if (i == RS_KW_DSN || i == RS_KW_DRIVER) {
                /* written first, and only when not empty (an empty one is no DSN/driver) */
                FZ_CHECK(rs_cfg_has(&cfg, (rs_kw_id)i) == rs_cfg_has(&again, (rs_kw_id)i));
                FZ_CHECK(!rs_cfg_has(&cfg, (rs_kw_id)i) || strcmp(cfg.val[i], again.val[i]) == 0);
                continue;
            }
            FZ_CHECK(!cfg.val[i] == !again.val[i]);
            FZ_CHECK(!cfg.val[i] || strcmp(cfg.val[i], again.val[i]) == 0);
            FZ_CHECK(cfg.num[i] == again.num[i]);
        }
        rs_config_free(&again);
    }
    free(out);
    rs_config_free(&cfg);
    return 0;
}
