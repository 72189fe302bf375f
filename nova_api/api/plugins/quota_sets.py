"""os-quota-sets: the quotas of a project, or of a user in it.

``?user_id=`` names a user of the project in the URL: their limits fall
back to the project's. An update must keep each limit within what is used
and what the project has to give out, unless the body says ``force``.
Which resources are shown and settable depends on the version (2.36,
2.57: nova_api.api.schemas.quota_sets).
"""

from oslo_utils import strutils

from nova_api.api import plugin
from nova_api.api.schemas import quota_sets as schema
from nova_api.api import validation
from nova_api.api.views import quota_sets as quota_sets_view
from nova_api.api import wsgi
from nova_api.compute import quotas
from nova_api.policies import quota_sets as qs_policies


def _queried_user(req, last=False):
    """The user_id of the query, None for none or an empty one. Given
    twice, Nova takes the first one, but the last one in detail."""
    values = req.GET.getall('user_id')
    if not values:
        return None
    return values[-1 if last else 0] or None


class QuotaSetsController(wsgi.Controller):

    @wsgi.expected_errors(403)
    @wsgi.policy(qs_policies.SHOW)
    @validation.query_schemas(schema.queries)
    @validation.response_body_schemas(schema.show_responses)
    def show(self, req, tenant_id):
        req.context.can(qs_policies.SHOW, {'project_id': tenant_id})
        limits = quotas.get_limits(req.context, tenant_id,
                                   _queried_user(req))
        return quota_sets_view.show(req, tenant_id, limits)

    @wsgi.expected_errors(403)
    @wsgi.policy(qs_policies.DETAIL)
    @validation.query_schemas(schema.queries)
    @validation.response_body_schemas(schema.detail_responses)
    def detail(self, req, tenant_id):
        req.context.can(qs_policies.DETAIL, {'project_id': tenant_id})
        user_id = _queried_user(req, last=True)
        limits = quotas.get_limits(req.context, tenant_id, user_id)
        usages = quotas.get_usages(req.context, tenant_id, user_id)
        return quota_sets_view.detail(req, tenant_id, limits, usages)

    @wsgi.expected_errors(403)
    @wsgi.policy(qs_policies.DEFAULTS)
    @validation.query_schema(schema.defaults_query)
    @validation.response_body_schemas(schema.defaults_responses)
    def defaults(self, req, tenant_id):
        req.context.can(qs_policies.DEFAULTS, {'project_id': tenant_id})
        return quota_sets_view.show(req, tenant_id,
                                    quotas.get_defaults(req.context))

    @wsgi.expected_errors((400, 403))
    @wsgi.policy(qs_policies.UPDATE)
    @validation.schemas(schema.updates)
    @validation.query_schemas(schema.queries)
    @validation.response_body_schemas(schema.update_responses)
    def update(self, req, tenant_id, body):
        req.context.can(qs_policies.UPDATE, {'project_id': tenant_id})
        user_id = _queried_user(req)
        requested = dict(body['quota_set'])
        force = strutils.bool_from_string(requested.pop('force', False))
        quotas.update_limits(
            req.context, tenant_id,
            {resource: int(limit) for resource, limit in requested.items()},
            user_id=user_id, force=force)
        return quota_sets_view.update(
            req, quotas.get_limits(req.context, tenant_id, user_id))

    # Nova answers 202 although the quotas are gone when it answers.
    @wsgi.response(202)
    @wsgi.expected_errors(403)
    @wsgi.policy(qs_policies.DELETE)
    @validation.query_schemas(schema.queries)
    @validation.response_body_schema(schema.delete_response)
    def delete(self, req, tenant_id):
        req.context.can(qs_policies.DELETE, {'project_id': tenant_id})
        quotas.delete_limits(req.context, tenant_id, _queried_user(req))


class QuotaSets(plugin.APIPlugin):
    name = 'os-quota-sets'

    def resources(self):
        return [plugin.APIResource('os-quota-sets', QuotaSetsController(), [
            ('GET', '/os-quota-sets/{tenant_id}', 'show'),
            ('PUT', '/os-quota-sets/{tenant_id}', 'update'),
            ('DELETE', '/os-quota-sets/{tenant_id}', 'delete'),
            ('GET', '/os-quota-sets/{tenant_id}/detail', 'detail'),
            ('GET', '/os-quota-sets/{tenant_id}/defaults', 'defaults'),
        ])]
