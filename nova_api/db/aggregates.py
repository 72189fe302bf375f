"""Host aggregate queries: the aggregates, their hosts and their metadata.

Reads return SQLAlchemy Core rows and plain dicts; writes use the ORM.
As in Nova, a rename or a metadata change sets the aggregate's
``updated_at``, a host added or removed does not.
Names are unique, and so is a host within an aggregate: the database
decides both, so two creates racing get one aggregate and one 409.
"""

from oslo_db import exception as db_exc
from oslo_utils import timeutils
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api import exception

Aggregate = models.Aggregate
AggregateHost = models.AggregateHost
AggregateMetadata = models.AggregateMetadata

_aggregates = Aggregate.__table__
_hosts = AggregateHost.__table__
_metadata = AggregateMetadata.__table__
_servers = models.Server.__table__

# The metadata key that makes an aggregate an availability zone.
ZONE_KEY = 'availability_zone'

# The largest id a column of the database's Integer holds.
_MAX_ID = 2 ** 31 - 1

_ALL = sa.select(_aggregates).order_by(_aggregates.c.id)
_BY_ID = sa.select(_aggregates).where(_aggregates.c.id == sa.bindparam('id'))
_HOSTS_OF = sa.select(_hosts.c.aggregate_id, _hosts.c.host).where(
    _hosts.c.aggregate_id.in_(sa.bindparam('ids', expanding=True)),
).order_by(_hosts.c.id)
_METADATA_OF = sa.select(
    _metadata.c.aggregate_id, _metadata.c.key, _metadata.c.value).where(
    _metadata.c.aggregate_id.in_(sa.bindparam('ids', expanding=True)),
).order_by(_metadata.c.id)
# (host, aggregate id, zone) of every host in an aggregate with a zone.
_HOST_ZONES = sa.select(
    _hosts.c.host, _hosts.c.aggregate_id, _metadata.c.value).select_from(
    _hosts.join(_metadata,
                _metadata.c.aggregate_id == _hosts.c.aggregate_id)).where(
    _metadata.c.key == ZONE_KEY).order_by(_hosts.c.aggregate_id)
_SERVERS_ON = sa.select(sa.func.count(_servers.c.id)).where(
    _servers.c.deleted == 0,
    _servers.c.host.in_(sa.bindparam('hosts', expanding=True)))


@api.context_manager.reader.connection
def get_all(context):
    """Every aggregate, oldest first."""
    return context.connection.execute(_ALL).all()


@api.context_manager.reader.connection
def get(context, aggregate_id):
    """The aggregate `aggregate_id` (an int), or AggregateNotFound."""
    row = None
    if 0 < aggregate_id <= _MAX_ID:
        row = context.connection.execute(
            _BY_ID, {'id': aggregate_id}).first()
    if row is None:
        raise exception.AggregateNotFound(aggregate_id=aggregate_id)
    return row


@api.context_manager.reader.connection
def get_hosts(context, aggregate_ids):
    """{aggregate id: [host, ...]} in the order they were added; every id
    given is a key."""
    hosts = {aggregate_id: [] for aggregate_id in aggregate_ids}
    if hosts:
        for aggregate_id, host in context.connection.execute(
                _HOSTS_OF, {'ids': list(hosts)}):
            hosts[aggregate_id].append(host)
    return hosts


@api.context_manager.reader.connection
def get_metadata(context, aggregate_ids):
    """{aggregate id: {key: value}}; every id given is a key."""
    metadata = {aggregate_id: {} for aggregate_id in aggregate_ids}
    if metadata:
        for aggregate_id, key, value in context.connection.execute(
                _METADATA_OF, {'ids': list(metadata)}):
            metadata[aggregate_id][key] = value
    return metadata


@api.context_manager.reader.connection
def get_host_zones(context):
    """[(host, aggregate id, zone), ...] of the hosts of every aggregate
    with an availability zone, by aggregate id."""
    return [tuple(row) for row in context.connection.execute(_HOST_ZONES)]


@api.context_manager.reader.connection
def count_servers_on(context, hosts):
    """How many servers (not deleted) are on the hosts named."""
    if not hosts:
        return 0
    return context.connection.execute(
        _SERVERS_ON, {'hosts': list(hosts)}).scalar()


@api.context_manager.writer
def create(context, uuid, name, metadata):
    """Insert an aggregate with `metadata`; returns its id."""
    aggregate = Aggregate(uuid=uuid, name=name)
    context.session.add(aggregate)
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.AggregateNameExists(aggregate_name=name)
    for key, value in metadata.items():
        context.session.add(AggregateMetadata(
            aggregate_id=aggregate.id, key=key, value=value))
    context.session.flush()
    return aggregate.id


def _touch(context, aggregate_id, values=None):
    context.session.execute(
        sa.update(_aggregates).where(_aggregates.c.id == aggregate_id)
        .values(updated_at=timeutils.utcnow(), **(values or {})))


@api.context_manager.writer
def rename(context, aggregate_id, name):
    try:
        _touch(context, aggregate_id, {'name': name})
    except db_exc.DBDuplicateEntry:
        raise exception.AggregateNameExists(aggregate_name=name)


@api.context_manager.writer
def update_metadata(context, aggregate_id, updates):
    """Set each key of `updates` to its value; a None value deletes the
    key (a key not there is left alone)."""
    deleted = [key for key, value in updates.items() if value is None]
    if deleted:
        context.session.execute(sa.delete(_metadata).where(
            _metadata.c.aggregate_id == aggregate_id,
            _metadata.c.key.in_(deleted)))
    existing = {row.key: row for row in context.session.scalars(
        sa.select(AggregateMetadata).where(
            AggregateMetadata.aggregate_id == aggregate_id))}
    for key, value in updates.items():
        if value is None:
            continue
        if key in existing:
            existing[key].value = value
        else:
            context.session.add(AggregateMetadata(
                aggregate_id=aggregate_id, key=key, value=value))
    _touch(context, aggregate_id)
    context.session.flush()


@api.context_manager.writer
def add_host(context, aggregate_id, host):
    context.session.add(AggregateHost(aggregate_id=aggregate_id, host=host))
    try:
        context.session.flush()
    except db_exc.DBDuplicateEntry:
        raise exception.AggregateHostExists(aggregate_id=aggregate_id,
                                            host=host)


@api.context_manager.writer
def remove_host(context, aggregate_id, host):
    """Remove `host`; False when the aggregate did not have it."""
    removed = context.session.execute(sa.delete(_hosts).where(
        _hosts.c.aggregate_id == aggregate_id, _hosts.c.host == host))
    return bool(removed.rowcount)


@api.context_manager.writer
def delete(context, aggregate_id):
    """Delete the aggregate and its metadata (it has no hosts)."""
    context.session.execute(sa.delete(_metadata).where(
        _metadata.c.aggregate_id == aggregate_id))
    context.session.execute(sa.delete(_aggregates).where(
        _aggregates.c.id == aggregate_id))
