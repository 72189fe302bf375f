"""The cold migration server action (Nova's os-migrate-server migrate),
added to the servers resource:

    POST /servers/{id}/action  {"migrate": null}               (202)
    POST /servers/{id}/action  {"migrate": {"host": "h"}}      (2.56)

A cold migration is a resize to the same flavor
(nova_api.compute.server_resize); live migration is to come.
"""

from nova_api.api import plugin
from nova_api.api.schemas import migrate_server as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import server_resize
from nova_api.compute import servers
from nova_api.policies import migrate_server as policies


class MigrateServerController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('migrate')
    # The host rule is checked instead when a host is asked for.
    @wsgi.policy(policies.MIGRATE)
    @validation.schema(schemas.migrate_v20, '2.0', '2.55')
    @validation.schema(schemas.migrate_v256, '2.56')
    @validation.response_body_schema(schemas.migrate_response)
    def migrate(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        host = None
        if req.is_supported('2.56') and body['migrate'] is not None:
            host = body['migrate'].get('host')
        context.can(policies.MIGRATE_HOST if host else policies.MIGRATE,
                    {'project_id': server.project_id})
        server_resize.migrate(context, server, host or None)


class MigrateServer(plugin.APIPlugin):
    name = 'os-migrate-server'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           MigrateServerController())]
