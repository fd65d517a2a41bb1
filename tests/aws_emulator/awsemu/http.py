"""HTTP plumbing: requests in, answers out, faults applied, calls recorded."""

import http.server
import json
import logging
import time
import urllib.parse
import uuid

from . import errors, sigv4

log = logging.getLogger('awsemu')
MAX_BODY = 1 << 20


class Request:
    def __init__(self, method, raw_path, headers, body, client):
        self.method = method
        self.raw_path = raw_path
        split = urllib.parse.urlsplit(raw_path)
        self.path = split.path
        self.query = dict(urllib.parse.parse_qsl(split.query, keep_blank_values=True))
        self.headers = headers
        self.body = body
        self.client = client
        self.request_id = str(uuid.uuid4())


class Response:
    def __init__(self, status, body=b'', content_type='text/plain', headers=None):
        self.status = status
        self.body = body if isinstance(body, bytes) else body.encode('utf-8')
        self.headers = {'Content-Type': content_type}
        self.headers.update(headers or {})
        self.truncate = False       # send only part of the body, then close
        self.hang_event = None      # do not answer: wait on this, then close
        self.hang_seconds = 0

    @classmethod
    def json(cls, status, obj, content_type='application/json', headers=None):
        return cls(status, json.dumps(obj, separators=(',', ':')), content_type, headers)


class Call:
    """What the call log keeps of one request (never secrets)."""

    def __init__(self, service, action, access_key):
        self.data = {'time': time.time(), 'service': service, 'action': action,
                     'access_key': access_key, 'params': {}, 'status': None,
                     'error': None, 'fault': None}


class Front:
    """A protocol family. Subclasses: identify the call, handle it, format errors."""
    json_protocol = False

    def identify(self, req):
        """(service, action) of a request this front recognises; else None."""
        raise NotImplementedError

    def handle(self, req, service, action, call):
        raise NotImplementedError

    def error(self, req, service, err):
        raise NotImplementedError

    def throttling(self):
        return errors.throttling(self.json_protocol)

    def malformed(self, req, service, action):
        return Response(200, b'<' + action.encode() + b'Response><Broken', 'text/xml')

    def oversize(self, resp, size):
        """resp, made larger than size while staying well-formed where possible."""
        pad = max(0, size - len(resp.body))
        if resp.headers.get('Content-Type', '').startswith('text/xml'):
            resp.body = resp.body + b'<!--' + b'x' * pad + b'-->'
        else:
            resp.body = resp.body + b' ' * pad
        return resp


class App:
    def __init__(self, state, fronts, control):
        self.state = state
        self.fronts = fronts
        self.control = control

    def dispatch(self, req):
        if req.path.startswith('/_emulator/'):
            return self.control.handle(req)
        for front in self.fronts:
            ident = front.identify(req)
            if ident is not None:
                return self._serve(front, req, *ident)
        return Response.json(404, {'message': f'No emulated endpoint at {req.method} {req.path}'})

    def _serve(self, front, req, service, action):
        call = Call(service, action, sigv4.access_key_of(req.headers))
        call.data['request_id'] = req.request_id   # as sent in x-amzn-RequestId (and Query bodies)
        fault = self.state.take_fault(service, action)
        kind = fault['kind'] if fault else None
        call.data['fault'] = kind
        resp = None
        if kind == 'throttle':
            resp = front.error(req, service, front.throttling())
        elif kind == 'internal':
            resp = front.error(req, service, errors.internal_failure())
        elif kind == 'unavailable':
            resp = front.error(req, service, errors.service_unavailable())
        elif kind == 'malformed':
            resp = front.malformed(req, service, action)
        elif kind == 'hang':
            resp = Response(0)
            resp.hang_event = self.state.release_hangs
            resp.hang_seconds = fault.get('hang_ms', 120000) / 1000.0
        else:
            if kind == 'delay':
                self.state.release_hangs.wait(fault.get('delay_ms', 1000) / 1000.0)
            try:
                resp = front.handle(req, service, action, call)
            except errors.AwsError as err:
                call.data['error'] = err.code
                resp = front.error(req, service, err)
            except Exception:
                log.exception('%s %s failed', service, action)
                call.data['error'] = 'InternalFailure'
                resp = front.error(req, service, errors.internal_failure())
            if kind == 'truncated':
                resp.truncate = True
            elif kind == 'oversized':
                resp = front.oversize(resp, fault.get('size', 2 * MAX_BODY))
        call.data['status'] = resp.status if not resp.hang_event else None
        if kind in ('throttle', 'internal', 'unavailable'):
            call.data['error'] = {'throttle': front.throttling().code, 'internal': 'InternalFailure',
                                  'unavailable': 'ServiceUnavailable'}[kind]
        self.state.record(call.data)
        log.info('%s %s key=%s status=%s%s%s', service, action, call.data['access_key'] or '-',
                 call.data['status'], f" error={call.data['error']}" if call.data['error'] else '',
                 f' fault={kind}' if kind else '')
        return resp


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    timeout = 60                # idle keep-alive connections end after this
    server_version = 'awsemu/1.0'
    app = None                  # set by make_server

    def log_message(self, fmt, *args):      # one line per request comes from App instead
        pass

    def _run(self):
        length = self.headers.get('Content-Length')
        if self.headers.get('Transfer-Encoding', '').lower() == 'chunked':
            self._send(Response(411, b'chunked bodies are not supported'))
            return
        try:
            n = int(length) if length else 0
        except ValueError:
            n = -1
        if n < 0 or n > MAX_BODY:
            self.close_connection = True
            self._send(Response(413, b'body too large'))
            return
        body = self.rfile.read(n) if n else b''
        req = Request(self.command, self.path, self.headers, body, self.client_address[0])
        resp = self.app.dispatch(req)
        self._send(resp, req.request_id)

    do_GET = do_POST = do_PUT = do_DELETE = _run

    def _send(self, resp, request_id=None):
        if resp.hang_event is not None:
            resp.hang_event.wait(resp.hang_seconds)
            self.close_connection = True
            return
        self.send_response(resp.status)
        for k, v in resp.headers.items():
            self.send_header(k, v)
        if request_id and 'x-amzn-RequestId' not in resp.headers:
            self.send_header('x-amzn-RequestId', request_id)
        self.send_header('Content-Length', str(len(resp.body)))
        if resp.truncate:
            self.send_header('Connection', 'close')
        self.end_headers()
        body = resp.body[:len(resp.body) // 2] if resp.truncate else resp.body
        try:
            self.wfile.write(body)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        if resp.truncate:
            self.close_connection = True


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    ssl_context = None

    def finish_request(self, request, client_address):
        # TLS handshakes happen here, in the connection's own thread, so a slow or
        # silent client cannot stall accept().
        if self.ssl_context is not None:
            request.settimeout(30)
            try:
                request = self.ssl_context.wrap_socket(request, server_side=True)
            except OSError as e:
                log.info('TLS handshake with %s failed: %s', client_address[0], e)
                return
        super().finish_request(request, client_address)


def make_server(app, port, ssl_context=None):
    handler = type('BoundHandler', (Handler,), {'app': app})
    server = Server(('127.0.0.1', port), handler)
    server.ssl_context = ssl_context
    return server

