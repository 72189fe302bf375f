"""The restore and forceDelete server actions (Nova's
os-deferred-delete), added to the servers resource:

    POST /servers/{id}/action  {"restore": null}      (202)
    POST /servers/{id}/action  {"forceDelete": null}  (202)

Soft deletes, their reclaim and the states are
nova_api.compute.deferred_delete's.
"""

from nova_api.api import plugin
from nova_api.api.schemas import deferred_delete as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import deferred_delete
from nova_api.compute import servers
from nova_api.policies import deferred_delete as policies


class DeferredDeleteController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((403, 404, 409))
    @wsgi.action('restore')
    @wsgi.policy(policies.RESTORE)
    @validation.schema(schemas.restore)
    @validation.response_body_schema(schemas.restore_response)
    def restore(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.RESTORE, {'project_id': server.project_id})
        deferred_delete.restore(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('forceDelete')
    @wsgi.policy(policies.FORCE)
    @validation.schema(schemas.force_delete)
    @validation.response_body_schema(schemas.force_delete_response)
    def force_delete(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.FORCE, {'user_id': server.user_id,
                                     'project_id': server.project_id})
        deferred_delete.force_delete(context, server)


class DeferredDelete(plugin.APIPlugin):
    name = 'os-deferred-delete'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           DeferredDeleteController())]
