"""The pause and unpause server actions (Nova's os-pause-server), added
to the servers resource:

    POST /servers/{id}/action  {"pause": null}    (202)
    POST /servers/{id}/action  {"unpause": null}  (202)

A server pauses from ACTIVE (task_state "pausing") to PAUSED and unpauses
back; any other state, another task in progress or a lock (for
non-administrators) answers 409, as in Nova.
"""

from nova_api.api import plugin
from nova_api.api.schemas import pause_server as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import pause_server
from nova_api.compute import servers
from nova_api.policies import pause_server as policies


class PauseServerController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('pause')
    @wsgi.policy(policies.PAUSE)
    @validation.schema(schemas.pause)
    @validation.response_body_schema(schemas.pause_response)
    def pause(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.PAUSE, {'user_id': server.user_id,
                                     'project_id': server.project_id})
        pause_server.pause(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('unpause')
    @wsgi.policy(policies.UNPAUSE)
    @validation.schema(schemas.unpause)
    @validation.response_body_schema(schemas.unpause_response)
    def unpause(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.UNPAUSE, {'project_id': server.project_id})
        pause_server.unpause(context, server)


class PauseServer(plugin.APIPlugin):
    name = 'os-pause-server'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           PauseServerController())]
