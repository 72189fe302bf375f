"""The resize, confirmResize and revertResize server actions, added to
the servers resource:

    POST /servers/{id}/action  {"resize": {"flavorRef": "2"}}  (202)
    POST /servers/{id}/action  {"confirmResize": null}         (204)
    POST /servers/{id}/action  {"revertResize": null}          (202)

The moves, their states and their records are
nova_api.compute.server_resize's.
"""

from nova_api.api import plugin
from nova_api.api.schemas import server_resize as schemas
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import server_resize
from nova_api.compute import servers
from nova_api.policies import servers as server_policies


class ServerResizeController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors((400, 401, 403, 404, 409))
    @wsgi.action('resize')
    @wsgi.policy(server_policies.RESIZE)
    @validation.schema(schemas.resize)
    @validation.response_body_schema(schemas.resize_response)
    def resize(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(server_policies.RESIZE, {'user_id': server.user_id,
                                             'project_id': server.project_id})
        requested = body['resize']
        server_resize.resize(context, server, str(requested['flavorRef']),
                             requested.get('OS-DCF:diskConfig'))

    @wsgi.response(204)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('confirmResize')
    @wsgi.policy(server_policies.CONFIRM_RESIZE)
    @validation.schema(schemas.confirm_resize)
    @validation.response_body_schema(schemas.confirm_resize_response)
    def confirm_resize(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(server_policies.CONFIRM_RESIZE,
                    {'project_id': server.project_id})
        server_resize.confirm_resize(context, server)

    @wsgi.response(202)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('revertResize')
    @wsgi.policy(server_policies.REVERT_RESIZE)
    @validation.schema(schemas.revert_resize)
    @validation.response_body_schema(schemas.revert_resize_response)
    def revert_resize(self, req, id, body):
        context = req.context
        server = servers.get_server(context, id)
        context.can(server_policies.REVERT_RESIZE,
                    {'project_id': server.project_id})
        server_resize.revert_resize(context, server)


class ServerResize(plugin.APIPlugin):
    name = 'server-resize'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           ServerResizeController())]
