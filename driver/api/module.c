/* module.c - placeholder export until the API lands. */
#include <sql.h>
__attribute__((visibility("default"))) SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT t, SQLHANDLE in, SQLHANDLE *out);
SQLRETURN SQL_API SQLAllocHandle(SQLSMALLINT t, SQLHANDLE in, SQLHANDLE *out) { (void)t; (void)in; (void)out; return SQL_ERROR; }
