/* ini.h - the AWS shared config/credentials file format, parsed into memory.
 *
 * Sections are `[name]`; properties `key = value` (keys lower-cased, values trimmed);
 * comments are lines starting with `#` or `;`. An indented `sub = v` line after a
 * `key =` with an empty value is stored as the property "key.sub" (the `services`
 * sub-sections); an indented line after a non-empty value continues it. Lines
 * without `=`, properties outside a section and over-long lines are skipped.
 * Duplicate sections merge; a later duplicate key wins. Everything is bounded. */
#ifndef RS_CREDS_INI_H
#define RS_CREDS_INI_H

#include <stddef.h>

#define RS_INI_MAX_FILE    (1024 * 1024)
#define RS_INI_MAX_LINE    8192
#define RS_INI_MAX_SECTIONS 1024
#define RS_INI_MAX_PROPS   512

typedef struct rs_ini_prop {
    char *key;
    char *value;
} rs_ini_prop;

typedef struct rs_ini_section {
    char *name;               /* as written between the brackets, trimmed */
    rs_ini_prop *props;
    size_t n_props;
} rs_ini_section;

typedef struct rs_ini {
    rs_ini_section *sections;
    size_t n_sections;
    size_t n_skipped;         /* lines ignored (no '=', too long, outside a section) */
} rs_ini;

/* Parse a buffer. inline_comments: strip " #..." / " ;..." after values (config file).
 * Returns 0, or -1 when out of memory. */
int rs_ini_parse(const char *buf, size_t len, int inline_comments, rs_ini *out);

/* Load and parse a file. Returns 0 (also when the file does not exist: empty ini,
 * *missing = 1), or -1 with errno set (unreadable, too large, out of memory). */
int rs_ini_load(const char *path, int inline_comments, rs_ini *out, int *missing);

const rs_ini_section *rs_ini_find(const rs_ini *ini, const char *name);
const char *rs_ini_get(const rs_ini_section *sec, const char *key);

/* Free and wipe (values may be secrets). */
void rs_ini_free(rs_ini *ini);

#endif
