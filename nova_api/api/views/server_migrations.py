"""A server's live migrations on the wire (Nova's server migrations)."""

from nova_api.api.views import timestamps

_HOST_FIELDS = ('dest_compute', 'dest_host', 'dest_node', 'source_compute',
                'source_node')
_PROGRESS_FIELDS = ('disk_processed', 'disk_remaining', 'disk_total',
                    'memory_processed', 'memory_remaining', 'memory_total')


def migration(req, record, with_hosts=True):
    body = {
        'created_at': timestamps.with_microseconds(record.created_at),
        'id': record.id,
        'server_uuid': record.instance_uuid,
        'status': record.status,
        'updated_at': timestamps.with_microseconds(record.updated_at),
    }
    for field in _HOST_FIELDS:
        body[field] = getattr(record, field) if with_hosts else None
    for field in _PROGRESS_FIELDS:
        body[field + '_bytes'] = getattr(record, field)
    if req.is_supported('2.59'):
        body['uuid'] = record.uuid
    if req.is_supported('2.80'):
        body['user_id'] = record.user_id
        body['project_id'] = record.project_id
    return body


def index(req, records, with_hosts):
    return {'migrations': [migration(req, record, with_hosts)
                           for record in records]}


def show(req, record):
    return {'migration': migration(req, record)}
