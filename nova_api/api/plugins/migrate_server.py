"""The cold and live migration server actions (Nova's os-migrate-server
migrate and os-migrateLive), added to the servers resource:

    POST /servers/{id}/action  {"migrate": null}               (202)
    POST /servers/{id}/action  {"migrate": {"host": "h"}}      (2.56)
    POST /servers/{id}/action  {"os-migrateLive": {"host": null,
                                "block_migration": "auto"}}    (202)

A cold migration is a resize to the same flavor
(nova_api.compute.server_resize); a live migration is
nova_api.compute.live_migration's.
"""

from oslo_utils import strutils

from nova_api.api import plugin
from nova_api.api.schemas import migrate_server as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import live_migration
from nova_api.compute import server_resize
from nova_api.compute import servers
from nova_api import exception
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

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('os-migrateLive')
    # The host rule is checked instead when a host is asked for.
    @wsgi.policy(policies.MIGRATE_LIVE)
    @validation.schema(schemas.migrate_live, '2.0', '2.24')
    @validation.schema(schemas.migrate_live_v225, '2.25', '2.29')
    @validation.schema(schemas.migrate_live_v230, '2.30', '2.67')
    @validation.schema(schemas.migrate_live_v268, '2.68')
    @validation.response_body_schema(schemas.migrate_live_response)
    def migrate_live(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        requested = body['os-migrateLive']
        host = requested['host']
        context.can(policies.MIGRATE_LIVE_HOST if host
                    else policies.MIGRATE_LIVE,
                    {'project_id': server.project_id})
        force = None
        if req.is_supported('2.30'):
            force = strutils.bool_from_string(requested.get('force', False),
                                              strict=True)
            if force and not host:
                raise exception.ForcedMoveWithoutHost()
        # The schemas check "block_migration" and "disk_over_commit";
        # neither changes what the simulated hosts do.
        live_migration.live_migrate(context, server, host or None, force,
                                    asynchronous=req.is_supported('2.34'))


class MigrateServer(plugin.APIPlugin):
    name = 'os-migrate-server'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           MigrateServerController())]
