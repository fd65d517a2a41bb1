/* keywords_md.c - rs-keywords-md: prints docs/keywords.md, the keyword reference, from the keyword
 * table. Built and run by make; tests/setup/keywords_doc.sh checks the committed copy equals
 * this output, so the reference cannot drift from the driver. */
#include <stdio.h>
#include <string.h>

#include "conn/keywords.h"

/* Table cell text: '|' would end the cell, so it is escaped; newlines never occur in the table. */
static void cell(const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", stdout);
        else
            putchar(*s);
    }
}

/* "a|b|c" as "`a`, `b`, `c`". */
static void code_list(const char *list)
{
    const char *p = list;
    while (p) {
        const char *bar = strchr(p, '|');
        int len = bar ? (int)(bar - p) : (int)strlen(p);
        printf("%s`%.*s`", p == list ? "" : ", ", len, p);
        p = bar ? bar + 1 : NULL;
    }
}

static const char *type_name(rs_kw_type t)
{
    switch (t) {
    case RS_KT_STRING:
        return "string";
    case RS_KT_INT:
        return "integer";
    case RS_KT_BOOL:
        return "boolean";
    case RS_KT_ENUM:
        return "choice";
    }
    return "?";
}

static void allowed(const rs_keyword *kw)
{
    switch (kw->type) {
    case RS_KT_STRING:
        fputs("text", stdout);
        break;
    case RS_KT_INT:
        printf("%ld to %ld", kw->min, kw->max);
        break;
    case RS_KT_BOOL:
        fputs("`1`, `0` (or true/false, yes/no, on/off)", stdout);
        break;
    case RS_KT_ENUM:
        code_list(kw->choices);
        break;
    }
}

static void row(const rs_keyword *kw)
{
    printf("| `%s` | ", kw->name);
    if (kw->aliases)
        code_list(kw->aliases);
    printf(" | %s | ", type_name(kw->type));
    if (kw->def)
        printf("`%s`", kw->def);
    fputs(" | ", stdout);
    allowed(kw);
    printf(" | %s | ", kw->secret ? "yes" : "no");
    cell(kw->help);
    fputs(" |\n", stdout);
}

int main(void)
{
    fputs("<!-- Generated from driver/conn/keywords.def by setup/rs-keywords-md; do not edit.\n"
          "     After changing the table, run `make update-keywords-doc` in a build directory. -->\n"
          "# Connection keywords\n"
          "\n"
          "rsodbc reads these keywords from the connection string (`Key=value;...`) and from the\n"
          "data source's section in odbc.ini; a keyword in the connection string wins over the DSN.\n"
          "Names and aliases match case-insensitively; an empty value means the default.\n"
          "Secret values never appear in the log or in error messages.\n"
          "\n"
          "| Keyword | Aliases | Type | Default | Allowed values | Secret | Description |\n"
          "|---|---|---|---|---|---|---|\n",
          stdout);
    for (int i = 0; i < RS_KW_COUNT; i++)
        row(&rs_keywords[i]);
    fputs("\n"
          "IAM is used when `IAM=1` or `AuthType` is not `Standard`. See odbc.ini.sample for one\n"
          "data source per way of finding AWS credentials.\n",
          stdout);
    return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
