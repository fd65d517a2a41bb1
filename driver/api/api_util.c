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

size_t rs_in_len(const rs_instr *in)
{
    return in->s ? strlen(in->s) : 0;
}

SQLRETURN rs_truncated(rs_diag *d)
{
    return rs_diag_add(d, "01004", 0, "String data, right truncated: the buffer is too small.");
}
