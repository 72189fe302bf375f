"""/servers/{server_id}/os-instance-actions: what was done to a server
(Nova's os-instance-actions).

    GET /servers/{server_id}/os-instance-actions               index
    GET /servers/{server_id}/os-instance-actions/{request_id}  show

From 2.21 a deleted server's actions are shown too; 2.58 pages the list
and filters it by changes-since, 2.66 by changes-before. Which event
fields a caller sees depends on the version and the events rules
(nova_api.policies.instance_actions).
"""

from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api import query_filters
from nova_api.api import server_lookup
from nova_api.api.schemas import instance_actions as schemas
from nova_api.api import validation
from nova_api.api.views import instance_actions as views
from nova_api.api import wsgi
from nova_api.compute import instance_actions
from nova_api import exception
from nova_api.policies import instance_actions as ia_policies


def _find_server(req, server_id, rule):
    """The server (deleted ones too from 2.21), once `rule` allows the
    caller on its project."""
    return server_lookup.find_server(
        req, server_id, rule, include_deleted=req.is_supported('2.21'))


def _paging(req):
    """(limit, marker, changes-since, changes-before) of a 2.58 list."""
    limit, marker = pagination.get_limit_and_marker(req)
    since, before = (
        query_filters.timestamp(name, req.GET[name]) if name in req.GET
        else None for name in ('changes-since', 'changes-before'))
    if since is not None and before is not None and before < since:
        raise exception.Invalid('The value of changes-since must be less '
                                'than or equal to changes-before.')
    return limit, marker, since, before


def _event_fields(req, target):
    """Which fields of the events the caller sees; None: no events."""
    context = req.context
    if context.can(ia_policies.EVENTS, target, fatal=False):
        shown = views.EventFields(traceback=True,
                                  host=req.is_supported('2.62'))
    elif req.is_supported('2.51'):
        shown = views.EventFields()
    else:
        return None
    if req.is_supported('2.84') and context.can(
            ia_policies.EVENTS_DETAILS, target, fatal=False):
        shown = shown._replace(details=True)
    return shown


class InstanceActionsController(wsgi.Controller):

    @wsgi.expected_errors((400, 404))
    @wsgi.policy(ia_policies.LIST)
    @validation.query_schema(schemas.index_query, '2.0', '2.57')
    @validation.query_schema(schemas.index_query_v258, '2.58', '2.65')
    @validation.query_schema(schemas.index_query_v266, '2.66')
    @validation.response_body_schemas(schemas.index_responses)
    def index(self, req, server_id):
        server = _find_server(req, server_id, ia_policies.LIST)
        limit = marker = since = before = None
        if req.is_supported('2.58'):
            limit, marker, since, before = _paging(req)
        actions = instance_actions.list_actions(
            req.context, server, limit, marker, since, before)
        return views.index(req, server_id, actions, limit)

    @wsgi.expected_errors(404)
    # The events rules only choose what is shown: never a 403.
    @wsgi.policy(ia_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schemas(schemas.show_responses)
    def show(self, req, server_id, id):
        server = _find_server(req, server_id, ia_policies.SHOW)
        action = instance_actions.get_action(req.context, server, id)
        target = {'project_id': server.project_id}
        # Events of an action no request started are hashed with the
        # server's project.
        project_id = action.project_id or server.project_id
        return views.show(req, action, project_id,
                          _event_fields(req, target))


class InstanceActions(plugin.APIPlugin):
    name = 'os-instance-actions'

    def resources(self):
        path = '/servers/{server_id}/os-instance-actions'
        return [plugin.APIResource(
            'os-instance-actions', InstanceActionsController(), [
                ('GET', path, 'index'),
                ('GET', path + '/{id}', 'show'),
            ])]
