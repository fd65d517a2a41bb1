"""One exception type for every answer that is an AWS error.

The protocol front ends (query.py, jsonproto.py, rest.py) turn it into the service's
wire format; the services only say what went wrong."""


class AwsError(Exception):
    def __init__(self, code, message, status=400, sender=True, extra_headers=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.sender = sender          # Query XML <Type>Sender</Type> vs Receiver
        self.extra_headers = extra_headers or {}


# Errors every AWS service shares (AWS "Common Errors"), by protocol family.
def throttling(json_protocol):
    return AwsError('ThrottlingException' if json_protocol else 'Throttling',
                    'Rate exceeded', 400)


def internal_failure():
    return AwsError('InternalFailure',
                    'The request processing has failed because of an unknown error, '
                    'exception or failure.', 500, sender=False)


def service_unavailable():
    return AwsError('ServiceUnavailable',
                    'The request has failed due to a temporary failure of the server.',
                    503, sender=False)
