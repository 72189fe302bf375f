"""Flavor access: which projects may use a private flavor.

    GET  /flavors/{flavor_id}/os-flavor-access              index (admin)
    POST /flavors/{flavor_id}/action {"addTenantAccess"}    (admin)
    POST /flavors/{flavor_id}/action {"removeTenantAccess"} (admin)

The two actions extend the flavors resource. From microversion 2.7,
adding access to a public flavor is refused with 409; before, it is
recorded (and has no effect, a public flavor being open to all). From
2.102 the list refuses unknown query parameters.
"""

from nova_api.api import plugin
from nova_api.api.schemas import flavor_access as schemas
from nova_api.api import validation
from nova_api.api.views import flavor_access as views
from nova_api.api import wsgi
from nova_api.compute import flavor_access
from nova_api.policies import flavor_access as policies


class FlavorAccessController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(policies.LIST)
    @validation.query_schemas(schemas.index_queries)
    @validation.response_body_schema(schemas.access_list_response)
    def index(self, req, flavor_id):
        context = req.context
        context.can(policies.LIST)
        flavor, project_ids = flavor_access.get_projects(context, flavor_id)
        return views.access_list(flavor, project_ids)


class FlavorActionController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('addTenantAccess')
    @wsgi.policy(policies.ADD_TENANT_ACCESS)
    @validation.schema(schemas.add_tenant_access)
    @validation.response_body_schema(schemas.access_list_response)
    def add_tenant_access(self, req, flavor_id, body):
        context = req.context
        context.can(policies.ADD_TENANT_ACCESS, target={})
        flavor, project_ids = flavor_access.add_project(
            context, flavor_id, body['addTenantAccess']['tenant'],
            refuse_public=req.is_supported('2.7'))
        return views.access_list(flavor, project_ids)

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @wsgi.action('removeTenantAccess')
    @wsgi.policy(policies.REMOVE_TENANT_ACCESS)
    @validation.schema(schemas.remove_tenant_access)
    @validation.response_body_schema(schemas.access_list_response)
    def remove_tenant_access(self, req, flavor_id, body):
        context = req.context
        context.can(policies.REMOVE_TENANT_ACCESS, target={})
        flavor, project_ids = flavor_access.remove_project(
            context, flavor_id, body['removeTenantAccess']['tenant'])
        return views.access_list(flavor, project_ids)


class FlavorAccess(plugin.APIPlugin):
    name = 'flavor-access'

    def resources(self):
        return [plugin.APIResource(
            'flavor-access', FlavorAccessController(), [
                ('GET', '/flavors/{flavor_id}/os-flavor-access', 'index'),
            ])]

    def controller_extensions(self):
        return [plugin.ControllerExtension('flavors',
                                           FlavorActionController())]
