"""SigV4 verification: recompute the signature of what was received with botocore.

botocore's SigV4Auth builds the canonical request, string to sign and signature; the
only thing overridden is which headers are signed: exactly those the client listed in
SignedHeaders, with the values received (botocore would otherwise pick its own set)."""

import datetime
import hmac
import re

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.compat import HTTPHeaders
from botocore.credentials import Credentials

from .errors import AwsError

MAX_SKEW = datetime.timedelta(minutes=5)
_AUTH_RE = re.compile(
    r'^AWS4-HMAC-SHA256\s+Credential=([^,\s]+)\s*,\s*SignedHeaders=([^,\s]+)\s*,\s*Signature=([0-9a-fA-F]+)\s*$')

_MISMATCH = ('The request signature we calculated does not match the signature you provided. '
             'Check your AWS Secret Access Key and signing method. '
             'Consult the service documentation for details.')


class _ReceivedHeadersSigner(SigV4Auth):
    def __init__(self, credentials, service, region, signed_names, received):
        super().__init__(credentials, service, region)
        self._signed_names = signed_names
        self._received = received

    def headers_to_sign(self, request):
        headers = HTTPHeaders()
        for name in self._signed_names:
            for value in self._received.get_all(name) or []:
                headers[name] = value
        return headers


def _errors(json_protocol):
    """Error codes and statuses as AWS gives them, Query vs JSON protocol."""
    if json_protocol:
        return {
            'missing': ('MissingAuthenticationTokenException', 403),
            'incomplete': ('IncompleteSignatureException', 400),
            'unknown': ('UnrecognizedClientException', 400),
            'expired': ('ExpiredTokenException', 400),
            'signature': ('InvalidSignatureException', 403),
        }
    return {
        'missing': ('MissingAuthenticationToken', 403),
        'incomplete': ('IncompleteSignature', 400),
        'unknown': ('InvalidClientTokenId', 403),
        'expired': ('ExpiredToken', 403),
        'signature': ('SignatureDoesNotMatch', 403),
    }


def access_key_of(headers):
    """The access key id named in the Authorization header, unverified (for the call log)."""
    m = _AUTH_RE.match(headers.get('Authorization', '') or '')
    return m.group(1).split('/')[0] if m else None


def verify(state, method, raw_path, headers, body, service, json_protocol):
    """Check the request's SigV4 signature for service. Returns the caller's identity
    (a dict with arn, account, user_id, access_key_id) or raises AwsError."""
    codes = _errors(json_protocol)

    def fail(kind, message):
        code, status = codes[kind]
        return AwsError(code, message, status)

    auth = headers.get('Authorization')
    if not auth:
        raise fail('missing', 'Request is missing Authentication Token'
                   if not json_protocol else 'Missing Authentication Token')
    m = _AUTH_RE.match(auth)
    if not m:
        raise fail('incomplete', "Authorization header requires 'Credential', 'Signature' "
                   "and 'SignedHeaders' parameters. Authorization=" + auth.split(' ')[0])
    credential, signed, signature = m.groups()
    scope = credential.split('/')
    if len(scope) != 5 or scope[4] != 'aws4_request':
        raise fail('incomplete', 'Credential should be scoped to a valid region, service '
                   'and terminated by aws4_request.')
    akid, scope_date, region, scope_service, _ = scope
    amz_date = headers.get('X-Amz-Date')
    if not amz_date:
        raise fail('incomplete', "Authorization header requires existence of either a "
                   "'X-Amz-Date' or a 'Date' header.")
    try:
        when = datetime.datetime.strptime(amz_date, '%Y%m%dT%H%M%SZ').replace(
            tzinfo=datetime.timezone.utc)
    except ValueError:
        raise fail('incomplete', f"Date must be in ISO-8601 'basic format'. Got '{amz_date}'.")

    ident = state.lookup_key(akid)
    if ident is None:
        raise fail('unknown', 'The security token included in the request is invalid.')
    token = headers.get('X-Amz-Security-Token')
    if (ident.get('session_token') or None) != (token or None):
        raise fail('unknown', 'The security token included in the request is invalid.')

    now = datetime.datetime.fromtimestamp(state.now(), datetime.timezone.utc)
    fmt = '%Y%m%dT%H%M%SZ'
    if when < now - MAX_SKEW:
        raise fail('signature', f'Signature expired: {amz_date} is now earlier than '
                   f'{(now - MAX_SKEW).strftime(fmt)} ({now.strftime(fmt)} - 5 min.)')
    if when > now + MAX_SKEW:
        raise fail('signature', f'Signature not yet current: {amz_date} is still later than '
                   f'{(now + MAX_SKEW).strftime(fmt)} ({now.strftime(fmt)} + 5 min.)')
    if ident.get('expiration') is not None and ident['expiration'] <= state.now():
        raise fail('expired', 'The security token included in the request is expired')
    if scope_date != amz_date[:8]:
        raise fail('signature', 'Date in Credential scope does not match YYYYMMDD from '
                   f"ISO-8601 version of date from HTTP: '{scope_date}' != '{amz_date[:8]}', "
                   f"from '{amz_date}'.")
    if scope_service != service:
        raise fail('signature', f"Credential should be scoped to correct service: '{service}'. ")
    if region not in state.config.regions:
        raise fail('signature', 'Credential should be scoped to a valid region. ')

    names = signed.lower().split(';')
    if 'host' not in names:
        raise fail('signature', "'Host' must be a 'SignedHeader' in the AWS Authorization.")
    host = headers.get('Host', '')
    request = AWSRequest(method=method, url=f'http://{host}{raw_path}', data=body,
                         headers={'X-Amz-Content-SHA256': headers['X-Amz-Content-SHA256']}
                         if headers.get('X-Amz-Content-SHA256') else {})
    request.context['timestamp'] = amz_date
    signer = _ReceivedHeadersSigner(
        Credentials(akid, ident['secret_access_key'], token), service, region, names, headers)
    canonical = signer.canonical_request(request)
    expected = signer.signature(signer.string_to_sign(request, canonical), request)
    if not hmac.compare_digest(expected, signature.lower()):
        raise fail('signature', _MISMATCH)
    ident['region'] = region
    return ident
