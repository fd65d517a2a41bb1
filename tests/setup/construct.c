/* construct.c - the setup library through unixODBC itself: an odbcinst.ini (in a temporary
 * ODBCSYSINI) registers the built rsodbcS.so as Setup, ODBCINSTConstructProperties loads it and
 * builds the list a configuration tool shows, ODBCINSTDestructProperties frees it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <odbcinstext.h>

#include "conn/keywords.h"
#include "../unit/tap.h"

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

int main(void)
{
    const char *top = getenv("top_builddir");
    char dir[] = "/tmp/rsodbc-construct-XXXXXX", ini[4096];
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 99;
    }
    snprintf(ini, sizeof ini, "%s/odbcinst.ini", dir);
    FILE *f = fopen(ini, "w");
    if (!f) {
        perror(ini);
        return 99;
    }
    fprintf(f, "[rsodbc]\nDescription = rsodbc under test\nDriver = %s/.libs/rsodbc.so\n"
               "Setup = %s/.libs/rsodbcS.so\nFileUsage = 1\n",
            top ? top : ".", top ? top : ".");
    fclose(f);
    setenv("ODBCSYSINI", dir, 1);
    setenv("ODBCINSTINI", "odbcinst.ini", 1);

    HODBCINSTPROPERTY first = NULL;
    char driver[] = "rsodbc";
    int rc = ODBCINSTConstructProperties(driver, &first);
    TAP_OK(rc == ODBCINST_SUCCESS && first, "ODBCINSTConstructProperties loads rsodbcS.so");
    if (rc == ODBCINST_SUCCESS && first) {
        int n = 0, once = 1;
        for (HODBCINSTPROPERTY p = first; p; p = p->pNext)
            n++;
        TAP_OK(n == RS_KW_COUNT, "%d properties: Name plus the table's keywords but DSN (%d)", n, RS_KW_COUNT);
        for (int i = 0; i < RS_KW_COUNT; i++) {
            const char *name = rs_keywords[i].name;
            int want = rs_keywords[i].id == RS_KW_DSN ? 0 : 1;
            if (count_named(first, name) != want) {
                printf("#   %s listed %d times\n", name, count_named(first, name));
                once = 0;
            }
        }
        TAP_OK(once, "each keyword once, Description and Driver (unixODBC's) not repeated");
        HODBCINSTPROPERTY ssl = find_named(first, "SSLMode");
        int choices = 0;
        for (char **c = ssl ? ssl->aPromptData : NULL; c && *c; c++)
            choices++;
        TAP_OK(ssl && ssl->nPromptType == ODBCINST_PROMPTTYPE_LISTBOX && choices == 6 &&
                   strcmp(ssl->szValue, "verify-ca") == 0 && strcmp(ssl->aPromptData[5], "verify-full") == 0,
               "SSLMode: six choices, verify-ca, after the library is unloaded");
        HODBCINSTPROPERTY pwd = find_named(first, "PWD");
        TAP_OK(pwd && pwd->nPromptType == ODBCINST_PROMPTTYPE_TEXTEDIT_PASSWORD && pwd->pszHelp &&
                   strncmp(pwd->pszHelp, rs_keywords[RS_KW_PWD].help, strlen(rs_keywords[RS_KW_PWD].help)) == 0,
               "PWD: a password field with the table's help");
        TAP_OK(ODBCINSTDestructProperties(&first) == ODBCINST_SUCCESS && first == NULL,
               "ODBCINSTDestructProperties frees the list");
    }

    char missing[] = "no-such-driver";
    HODBCINSTPROPERTY none = NULL;
    TAP_OK(ODBCINSTConstructProperties(missing, &none) == ODBCINST_ERROR && none == NULL,
           "an unregistered driver is an error (the test's odbcinst.ini is the one read)");
    unlink(ini);
    rmdir(dir);
    TAP_PLAN(tap_n);
    return TAP_DONE();
}
