/* setup_props.c - rsodbcS.so as unixODBC's ODBCINSTConstructProperties uses it: dlopen, a list
 * head of Name/Description/Driver, ODBCINSTGetProperties on its last node, dlclose before the
 * list is read (so nothing may point into the library), then checks against the keyword table
 * and frees the way ODBCINSTDestructProperties does (node, pszHelp, aPromptData array only). */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <odbcinstext.h>

#include "conn/keywords.h"
#include "../unit/tap.h"

typedef int (*get_properties_fn)(HODBCINSTPROPERTY);

/* Properties unixODBC itself puts at the head of the list. */
static const char *const head_names[] = { "Name", "Description", "Driver" };

static HODBCINSTPROPERTY new_head_property(const char *name, int type)
{
    HODBCINSTPROPERTY p = malloc(sizeof *p);
    if (!p) {
        perror("malloc");
        exit(99);
    }
    memset(p, 0, sizeof *p);
    p->nPromptType = type;
    strncpy(p->szName, name, INI_MAX_PROPERTY_NAME);
    strncpy(p->szValue, "rsodbc", INI_MAX_PROPERTY_VALUE);
    return p;
}

/* Name, Description, Driver as ODBCINSTConstructProperties builds them; returns the head. */
static HODBCINSTPROPERTY unixodbc_head(HODBCINSTPROPERTY *last)
{
    HODBCINSTPROPERTY first = new_head_property("Name", ODBCINST_PROMPTTYPE_TEXTEDIT);
    first->pNext = new_head_property("Description", ODBCINST_PROMPTTYPE_TEXTEDIT);
    first->pNext->pNext = new_head_property("Driver", ODBCINST_PROMPTTYPE_LABEL);
    *last = first->pNext->pNext;
    return first;
}

static void destruct(HODBCINSTPROPERTY first)
{
    while (first) {
        HODBCINSTPROPERTY next = first->pNext;
        free(first->aPromptData);
        free(first->pszHelp);
        free(first);
        first = next;
    }
}

static int count_named(HODBCINSTPROPERTY first, const char *name)
{
    int n = 0;
    for (HODBCINSTPROPERTY p = first; p; p = p->pNext)
        n += strcmp(p->szName, name) == 0;
    return n;
}

static HODBCINSTPROPERTY find_named(HODBCINSTPROPERTY first, const char *name)
{
    for (HODBCINSTPROPERTY p = first; p; p = p->pNext)
        if (strcmp(p->szName, name) == 0)
            return p;
    return NULL;
}

/* aPromptData joined with '|' (an empty choice shows as an empty word). */
static void join_choices(char **data, char *out, size_t outlen)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; data && data[i]; i++)
        o += (size_t)snprintf(out + o, o < outlen ? outlen - o : 0, "%s%s", i ? "|" : "", data[i]);
}

static const char *type_name(int t)
{
    switch (t) {
    case ODBCINST_PROMPTTYPE_LABEL:
        return "LABEL";
    case ODBCINST_PROMPTTYPE_TEXTEDIT:
        return "TEXTEDIT";
    case ODBCINST_PROMPTTYPE_LISTBOX:
        return "LISTBOX";
    case ODBCINST_PROMPTTYPE_COMBOBOX:
        return "COMBOBOX";
    case ODBCINST_PROMPTTYPE_FILENAME:
        return "FILENAME";
    case ODBCINST_PROMPTTYPE_HIDDEN:
        return "HIDDEN";
    case ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD:
        return "TEXTEDIT_PASSWORD";
    }
    return "unknown";
}

static int deliberately_left_out(const rs_keyword *kw)
{
    return kw->id == RS_KW_DRIVER || kw->id == RS_KW_DSN || kw->id == RS_KW_DESCRIPTION;
}

/* The help starts with the table's text and names what a text field cannot show: a number's range
 * ("(1 to 65535)") and every alias the keyword is also read under. */
static int help_describes(const char *help, const rs_keyword *kw)
{
    if (!help || strncmp(help, kw->help, strlen(kw->help)) != 0)
        return 0;
    if (kw->type == RS_KT_INT) {
        char range[64];
        snprintf(range, sizeof range, "(%ld to %ld)", kw->min, kw->max);
        if (!strstr(help, range))
            return 0;
    }
    for (const char *a = kw->aliases; a && *a;) {
        const char *bar = strchr(a, '|');
        size_t n = bar ? (size_t)(bar - a) : strlen(a);
        char alias[64];
        snprintf(alias, sizeof alias, "%.*s", (int)n, a);
        if (!strstr(help, alias))
            return 0;
        a = bar ? bar + 1 : NULL;
    }
    return 1;
}

/* The table's view of one keyword's property, checked field by field. */
static void check_keyword(HODBCINSTPROPERTY first, const rs_keyword *kw)
{
    HODBCINSTPROPERTY p = find_named(first, kw->name);
    if (!p) {
        TAP_OK(0, "%s: has a property", kw->name);
        return;
    }
    int want_type = kw->secret                                         ? ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD
                    : (kw->type == RS_KT_BOOL || kw->type == RS_KT_ENUM) ? ODBCINST_PROMPTTYPE_LISTBOX
                    : kw->id == RS_KW_CAFILE                             ? ODBCINST_PROMPTTYPE_FILENAME
                                                                         : ODBCINST_PROMPTTYPE_TEXTEDIT;
    char want_choices[512] = "", got_choices[512];
    if (!kw->secret && kw->type == RS_KT_BOOL)
        snprintf(want_choices, sizeof want_choices, "%s0|1", kw->def ? "" : "|");
    else if (!kw->secret && kw->type == RS_KT_ENUM)
        snprintf(want_choices, sizeof want_choices, "%s%s", kw->def ? "" : "|", kw->choices);
    join_choices(p->aPromptData, got_choices, sizeof got_choices);

    int ok_type = p->nPromptType == want_type;
    int ok_choices = want_type == ODBCINST_PROMPTTYPE_LISTBOX ? p->aPromptData && strcmp(got_choices, want_choices) == 0
                                                              : p->aPromptData == NULL;
    int ok_value = strcmp(p->szValue, kw->def ? kw->def : "") == 0;
    int ok_help = help_describes(p->pszHelp, kw);
    TAP_OK(ok_type && ok_choices && ok_value && ok_help,
           "%s: %s, value \"%s\", choices \"%s\", help from the table with range and aliases",
           kw->name, type_name(want_type), kw->def ? kw->def : "", want_choices);
    if (!ok_type)
        printf("#   type %s, want %s\n", type_name(p->nPromptType), type_name(want_type));
    if (!ok_choices)
        printf("#   choices \"%s\"%s\n", got_choices, p->aPromptData ? "" : " (NULL)");
    if (!ok_value)
        printf("#   value \"%s\"\n", p->szValue);
    if (!ok_help)
        printf("#   help \"%s\"\n", p->pszHelp ? p->pszHelp : "(null)");
}

int main(void)
{
    const char *top = getenv("top_builddir");
    char path[4096];
    snprintf(path, sizeof path, "%s/.libs/rsodbcS.so", top ? top : ".");

    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    TAP_OK(lib != NULL, "dlopen %s%s%s", path, lib ? "" : ": ", lib ? "" : dlerror());
    if (!lib) {
        TAP_PLAN(tap_n);
        return 1;
    }
    get_properties_fn get = (get_properties_fn)(uintptr_t)dlsym(lib, "ODBCINSTGetProperties");
    TAP_OK(get != NULL, "ODBCINSTGetProperties is exported");
    TAP_OK(dlsym(lib, "rs_keywords") == NULL && dlsym(lib, "rs_keyword_find") == NULL &&
               dlsym(lib, "rs_parse_bool") == NULL,
           "the keyword table's symbols are not exported");
    if (!get) {
        dlclose(lib);
        TAP_PLAN(tap_n);
        return 1;
    }

    HODBCINSTPROPERTY last, first = unixodbc_head(&last);
    TAP_OK(get(last) == ODBCINST_SUCCESS, "ODBCINSTGetProperties on the Driver property succeeds");
    /* A second list, passed its head rather than its last node: appended after Driver all the same. */
    HODBCINSTPROPERTY last2, first2 = unixodbc_head(&last2);
    TAP_OK(get(first2) == ODBCINST_SUCCESS, "ODBCINSTGetProperties on the list head succeeds");
    TAP_OK(get(NULL) == ODBCINST_ERROR, "ODBCINSTGetProperties(NULL) is an error");
    /* unixODBC unloads the setup library right after the call. */
    TAP_OK(dlclose(lib) == 0, "dlclose");

    TAP_OK(first->pNext->pNext == last && strcmp(last->szName, "Driver") == 0 && last->pNext != NULL,
           "the head is kept and the keywords follow Driver");
    TAP_OK(first2->pNext->pNext == last2 && strcmp(last2->szName, "Driver") == 0 && last2->pNext != NULL,
           "passed the head, the keywords still follow Driver");
    for (size_t i = 0; i < sizeof head_names / sizeof *head_names; i++)
        TAP_OK(count_named(first, head_names[i]) == 1, "%s (added by unixODBC) is not repeated", head_names[i]);
    TAP_OK(count_named(first, "DSN") == 0, "DSN (the section name) is not a property");

    /* Every property after the head is a keyword of the table, under its canonical name, once. */
    int listed = 0, strangers = 0;
    for (HODBCINSTPROPERTY p = last->pNext; p; p = p->pNext) {
        const rs_keyword *kw = rs_keyword_find(p->szName);
        listed++;
        if (!kw || strcmp(kw->name, p->szName) != 0 || deliberately_left_out(kw)) {
            strangers++;
            printf("#   unexpected property \"%s\"\n", p->szName);
        }
    }
    TAP_OK(strangers == 0, "every property is a keyword of the table by its canonical name");
    int expected = 0;
    for (int i = 0; i < RS_KW_COUNT; i++)
        expected += !deliberately_left_out(&rs_keywords[i]);
    TAP_OK(listed == expected, "%d properties after the head, one per keyword (%d)", listed, expected);

    for (int i = 0; i < RS_KW_COUNT; i++) {
        const rs_keyword *kw = &rs_keywords[i];
        if (deliberately_left_out(kw))
            continue;
        int n = count_named(first, kw->name);
        TAP_OK(n == 1, "%s is listed once (%d)", kw->name, n);
        check_keyword(first, kw);
    }

    /* What the task fixes regardless of the table's generic mapping. */
    HODBCINSTPROPERTY ssl = find_named(first, "SSLMode");
    char got[512] = "";
    if (ssl)
        join_choices(ssl->aPromptData, got, sizeof got);
    TAP_STR(ssl ? got : NULL, "disable|allow|prefer|require|verify-ca|verify-full", "SSLMode choices");
    TAP_STR(ssl ? ssl->szValue : NULL, "verify-ca", "SSLMode default");
    TAP_OK(ssl && ssl->nPromptType == ODBCINST_PROMPTTYPE_LISTBOX, "SSLMode is a list box");
    HODBCINSTPROPERTY auth = find_named(first, "AuthType");
    got[0] = '\0';
    if (auth)
        join_choices(auth->aPromptData, got, sizeof got);
    TAP_STR(auth ? got : NULL, "Standard|AWS Profile|AWS IAM Credentials", "AuthType choices");
    static const char *const secrets[] = { "PWD", "SecretAccessKey", "SessionToken" };
    for (size_t i = 0; i < sizeof secrets / sizeof *secrets; i++) {
        HODBCINSTPROPERTY s = find_named(first, secrets[i]);
        TAP_OK(s && s->nPromptType == ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD && s->szValue[0] == '\0',
               "%s is an empty password field", secrets[i]);
    }
    HODBCINSTPROPERTY ka = find_named(first, "KeepAlive");
    got[0] = '\0';
    if (ka)
        join_choices(ka->aPromptData, got, sizeof got);
    TAP_OK(ka && strcmp(got, "0|1") == 0 && strcmp(ka->szValue, "1") == 0, "KeepAlive: list box 0/1, value 1");
    HODBCINSTPROPERTY sv = find_named(first, "Serverless");
    got[0] = '\0';
    if (sv)
        join_choices(sv->aPromptData, got, sizeof got);
    TAP_OK(sv && strcmp(got, "|0|1") == 0 && sv->szValue[0] == '\0',
           "Serverless (no default): list box with an empty choice first, value empty");

    destruct(first);
    destruct(first2);
    TAP_PLAN(tap_n);
    return TAP_DONE();
}
