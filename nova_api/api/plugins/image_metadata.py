"""/images/{image_id}/metadata: an image's properties.

    GET    /images/{image_id}/metadata        index
    POST   /images/{image_id}/metadata        create      (merge)
    PUT    /images/{image_id}/metadata        update_all  (replace)
    GET    /images/{image_id}/metadata/{id}   show
    PUT    /images/{image_id}/metadata/{id}   update
    DELETE /images/{image_id}/metadata/{id}   delete      (204)

Nova checks no policy rule here (the image service decides). An image may
hold at most the project's metadata_items quota of properties (403 beyond).
The routes end at 2.38: from 2.39 they answer 404, as Nova's.
"""

from nova_api.api import plugin
from nova_api.api.schemas import image_metadata as schemas
from nova_api.api import validation
from nova_api.api.views import image_metadata as views
from nova_api.api import wsgi
from nova_api.compute import images


# 2.39 deprecated the image metadata proxy: from it these routes answer
# 404, as Nova's do.
MAX_VERSION = '2.38'


class ImageMetadataController(wsgi.Controller):

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req, image_id):
        metadata = images.get_metadata(req.context, image_id)
        return views.metadata(metadata)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors((403, 404))
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, image_id, id):
        value = images.get_metadata_item(req.context, image_id, id)
        return views.meta(id, value)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @validation.schema(schemas.create)
    @validation.response_body_schema(schemas.create_response)
    def create(self, req, image_id, body):
        metadata = images.update_metadata(req.context, image_id,
                                          body['metadata'])
        return views.metadata(metadata)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @validation.schema(schemas.update_all)
    @validation.response_body_schema(schemas.update_all_response)
    def update_all(self, req, image_id, body):
        metadata = images.update_metadata(req.context, image_id,
                                          body['metadata'], replace=True)
        return views.metadata(metadata)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors((400, 403, 404))
    @validation.schema(schemas.update)
    @validation.response_body_schema(schemas.update_response)
    def update(self, req, image_id, id, body):
        meta = body['meta']
        images.update_metadata_item(req.context, image_id, id, meta)
        return views.meta(id, meta[id])

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(204)
    @wsgi.expected_errors((403, 404))
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, image_id, id):
        images.delete_metadata_item(req.context, image_id, id)


class ImageMetadata(plugin.APIPlugin):
    name = 'image-metadata'

    def resources(self):
        collection = '/images/{image_id}/metadata'
        member = collection + '/{id}'
        return [plugin.APIResource(
            'image-metadata', ImageMetadataController(), [
                ('GET', collection, 'index'),
                ('POST', collection, 'create'),
                ('PUT', collection, 'update_all'),
                ('GET', member, 'show'),
                ('PUT', member, 'update'),
                ('DELETE', member, 'delete'),
            ])]
