"""Service records, as stored: rows of services (migration 0014).

Rows are created for the configured hosts and control services by
ensure(); several API processes may do it at once, so each row is
inserted in a savepoint and a duplicate (host, binary) is the other
process's row, which wins. A deleted row stays, deleted.
"""

import collections

from oslo_db import exception as db_exception
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

_services = models.Service.__table__

ServiceRow = collections.namedtuple(
    'ServiceRow', [column.name for column in _services.columns])

_ALL = sa.select(_services).order_by(_services.c.id)
_KEYS = sa.select(_services.c.host, _services.c.binary)


def _row(row):
    return None if row is None else ServiceRow(**row._mapping)


@api.context_manager.reader.connection
def get_keys(context):
    """{(host, binary)} of every row, deleted ones included."""
    return {tuple(row) for row in context.connection.execute(_KEYS)}


@api.context_manager.writer
def add_missing(context, records):
    """Insert each of `records` (dicts of the columns uuid, host, binary,
    topic) that has no row yet, deleted or not."""
    for values in records:
        try:
            with context.session.begin_nested():
                context.session.add(models.Service(**values))
        except db_exception.DBDuplicateEntry:
            pass


@api.context_manager.reader.connection
def get_all(context):
    """ServiceRows of the services not deleted, by id."""
    return [_row(row) for row in context.connection.execute(
        _ALL.where(_services.c.deleted.is_(False)))]


@api.context_manager.reader.connection
def get(context, column, value):
    """The ServiceRow not deleted whose `column` ('id' or 'uuid') is
    `value`, or None."""
    return _row(context.connection.execute(_ALL.where(
        _services.c.deleted.is_(False),
        _services.c[column] == value)).one_or_none())


@api.context_manager.writer
def update(context, service_id, values, now):
    """Change the columns `values` of service `service_id` (its id)."""
    context.session.execute(_services.update().where(
        _services.c.id == service_id).values(updated_at=now, **values))


@api.context_manager.writer
def delete(context, service_id, now):
    """Mark service `service_id` (its id) deleted."""
    update(context, service_id, {'deleted': True, 'deleted_at': now}, now)
