"""/servers/{server_id}/migrations: a server's live migrations in
progress (Nova's server migrations), forced to complete or aborted.

    POST   /servers/{server_id}/migrations/{migration_id}/action
           {"force_complete": null}                     (2.22, 202)
    GET    /servers/{server_id}/migrations                 (2.23) index
    GET    /servers/{server_id}/migrations/{migration_id}  (2.23) show
    DELETE /servers/{server_id}/migrations/{migration_id}  (2.24, 202)

As in Nova, only live migrations in progress are shown: a resize or a
cold migration is listed by /os-migrations alone. An abort takes a
running migration, from 2.65 a queued or preparing one too.
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_migrations as schemas
from nova_api.api import validation
from nova_api.api.views import server_migrations as views
from nova_api.api import wsgi
from nova_api.compute import live_migration
from nova_api.compute import migration_records
from nova_api.policies import migrations as policies


class ServerMigrationsController(wsgi.Controller):

    @wsgi.api_version('2.23')
    @wsgi.expected_errors(404)
    # The host rule only chooses whether the hosts are shown.
    @wsgi.policy(policies.SERVER_MIGRATIONS_INDEX)
    @validation.query_schema(schemas.index_query, '2.23', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schemas(schemas.index_responses)
    def index(self, req, server_id):
        server = server_lookup.find_server(
            req, server_id, policies.SERVER_MIGRATIONS_INDEX)
        with_hosts = req.context.can(
            policies.SERVER_MIGRATIONS_INDEX_HOST,
            {'project_id': server.project_id}, fatal=False)
        return views.index(
            req, migration_records.in_progress_live_migrations(
                req.context, server), with_hosts)

    @wsgi.api_version('2.23')
    @wsgi.expected_errors(404)
    @wsgi.policy(policies.SERVER_MIGRATIONS_SHOW)
    @validation.query_schema(schemas.show_query, '2.23', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schemas(schemas.show_responses)
    def show(self, req, server_id, migration_id):
        server = server_lookup.find_server(
            req, server_id, policies.SERVER_MIGRATIONS_SHOW)
        return views.show(req, migration_records.get_live_migration(
            req.context, server, migration_id))

    @wsgi.api_version('2.22')
    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('force_complete')
    @wsgi.policy(policies.SERVER_MIGRATIONS_FORCE_COMPLETE)
    @validation.schema(schemas.force_complete)
    @validation.response_body_schema(schemas.force_complete_response)
    def force_complete(self, req, server_id, migration_id, body):
        server = server_lookup.find_server(
            req, server_id, policies.SERVER_MIGRATIONS_FORCE_COMPLETE)
        live_migration.force_complete(req.context, server, migration_id)

    @wsgi.api_version('2.24')
    @wsgi.response(202)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.policy(policies.SERVER_MIGRATIONS_DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, server_id, migration_id):
        server = server_lookup.find_server(
            req, server_id, policies.SERVER_MIGRATIONS_DELETE)
        live_migration.abort(req.context, server, migration_id,
                             in_queue=req.is_supported('2.65'))


class ServerMigrations(plugin.APIPlugin):
    name = 'server-migrations'

    def resources(self):
        path = '/servers/{server_id}/migrations'
        return [plugin.APIResource(
            'server-migrations', ServerMigrationsController(), [
                ('GET', path, 'index'),
                ('GET', path + '/{migration_id}', 'show'),
                ('DELETE', path + '/{migration_id}', 'delete'),
                ('POST', path + '/{migration_id}/action', 'action'),
            ])]
