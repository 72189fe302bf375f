"""Images on the wire: internal names (min_ram, size, properties ...)
become Nova's (minRam, OS-EXT-IMG-SIZE:size, metadata ...), and the image
service's status its upper-case form with a progress."""

from oslo_config import cfg
from oslo_utils import strutils

from nova_api.api.views import links

CONF = cfg.CONF

COLLECTION = 'images'
_TIME_FORMAT = '%Y-%m-%dT%H:%M:%SZ'

# The image service's status: (Nova's status, progress).
_STATUS = {
    'active': ('ACTIVE', 100),
    'queued': ('SAVING', 25),
    'saving': ('SAVING', 50),
    'deleted': ('DELETED', 0),
    'pending_delete': ('DELETED', 0),
    'killed': ('ERROR', 0),
}
_UNKNOWN = ('UNKNOWN', 0)


def _time(value):
    return value.strftime(_TIME_FORMAT) if value is not None else None


def _links(req, uuid):
    glance_url = CONF.glance.api_servers[0].rstrip('/')
    return links.resource_links(req, COLLECTION, uuid) + [{
        'rel': 'alternate',
        'type': 'application/vnd.openstack.image',
        'href': '%s/%s/%s' % (glance_url, COLLECTION, uuid),
    }]


def _summary(req, entry):
    image = entry.image
    return {
        'id': image.uuid,
        'name': image.name,
        'links': _links(req, image.uuid),
    }


def _detail(req, entry):
    image, properties = entry
    status, progress = _STATUS.get(image.status, _UNKNOWN)
    body = {
        'id': image.uuid,
        'name': image.name,
        'minRam': image.min_ram or 0,
        'minDisk': image.min_disk or 0,
        'metadata': dict(properties),
        'created': _time(image.created_at),
        'updated': _time(image.updated_at),
        'status': status,
        'progress': progress,
        'OS-EXT-IMG-SIZE:size': image.size,
        'links': _links(req, image.uuid),
    }
    # A snapshot names the server it was taken from.
    server_id = properties.get('instance_uuid')
    if server_id is not None:
        body['server'] = {
            'id': server_id,
            'links': links.resource_links(req, 'servers', server_id),
        }
    auto_disk_config = properties.get('auto_disk_config')
    if auto_disk_config is not None:
        body['OS-DCF:diskConfig'] = (
            'AUTO' if strutils.bool_from_string(auto_disk_config)
            else 'MANUAL')
    return body


def show(req, entry):
    return {'image': _detail(req, entry)}


def index(req, entries, limit):
    return _page(req, COLLECTION, [_summary(req, e) for e in entries],
                 entries, limit)


def detail(req, entries, limit):
    return _page(req, COLLECTION + '/detail',
                 [_detail(req, e) for e in entries], entries, limit)


def _page(req, collection, body_entries, entries, limit):
    body = {'images': body_entries}
    next_links = links.collection_links(
        req, collection, [e.image.uuid for e in entries], limit)
    if next_links:
        body['images_links'] = next_links
    return body

