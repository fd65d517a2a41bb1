/* stress.c - many threads logging in with IAM at once, through the unixODBC driver manager.
 *
 * Phase 1: RS_STRESS_THREADS (32) threads each run RS_STRESS_CYCLES (200) cycles of
 * SQLAllocHandle(DBC), SQLDriverConnect with IAM=1, a query checked for its login user and a
 * value unique to the thread and cycle, SQLDisconnect, SQLFreeHandle. Even threads share one
 * environment handle, odd threads each allocate their own. The threads spread over
 * STRESS_KEYS database users, i.e. STRESS_KEYS keys of the driver's credential cache. The
 * credentials live 900 s, longer than the run: one validity window, so the emulator's call
 * log must hold exactly one GetClusterCredentials per key and no other AWS call.
 *
 * Phase 2: validity windows. Credentials issued with a lifetime of 60 + RS_STRESS_WINDOW_S
 * seconds (emulator expiration override) are fresh for the window only (the cache's safety
 * margin is 60 s). STRESS_ROUNDS rounds of all threads connecting at once, each round after
 * the previous window ran out: exactly one call per key per round, spaced a window apart.
 * Rounds are separated because PostgreSQL, unlike Redshift, keeps only the newest password of a
 * role: a refresh while another thread logs in with the previous password would fail it.
 *
 * A private AWS emulator (tests/iam/emu.c) counts the calls. TAP. */
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sql.h>
#include <sqlext.h>
#include <curl/curl.h>

#include "../iam/emu.h"
#include "../iam/tap.h"

#define STRESS_KEYS 4
#define STRESS_ROUNDS 2
#define STRESS_MAX_THREADS 256
#define KEYS "AccessKeyID=AKIARSSTRESSKEYS0001;SecretAccessKey=RSST+fake/stress/secret/00000000000000001;"

typedef struct stress_cfg {
    int threads, cycles, window_s, login_timeout_s;
    char connstr[STRESS_KEYS][2][1024];   /* [key][phase] */
} stress_cfg;

static stress_cfg C;
static SQLHENV shared_env;
static iam_emu emu;

/* The first few failures are kept for the report; the rest are only counted. */
static pthread_mutex_t fail_lock = PTHREAD_MUTEX_INITIALIZER;
static char fail_text[5][1024];
static int fail_kept;

static void note_failure(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void note_failure(const char *fmt, ...)
{
    pthread_mutex_lock(&fail_lock);
    if (fail_kept < 5) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(fail_text[fail_kept++], sizeof fail_text[0], fmt, ap);
        va_end(ap);
    }
    pthread_mutex_unlock(&fail_lock);
}

static void report_failures(void)
{
    pthread_mutex_lock(&fail_lock);
    for (int i = 0; i < fail_kept; i++)
        tap_diag("%s", fail_text[i]);
    fail_kept = 0;
    pthread_mutex_unlock(&fail_lock);
}

static void first_diag(SQLSMALLINT type, SQLHANDLE h, char *out, size_t size)
{
    SQLCHAR state[6] = "", text[512] = "";
    SQLINTEGER native = 0;
    SQLSMALLINT len = 0;
    if (SQL_SUCCEEDED(SQLGetDiagRec(type, h, 1, state, &native, text, sizeof text, &len)))
        snprintf(out, size, "%s %s", (char *)state, (char *)text);
    else
        snprintf(out, size, "(no diagnostic)");
}

/* One connect-query-disconnect cycle; returns 1 when everything answered as it should. */
static int one_cycle(SQLHENV env, const char *connstr, const char *user, int thread, int cycle)
{
    SQLHDBC dbc = SQL_NULL_HDBC;
    SQLHSTMT st = SQL_NULL_HSTMT;
    char why[700] = "";
    int good = 0;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_DBC, env, &dbc))) {
        note_failure("thread %d cycle %d: SQLAllocHandle(DBC) failed", thread, cycle);
        return 0;
    }
    SQLRETURN rc = SQLDriverConnect(dbc, NULL, (SQLCHAR *)connstr, SQL_NTS, NULL, 0, NULL,
                                    SQL_DRIVER_NOPROMPT);
    if (!SQL_SUCCEEDED(rc)) {
        first_diag(SQL_HANDLE_DBC, dbc, why, sizeof why);
        note_failure("thread %d cycle %d: SQLDriverConnect: %s", thread, cycle, why);
        SQLFreeHandle(SQL_HANDLE_DBC, dbc);
        return 0;
    }
    char sql[128], want[64];
    snprintf(want, sizeof want, "t%d-c%d", thread, cycle);
    snprintf(sql, sizeof sql, "SELECT current_user, '%s'", want);
    SQLCHAR got_user[128] = "", got_tag[64] = "";
    SQLLEN ind1 = 0, ind2 = 0;
    if (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_STMT, dbc, &st))) {
        first_diag(SQL_HANDLE_DBC, dbc, why, sizeof why);
    } else if (!SQL_SUCCEEDED(SQLExecDirect(st, (SQLCHAR *)sql, SQL_NTS)) ||
               !SQL_SUCCEEDED(SQLFetch(st)) ||
               !SQL_SUCCEEDED(SQLGetData(st, 1, SQL_C_CHAR, got_user, sizeof got_user, &ind1)) ||
               !SQL_SUCCEEDED(SQLGetData(st, 2, SQL_C_CHAR, got_tag, sizeof got_tag, &ind2))) {
        first_diag(SQL_HANDLE_STMT, st, why, sizeof why);
    } else if (strcmp((char *)got_user, user) != 0 || strcmp((char *)got_tag, want) != 0) {
        snprintf(why, sizeof why, "answered (%.100s, %.60s), wanted (%s, %s)", (char *)got_user,
                 (char *)got_tag, user, want);
    } else {
        good = 1;
    }
    if (!good)
        note_failure("thread %d cycle %d: query: %s", thread, cycle, why);
    if (st)
        SQLFreeHandle(SQL_HANDLE_STMT, st);
    if (!SQL_SUCCEEDED(SQLDisconnect(dbc))) {
        first_diag(SQL_HANDLE_DBC, dbc, why, sizeof why);
        note_failure("thread %d cycle %d: SQLDisconnect: %s", thread, cycle, why);
        good = 0;
    }
    SQLFreeHandle(SQL_HANDLE_DBC, dbc);
    return good;
}

typedef struct worker {
    pthread_t tid;
    int index, phase, cycles;
    pthread_barrier_t *start;
    int ok, failed;
} worker;

static void *run_worker(void *arg)
{
    worker *w = arg;
    int key = w->index % STRESS_KEYS;
    char user[64];
    snprintf(user, sizeof user, "IAMA:rsst_%s%d", w->phase ? "win" : "run", key);
    SQLHENV env = shared_env;
    /* Odd threads own an environment; even threads share the process's one. */
    if (w->index % 2 && (!SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &env)) ||
                         !SQL_SUCCEEDED(SQLSetEnvAttr(env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0)))) {
        note_failure("thread %d: no environment of its own", w->index);
        w->failed = w->cycles;
        pthread_barrier_wait(w->start);
        return NULL;
    }
    pthread_barrier_wait(w->start);
    for (int c = 0; c < w->cycles; c++) {
        if (one_cycle(env, C.connstr[key][w->phase], user, w->index, c))
            w->ok++;
        else
            w->failed++;
    }
    if (env != shared_env)
        SQLFreeHandle(SQL_HANDLE_ENV, env);
    return NULL;
}

/* All threads at once; returns the number of failed cycles (every cycle counted once). */
static int run_threads(int phase, int cycles, int *ok_out)
{
    static worker w[STRESS_MAX_THREADS];
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, (unsigned)C.threads);
    int started = 0;
    for (int i = 0; i < C.threads; i++) {
        w[i] = (worker){.index = i, .phase = phase, .cycles = cycles, .start = &start};
        if (pthread_create(&w[i].tid, NULL, run_worker, &w[i]) != 0)
            break;
        started++;
    }
    if (started < C.threads) {
        /* The barrier would never open: report and give up on this phase. */
        tap_diag("only %d of %d threads started", started, C.threads);
        exit(tap_done() | 1);
    }
    int failed = 0, ok = 0;
    for (int i = 0; i < C.threads; i++) {
        pthread_join(w[i].tid, NULL);
        failed += w[i].failed;
        ok += w[i].ok;
    }
    pthread_barrier_destroy(&start);
    *ok_out = ok;
    return failed;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Recorded calls, split by DbUser: counts[key] and the call times, for users rsst_<what><key>. */
typedef struct call_tally {
    int total;                      /* every recorded call, any service and action */
    int gcc[STRESS_KEYS];           /* GetClusterCredentials per key */
    int other;                      /* GetClusterCredentials for no known key, or failed */
    double times[STRESS_KEYS][16];  /* when each key's calls came (first 16) */
} call_tally;

static int tally_calls(const char *what, call_tally *t)
{
    memset(t, 0, sizeof *t);
    json_object *calls = iam_emu_calls(&emu, NULL, NULL);
    if (!calls)
        return -1;
    size_t n = json_object_array_length(calls);
    for (size_t i = 0; i < n; i++) {
        json_object *call = json_object_array_get_idx(calls, i), *v;
        char action[64], user[128], status[16];
        iam_call_get(call, "action", action, sizeof action);
        iam_call_get(call, "params.DbUser", user, sizeof user);
        iam_call_get(call, "status", status, sizeof status);
        t->total++;
        int key = -1;
        size_t plen = strlen("rsst_") + strlen(what);
        if (strcmp(action, "GetClusterCredentials") == 0 && strcmp(status, "200") == 0 &&
            strncmp(user, "rsst_", 5) == 0 && strncmp(user + 5, what, strlen(what)) == 0 &&
            strlen(user) == plen + 1 && user[plen] >= '0' && user[plen] < '0' + STRESS_KEYS)
            key = user[plen] - '0';
        if (key < 0) {
            t->other++;
            continue;
        }
        if (t->gcc[key] < 16 && json_object_object_get_ex(call, "time", &v))
            t->times[key][t->gcc[key]] = json_object_get_double(v);
        t->gcc[key]++;
    }
    json_object_put(calls);
    return 0;
}

static int env_int(const char *name, int dflt, int lo, int hi)
{
    const char *v = getenv(name);
    int n = v && *v ? atoi(v) : dflt;
    return n < lo ? lo : n > hi ? hi : n;
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char msg[] = "not ok - the stress run did not finish in time (watchdog)\n";
    if (write(1, msg, sizeof msg - 1) < 0)
        _exit(3);
    if (emu.pid > 0)
        kill(emu.pid, SIGKILL);
    _exit(2);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    static const char *need[] = {"RS_PG_PORT", "RS_PG_SOCKDIR", "RS_PG_STATE", "RS_PG_SUPERUSER",
                                 "RS_CA_FILE", "ODBCSYSINI"};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        if (!getenv(need[i]) || !*getenv(need[i])) {
            tap_ok(0, "%s is set (run through scripts/check.sh or scripts/with-test-env.sh)", need[i]);
            return tap_done();
        }
    }
    C.threads = env_int("RS_STRESS_THREADS", 32, STRESS_KEYS, STRESS_MAX_THREADS);
    C.cycles = env_int("RS_STRESS_CYCLES", 200, 1, 100000);
    C.window_s = env_int("RS_STRESS_WINDOW_S", 6, 2, 600);
    C.login_timeout_s = env_int("RS_STRESS_LOGIN_TIMEOUT_S", 30, 1, 3600);
    signal(SIGALRM, on_alarm);
    alarm((unsigned)env_int("RS_STRESS_TIMEOUT_S", 600, 10, 86400));

    /* The driver must find only the keys given in the connection string. */
    unsetenv("AWS_PROFILE");
    unsetenv("AWS_ACCESS_KEY_ID");
    unsetenv("AWS_SECRET_ACCESS_KEY");
    unsetenv("AWS_SESSION_TOKEN");
    setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
    curl_global_init(CURL_GLOBAL_DEFAULT);

    const char *top = getenv("top_srcdir");
    char srcdir[1024], config[1200], workdir[64] = "/tmp/rsodbc-stress.XXXXXX";
    snprintf(srcdir, sizeof srcdir, "%s", top && *top ? top : ".");
    snprintf(config, sizeof config, "%s/tests/stress/config.json", srcdir);
    if (!tap_ok(mkdtemp(workdir) != NULL, "work directory"))
        return tap_done();
    if (!tap_ok(iam_emu_start(&emu, srcdir, config, workdir) == 0, "private AWS emulator started"))
        return tap_done();

    const char *db = getenv("RS_PG_DATABASE") && *getenv("RS_PG_DATABASE") ? getenv("RS_PG_DATABASE") : "rstest";
    for (int k = 0; k < STRESS_KEYS; k++)
        for (int p = 0; p < 2; p++)
            snprintf(C.connstr[k][p], sizeof C.connstr[k][p],
                     "DRIVER={rsodbc};IAM=1;Server=127.0.0.1;Port=%s;Database=%s;SSLMode=verify-full;"
                     "CaFile=%s;LoginTimeout=%d;ClusterId=rsst-cluster;Region=us-east-1;EndpointUrl=%s;"
                     "%sAutoCreate=1;DbUser=rsst_%s%d",
                     getenv("RS_PG_PORT"), db, getenv("RS_CA_FILE"), C.login_timeout_s, emu.url, KEYS, p ? "win" : "run", k);

    if (!tap_ok(SQL_SUCCEEDED(SQLAllocHandle(SQL_HANDLE_ENV, SQL_NULL_HANDLE, &shared_env)) &&
                SQL_SUCCEEDED(SQLSetEnvAttr(shared_env, SQL_ATTR_ODBC_VERSION, (SQLPOINTER)SQL_OV_ODBC3, 0)),
                "shared ODBC environment"))
        goto out;
    iam_emu_reset(&emu);

    /* ---- phase 1: the load ---- */
    int ok = 0;
    double t0 = now_s();
    int failed = run_threads(0, C.cycles, &ok);
    double took = now_s() - t0;
    int total = C.threads * C.cycles;
    if (!tap_ok(failed == 0 && ok == total, "%d threads x %d IAM connect-query-disconnect cycles: %d ok, %d failed (%.1f s, %.0f cycles/s)",
                C.threads, C.cycles, ok, failed, took, total / (took > 0 ? took : 1)))
        report_failures();
    call_tally t;
    if (!tap_ok(tally_calls("run", &t) == 0, "the emulator's call log answers"))
        goto out;
    int one_each = 1;
    for (int k = 0; k < STRESS_KEYS; k++)
        one_each = one_each && t.gcc[k] == 1;
    tap_ok(one_each, "one GetClusterCredentials per cache key in one validity window (per key: %d %d %d %d)",
           t.gcc[0], t.gcc[1], t.gcc[2], t.gcc[3]);
    tap_ok(t.total == STRESS_KEYS && t.other == 0, "no other AWS call (%d calls in all, %d not one of the keys')",
           t.total, t.other);

    /* ---- phase 2: validity windows ---- */
    iam_emu_reset(&emu);
    char body[64];
    snprintf(body, sizeof body, "{\"seconds\": %d}", 60 + C.window_s);
    if (!tap_ok(iam_emu_control(&emu, "POST", "expiration", body, NULL) == 200,
                "credentials now live 60 + %d s (fresh for %d s)", C.window_s, C.window_s))
        goto out;
    for (int round = 1; round <= STRESS_ROUNDS; round++) {
        double r0 = now_s();
        failed = run_threads(1, 1, &ok);
        double rtook = now_s() - r0;
        if (!tap_ok(failed == 0 && ok == C.threads, "window %d: %d threads connecting at once: %d ok, %d failed (%.1f s)",
                    round, C.threads, ok, failed, rtook))
            report_failures();
        if (tally_calls("win", &t) != 0)
            break;
        int each = 1;
        for (int k = 0; k < STRESS_KEYS; k++)
            each = each && t.gcc[k] == round;
        if (!tap_ok(each && t.other == 0 && t.total == round * STRESS_KEYS,
                    "window %d: one GetClusterCredentials per key per window (per key: %d %d %d %d, %d other calls)",
                    round, t.gcc[0], t.gcc[1], t.gcc[2], t.gcc[3], t.total - (t.gcc[0] + t.gcc[1] + t.gcc[2] + t.gcc[3])))
            tap_diag("a round that took longer than the window (%d s) would also call again", C.window_s);
        if (round == STRESS_ROUNDS)
            break;
        /* Wait until every key's credentials are past the window: the latest call plus the window,
         * plus a second for the whole seconds the expiration and the cache's clock have. */
        double last = 0;
        for (int k = 0; k < STRESS_KEYS; k++)
            if (t.gcc[k] > 0 && t.gcc[k] <= 16 && t.times[k][t.gcc[k] - 1] > last)
                last = t.times[k][t.gcc[k] - 1];
        double wait = last + C.window_s + 1.2 - now_s();
        if (wait > 0)
            usleep((useconds_t)(wait * 1e6));
    }
    int spaced = t.gcc[0] > 0;
    for (int k = 0; k < STRESS_KEYS; k++)
        for (int i = 1; i < t.gcc[k] && i < 16; i++)
            spaced = spaced && t.times[k][i] - t.times[k][i - 1] >= C.window_s - 1;
    tap_ok(spaced, "each key's calls are at least a window apart");
    iam_emu_control(&emu, "POST", "expiration", "{\"seconds\": null}", NULL);

out:
    if (shared_env)
        SQLFreeHandle(SQL_HANDLE_ENV, shared_env);
    iam_emu_stop(&emu);
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf '%s'", workdir);
    if (system(rm) != 0)
        tap_diag("could not remove %s", workdir);
    curl_global_cleanup();
    return tap_done();
}
