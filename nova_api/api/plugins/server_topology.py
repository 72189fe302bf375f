"""/servers/{server_id}/topology: a server's NUMA topology (2.78,
os-server-topology).

    GET /servers/{server_id}/topology   index

The server is found (404) before the index rule is checked against its
project (403), as Nova does; the host:index rule, not enforced, decides
whether the host nodes and CPU pinning are shown.
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_topology as schemas
from nova_api.api import validation
from nova_api.api.views import server_topology as views
from nova_api.api import wsgi
from nova_api.compute import server_topology
from nova_api.policies import server_topology as policies


class ServerTopologyController(wsgi.Controller):

    @wsgi.api_version('2.78')
    @wsgi.expected_errors((403, 404))
    # HOST_INDEX is not enforced: it only decides what is shown.
    @wsgi.policy(policies.INDEX)
    @validation.query_schema(schemas.index_query, '2.78', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, server_id):
        server = server_lookup.find_server(req, server_id, policies.INDEX)
        show_host_info = req.context.can(
            policies.HOST_INDEX, {'project_id': server.project_id},
            fatal=False)
        return views.show(server_topology.get_topology(req.context, server),
                          show_host_info)


class ServerTopology(plugin.APIPlugin):
    name = 'os-server-topology'

    def resources(self):
        return [plugin.APIResource(
            'os-server-topology', ServerTopologyController(), [
                ('GET', '/servers/{server_id}/topology', 'index'),
            ])]
