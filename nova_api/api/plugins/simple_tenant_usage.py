"""/os-simple-tenant-usage: how much each project's servers used in a
period (Nova's os-simple-tenant-usage).

    GET /os-simple-tenant-usage              index  (every project's)
    GET /os-simple-tenant-usage/{tenant_id}  show   (one project's)

The period is ``start`` to ``end`` (both now by default; the end is now
at the latest); the list shows each server's usage with ``detailed=1``,
the show always. 2.40 pages both by server (``limit``, ``marker``).
"""

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api.schemas import simple_tenant_usage as schemas
from nova_api.api import validation
from nova_api.api.views import simple_tenant_usage as views
from nova_api.api import wsgi
from nova_api.compute import simple_tenant_usage
from nova_api import conf
from nova_api.policies import simple_tenant_usage as stu_policies


def _first(req, name):
    """The first non-empty value of query parameter `name`, or None, as
    Nova reads them."""
    return next((value for value in req.GET.getall(name) if value), None)


def _report(req, project_id=None):
    """(project usages, server usages, limit) of the request's period."""
    start, stop = simple_tenant_usage.period(_first(req, 'start'),
                                             _first(req, 'end'))
    limit, marker = conf.CONF.api.max_limit, None
    if req.is_supported('2.40'):
        limit, marker = pagination.get_limit_and_marker(req)
    project_usages, server_usages = simple_tenant_usage.report(
        req.context, start, stop, project_id, limit, marker)
    return project_usages, server_usages, limit


class SimpleTenantUsageController(wsgi.Controller):

    @wsgi.expected_errors(400)
    @wsgi.policy(stu_policies.LIST)
    @validation.query_schema(schemas.index_query, '2.0', '2.39')
    @validation.query_schema(schemas.index_query_v240, '2.40', '2.74')
    @validation.query_schema(schemas.index_query_v275, '2.75')
    @validation.response_body_schema(schemas.index_response, '2.0', '2.39')
    @validation.response_body_schema(schemas.index_response_v240, '2.40')
    def index(self, req):
        req.context.can(stu_policies.LIST)
        project_usages, server_usages, limit = _report(req)
        return views.index(req, project_usages, server_usages,
                           _first(req, 'detailed') == '1', limit)

    @wsgi.expected_errors(400)
    @wsgi.policy(stu_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.39')
    @validation.query_schema(schemas.show_query_v240, '2.40', '2.74')
    @validation.query_schema(schemas.show_query_v275, '2.75')
    @validation.response_body_schema(schemas.show_response, '2.0', '2.39')
    @validation.response_body_schema(schemas.show_response_v240, '2.40')
    def show(self, req, tenant_id):
        req.context.can(stu_policies.SHOW, {'project_id': tenant_id})
        project_usages, server_usages, limit = _report(req, tenant_id)
        return views.show(req, tenant_id, project_usages, server_usages,
                          limit)


class SimpleTenantUsage(plugin.APIPlugin):
    name = 'os-simple-tenant-usage'

    def resources(self):
        path = '/os-simple-tenant-usage'
        return [plugin.APIResource(
            'os-simple-tenant-usage', SimpleTenantUsageController(), [
                ('GET', path, 'index'),
                ('GET', path + '/{tenant_id}', 'show'),
            ])]
