"""Flavors on the wire: internal names (memory_mb, root_gb ...) become
Nova's (ram, disk, OS-FLV-EXT-DATA:ephemeral ...), with what the
negotiated microversion adds or takes away (see api/schemas/flavors.py).

`extra_specs` ({flavorid: {key: value}}, or a flavor's own dict for
show) is None when the caller may not see extra specs or the version
has none; only detail, show, create and update carry them.
"""

from nova_api.api.views import links

COLLECTION = 'flavors'


class _FlavorViewBuilder:
    """Formats the flavors of one request: what the version adds or takes
    away is worked out once, not per flavor."""

    def __init__(self, req):
        self.req = req
        self.description = req.is_supported('2.55')
        # No swap is "" until 2.75, 0 from then on.
        self.no_swap = 0 if req.is_supported('2.75') else ''
        self.without_rxtx_and_disabled = req.is_supported('2.102')

    def summary(self, flavor):
        body = {
            'id': flavor.flavorid,
            'name': flavor.name,
            'links': links.resource_links(self.req, COLLECTION,
                                          flavor.flavorid),
        }
        if self.description:
            body['description'] = flavor.description
        return body

    def detail(self, flavor, extra_specs):
        body = {
            'id': flavor.flavorid,
            'name': flavor.name,
            'ram': flavor.memory_mb,
            'disk': flavor.root_gb,
            'swap': flavor.swap or self.no_swap,
            'OS-FLV-EXT-DATA:ephemeral': flavor.ephemeral_gb,
            'OS-FLV-DISABLED:disabled': flavor.disabled,
            'vcpus': flavor.vcpus,
            'os-flavor-access:is_public': flavor.is_public,
            'rxtx_factor': flavor.rxtx_factor or '',
            'links': links.resource_links(self.req, COLLECTION,
                                          flavor.flavorid),
        }
        if self.description:
            body['description'] = flavor.description
        if extra_specs is not None:
            body['extra_specs'] = extra_specs
        if self.without_rxtx_and_disabled:
            del body['OS-FLV-DISABLED:disabled']
            del body['rxtx_factor']
        return body


def show(req, flavor, extra_specs=None):
    return {'flavor': _FlavorViewBuilder(req).detail(flavor, extra_specs)}


def index(req, flavors, limit):
    builder = _FlavorViewBuilder(req)
    return _page(req, COLLECTION, [builder.summary(f) for f in flavors],
                 flavors, limit)


def detail(req, flavors, limit, extra_specs=None):
    builder = _FlavorViewBuilder(req)
    entries = [
        builder.detail(
            f, None if extra_specs is None else extra_specs[f.flavorid])
        for f in flavors]
    return _page(req, COLLECTION + '/detail', entries, flavors, limit)


def _page(req, collection, entries, flavors, limit):
    body = {'flavors': entries}
    next_links = links.collection_links(
        req, collection, [f.flavorid for f in flavors], limit)
    if next_links:
        body['flavors_links'] = next_links
    return body
