"""The JSON 1.1 protocol (redshift-serverless): X-Amz-Target, JSON in and out."""

import json

from . import models
from .errors import AwsError
from .http import Front, Response

_CTYPE = 'application/x-amz-json-1.1'


class JsonFront(Front):
    json_protocol = True

    def __init__(self, state, services):
        self.state = state
        self.services = services        # signing name -> service object
        self.by_prefix = {s.model.metadata['targetPrefix']: name for name, s in services.items()}

    def identify(self, req):
        target = req.headers.get('X-Amz-Target')
        if req.method != 'POST' or not target or '.' not in target:
            return None
        prefix, action = target.rsplit('.', 1)
        return (self.by_prefix.get(prefix, 'unknown'), action)

    def handle(self, req, service, action, call):
        svc = self.services.get(service)
        if svc is None:
            raise AwsError('UnknownOperationException', '')
        if action not in svc.operations:
            svc.authenticate(req, action, json_protocol=True)      # AWS checks the signature first
            raise AwsError('UnknownOperationException', '')
        op = svc.model.operation_model(action)
        try:
            params = json.loads(req.body.decode('utf-8')) if req.body.strip() else {}
        except (UnicodeDecodeError, ValueError):
            raise AwsError('SerializationException', 'Start of structure or map found where not expected.')
        if not isinstance(params, dict):
            raise AwsError('SerializationException', 'Start of structure or map found where not expected.')
        call.data['params'] = svc.loggable(op, params)
        ident = svc.authenticate(req, action, json_protocol=True)
        problems = []
        models.validate(op.input_shape, params, problems, json_types=True)
        if problems:
            raise svc.validation_error(problems, op)
        result = svc.operations[action](ident, params, req)
        out = models.to_json(op.output_shape, result) if op.output_shape is not None else {}
        return Response.json(200, out, _CTYPE)

    def error(self, req, service, err):
        return Response.json(err.status, {'__type': err.code, 'message': err.message},
                             _CTYPE, err.extra_headers)

    def malformed(self, req, service, action):
        return Response(200, b'{"dbUser": "IAM:', _CTYPE)
