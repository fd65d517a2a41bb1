/* creds_ini.c - the INI parser, profile lookup, profile selection and endpoint settings. */
#include "creds_tap.h"

#include <errno.h>
#include "aws/creds/awsconfig.h"
#include "aws/creds/creds_util.h"
#include "aws/creds/ini.h"
#include "aws/creds/sources.h"

static const char *get(const rs_ini *ini, const char *sec, const char *key)
{
    return rs_ini_get(rs_ini_find(ini, sec), key);
}

static void parse(const char *text, int inline_comments, rs_ini *ini)
{
    if (rs_ini_parse(text, strlen(text), inline_comments, ini) != 0) {
        printf("Bail out! rs_ini_parse failed\n");
        exit(99);
    }
}

static void test_ini(void)
{
    rs_ini ini;
    parse("# leading comment\n"
          "; another\n"
          "[default]\n"
          "aws_access_key_id = AKIDDEFAULT\n"
          "  # indented comment\n"
          "AWS_Secret_Access_Key\t=\t sec/ret+value \r\n"
          "no equals sign here\n"
          "empty =\n"
          "[ spaced ]  # trailing comment\n"
          "region=eu-west-1\n",
          0, &ini);
    TAP_STR(get(&ini, "default", "aws_access_key_id"), "AKIDDEFAULT", "ini: plain key");
    TAP_STR(get(&ini, "default", "aws_secret_access_key"), "sec/ret+value",
            "ini: keys are lower-cased, tabs/CR/spaces trimmed");
    TAP_STR(get(&ini, "default", "empty"), "", "ini: empty value kept as empty");
    TAP_STR(get(&ini, "spaced", "region"), "eu-west-1", "ini: section name trimmed, comment after header");
    tap_ok(ini.n_skipped == 1, "ini: the line without '=' is skipped (%zu skipped)", ini.n_skipped);
    tap_ok(ini.n_sections == 2, "ini: two sections");
    rs_ini_free(&ini);

    parse("orphan = 1\n[a]\nx = 1\ny = first\n[b]\nz = 2\n[a]\ny = second\nw = 3\n", 0, &ini);
    tap_ok(ini.n_sections == 2, "ini: duplicate sections merge (%zu sections)", ini.n_sections);
    TAP_STR(get(&ini, "a", "y"), "second", "ini: a later duplicate key wins");
    TAP_STR(get(&ini, "a", "x"), "1", "ini: keys of the first copy survive the merge");
    TAP_STR(get(&ini, "a", "w"), "3", "ini: keys of the second copy are added");
    tap_ok(ini.n_skipped == 1 && !get(&ini, "a", "orphan"), "ini: a property before any section is skipped");
    rs_ini_free(&ini);

    /* a huge line is skipped, the lines around it survive */
    size_t big = RS_INI_MAX_LINE + 100;
    char *text = malloc(big + 200);
    strcpy(text, "[p]\nbefore = 1\nhuge = ");
    size_t off = strlen(text);
    memset(text + off, 'x', big);
    strcpy(text + off + big, "\nafter = 2\n");
    parse(text, 0, &ini);
    tap_ok(get(&ini, "p", "huge") == NULL, "ini: a line longer than %d bytes is skipped", RS_INI_MAX_LINE);
    TAP_STR(get(&ini, "p", "after"), "2", "ini: parsing resumes after the huge line");
    rs_ini_free(&ini);
    free(text);

    parse("[services s]\nsts =\n  endpoint_url = http://127.0.0.1:1/\n  other = x\nsso =\n\tendpoint_url = http://sso\n"
          "[p]\ncmd = first\n  second line\nk = v # comment\nk2 = v#notcomment\n",
          1, &ini);
    TAP_STR(get(&ini, "services s", "sts.endpoint_url"), "http://127.0.0.1:1/", "ini: indented sub-section property");
    TAP_STR(get(&ini, "services s", "sts.other"), "x", "ini: second sub-property");
    TAP_STR(get(&ini, "services s", "sso.endpoint_url"), "http://sso", "ini: tab-indented sub-property of another key");
    TAP_STR(get(&ini, "p", "cmd"), "first\nsecond line", "ini: indented line continues a non-empty value");
    TAP_STR(get(&ini, "p", "k"), "v", "ini: config file strips ' # comment'");
    TAP_STR(get(&ini, "p", "k2"), "v#notcomment", "ini: '#' not preceded by a blank is data");
    rs_ini_free(&ini);

    parse("[c]\nsecret = abc #def\n[bad\nlost = 1\n[]\nlost2 = 1\n", 0, &ini);
    TAP_STR(get(&ini, "c", "secret"), "abc #def", "ini: credentials file keeps '#' in values");
    tap_ok(!get(&ini, "c", "lost") && !get(&ini, "c", "lost2") && ini.n_sections == 1,
           "ini: properties under a malformed header are dropped, not filed under the previous section");
    rs_ini_free(&ini);

    int missing = 0;
    tap_ok(rs_ini_load("/nonexistent/dir/file", 0, &ini, &missing) == 0 && missing == 1 && ini.n_sections == 0,
           "ini: a missing file is an empty file");
    char *huge = malloc(RS_INI_MAX_FILE + 10);
    memset(huge, '#', RS_INI_MAX_FILE + 9);
    huge[RS_INI_MAX_FILE + 9] = '\0';
    const char *hp = tap_write("huge.ini", huge);
    free(huge);
    errno = 0;
    tap_ok(rs_ini_load(hp, 0, &ini, &missing) == -1 && errno == EFBIG, "ini: a file over 1 MiB is refused");
}

static void write_files(const char *config, const char *credentials)
{
    setenv("AWS_CONFIG_FILE", tap_write("config", config), 1);
    setenv("AWS_SHARED_CREDENTIALS_FILE", tap_write("credentials", credentials), 1);
}

static void test_config(void)
{
    rs_aws_error err = {0};
    rs_awscfg cfg;
    write_files("[default]\nregion = us-west-2\nendpoint_url = http://default-ep\n"
                "[profile default]\nregion = eu-north-1\n"
                "[profile   rs]\nregion = eu-west-1\naws_access_key_id = FROMCONFIG\nservices = svc\n"
                "[plain]\nregion = nowhere\n"
                "[services svc]\nsts =\n  endpoint_url = http://sts-from-services\n"
                "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\n",
                "[rs]\naws_access_key_id = FROMCREDS\n");
    tap_ok(rs_awscfg_load(&cfg, &err) == 0, "config: both files load");
    tap_ok(rs_awscfg_has_profile(&cfg, "rs"), "config: [profile   rs] names profile rs");
    tap_ok(!rs_awscfg_has_profile(&cfg, "plain"), "config: [plain] without 'profile' is not a profile in config");
    TAP_STR(rs_awscfg_get(&cfg, "rs", "aws_access_key_id"), "FROMCREDS", "config: credentials file wins over config");
    TAP_STR(rs_awscfg_get(&cfg, "rs", "region"), "eu-west-1", "config: other settings come from config");
    TAP_STR(rs_awscfg_get(&cfg, "default", "region"), "eu-north-1", "config: [profile default] wins over [default]");
    TAP_STR(rs_awscfg_get(&cfg, "default", "endpoint_url"), "http://default-ep",
            "config: [default] settings still apply");
    TAP_STR(rs_awscfg_section_get(&cfg, "sso-session", "corp", "sso_start_url"), "https://corp.awsapps.com/start",
            "config: [sso-session corp]");

    unsetenv("AWS_ENDPOINT_URL_STS");
    unsetenv("AWS_ENDPOINT_URL");
    unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    TAP_STR(rs_awscfg_endpoint_url(&cfg, "rs", "sts", "STS"), "http://sts-from-services",
            "endpoint: services section of the profile");
    TAP_STR(rs_awscfg_endpoint_url(&cfg, "default", "sts", "STS"), "http://default-ep", "endpoint: profile endpoint_url");
    setenv("AWS_ENDPOINT_URL", "http://env-global", 1);
    TAP_STR(rs_awscfg_endpoint_url(&cfg, "rs", "sts", "STS"), "http://env-global", "endpoint: AWS_ENDPOINT_URL over config");
    setenv("AWS_ENDPOINT_URL_STS", "http://env-sts", 1);
    TAP_STR(rs_awscfg_endpoint_url(&cfg, "rs", "sts", "STS"), "http://env-sts", "endpoint: AWS_ENDPOINT_URL_STS first");
    setenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", 1);
    tap_ok(rs_awscfg_endpoint_url(&cfg, "rs", "sts", "STS") == NULL, "endpoint: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    unsetenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    unsetenv("AWS_ENDPOINT_URL_STS");
    unsetenv("AWS_ENDPOINT_URL");

    rs_aws_credential_options opt = {.region = NULL, .sts_endpoint_url = NULL};
    rs_creds_sts sts;
    unsetenv("AWS_REGION");
    unsetenv("AWS_DEFAULT_REGION");
    rs_creds_sts_options(&opt, &cfg, "rs", &sts);
    TAP_STR(sts.opt.region, "eu-west-1", "sts options: the profile's region without Region=");
    TAP_STR(sts.opt.endpoint_url, "http://sts-from-services", "sts options: the profile's own STS endpoint");
    unsetenv("AWS_CONFIG_FILE");
    rs_awscfg empty;
    setenv("AWS_CONFIG_FILE", tap_write("empty-config", ""), 1);
    if (rs_awscfg_load(&empty, &err) == 0) {
        rs_creds_sts_options(&opt, &empty, "default", &sts);
        TAP_STR(sts.opt.endpoint_url, "https://sts.us-east-1.amazonaws.com",
                "sts options: regional default when nothing overrides (us-east-1 without a region)");
        opt.region = "cn-north-1";
        rs_creds_sts_options(&opt, &empty, "default", &sts);
        TAP_STR(sts.opt.endpoint_url, "https://sts.cn-north-1.amazonaws.com.cn", "sts options: China suffix");
        opt.region = NULL;
        rs_awscfg_free(&empty);
    }
    opt.region = "ap-south-1";
    opt.sts_endpoint_url = "http://keyword";
    rs_creds_sts_options(&opt, &cfg, "rs", &sts);
    tap_ok(strcmp(sts.opt.region, "ap-south-1") == 0 && strcmp(sts.opt.endpoint_url, "http://keyword") == 0,
           "sts options: Region and StsEndpointUrl keywords win");
    rs_awscfg_free(&cfg);

    int chosen;
    unsetenv("AWS_PROFILE");
    unsetenv("AWS_DEFAULT_PROFILE");
    TAP_STR(rs_awscfg_profile_name(NULL, &chosen), "default", "profile: 'default' when nothing is set");
    tap_ok(chosen == 0, "profile: 'default' is not an explicit choice");
    setenv("AWS_DEFAULT_PROFILE", "dp", 1);
    TAP_STR(rs_awscfg_profile_name(NULL, &chosen), "dp", "profile: AWS_DEFAULT_PROFILE");
    setenv("AWS_PROFILE", "ap", 1);
    TAP_STR(rs_awscfg_profile_name(NULL, &chosen), "ap", "profile: AWS_PROFILE over AWS_DEFAULT_PROFILE");
    TAP_STR(rs_awscfg_profile_name("kw", &chosen), "kw", "profile: Profile keyword over AWS_PROFILE");
    tap_ok(chosen == 1, "profile: a named profile is an explicit choice");
    TAP_STR(rs_awscfg_profile_name("", &chosen), "ap", "profile: empty keyword counts as unset");
    unsetenv("AWS_PROFILE");
    unsetenv("AWS_DEFAULT_PROFILE");

    /* ~ expansion of AWS_CONFIG_FILE */
    tap_write("tilde-config", "[profile t]\nregion = x\n");
    setenv("AWS_CONFIG_FILE", "~/tilde-config", 1);
    tap_ok(rs_awscfg_load(&cfg, &err) == 0 && rs_awscfg_has_profile(&cfg, "t"), "config: ~/ in AWS_CONFIG_FILE");
    rs_awscfg_free(&cfg);
}

static void test_time(void)
{
    time_t t;
    tap_ok(rs_creds_parse_time("2026-11-25T12:00:00Z", &t) == 0 && t == 1795608000, "time: Z");
    tap_ok(rs_creds_parse_time("2026-11-25T12:00:00.123456Z", &t) == 0 && t == 1795608000, "time: fractions");
    tap_ok(rs_creds_parse_time("2026-11-25T14:00:00+02:00", &t) == 0 && t == 1795608000, "time: +02:00 offset");
    tap_ok(rs_creds_parse_time("2026-11-25T12:00:00UTC", &t) == 0 && t == 1795608000, "time: old UTC suffix");
    tap_ok(rs_creds_parse_time("2026-11-25 12:00:00", &t) == -1, "time: no zone is refused");
    tap_ok(rs_creds_parse_time("tomorrow", &t) == -1, "time: garbage is refused");
}

static void test_sso_path(void)
{
    char path[1200], want[1200], hex[64] = "";
    FILE *p = popen("printf %s 'https://my-sso-portal.awsapps.com/start' | sha1sum", "r");
    if (!p || !fgets(hex, sizeof hex, p))
        hex[0] = '\0';
    if (p)
        pclose(p);
    hex[40] = '\0';
    snprintf(want, sizeof want, "%s/.aws/sso/cache/%s.json", tap_dir, hex);
    tap_ok(rs_creds_sso_cache_path("https://my-sso-portal.awsapps.com/start", path, sizeof path) == 0,
           "sso: cache path computed");
    TAP_STR(path, want, "sso: cache file is ~/.aws/sso/cache/<sha1 hex>.json (checked with sha1sum)");
}

int main(void)
{
    tap_scratch();
    test_ini();
    test_config();
    test_time();
    test_sso_path();
    printf("1..%d\n", tap_count);
    tap_cleanup();
    return tap_failures ? 1 : 0;
}
