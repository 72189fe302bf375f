"""openapi: GET /v2.1/openapi.json, the OpenAPI 3.1 document of the
negotiated microversion, made from the loaded route table
(nova_api.api.openapi). Not on /v2 (it serves from 2.1).

It is inside the API pipeline, so it needs a token like any route; it
checks no policy rule: the document shows what the service serves, not
what the caller may do.
"""

from nova_api.api import openapi
from nova_api.api import plugin
from nova_api.api import route_table
from nova_api.api.schemas import openapi as schemas
from nova_api.api import validation
from nova_api.api import wsgi


class OpenAPIController(wsgi.Controller):

    def __init__(self):
        self._table = None
        self._documents = {}

    @wsgi.api_version('2.1')
    @wsgi.response(200)
    @wsgi.expected_errors(())
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req):
        version = str(req.api_version_request)
        if version not in self._documents:
            self._documents[version] = openapi.build(self._loaded_table(),
                                                     version)
        return self._documents[version]

    def _loaded_table(self):
        # The table is the router's, which owns this controller: load it
        # on first use (the same plugins, [api] disabled_plugins applied).
        if self._table is None:
            self._table = route_table.default_table()
        return self._table


class OpenAPI(plugin.APIPlugin):
    name = 'openapi'

    def resources(self):
        return [plugin.APIResource('openapi', OpenAPIController(), [
            ('GET', '/openapi.json', 'show'),
        ])]
