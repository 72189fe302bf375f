"""The rebuild server action, added to the servers resource (Nova has it
in its servers controller):

    POST /servers/{id}/action  {"rebuild": {"imageRef": ...}}  (202)

Each version's body: 2.19 description, 2.54 key_name, 2.57 user_data
(and no personality), 2.63 trusted_image_certificates, 2.90 hostname,
2.94 an FQDN. The answer is the server as an update answers it, with its
admin password (unless [api] enable_instance_password is off), the key
name from 2.54 and the user data from 2.57; from 2.75 the full view.
"""

from oslo_config import cfg

from nova_api.api import plugin
from nova_api.api.plugins import servers as servers_plugin
from nova_api.api.schemas import servers as schemas
from nova_api.api import validation
from nova_api.api.views import servers as views
from nova_api.api import wsgi
from nova_api.compute import passwords
from nova_api.compute import server_rebuild
from nova_api.compute import servers
from nova_api.policies import servers as policies

CONF = cfg.CONF

# Body name -> column, for what every version may change.
_COLUMNS = {
    'name': 'name',
    'description': 'description',
    'accessIPv4': 'access_ip_v4',
    'accessIPv6': 'access_ip_v6',
    'OS-DCF:diskConfig': 'disk_config',
}
# What a version may give (body name and column), null included (null
# takes the value away).
_NULLABLE_FROM = [('2.54', 'key_name'), ('2.57', 'user_data'),
                  ('2.63', 'trusted_image_certificates'),
                  ('2.90', 'hostname')]


def _values(req, params):
    values = {column: params[name] for name, column in _COLUMNS.items()
              if name in params}
    for column in ('access_ip_v4', 'access_ip_v6'):
        if column in values:
            values[column] = values[column] or None
    for version, name in _NULLABLE_FROM:
        if req.is_supported(version) and name in params:
            values[name] = params[name]
    return values


class ServerRebuildController(wsgi.Controller):

    def __init__(self):
        super().__init__()
        # The servers controller's lookups and view options.
        self._servers = servers_plugin.ServersController()

    @wsgi.response(202)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.action('rebuild')
    @wsgi.policy(policies.REBUILD)
    @validation.schema(schemas.rebuild_v20, '2.0', '2.0')
    @validation.schemas(schemas.rebuild_history)
    @validation.response_body_schemas(schemas.rebuild_responses)
    def rebuild(self, req, id, body):
        context = req.context
        params = body['rebuild']
        server = servers.get_server(context, id)
        target = {'project_id': server.project_id,
                  'user_id': server.user_id}
        context.can(policies.REBUILD, target)
        if (req.is_supported('2.63') and
                'trusted_image_certificates' in params):
            context.can(policies.REBUILD_TRUSTED_CERTS, target)
        server_rebuild.rebuild_server(
            context, server, params['imageRef'], _values(req, params),
            metadata=params.get('metadata'),
            personality=[(item['path'], item['contents'])
                         for item in params.get('personality', [])])
        server = self._servers.get_shown_server(req, id)
        admin_pass = None
        if CONF.api.enable_instance_password:
            admin_pass = (params.get('adminPass') or
                          passwords.generate_password())
        body = views.rebuild(
            req, server,
            self._servers.can_see_extended_attributes(
                req, server.project_id),
            admin_pass, **self._servers.update_view_options(req, server))
        return wsgi.ResponseObject(body, headers={
            'Location': body['server']['links'][0]['href']})


class ServerRebuild(plugin.APIPlugin):
    name = 'server-rebuild'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           ServerRebuildController())]
