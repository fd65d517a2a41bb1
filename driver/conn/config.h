/* config.h - one typed, validated view of a connection's keywords.
 *
 * Precedence: connection string (first occurrence wins, as ODBC says), then the DSN's section
 * of odbc.ini read through the driver manager, then the table's defaults. */
#ifndef RS_CONFIG_H
#define RS_CONFIG_H

#include <stddef.h>
#include "conn/keywords.h"

typedef enum rs_cfg_origin { RS_FROM_DEFAULT = 0, RS_FROM_DSN, RS_FROM_CONNSTR } rs_cfg_origin;

typedef struct rs_config {
    char *val[RS_KW_COUNT];              /* given value (malloc'd), NULL when not given */
    long num[RS_KW_COUNT];               /* parsed INT/BOOL value, default applied */
    unsigned char origin[RS_KW_COUNT];   /* rs_cfg_origin */
    char unknown[512];                   /* unknown keywords, comma separated, for the log */
    int dsn_missing;                     /* DSN given, not in odbc.ini (DRIVER named instead) */
} rs_config;

typedef struct rs_config_input {
    const char *connstr;   /* SQLDriverConnect's string (UTF-8), or NULL */
    size_t connstr_len;
    const char *dsn;       /* SQLConnect's ServerName, or NULL */
    const char *uid;       /* SQLConnect's UserName, or NULL */
    const char *pwd;       /* SQLConnect's Authentication, or NULL */
} rs_config_input;

/* Load and validate. Returns 0; or -1 with a user-facing reason in why and the SQLSTATE in
 * state ("HY024" bad value, "IM002" DSN not found, "HY001", "08001"). */
int rs_config_load(rs_config *cfg, const rs_config_input *in, char *state, char *why, size_t whylen);

void rs_config_free(rs_config *cfg);

/* The effective value: the given one, else the default, else NULL (STRING and ENUM). */
const char *rs_cfg_str(const rs_config *cfg, rs_kw_id id);
/* Given and not empty. */
int rs_cfg_has(const rs_config *cfg, rs_kw_id id);
/* INT and BOOL: parsed value or default (BOOL without default: -1). */
long rs_cfg_num(const rs_config *cfg, rs_kw_id id);

/* Set a value after loading (a prompt's answer, a discovered host); validates. */
int rs_config_set(rs_config *cfg, rs_kw_id id, const char *value, char *why, size_t whylen);

/* The complete connection string for SQLDriverConnect's output: DSN or DRIVER first, then
 * every given keyword. Includes the password, as ODBC requires; never log it. malloc'd. */
char *rs_config_to_connstr(const rs_config *cfg);

#endif
