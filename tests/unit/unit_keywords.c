/* unit_keywords.c - the keyword table and the configuration built from it (connection
 * string, DSN through unixODBC's odbcinst, defaults). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conn/config.h"
#include "conn/keywords.h"
#include "tap.h"

/* Keywords and aliases of Amazon's Redshift ODBC driver v2 that existing DSNs carry. */
static const char *const amazon[] = {
    "Driver", "DSN", "Server", "Host", "Servername", "HostName", "Port", "PortNumber", "Database", "DB",
    "UID", "User", "LogonID", "PWD", "Password", "SSLMode", "CaFile", "CaPath", "LoginTimeout", "KeepAlive",
    "KeepAliveIdle", "KeepAliveCount", "KeepAliveInterval", "ApplicationName", "LogLevel", "LogPath",
    "IAM", "AuthType", "ClusterId", "Region", "DbUser", "DbGroups", "AutoCreate", "ForceLowercase",
    "Serverless", "Workgroup", "group_federation", "IAMDuration", "AccessKeyID", "SecretAccessKey",
    "SessionToken", "Profile", "InstanceProfile", "EndpointUrl", "StsEndpointUrl", "DisableCache",
    "StsConnectionTimeout",
};

static int load(rs_config *cfg, const char *cs, const char *dsn, char *state, char *why)
{
    rs_config_input in = { cs, cs ? strlen(cs) : 0, dsn, NULL, NULL };
    return rs_config_load(cfg, &in, state, why, 512);
}

int main(void)
{
    char state[6], why[512];
    rs_config cfg;
    TAP_PLAN(43 + (int)(sizeof amazon / sizeof *amazon));

    for (size_t i = 0; i < sizeof amazon / sizeof *amazon; i++)
        TAP_OK(rs_keyword_find(amazon[i]) != NULL, "Amazon keyword %s is known", amazon[i]);

    /* table invariants: unique names and aliases, defaults valid for their own type */
    int dup = 0, baddef = 0;
    for (int i = 0; i < RS_KW_COUNT; i++) {
        const rs_keyword *k = &rs_keywords[i];
        if (rs_keyword_find(k->name) != k)
            dup++;
        long n;
        char w[256];
        if (k->def && rs_keyword_validate(k, k->def, &n, w, sizeof w) < 0)
            baddef++;
        if (k->id != (rs_kw_id)i)
            dup++;
    }
    TAP_OK(dup == 0, "every name finds its own row");
    TAP_OK(baddef == 0, "every default passes its own validation");
    TAP_OK(rs_keyword_find("sErVeR") == &rs_keywords[RS_KW_SERVER], "names match case-insensitively");
    TAP_OK(rs_keyword_find("servername") == &rs_keywords[RS_KW_SERVER], "aliases match case-insensitively");
    TAP_OK(rs_keyword_find("Serv") == NULL, "a prefix is not a match");
    TAP_OK(rs_keywords[RS_KW_PWD].secret && rs_keywords[RS_KW_SECRETACCESSKEY].secret &&
           rs_keywords[RS_KW_SESSIONTOKEN].secret && !rs_keywords[RS_KW_UID].secret, "secret flags");
    TAP_STR(rs_keywords[RS_KW_SSLMODE].def, "verify-ca", "SSLMode defaults to verify-ca");
    TAP_STR(rs_keywords[RS_KW_PORT].def, "5439", "Port defaults to Redshift's 5439");

    TAP_OK(rs_parse_bool("TRUE") == 1 && rs_parse_bool("on") == 1 && rs_parse_bool("0") == 0 &&
           rs_parse_bool("No") == 0 && rs_parse_bool("2") == -1, "booleans");

    /* validation messages name the keyword and what is allowed */
    long n;
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_PORT], "abc", &n, why, sizeof why) < 0, "Port=abc refused");
    TAP_OK(strstr(why, "Port") && strstr(why, "1 to 65535"), "reason: %s", why);
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_PORT], "70000", &n, why, sizeof why) < 0, "Port out of range refused");
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_PORT], "5432", &n, why, sizeof why) == 0 && n == 5432, "Port=5432 parsed");
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_SSLMODE], "sometimes", &n, why, sizeof why) < 0, "SSLMode=sometimes refused");
    TAP_OK(strstr(why, "SSLMode") && strstr(why, "verify-full") && strstr(why, "disable"), "reason lists the modes: %s", why);
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_SSLMODE], "VERIFY-FULL", &n, why, sizeof why) == 0, "enum values ignore case");
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_IAMDURATION], "899", &n, why, sizeof why) < 0, "IAMDuration below 900 refused");
    TAP_OK(rs_keyword_validate(&rs_keywords[RS_KW_IAM], "maybe", &n, why, sizeof why) < 0 && strstr(why, "IAM"), "IAM=maybe refused: %s", why);

    /* configuration from a connection string */
    TAP_OK(load(&cfg, "Server=h;UID=u;PWD=p;Port=5432;SSLMode=require;Foo=bar;Bar=1", NULL, state, why) == 0, "load");
    TAP_STR(rs_cfg_str(&cfg, RS_KW_SERVER), "h", "Server");
    TAP_OK(rs_cfg_num(&cfg, RS_KW_PORT) == 5432, "Port parsed");
    TAP_STR(rs_cfg_str(&cfg, RS_KW_DATABASE), "dev", "Database default");
    TAP_OK(rs_cfg_num(&cfg, RS_KW_KEEPALIVE) == 1, "KeepAlive default on");
    TAP_OK(rs_cfg_num(&cfg, RS_KW_SERVERLESS) == -1, "Serverless unset is -1");
    TAP_OK(strstr(cfg.unknown, "Foo") && strstr(cfg.unknown, "Bar"), "unknown keywords noted: %s", cfg.unknown);
    char *out = rs_config_to_connstr(&cfg);
    TAP_OK(out && strstr(out, "Server=h;") && strstr(out, "PWD=p;") && strstr(out, "Port=5432;") && !strstr(out, "Foo"),
           "output connection string: %s", out ? "built" : "NULL");
    free(out);
    rs_config_free(&cfg);

    TAP_OK(load(&cfg, "Host=a;Server=b;servername=c", NULL, state, why) == 0, "aliases load");
    TAP_STR(rs_cfg_str(&cfg, RS_KW_SERVER), "a", "the first occurrence wins, aliases included");
    rs_config_free(&cfg);

    TAP_OK(load(&cfg, "Server=h;Port=abc", NULL, state, why) < 0, "bad Port fails the load");
    TAP_STR(state, "HY024", "with HY024");
    TAP_OK(load(&cfg, "Server=h;PWD={x", NULL, state, why) < 0, "unterminated brace fails the load");
    TAP_STR(state, "08001", "with 08001");

    /* a DSN read through odbcinst: write an odbc.ini and point ODBCINI at it */
    char dir[] = "/tmp/rsodbc-unit-XXXXXX";
    TAP_OK(mkdtemp(dir) != NULL, "temp dir");
    char ini[256], sys[300];
    snprintf(ini, sizeof ini, "%s/odbc.ini", dir);
    snprintf(sys, sizeof sys, "%s", dir);
    FILE *f = fopen(ini, "w");
    fprintf(f, "[mydsn]\nDriver=rsodbc\nServer=dsnhost\nPort=5440\nUID=dsnuser\nPWD=dsnpass\n"
               "Database=dsndb\nSomeOtherDriverOption=1\n\n[badport]\nDriver=rsodbc\nPort=xyz\n");
    fclose(f);
    setenv("ODBCINI", ini, 1);
    setenv("ODBCSYSINI", sys, 1);
    TAP_OK(load(&cfg, "DSN=mydsn;UID=override", NULL, state, why) == 0, "DSN loads: %s", why);
    TAP_STR(rs_cfg_str(&cfg, RS_KW_SERVER), "dsnhost", "Server from the DSN");
    TAP_OK(rs_cfg_num(&cfg, RS_KW_PORT) == 5440, "Port from the DSN");
    TAP_STR(rs_cfg_str(&cfg, RS_KW_UID), "override", "the connection string overrides the DSN");
    TAP_OK(strstr(cfg.unknown, "SomeOtherDriverOption") != NULL, "the DSN's unknown keywords are noted, not refused");
    out = rs_config_to_connstr(&cfg);
    TAP_OK(out && strncmp(out, "DSN=mydsn;", 10) == 0 && strstr(out, "UID=override;") && !strstr(out, "dsnhost"),
           "output string: DSN first, overrides kept, DSN values left in the DSN");
    free(out);
    rs_config_free(&cfg);
    rs_config_input sqlconnect = { NULL, 0, "mydsn", "u2", "p2" };
    TAP_OK(rs_config_load(&cfg, &sqlconnect, state, why, sizeof why) == 0, "SQLConnect-style load");
    TAP_OK(strcmp(rs_cfg_str(&cfg, RS_KW_UID), "u2") == 0 && strcmp(rs_cfg_str(&cfg, RS_KW_PWD), "p2") == 0,
           "SQLConnect's user and password win over the DSN's");
    rs_config_free(&cfg);
    TAP_OK(load(&cfg, "DSN=badport", NULL, state, why) < 0 && strcmp(state, "HY024") == 0, "a DSN's bad value is refused too");
    TAP_OK(load(&cfg, "DSN=nosuchdsn", NULL, state, why) < 0 && strcmp(state, "IM002") == 0, "a missing DSN is IM002");
    unlink(ini);
    rmdir(dir);
    return TAP_DONE();
}
