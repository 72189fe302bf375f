"""The suspend and resume server actions (Nova's os-suspend-server),
added to the servers resource:

    POST /servers/{id}/action  {"suspend": null}  (202)
    POST /servers/{id}/action  {"resume": null}   (202)

A server suspends from ACTIVE (task_state "suspending") to SUSPENDED and
resumes back; any other state, another task in progress or a lock (for
non-administrators) answers 409, as in Nova.
"""

from nova_api.api import plugin
from nova_api.api.schemas import suspend_server as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import servers
from nova_api.compute import suspend_server
from nova_api.policies import suspend_server as policies


class SuspendServerController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('suspend')
    @wsgi.policy(policies.SUSPEND)
    @validation.schema(schemas.suspend)
    @validation.response_body_schema(schemas.suspend_response)
    def suspend(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.SUSPEND, {'user_id': server.user_id,
                                       'project_id': server.project_id})
        suspend_server.suspend(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('resume')
    @wsgi.policy(policies.RESUME)
    @validation.schema(schemas.resume)
    @validation.response_body_schema(schemas.resume_response)
    def resume(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.RESUME, {'project_id': server.project_id})
        suspend_server.resume(context, server)


class SuspendServer(plugin.APIPlugin):
    name = 'os-suspend-server'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           SuspendServerController())]
