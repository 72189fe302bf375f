"""Quota class sets on the wire.

Before 2.50 server_groups and server_group_members are not shown (they can
be set all the same); from 2.50 the network resources and from 2.57 the
injected file ones are not (nova_api.api.schemas.quota_classes.SHOWN).
"""

from nova_api.api.schemas import quota_classes as schema
from nova_api.api.schemas import quota_sets as quota_sets_schema


def _limits(req, limits):
    return {resource: limits[resource]
            for resource in quota_sets_schema.shown_at(req, schema.SHOWN)}


def show(req, class_name, limits):
    return {'quota_class_set': dict(_limits(req, limits), id=class_name)}


def update(req, limits):
    # Nova answers an update without the id.
    return {'quota_class_set': _limits(req, limits)}
