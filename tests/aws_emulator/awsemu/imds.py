"""EC2 instance metadata, IMDSv2 only: PUT /latest/api/token, then GETs with the token."""

import json
import secrets

from .ecs import iso_seconds, reuse_or_issue
from .errors import AwsError
from .http import Front, Response

_CREDS = '/latest/meta-data/iam/security-credentials/'


class ImdsFront(Front):
    def __init__(self, state):
        self.state = state
        self.instance = state.config.instance or {}

    def identify(self, req):
        if req.path == '/latest/api/token':
            return ('imds', 'PutToken')
        if req.path in (_CREDS, _CREDS.rstrip('/')):
            return ('imds', 'ListRoles')
        if req.path.startswith(_CREDS):
            return ('imds', 'GetRoleCredentials')
        if req.path.startswith('/latest/'):
            return ('imds', 'GetMetadata')
        return None

    def throttling(self):
        return AwsError('TooManyRequests', 'Too Many Requests', 429)

    def error(self, req, service, err):
        return Response(err.status, err.message)

    def malformed(self, req, service, action):
        return Response(200, b'{"Code": "Success", "AccessKeyId": ')

    def handle(self, req, service, action, call):
        if action == 'PutToken':
            return self._put_token(req)
        if req.method != 'GET':
            raise AwsError('MethodNotAllowed', 'Method Not Allowed', 405)
        token = req.headers.get('X-aws-ec2-metadata-token')
        with self.state.lock:
            expiry = self.state.imds_tokens.get(token) if token else None
        if expiry is None or expiry <= self.state.now():
            raise AwsError('Unauthorized', 'Unauthorized', 401)
        role = self.instance.get('role_name')
        if action == 'ListRoles':
            if not role:
                raise AwsError('NotFound', 'Not Found', 404)
            return Response(200, role)
        if action == 'GetRoleCredentials':
            if not role or req.path[len(_CREDS):].rstrip('/') != role:
                raise AwsError('NotFound', 'Not Found', 404)
            return self._credentials(role)
        meta = {
            '/latest/meta-data/placement/region': self.instance.get('region'),
            '/latest/meta-data/placement/availability-zone': self.instance.get('availability_zone'),
            '/latest/meta-data/instance-id': self.instance.get('instance_id', 'i-0emulator00000000'),
        }
        if req.path.rstrip('/') in meta and meta[req.path.rstrip('/')]:
            return Response(200, meta[req.path.rstrip('/')])
        raise AwsError('NotFound', 'Not Found', 404)

    def _put_token(self, req):
        if req.method != 'PUT':
            raise AwsError('MethodNotAllowed', 'Method Not Allowed', 405)
        if req.headers.get('X-Forwarded-For'):
            raise AwsError('Forbidden', 'Forbidden', 403)
        try:
            ttl = int(req.headers.get('X-aws-ec2-metadata-token-ttl-seconds', ''))
        except ValueError:
            ttl = 0
        if not 1 <= ttl <= 21600:
            raise AwsError('BadRequest', 'Bad Request', 400)
        token = secrets.token_urlsafe(40)
        with self.state.lock:
            self.state.imds_tokens[token] = self.state.now() + ttl
        return Response(200, token, headers={'X-aws-ec2-metadata-token-ttl-seconds': str(ttl)})

    def _credentials(self, role):
        arn = self.instance.get('role_arn') or f'arn:aws:iam::{self.state.config.account}:role/{role}'
        account = arn.split(':')[4]

        def issue():
            return self.state.issue_aws_credentials(
                arn=f'arn:aws:sts::{account}:assumed-role/{role}/i-0emulator00000000',
                account=account, user_id=f'AROAEC2{role.upper()[:12]}:i-0emulator00000000',
                duration=self.instance.get('duration', 21600), source='imds')
        with self.state.lock:
            cached = self.state.imds_credential
        cred = reuse_or_issue(self.state, cached, issue)
        with self.state.lock:
            self.state.imds_credential = cred
        return Response(200, json.dumps({
            'Code': 'Success',
            'LastUpdated': iso_seconds(cred['expiration'] - cred['lifetime']),
            'Type': 'AWS-HMAC',
            'AccessKeyId': cred['access_key_id'],
            'SecretAccessKey': cred['secret_access_key'],
            'Token': cred['session_token'],
            'Expiration': iso_seconds(cred['expiration']),
        }, indent=2))
