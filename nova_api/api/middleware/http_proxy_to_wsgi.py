"""oslo.middleware's HTTPProxyToWSGI, called without its per-request cost.

The filter only rewrites the request environ from the proxy headers
(when [oslo_middleware] enable_proxy_headers_parsing is set); it has no
response step, so the response need not go through webob and oslo's
signature inspection.
"""

from oslo_middleware import base
from oslo_middleware import http_proxy_to_wsgi


class HTTPProxyToWSGI(http_proxy_to_wsgi.HTTPProxyToWSGI):

    def __call__(self, environ, start_response):
        self.process_request(base.NoContentTypeRequest(environ))
        return self.application(environ, start_response)
