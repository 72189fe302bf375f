"""/servers/{server_id}/metadata: a server's key/value metadata.

    GET    /servers/{server_id}/metadata        index
    POST   /servers/{server_id}/metadata        create      (merge)
    PUT    /servers/{server_id}/metadata        update_all  (replace)
    GET    /servers/{server_id}/metadata/{key}  show
    PUT    /servers/{server_id}/metadata/{key}  update
    DELETE /servers/{server_id}/metadata/{key}  delete      (204)

Each method finds the server (404 for one the caller may not see) before
it checks its rule against the server's project, as Nova does. Changes
need a server at rest (409), and the result may hold at most the caller's
metadata_items quota of items (403).
"""

from nova_api.api import plugin
from nova_api.api import server_lookup
from nova_api.api.schemas import server_metadata as schemas
from nova_api.api import validation
from nova_api.api.views import server_metadata as views
from nova_api.api import wsgi
from nova_api.compute import server_metadata
from nova_api.policies import server_metadata as sm_policies


class ServerMetadataController(wsgi.Controller):

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sm_policies.INDEX)
    @validation.query_schema(schemas.index_query, '2.0', '2.101')
    @validation.query_schema(schemas.index_query_v2102, '2.102')
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, server_id):
        server = server_lookup.find_server(req, server_id, sm_policies.INDEX)
        return views.metadata(server_metadata.get_metadata(server))

    @wsgi.expected_errors((403, 404))
    @wsgi.policy(sm_policies.SHOW)
    @validation.query_schema(schemas.show_query, '2.0', '2.101')
    @validation.query_schema(schemas.show_query_v2102, '2.102')
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, server_id, key):
        server = server_lookup.find_server(req, server_id, sm_policies.SHOW)
        return views.meta(key, server_metadata.get_item(server, key))

    # Nova answers 200, not 201, for this creation.
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(sm_policies.CREATE)
    @validation.schema(schemas.create)
    @validation.response_body_schema(schemas.create_response)
    def create(self, req, server_id, body):
        server = server_lookup.find_server(req, server_id, sm_policies.CREATE)
        metadata = server_metadata.update_metadata(
            req.context, server, body['metadata'])
        return views.metadata(metadata)

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(sm_policies.UPDATE_ALL)
    @validation.schema(schemas.update_all)
    @validation.response_body_schema(schemas.update_all_response)
    def update_all(self, req, server_id, body):
        server = server_lookup.find_server(req, server_id,
                                           sm_policies.UPDATE_ALL)
        metadata = server_metadata.update_metadata(
            req.context, server, body['metadata'], replace=True)
        return views.metadata(metadata)

    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404, 409))
    @wsgi.policy(sm_policies.UPDATE)
    @validation.schema(schemas.update)
    @validation.response_body_schema(schemas.update_response)
    def update(self, req, server_id, key, body):
        server = server_lookup.find_server(req, server_id, sm_policies.UPDATE)
        value = server_metadata.update_item(req.context, server, key,
                                            body['meta'])
        return views.meta(key, value)

    @wsgi.response(204)
    @wsgi.expected_errors((403, 404, 409))
    @wsgi.policy(sm_policies.DELETE)
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, server_id, key):
        server = server_lookup.find_server(req, server_id, sm_policies.DELETE)
        server_metadata.delete_item(req.context, server, key)


class ServerMetadata(plugin.APIPlugin):
    name = 'server-metadata'

    def resources(self):
        collection = '/servers/{server_id}/metadata'
        item = collection + '/{key}'
        return [plugin.APIResource(
            'server-metadata', ServerMetadataController(), [
                ('GET', collection, 'index'),
                ('POST', collection, 'create'),
                ('PUT', collection, 'update_all'),
                ('GET', item, 'show'),
                ('PUT', item, 'update'),
                ('DELETE', item, 'delete'),
            ])]
