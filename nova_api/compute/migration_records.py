"""Migration records: what a resize or cold migration of a server went
through, as Nova's migrations are (os-migrations).

A record stores the status the last API call set and when (updated_at, or
created_at); the statuses it has gone through since follow from the
server's task durations, as the server's own state does
(nova_api.compute.server_states), so a record and its server always
agree: pre-migrating, migrating and post-migrating while the server
resizes (RESIZE_PREP, RESIZE_MIGRATING, then RESIZE_MIGRATED and
RESIZE_FINISH), finished once it is VERIFY_RESIZE, then confirmed at
[DEFAULT] resize_confirm_window if it is set; reverting until the revert
ends, then reverted. A confirm stores confirmed, a move no host could
take error. An evacuation (nova_api.compute.evacuate) stores accepted,
pre-migrating once its destination has claimed the server, done once the
server is rebuilt there.
take error. A live migration (nova_api.compute.live_migration) stores
queued and is completed when its server's migrating task ends; forcing
it stores completed, aborting it cancelled.
"""

import datetime
import types
import typing
import uuid

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import scheduling
from nova_api.compute import server_states
from nova_api.db import migration_records as migrations_db
from nova_api import exception

PRE_MIGRATING = 'pre-migrating'
MIGRATING = 'migrating'
POST_MIGRATING = 'post-migrating'
FINISHED = 'finished'
CONFIRMED = 'confirmed'
REVERTING = 'reverting'
REVERTED = 'reverted'
ERROR = 'error'
# An evacuation's: accepted by the API, pre-migrating once its
# destination has claimed it, done once the server is rebuilt there.
ACCEPTED = 'accepted'
DONE = 'done'
# A live migration's statuses (Nova's): queued, preparing and running in
# quarters of [simulated] live_migration_seconds, then completed;
# cancelled once aborted.
QUEUED = 'queued'
PREPARING = 'preparing'
RUNNING = 'running'
COMPLETED = 'completed'
CANCELLED = 'cancelled'

# migration_type
RESIZE = 'resize'
MIGRATION = 'migration'
LIVE_MIGRATION = 'live-migration'
EVACUATION = 'evacuation'

# A live migration's statuses while it runs.
LIVE_MIGRATION_IN_PROGRESS = (QUEUED, PREPARING, RUNNING, POST_MIGRATING)

# The stored statuses a record moves on from by itself.
_MOVING = (PRE_MIGRATING, REVERTING, QUEUED)
# While a record is in one of these, the source host keeps the server's
# old flavor (Nova keeps the source allocation until the confirm, and
# until a live migration ends).
_HOLDS_SOURCE = (PRE_MIGRATING, MIGRATING, POST_MIGRATING, FINISHED,
                 QUEUED, PREPARING, RUNNING)


class Migration(typing.NamedTuple):
    """A record as the API shows it: its stored columns and its status
    now, with when it changed to it; a running live migration's memory
    copied so far too (bytes)."""

    row: object
    status: str
    updated_at: datetime.datetime | None
    memory_total: int | None = None
    memory_processed: int | None = None
    memory_remaining: int | None = None

    def __getattr__(self, name):
        return getattr(self.row, name)


def _steps(row, durations):
    """[(after, status)]: the statuses a stored status leads to, each
    from `after` (a timedelta) since it was stored."""
    if row.status == PRE_MIGRATING:
        ends = server_states.task_duration(server_states.RESIZE_PREP,
                                           durations)
        steps = [(ends / 4, MIGRATING), (ends / 2, POST_MIGRATING),
                 (ends, FINISHED)]
        confirm_after = durations.get(server_states.CONFIRM_AFTER, 0)
        if confirm_after > 0:
            steps.append((ends + datetime.timedelta(seconds=confirm_after),
                          CONFIRMED))
        return steps
    if row.status == ACCEPTED and row.migration_type == EVACUATION:
        ends = server_states.task_duration(server_states.EVACUATING,
                                           durations)
        # The destination claims the server before it rebuilds it.
        return [(ends / 3, PRE_MIGRATING), (ends, DONE)]
    if row.status == REVERTING:
        return [(server_states.task_duration(
            server_states.RESIZE_REVERTING, durations), REVERTED)]
    if row.status == QUEUED:
        ends = server_states.task_duration(server_states.MIGRATING,
                                           durations)
        return [(ends / 4, PREPARING), (ends / 2, RUNNING),
                (ends, COMPLETED)]
    return []


def current(row, durations, now):
    """The record `row` as it is at `now`."""
    stored_at = row.updated_at or row.created_at
    status, changed_at = row.status, row.updated_at
    steps = _steps(row, durations)
    for after, step in steps:
        if now < stored_at + after:
            break
        status, changed_at = step, stored_at + after
    if status == RUNNING and row.status == QUEUED:
        return Migration(row, status, changed_at, *_memory_copied(
            row, changed_at, stored_at + steps[-1][0], now))
    return Migration(row, status, changed_at)


def _memory_copied(row, started_at, ends_at, now):
    """(total, processed, remaining) bytes of the server's memory a live
    migration running from `started_at` to `ends_at` has copied at
    `now`, evenly over the time (Nova's counters are never 0)."""
    total = row.old_flavor['memory_mb'] * 1024 * 1024
    processed = int(total * ((now - started_at) / (ends_at - started_at)))
    processed = min(max(processed, 1), total - 1)
    return total, processed, total - processed


def new_record(context, server, migration_type, old_flavor_id,
               new_flavor_id, **columns):
    """The columns of a new record of `server`'s move from its host, by
    the user of `context`, created now; `columns` adds to them (the
    destination, the flavors, the status)."""
    return dict({
        'uuid': str(uuid.uuid4()), 'server_id': server.id,
        'instance_uuid': server.uuid, 'source_compute': server.host,
        'source_node': server.host,
        'old_instance_type_id': old_flavor_id,
        'new_instance_type_id': new_flavor_id,
        'migration_type': migration_type,
        'user_id': context.user_id, 'project_id': context.project_id,
        'created_at': timeutils.utcnow(),
    }, **columns)


def latest_of_server(context, server):
    """The server's newest record now, or None."""
    row = migrations_db.get_latest_of_server(context, server.id)
    if row is None:
        return None
    return current(row, backend.task_durations(), timeutils.utcnow())


def confirm(context, migration):
    """Store that the move `migration` (a Migration or row) is
    confirmed."""
    migrations_db.update(context, migration.id, {
        'status': CONFIRMED, 'updated_at': timeutils.utcnow()})


def confirm_on_delete(context, server):
    """Confirm the move of a resized server being deleted, as Nova does
    before it deletes one."""
    migration = latest_of_server(context, server)
    if migration is not None and migration.status == FINISHED:
        confirm(context, migration)


def in_progress_live_migrations(context, server):
    """The server's live migrations in progress, newest first: all a
    server's migrations list shows (Nova's)."""
    return list_migrations(
        context, {'instance_uuid': server.uuid,
                  'migration_type': LIVE_MIGRATION},
        statuses=LIVE_MIGRATION_IN_PROGRESS)


def get_live_migration(context, server, migration_id):
    """The server's live migration `migration_id` (a string from the
    URL) while in progress, or Nova's 404 for a migration that is not
    the server's, not a live migration, or over."""
    row = None
    if migration_id.isdigit():
        row = migrations_db.get_of_server(context, server.id,
                                          int(migration_id))
    if row is None:
        raise exception.LiveMigrationNotFoundForServer(
            id=migration_id, uuid=server.uuid)
    if row.migration_type != LIVE_MIGRATION:
        raise exception.MigrationNotLiveMigration(id=migration_id,
                                                  uuid=server.uuid)
    migration = current(row, backend.task_durations(), timeutils.utcnow())
    if migration.status not in LIVE_MIGRATION_IN_PROGRESS:
        raise exception.LiveMigrationNotInProgress(id=migration_id,
                                                   uuid=server.uuid)
    return migration


def held_usage(context, usage):
    """`usage` ({host: (vcpus, memory_mb, disk_gb)}, the servers' own)
    with what moves in progress hold besides: the old flavor on the
    source host until a resize is confirmed or reverted, the new one on
    the destination while a revert runs."""
    durations = backend.task_durations()
    now = timeutils.utcnow()
    for row in migrations_db.get_with_status_in(context, _MOVING):
        status = current(row, durations, now).status
        if status in _HOLDS_SOURCE:
            host, flavor = row.source_compute, row.old_flavor
        elif status == REVERTING:
            host, flavor = row.dest_compute, row.new_flavor
        else:
            continue
        usage = scheduling.add_usage(
            usage, host,
            scheduling.requirement_of(types.SimpleNamespace(**flavor)))
    return usage


def list_migrations(context, filters, statuses=None, changes_since=None,
                    changes_before=None):
    """The records matching `filters` (migrations_db.get_all's), whose
    status now is one of `statuses` (if given) and that changed within
    [changes_since, changes_before] (if given), newest first."""
    durations = backend.task_durations()
    now = timeutils.utcnow()
    found = []
    for row in migrations_db.get_all(context, filters):
        migration = current(row, durations, now)
        if statuses is not None and migration.status not in statuses:
            continue
        changed = migration.updated_at or migration.created_at
        if changes_since is not None and changed < changes_since:
            continue
        if changes_before is not None and changed > changes_before:
            continue
        found.append(migration)
    return found
