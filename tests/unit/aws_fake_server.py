#!/usr/bin/env python3
"""A scripted local HTTP server for tests/unit/aws_http: each path answers one way.

Prints its port on the first line of stdout and serves until stdin closes.
Paths (POST or GET):
  /ok-xml            200 with a small Query-protocol answer
  /throttle/<key>    400 Throttling twice per key, then 200 <Attempts>n</Attempts>
  /fail500/<key>     always 500 (counted)
  /count/<path>      200 with the number of requests seen for <path> (e.g. fail500/b)
  /auth              403 InvalidClientTokenId (Query XML)
  /skew              403 SignatureDoesNotMatch "Signature expired"
  /json-denied       400 JSON 1.1 AccessDeniedException
  /json-ok           200 JSON answer echoing X-Amz-Target
  /verify            200 when the SigV4 signature is what botocore computes, else 403
  /big               200 with a 2 MiB body
  /garbage           200 with a truncated XML body
  /html503           503 with an HTML page
  /slow              sleeps 3 s
"""
import datetime
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
counts = {}
lock = threading.Lock()


def bump(key):
    with lock:
        counts[key] = counts.get(key, 0) + 1
        return counts[key]


def verify(handler, body):
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    auth = handler.headers.get("Authorization", "")
    try:
        cred = auth.split("Credential=")[1].split(",")[0]
        akid, date, region, service, _ = cred.split("/")
        signed = auth.split("SignedHeaders=")[1].split(",")[0].split(";")
    except (IndexError, ValueError):
        return False, "malformed Authorization"
    amz_date = handler.headers.get("X-Amz-Date", "")
    fixed = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    headers = {h: handler.headers[h] for h in signed if h != "host" and handler.headers.get(h) is not None}
    url = "http://%s%s" % (handler.headers["Host"], handler.path)
    req = AWSRequest(method=handler.command, url=url, headers=headers, data=body)
    token = handler.headers.get("X-Amz-Security-Token")
    signer = botocore.auth.SigV4Auth(Credentials(akid, SECRET, token), service, region)
    real_get = getattr(botocore.auth, "get_current_datetime", None)
    real_dt = botocore.auth.datetime.datetime

    class Fixed(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

    botocore.auth.datetime.datetime = Fixed
    if real_get:
        botocore.auth.get_current_datetime = lambda *a, **k: fixed
    try:
        signer.add_auth(req)
    finally:
        botocore.auth.datetime.datetime = real_dt
        if real_get:
            botocore.auth.get_current_datetime = real_get
    return req.headers["Authorization"] == auth, req.headers["Authorization"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, ctype="text/xml", extra=None):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("x-amzn-RequestId", "req-%d" % status)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.do_POST()

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n) if n else b""
        parts = self.path.strip("/").split("/")
        head = parts[0]
        key = parts[1] if len(parts) > 1 else ""
        if head == "ok-xml":
            self.answer(200, "<R xmlns='x'><Result><Value>hello</Value></Result>"
                             "<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></R>")
        elif head == "throttle":
            c = bump("throttle/" + key)
            if c <= 2:
                self.answer(400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code>"
                                 "<Message>Rate exceeded</Message></Error><RequestId>t%d</RequestId>"
                                 "</ErrorResponse>" % c)
            else:
                self.answer(200, "<R><Attempts>%d</Attempts></R>" % c)
        elif head == "fail500":
            bump("fail500/" + key)
            self.answer(500, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>boom</Message>"
                             "</Error><RequestId>f1</RequestId></ErrorResponse>")
        elif head == "count":
            with lock:
                self.answer(200, str(counts.get("/".join(parts[1:]), 0)), "text/plain")
        elif head == "auth":
            bump("auth")
            self.answer(403, "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code>"
                             "<Message>The security token included in the request is invalid.</Message>"
                             "</Error><RequestId>a-1</RequestId></ErrorResponse>")
        elif head == "skew":
            self.answer(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>Signature "
                             "expired: 20200101T000000Z is now earlier than 20240101T000000Z</Message>"
                             "</Error></ErrorResponse>")
        elif head == "json-denied":
            self.answer(400, json.dumps({"__type": "com.amazonaws.redshiftserverless#AccessDeniedException",
                                         "message": "User is not authorized"}),
                        "application/x-amz-json-1.1")
        elif head == "json-ok":
            self.answer(200, json.dumps({"target": self.headers.get("X-Amz-Target"),
                                         "ctype": self.headers.get("Content-Type"),
                                         "body": body.decode()}), "application/x-amz-json-1.1")
        elif head == "verify":
            ok, detail = verify(self, body)
            if ok:
                self.answer(200, "<R><Verified>yes</Verified></R>")
            else:
                self.answer(403, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>"
                                 "expected %s</Message></Error></ErrorResponse>" % detail)
        elif head == "big":
            self.answer(200, b"<R>" + b"x" * (2 * 1024 * 1024) + b"</R>")
        elif head == "garbage":
            self.answer(200, "<R><Result><Value>trunc")
        elif head == "html503":
            self.answer(503, "<html><body>Service Unavailable</body></html>", "text/html")
        elif head == "slow":
            time.sleep(3)
            self.answer(200, "<R/>")
        else:
            self.answer(404, "not found", "text/plain")


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # TLS probes and aborted requests are expected in these tests


def main():
    server = QuietServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
