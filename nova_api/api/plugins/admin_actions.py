"""The administrators' server actions (Nova's os-admin-actions), added
to the servers resource:

    POST /servers/{id}/action  {"os-resetState": {"state": "active"}}  (202)
    POST /servers/{id}/action  {"injectNetworkInfo": null}             (202)

The server is found (404) before the rule is checked against its
project (403), as Nova does.
"""

from nova_api.api import plugin
from nova_api.api.schemas import admin_actions as schemas
from nova_api.api import server_lookup
from nova_api.api import validation
from nova_api.api import wsgi
from nova_api.compute import admin_actions
from nova_api.policies import admin_actions as policies


class AdminActionsController(wsgi.Controller):

    @wsgi.response(202)
    @wsgi.expected_errors(404)
    @wsgi.action('os-resetState')
    @wsgi.policy(policies.RESET_STATE)
    @validation.schema(schemas.reset_state)
    @validation.response_body_schema(schemas.reset_state_response)
    def reset_state(self, req, id, body):
        server = server_lookup.find_server(req, id, policies.RESET_STATE)
        admin_actions.reset_state(req.context, server,
                                  body['os-resetState']['state'])

    @wsgi.response(202)
    @wsgi.expected_errors((404, 409))
    @wsgi.action('injectNetworkInfo')
    @wsgi.policy(policies.INJECT_NETWORK_INFO)
    @validation.schema(schemas.inject_network_info)
    @validation.response_body_schema(schemas.inject_network_info_response)
    def inject_network_info(self, req, id, body):
        server = server_lookup.find_server(req, id,
                                           policies.INJECT_NETWORK_INFO)
        admin_actions.inject_network_info(req.context, server)


class AdminActions(plugin.APIPlugin):
    name = 'os-admin-actions'

    def controller_extensions(self):
        return [plugin.ControllerExtension('servers',
                                           AdminActionsController())]
