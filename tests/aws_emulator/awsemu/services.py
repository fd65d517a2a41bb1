"""What the signed AWS API services share: model, authentication, call-log redaction."""

import base64
import datetime
import secrets

from . import models, sigv4
from .errors import AwsError

REDACTED = '***'


class Service:
    name = None                 # botocore service name, also the SigV4 signing name
    unsigned = frozenset()      # operations AWS serves without a signature

    def __init__(self, state, pg=None):
        self.state = state
        self.config = state.config
        self.pg = pg
        self.model = models.service_model(self.name)
        self.operations = {}    # action -> method(ident, params, req) -> output value

    def authenticate(self, req, action, json_protocol):
        if action in self.unsigned:
            return None
        return sigv4.verify(self.state, req.method, req.raw_path, req.headers, req.body,
                            self.model.signing_name, json_protocol)

    def loggable(self, op, params):
        """params with the members botocore marks sensitive replaced by ***."""
        hidden = models.sensitive_members(op.input_shape)
        return {k: (REDACTED if k in hidden else v) for k, v in (params or {}).items()}

    def validation_error(self, problems, op):
        raise NotImplementedError

    def require_action_allowed(self, ident, action):
        """Identities may list allowed_actions ("redshift:GetClusterCredentials", ...)."""
        allowed = ident.get('allowed_actions') if ident else None
        if allowed is not None and f'{self.name}:{action}' not in allowed:
            raise AwsError('AccessDenied' if self.name != 'redshift-serverless' else 'AccessDeniedException',
                           f"User: {ident['arn']} is not authorized to perform: "
                           f"{self.name}:{action}", 403)


def now_utc(state):
    return datetime.datetime.fromtimestamp(state.now(), datetime.timezone.utc)


def new_db_password():
    # Redshift's temporary passwords are base64 text: '+', '/' and '=' included.
    return base64.b64encode(secrets.token_bytes(46)).decode('ascii')


def iam_db_user(arn):
    """The database user AWS maps an IAM identity to: IAM:<user> or IAMR:<role>."""
    resource = arn.split(':', 5)[5] if arn.count(':') >= 5 else arn
    kind, _, rest = resource.partition('/')
    if kind == 'assumed-role':
        return 'IAMR:' + rest.split('/')[0]
    if kind == 'role':
        return 'IAMR:' + rest.split('/')[-1]
    if kind == 'user':
        return 'IAM:' + rest.split('/')[-1]
    return 'IAM:' + (rest or kind)
