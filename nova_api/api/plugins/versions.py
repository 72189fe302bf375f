"""The version document inside the API pipeline: /v2.1/{project_id}/."""

from nova_api.api import plugin
from nova_api.api.schemas import versions as schemas
from nova_api.api import validation
from nova_api.api import versions
from nova_api.api import wsgi
from nova_api import exception


class VersionsController(wsgi.Controller):

    @wsgi.response(200)
    @wsgi.expected_errors(404)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, id='v2.1'):
        if req.is_legacy_v2():
            id = 'v2.0'
        if id not in versions.VERSIONS:
            raise exception.NotFound()
        # The endpoint the request came to, whichever version it names.
        endpoint = req.script_name.rstrip('/').rsplit('/', 1)[-1]
        return versions.build_version(
            req, id, self_href=versions.endpoint_url(req, endpoint))


class Versions(plugin.APIPlugin):
    name = 'versions'

    def resources(self):
        return [plugin.APIResource('versions', VersionsController(), [
            ('GET', '/', 'show'),
            ('GET', '/versions/{id}', 'show'),
        ])]
