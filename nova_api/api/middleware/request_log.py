"""One log line per request: who, what, status, size, version and time.

It also seeds the thread-local context oslo.log reads with the request id,
so every line of the request carries it, even those logged before auth.
"""

import logging
import time

from oslo_context import context
from oslo_middleware import request_id

from nova_api.api.middleware import base
from nova_api.api import microversion

LOG = logging.getLogger(__name__)


class RequestLog(base.Middleware):

    def __call__(self, environ, start_response):
        start = time.monotonic()
        context.RequestContext(
            request_id=environ.get(request_id.ENV_REQUEST_ID),
            overwrite=True)
        if not LOG.isEnabledFor(logging.INFO):
            return self.application(environ, start_response)
        sent = []

        def recording_start_response(status, headers, exc_info=None):
            sent[:] = [status, headers]
            return start_response(status, headers, exc_info)

        body = self.application(environ, recording_start_response)
        status, headers = sent or ('-', [])
        LOG.info('%(remote)s "%(method)s %(path)s" status: %(status)s '
                 'len: %(length)s microversion: %(version)s '
                 'time: %(time).6f',
                 {'remote': environ.get('REMOTE_ADDR'),
                  'method': environ.get('REQUEST_METHOD'),
                  'path': _path_qs(environ),
                  'status': status.split(' ', 1)[0],
                  'length': _length(headers, body),
                  'version': _header(headers,
                                     microversion.LEGACY_HEADER) or '-',
                  'time': time.monotonic() - start})
        return body


def _path_qs(environ):
    path = environ.get('SCRIPT_NAME', '') + environ.get('PATH_INFO', '')
    query = environ.get('QUERY_STRING')
    return '%s?%s' % (path, query) if query else path


def _length(headers, body):
    length = _header(headers, 'Content-Length')
    if length is None and isinstance(body, list):
        length = sum(len(chunk) for chunk in body)
    return length


def _header(headers, name):
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None
