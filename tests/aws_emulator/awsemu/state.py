"""Mutable state: credentials the emulator issued, recorded calls, pending faults."""

import base64
import copy
import secrets
import threading
import time


def random_key_id(prefix):
    alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    return prefix + ''.join(secrets.choice(alphabet) for _ in range(16))


def random_secret(n=30):
    return base64.b64encode(secrets.token_bytes(n)).decode('ascii')


FAULT_KINDS = ('throttle', 'internal', 'unavailable', 'delay', 'hang',
               'malformed', 'truncated', 'oversized')


class State:
    def __init__(self, config):
        self.config = config
        self.lock = threading.Lock()
        self.release_hangs = threading.Event()
        self.reset()

    def reset(self):
        with self.lock:
            self.issued = {}            # access key id -> issued AWS credential
            self.calls = []
            self.faults = []
            self.expiration_seconds = None
            self.imds_tokens = {}       # token -> expiry (epoch)
            self.imds_credential = None
            self.ecs_credential = None
            self.seq = 0
        # Let hanging handlers go, then arm the event again for future hangs.
        self.release_hangs.set()
        self.release_hangs = threading.Event()

    @staticmethod
    def now():
        return time.time()

    # ------------------------------------------------------------ credentials

    def lifetime(self, requested):
        """Seconds an issued credential lives: the control override, else requested."""
        with self.lock:
            return self.expiration_seconds if self.expiration_seconds is not None else requested

    def issue_aws_credentials(self, arn, account, user_id, duration, source):
        """New temporary AWS credentials (ASIA...) for the principal arn."""
        cred = {
            'access_key_id': random_key_id('ASIA'),
            'secret_access_key': random_secret(),
            'session_token': 'EmuSession' + random_secret(96),
            'arn': arn,
            'account': account,
            'user_id': user_id,
            'expiration': self.now() + self.lifetime(duration),
            'source': source,
        }
        with self.lock:
            self.issued[cred['access_key_id']] = cred
        return dict(cred)

    def lookup_key(self, access_key_id):
        """The identity for a key: configured ones first, then issued ones. None if unknown."""
        ident = self.config.identities.get(access_key_id)
        if ident:
            return dict(ident, expiration=None)
        with self.lock:
            cred = self.issued.get(access_key_id)
            return dict(cred) if cred else None

    # ------------------------------------------------------------ calls

    def record(self, call):
        with self.lock:
            self.seq += 1
            call['seq'] = self.seq
            self.calls.append(call)
            del self.calls[:-10000]     # bounded

    def list_calls(self, service=None, action=None):
        with self.lock:
            calls = copy.deepcopy(self.calls)
        return [c for c in calls
                if (service is None or c['service'] == service)
                and (action is None or c['action'] == action)]

    def clear_calls(self):
        with self.lock:
            self.calls = []

    # ------------------------------------------------------------ faults

    def add_fault(self, fault):
        with self.lock:
            self.faults.append(fault)

    def take_fault(self, service, action):
        """The first pending fault that matches this call, its count decremented."""
        with self.lock:
            for f in self.faults:
                if f.get('service') not in (None, service):
                    continue
                if f.get('action') not in (None, action):
                    continue
                f['remaining'] -= 1
                if f['remaining'] <= 0:
                    self.faults.remove(f)
                return dict(f)
        return None

    def list_faults(self):
        with self.lock:
            return copy.deepcopy(self.faults)

    def clear_faults(self):
        with self.lock:
            self.faults = []
