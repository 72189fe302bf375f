"""One log line per request: who, what, status, size, version and time.

It also seeds the thread-local context oslo.log reads with the request id,
so every line of the request carries it, even those logged before auth.
"""

import logging
import time

from oslo_context import context
from oslo_middleware import request_id
import webob.dec

from nova_api.api.middleware import base
from nova_api.api import wsgi

LOG = logging.getLogger(__name__)


class RequestLog(base.Middleware):

    @webob.dec.wsgify(RequestClass=wsgi.Request)
    def __call__(self, req):
        start = time.monotonic()
        context.RequestContext(
            request_id=req.environ.get(request_id.ENV_REQUEST_ID),
            overwrite=True)
        response = req.get_response(self.application)
        if LOG.isEnabledFor(logging.INFO):
            LOG.info('%(remote)s "%(method)s %(path)s" status: %(status)s '
                     'len: %(length)s microversion: %(version)s '
                     'time: %(time).6f',
                     {'remote': req.remote_addr, 'method': req.method,
                      'path': req.path_qs, 'status': response.status_int,
                      'length': response.content_length,
                      'version': response.headers.get(
                          'X-OpenStack-Nova-API-Version', '-'),
                      'time': time.monotonic() - start})
        return response
