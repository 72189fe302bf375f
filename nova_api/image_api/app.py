"""The image endpoint's WSGI apps: the version document and the v2 API.

    GET /                      versions (300, as the image service answers)
    GET /v2/images             index: a page of images (see query.py)
    GET /v2/images/{image_id}  show

Read-only: another method on these URLs is 405. Errors have the image
service's shape (webob's error page, JSON when the client accepts it),
not Nova's fault body: clients of the image service parse that.
"""

import webob
import webob.dec
import webob.exc

from nova_api.api import json_encoding
from nova_api.api import wsgi
from nova_api.compute import images
from nova_api import exception
from nova_api.image_api import catalog
from nova_api.image_api import query
from nova_api.image_api import views

_NOT_FOUND = 'No image found with ID %s'


def _json(body, status=200):
    return webob.Response(body=json_encoding.dump_as_bytes(body),
                          status=status, content_type='application/json',
                          charset='UTF-8')


def index(req):
    list_query = query.parse(req.GET)
    try:
        page = catalog.get_page(req.environ[wsgi.CONTEXT_KEY],
                                list_query.filters, list_query.keep,
                                list_query.limit, list_query.marker)
    except (exception.ImageNotFound, exception.ImageMarkerNotFound):
        return webob.exc.HTTPBadRequest(
            explanation=_NOT_FOUND % list_query.marker)
    params = [(key, value) for key, value in req.GET.items()
              if key != 'marker']
    next_marker = None
    if page and len(page) == list_query.limit:
        next_marker = page[-1].image.uuid
    return _json(views.index(page, params, next_marker))


def show(req, image_id):
    try:
        entry = images.get(req.environ[wsgi.CONTEXT_KEY], image_id)
    except exception.ImageNotFound:
        return webob.exc.HTTPNotFound(explanation=_NOT_FOUND % image_id)
    return _json(views.image(entry))


# The whole v2 surface: path -> {method: handler}. A segment in braces is
# a path parameter: any one non-empty segment, passed by that name.
ROUTES = (
    ('/v2/images', {'GET': index}),
    ('/v2/images/{image_id}', {'GET': show}),
)


def _match(path):
    """(handlers, path parameters) of the route matching `path`, or
    (None, None)."""
    segments = path.split('/')
    for route, handlers in ROUTES:
        pattern = route.split('/')
        if len(pattern) != len(segments):
            continue
        params = {}
        for expected, segment in zip(pattern, segments):
            if expected.startswith('{') and segment:
                params[expected[1:-1]] = segment
            elif expected != segment:
                break
        else:
            return handlers, params
    return None, None


@webob.dec.wsgify
def image_api_v2(req):
    handlers, params = _match(req.path_info)
    if handlers is None:
        return webob.exc.HTTPNotFound()
    handler = handlers.get(req.method)
    if handler is None:
        return webob.exc.HTTPMethodNotAllowed(
            headers=[('Allow', ', '.join(handlers))])
    return handler(req, **params)


@webob.dec.wsgify
def image_versions(req):
    return _json(views.versions(req.application_url), status=300)


def v2_factory(global_config, **local_config):
    return image_api_v2


def versions_factory(global_config, **local_config):
    return image_versions
