/* config.c - merge connection string, DSN and defaults into one validated rs_config. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <odbcinst.h>

#include "conn/config.h"
#include "conn/connstr.h"
#include "util/text.h"

#define DSN_VALUE_MAX 4096

static void note_unknown(rs_config *cfg, const char *key)
{
    size_t used = strlen(cfg->unknown);
    if (used + strlen(key) + 3 < sizeof cfg->unknown)
        snprintf(cfg->unknown + used, sizeof cfg->unknown - used, "%s%s", used ? ", " : "", key);
}

/* Store a value unless one of higher precedence is there already. */
static int store(rs_config *cfg, const rs_keyword *kw, const char *value, rs_cfg_origin origin)
{
    if (cfg->val[kw->id] && cfg->origin[kw->id] >= origin)
        return 0;
    char *copy = strdup(value);
    if (!copy)
        return -1;
    rs_free_secret(cfg->val[kw->id]);
    cfg->val[kw->id] = copy;
    cfg->origin[kw->id] = (unsigned char)origin;
    return 0;
}

/* Read every key of the DSN's odbc.ini section through the driver manager, which
 * honours ODBCINI, ODBCSYSINI, ~/.odbc.ini and /etc/odbc.ini. */
static int load_dsn(rs_config *cfg, const char *dsn, int *found)
{
    char *keys = malloc(DSN_VALUE_MAX * 4);
    char *value = malloc(DSN_VALUE_MAX);
    int rc = -1;
    *found = 0;
    if (!keys || !value)
        goto out;
    int n = SQLGetPrivateProfileString(dsn, NULL, "", keys, DSN_VALUE_MAX * 4, "odbc.ini");
    rc = 0;
    for (char *k = keys; n > 0 && k < keys + n && *k; k += strlen(k) + 1) {
        *found = 1;
        const rs_keyword *kw = rs_keyword_find(k);
        if (!kw) {
            note_unknown(cfg, k);
            continue;
        }
        if (kw->id == RS_KW_DRIVER || kw->id == RS_KW_DSN)
            continue;
        value[0] = '\0';
        SQLGetPrivateProfileString(dsn, k, "", value, DSN_VALUE_MAX, "odbc.ini");
        if (store(cfg, kw, value, RS_FROM_DSN) < 0) {
            rc = -1;
            break;
        }
    }
out:
    if (value)
        explicit_bzero(value, DSN_VALUE_MAX);
    free(keys);
    free(value);
    return rc;
}

static int validate_all(rs_config *cfg, char *why, size_t whylen)
{
    for (int i = 0; i < RS_KW_COUNT; i++) {
        const rs_keyword *kw = &rs_keywords[i];
        const char *v = cfg->val[i];
        if (!v || !*v)
            v = kw->def;
        cfg->num[i] = (kw->type == RS_KT_BOOL && !v) ? -1 : 0;
        if (!v)
            continue;
        if (rs_keyword_validate(kw, v, &cfg->num[i], why, whylen) < 0)
            return -1;
    }
    return 0;
}

int rs_config_load(rs_config *cfg, const rs_config_input *in, char *state, char *why, size_t whylen)
{
    memset(cfg, 0, sizeof *cfg);
    strcpy(state, "HY001");
    if (in->connstr) {
        rs_connstr cs;
        if (rs_connstr_parse(in->connstr, in->connstr_len, &cs, why, whylen) < 0) {
            strcpy(state, "08001");
            return -1;
        }
        for (size_t i = 0; i < cs.count; i++) {
            const rs_keyword *kw = rs_keyword_find(cs.pairs[i].key);
            if (!kw) {
                note_unknown(cfg, cs.pairs[i].key);
                continue;
            }
            if (store(cfg, kw, cs.pairs[i].value, RS_FROM_CONNSTR) < 0) {
                rs_connstr_free(&cs);
                snprintf(why, whylen, "Out of memory.");
                return -1;
            }
        }
        rs_connstr_free(&cs);
    }
    const rs_keyword *kw_dsn = &rs_keywords[RS_KW_DSN];
    if (in->dsn && store(cfg, kw_dsn, in->dsn, RS_FROM_CONNSTR) < 0)
        goto oom;
    if (in->uid && *in->uid && store(cfg, &rs_keywords[RS_KW_UID], in->uid, RS_FROM_CONNSTR) < 0)
        goto oom;
    if (in->pwd && *in->pwd && store(cfg, &rs_keywords[RS_KW_PWD], in->pwd, RS_FROM_CONNSTR) < 0)
        goto oom;

    const char *dsn = cfg->val[RS_KW_DSN];
    if (dsn && *dsn) {
        int found;
        if (load_dsn(cfg, dsn, &found) < 0)
            goto oom;
        cfg->dsn_missing = !found;
        if (!found && !rs_cfg_has(cfg, RS_KW_DRIVER)) {
            strcpy(state, "IM002");
            snprintf(why, whylen, "Data source name \"%.128s\" not found in odbc.ini "
                     "(looked in $ODBCINI, ~/.odbc.ini and $ODBCSYSINI/odbc.ini or /etc/odbc.ini).", dsn);
            rs_config_free(cfg);
            return -1;
        }
    }
    if (validate_all(cfg, why, whylen) < 0) {
        strcpy(state, "HY024");
        rs_config_free(cfg);
        return -1;
    }
    return 0;
oom:
    snprintf(why, whylen, "Out of memory.");
    rs_config_free(cfg);
    return -1;
}

void rs_config_free(rs_config *cfg)
{
    for (int i = 0; i < RS_KW_COUNT; i++) {
        rs_free_secret(cfg->val[i]);
        cfg->val[i] = NULL;
    }
}

const char *rs_cfg_str(const rs_config *cfg, rs_kw_id id)
{
    const char *v = cfg->val[id];
    return (v && *v) ? v : rs_keywords[id].def;
}

int rs_cfg_has(const rs_config *cfg, rs_kw_id id)
{
    return cfg->val[id] && *cfg->val[id];
}

long rs_cfg_num(const rs_config *cfg, rs_kw_id id)
{
    return cfg->num[id];
}

int rs_config_set(rs_config *cfg, rs_kw_id id, const char *value, char *why, size_t whylen)
{
    long num = 0;
    if (rs_keyword_validate(&rs_keywords[id], value, &num, why, whylen) < 0)
        return -1;
    char *copy = strdup(value);
    if (!copy) {
        snprintf(why, whylen, "Out of memory.");
        return -1;
    }
    rs_free_secret(cfg->val[id]);
    cfg->val[id] = copy;
    cfg->num[id] = num;
    cfg->origin[id] = RS_FROM_CONNSTR;
    return 0;
}

char *rs_config_to_connstr(const rs_config *cfg)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    /* A DSN missing from odbc.ini connected through the DRIVER named beside it: DRIVER comes
     * first, so the driver manager uses it again (ODBC: the first of the two wins) */
    int first = rs_cfg_has(cfg, RS_KW_DSN) && !cfg->dsn_missing ? RS_KW_DSN : RS_KW_DRIVER;
    int second = first == RS_KW_DRIVER && rs_cfg_has(cfg, RS_KW_DSN) ? RS_KW_DSN : -1;
    if (rs_cfg_has(cfg, first) && rs_connstr_append(&buf, &len, &cap, rs_keywords[first].name, cfg->val[first]))
        goto oom;
    if (second >= 0 && rs_connstr_append(&buf, &len, &cap, rs_keywords[second].name, cfg->val[second]))
        goto oom;
    for (int i = 0; i < RS_KW_COUNT; i++) {
        if (i == RS_KW_DSN || i == RS_KW_DRIVER || !cfg->val[i])
            continue;
        /* keywords that came from the DSN stay in the DSN, except those a prompt added */
        if (cfg->origin[i] == RS_FROM_DSN && rs_cfg_has(cfg, RS_KW_DSN))
            continue;
        if (rs_connstr_append(&buf, &len, &cap, rs_keywords[i].name, cfg->val[i]))
            goto oom;
    }
    if (!buf)
        buf = strdup("");
    return buf;
oom:
    free(buf);
    return NULL;
}
