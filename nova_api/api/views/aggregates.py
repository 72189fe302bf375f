"""Host aggregates on the wire: Nova's aggregate object serialised, with
``uuid`` from 2.41. A created aggregate is shown without its hosts and
metadata, as Nova shows it."""

from nova_api.api.views import timestamps


def _aggregate(req, aggregate):
    body = {
        'id': aggregate.id,
        'name': aggregate.name,
        'availability_zone': aggregate.availability_zone,
        'hosts': list(aggregate.hosts),
        'metadata': dict(aggregate.metadata),
        'created_at': timestamps.with_microseconds(aggregate.created_at),
        'updated_at': timestamps.with_microseconds(aggregate.updated_at),
        # The API database keeps no deleted aggregates.
        'deleted_at': None,
        'deleted': False,
    }
    if req.is_supported('2.41'):
        body['uuid'] = aggregate.uuid
    return body


def index(req, aggregates):
    return {'aggregates': [_aggregate(req, aggregate)
                           for aggregate in aggregates]}


def show(req, aggregate):
    return {'aggregate': _aggregate(req, aggregate)}


def create(req, aggregate):
    body = _aggregate(req, aggregate)
    del body['hosts'], body['metadata']
    return {'aggregate': body}
