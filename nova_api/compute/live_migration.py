"""Live migration (os-migrateLive), and forcing or aborting one (server
migrations, 2.22 and 2.24).

A live migration moves a running or paused server to another host while
it runs. The API checks what Nova's API checks (the lock, the state, a
host that exists), then what Nova's conductor checks, under the
scheduling lock: the source host is up; a forced host (one named before
2.30, or with "force" from 2.30 to 2.67) is not the source, is up, has
the memory and then the room for the server; otherwise the scheduler
picks an enabled, up host with room other than the source (the one named,
if any). The server is stored on its new host at once, its migrating task
lasting [simulated] live_migration_seconds; its record
(nova_api.compute.migration_records) goes queued, preparing, running and
completed in quarters of it, and the source host keeps the server's
place until then, as Nova's migration holds the source allocation.

A conductor check that fails leaves the server as it was, a record in
error and the instance action with its failed conductor event; before
2.34 the API answers the check's 400 too, from 2.34 it answers 202 (the
checks run after the API has answered, in Nova).

Nova moves the server to its new host when the migration ends; here it
is shown there from its start (as a resize is).
"""

import dataclasses
import types

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import instance_actions
from nova_api.compute import lock_server
from nova_api.compute import migration_records
from nova_api.compute import scheduling
from nova_api.compute import server_resize
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.compute import services
from nova_api.db import api as db_api
from nova_api.db import migration_records as migrations_db
from nova_api.db import servers as servers_db
from nova_api import exception

_CONDUCTOR = 'nova-conductor'


def live_migrate(context, server, host=None, force=None,
                 asynchronous=False):
    """Live-migrate `server`, to `host` if given: forced there (no
    scheduler) when `force` is None (before 2.30) or True. Raises the
    conductor's refusal (400) unless `asynchronous` (2.34), which records
    it only."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.LIVE_MIGRATE, server.uuid,
                                server.state)
    if host is not None and host not in {
            known.name for known in services.registered_hosts(context)}:
        raise exception.ComputeHostNotFound(host=host)
    forced = host is not None and force is not False
    flavor = server_resize.flavor_of(context, server)
    conductor_event = ('conductor_live_migrate_instance' if asynchronous
                       else 'conductor_migrate_server')
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        record = migration_records.new_record(
            context, server, migration_records.LIVE_MIGRATION,
            flavor['id'], flavor['id'], old_flavor=flavor, new_flavor=flavor,
            # The conductor names a forced host only.
            dest_compute=host if forced else None)
        record['updated_at'] = record['created_at']
        try:
            chosen = _destination(context, server, flavor, host, forced)
        except exception.Invalid as refusal:
            _record_refusal(context, server, conductor_event, refusal)
            migrations_db.add(context, dict(
                record, status=migration_records.ERROR))
            failure = refusal
        else:
            failure = None
            servers.begin_action(
                context, server, server_states.LIVE_MIGRATE,
                {'host': chosen.name,
                 'availability_zone': chosen.availability_zone},
                _events(conductor_event, server.host, chosen.name))
            migrations_db.add(context, dict(
                record, status=migration_records.QUEUED,
                dest_compute=chosen.name, dest_node=chosen.name,
                dest_host=chosen.name))
    if failure is not None and not asynchronous:
        raise failure


def force_complete(context, server, migration_id):
    """Complete the live migration `migration_id` (a string from the URL)
    of `server` now, as Nova's force_complete makes it converge: only a
    running one (400 otherwise, 409 for a server that is not migrating
    or not active)."""
    action = server_states.FORCE_COMPLETE_LIVE_MIGRATION
    migration = _migration_to_change(context, server, action,
                                     migration_id,
                                     exception.MigrationToForceNotFound)
    if migration.status != migration_records.RUNNING:
        raise exception.InvalidMigrationState(
            migration_id=migration_id, instance_uuid=server.uuid,
            state=migration.status, method='force complete')
    now = timeutils.utcnow()
    ending = []
    if now < migration.created_at + _quarter() * 3:
        # Not at its end yet: the destination finishes it now.
        ending = [instance_actions.PlannedEvent(
            'compute_post_live_migration_at_destination',
            migration.dest_compute)]
    with db_api.context_manager.writer.using(context):
        _end_task(context, server, action, migration, {}, ending)
        migrations_db.update(context, migration.id, {
            'status': migration_records.COMPLETED, 'updated_at': now})


def abort(context, server, migration_id, in_queue=False):
    """Abort the live migration `migration_id` of `server`: a running
    one, or (2.65, `in_queue`) a queued or preparing one too. The server
    stays on its source host and the destination's place is freed."""
    action = server_states.ABORT_LIVE_MIGRATION
    migration = _migration_to_change(context, server, action,
                                     migration_id,
                                     exception.MigrationNotFoundForInstance)
    allowed = {migration_records.RUNNING}
    if in_queue:
        allowed |= {migration_records.QUEUED, migration_records.PREPARING}
    if migration.status not in allowed:
        raise exception.InvalidMigrationState(
            migration_id=migration_id, instance_uuid=server.uuid,
            state=migration.status, method='abort live migration')
    zones = {known.name: known.availability_zone
             for known in services.registered_hosts(context)}
    source = migration.source_compute
    # A queued migration is dropped from the source's queue; one that
    # has begun is rolled back on the destination too.
    ending = [] if migration.status == migration_records.QUEUED else [
        instance_actions.PlannedEvent(
            'compute_rollback_live_migration_at_destination',
            migration.dest_compute)]
    with db_api.context_manager.writer.using(context):
        _end_task(context, server, action, migration, {
            'host': source,
            'availability_zone': zones.get(source,
                                           server.availability_zone)},
            ending)
        migrations_db.update(context, migration.id, {
            'status': migration_records.CANCELLED,
            'updated_at': timeutils.utcnow()})


def _migration_to_change(context, server, action, migration_id, not_found):
    """The Migration `migration_id` of `server` once Nova's checks of
    `action` pass: the lock and the server's state (409), then the
    migration (`not_found` for one that is not the server's)."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(action, server.uuid, server.state)
    row = None
    if migration_id.isdigit():
        row = migrations_db.get_of_server(context, server.id,
                                          int(migration_id))
    if row is None:
        raise not_found(migration_id=migration_id, instance_id=server.uuid)
    return migration_records.current(row, backend.task_durations(),
                                     timeutils.utcnow())


def _end_task(context, server, action, migration, changes, ending):
    """Record `action` (its one event, on the source host), end the
    live migration's action now with the events `ending`, and end the
    server's migrating task now, with `changes`."""
    servers.begin_action(context, server, action, events=[
        instance_actions.PlannedEvent(action.event,
                                      migration.source_compute)])
    instance_actions.end(context, server,
                         server_states.LIVE_MIGRATE.instance_action, ending)
    if not servers_db.update_state(context, server.row, dict(
            changes, vm_state=server.row.vm_state, task_state=None,
            task_started_at=None)):
        raise exception.InstanceInvalidState(
            action=action.name, server_id=server.uuid, attr='task_state',
            state=servers.get_server(context, server.uuid).task_state)


def _destination(context, server, flavor, host, forced):
    """The ComputeHost the server moves to, or the conductor's refusal
    (an exception.Invalid) raised. The caller holds the scheduling
    lock."""
    by_host = {service.host: service
               for service in services.compute_services(context)}
    _check_up(by_host.get(server.host), server.host)
    usage = servers.host_usage(context)
    requirement = scheduling.requirement_of(types.SimpleNamespace(**flavor))
    if forced:
        return _forced_destination(server, by_host[host], usage,
                                   requirement)
    # Placement finds the enabled hosts with room (the one named, in the
    # server's zone), then the filters drop those down and the source.
    enabled = [dataclasses.replace(service.compute_host, up=True)
               for service in by_host.values() if not service.disabled]
    if scheduling.choose_host(enabled, usage, requirement,
                              server.pinned_availability_zone,
                              host) is None:
        raise exception.NoValidHost(reason='')
    chosen = scheduling.choose_host(
        [known for known in enabled if by_host[known.name].is_up], usage,
        requirement, server.pinned_availability_zone, host,
        excluded=frozenset({server.host}))
    if chosen is None:
        raise exception.NoValidHost(
            reason='There are not enough hosts available.')
    return chosen


def _forced_destination(server, service, usage, requirement):
    """Nova's checks of a forced host, in its order."""
    if service.host == server.host:
        raise exception.UnableToMigrateToSelf(instance_id=server.uuid,
                                              host=service.host)
    _check_up(service, service.host)
    target = service.compute_host
    free_memory_mb = scheduling.free_capacity(target, usage)[1]
    if free_memory_mb <= requirement.memory_mb:
        raise exception.MigrationPreCheckError(reason=(
            'Unable to migrate %s to %s: Lack of memory(host:%s <= '
            'instance:%s)' % (server.uuid, service.host,
                              float(free_memory_mb),
                              requirement.memory_mb)))
    target = dataclasses.replace(target, up=True)
    if scheduling.choose_host([target], usage, requirement) is None:
        raise exception.NoValidHost(reason=(
            'Unable to move instance %s to host %s. There is not enough '
            'capacity on the host for the instance.' % (server.uuid,
                                                         service.host)))
    return target


def _check_up(service, host):
    if service is None or not service.is_up:
        raise exception.ComputeServiceUnavailable(host=host)


def _events(conductor_event, source, dest):
    """The events of a live migration, as Nova's conductor and computes
    record them, over the quarters of its duration: the checks while it
    is queued, the preparation on the destination, then the running
    migration and its end on the destination."""
    quarter = _quarter()
    event = instance_actions.PlannedEvent
    return [
        event(conductor_event, instance_actions.control_host(_CONDUCTOR),
              quarter),
        event('compute_check_can_live_migrate_destination', dest, quarter),
        event('compute_check_can_live_migrate_source', source, quarter),
        # The source queues the migration and returns.
        event('compute_live_migration', source, delay=quarter),
        event('compute_pre_live_migration', dest, quarter, delay=quarter),
        event('compute_post_live_migration_at_destination', dest, quarter,
              delay=quarter * 3),
    ]


def _quarter():
    """A quarter of a live migration's duration, as a timedelta."""
    return server_states.task_duration(server_states.MIGRATING,
                                       backend.task_durations()) / 4


def _record_refusal(context, server, conductor_event, refusal):
    instance_actions.record(
        context, server, server_states.LIVE_MIGRATE.instance_action, [
            instance_actions.PlannedEvent(
                conductor_event, instance_actions.control_host(_CONDUCTOR),
                result=instance_actions.ERROR,
                details=refusal.format_message())])
