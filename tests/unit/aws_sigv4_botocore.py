#!/usr/bin/env python3
"""Reference SigV4 signatures from botocore for tests/unit/aws_sigv4.

Reads one JSON object per line on stdin:
  {"method", "url", "headers": [[name, value]...], "body_hex", "region", "service",
   "access_key", "secret_key", "token", "epoch"}
and prints the Authorization header botocore.auth.SigV4Auth computes at that time."""
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials


def sign(case):
    fixed = datetime.datetime.fromtimestamp(case["epoch"], datetime.timezone.utc).replace(tzinfo=None)

    class FixedDatetime(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return fixed

    # botocore reads the clock through get_current_datetime() (newer) or
    # datetime.datetime.utcnow() (older): pin both.
    real = botocore.auth.datetime.datetime
    real_get = getattr(botocore.auth, "get_current_datetime", None)
    botocore.auth.datetime.datetime = FixedDatetime
    if real_get is not None:
        botocore.auth.get_current_datetime = lambda *a, **k: fixed
    try:
        body = bytes.fromhex(case["body_hex"]) if case["body_hex"] else b""
        req = AWSRequest(method=case["method"], url=case["url"],
                         headers=dict(case["headers"]), data=body)
        creds = Credentials(case["access_key"], case["secret_key"], case["token"] or None)
        botocore.auth.SigV4Auth(creds, case["service"], case["region"]).add_auth(req)
        return req.headers["Authorization"]
    finally:
        botocore.auth.datetime.datetime = real
        if real_get is not None:
            botocore.auth.get_current_datetime = real_get


for line in sys.stdin:
    if line.strip():
        print(sign(json.loads(line)))
