"""Migration records on the wire: Nova's os-migrations list."""

from nova_api.api.views import links
from nova_api.api.views import timestamps

_HOST_FIELDS = ('dest_compute', 'dest_host', 'dest_node', 'source_compute',
                'source_node')


def _migration(req, migration, with_hosts):
    body = {
        'created_at': timestamps.with_microseconds(migration.created_at),
        'id': migration.id,
        'instance_uuid': migration.instance_uuid,
        'new_instance_type_id': migration.new_instance_type_id,
        'old_instance_type_id': migration.old_instance_type_id,
        'status': migration.status,
        'updated_at': timestamps.with_microseconds(migration.updated_at),
    }
    for field in _HOST_FIELDS:
        body[field] = getattr(migration, field) if with_hosts else None
    if req.is_supported('2.23'):
        # Links are for in-progress live migrations, which none is yet.
        body['migration_type'] = migration.migration_type
    if req.is_supported('2.59'):
        body['uuid'] = migration.uuid
    if req.is_supported('2.80'):
        body['user_id'] = migration.user_id
        body['project_id'] = migration.project_id
    return body


def index(req, migrations, limit, with_hosts):
    """The list; from 2.59 a full page (`limit` records) links to the
    next."""
    body = {'migrations': [_migration(req, migration, with_hosts)
                           for migration in migrations]}
    if req.is_supported('2.59'):
        next_links = links.collection_links(
            req, 'os-migrations',
            [migration.uuid for migration in migrations], limit)
        if next_links:
            body['migrations_links'] = next_links
    return body
