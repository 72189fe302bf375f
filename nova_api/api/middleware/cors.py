"""oslo.middleware's CORS filter, reading the service's own CONF ([cors])."""

from oslo_config import cfg
from oslo_middleware import cors

_HEADERS = ['X-Auth-Token', 'X-Openstack-Request-Id', 'X-Identity-Status',
            'X-Roles', 'X-Service-Catalog', 'X-User-Id', 'X-Tenant-Id',
            'X-OpenStack-Nova-API-Version', 'OpenStack-API-Version']
_EXPOSED = ['X-Auth-Token', 'X-Openstack-Request-Id', 'X-Subject-Token',
            'X-Service-Token', 'X-OpenStack-Nova-API-Version',
            'OpenStack-API-Version']


def set_defaults():
    cors.set_defaults(
        allow_headers=_HEADERS, expose_headers=_EXPOSED,
        allow_methods=['GET', 'PUT', 'POST', 'DELETE', 'PATCH'])


def filter_factory(global_config, **local_config):
    set_defaults()

    def _filter(application):
        return cors.CORS(application, cfg.CONF)
    return _filter
