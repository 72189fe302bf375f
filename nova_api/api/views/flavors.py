"""Flavors on the wire: internal names (memory_mb, root_gb ...) become
Nova's (ram, disk, OS-FLV-EXT-DATA:ephemeral ...)."""

from nova_api.api.views import links

COLLECTION = 'flavors'


def _summary(req, flavor):
    return {
        'id': flavor.flavorid,
        'name': flavor.name,
        'links': links.resource_links(req, COLLECTION, flavor.flavorid),
    }


def _detail(req, flavor):
    return {
        'id': flavor.flavorid,
        'name': flavor.name,
        'ram': flavor.memory_mb,
        'disk': flavor.root_gb,
        # Nova sends "" for no swap (an integer from 2.75).
        'swap': flavor.swap or '',
        'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral_gb,
        'OS-FLV-DISABLED:disabled': flavor.disabled,
        'vcpus': flavor.vcpus,
        'os-flavor-access:is_public': flavor.is_public,
        'rxtx_factor': flavor.rxtx_factor or '',
        'links': links.resource_links(req, COLLECTION, flavor.flavorid),
    }


def show(req, flavor):
    return {'flavor': _detail(req, flavor)}


def index(req, flavors, limit):
    return _page(req, COLLECTION, [_summary(req, f) for f in flavors],
                 flavors, limit)


def detail(req, flavors, limit):
    return _page(req, COLLECTION + '/detail',
                 [_detail(req, f) for f in flavors], flavors, limit)


def _page(req, collection, entries, flavors, limit):
    body = {'flavors': entries}
    next_links = links.collection_links(
        req, collection, [f.flavorid for f in flavors], limit)
    if next_links:
        body['flavors_links'] = next_links
    return body
