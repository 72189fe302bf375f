"""/servers/{server_id}/os-server-password: the administrative password
a server's guest posted, encrypted with the server's public key.

    GET    /servers/{server_id}/os-server-password   show
    DELETE /servers/{server_id}/os-server-password   clear  (204)

The server is found (404) before its rule is checked against its
project, as Nova does.
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_password as schemas
from nova_api.api import validation
from nova_api.api.views import server_password as views
from nova_api.api import wsgi
from nova_api.compute import server_password
from nova_api.policies import server_password as sp_policies


class ServerPasswordController(wsgi.Controller):

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sp_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, server_id):
        server = server_lookup.find_server(req, server_id, sp_policies.SHOW)
        return views.show(server_password.get_password(req.context, server))

    @wsgi.response(204)
    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sp_policies.CLEAR)
    @validation.query_schema(schemas.clear_query)
    @validation.response_body_schema(schemas.clear_response)
    def clear(self, req, server_id):
        server = server_lookup.find_server(req, server_id, sp_policies.CLEAR)
        server_password.clear_password(req.context, server)


class ServerPassword(plugin.APIPlugin):
    name = 'os-server-password'

    def resources(self):
        path = '/servers/{server_id}/os-server-password'
        return [plugin.APIResource(
            'os-server-password', ServerPasswordController(), [
                ('GET', path, 'show'),
                ('DELETE', path, 'clear'),
            ])]
