"""The control API under /_emulator/ (unsigned, loopback only). See ../README.md."""

import ipaddress
import json

from .http import Response
from .state import FAULT_KINDS

_LIMITS = {'count': (1, 100000), 'delay_ms': (0, 600000), 'hang_ms': (0, 3600000),
           'size': (1, 64 << 20)}


class BadRequest(Exception):
    pass


class Control:
    def __init__(self, state):
        self.state = state

    def handle(self, req):
        try:
            if not ipaddress.ip_address(req.client).is_loopback:
                return Response.json(403, {'error': 'the control API answers loopback clients only'})
        except ValueError:
            return Response.json(403, {'error': 'unknown client address'})
        route = (req.method, req.path.rstrip('/'))
        try:
            if route == ('GET', '/_emulator/health'):
                return Response.json(200, {'ok': True})
            if route == ('POST', '/_emulator/reset'):
                self.state.reset()
                return Response.json(200, {'ok': True})
            if route == ('GET', '/_emulator/calls'):
                return Response.json(200, {'calls': self.state.list_calls(
                    req.query.get('service'), req.query.get('action'))})
            if route == ('DELETE', '/_emulator/calls'):
                self.state.clear_calls()
                return Response.json(200, {'ok': True})
            if route == ('GET', '/_emulator/faults'):
                return Response.json(200, {'faults': self.state.list_faults()})
            if route == ('POST', '/_emulator/faults'):
                fault = self._fault(self._json(req))
                self.state.add_fault(fault)
                return Response.json(200, {'ok': True, 'fault': fault})
            if route == ('DELETE', '/_emulator/faults'):
                self.state.clear_faults()
                return Response.json(200, {'ok': True})
            if route == ('GET', '/_emulator/expiration'):
                return Response.json(200, {'seconds': self.state.expiration_seconds})
            if route == ('POST', '/_emulator/expiration'):
                seconds = self._json(req).get('seconds')
                if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, int)
                                            or not -86400 <= seconds <= 86400 * 7):
                    raise BadRequest('seconds must be null or an integer in -86400..604800')
                with self.state.lock:
                    self.state.expiration_seconds = seconds
                return Response.json(200, {'ok': True, 'seconds': seconds})
            if route == ('GET', '/_emulator/credentials'):
                with self.state.lock:
                    issued = [{'access_key_id': c['access_key_id'], 'arn': c['arn'],
                               'source': c['source'], 'expiration': c['expiration']}
                              for c in self.state.issued.values()]
                return Response.json(200, {'credentials': issued})
        except BadRequest as e:
            return Response.json(400, {'error': str(e)})
        return Response.json(404, {'error': f'no control endpoint {req.method} {req.path}'})

    @staticmethod
    def _json(req):
        try:
            obj = json.loads(req.body.decode('utf-8') or '{}')
        except (UnicodeDecodeError, ValueError):
            raise BadRequest('body must be a JSON object')
        if not isinstance(obj, dict):
            raise BadRequest('body must be a JSON object')
        return obj

    @staticmethod
    def _fault(spec):
        unknown = set(spec) - {'kind', 'service', 'action', 'count', 'delay_ms', 'hang_ms', 'size'}
        if unknown:
            raise BadRequest('unknown fault fields: ' + ', '.join(sorted(unknown)))
        if spec.get('kind') not in FAULT_KINDS:
            raise BadRequest('kind must be one of ' + ', '.join(FAULT_KINDS))
        fault = {'kind': spec['kind'], 'service': spec.get('service'), 'action': spec.get('action'),
                 'count': spec.get('count', 1)}
        for key in ('service', 'action'):
            if fault[key] is not None and not isinstance(fault[key], str):
                raise BadRequest(f'{key} must be a string')
        for key, (lo, hi) in _LIMITS.items():
            if key in spec or key == 'count':
                value = spec.get(key, fault.get(key))
                if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
                    raise BadRequest(f'{key} must be an integer in {lo}..{hi}')
                fault[key] = value
        fault['remaining'] = fault['count']
        return fault
