"""oslo.middleware's CORS filter, reading the service's own CONF ([cors]).

Requests without an Origin header pass straight through: oslo's filter
leaves them untouched anyway, but only after building a webob request and
response and inspecting its own method's signature on every request.
"""

from oslo_config import cfg
from oslo_middleware import cors

_HEADERS = ['X-Auth-Token', 'X-Openstack-Request-Id', 'X-Identity-Status',
            'X-Roles', 'X-Service-Catalog', 'X-User-Id', 'X-Tenant-Id',
            'X-OpenStack-Nova-API-Version', 'OpenStack-API-Version']
_EXPOSED = ['X-Auth-Token', 'X-Openstack-Request-Id', 'X-Subject-Token',
            'X-Service-Token', 'X-OpenStack-Nova-API-Version',
            'OpenStack-API-Version']


class CORS(cors.CORS):

    def __call__(self, environ, start_response):
        if 'HTTP_ORIGIN' not in environ:
            return self.application(environ, start_response)
        return super().__call__(environ, start_response)


def set_defaults():
    cors.set_defaults(
        allow_headers=_HEADERS, expose_headers=_EXPOSED,
        allow_methods=['GET', 'PUT', 'POST', 'DELETE', 'PATCH'])


def filter_factory(global_config, **local_config):
    set_defaults()

    def _filter(application):
        return CORS(application, cfg.CONF)
    return _filter
