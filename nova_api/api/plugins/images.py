"""/images: Nova's proxy to the image service, served from the local
image catalog.

    GET    /images              index   (anyone; no policy rule in Nova)
    GET    /images/detail       detail
    GET    /images/{id}         show
    DELETE /images/{id}         delete  (204)

Lists take the filters Nova passes on to the image service: name, status
(any case), changes-since (ISO 8601), minRam, minDisk, type (the
image_type property), server (a server's id or URL: the instance_uuid
property) and property-<key>=<value>; limit and marker page them, newest
first. The routes end at 2.35: from 2.36 they answer 404, as Nova's.
"""


from nova_api.api import pagination
from nova_api.api import plugin
from nova_api.api import query_filters
from nova_api.api.schemas import images as schemas
from nova_api.api import validation
from nova_api.api.views import images as views
from nova_api.api import wsgi
from nova_api.compute import images

_PROPERTY_PREFIX = 'property-'
# Query parameters naming a property: (parameter, property key).
_PROPERTY_PARAMS = (('type', 'image_type'), ('server', 'instance_uuid'))


# 2.36 deprecated Nova's proxies to other services: from it these routes
# answer 404, as Nova's do.
MAX_VERSION = '2.35'


class ImagesController(wsgi.Controller):

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schema(schemas.index_query)
    @validation.response_body_schema(schemas.index_response)
    def index(self, req):
        page, limit = _list(req)
        return views.index(req, page, limit)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors(400)
    @validation.query_schema(schemas.detail_query)
    @validation.response_body_schema(schemas.detail_response)
    def detail(self, req):
        page, limit = _list(req)
        return views.detail(req, page, limit)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(200)
    @wsgi.expected_errors(404)
    @validation.query_schema(schemas.show_query)
    @validation.response_body_schema(schemas.show_response)
    def show(self, req, id):
        image = images.get(req.context, id)
        return views.show(req, image)

    @wsgi.api_version(max_version=MAX_VERSION)
    @wsgi.response(204)
    @wsgi.expected_errors((403, 404))
    @validation.query_schema(schemas.delete_query)
    @validation.response_body_schema(schemas.delete_response)
    def delete(self, req, id):
        images.destroy(req.context, id)


def _list(req):
    """(images, limit) of the page the query string asks for."""
    limit, marker = pagination.get_limit_and_marker(req)
    page = images.get_all(req.context, filters=_filters(req.GET),
                          limit=limit, marker=marker)
    return page, limit


def _filters(params):
    """The query's filters with internal names and values."""
    filters = {}
    for name in ('name', 'status'):
        if name in params:
            filters[name] = params[name]
    if 'status' in filters:
        filters['status'] = filters['status'].lower()
    if 'changes-since' in params:
        filters['changes_since'] = query_filters.timestamp(
            'changes-since', params['changes-since'])
    for param, column in (('minRam', 'min_ram'), ('minDisk', 'min_disk')):
        if param in params:
            filters[column] = query_filters.integer(param, params[param])
    properties = {key[len(_PROPERTY_PREFIX):]: value
                  for key, value in params.items()
                  if key.startswith(_PROPERTY_PREFIX)}
    for param, key in _PROPERTY_PARAMS:
        if param in params:
            properties[key] = params[param]
    if 'instance_uuid' in properties:
        # A server's URL names it by its last segment.
        properties['instance_uuid'] = (
            properties['instance_uuid'].rsplit('/', 1)[-1])
    if properties:
        filters['properties'] = properties
    return filters


class Images(plugin.APIPlugin):
    name = 'images'

    def resources(self):
        return [plugin.APIResource('images', ImagesController(), [
            ('GET', '/images', 'index'),
            ('GET', '/images/detail', 'detail'),
            ('GET', '/images/{id}', 'show'),
            ('DELETE', '/images/{id}', 'delete'),
        ])]
