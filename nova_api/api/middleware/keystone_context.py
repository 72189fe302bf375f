"""Builds the request context from the headers keystonemiddleware sets."""

from oslo_middleware import request_id
from oslo_serialization import jsonutils

from nova_api.api.middleware import base
from nova_api.api import faults
from nova_api.api import wsgi
from nova_api import context as nova_context

_UNAUTHORIZED = 'The request you have made requires authentication.'


class KeystoneContext(base.Middleware):

    def __call__(self, environ, start_response):
        error = None
        if environ.get('HTTP_X_IDENTITY_STATUS', 'Confirmed') != 'Confirmed':
            error = faults.fault_response(401, _UNAUTHORIZED)
        else:
            error = self._set_context(environ)
        if error is not None:
            return error(environ, start_response)
        return self.application(environ, start_response)

    @staticmethod
    def _set_context(environ):
        catalog = []
        raw_catalog = environ.get('HTTP_X_SERVICE_CATALOG')
        if raw_catalog:
            try:
                catalog = jsonutils.loads(raw_catalog)
            except ValueError:
                return faults.fault_response(400,
                                             'Invalid service catalog json.')
        context = nova_context.RequestContext.from_environ(
            environ, service_catalog=catalog,
            request_id=environ.get(request_id.ENV_REQUEST_ID))
        if context.user_id is None:
            return faults.fault_response(401, _UNAUTHORIZED)
        environ[wsgi.CONTEXT_KEY] = context
        return None
