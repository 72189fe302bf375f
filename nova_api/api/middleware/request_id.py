"""oslo.middleware's request id, also sent as Nova's x-compute-request-id."""

from oslo_middleware import request_id


class ComputeRequestId(request_id.RequestId):
    compat_headers = ['x-compute-request-id']
