"""sts (Query protocol): AssumeRole, AssumeRoleWithWebIdentity, GetCallerIdentity."""

import datetime

from . import models
from .errors import AwsError
from .services import Service, now_utc

_INVALID_WEB_TOKEN = ('The web identity token that was passed could not be validated by AWS. '
                      'Get a new identity token from the identity provider and then retry '
                      'the request.')


class Sts(Service):
    name = 'sts'
    unsigned = frozenset({'AssumeRoleWithWebIdentity'})

    def __init__(self, state, pg=None):
        super().__init__(state, pg)
        self.operations = {
            'AssumeRole': self.assume_role,
            'AssumeRoleWithWebIdentity': self.assume_role_with_web_identity,
            'GetCallerIdentity': self.get_caller_identity,
        }

    def validation_error(self, problems, op):
        return AwsError('ValidationError',
                        models.coral_message(problems, models.sensitive_members(op.input_shape)))

    def _issue(self, role, session, duration, source):
        account = role['arn'].split(':')[4] or self.config.account
        cred = self.state.issue_aws_credentials(
            arn=f"arn:aws:sts::{account}:assumed-role/{role['name']}/{session}",
            account=account, user_id=f"{role['role_id']}:{session}",
            duration=duration, source=source)
        expiration = datetime.datetime.fromtimestamp(cred['expiration'], datetime.timezone.utc)
        return {
            'Credentials': {'AccessKeyId': cred['access_key_id'],
                            'SecretAccessKey': cred['secret_access_key'],
                            'SessionToken': cred['session_token'],
                            'Expiration': expiration},
            'AssumedRoleUser': {'AssumedRoleId': cred['user_id'], 'Arn': cred['arn']},
        }

    def _check_duration(self, role, duration, chained):
        if duration > role['max_session_duration']:
            raise AwsError('ValidationError', 'The requested DurationSeconds exceeds the '
                           'MaxSessionDuration set for this role.')
        if chained and duration > 3600:
            raise AwsError('ValidationError', 'The requested DurationSeconds exceeds the 1 hour '
                           'session limit for roles assumed by role chaining.')

    def assume_role(self, ident, params, req):
        role = self.config.roles.get(params['RoleArn'])
        denied = AwsError('AccessDenied', f"User: {ident['arn']} is not authorized to perform: "
                          f"sts:AssumeRole on resource: {params['RoleArn']}", 403)
        if role is None:
            raise denied
        caller = ident['arn']
        chained = ':assumed-role/' in caller
        principals = {caller}
        if chained:     # an assumed-role session acts for its role
            acct = caller.split(':')[4]
            principals.add(f"arn:aws:iam::{acct}:role/{caller.split('/')[1]}")
        if '*' not in role['trusted'] and not principals & set(role['trusted']):
            raise denied
        if role['external_id'] is not None and params.get('ExternalId') != role['external_id']:
            raise denied
        duration = params.get('DurationSeconds', 3600)
        self._check_duration(role, duration, chained)
        return self._issue(role, params['RoleSessionName'], duration, 'AssumeRole')

    def assume_role_with_web_identity(self, ident, params, req):
        token = next((t for t in self.config.web_identity_tokens
                      if t['token'] == params['WebIdentityToken']), None)
        if token is None:
            raise AwsError('InvalidIdentityToken', _INVALID_WEB_TOKEN)
        if token.get('expired'):
            now = now_utc(self.state).strftime('%a %b %d %H:%M:%S UTC %Y')
            raise AwsError('ExpiredTokenException', f'Token expired: current date/time {now} '
                           'must be before the expiration date/time.')
        role = self.config.roles.get(params['RoleArn'])
        if role is None or params['RoleArn'] not in token.get('role_arns', []):
            raise AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity', 403)
        duration = params.get('DurationSeconds', 3600)
        self._check_duration(role, duration, False)
        out = self._issue(role, params['RoleSessionName'], duration, 'AssumeRoleWithWebIdentity')
        out.update({'SubjectFromWebIdentityToken': token.get('subject', 'subject'),
                    'Provider': token.get('provider', 'oidc.emulator.example'),
                    'Audience': token.get('audience', 'sts.amazonaws.com')})
        return out

    def get_caller_identity(self, ident, params, req):
        return {'UserId': ident['user_id'], 'Account': ident['account'], 'Arn': ident['arn']}
