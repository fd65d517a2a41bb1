"""The Query protocol (redshift, sts): form-encoded Action=...&Version=..., XML answers."""

import urllib.parse

from . import models
from .errors import AwsError
from .http import Front, Response

_XML = 'text/xml'


class QueryFront(Front):
    json_protocol = False

    def __init__(self, state, services):
        self.state = state
        self.services = services        # signing name -> service object (see services.py)
        self.by_version = {s.model.api_version: name for name, s in services.items()}

    def _params(self, req):
        params = dict(req.query)
        ctype = req.headers.get('Content-Type', '')
        if req.method == 'POST' and ctype.startswith('application/x-www-form-urlencoded'):
            try:
                text = req.body.decode('utf-8')
            except UnicodeDecodeError:
                text = ''
            params.update(urllib.parse.parse_qsl(text, keep_blank_values=True))
        return params

    def identify(self, req):
        if req.method not in ('GET', 'POST') or req.headers.get('X-Amz-Target'):
            return None
        params = self._params(req)
        if 'Action' not in params:
            return None
        req.form = params
        service = self.by_version.get(params.get('Version'))
        if service is None:
            for name, svc in self.services.items():
                if params['Action'] in svc.model.operation_names:
                    service = name
                    break
        return (service or 'unknown', params['Action'])

    def handle(self, req, service, action, call):
        svc = self.services.get(service)
        if svc is None:
            raise AwsError('InvalidAction', f'The action {action} is not valid for this web service.')
        if action not in svc.operations:
            svc.authenticate(req, action, json_protocol=False)     # AWS checks the signature first
            raise AwsError('InvalidAction', f'The action {action} is not valid for this web service.')
        if req.form.get('Version') != svc.model.api_version:
            raise AwsError('InvalidAction', f"Could not find operation {action} for version "
                           f"{req.form.get('Version') or 'NO_VERSION_SPECIFIED'}")
        op = svc.model.operation_model(action)
        problems = []
        params, consumed = models.decode_query(op.input_shape, req.form, problems)
        call.data['params'] = svc.loggable(op, params)
        for key in req.form:
            if key not in consumed and key not in ('Action', 'Version') \
                    and not key.startswith('X-Amz-'):
                problems.append(models.Problem('unknown', [key], req.form[key]))
        if not problems:
            models.validate(op.input_shape, params, problems)
        ident = svc.authenticate(req, action, json_protocol=False)
        if problems:
            raise svc.validation_error(problems, op)
        result = svc.operations[action](ident, params, req)
        body = ''
        if op.output_shape is not None:
            wrapper = op.output_shape.serialization.get('resultWrapper', f'{action}Result')
            body = models.to_xml(op.output_shape, result, wrapper)
        ns = svc.model.metadata.get('xmlNamespace')
        xml = (f'<{action}Response xmlns="{ns}">{body}'
               f'<ResponseMetadata><RequestId>{req.request_id}</RequestId></ResponseMetadata>'
               f'</{action}Response>')
        return Response(200, xml, _XML)

    def error(self, req, service, err):
        svc = self.services.get(service)
        ns = svc.model.metadata.get('xmlNamespace') if svc else 'http://webservices.amazon.com/AWSFault/2005-15-09'
        xml = (f'<ErrorResponse xmlns="{ns}"><Error>'
               f'<Type>{"Sender" if err.sender else "Receiver"}</Type>'
               f'<Code>{models._xml_escape(err.code)}</Code>'
               f'<Message>{models._xml_escape(err.message)}</Message>'
               f'</Error><RequestId>{req.request_id}</RequestId></ErrorResponse>')
        return Response(err.status, xml, _XML, err.extra_headers)
