"""Migration records, as stored: the rows of migrations (migration 0016).

The stored status is the one the last API call set; what it has become
since is nova_api.compute.migration_records'.
"""

import collections

import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

_migrations = models.Migration.__table__
_servers = models.Server.__table__

MigrationRow = collections.namedtuple('MigrationRow', [
    column.name for column in _migrations.columns])

# Newest first, as Nova lists them (2.59's sort: created_at, id).
_NEWEST_FIRST = (_migrations.c.created_at.desc(), _migrations.c.id.desc())
_EQUAL_FILTERS = ('instance_uuid', 'migration_type', 'source_compute',
                  'user_id', 'project_id')


@api.context_manager.writer
def add(context, values):
    """Store a migration (`values`: its columns but id); its id."""
    return context.session.execute(
        _migrations.insert().values(**values)).inserted_primary_key[0]


@api.context_manager.writer
def update(context, migration_id, values):
    context.session.execute(_migrations.update().where(
        _migrations.c.id == migration_id).values(**values))


@api.context_manager.reader.connection
def get_latest_of_server(context, server_id):
    """The server's newest migration (by its id column), or None."""
    row = context.connection.execute(
        sa.select(*_migrations.columns).where(
            _migrations.c.server_id == server_id).order_by(
                _migrations.c.id.desc()).limit(1)).first()
    return None if row is None else MigrationRow._make(row)


@api.context_manager.reader.connection
def get_of_server(context, server_id, migration_id):
    """The migration `migration_id` (its id) of the server `server_id`
    (its id column), or None."""
    row = context.connection.execute(
        sa.select(*_migrations.columns).where(
            _migrations.c.server_id == server_id,
            _migrations.c.id == migration_id)).first()
    return None if row is None else MigrationRow._make(row)


@api.context_manager.reader.connection
def get_with_status_in(context, statuses):
    """The migrations of existing servers whose stored status is one of
    `statuses`."""
    return [MigrationRow._make(row) for row in context.connection.execute(
        sa.select(*_migrations.columns).join(
            _servers, _servers.c.id == _migrations.c.server_id).where(
                _servers.c.deleted == 0,
                _migrations.c.status.in_(statuses)))]


@api.context_manager.reader.connection
def get_all(context, filters):
    """Every migration matching `filters` ({column: value} of
    _EQUAL_FILTERS, and 'host': the source or the destination compute),
    newest first."""
    statement = sa.select(*_migrations.columns).order_by(*_NEWEST_FIRST)
    for name in _EQUAL_FILTERS:
        if filters.get(name) is not None:
            statement = statement.where(
                _migrations.c[name] == filters[name])
    if filters.get('host') is not None:
        statement = statement.where(sa.or_(
            _migrations.c.source_compute == filters['host'],
            _migrations.c.dest_compute == filters['host']))
    return [MigrationRow._make(row)
            for row in context.connection.execute(statement)]
