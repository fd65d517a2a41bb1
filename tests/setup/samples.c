/* samples.c - odbc.ini.sample and the generated odbcinst.ini (from odbcinst.ini.in) cannot drift
 * from the driver: every keyword of every sample DSN is a keyword of the table under its canonical
 * name, with a valid value; the DSN list, Driver references and the driver registration are
 * consistent (the registration names the configured install directory, RS_ODBCDIR); and every
 * sample DSN loads through unixODBC into the driver's configuration with nothing missing. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "conn/config.h"
#include "conn/connect.h"
#include "conn/keywords.h"
#include "../unit/tap.h"

#define MAX_ENTRIES 256
#define MAX_TEXT 256

typedef struct ini_entry {
    char section[MAX_TEXT], key[MAX_TEXT], value[MAX_TEXT];
    int line;
} ini_entry;

typedef struct ini_file {
    ini_entry e[MAX_ENTRIES];
    int n;
    char sections[64][MAX_TEXT];
    int nsections;
} ini_file;

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
    return s;
}

static void copy(char *dst, const char *src)
{
    snprintf(dst, MAX_TEXT, "%s", src);
}

/* The ini syntax unixODBC reads: [section], key = value, '#' or ';' comments. Lines it could not
 * read are reported and make the load fail. */
static int ini_load(const char *path, ini_file *f)
{
    memset(f, 0, sizeof *f);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        printf("#   cannot open %s\n", path);
        return -1;
    }
    char buf[1024], section[MAX_TEXT] = "";
    int lineno = 0, bad = 0;
    while (fgets(buf, sizeof buf, fp)) {
        lineno++;
        char *s = trim(buf);
        if (!*s || *s == '#' || *s == ';')
            continue;
        if (*s == '[') {
            char *end = strchr(s, ']');
            if (!end || f->nsections == 64) {
                bad++;
                continue;
            }
            *end = '\0';
            copy(section, s + 1);
            copy(f->sections[f->nsections++], section);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq || !section[0] || f->n == MAX_ENTRIES) {
            printf("#   %s:%d: not a key = value line in a section\n", path, lineno);
            bad++;
            continue;
        }
        *eq = '\0';
        ini_entry *e = &f->e[f->n++];
        copy(e->section, section);
        copy(e->key, trim(s));
        copy(e->value, trim(eq + 1));
        e->line = lineno;
    }
    fclose(fp);
    return bad ? -1 : 0;
}

static const char *ini_get(const ini_file *f, const char *section, const char *key)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->e[i].section, section) == 0 && strcasecmp(f->e[i].key, key) == 0)
            return f->e[i].value;
    return NULL;
}

static int has_section(const ini_file *f, const char *section)
{
    for (int i = 0; i < f->nsections; i++)
        if (strcmp(f->sections[i], section) == 0)
            return 1;
    return 0;
}

static int is_dsn_section(const char *section)
{
    return strcmp(section, "ODBC Data Sources") != 0 && strcmp(section, "ODBC") != 0;
}

static void check_keywords(const ini_file *ini)
{
    for (int i = 0; i < ini->n; i++) {
        const ini_entry *e = &ini->e[i];
        if (!is_dsn_section(e->section))
            continue;
        const rs_keyword *kw = rs_keyword_find(e->key);
        char why[512] = "";
        long num;
        int valid = kw && rs_keyword_validate(kw, e->value, &num, why, sizeof why) == 0;
        TAP_OK(kw && strcmp(kw->name, e->key) == 0 && valid, "odbc.ini.sample:%d [%s] %s: keyword of the table, valid value",
               e->line, e->section, e->key);
        if (!kw)
            printf("#   not a keyword of driver/conn/keywords.def\n");
        else if (strcmp(kw->name, e->key) != 0)
            printf("#   an alias or other spelling of %s; samples use the canonical name\n", kw->name);
        else if (!valid)
            printf("#   %s\n", why);
    }
}

static void check_dsn_list(const ini_file *ini, const ini_file *inst)
{
    int dsns = 0;
    for (int i = 0; i < ini->nsections; i++) {
        const char *dsn = ini->sections[i];
        if (!is_dsn_section(dsn))
            continue;
        dsns++;
        TAP_OK(ini_get(ini, "ODBC Data Sources", dsn) != NULL, "[%s] is listed in [ODBC Data Sources]", dsn);
        const char *driver = ini_get(ini, dsn, "Driver");
        TAP_OK(driver && has_section(inst, driver), "[%s] Driver = %s is registered in odbcinst.ini", dsn,
               driver ? driver : "(none)");
    }
    int listed = 0;
    for (int i = 0; i < ini->n; i++)
        if (strcmp(ini->e[i].section, "ODBC Data Sources") == 0) {
            listed++;
            TAP_OK(has_section(ini, ini->e[i].key), "[ODBC Data Sources] %s has a section", ini->e[i].key);
        }
    TAP_OK(dsns >= 7 && listed == dsns, "%d data sources, %d listed", dsns, listed);
}

static void check_registration(const ini_file *inst, const char *builddir)
{
    const char *desc = ini_get(inst, "rsodbc", "Description");
    const char *driver = ini_get(inst, "rsodbc", "Driver");
    const char *setup = ini_get(inst, "rsodbc", "Setup");
    const char *usage = ini_get(inst, "rsodbc", "FileUsage");
    const char *odbcdir = getenv("RS_ODBCDIR");
    char want[4096];
    TAP_OK(desc && *desc, "[rsodbc] has a Description");
    snprintf(want, sizeof want, "%s/rsodbc.so", odbcdir ? odbcdir : "(RS_ODBCDIR unset)");
    TAP_OK(driver && strcmp(driver, want) == 0, "[rsodbc] Driver = %s, the configured install path", driver ? driver : "(none)");
    if (driver && strcmp(driver, want) != 0)
        printf("#   want %s\n", want);
    snprintf(want, sizeof want, "%s/rsodbcS.so", odbcdir ? odbcdir : "(RS_ODBCDIR unset)");
    TAP_OK(setup && strcmp(setup, want) == 0, "[rsodbc] Setup = %s, the configured install path", setup ? setup : "(none)");
    TAP_OK(usage && strcmp(usage, "1") == 0, "[rsodbc] FileUsage = 1");
    /* odbcinst -i -d counts installs itself; a UsageCount in the template would be misleading. */
    TAP_OK(ini_get(inst, "rsodbc", "UsageCount") == NULL, "[rsodbc] leaves UsageCount to odbcinst");
    /* The names the registration uses are the names the build produces. */
    char path[4096];
    snprintf(path, sizeof path, "%s/.libs/%s", builddir, driver && strrchr(driver, '/') ? strrchr(driver, '/') + 1 : "?");
    TAP_OK(driver && access(path, R_OK) == 0, "the build produces %s", path);
    snprintf(path, sizeof path, "%s/.libs/%s", builddir, setup && strrchr(setup, '/') ? strrchr(setup, '/') + 1 : "?");
    TAP_OK(setup && access(path, R_OK) == 0, "the build produces %s", path);
}

/* Each sample DSN through unixODBC (ODBCINI) into rs_config_load, as SQLConnect would. */
static void check_loads(const ini_file *ini, const char *sample)
{
    char sysdir[] = "/tmp/rsodbc-samples-XXXXXX";
    if (!mkdtemp(sysdir)) {
        TAP_OK(0, "mkdtemp");
        return;
    }
    /* No system odbc.ini or odbcinst.ini: only the sample is seen. */
    setenv("ODBCSYSINI", sysdir, 1);
    setenv("ODBCINI", sample, 1);
    for (int i = 0; i < ini->nsections; i++) {
        const char *dsn = ini->sections[i];
        if (!is_dsn_section(dsn))
            continue;
        rs_config cfg;
        rs_config_input in = { NULL, 0, dsn, NULL, NULL };
        char state[6] = "", why[512] = "";
        int rc = rs_config_load(&cfg, &in, state, why, sizeof why);
        TAP_OK(rc == 0 && !cfg.unknown[0], "[%s] loads through unixODBC without unknown keywords", dsn);
        if (rc != 0) {
            printf("#   %s %s\n", state, why);
            continue;
        }
        if (cfg.unknown[0])
            printf("#   unknown: %s\n", cfg.unknown);
        const char *missing = rs_cfg_missing(&cfg);
        TAP_OK(!missing, "[%s] lacks nothing to connect", dsn);
        if (missing)
            printf("#   missing %s\n", missing);
        int iam = rs_cfg_wants_iam(&cfg);
        TAP_OK(iam == (strcmp(dsn, "redshift-password") != 0), "[%s] %s IAM", dsn, iam ? "uses" : "does not use");
        const char *ssl = rs_cfg_str(&cfg, RS_KW_SSLMODE);
        if (iam) {
            int tls = ssl && (!strcasecmp(ssl, "require") || !strcasecmp(ssl, "verify-ca") ||
                              !strcasecmp(ssl, "verify-full"));
            TAP_OK(tls, "[%s] SSLMode %s is allowed with IAM", dsn, ssl ? ssl : "(none)");
        }
        rs_config_free(&cfg);
    }
    unsetenv("ODBCINI");
    unsetenv("ODBCSYSINI");
    rmdir(sysdir);
}

int main(void)
{
    const char *srcdir = getenv("top_srcdir"), *builddir = getenv("top_builddir");
    char ini_path[4096], inst_path[4096];
    snprintf(ini_path, sizeof ini_path, "%s/odbc.ini.sample", srcdir ? srcdir : ".");
    snprintf(inst_path, sizeof inst_path, "%s/odbcinst.ini", builddir ? builddir : ".");

    static ini_file ini, inst;
    TAP_OK(ini_load(ini_path, &ini) == 0, "odbc.ini.sample parses");
    TAP_OK(ini_load(inst_path, &inst) == 0, "odbcinst.ini (generated from odbcinst.ini.in) parses");
    check_keywords(&ini);
    check_dsn_list(&ini, &inst);
    check_registration(&inst, builddir ? builddir : ".");
    check_loads(&ini, ini_path);
    TAP_PLAN(tap_n);
    return TAP_DONE();
}
