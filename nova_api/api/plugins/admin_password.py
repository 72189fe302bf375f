"""The changePassword server action (Nova's os-admin-password), added to
the servers resource:

    POST /servers/{id}/action  {"changePassword": {"adminPass": "..."}}
                               (202)

The server shows status PASSWORD (task state updating_password) while
its guest takes the password.
"""

from nova_api.api import plugin
from nova_api.api.schemas import admin_password as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import admin_password
from nova_api.compute import servers
from nova_api.policies import admin_password as policies


class AdminPasswordController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('changePassword')
    @wsgi.policy(policies.CHANGE_PASSWORD)
    @validation.schema(schemas.change_password)
    @validation.response_body_schema(schemas.change_password_response)
    def change_password(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(policies.CHANGE_PASSWORD,
                    {'user_id': server.user_id,
                     'project_id': server.project_id})
        admin_password.change_password(
            context, server, body['changePassword']['adminPass'])


class AdminPassword(plugin.APIPlugin):
    name = 'os-admin-password'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           AdminPasswordController())]
