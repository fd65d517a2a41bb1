"""The IAM Identity Center (SSO) portal: GET /federation/credentials (REST JSON)."""

from .errors import AwsError
from .http import Front, Response


class SsoFront(Front):
    json_protocol = True

    def __init__(self, state):
        self.state = state
        self.config = state.config

    def identify(self, req):
        if req.path == '/federation/credentials':
            return ('sso', 'GetRoleCredentials')
        return None

    def throttling(self):
        return AwsError('TooManyRequestsException', 'Too many requests', 429)

    def handle(self, req, service, action, call):
        role_name = req.query.get('role_name')
        account_id = req.query.get('account_id')
        call.data['params'] = {'role_name': role_name, 'account_id': account_id}
        if req.method != 'GET':
            raise AwsError('InvalidRequestException', 'Only GET is supported', 400)
        token = req.headers.get('x-amz-sso_bearer_token')
        if not role_name or not account_id or not token:
            raise AwsError('InvalidRequestException',
                           'role_name, account_id and x-amz-sso_bearer_token are required', 400)
        entry = next((t for t in self.config.sso_tokens if t['token'] == token), None)
        if entry is None or entry.get('expired'):
            raise AwsError('UnauthorizedException', 'Session token not found or invalid', 401)
        if not any(r.get('account_id') == account_id and r.get('role_name') == role_name
                   for r in entry.get('roles', [])):
            raise AwsError('ForbiddenException', 'No access', 403)
        session = entry.get('user', 'sso-user')
        cred = self.state.issue_aws_credentials(
            arn=f'arn:aws:sts::{account_id}:assumed-role/{role_name}/{session}',
            account=account_id, user_id=f'AROASSO{role_name.upper()[:12]}:{session}',
            duration=entry.get('duration', 3600), source='sso')
        return Response.json(200, {'roleCredentials': {
            'accessKeyId': cred['access_key_id'],
            'secretAccessKey': cred['secret_access_key'],
            'sessionToken': cred['session_token'],
            'expiration': int(cred['expiration'] * 1000),
        }})

    def error(self, req, service, err):
        return Response.json(err.status, {'message': err.message}, 'application/json',
                             {'x-amzn-ErrorType': err.code})

    def malformed(self, req, service, action):
        return Response(200, b'{"roleCredentials": {"accessKeyId": ', 'application/json')
