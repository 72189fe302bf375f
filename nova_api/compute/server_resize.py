"""Resizing and cold-migrating servers, and confirming or reverting it.

A resize (a new flavor) or cold migration (the same flavor, 2.56 a host
asked for) places the server again under the scheduling lock, on another
host unless [DEFAULT] allow_resize_to_same_host lets a resize stay, and
stores it there with its new flavor at once; a migration record
(nova_api.compute.migration_records) keeps the old host and flavor, which
keep their place on the old host until the resize is confirmed. The
server goes through RESIZE_PREP ... RESIZE_FINISH to VERIFY_RESIZE
(server_states.task_stages), where confirmResize leaves it (ACTIVE, or
SHUTOFF if it was stopped, as in Nova) and revertResize takes it back to
its old host and flavor. A move no host has room for leaves the server as
it was and its record in error, as Nova's conductor does when it finds no
valid host after its API answered 202.

Nova moves the server to its new host and flavor when the resize
finishes; here they are shown from its start.
"""

import types

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import instance_actions
from nova_api.compute import lock_server
from nova_api.compute import migration_records
from nova_api.compute import quotas
from nova_api.compute import scheduling
from nova_api.compute import server_create
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.compute import services
from nova_api.compute import snapshots
from nova_api import conf
from nova_api.db import api as db_api
from nova_api.db import flavors as flavors_db
from nova_api.db import migration_records as migrations_db
from nova_api.db import servers as servers_db
from nova_api import exception

_FLAVOR_COLUMNS = ('vcpus', 'memory_mb', 'root_gb', 'ephemeral_gb', 'swap')


def resize(context, server, flavor_id, disk_config=None):
    """Resize `server` to the flavor `flavor_id` (its public id), with
    Nova's checks in its order: the lock and the state (409), the flavor
    (400), the quota for a larger one (403), the image (400)."""
    _check_can_move(context, server, server_states.RESIZE)
    old = flavor_of(context, server)
    new = _flavor_by_id(context, flavor_id)
    volume_backed = snapshots.is_volume_backed(server)
    if new['root_gb'] == 0 and old['root_gb'] != 0 and not volume_backed:
        raise exception.CannotResizeDisk(
            reason='Resize to zero disk flavor is not allowed.')
    if new['flavor_ref'] == old['flavor_ref']:
        raise exception.CannotResizeToSameFlavor()
    _check_quota_for_upsize(context, server, old, new)
    if not volume_backed:
        _check_image(context, server, new)
    excluded = (frozenset() if conf.CONF.allow_resize_to_same_host
                else frozenset({server.host}))
    failure = None
    if 0 < new['root_gb'] < old['root_gb']:
        # The libvirt driver's refusal, once the move has begun.
        failure = ('compute_resize_instance',
                   'Resize error: Unable to resize disk down.')
    _move(context, server, server_states.RESIZE, old, new, excluded,
          failure=failure, disk_config=disk_config)


def migrate(context, server, host=None):
    """Cold-migrate `server` to another host, or to `host` (2.56): the
    host it is on (400), one that does not exist (400); one that is down
    or has no room takes Nova's no valid host path."""
    _check_can_move(context, server, server_states.MIGRATE)
    hosts = {known.name for known in services.registered_hosts(context)}
    if host is not None:
        if host == server.host:
            raise exception.CannotMigrateToSameHost()
        if host not in hosts:
            raise exception.ComputeHostNotFound(host=host)
    flavor = flavor_of(context, server)
    _move(context, server, server_states.MIGRATE, flavor, flavor,
          frozenset({server.host}), host_name=host)


def confirm_resize(context, server):
    """Confirm a resized server's move: it is back in the vm_state its
    resize started from, and its old host is freed."""
    migration = _finished_migration(context, server,
                                    server_states.CONFIRM_RESIZE)
    _check_host_up(context, migration.source_compute)
    with db_api.context_manager.writer.using(context):
        # The confirm starts no task: begin_action checks and records it
        # (on the source host, which it cleans up).
        servers.begin_action(context, server, server_states.CONFIRM_RESIZE,
                             {'host': migration.source_compute})
        if not servers_db.update_state(context, server.row, {
                'vm_state': server.row.vm_state, 'task_state': None,
                'task_started_at': None}):
            raise exception.InstanceInvalidState(
                action=server_states.CONFIRM_RESIZE.name,
                server_id=server.uuid, attr='task_state',
                state=servers.get_server(context, server.uuid).task_state)
        migration_records.confirm(context, migration)


def revert_resize(context, server):
    """Take a resized server back to its old host and flavor."""
    migration = _finished_migration(context, server,
                                    server_states.REVERT_RESIZE)
    old = migration.old_flavor
    _check_quota_for_upsize(context, server, migration.new_flavor, old)
    zones = {known.name: known.availability_zone
             for known in services.registered_hosts(context)}
    changes = dict(
        {column: old[column] for column in _FLAVOR_COLUMNS},
        flavor_ref=old['flavor_ref'], vm_state=server.row.vm_state,
        host=migration.source_compute,
        availability_zone=zones.get(migration.source_compute,
                                    server.availability_zone))
    with db_api.context_manager.writer.using(context):
        servers.begin_action(
            context, server, server_states.REVERT_RESIZE, changes,
            _revert_events(migration.source_compute, server.host))
        servers_db.set_embedded_flavor(context, server.id, old['name'],
                                       old['extra_specs'])
        migrations_db.update(context, migration.id, {
            'status': migration_records.REVERTING,
            'updated_at': timeutils.utcnow()})


def _check_can_move(context, server, action):
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(action, server.uuid, server.state)
    _check_host_up(context, server.host)


def _check_host_up(context, host_name):
    """ServiceUnavailable (409) when the compute service of `host_name`
    is down (or forced down), as Nova checks the source host of a move
    and of a confirm."""
    for service in services.compute_services(context):
        if service.host == host_name and not service.is_up:
            raise exception.ServiceUnavailable()


def _finished_migration(context, server, action):
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(action, server.uuid, server.state)
    migration = migration_records.latest_of_server(context, server)
    if migration is None or migration.status != migration_records.FINISHED:
        raise exception.InstanceNotResized()
    return migration


def flavor_of(context, server):
    """The server's flavor, as a migration record stores it."""
    embedded = servers.embedded_flavors(context, [server])[server.uuid]
    flavor = {column: getattr(embedded, column)
              for column in _FLAVOR_COLUMNS}
    flavor.update(flavor_ref=server.flavor_ref, name=embedded.name,
                  extra_specs=embedded.extra_specs,
                  id=flavor_id_of(context, server))
    return flavor


def flavor_id_of(context, server):
    """The internal id of the server's flavor, None once it is
    deleted."""
    try:
        return flavors_db.get_by_flavor_id(context.elevated(),
                                           server.flavor_ref).id
    except exception.FlavorNotFound:
        return None


def _flavor_by_id(context, flavor_id):
    try:
        flavor = flavors_db.get_by_flavor_id(context, flavor_id)
    except exception.FlavorNotFound:
        flavor = None
    if flavor is None or flavor.disabled:
        raise exception.ResizeFlavorNotFound(flavor_id=flavor_id)
    stored = {column: getattr(flavor, column) for column in _FLAVOR_COLUMNS}
    stored.update(flavor_ref=flavor.flavorid, name=flavor.name, id=flavor.id,
                  extra_specs=flavors_db.get_extra_specs_of(
                      context, [flavor.id])[flavor.id])
    return stored


def _check_quota_for_upsize(context, server, old, new):
    """TooManyInstances (403) unless the project and the user have room
    for what `new` takes more than `old`, as Nova checks a resize (and a
    revert, back to the old flavor)."""
    deltas = {'cores': new['vcpus'] - old['vcpus'],
              'ram': new['memory_mb'] - old['memory_mb']}
    deltas = {resource: delta for resource, delta in deltas.items()
              if delta > 0}
    if not deltas:
        return
    quotas.check_server_resources(context, server.project_id,
                                  server.user_id, deltas)


def _check_image(context, server, flavor):
    """The image the server was booted from must fit the new flavor."""
    try:
        server_create.check_image(context, server.image_ref,
                                  _as_flavor(flavor), True)
    except (exception.InvalidImageRef, exception.ImageNotActive):
        # Nova checks the image as the server keeps it from its create.
        pass


def _as_flavor(flavor):
    """A stored flavor (a dict) as the flavor rows it was read from."""
    return types.SimpleNamespace(**flavor)


def _move(context, server, action, old, new, excluded, host_name=None,
          failure=None, disk_config=None):
    """Place the server for `new` and store the move, or record why no
    host takes it. Nova sets the disk config to the one asked for, MANUAL
    if none is."""
    hosts = services.schedulable_hosts(context)
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        chosen = None
        if failure is None:
            chosen = scheduling.choose_host(
                hosts, servers.host_usage(context),
                scheduling.requirement_of(_as_flavor(new)),
                server.pinned_availability_zone, host_name,
                excluded=excluded)
            if chosen is None:
                failure = ('conductor_migrate_server',
                           'No valid host was found. ')
        record = migration_records.new_record(
            context, server,
            (migration_records.MIGRATION if action is server_states.MIGRATE
             else migration_records.RESIZE),
            old['id'], new['id'], old_flavor=old, new_flavor=new)
        if failure is not None:
            _record_failure(context, server, action, failure)
            migrations_db.add(context, dict(
                record, status=migration_records.ERROR,
                updated_at=record['created_at']))
            return
        changes = dict(
            {column: new[column] for column in _FLAVOR_COLUMNS},
            flavor_ref=new['flavor_ref'], host=chosen.name,
            availability_zone=chosen.availability_zone,
            disk_config=disk_config or 'MANUAL')
        servers.begin_action(context, server, action, changes,
                             _move_events(server.host, chosen.name))
        if action is server_states.RESIZE:
            servers_db.set_embedded_flavor(context, server.id, new['name'],
                                           new['extra_specs'])
        migrations_db.add(context, dict(
            record, status=migration_records.PRE_MIGRATING,
            dest_compute=chosen.name, dest_node=chosen.name,
            dest_host=chosen.name))


def _move_events(source, dest):
    """The events of a move, as Nova's conductor and computes record
    them, each over its share of the resize's stages."""
    share = server_states.task_duration(server_states.RESIZE_PREP,
                                        backend.task_durations()) / 4
    event = instance_actions.PlannedEvent
    return [
        event('conductor_migrate_server',
              instance_actions.control_host('nova-conductor')),
        event('compute_prep_resize', dest, share),
        event('compute_resize_instance', source, share * 2, delay=share),
        event('compute_finish_resize', dest, share, delay=share * 3),
    ]


def _revert_events(source, dest):
    share = server_states.task_duration(server_states.RESIZE_REVERTING,
                                        backend.task_durations()) / 2
    event = instance_actions.PlannedEvent
    return [event('compute_revert_resize', dest, share),
            event('compute_finish_revert_resize', source, share,
                  delay=share)]


def _record_failure(context, server, action, failure):
    event, details = failure
    host = (instance_actions.control_host('nova-conductor')
            if event.startswith('conductor_') else server.host)
    instance_actions.record(context, server, action.instance_action, [
        instance_actions.PlannedEvent(event, host,
                                      result=instance_actions.ERROR,
                                      details=details)])
