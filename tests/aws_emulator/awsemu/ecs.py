"""ECS / EKS Pod Identity container credentials: GET on the configured path, token in
the Authorization header (AWS_CONTAINER_CREDENTIALS_FULL_URI + ..._AUTHORIZATION_TOKEN)."""

import datetime

from .errors import AwsError
from .http import Front, Response


def iso_seconds(epoch):
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')


def reuse_or_issue(state, cached, issue):
    """Hand out the cached credential until it nears expiry, as the agents do."""
    if cached is not None:
        left = cached['expiration'] - state.now()
        if left > min(300, cached['lifetime'] / 2):
            return cached
    cred = issue()
    cred['lifetime'] = cred['expiration'] - state.now()
    return cred


class EcsFront(Front):
    json_protocol = True

    def __init__(self, state):
        self.state = state
        self.container = state.config.container

    def identify(self, req):
        if self.container and req.path == self.container['path']:
            return ('ecs', 'GetCredentials')
        return None

    def throttling(self):
        return AwsError('TooManyRequests', 'Too many requests', 429)

    def handle(self, req, service, action, call):
        if req.method != 'GET':
            raise AwsError('InvalidRequest', 'Only GET is supported', 405)
        want = self.container.get('token')
        if want is not None and req.headers.get('Authorization') != want:
            raise AwsError('AccessDenied', 'Invalid or missing authorization token', 401)
        role_arn = self.container['role_arn']
        account = role_arn.split(':')[4]
        role = role_arn.split('/')[-1]

        def issue():
            return self.state.issue_aws_credentials(
                arn=f'arn:aws:sts::{account}:assumed-role/{role}/ecs-task',
                account=account, user_id=f'AROAECS{role.upper()[:12]}:ecs-task',
                duration=self.container.get('duration', 21600), source='ecs')
        with self.state.lock:
            cached = self.state.ecs_credential
        cred = reuse_or_issue(self.state, cached, issue)
        with self.state.lock:
            self.state.ecs_credential = cred
        return Response.json(200, {
            'AccessKeyId': cred['access_key_id'],
            'SecretAccessKey': cred['secret_access_key'],
            'Token': cred['session_token'],
            'Expiration': iso_seconds(cred['expiration']),
            'RoleArn': role_arn,
        })

    def error(self, req, service, err):
        return Response.json(err.status, {'code': err.code, 'message': err.message})

    def malformed(self, req, service, action):
        return Response(200, b'{"AccessKeyId": "ASIA', 'application/json')
