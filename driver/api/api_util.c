/* api_util.c - string helpers shared by the entry points. */
#include <string.h>

#include "api/api.h"

rs_instr rs_in_a(const SQLCHAR *s, SQLLEN len)
{
    rs_instr r;
    r.s = rs_adup(s, len, &r.oom);
    return r;
}

rs_instr rs_in_w(const SQLWCHAR *s, SQLLEN len)
{
    rs_instr r;
    r.s = rs_wdup(s, len, &r.oom);
    return r;
}

int rs_in_a_cut(const SQLCHAR *s, SQLLEN len)
{
    if (!s || len <= 0)
        return 0;
    const SQLCHAR *nul = memchr(s, '\0', (size_t)len);
    for (const SQLCHAR *p = nul; p && p < s + len; p++)
        if (*p)
            return 1;
    return 0;
}

int rs_in_w_cut(const SQLWCHAR *s, SQLLEN len)
{
    SQLLEN i = 0;
    while (s && i < len && s[i])
        i++;
    for (; s && i < len; i++)
        if (s[i])
            return 1;
    return 0;
}

size_t rs_in_len(const rs_instr *in)
{
    return in->s ? strlen(in->s) : 0;
}

SQLRETURN rs_truncated(rs_diag *d)
{
    return rs_diag_add(d, "01004", 0, "String data, right truncated: the buffer is too small.");
}
