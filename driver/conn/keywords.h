/* keywords.h - the connection keywords (see keywords.def, the single table). */
#ifndef RS_KEYWORDS_H
#define RS_KEYWORDS_H

typedef enum rs_kw_type { RS_KT_STRING, RS_KT_INT, RS_KT_BOOL, RS_KT_ENUM } rs_kw_type;

typedef enum rs_kw_id {
#define RS_KW(id, name, aliases, type, def, choices, min, max, secret, help) RS_KW_##id,
#include "conn/keywords.def"
#undef RS_KW
    RS_KW_COUNT
} rs_kw_id;

typedef struct rs_keyword {
    rs_kw_id id;
    const char *name;
    const char *aliases;   /* '|'-separated, or NULL */
    rs_kw_type type;
    const char *def;       /* default in text form, or NULL */
    const char *choices;   /* '|'-separated allowed values for ENUM, or NULL */
    long min, max;         /* range for INT */
    int secret;
    const char *help;
} rs_keyword;

extern const rs_keyword rs_keywords[RS_KW_COUNT];

/* The keyword a name or alias designates (case-insensitive), or NULL. */
const rs_keyword *rs_keyword_find(const char *name);

/* Parse a boolean the way the table accepts them: 1 true, 0 false, -1 not a boolean. */
int rs_parse_bool(const char *v);

/* Check a value against its keyword. On failure writes a user-facing reason that names the
 * keyword and what is allowed into why, and returns -1. Parsed INT/BOOL value in *num. */
int rs_keyword_validate(const rs_keyword *kw, const char *value, long *num, char *why, size_t whylen);

#endif
