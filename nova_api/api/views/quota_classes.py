"""Quota class sets on the wire.

Before 2.50 server_groups and server_group_members are not shown (they can
be set all the same).
"""

from nova_api.compute import quotas

_NOT_SHOWN = frozenset(['server_groups', 'server_group_members'])


def _limits(limits):
    return {resource: limits[resource] for resource in quotas.RESOURCES
            if resource not in _NOT_SHOWN}


def show(class_name, limits):
    return {'quota_class_set': dict(_limits(limits), id=class_name)}


def update(limits):
    # Nova answers an update without the id.
    return {'quota_class_set': _limits(limits)}
