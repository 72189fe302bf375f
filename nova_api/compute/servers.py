"""Servers: read, list, update, delete, and the power actions.

A server read from the database is returned as a ``Server``: its stored
columns, its state *now* (nova_api.compute.server_states, from the stored
task and the driver's task durations), its metadata, addresses and latest
fault, and its tags when the caller asks (the views of 2.26 on). Every
process computes the same state from the same row.

Creating servers is nova_api.compute.server_create's.
"""

import datetime
import re
import typing

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import deleted_states
from nova_api.compute import host_ids
from nova_api.compute import images
from nova_api.compute import instance_actions
from nova_api.compute import lock_server
from nova_api.compute import migration_records
from nova_api.compute import server_groups
from nova_api.compute import server_states
from nova_api import conf
from nova_api.db import api as db_api
from nova_api.db import server_tags as server_tags_db
from nova_api.db import servers as servers_db
from nova_api import exception


# A named tuple, as ServerState is: one for each server of a page.
class Server(typing.NamedTuple):
    """A server as the API shows it: stored columns (``row``), the state
    now, metadata, addresses and the latest fault (a row or None)."""

    row: object
    state: server_states.ServerState
    metadata: dict
    addresses: list
    fault: object = None
    # When the stored task last changed the state, by now; None if it
    # has not.
    task_ends_at: datetime.datetime | None = None
    # Its tags (2.26), when the caller asked for them; else None.
    tags: list | None = None
    # Read only for the views that show them (with_server_groups,
    # with_image_properties).
    server_groups: list | None = None
    image_properties: dict | None = None

    def __getattr__(self, name):
        # Stored columns read through: server.uuid, server.name ...
        return getattr(self.row, name)

    @property
    def vm_state(self):
        return self.state.vm_state

    @property
    def task_state(self):
        return self.state.task_state

    @property
    def status(self):
        return self.state.status

    @property
    def power_state(self):
        return self.state.power_state

    @property
    def launched_at(self):
        return self.state.launched_at

    @property
    def updated_at(self):
        """When the server last changed: a task that has ended by now
        changed it when it ended."""
        stored = self.row.updated_at or self.row.created_at
        if self.task_ends_at is not None:
            return max(stored, self.task_ends_at)
        return stored

    @property
    def host_id(self):
        """Nova's hostId; empty while the server has no host."""
        return host_ids.host_id(self.row.project_id, self.row.host)

    @property
    def instance_name(self):
        return 'instance-%08x' % self.row.id


def usage(context, project_id, user_id=None):
    """(instances, cores, ram) the project's (or the user's) servers
    count for against its quota now."""
    return servers_db.get_usage(context, project_id, user_id,
                                deleted_states.not_counted())


def used_addresses(context, network):
    """{address: uuid of the server holding it} on the network named
    `network`, for a create about to take some (in its writer
    transaction, holding the scheduling lock): a soft-deleted server
    keeps its addresses until it is reclaimed; a reclaimed one's rows
    are dropped now, so that another server may take them."""
    gone = deleted_states.reclaimed()
    if gone is not None:
        servers_db.release_addresses(context, gone)
    return servers_db.get_used_addresses(context, network, gone)


def assemble(context, rows, durations, now, with_tags=False):
    """Server objects of stored `rows`, in their state at `now`, with
    their tags if `with_tags` (one query for all the rows)."""
    # Only a server that went to ERROR has a fault to show; most pages
    # have none, and even a query not sent costs its transaction scope.
    failed = [row.id for row in rows
              if row.vm_state == server_states.ERROR or row.deleted]
    faults = servers_db.get_faults_for(context, failed) if failed else {}
    servers = []
    for row in rows:
        if row.deleted:
            state = server_states.ServerState(
                vm_state=server_states.DELETED, task_state=None,
                power_state=server_states.NOSTATE, status='DELETED',
                task_finishes_at=None, launched_at=row.launched_at,
                host=row.host)
        else:
            # A server row has the fields of a StoredState.
            state = server_states.current_state(row, durations, now)
            if state.host is None and row.host is not None:
                # Offloaded: the column keeps the host it left.
                row = row._replace(host=None)
        # A reclaimed server's row keeps the addresses it freed.
        addresses = ([] if state.vm_state == server_states.DELETED
                     else servers_db.addresses_of(row))
        servers.append(Server(
            row=row, state=state, metadata=servers_db.metadata_of(row),
            addresses=addresses, fault=faults.get(row.id),
            task_ends_at=None if row.deleted or row.task_state is None
            else server_states.changed_at(row, durations, now)))
    if with_tags:
        return _with_tags(context, servers)
    return servers


def _with_tags(context, servers):
    # Deleted servers have no tags left to read.
    tags = server_tags_db.get_for_servers(
        context, [server.id for server in servers if not server.deleted and
                  server.vm_state != server_states.DELETED])
    return [server._replace(tags=tags.get(server.id, []))
            for server in servers]


def with_server_groups(context, servers):
    """`servers` with the uuids of the server groups they are in (at most
    one each)."""
    groups = servers_db.get_group_uuids_for(
        context, [server.uuid for server in servers])
    return [server._replace(server_groups=groups[server.uuid])
            for server in servers]


def with_image_properties(context, servers):
    """`servers` with the properties of their images as they were at
    create (2.98), in one query for all of them."""
    stored = servers_db.get_image_properties_for(
        context, [server.row.id for server in servers])
    return [server._replace(image_properties=images.shown_to_a_server(
        stored.get(server.row.id, {}))) for server in servers]


def _visible_project(context):
    """The project a context may read servers of; None: any."""
    return None if context.is_admin else context.project_id


def get_server(context, server_id, with_tags=False, include_deleted=False):
    """The existing server `server_id` the context may see (with its
    tags if `with_tags`; or a deleted one too if `include_deleted`), or
    InstanceNotFound (404)."""
    durations = backend.task_durations()
    now = timeutils.utcnow()
    with db_api.context_manager.reader.connection.using(context):
        row = servers_db.get(context, server_id, _visible_project(context),
                             include_deleted,
                             deleted_states.reclaimed(durations, now))
        return assemble(context, [row], durations, now, with_tags)[0]


# The statuses a status filter can ask for, as (vm_state, task_state)
# pairs.
_STATUS_FILTERS = {
    'BUILD': [(server_states.BUILDING, servers_db.ANY_TASK)],
    'ACTIVE': [(server_states.ACTIVE, None),
               (server_states.ACTIVE, server_states.POWERING_OFF),
               (server_states.ACTIVE, server_states.PAUSING),
               (server_states.ACTIVE, server_states.SUSPENDING),
               (server_states.ACTIVE, server_states.SHELVING),
               (server_states.ACTIVE, server_states.RESCUING),
               (server_states.ACTIVE, server_states.SOFT_DELETING),
               *[(server_states.ACTIVE, task)
                 for task in server_states.SNAPSHOT_TASK_STATES]],
    'REBOOT': [(server_states.ACTIVE, server_states.REBOOTING)],
    'HARD_REBOOT': [(server_states.ACTIVE, server_states.REBOOTING_HARD)],
    'SHUTOFF': [(server_states.STOPPED, servers_db.ANY_TASK)],
    'REBUILD': [(server_states.ACTIVE, server_states.REBUILDING),
                (server_states.STOPPED, server_states.REBUILDING)],
    'PASSWORD': [(server_states.ACTIVE, server_states.UPDATING_PASSWORD)],
    'RESCUE': [(server_states.RESCUED, servers_db.ANY_TASK)],
    'ERROR': [(server_states.ERROR, servers_db.ANY_TASK)],
    'DELETED': [(server_states.DELETED, servers_db.ANY_TASK)],
    'PAUSED': [(server_states.PAUSED, servers_db.ANY_TASK)],
    'SUSPENDED': [(server_states.SUSPENDED, servers_db.ANY_TASK)],
    'SHELVED': [(server_states.SHELVED, servers_db.ANY_TASK)],
    'SHELVED_OFFLOADED': [(server_states.SHELVED_OFFLOADED,
                           servers_db.ANY_TASK)],
    'SOFT_DELETED': [(server_states.SOFT_DELETED, servers_db.ANY_TASK)],
    'RESIZE': [(vm_state, task)
               for vm_state in (server_states.ACTIVE, server_states.STOPPED)
               for task in (server_states.RESIZE_PREP,
                            server_states.RESIZE_MIGRATING,
                            server_states.RESIZE_MIGRATED,
                            server_states.RESIZE_FINISH)],
    'VERIFY_RESIZE': [(server_states.RESIZED, None)],
    'REVERT_RESIZE': [(server_states.RESIZED,
                       server_states.RESIZE_REVERTING)],
    'MIGRATING': [(server_states.ACTIVE, server_states.MIGRATING),
                  (server_states.PAUSED, server_states.MIGRATING)],
}


# Every status Nova filters by, including those no server here gets into.
_KNOWN_STATUSES = frozenset((
    'ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING',
    'PASSWORD', 'PAUSED', 'REBOOT', 'REBUILD', 'RESCUE', 'RESIZE',
    'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF',
    'SOFT_DELETED', 'SUSPENDED', 'VERIFY_RESIZE',
))


def check_status_filter(statuses):
    """Refuse (400) a status filter none of whose values is a status, as
    Nova does from 2.38; before, it matches nothing."""
    if not any(status.upper() in _KNOWN_STATUSES for status in statuses):
        raise exception.Invalid('Invalid status value')


def list_servers(context, filters, sort_keys, sort_dirs, limit, marker,
                 with_tags=False):
    """One page of servers (Server) matching `filters`, with their tags
    if `with_tags`: the filters of servers_db.get_page, but `status`, a
    list of API statuses, instead of its `states`, `power_state` (a
    regular expression) instead of its `power_vm_states`, and no
    `include_deleted`, `deleted_states` nor `soft_deleted_states`."""
    durations = backend.task_durations()
    now = timeutils.utcnow()
    db_filters = _db_filters(filters)
    if db_filters is not None:
        gone = deleted_states.reclaimed(durations, now)
        if gone is not None:
            db_filters['deleted_states'] = gone
        db_filters['soft_deleted_states'] = deleted_states.soft_deleted(
            durations, now)
    if db_filters is None:
        return []
    with db_api.context_manager.reader.connection.using(context):
        rows = servers_db.get_page(
            context, db_filters, server_states.task_rules(durations), now,
            sort_keys, sort_dirs, limit=limit, marker=marker)
        return assemble(context, rows, durations, now, with_tags)


def _db_filters(filters):
    """servers_db.get_page's filters for a list's, or None when they can
    match nothing: statuses become the states they stand for, and deleted
    servers are listed with the others for a changes-since, a
    changes-before or a DELETED status."""
    db_filters = dict(filters)
    statuses = {status.upper() for status in db_filters.pop('status', ())}
    if 'deleted' not in db_filters and (
            db_filters.get('changes_since') is not None or
            db_filters.get('changes_before') is not None or
            'DELETED' in statuses):
        db_filters['include_deleted'] = True
    # Every server's progress is 0 here (Nova keeps 0 until a task
    # reports one), matched as a regular expression as Nova does.
    if 'progress' in db_filters and not re.search(
            db_filters.pop('progress'), '0'):
        return None
    if 'power_state' in db_filters:
        # Nova matches the number as a regular expression.
        pattern = re.compile(db_filters.pop('power_state'))
        db_filters['power_vm_states'] = (
            server_states.vm_states_with_power_state(pattern.search))
    if 'host' in db_filters:
        db_filters['hostless_states'] = server_states.HOSTLESS_STATES
    if statuses:
        # Unknown statuses match nothing (Nova before 2.38).
        states = [pair for status in sorted(statuses)
                  for pair in _STATUS_FILTERS.get(status, ())]
        if not states:
            return None
        db_filters['states'] = states
    return db_filters


def host_usage(context):
    """{host: (vcpus, memory_mb, disk_gb)} the servers on each host take
    now (an offloaded server takes none); callers placing a server hold
    the scheduling lock."""
    # A soft-deleted server keeps its place on its host until it is
    # reclaimed, as in Nova; a resized one its old place too, until it is
    # confirmed.
    return migration_records.held_usage(context, servers_db.get_host_usage(
        context, server_states.task_rules(backend.task_durations()),
        timeutils.utcnow(),
        server_states.HOSTLESS_STATES + server_states.DELETED_STATES))


def servers_by_host(context):
    """{host: [(uuid, name)]} of the servers on each host now, counted
    as host_usage counts them, oldest first."""
    by_host = {}
    for host, uuid, name in servers_db.get_servers_on_hosts(
            context, server_states.task_rules(backend.task_durations()),
            timeutils.utcnow(),
            server_states.HOSTLESS_STATES + server_states.DELETED_STATES):
        by_host.setdefault(host, []).append((uuid, name))
    return by_host


# Nova's host statuses (2.16). The simulated hosts are always up, and a
# host no longer configured has no compute service: "".
HOST_UP = 'UP'
HOST_UNKNOWN = 'UNKNOWN'
NO_HOST_STATUS = ''


def host_statuses():
    """{host name: its status} of the compute hosts; a host not in it
    (or no host) has the status NO_HOST_STATUS."""
    return {host.name: HOST_UP for host in backend.get_driver().get_hosts()}


class EmbeddedFlavor(typing.NamedTuple):
    """The flavor a server was created with, as 2.47 shows it."""

    name: str
    vcpus: int
    memory_mb: int
    root_gb: int
    ephemeral_gb: int
    swap: int
    extra_specs: dict


def embedded_flavors(context, servers):
    """{server uuid: EmbeddedFlavor} of `servers`, in one query: the
    flavor as the server was created with it (a server stored without
    its flavor's name shows the flavor's id, with no extra specs)."""
    if not servers:
        return {}
    by_id = servers_db.get_embedded_flavors(
        context, [server.row.id for server in servers])
    flavors = {}
    for server in servers:
        row = by_id[server.row.id]
        flavors[server.row.uuid] = EmbeddedFlavor(
            name=row.flavor_ref if row.name is None else row.name,
            vcpus=row.vcpus, memory_mb=row.memory_mb, root_gb=row.root_gb,
            ephemeral_gb=row.ephemeral_gb, swap=row.swap,
            extra_specs=row.extra_specs or {})
    return flavors


def update_server(context, server, values):
    """Change the name, description, hostname, access addresses or pinned
    zone (compute-layer names); a pinned zone is checked first
    (pinned_zone_change)."""
    if 'pinned_availability_zone' in values:
        values = dict(values)
        if not pinned_zone_change(server,
                                  values['pinned_availability_zone']):
            del values['pinned_availability_zone']
    if values:
        servers_db.update(context, server.id, values)


def pinned_zone_change(server, requested):
    """Whether pinning the server to `requested` (None: unpinning) changes
    it; Conflict (409) when it may not be pinned there: a pinned server
    is unpinned before it is pinned again, and only to the zone it is
    in."""
    pinned = server.pinned_availability_zone
    if requested is None or requested == pinned:
        return requested != pinned
    if pinned is not None:
        raise exception.Conflict(
            'Cannot change pinned availability zone directly. Unpin first '
            'by setting pinned_availability_zone to null.')
    if requested != server.availability_zone:
        raise exception.Conflict(
            "Server can only be pinned to its current availability zone "
            "'%s', but '%s' was requested." % (server.availability_zone,
                                               requested))
    return True


def delete_server(context, server):
    """Delete a server (in any state, unless locked); its addresses and
    capacity are freed at once. The delete is recorded (os-instance-
    actions), with the compute host's event if the server has a host.

    With [DEFAULT] reclaim_instance_interval set, a server that has been
    launched is soft-deleted instead (SOFT_DELETED once its task ends;
    nova_api.compute.deferred_delete restores it or deletes it at once)
    and deleted when the interval has passed (server_states.task_stages);
    a second delete while its soft delete runs changes nothing, as in
    Nova."""
    lock_server.check_unlocked(context, server)
    if server.vm_state == server_states.RESIZED:
        migration_records.confirm_on_delete(context, server)
    if (conf.CONF.reclaim_instance_interval > 0 and
            server.launched_at is not None):
        if server.task_state == server_states.SOFT_DELETING:
            return
        # A server that holds no host (offloaded) is soft-deleted where
        # it is: nowhere.
        changes = {'host': None} if server.host is None else None
        begin_action(context, server, server_states.SOFT_DELETE, changes)
        return
    delete_now(context, server)


def delete_now(context, server):
    """delete_server's delete at once, after its checks."""
    action = server_states.DELETE
    events = ([instance_actions.PlannedEvent(action.event, server.host)]
              if server.host else [])
    with db_api.context_manager.writer.using(context):
        instance_actions.record(context, server, action.instance_action,
                                events)
        if not servers_db.soft_delete(context, server.row,
                                      timeutils.utcnow(),
                                      server_states.DELETED,
                                      server.launched_at):
            # Another request changed the server since it was read;
            # delete what is there now.
            server = get_server(context, server.uuid)
            if not servers_db.soft_delete(context, server.row,
                                          timeutils.utcnow(),
                                          server_states.DELETED,
                                          server.launched_at):
                raise exception.InstanceNotFound(instance_id=server.uuid)
        server_groups.remove_member(context, server.uuid)


def begin_action(context, server, action, changes=None, events=None):
    """Start `action` (a server_states.Action) on `server` and record it
    (os-instance-actions) with its event, or raise the 409 Nova answers:
    a locked server, a state the action is not allowed in, or another
    action that started first. An action that starts no task only
    checks; it is recorded if it names an event. `changes` (columns) are
    stored with the task: a host the action was placed on, or a state it
    leaves the server in. `events` (PlannedEvents), when given, are
    recorded instead of the action's one event: a task that runs on more
    than one host."""
    changes = changes or {}
    if action.checks_lock:
        lock_server.check_unlocked(context, server)
    with db_api.context_manager.writer.using(context):
        _store_action(context, server, action, changes)
        if events is not None:
            instance_actions.record(context, server, action.instance_action,
                                    events)
        elif action.event is not None:
            duration = (server_states.task_duration(
                action.task_state, backend.task_durations())
                if action.task_state else datetime.timedelta())
            host = changes.get('host', server.host)
            instance_actions.record(
                context, server, action.instance_action,
                [instance_actions.PlannedEvent(action.event, host,
                                               duration)])


def _store_action(context, server, action, changes):
    if action.task_state is None:
        server_states.check_allowed(action, server.uuid, server.state)
        return
    stored = server_states.begin_action(action, server.uuid, server.state,
                                        timeutils.utcnow())
    values = {'vm_state': stored.vm_state, 'task_state': stored.task_state,
              'task_started_at': stored.task_started_at,
              'launched_at': stored.launched_at}
    values.update(changes)
    if not servers_db.update_state(context, server.row, values):
        # Another action started first: judge this one against it.
        current = get_server(context, server.uuid)
        server_states.check_allowed(action, server.uuid, current.state)
        raise exception.InstanceInvalidState(
            action=action.name, server_id=server.uuid, attr='task_state',
            state=current.task_state)


def reboot_server(context, server, hard):
    begin_action(context, server, server_states.HARD_REBOOT if hard
                 else server_states.SOFT_REBOOT)


def stop_server(context, server):
    begin_action(context, server, server_states.STOP)


def start_server(context, server):
    begin_action(context, server, server_states.START)
