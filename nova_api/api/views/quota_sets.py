"""Quota sets on the wire: the limits of a project (or of a user in it),
with their usage in the detailed view.

Up to 2.35 every resource is shown; 2.36 drops the network ones and 2.57
the injected file ones (nova_api.api.schemas.quota_sets.SHOWN).
"""

from nova_api.api.schemas import quota_sets as schema


def _limits(req, limits):
    return {resource: limits[resource] for resource in schema.shown_at(req)}


def show(req, project_id, limits):
    return {'quota_set': dict(_limits(req, limits), id=project_id)}


def update(req, limits):
    # Nova answers an update without the id.
    return {'quota_set': _limits(req, limits)}


def detail(req, project_id, limits, usages):
    body = {resource: {'limit': limits[resource],
                       'in_use': usages[resource],
                       # Nova reserves nothing any more; the field stays.
                       'reserved': 0}
            for resource in schema.shown_at(req)}
    body['id'] = project_id
    return {'quota_set': body}
