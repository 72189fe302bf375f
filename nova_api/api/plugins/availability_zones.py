"""os-availability-zone: the zones servers can be placed in and, for an
administrator, the hosts and services in every zone."""

from nova_api.api import plugin
from nova_api.api.schemas import availability_zones as schema
from nova_api.api import validation
from nova_api.api.views import availability_zones as zones_view
from nova_api.api import wsgi
from nova_api.compute import availability_zones
from nova_api.policies import availability_zones as az_policies


class AvailabilityZonesController(wsgi.Controller):

    @wsgi.expected_errors(())
    @wsgi.policy(az_policies.LIST)
    @validation.query_schema(schema.index_query, '2.0', '2.101')
    @validation.query_schema(schema.index_query_v2102, '2.102')
    @validation.response_body_schema(schema.index_response)
    def index(self, req):
        req.context.can(az_policies.LIST, {})
        return zones_view.index(availability_zones.list_zones(req.context))

    @wsgi.expected_errors(403)
    @wsgi.policy(az_policies.DETAIL)
    @validation.query_schema(schema.detail_query, '2.0', '2.101')
    @validation.query_schema(schema.detail_query_v2102, '2.102')
    @validation.response_body_schema(schema.detail_response)
    def detail(self, req):
        req.context.can(az_policies.DETAIL, {})
        return zones_view.detail(
            availability_zones.list_zones_with_services(req.context))


class AvailabilityZones(plugin.APIPlugin):
    name = 'os-availability-zone'

    def resources(self):
        return [plugin.APIResource(
            'os-availability-zone', AvailabilityZonesController(), [
                ('GET', '/os-availability-zone', 'index'),
                ('GET', '/os-availability-zone/detail', 'detail'),
            ])]
