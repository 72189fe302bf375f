"""The last line of defence: any exception becomes a Nova fault, never a
traceback."""

from nova_api.api.middleware import base
from nova_api.api import faults


class FaultWrapper(base.Middleware):

    def __call__(self, environ, start_response):
        try:
            return self.application(environ, start_response)
        except Exception as exc:
            return faults.from_exception(exc)(environ, start_response)
