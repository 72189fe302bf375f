"""/servers/{server_id}/ips: a server's addresses, by network.

    GET /servers/{server_id}/ips                   index
    GET /servers/{server_id}/ips/{network_label}   show

The server is found (404) before its rule is checked against its
project, as Nova does.
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_ips as schemas
from nova_api.api import validation
from nova_api.api.views import addresses as views
from nova_api.api import wsgi
from nova_api import exception
from nova_api.policies import server_ips as ips_policies


class ServerIPsController(wsgi.Controller):

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(ips_policies.INDEX)
    @validation.query_schema(schemas.index_query, '2.0', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, server_id):
        server = server_lookup.find_server(req, server_id, ips_policies.INDEX)
        return views.index(server.addresses)

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(ips_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, server_id, network_label):
        server = server_lookup.find_server(req, server_id, ips_policies.SHOW)
        on_network = [address for address in server.addresses
                      if address.network == network_label]
        if not on_network:
            raise exception.NetworkNotOfInstance()
        return views.show(network_label, on_network)


class ServerIPs(plugin.APIPlugin):
    name = 'ips'

    def resources(self):
        return [plugin.APIResource('ips', ServerIPsController(), [
            ('GET', '/servers/{server_id}/ips', 'index'),
            ('GET', '/servers/{server_id}/ips/{network_label}', 'show'),
        ])]
