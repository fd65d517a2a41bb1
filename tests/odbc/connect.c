/* connect.c - connecting through unixODBC: DSNs, DSN-less strings, TLS, the W forms, login
 * failures and their SQLSTATEs, timeouts, connection-string syntax, completions. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "odbctest.h"

static SQLHENV env;

/* ---- small helpers ---- */

static SQLHDBC new_dbc(void)
{
    SQLHDBC dbc;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc)))
        t_bail("SQLAllocHandle(DBC)");
    return dbc;
}

static SQLRETURN driver_connect(SQLHDBC dbc, const char *cs, SQLUSMALLINT completion)
{
    return SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, NULL, 0, NULL, completion);
}

/* All diagnostic text of a handle, concatenated, for "must not contain" checks. */
static void all_messages(SQLSMALLINT type, SQLHANDLE h, char *out, size_t outlen)
{
    size_t o = 0;
    out[0] = '\0';
    for (SQLSMALLINT i = 1; i <= 20; i++) {
        char state[6], msg[4096];
        SQLRETURN rc = t_diag_rec(type, h, i, state, NULL, msg, sizeof msg);
        if (!SQL_SUCCEEDED(rc))
            break;
        int n = snprintf(out + o, outlen - o, "%s %s\n", state, msg);
        if (n < 0 || (size_t)n >= outlen - o)
            break;
        o += (size_t)n;
    }
}

/* A TCP port on 127.0.0.1 that nothing listens on (bound, read, released). */
static int free_port(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 ||
        getsockname(fd, (struct sockaddr *)&a, &len) < 0)
        t_bail("cannot find a free port");
    close(fd);
    return ntohs(a.sin_port);
}

/* A server that accepts TCP connections and never says anything. */
typedef struct silent_server {
    int fd;
    int port;
    int clients[8];
    int nclients;
    pthread_t thread;
} silent_server;

static void *silent_accept(void *arg)
{
    silent_server *s = arg;
    for (;;) {
        int c = accept(s->fd, NULL, NULL);
        if (c < 0)
            return NULL;
        if (s->nclients < 8)
            s->clients[s->nclients++] = c;   /* held open, never answered */
        else
            close(c);
    }
}

static void silent_start(silent_server *s)
{
    memset(s, 0, sizeof *s);
    s->fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    if (s->fd < 0 || bind(s->fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(s->fd, 8) < 0 ||
        getsockname(s->fd, (struct sockaddr *)&a, &len) < 0)
        t_bail("cannot start the silent listener");
    s->port = ntohs(a.sin_port);
    if (pthread_create(&s->thread, NULL, silent_accept, s) != 0)
        t_bail("pthread_create");
}

static void silent_stop(silent_server *s)
{
    shutdown(s->fd, SHUT_RDWR);
    close(s->fd);
    pthread_join(s->thread, NULL);
    for (int i = 0; i < s->nclients; i++)
        close(s->clients[i]);
}

/* Connected as `user` over TLS: the server says so. */
static void check_session(SQLHDBC dbc, const char *user, const char *what)
{
    char v[256];
    SQLRETURN rc = t_query_str(dbc, "SELECT current_user", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", user, "%s: current_user", what);
    rc = t_query_str(dbc, "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()", v, sizeof v);
    t_is_str(SQL_SUCCEEDED(rc) ? v : "(failed)", "true", "%s: the session uses TLS", what);
}

/* ---- the tests ---- */

static void test_dsn(void)
{
    SQLHDBC dbc = new_dbc();
    SQLRETURN rc = SQLConnect(dbc, (SQLCHAR *)"rs_md5", SQL_NTS, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnect DSN rs_md5");
    check_session(dbc, "rs_md5", "DSN rs_md5");
    char name[64];
    SQLSMALLINT len = -1;
    rc = SQLGetInfo(dbc, SQL_DATA_SOURCE_NAME, name, sizeof name, &len);
    t_is_str(name, "rs_md5", "SQL_DATA_SOURCE_NAME is the DSN");
    t_is_int(len, 6, "SQL_DATA_SOURCE_NAME length");
    T_DBC_RC(dbc, SQLDisconnect(dbc), SQL_SUCCESS, "SQLDisconnect");

    /* SQLConnect's UserName/Authentication complete a DSN without a password */
    rc = SQLConnect(dbc, (SQLCHAR *)"rs_nopwd", SQL_NTS, (SQLCHAR *)"rs_md5", SQL_NTS,
                    (SQLCHAR *)"md5-secret-1", SQL_NTS);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnect rs_nopwd with UID and PWD arguments");
    check_session(dbc, "rs_md5", "rs_nopwd + arguments");
    SQLDisconnect(dbc);

    /* SCRAM-SHA-256 */
    rc = SQLConnect(dbc, (SQLCHAR *)"rs_scram", SQL_NTS, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnect DSN rs_scram (SCRAM)");
    check_session(dbc, "rs_scram", "DSN rs_scram");
    SQLDisconnect(dbc);

    /* lengths instead of SQL_NTS */
    rc = SQLConnect(dbc, (SQLCHAR *)"rs_md5XXXX", 6, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnect with an explicit DSN length");
    SQLDisconnect(dbc);

    rc = SQLConnect(dbc, (SQLCHAR *)"no_such_dsn", SQL_NTS, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_ERROR, "SQLConnect to an unknown DSN fails");
    t_state(SQL_HANDLE_DBC, dbc, "IM002", "unknown DSN: IM002");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_dsnless(void)
{
    const char *hosts[] = { "127.0.0.1", "localhost" };
    for (int i = 0; i < 2; i++) {
        SQLHDBC dbc = new_dbc();
        char cs[2048];
        snprintf(cs, sizeof cs, "Driver=rsodbc;Server=%s;Port=%s;Database=rstest;UID=rs_md5;"
                 "PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s", hosts[i], t_env("RS_PG_PORT"),
                 t_env("RS_CA_FILE"));
        SQLCHAR out[2048];
        SQLSMALLINT outlen = -1;
        SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, out, sizeof out, &outlen,
                                        SQL_DRIVER_NOPROMPT);
        T_DBC_RC(dbc, rc, SQL_SUCCESS, "DSN-less verify-full to %s", hosts[i]);
        check_session(dbc, "rs_md5", hosts[i]);
        t_is_int(outlen, (long long)strlen((char *)out), "%s: out length is the string's length", hosts[i]);
        char want[512];
        snprintf(want, sizeof want, "Server=%s;", hosts[i]);
        t_like((char *)out, want, "%s: out string has Server", hosts[i]);
        t_ok(strncmp((char *)out, "Driver=rsodbc;", 14) == 0, "%s: out string starts with Driver", hosts[i]);
        snprintf(want, sizeof want, "Port=%s;", t_env("RS_PG_PORT"));
        t_like((char *)out, want, "%s: out string has Port", hosts[i]);
        t_like((char *)out, "UID=rs_md5;", "%s: out string has UID", hosts[i]);
        t_like((char *)out, "PWD=md5-secret-1", "%s: out string has PWD (ODBC requires it)", hosts[i]);
        t_like((char *)out, "SSLMode=verify-full", "%s: out string has SSLMode", hosts[i]);
        snprintf(want, sizeof want, "CaFile=%s", t_env("RS_CA_FILE"));
        t_like((char *)out, want, "%s: out string has CaFile", hosts[i]);
        T_DBC_RC(dbc, SQLDisconnect(dbc), SQL_SUCCESS, "%s: disconnect", hosts[i]);

        /* the out string is complete: it connects again, alone */
        char again[2048];
        snprintf(again, sizeof again, "%s", (char *)out);
        SQLSMALLINT outlen2 = -1;
        rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)again, SQL_NTS, out, sizeof out, &outlen2,
                              SQL_DRIVER_NOPROMPT);
        T_DBC_RC(dbc, rc, SQL_SUCCESS, "%s: the out string reconnects", hosts[i]);
        t_is_str((char *)out, again, "%s: and gives back the same string", hosts[i]);
        check_session(dbc, "rs_md5", "reconnect with the out string");
        SQLDisconnect(dbc);

        /* a short out buffer: truncated, 01004, full length reported */
        SQLCHAR small[16];
        outlen = -1;
        rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, small, sizeof small, &outlen,
                              SQL_DRIVER_NOPROMPT);
        T_DBC_RC(dbc, rc, SQL_SUCCESS_WITH_INFO, "%s: a 16-byte out buffer", hosts[i]);
        t_state(SQL_HANDLE_DBC, dbc, "01004", "%s: truncation is 01004", hosts[i]);
        t_is_int(outlen, outlen2, "%s: the full length is reported", hosts[i]);
        t_is_int((long long)strlen((char *)small), 15, "%s: 15 bytes and a NUL", hosts[i]);
        t_ok(strncmp((char *)small, again, 15) == 0, "%s: the truncated text is the start", hosts[i]);
        SQLDisconnect(dbc);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    }
}

static size_t wlen(const SQLWCHAR *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void to_w(const char *s, SQLWCHAR *out, size_t cap)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        out[i] = (SQLWCHAR)(unsigned char)s[i];
    out[i] = 0;
}

static void from_w(const SQLWCHAR *s, char *out, size_t cap)
{
    size_t i = 0;
    for (; s[i] && i + 1 < cap; i++)
        out[i] = s[i] < 128 ? (char)s[i] : '?';
    out[i] = '\0';
}

/* A DSN missing from odbc.ini after the driver named first connects (ODBC: the first of DSN
 * and DRIVER wins); its out string names the driver first too, so that it connects again. */
static void test_missing_dsn_with_driver(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048];
    snprintf(cs, sizeof cs, "Driver=rsodbc;DSN=rs_no_such_dsn;Server=127.0.0.1;Port=%s;Database=rstest;"
             "UID=rs_md5;PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    SQLCHAR out[2048];
    SQLSMALLINT outlen = -1;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, out, sizeof out, &outlen, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "a missing DSN with Driver= beside it connects");
    t_ok(strncmp((char *)out, "Driver=rsodbc;DSN=rs_no_such_dsn;", 33) == 0,
         "its out string names the driver first, then the DSN: %.60s", (char *)out);
    SQLDisconnect(dbc);
    char again[2048];
    snprintf(again, sizeof again, "%s", (char *)out);
    rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)again, SQL_NTS, out, sizeof out, &outlen, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "that out string connects again");
    check_session(dbc, "rs_md5", "reconnect with the missing DSN's out string");
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_wide(void)
{
    SQLHDBC dbc = new_dbc();
    SQLWCHAR dsn[32], cs[1024], out[1024];
    to_w("rs_md5", dsn, 32);
    SQLRETURN rc = SQLConnectW(dbc, dsn, SQL_NTS, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnectW DSN rs_md5");
    check_session(dbc, "rs_md5", "SQLConnectW");
    SQLDisconnect(dbc);

    SQLWCHAR uid[16], pwd[32];
    to_w("rs_nopwd", dsn, 32);
    to_w("rs_md5", uid, 16);
    to_w("md5-secret-1", pwd, 32);
    rc = SQLConnectW(dbc, dsn, SQL_NTS, uid, SQL_NTS, pwd, SQL_NTS);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnectW with UID and PWD arguments");
    SQLDisconnect(dbc);

    char a[1024];
    t_connstr(a, sizeof a, "");
    to_w(a, cs, 1024);
    SQLSMALLINT outlen = -1;
    rc = SQLDriverConnectW(dbc, NULL, cs, SQL_NTS, out, 1024, &outlen, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLDriverConnectW DSN-less");
    check_session(dbc, "rs_md5", "SQLDriverConnectW");
    t_is_int(outlen, (long long)wlen(out), "SQLDriverConnectW: out length in characters");
    char back[1024];
    from_w(out, back, sizeof back);
    t_ok(strncmp(back, "Driver=rsodbc;", 14) == 0, "SQLDriverConnectW: out string starts with Driver");
    t_like(back, "PWD=md5-secret-1", "SQLDriverConnectW: out string has PWD");
    SQLDisconnect(dbc);

    /* out buffer of 10 characters: 9 and a NUL, 01004, the length in characters */
    SQLWCHAR small[10];
    SQLSMALLINT outlen2 = -1;
    rc = SQLDriverConnectW(dbc, NULL, cs, SQL_NTS, small, 10, &outlen2, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS_WITH_INFO, "SQLDriverConnectW with a 10-character buffer");
    t_state(SQL_HANDLE_DBC, dbc, "01004", "SQLDriverConnectW truncation: 01004");
    t_is_int(outlen2, outlen, "SQLDriverConnectW truncation: full length in characters");
    t_is_int((long long)wlen(small), 9, "SQLDriverConnectW truncation: 9 characters and a NUL");
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_login_failures(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048], text[16384];
    /* replaces t_connstr's PWD: the first occurrence wins, so build it by hand */
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=rstest;UID=rs_md5;"
             "PWD=Wrong-Pa55word-xyz;SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    SQLRETURN rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "wrong password fails");
    t_state(SQL_HANDLE_DBC, dbc, "28000", "wrong password: 28000 (ODBC's state for a refused login)");
    all_messages(SQL_HANDLE_DBC, dbc, text, sizeof text);
    t_like(text, "password authentication failed", "wrong password: the server's reason is shown");
    t_like(text, "28P01", "wrong password: the server's SQLSTATE 28P01 is in the message");
    t_ok(strstr(text, "Wrong-Pa55word-xyz") == NULL, "wrong password: the password is not in any message");
    t_ok(strstr(text, "Pa55") == NULL, "wrong password: no part of it either");
    /* the handle is still usable: a good connect works next */
    t_connstr(cs, sizeof cs, "");
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "the handle connects after a failed login");
    SQLDisconnect(dbc);

    /* SCRAM user, wrong password */
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=rstest;UID=rs_scram;"
             "PWD=not-the-scram-one;SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "wrong SCRAM password fails");
    t_state(SQL_HANDLE_DBC, dbc, "28000", "wrong SCRAM password: 28000");
    all_messages(SQL_HANDLE_DBC, dbc, text, sizeof text);
    t_ok(strstr(text, "not-the-scram-one") == NULL, "wrong SCRAM password: not in any message");

    /* unknown user: the server does not tell it apart from a wrong password */
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=rstest;UID=no_such_user;"
             "PWD=whatever-1;SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "unknown user fails");
    t_state(SQL_HANDLE_DBC, dbc, "28000", "unknown user: 28000");
    all_messages(SQL_HANDLE_DBC, dbc, text, sizeof text);
    t_like(text, "no_such_user", "unknown user: the user is named");
    t_ok(strstr(text, "whatever-1") == NULL, "unknown user: the password is not in any message");

    /* unknown database */
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=no_such_db;UID=rs_md5;"
             "PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "unknown database fails");
    t_state(SQL_HANDLE_DBC, dbc, "3D000", "unknown database: 3D000");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_unreachable(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048], extra[64];
    int port = free_port();
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%d;Database=rstest;UID=rs_md5;"
             "PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s;LoginTimeout=10", port, t_env("RS_CA_FILE"));
    double t0 = t_now();
    SQLRETURN rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    double took = t_now() - t0;
    T_DBC_RC(dbc, rc, SQL_ERROR, "a port nobody listens on fails");
    t_state(SQL_HANDLE_DBC, dbc, "08001", "refused: 08001");
    t_ok(took < 2.0, "refused: fails fast (%.2f s)", took);
    char text[8192];
    all_messages(SQL_HANDLE_DBC, dbc, text, sizeof text);
    snprintf(extra, sizeof extra, "127.0.0.1:%d", port);
    t_like(text, extra, "refused: the message names host and port");

    /* a server that accepts and never answers: LoginTimeout bounds the wait */
    silent_server srv;
    silent_start(&srv);
    for (int attr = 0; attr < 2; attr++) {
        int timeout = 2;
        if (attr) {
            /* the attribute overrides the keyword */
            snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%d;Database=rstest;UID=rs_md5;"
                     "PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s;LoginTimeout=60", srv.port,
                     t_env("RS_CA_FILE"));
            T_DBC_RC(dbc, SQLSetConnectAttr(dbc, SQL_ATTR_LOGIN_TIMEOUT, (SQLPOINTER)(SQLULEN)timeout, 0),
                     SQL_SUCCESS, "SQL_ATTR_LOGIN_TIMEOUT=2");
        } else {
            snprintf(cs, sizeof cs, "Driver=rsodbc;Server=127.0.0.1;Port=%d;Database=rstest;UID=rs_md5;"
                     "PWD=md5-secret-1;SSLMode=verify-full;CaFile=%s;LoginTimeout=%d", srv.port,
                     t_env("RS_CA_FILE"), timeout);
        }
        t0 = t_now();
        rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
        took = t_now() - t0;
        const char *how = attr ? "SQL_ATTR_LOGIN_TIMEOUT" : "LoginTimeout keyword";
        T_DBC_RC(dbc, rc, SQL_ERROR, "%s: a silent server fails the connect", how);
        t_state(SQL_HANDLE_DBC, dbc, "08001", "%s: silent server: 08001", how);
        t_ok(took >= timeout - 0.5 && took <= timeout + 2.0, "%s: gave up after %.2f s (timeout %d s)", how,
             took, timeout);
    }
    silent_stop(&srv);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_bad_values(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048], msg[4096], state[6];

    t_connstr(cs, sizeof cs, "");
    /* Port first so it wins over t_connstr's */
    char bad[2100];
    snprintf(bad, sizeof bad, "Port=abc;%s", cs);
    SQLRETURN rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "Port=abc fails");
    t_diag_rec(SQL_HANDLE_DBC, dbc, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "HY024", "Port=abc: HY024");
    t_like(msg, "Port", "Port=abc: names the keyword");
    t_like(msg, "1 to 65535", "Port=abc: says what is allowed");

    snprintf(bad, sizeof bad, "Port=70000;%s", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "Port=70000 fails");
    t_state(SQL_HANDLE_DBC, dbc, "HY024", "Port=70000: HY024");

    snprintf(bad, sizeof bad, "SSLMode=sometimes;%s", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "SSLMode=sometimes fails");
    t_diag_rec(SQL_HANDLE_DBC, dbc, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "HY024", "SSLMode=sometimes: HY024");
    t_like(msg, "SSLMode", "SSLMode=sometimes: names the keyword");
    t_like(msg, "disable, allow, prefer, require, verify-ca, verify-full", "SSLMode=sometimes: lists the values");

    snprintf(bad, sizeof bad, "KeepAlive=maybe;%s", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "KeepAlive=maybe fails");
    t_state(SQL_HANDLE_DBC, dbc, "HY024", "KeepAlive=maybe: HY024");

    /* an unterminated brace */
    snprintf(bad, sizeof bad, "%sApplicationName={never closed", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "an unterminated brace fails");
    t_diag_rec(SQL_HANDLE_DBC, dbc, 1, state, NULL, msg, sizeof msg);
    t_is_str(state, "08001", "unterminated brace: 08001");
    t_like(msg, "ApplicationName", "unterminated brace: names the keyword");
    t_like(msg, "'}'", "unterminated brace: says what is missing");

    /* an unterminated brace in PWD: its text stays secret */
    snprintf(bad, sizeof bad, "Driver=rsodbc;Server=127.0.0.1;UID=rs_md5;PWD={Secret-Brace-77");
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "an unterminated brace in PWD fails");
    char text[8192];
    all_messages(SQL_HANDLE_DBC, dbc, text, sizeof text);
    t_ok(strstr(text, "Secret-Brace-77") == NULL, "unterminated PWD brace: the password is not shown");

    /* unknown keywords are ignored */
    snprintf(bad, sizeof bad, "%sNoSuchKeyword=1;AnotherOne={x;y}", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "unknown keywords are ignored");
    SQLDisconnect(dbc);

    /* braces: ';' and '}}' inside a value */
    snprintf(bad, sizeof bad, "%sApplicationName={my;app}}x}", cs);
    rc = driver_connect(dbc, bad, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "braced value with ; and }}");
    char v[256];
    t_query_str(dbc, "SELECT current_setting('application_name')", v, sizeof v);
    t_is_str(v, "my;app}x", "the braced value arrives as my;app}x");
    SQLDisconnect(dbc);

    /* a password with ; and } in it, braced */
    t_superuser_sql("DROP ROLE IF EXISTS rs_brace");
    int st = t_superuser_sql("CREATE ROLE rs_brace LOGIN PASSWORD 'p;w}d=1'");
    t_is_int(st, 0, "created role rs_brace");
    snprintf(bad, sizeof bad, "Driver=rsodbc;Server=127.0.0.1;Port=%s;Database=rstest;UID=rs_brace;"
             "PWD={p;w}}d=1};SSLMode=verify-full;CaFile=%s", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    SQLCHAR out[2048];
    SQLSMALLINT outlen;
    rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)bad, SQL_NTS, out, sizeof out, &outlen, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "braced password with ; } and =");
    check_session(dbc, "rs_brace", "braced password");
    t_like((char *)out, "PWD={p;w}}d=1}", "the out string braces the password again");
    SQLDisconnect(dbc);
    rc = driver_connect(dbc, (char *)out, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "and that out string reconnects");
    SQLDisconnect(dbc);
    t_superuser_sql("DROP ROLE IF EXISTS rs_brace");
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_dsn_override(void)
{
    SQLHDBC dbc = new_dbc();
    /* connection string keywords win over the DSN's */
    SQLRETURN rc = driver_connect(dbc, "DSN=rs_md5;UID=rs_scram;PWD=scram-secret-1;ApplicationName=over",
                                  SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "DSN=rs_md5 with UID/PWD of rs_scram");
    check_session(dbc, "rs_scram", "connection string over DSN");
    char v[256];
    t_query_str(dbc, "SELECT current_setting('application_name')", v, sizeof v);
    t_is_str(v, "over", "ApplicationName from the connection string");
    SQLDisconnect(dbc);

    /* a value in the DSN that breaks the connect, fixed by the connection string */
    rc = driver_connect(dbc, "DSN=rs_md5;PWD=wrong-one-2", SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "PWD in the connection string beats the DSN's (wrong one fails)");
    t_state(SQL_HANDLE_DBC, dbc, "28000", "and fails with 28000");

    /* a DSN from a file named by ODBCINI */
    char dir[] = "/tmp/rsodbc-connect-XXXXXX";
    if (!mkdtemp(dir))
        t_bail("mkdtemp");
    char path[256];
    snprintf(path, sizeof path, "%s/odbc.ini", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        t_bail("cannot write %s", path);
    fprintf(f, "[rs_private]\nDriver = rsodbc\nServer = localhost\nPort = %s\nDatabase = rstest\n"
            "UID = rs_scram\nPWD = scram-secret-1\nSSLMode = verify-full\nCaFile = %s\n"
            "ApplicationName = from-private-ini\n", t_env("RS_PG_PORT"), t_env("RS_CA_FILE"));
    fclose(f);
    char *saved = strdup(t_env("ODBCINI"));
    setenv("ODBCINI", path, 1);
    rc = SQLConnect(dbc, (SQLCHAR *)"rs_private", SQL_NTS, NULL, 0, NULL, 0);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLConnect to a DSN in $ODBCINI");
    check_session(dbc, "rs_scram", "DSN from $ODBCINI");
    t_query_str(dbc, "SELECT current_setting('application_name')", v, sizeof v);
    t_is_str(v, "from-private-ini", "its ApplicationName is read");
    SQLDisconnect(dbc);
    rc = driver_connect(dbc, "DSN=rs_private;ApplicationName=cs-wins", SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQLDriverConnect DSN=rs_private");
    t_query_str(dbc, "SELECT current_setting('application_name')", v, sizeof v);
    t_is_str(v, "cs-wins", "the connection string overrides the private DSN");
    SQLDisconnect(dbc);
    setenv("ODBCINI", saved, 1);
    free(saved);
    unlink(path);
    rmdir(dir);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_reuse(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048], v[64];
    t_connstr(cs, sizeof cs, "");
    SQLRETURN rc = SQLDisconnect(dbc);
    T_DBC_RC(dbc, rc, SQL_ERROR, "SQLDisconnect before connecting fails");
    t_state(SQL_HANDLE_DBC, dbc, "08003", "and says 08003");
    for (int i = 1; i <= 3; i++) {
        rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
        T_DBC_RC(dbc, rc, SQL_SUCCESS, "connect #%d on one handle", i);
        rc = t_query_str(dbc, "SELECT 40 + 2", v, sizeof v);
        t_is_str(v, "42", "connect #%d: a query works", i);
        /* a statement left allocated is freed by the disconnect */
        SQLHSTMT st = t_stmt(dbc);
        (void)st;
        T_DBC_RC(dbc, SQLDisconnect(dbc), SQL_SUCCESS, "disconnect #%d", i);
    }
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_ERROR, "connecting an open handle fails");
    t_state(SQL_HANDLE_DBC, dbc, "08002", "and says 08002");
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

static void test_completion(void)
{
    SQLHDBC dbc = new_dbc();
    char cs[2048];
    t_connstr(cs, sizeof cs, "");
    SQLCHAR out[2048];
    SQLSMALLINT outlen = -1;
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)cs, SQL_NTS, out, sizeof out, &outlen,
                                    SQL_DRIVER_COMPLETE);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQL_DRIVER_COMPLETE with everything given connects");
    t_like((char *)out, "PWD=md5-secret-1", "SQL_DRIVER_COMPLETE: complete out string");
    SQLDisconnect(dbc);

    SQLUSMALLINT modes[] = { SQL_DRIVER_COMPLETE, SQL_DRIVER_COMPLETE_REQUIRED, SQL_DRIVER_NOPROMPT };
    const char *names[] = { "SQL_DRIVER_COMPLETE", "SQL_DRIVER_COMPLETE_REQUIRED", "SQL_DRIVER_NOPROMPT" };
    for (int i = 0; i < 3; i++) {
        rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=rs_nopwd", SQL_NTS, out, sizeof out, &outlen, modes[i]);
        T_DBC_RC(dbc, rc, SQL_ERROR, "%s without PWD fails (the server wants a password)", names[i]);
        char state[6], msg[4096];
        t_diag_rec(SQL_HANDLE_DBC, dbc, 1, state, NULL, msg, sizeof msg);
        t_like(msg, "set PWD", "%s without PWD: the message says to set PWD", names[i]);
        t_is_str(state, "28000", "%s without PWD: 28000 (login refused)", names[i]);
    }
    rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)"DSN=rs_nopwd;PWD=md5-secret-1", SQL_NTS, out, sizeof out,
                          &outlen, SQL_DRIVER_COMPLETE);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "SQL_DRIVER_COMPLETE with the PWD added connects");
    t_ok(strncmp((char *)out, "DSN=rs_nopwd;", 13) == 0, "the out string starts with the DSN");
    t_like((char *)out, "PWD=md5-secret-1", "and carries the PWD the DSN lacks");
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

/* A login the server trusts (the superuser over the Unix socket) needs no PWD at all. */
static void test_passwordless(void)
{
    SQLHDBC dbc;
    SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc);
    char cs[1024], user[64] = "";
    snprintf(cs, sizeof cs, "Driver=rsodbc;Server=%s;Port=%s;Database=rstest;UID=%s;SSLMode=disable",
             t_env("RS_PG_SOCKDIR"), t_env("RS_PG_PORT"), t_env("RS_PG_SUPERUSER"));
    SQLRETURN rc = driver_connect(dbc, cs, SQL_DRIVER_NOPROMPT);
    T_DBC_RC(dbc, rc, SQL_SUCCESS, "a trusted login over the Unix socket without PWD connects");
    if (SQL_SUCCEEDED(rc))
        t_query_str(dbc, "SELECT current_user", user, sizeof user);
    t_is_str(user, t_env("RS_PG_SUPERUSER"), "as the superuser");
    SQLDisconnect(dbc);
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
}

int main(void)
{
    t_start(120);
    env = t_env_alloc();
    test_dsn();
    test_dsnless();
    test_missing_dsn_with_driver();
    test_wide();
    test_login_failures();
    test_unreachable();
    test_bad_values();
    test_dsn_override();
    test_reuse();
    test_completion();
    test_passwordless();
    SQLFreeHandle(SQL_HANDLE_ENV, env);
    return t_done();
}
