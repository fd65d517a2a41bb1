"""Shared by the Python tests (pyodbc clients, IAM): TAP output, the environment check, and
re-running under the sanitizer runtime in the ASan build (/usr/bin/python3 is not built with it,
so the driver it loads needs libasan preloaded)."""

import os
import sys


def require_env(names):
    """True when every variable is set; else print a TAP skip plan and return False."""
    for name in names:
        if not os.environ.get(name):
            print(f'1..0 # SKIP {name} is not set: run through scripts/check.sh or scripts/with-test-env.sh')
            return False
    return True


def reexec_with_preload():
    """With RS_PRELOAD set (scripts/check.sh's sanitizer run), run this script again with the
    AddressSanitizer runtime preloaded."""
    preload = os.environ.get('RS_PRELOAD', '')
    if not preload or os.environ.get('RS_PRELOAD_DONE') == '1':
        return
    env = dict(os.environ)
    env['LD_PRELOAD'] = preload
    env['ASAN_OPTIONS'] = env.get('RS_PRELOAD_ASAN_OPTIONS') or 'detect_leaks=0'
    env['RS_PRELOAD_DONE'] = '1'
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


class Tap:
    """TAP test points: `ok N - what`, with `#` lines of detail on failure."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, desc, detail=None):
        self.n += 1
        print(('ok' if cond else 'not ok') + f' {self.n} - {desc}')
        if not cond:
            self.failed += 1
            if detail is not None:
                for line in str(detail).splitlines() or ['']:
                    print(f'#   {line}')
        sys.stdout.flush()
        return cond

    def check(self, desc, fn):
        """fn returns a condition or (condition, detail); an exception is a failure with its
        message (a driver error, say)."""
        try:
            got = fn()
        except Exception as e:  # noqa: BLE001 - any failure is this test point's failure
            return self.ok(False, desc, f'{type(e).__name__}: {e}')
        cond, detail = got if isinstance(got, tuple) else (got, None)
        return self.ok(bool(cond), desc, detail)

    def check_eq(self, desc, fn):
        """fn returns (got, want); they must be equal."""
        try:
            got, want = fn()
        except Exception as e:  # noqa: BLE001 - any failure is this test point's failure
            return self.ok(False, desc, f'{type(e).__name__}: {e}')
        return self.ok(got == want, desc, f'got:  {got!r}\nwant: {want!r}')

    def plan(self):
        print(f'1..{self.n}')
        sys.stdout.flush()
