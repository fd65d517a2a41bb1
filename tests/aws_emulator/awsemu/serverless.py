"""redshift-serverless (JSON 1.1): GetCredentials, GetWorkgroup."""

import datetime
import hashlib

from . import models
from .errors import AwsError
from .postgres import PgError
from .services import Service, iam_db_user, new_db_password, now_utc


class RedshiftServerless(Service):
    name = 'redshift-serverless'

    def __init__(self, state, pg=None):
        super().__init__(state, pg)
        self.operations = {
            'GetCredentials': self.get_credentials,
            'GetWorkgroup': self.get_workgroup,
        }

    def validation_error(self, problems, op):
        if any(p.kind == 'type' for p in problems):
            p = next(p for p in problems if p.kind == 'type')
            return AwsError('SerializationException',
                            f"Unexpected value type for '{p.dotted()}', expected {p.detail}")
        return AwsError('ValidationException',
                        models.coral_message(problems, models.sensitive_members(op.input_shape)))

    def _workgroup(self, ident, params):
        name = params.get('workgroupName')
        domain = (params.get('customDomainName') or '').lower()
        if not name and not domain:
            raise AwsError('ValidationException',
                           'Either workgroupName or customDomainName must be specified.')
        for w in self.config.workgroups:
            if w['region'] != ident['region']:
                continue
            if name and w['name'] != name:
                continue
            if domain and domain not in [d.lower() for d in w['custom_domains']]:
                continue
            return w
        what = name or domain
        raise AwsError('ResourceNotFoundException', f'Workgroup {what} is not found.', 400)

    def get_workgroup(self, ident, params, req):
        self.require_action_allowed(ident, 'GetWorkgroup')
        w = self._workgroup(ident, params)
        wid = hashlib.sha256(w['name'].encode()).hexdigest()
        wid = f'{wid[:8]}-{wid[8:12]}-{wid[12:16]}-{wid[16:20]}-{wid[20:32]}'
        return {'workgroup': {
            'workgroupName': w['name'],
            'workgroupId': wid,
            'workgroupArn': f"arn:aws:redshift-serverless:{w['region']}:{self.config.account}:workgroup/{wid}",
            'namespaceName': w['namespace'],
            'baseCapacity': 128,
            'enhancedVpcRouting': False,
            'publiclyAccessible': True,
            'port': w['port'],
            'status': w['status'],
            'creationDate': datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc),
            'endpoint': {'address': w['host'], 'port': w['port'], 'vpcEndpoints': []},
        }}

    def get_credentials(self, ident, params, req):
        self.require_action_allowed(ident, 'GetCredentials')
        self._workgroup(ident, params)
        db_user = iam_db_user(ident['arn'])
        lifetime = self.state.lifetime(params.get('durationSeconds', 900))
        expiration = now_utc(self.state) + datetime.timedelta(seconds=lifetime)
        password = new_db_password()
        if self.pg is not None:
            try:
                self.pg.set_password(db_user, password, expiration, True, [])
            except PgError as e:
                raise AwsError('InternalServerException', str(e), 500, sender=False)
        return {'dbUser': db_user, 'dbPassword': password, 'expiration': expiration,
                'nextRefreshTime': expiration}
