"""/servers/{server_id}/diagnostics: what the compute driver reports of a
running server (os-server-diagnostics), administrators' by default.

    GET /servers/{server_id}/diagnostics   index

Before 2.48 the body is the driver's own dict of counters; from 2.48 it
is Nova's standard form. The server is found (404) before the rule is
checked against its project (403), as Nova does.
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_diagnostics as schemas
from nova_api.api import validation
from nova_api.api.views import server_diagnostics as views
from nova_api.api import wsgi
from nova_api.compute import server_diagnostics
from nova_api.policies import server_diagnostics as policies

STANDARD_FORM = '2.48'


class ServerDiagnosticsController(wsgi.Controller):

    @wsgi.expected_errors((403, 404, 409, 501))
    @wsgi.policy(policies.BASE_POLICY_NAME)
    @validation.query_schema(schemas.index_query, '2.0', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response, '2.0', '2.47')
    @validation.response_body_schema(schemas.index_response_v248, '2.48')
    def index(self, req, server_id):
        server = server_lookup.find_server(req, server_id,
                                           policies.BASE_POLICY_NAME)
        # Which of the driver's two reports to ask for is the
        # microversion's choice, as the view's shape is.
        if req.is_supported(STANDARD_FORM):
            return views.show(server_diagnostics.get_diagnostics(
                req.context, server, standard=True))
        return server_diagnostics.get_diagnostics(req.context, server,
                                                  standard=False)


class ServerDiagnostics(plugin.APIPlugin):
    name = 'os-server-diagnostics'

    def resources(self):
        return [plugin.APIResource(
            'os-server-diagnostics', ServerDiagnosticsController(), [
                ('GET', '/servers/{server_id}/diagnostics', 'index'),
            ])]
