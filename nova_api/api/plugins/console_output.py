"""The os-getConsoleOutput server action (Nova's os-console-output),
added to the servers resource:

    POST /servers/{id}/action  {"os-getConsoleOutput": {"length": 50}}
                               (200 {"output": "..."})

The output is the guest's console log (the compute driver's; the
simulated guest's is made from the server's name, id and boot time),
its last `length` lines when given. A server without a host answers
409, as in Nova.
"""

from nova_api.api import plugin
from nova_api.api.schemas import console_output as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import console_output
from nova_api.compute import servers
from nova_api.policies import console_output as policies


class ConsoleOutputController(wsgi.Controller):

    @wsgi.expected_errors((404, 409))
    @wsgi.action('os-getConsoleOutput')
    @wsgi.policy(policies.SHOW)
    @validation.schema(schemas.get_console_output)
    @validation.response_body_schema(schemas.get_console_output_response)
    def get_console_output(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.SHOW, {'project_id': server.project_id})
        length = body['os-getConsoleOutput'].get('length')
        return {'output': console_output.get_output(context, server,
                                                    length)}


class ConsoleOutput(plugin.APIPlugin):
    name = 'os-console-output'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           ConsoleOutputController())]
