"""Bodies as the image service (Glance v2) writes them.

Links in image bodies are relative to the image endpoint ("/v2/images/ID"),
as the image service writes them; the version document's are absolute.
"""

import urllib.parse

from nova_api.image_api import catalog

IMAGES_PATH = '/v2/images'
_TIME_FORMAT = '%Y-%m-%dT%H:%M:%SZ'
# The versions every image service lists whatever its configuration; the
# image bodies carry the fields of the newest (os_hidden, os_hash_*).
_VERSIONS = ('2.7', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.0')


def versions(endpoint_url):
    """The version document; `endpoint_url` is the image endpoint's."""
    href = endpoint_url.rstrip('/') + '/v2/'
    return {'versions': [
        {'id': 'v' + version,
         'status': 'CURRENT' if version == _VERSIONS[0] else 'SUPPORTED',
         'links': [{'rel': 'self', 'href': href}]}
        for version in _VERSIONS
    ]}


def _time(value):
    return value.strftime(_TIME_FORMAT)


def image(entry):
    image, properties = entry
    href = '%s/%s' % (IMAGES_PATH, image.uuid)
    # Properties first: an attribute of the image wins over a property of
    # the same name.
    body = dict(properties)
    body.update({
        'id': image.uuid,
        'name': image.name,
        'status': image.status,
        'visibility': catalog.visibility(image),
        'size': image.size,
        'virtual_size': None,
        'min_disk': image.min_disk or 0,
        'min_ram': image.min_ram or 0,
        'disk_format': image.disk_format,
        'container_format': image.container_format,
        'checksum': None,
        'os_hash_algo': None,
        'os_hash_value': None,
        'owner': image.owner,
        'protected': False,
        'os_hidden': False,
        'tags': [],
        'created_at': _time(image.created_at),
        # The image service sets it at creation; old rows may lack it.
        'updated_at': _time(image.updated_at or image.created_at),
        'self': href,
        'file': href + '/file',
        'schema': '/v2/schemas/image',
    })
    return body


def index(entries, params, next_marker=None):
    """A page of images. `params` are the request's query parameters (a
    list of pairs) without the marker; `next_marker` is the marker of the
    next page, if the page is full."""
    body = {
        'images': [image(entry) for entry in entries],
        'first': _url(params),
        'schema': '/v2/schemas/images',
    }
    if next_marker is not None:
        body['next'] = _url(params + [('marker', next_marker)])
    return body


def _url(params):
    if not params:
        return IMAGES_PATH
    return '%s?%s' % (IMAGES_PATH, urllib.parse.urlencode(params))
