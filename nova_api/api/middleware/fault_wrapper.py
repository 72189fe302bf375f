"""The last line of defence: any exception becomes a Nova fault, never a
traceback."""

import webob.dec

from nova_api.api.middleware import base
from nova_api.api import faults
from nova_api.api import wsgi


class FaultWrapper(base.Middleware):

    @webob.dec.wsgify(RequestClass=wsgi.Request)
    def __call__(self, req):
        try:
            return req.get_response(self.application)
        except Exception as exc:
            return faults.from_exception(exc)
