"""Quota sets on the wire: the limits of a project (or of a user in it),
with their usage in the detailed view.

Up to 2.35 every resource is shown; later versions drop some.
"""

from nova_api.compute import quotas


def _limits(limits):
    return {resource: limits[resource] for resource in quotas.RESOURCES}


def show(project_id, limits):
    return {'quota_set': dict(_limits(limits), id=project_id)}


def update(limits):
    # Nova answers an update without the id.
    return {'quota_set': _limits(limits)}


def detail(project_id, limits, usages):
    body = {resource: {'limit': limits[resource],
                       'in_use': usages[resource],
                       # Nova reserves nothing any more; the field stays.
                       'reserved': 0}
            for resource in quotas.RESOURCES}
    body['id'] = project_id
    return {'quota_set': body}
