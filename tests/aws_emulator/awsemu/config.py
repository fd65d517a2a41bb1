"""The emulator's world: identities, roles, tokens, clusters and workgroups (JSON file).

See ../README.md for the format; ../config.json is the sample the tests use."""

import hashlib
import json


class ConfigError(Exception):
    pass


def _need(obj, key, where):
    if key not in obj or obj[key] in (None, ''):
        raise ConfigError(f'{where}: missing "{key}"')
    return obj[key]


def arn_account(arn):
    parts = arn.split(':')
    return parts[4] if len(parts) > 5 else ''


class Config:
    def __init__(self, data, pg_port=None):
        self.account = data.get('account', '123456789012')
        self.regions = list(data.get('regions', ['us-east-1']))
        self.identities = {}
        for i, ident in enumerate(data.get('identities', [])):
            where = f'identities[{i}]'
            akid = _need(ident, 'access_key_id', where)
            _need(ident, 'secret_access_key', where)
            arn = _need(ident, 'arn', where)
            self.identities[akid] = {
                'access_key_id': akid,
                'secret_access_key': ident['secret_access_key'],
                'session_token': ident.get('session_token'),
                'arn': arn,
                'account': ident.get('account') or arn_account(arn) or self.account,
                'user_id': ident.get('user_id') or ('AIDA' + akid[4:].upper()),
                'allowed_actions': ident.get('allowed_actions'),
            }
        self.roles = {}
        for i, role in enumerate(data.get('roles', [])):
            arn = _need(role, 'arn', f'roles[{i}]')
            self.roles[arn] = {
                'arn': arn,
                'name': arn.split('/')[-1],
                'role_id': role.get('role_id') or ('AROA' + hashlib.sha256(arn.encode()).hexdigest()[:16].upper()),
                'trusted': list(role.get('trusted', [])),
                'external_id': role.get('external_id'),
                'max_session_duration': int(role.get('max_session_duration', 3600)),
            }
        self.web_identity_tokens = list(data.get('web_identity_tokens', []))
        for i, tok in enumerate(self.web_identity_tokens):
            _need(tok, 'token', f'web_identity_tokens[{i}]')
        self.sso_tokens = list(data.get('sso_tokens', []))
        for i, tok in enumerate(self.sso_tokens):
            _need(tok, 'token', f'sso_tokens[{i}]')
        self.container = data.get('container')
        if self.container:
            _need(self.container, 'path', 'container')
            _need(self.container, 'role_arn', 'container')
        self.instance = data.get('instance')
        if self.instance:
            _need(self.instance, 'role_name', 'instance')
        default_port = pg_port or 5439
        self.clusters = []
        for i, c in enumerate(data.get('clusters', [])):
            where = f'clusters[{i}]'
            self.clusters.append({
                'id': _need(c, 'id', where).lower(),
                'region': c.get('region', self.regions[0]),
                'host': c.get('host', '127.0.0.1'),
                'port': int(c['port']) if c.get('port') else default_port,
                'db_names': list(c.get('db_names', ['dev'])),
                'master_username': c.get('master_username', 'awsuser'),
                'db_users': list(c.get('db_users', [])),
                'custom_domains': list(c.get('custom_domains', [])),
                'status': c.get('status', 'available'),
            })
        self.workgroups = []
        for i, w in enumerate(data.get('workgroups', [])):
            where = f'workgroups[{i}]'
            self.workgroups.append({
                'name': _need(w, 'name', where),
                'region': w.get('region', self.regions[0]),
                'namespace': w.get('namespace', w['name'] + '-ns'),
                'host': w.get('host', '127.0.0.1'),
                'port': int(w['port']) if w.get('port') else default_port,
                'db_names': list(w.get('db_names', ['dev'])),
                'custom_domains': list(w.get('custom_domains', [])),
                'status': w.get('status', 'AVAILABLE'),
            })

    @classmethod
    def load(cls, path, pg_port=None):
        with open(path, encoding='utf-8') as f:
            return cls(json.load(f), pg_port)
