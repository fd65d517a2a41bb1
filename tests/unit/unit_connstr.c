/* unit_connstr.c - the connection-string parser and builder. */
#include <stdlib.h>
#include <string.h>

#include "conn/connstr.h"
#include "tap.h"

static int parse(const char *text, rs_connstr *cs, char *why)
{
    return rs_connstr_parse(text, strlen(text), cs, why, 256);
}

int main(void)
{
    rs_connstr cs;
    char why[256];
    TAP_PLAN(33);

    TAP_OK(parse("DSN=a;UID=bob;PWD=secret", &cs, why) == 0 && cs.count == 3, "three pairs");
    TAP_STR(cs.pairs[0].key, "DSN", "first key");
    TAP_STR(cs.pairs[2].value, "secret", "third value");
    rs_connstr_free(&cs);

    TAP_OK(parse("  Server = host.example ; Port=5439 ;", &cs, why) == 0 && cs.count == 2, "spaces and a trailing ';'");
    TAP_STR(cs.pairs[0].key, "Server", "key trimmed");
    TAP_STR(cs.pairs[0].value, "host.example", "unbraced value trimmed");
    rs_connstr_free(&cs);

    TAP_OK(parse("PWD={a;b=c}};d};UID=x", &cs, why) == 0 && cs.count == 2, "braced value with ';', '=' and '}}'");
    TAP_STR(cs.pairs[0].value, "a;b=c};d", "braces removed, '}}' is '}'");
    TAP_STR(cs.pairs[1].value, "x", "the pair after a braced value");
    rs_connstr_free(&cs);

    TAP_OK(parse("PWD={ spaced }", &cs, why) == 0, "braced value keeps spaces");
    TAP_STR(cs.pairs[0].value, " spaced ", "spaces inside braces kept");
    rs_connstr_free(&cs);

    TAP_OK(parse("PWD={}", &cs, why) == 0 && cs.count == 1, "empty braced value");
    TAP_STR(cs.pairs[0].value, "", "empty value");
    rs_connstr_free(&cs);

    TAP_OK(parse("", &cs, why) == 0 && cs.count == 0, "empty string: no pairs");
    TAP_OK(parse(";;;", &cs, why) == 0 && cs.count == 0, "only separators: no pairs");

    TAP_OK(parse("DSN=a;PWD={never closed", &cs, why) < 0, "unterminated brace refused");
    TAP_OK(strstr(why, "PWD") && strstr(why, "'}'"), "reason names the keyword and the brace: %s", why);
    TAP_OK(!strstr(why, "never closed"), "reason does not echo the (secret) value");

    TAP_OK(parse("DSN=a;junk;UID=b", &cs, why) < 0, "a segment without '=' refused");
    TAP_OK(strstr(why, "after the value of DSN") && strstr(why, "byte 7") && !strstr(why, "junk"),
           "reason says where the segment is, without quoting it: %s", why);
    TAP_OK(parse("UID=u;PWD=ab;cd", &cs, why) < 0 && !strstr(why, "cd") && strstr(why, "braced"),
           "the tail of an unbraced password with ';' is not echoed: %s", why);
    TAP_OK(parse("=value", &cs, why) < 0, "a value without a keyword refused");
    TAP_OK(parse("PWD={x}y", &cs, why) < 0, "text after a closing brace refused");

    TAP_OK(parse("Key=a=b", &cs, why) == 0, "'=' inside an unbraced value");
    TAP_STR(cs.pairs[0].value, "a=b", "value keeps its '='");
    rs_connstr_free(&cs);

    /* limits */
    char *big = malloc(70000);
    memset(big, 'a', 69999);
    big[0] = 'K'; big[1] = '=';
    big[69999] = '\0';
    TAP_OK(parse(big, &cs, why) < 0 && strstr(why, "longer"), "a huge string is refused: %s", why);
    free(big);
    char many[8192] = "";
    for (int i = 0; i < 300; i++)
        snprintf(many + strlen(many), sizeof many - strlen(many), "k%d=v;", i);
    TAP_OK(parse(many, &cs, why) < 0 && strstr(why, "more than"), "too many keywords refused: %s", why);

    /* embedded NUL: the length given is honoured, the NUL ends nothing early */
    const char withnul[] = "A=1\0;B=2";
    TAP_OK(rs_connstr_parse(withnul, sizeof withnul - 1, &cs, why, sizeof why) == 0, "embedded NUL parsed by length");
    TAP_OK(cs.count == 2, "both pairs seen around the NUL");
    rs_connstr_free(&cs);

    /* building: values that need braces get them, and parse back the same */
    char *buf = NULL;
    size_t len = 0, cap = 0;
    rs_connstr_append(&buf, &len, &cap, "PWD", "p;w}d");
    rs_connstr_append(&buf, &len, &cap, "UID", "plain");
    rs_connstr_append(&buf, &len, &cap, "X", " lead");
    TAP_STR(buf, "PWD={p;w}}d};UID=plain;X={ lead};", "built string braces what needs it");
    TAP_OK(parse(buf, &cs, why) == 0 && cs.count == 3, "built string parses");
    TAP_STR(cs.pairs[0].value, "p;w}d", "round trip of a value with ';' and '}'");
    TAP_STR(cs.pairs[2].value, " lead", "round trip of a leading space");
    rs_connstr_free(&cs);
    free(buf);
    return TAP_DONE();
}
