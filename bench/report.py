#!/usr/bin/python3
"""bench/report.py RESULTS [options] - the Markdown report of bench/run.sh's results.txt.

Medians per program and workload, ratios to the best libpq, the issue-6 targets (met / not met),
peak RSS, and the digest check: every program must have seen (or stored) exactly the same values.
Exits 1 when a digest differs or a run failed."""
import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys

FETCH = ['getdata', 'bindcol', 'block', 'text']
FETCH_ALL = FETCH + ['fetch', 'fetch_single']
LABEL = {
    'getdata': 'fetch, SQLGetData per column',
    'bindcol': 'fetch, SQLBindCol, one row per SQLFetch',
    'block': 'fetch, block cursor of 1,000 rows',
    'text': 'fetch, every column as SQL_C_CHAR',
    'insert_row': 'prepared INSERT, one row per execute',
    'insert_array': 'INSERT with 1,000-row parameter arrays',
    'connect': 'connect + disconnect, password',
    'connect_iam': 'connect + disconnect, IAM, warm cache',
    'latency': 'one-row prepared SELECT',
    'latency_close': 'one-row prepared SELECT, cursor closed before SQL_NO_DATA',
}
TARGET = {'getdata': 1.35, 'bindcol': 1.20, 'block': 1.10, 'text': 1.25, 'insert_row': 1.1,
          'insert_array': 1.3, 'connect': 1.1, 'connect_iam': 1.15, 'latency': 1.05,
          'latency_close': None}
MEM_LIMIT_KB = 16 * 1024
FLAT_KB = 1024


def parse(path):
    runs = []
    with open(path) as f:
        for line in f:
            fields = dict(kv.split('=', 1) for kv in line.split() if '=' in kv)
            fields['failed'] = 'FAILED' in line.split()
            runs.append(fields)
    return runs


def samples(runs, prog, w, field='seconds'):
    return [float(r[field]) for r in runs
            if r['program'] == prog and r['workload'] == w and r['round'] != 'mem' and not r['failed']
            and field in r]


def med(runs, prog, w, field='seconds'):
    xs = samples(runs, prog, w, field)
    return statistics.median(xs) if xs else None


def spread(runs, pairs):
    """The largest (max - min) / median among these (program, workload) samples, in percent."""
    worst = None
    for prog, w in pairs:
        xs = samples(runs, prog, w)
        if len(xs) >= 2:
            sp = (max(xs) - min(xs)) / statistics.median(xs) * 100
            worst = sp if worst is None else max(worst, sp)
    return '—' if worst is None else f'{worst:.0f} %'


def ops(runs, prog, w):
    for r in runs:
        if r['program'] == prog and r['workload'] == w and not r['failed'] and r['round'] != 'mem':
            return int(r['ops'])
    return None


def rss(runs, prog, w, mem):
    xs = [int(r['maxrss_kb']) for r in runs if r['program'] == prog and r['workload'] == w and not r['failed']
          and (r['round'] == 'mem') == mem]
    return max(xs) if xs else None


def fmt_time(w, secs, n):
    if secs is None:
        return '—'
    if w in ('connect', 'connect_iam'):
        return f'{secs / n * 1e3:.2f} ms'
    if w.startswith('latency'):
        return f'{secs / n * 1e6:.0f} µs'
    return f'{secs:.3f} s'


def mib(kb):
    return '?' if kb is None else f'{kb / 1024:.1f}'


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def fmt_ratio(x):
    return '—' if x is None else f'{x:.2f}'


def machine():
    model = '?'
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    model = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass

    def pkg(name):
        try:
            return subprocess.run(['dpkg-query', '-W', '-f=${Version}', name], capture_output=True,
                                  text=True).stdout or '?'
        except OSError:
            return '?'
    return model, pkg('odbc-postgresql'), pkg('libpq5'), pkg('unixodbc')


def digest_check(runs, out):
    """Every program must agree within a family of workloads that read or write the same values."""
    families = {}
    for r in runs:
        if r['failed']:
            continue
        w = r['workload']
        if w in FETCH_ALL:
            key = f'fetch of {int(r["rows"]):,} rows'
        elif w in ('insert_row', 'insert_array'):
            key = f'insert of {int(r["rows"]):,} rows (count and md5 of the table afterwards)'
        elif w.startswith('latency'):
            key = f'{int(r["ops"]):,} one-row SELECTs'
        else:
            key = f'{int(r["ops"]):,} connects'
        families.setdefault(key, []).append(r)
    ok = True
    for key, rs in families.items():
        digests = {r['digest'] for r in rs}
        if len(digests) == 1:
            out.append(f'- {key}: all {len(rs)} runs agree (`{next(iter(digests))}`)')
        else:
            ok = False
            out.append(f'- **{key}: DIGESTS DIFFER**')
            for dg in sorted(digests):
                who = sorted({f'{r["program"]} {r["workload"]}' for r in rs if r['digest'] == dg})
                n = sum(1 for r in rs if r['digest'] == dg)
                out.append(f'  - `{dg}`: {n} runs ({", ".join(who)})')
    return ok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('results')
    ap.add_argument('--rounds', type=int, default=0)
    ap.add_argument('--insert-rounds', type=int, default=0)
    ap.add_argument('--pg-version', default='?')
    ap.add_argument('--commit', default='?')
    ap.add_argument('--elapsed', type=int, default=0)
    ap.add_argument('--rows', type=int, default=1000000)
    ap.add_argument('--small', type=int, default=100000)
    a = ap.parse_args()
    runs = parse(a.results)

    out = []
    model, psqlodbc_v, libpq_v, unixodbc_v = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')
    out.append(f'rsodbc at commit {a.commit}, release build (-O2). Measured {now} on {os.cpu_count()} cores ({model}), {platform.system()} '
               f'{platform.release()}; PostgreSQL {a.pg_version} on the same machine over TCP with TLS '
               f'(verify-full); psqlODBC {psqlodbc_v}, libpq {libpq_v}, unixODBC {unixodbc_v}. Medians of '
               f'{a.rounds} rounds ({a.insert_rounds} for the inserts), programs alternating in a rotated '
               f'order; the whole run took {a.elapsed} s.')
    try:
        with open('/proc/loadavg') as f:
            load = ' '.join(f.read().split()[:3])
        out.append('')
        out.append(f'Load average at the end: {load} (the benchmark itself, client and server, accounts for '
                   f'about 2; more means other work shared the 2 cores).')
    except OSError:
        pass
    out.append('')
    small, big = f'{a.small // 1000}k', f'{a.rows / 1e6:g}M' if a.rows >= 1000000 else f'{a.rows // 1000}k'
    out.append(f'| workload | best libpq | rsodbc | psqlODBC | rsodbc / libpq | psqlODBC / libpq '
               f'| spread | target (rsodbc) | met? | peak RSS MiB, {small} → {big} rows |')
    out.append('|---|---|---|---|---|---|---|---|---|---|')

    lp = {m: med(runs, 'libpq', m) for m in ('fetch', 'fetch_single')}
    for m, label in (('fetch', 'libpq fetch, normal mode (PQexec)'), ('fetch_single', 'libpq fetch, single-row mode')):
        out.append(f'| {label} | {fmt_time(m, lp[m], 1)} | | | | | {spread(runs, [("libpq", m)])} | | | '
                   f'{mib(rss(runs, "libpq", m, True))} → {mib(rss(runs, "libpq", m, False))} |')
    known = [v for v in lp.values() if v is not None]
    best_fetch = min(known) if known else None
    best_mode = 'single-row' if lp['fetch_single'] is not None and lp['fetch_single'] == best_fetch else 'normal'

    def row(w, base, base_label, base_pairs, base_n=None, note=''):
        n = ops(runs, 'rsodbc', w) or ops(runs, 'libpq', w) or 1
        rs_secs, ps_secs = med(runs, 'rsodbc', w), med(runs, 'psqlodbc', w)
        # Ratios per operation: latency_close runs fewer executions than its libpq baseline.
        scale = n / base_n if base_n else 1
        base_same = None if base is None else base * scale
        r1, r2 = ratio(rs_secs, base_same), ratio(ps_secs, base_same)
        target = TARGET[w]
        met = '—' if r1 is None or target is None else ('met' if r1 <= target else '**not met**')
        mem = ''
        if w in FETCH:
            mem = (f'rsodbc {mib(rss(runs, "rsodbc", w, True))} → {mib(rss(runs, "rsodbc", w, False))}; '
                   f'psqlODBC {mib(rss(runs, "psqlodbc", w, True))} → {mib(rss(runs, "psqlodbc", w, False))}')
        ps_cell = fmt_time(w, ps_secs, n) if w != 'connect_iam' else 'no IAM'
        sp = spread(runs, base_pairs + [('rsodbc', w), ('psqlodbc', w)])
        tcell = '—' if target is None else f'≤ {target:.2f}'
        out.append(f'| {LABEL[w]}{note} | {base_label} | {fmt_time(w, rs_secs, n)} | {ps_cell} | {fmt_ratio(r1)} '
                   f'| {fmt_ratio(r2)} | {sp} | {tcell} | {met} | {mem} |')

    for w in FETCH:
        row(w, best_fetch, f'{fmt_time(w, best_fetch, 1)} ({best_mode})',
            [('libpq', 'fetch' if best_mode == 'normal' else 'fetch_single')])

    # Peak memory: the worst rsodbc fetch workload at the large size, and its growth.
    big_kb = [rss(runs, 'rsodbc', w, False) for w in FETCH]
    small_kb = [rss(runs, 'rsodbc', w, True) for w in FETCH]
    if None in big_kb or None in small_kb:
        out.append('| peak memory, rsodbc | | | | | | | ≤ 16 MiB, flat | — | missing runs |')
    else:
        worst = max(big_kb)
        growth = max(b - s for b, s in zip(big_kb, small_kb))
        met = 'met' if worst <= MEM_LIMIT_KB and growth <= FLAT_KB else '**not met**'
        out.append(f'| peak memory, rsodbc, {a.rows:,} rows (worst fetch workload) | | {mib(worst)} MiB | | | | '
                   f'| ≤ 16 MiB, growth ≤ 1 MiB | {met} | largest growth {small} → {big}: {growth / 1024:+.1f} MiB |')

    for w in ('insert_row', 'insert_array'):
        base = med(runs, 'libpq', w)
        how = 'prepared one-row INSERT' if w == 'insert_row' else 'multi-row INSERTs of 1,000'
        row(w, base, f'{fmt_time(w, base, 1)} ({how})', [('libpq', w)], note=f' ({ops(runs, "libpq", w) or 0:,} rows)')
    base = med(runs, 'libpq', 'connect')
    row('connect', base, fmt_time('connect', base, ops(runs, 'libpq', 'connect') or 1), [('libpq', 'connect')])
    # IAM: against rsodbc's own password connect, as the target says.
    pw = med(runs, 'rsodbc', 'connect')
    row('connect_iam', pw, f'rsodbc password: {fmt_time("connect", pw, ops(runs, "rsodbc", "connect") or 1)}',
        [('rsodbc', 'connect')])
    base = med(runs, 'libpq', 'latency')
    row('latency', base, fmt_time('latency', base, ops(runs, 'libpq', 'latency') or 1), [('libpq', 'latency')])
    row('latency_close', base, fmt_time('latency', base, ops(runs, 'libpq', 'latency') or 1) + ' (as above)',
        [('libpq', 'latency')], base_n=ops(runs, 'libpq', 'latency'))

    # The client's own CPU time: what the driver costs, less disturbed by the server and by
    # other load on the machine than wall time.
    out.append('')
    out.append('Client CPU time (user + system of the benchmark process during the timed part; medians):')
    out.append('')
    out.append('| workload | libpq | rsodbc | psqlODBC | rsodbc / libpq | psqlODBC / libpq |')
    out.append('|---|---|---|---|---|---|')
    cpu_lp = {m: med(runs, 'libpq', m, 'cpu') for m in ('fetch', 'fetch_single')}
    cpu_known = [v for v in cpu_lp.values() if v is not None]
    cpu_fetch = min(cpu_known) if cpu_known else None
    for w in FETCH + ['insert_row', 'insert_array', 'connect', 'connect_iam', 'latency', 'latency_close']:
        n = ops(runs, 'rsodbc', w) or 1
        if w in FETCH:
            base, base_n = cpu_fetch, n
        elif w == 'connect_iam':
            base, base_n = med(runs, 'rsodbc', 'connect', 'cpu'), ops(runs, 'rsodbc', 'connect') or 1
        else:
            lw = 'latency' if w == 'latency_close' else w
            base, base_n = med(runs, 'libpq', lw, 'cpu'), ops(runs, 'libpq', lw) or 1
        rs_c, ps_c = med(runs, 'rsodbc', w, 'cpu'), med(runs, 'psqlodbc', w, 'cpu')
        base_cell = fmt_time(w, base, base_n) + (' (rsodbc password)' if w == 'connect_iam' else '')
        base_same = None if base is None else base * n / base_n  # per operation, as in the table above
        out.append(f'| {LABEL[w]} | {base_cell} | {fmt_time(w, rs_c, n)} | '
                   f'{fmt_time(w, ps_c, n) if w != "connect_iam" else "no IAM"} | {fmt_ratio(ratio(rs_c, base_same))} '
                   f'| {fmt_ratio(ratio(ps_c, base_same))} |')

    out.append('')
    out.append('Digests (every fetched value checked; inserts checked by count and md5 of the stored rows):')
    ok = digest_check(runs, out)
    failed = [r for r in runs if r['failed']]
    for r in failed:
        out.append(f'- **{r["program"]} {r["workload"]} round {r["round"]} FAILED**')
    print('\n'.join(out))
    return 0 if ok and not failed else 1


if __name__ == '__main__':
    sys.exit(main())
