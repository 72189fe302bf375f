"""Remote consoles (Nova's os-remote-consoles):

    POST /servers/{server_id}/remote-consoles        (2.6; 404 before)
        {"remote_console": {"protocol": "vnc", "type": "novnc"}}
        -> 200 {"remote_console": {"protocol", "type", "url"}}

and the server actions it replaced, up to 2.5 (and on /v2), each
answering 200 {"console": {"type", "url"}}:

    POST /servers/{id}/action  {"os-getVNCConsole": {"type": "novnc"}}
                               {"os-getSPICEConsole": {"type": "spice-html5"}}
                               {"os-getSerialConsole": {"type": "serial"}}
                               {"os-getRDPConsole": ...}  (always 400: RDP
                                consoles went with Nova's Hyper-V driver)

The URL carries a new console token (see os-console-auth-tokens). Nova
records no instance action for a console, and neither do we.
"""

from nova_api.api import plugin
from nova_api.api.schemas import remote_consoles as schemas
from nova_api.api import server_lookup
from nova_api.api import validation
from nova_api.api.views import remote_consoles as views
from nova_api.api import wsgi
from nova_api.compute import remote_consoles
from nova_api.compute import servers
from nova_api import exception
from nova_api.policies import remote_consoles as policies

_LAST_ACTION_VERSION = '2.5'


def _action_console(req, server_id, protocol, console_type, action):
    # Nova checks the rule on the caller's own project, then finds the
    # server.
    context = req.context
    context.can(policies.CREATE)
    server = servers.get_server(context, server_id)
    url = remote_consoles.get_console_url(context, server, protocol,
                                          console_type, action)
    return views.console(console_type, url)


class RemoteConsoleActionsController(wsgi.Controller):

    @wsgi.api_version(max_version=_LAST_ACTION_VERSION)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('os-getVNCConsole')
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.get_vnc_console)
    @validation.response_body_schema(schemas.get_vnc_console_response)
    def get_vnc_console(self, req, id, body):
        return _action_console(req, id, 'vnc',
                               body['os-getVNCConsole']['type'],
                               'get_vnc_console')

    @wsgi.api_version(max_version=_LAST_ACTION_VERSION)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('os-getSPICEConsole')
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.get_spice_console)
    @validation.response_body_schema(schemas.get_spice_console_response)
    def get_spice_console(self, req, id, body):
        return _action_console(req, id, 'spice',
                               body['os-getSPICEConsole']['type'],
                               'get_spice_console')

    @wsgi.api_version(max_version=_LAST_ACTION_VERSION)
    @wsgi.expected_errors((400,))
    @wsgi.action('os-getRDPConsole')
    @validation.schema(schemas.get_rdp_console)
    @validation.response_body_schema(schemas.get_rdp_console_response)
    def get_rdp_console(self, req, id, body):
        raise exception.ConsoleRequestRefused()

    @wsgi.api_version(max_version=_LAST_ACTION_VERSION)
    @wsgi.expected_errors((400, 404, 409))
    @wsgi.action('os-getSerialConsole')
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.get_serial_console)
    @validation.response_body_schema(schemas.get_serial_console_response)
    def get_serial_console(self, req, id, body):
        return _action_console(req, id, 'serial',
                               body['os-getSerialConsole']['type'],
                               'get_serial_console')


class RemoteConsolesController(wsgi.Controller):

    @wsgi.api_version('2.6')
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(policies.CREATE)
    @validation.schema(schemas.create, '2.6', '2.7')
    @validation.schema(schemas.create_v28, '2.8', '2.98')
    @validation.schema(schemas.create_v299, '2.99')
    @validation.response_body_schema(schemas.create_response, '2.6', '2.7')
    @validation.response_body_schema(schemas.create_response_v28, '2.8',
                                     '2.98')
    @validation.response_body_schema(schemas.create_response_v299, '2.99')
    def create(self, req, server_id, body):
        server = server_lookup.find_server(req, server_id, policies.CREATE)
        protocol = body['remote_console']['protocol']
        console_type = body['remote_console']['type']
        url = remote_consoles.get_console_url(
            req.context, server, protocol, console_type,
            'get_%s_console' % protocol)
        return views.remote_console(protocol, console_type, url)


class RemoteConsoles(plugin.APIPlugin):
    name = 'os-remote-consoles'

    def resources(self):
        return [plugin.APIResource(
            'remote-consoles', RemoteConsolesController(), [
                ('POST', '/servers/{server_id}/remote-consoles', 'create'),
            ])]

    def controller_extensions(self):
        return [plugin.ControllerExtension(
            'servers', RemoteConsoleActionsController())]
