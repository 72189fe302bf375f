"""Builds the request context from the headers keystonemiddleware sets."""

from oslo_serialization import jsonutils
import webob.dec

from nova_api.api.middleware import base
from nova_api.api import faults
from nova_api.api import wsgi
from nova_api import context as nova_context


class KeystoneContext(base.Middleware):

    @webob.dec.wsgify(RequestClass=wsgi.Request)
    def __call__(self, req):
        if req.headers.get('X-Identity-Status', 'Confirmed') != 'Confirmed':
            return faults.fault_response(
                401, 'The request you have made requires authentication.')
        catalog = []
        raw_catalog = req.headers.get('X-Service-Catalog')
        if raw_catalog:
            try:
                catalog = jsonutils.loads(raw_catalog)
            except ValueError:
                return faults.fault_response(400, 'Invalid service catalog '
                                                  'json.')
        context = nova_context.RequestContext.from_environ(
            req.environ, service_catalog=catalog,
            request_id=req.environ.get('openstack.request_id'))
        if context.user_id is None:
            return faults.fault_response(
                401, 'The request you have made requires authentication.')
        req.environ[wsgi.CONTEXT_KEY] = context
        return self.application
