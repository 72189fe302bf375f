"""os-server-groups: list, create, show and delete server groups.

    GET    /os-server-groups       index   (limit, offset; all_projects)
    POST   /os-server-groups       create  (200)
    GET    /os-server-groups/{id}  show
    DELETE /os-server-groups/{id}  delete  (204)

The create takes ``policies`` (a one-item list) up to 2.63 and ``policy``
with optional ``rules`` from 2.64; schemas and views carry the rest of
the version changes (nova_api.api.schemas.server_groups).

Show and delete find the group first (404 for another project's, unless
the caller is an administrator) and then check their rule against the
group's project, as Nova does. Servers join a group at create, through the
scheduler hint ``group`` (nova_api.compute.server_groups).
"""

from nova_api.api import plugin
from nova_api.api.schemas import server_groups as schema
from nova_api.api import validation
from nova_api.api.validation import parameter_types
from nova_api.api.views import server_groups as server_groups_view
from nova_api.api import wsgi
from nova_api.compute import server_groups
from nova_api import conf
from nova_api.policies import server_groups as sg_policies

CONF = conf.CONF


def _last_int(req, name, default):
    # The query schema has checked every value; the last one counts.
    values = req.GET.getall(name)
    return int(values[-1]) if values else default


def _page(req):
    """(limit, offset) as Nova's offset paging reads them: a limit of 0,
    like none, means [api] max_limit, and no more than that."""
    max_limit = CONF.api.max_limit
    limit = min(max_limit, _last_int(req, 'limit', 0) or max_limit)
    # No table holds more rows than its integer ids can number, so a
    # larger offset returns the same empty page without overflowing SQL.
    offset = min(_last_int(req, 'offset', 0), parameter_types.DB_MAX_INT)
    return limit, offset


class ServerGroupsController(wsgi.Controller):

    def _get_group(self, req, group_id, rule):
        """The group, found before `rule` is checked on its project."""
        group = server_groups.get_group(req.context, group_id)
        req.context.can(rule, {'project_id': group.project_id})
        return group

    # The route declares the rule every request checks; administrators
    # who pass all_projects are also checked against INDEX_ALL_PROJECTS.
    @wsgi.expected_errors((400, 403))
    @wsgi.policy(sg_policies.INDEX)
    @validation.query_schema(schema.index_query, '2.0', '2.74')
    @validation.query_schema(schema.index_query_v275, '2.75')
    @validation.response_body_schemas(schema.index_responses)
    def index(self, req):
        context = req.context
        context.can(sg_policies.INDEX, {'project_id': context.project_id})
        # Anyone else asking for all_projects gets their own groups.
        all_projects = 'all_projects' in req.GET and context.is_admin
        if all_projects:
            context.can(sg_policies.INDEX_ALL_PROJECTS,
                        {'project_id': context.project_id})
        limit, offset = _page(req)
        groups = server_groups.list_groups(context, all_projects, limit,
                                           offset)
        return server_groups_view.index(req, groups)

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sg_policies.SHOW)
    @validation.query_schema(schema.show_query, '2.0', '2.101')
    @validation.query_schema(schema.show_query_v2102, '2.102')
    @validation.response_body_schemas(schema.show_responses)
    def show(self, req, id):
        group = self._get_group(req, id, sg_policies.SHOW)
        return server_groups_view.show(req, group)

    # Nova answers 200, not 201, for this creation.
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403))
    @wsgi.policy(sg_policies.CREATE)
    @validation.schema(schema.create, '2.0', '2.14')
    @validation.schema(schema.create_v215, '2.15', '2.63')
    @validation.schema(schema.create_v264, '2.64')
    @validation.response_body_schemas(schema.create_responses)
    def create(self, req, body):
        context = req.context
        context.can(sg_policies.CREATE, {'project_id': context.project_id})
        params = body['server_group']
        if req.is_supported('2.64'):
            policy, rules = params['policy'], params.get('rules')
        else:
            policy, rules = params['policies'][0], None
        group = server_groups.create_group(context, params['name'], policy,
                                           rules)
        return server_groups_view.show(req, group)

    @wsgi.response(204)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sg_policies.DELETE)
    @validation.query_schema(schema.delete_query)
    @validation.response_body_schema(schema.delete_response)
    def delete(self, req, id):
        group = self._get_group(req, id, sg_policies.DELETE)
        server_groups.delete_group(req.context, group)


class ServerGroups(plugin.APIPlugin):
    name = 'os-server-groups'

    def resources(self):
        return [plugin.APIResource(
            'os-server-groups', ServerGroupsController(), [
                ('GET', '/os-server-groups', 'index'),
                ('POST', '/os-server-groups', 'create'),
                ('GET', '/os-server-groups/{id}', 'show'),
                ('DELETE', '/os-server-groups/{id}', 'delete'),
            ])]
