"""The trigger_crash_dump server action (2.17), added to the servers
resource:

    POST /servers/{id}/action  {"trigger_crash_dump": null}  (202)

The guest gets a non-maskable interrupt; no task state shows, as in
Nova. Before 2.17 (and on /v2) the action is not found (404).
"""

from nova_api.api import plugin
from nova_api.api.schemas import crash_dump as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import crash_dump
from nova_api.compute import servers
from nova_api.policies import crash_dump as policies


class CrashDumpController(wsgi.Controller):

    @wsgi.api_version('2.17')
    @wsgi.response(202)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('trigger_crash_dump')
    @wsgi.policy(policies.TRIGGER_CRASH_DUMP)
    @validation.schema(schemas.trigger_crash_dump)
    @validation.response_body_schema(schemas.trigger_crash_dump_response)
    def trigger_crash_dump(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.TRIGGER_CRASH_DUMP,
                    {'user_id': server.user_id,
                     'project_id': server.project_id})
        crash_dump.trigger_crash_dump(context, server)


class CrashDump(plugin.APIPlugin):
    name = 'trigger-crash-dump'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers', CrashDumpController())]
