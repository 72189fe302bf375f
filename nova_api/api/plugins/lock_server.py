"""The lock and unlock server actions (Nova's os-lock-server), added to
the servers resource:

    POST /servers/{id}/action  {"lock": null}    (202)
    POST /servers/{id}/action  {"lock": {"locked_reason": "..."}}  (2.73)
    POST /servers/{id}/action  {"unlock": null}  (202)

A locked server refuses reboot, stop, start, delete and metadata changes
to non-administrators (409, nova_api.compute.lock_server); from 2.73 its
views show the reason.
"""

from nova_api.api import plugin
from nova_api.api.schemas import lock_server as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import lock_server
from nova_api.compute import servers
from nova_api.policies import lock_server as policies


class LockServerController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors(404)
    @wsgi.action('lock')
    @wsgi.policy(policies.LOCK)
    @validation.schema(schemas.lock, '2.0', '2.72')
    @validation.schema(schemas.lock_v273, '2.73')
    @validation.response_body_schema(schemas.lock_response)
    def lock(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.LOCK, {'user_id': server.user_id,
                                    'project_id': server.project_id})
        reason = None
        if req.is_supported('2.73') and body['lock'] is not None:
            reason = body['lock'].get('locked_reason')
        lock_server.lock(context, server, reason)

    @wsgi.response(202)
    @wsgi.expected_errors(404)
    @wsgi.action('unlock')
    @wsgi.policy(policies.UNLOCK)
    @validation.schema(schemas.unlock)
    @validation.response_body_schema(schemas.unlock_response)
    def unlock(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        target = {'project_id': server.project_id}
        context.can(policies.UNLOCK, target)
        if lock_server.locked_by_someone_else(context, server):
            context.can(policies.UNLOCK_OVERRIDE, target)
        lock_server.unlock(context, server)


class LockServer(plugin.APIPlugin):
    name = 'os-lock-server'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers', LockServerController())]
