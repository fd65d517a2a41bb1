/* setup.c - rsodbcS, the unixODBC setup library: the DSN properties a configuration tool shows,
 * built from the keyword table (driver/conn/keywords.def) so they cannot drift from the driver.
 *
 * unixODBC's ODBCINSTConstructProperties creates Name, Description and Driver itself, passes the
 * last of them here, then dlcloses this library; ODBCINSTDestructProperties later frees each
 * property, its pszHelp and its aPromptData array (not the strings it points to). So nothing
 * handed back may point into this library: help is strdup'ed, and each choice list is ONE block
 * holding both the NULL-terminated pointer array and the strings it points to. */
#include <stdlib.h>
#include <string.h>

#include <odbcinstext.h>

#include "conn/keywords.h"

/* What unixODBC fills in itself (Name, Description, Driver) or what names the section (DSN). */
static int left_out(const rs_keyword *kw)
{
    return kw->id == RS_KW_DRIVER || kw->id == RS_KW_DSN || kw->id == RS_KW_DESCRIPTION;
}

/* The '|'-separated choices a list box offers, or NULL for a text field. */
static const char *choices_of(const rs_keyword *kw)
{
    if (kw->type == RS_KT_BOOL)
        return "0|1";
    if (kw->type == RS_KT_ENUM)
        return kw->choices;
    return NULL;
}

/* "a|b|c" as one malloc'ed block: char *[4] {a, b, c, NULL} followed by "a\0b\0c\0".
 * leading_empty puts "" first: for a keyword without a default, empty means "not set" and the
 * driver decides (Serverless: from the host name), which neither 0 nor 1 could express. */
static char **prompt_data(const char *list, int leading_empty)
{
    size_t len = strlen(list) + (leading_empty ? 1 : 0);
    size_t n = 1;
    for (const char *p = list; *p; p++)
        n += *p == '|';
    if (leading_empty)
        n++;
    char **arr = malloc((n + 1) * sizeof *arr + len + 1);
    if (!arr)
        return NULL;
    char *text = (char *)(arr + n + 1);
    if (leading_empty)
        text[0] = '|';
    memcpy(text + (leading_empty ? 1 : 0), list, strlen(list) + 1);
    size_t i = 0;
    arr[i++] = text;
    for (char *p = text; *p; p++) {
        if (*p == '|') {
            *p = '\0';
            arr[i++] = p + 1;
        }
    }
    arr[i] = NULL;
    return arr;
}

/* The table's help, plus what a text field cannot show: the range of a number and the other
 * names the keyword is read under (Amazon's driver's, psqlODBC's). Malloc'ed. */
static char *help_of(const rs_keyword *kw)
{
    char range[64] = "", aliases[256] = "";
    if (kw->type == RS_KT_INT)
        snprintf(range, sizeof range, " (%ld to %ld)", kw->min, kw->max);
    if (kw->aliases) {
        snprintf(aliases, sizeof aliases, " Also read as %s.", kw->aliases);
        for (char *p = aliases; *p; p++)
            if (*p == '|')
                *p = '/';
    }
    size_t len = strlen(kw->help) + strlen(range) + strlen(aliases) + 2;
    char *help = malloc(len);
    if (help)
        snprintf(help, len, "%s%s.%s", kw->help, range, aliases);
    return help;
}

static void free_property(HODBCINSTPROPERTY prop)
{
    free(prop->aPromptData);
    free(prop->pszHelp);
    free(prop);
}

static HODBCINSTPROPERTY property_of(const rs_keyword *kw)
{
    HODBCINSTPROPERTY prop = calloc(1, sizeof *prop);
    if (!prop)
        return NULL;
    /* Names, defaults and choices are short literals of the table, far below INI_MAX_*. */
    strncpy(prop->szName, kw->name, INI_MAX_PROPERTY_NAME);
    strncpy(prop->szValue, kw->def ? kw->def : "", INI_MAX_PROPERTY_VALUE);
    prop->pszHelp = help_of(kw);
    if (!prop->pszHelp) {
        free_property(prop);
        return NULL;
    }
    const char *choices = choices_of(kw);
    if (kw->secret) {
        prop->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD;
    } else if (choices) {
        prop->nPromptType = ODBCINST_PROMPTTYPE_LISTBOX;
        prop->aPromptData = prompt_data(choices, kw->def == NULL);
        if (!prop->aPromptData) {
            free_property(prop);
            return NULL;
        }
    } else if (kw->id == RS_KW_CAFILE) {
        /* a file chooser in the GUI editors (CaPath and LogPath are directories: text) */
        prop->nPromptType = ODBCINST_PROMPTTYPE_FILENAME;
    } else {
        prop->nPromptType = ODBCINST_PROMPTTYPE_TEXTEDIT;
    }
    return prop;
}

#pragma GCC visibility push(default)
/* Appends one property per keyword after the last property of the list. On allocation failure
 * what was appended stays linked (ODBCINSTDestructProperties frees it) and ODBCINST_ERROR is
 * returned. */
int INSTAPI ODBCINSTGetProperties(HODBCINSTPROPERTY hLastProperty)
{
    if (!hLastProperty)
        return ODBCINST_ERROR;
    HODBCINSTPROPERTY last = hLastProperty;
    while (last->pNext)
        last = last->pNext;
    for (int i = 0; i < RS_KW_COUNT; i++) {
        if (left_out(&rs_keywords[i]))
            continue;
        HODBCINSTPROPERTY prop = property_of(&rs_keywords[i]);
        if (!prop)
            return ODBCINST_ERROR;
        last->pNext = prop;
        last = prop;
    }
    return ODBCINST_SUCCESS;
}
#pragma GCC visibility pop
