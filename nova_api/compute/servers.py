"""Servers: read, list, update, delete, and the power actions.

A server read from the database is returned as a ``Server``: its stored
columns, its state *now* (nova_api.compute.server_states, from the stored
task and the driver's task durations), its metadata, addresses and latest
fault. Every process computes the same state from the same row.

Creating servers is nova_api.compute.server_create's.
"""

import datetime
import hashlib
import typing

from oslo_utils import timeutils

from nova_api.compute import server_groups
from nova_api.compute import server_states
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception
from nova_api.virt import driver as driver_module


# A named tuple, as ServerState is: one for each server of a page.
class Server(typing.NamedTuple):
    """A server as the API shows it: stored columns (``row``), the state
    now, metadata, addresses and the latest fault (a row or None)."""

    row: object
    state: server_states.ServerState
    metadata: dict
    addresses: list
    fault: object = None
    # When the stored task ends (or ended); None without one.
    task_ends_at: datetime.datetime | None = None

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
        if self.task_ends_at is not None and self.state.task_state is None:
            return max(stored, self.task_ends_at)
        return stored

    @property
    def host_id(self):
        """Nova's hostId: the host, hashed with the project so projects
        cannot compare hosts; empty while the server has none."""
        if not self.row.host:
            return ''
        return hashlib.sha224(
            (self.row.project_id + self.row.host).encode()).hexdigest()

    @property
    def instance_name(self):
        return 'instance-%08x' % self.row.id


def task_durations(driver):
    """{driver task: seconds} of `driver`."""
    return {task: driver.task_seconds(task) for task in driver_module.TASKS}


def assemble(context, rows, durations, now):
    """Server objects of stored `rows`, in their state at `now`."""
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
        servers.append(Server(
            row=row, state=state, metadata=servers_db.metadata_of(row),
            addresses=servers_db.addresses_of(row), fault=faults.get(row.id),
            task_ends_at=None if row.deleted
            else server_states.task_finishes_at(row, durations)))
    return servers


def _visible_project(context):
    """The project a context may read servers of; None: any."""
    return None if context.is_admin else context.project_id


def get_server(context, server_id, driver):
    """The existing server `server_id` the context may see, or
    InstanceNotFound (404)."""
    durations = task_durations(driver)
    with db_api.context_manager.reader.connection.using(context):
        row = servers_db.get(context, server_id, _visible_project(context))
        return assemble(context, [row], durations, timeutils.utcnow())[0]


# The statuses a status filter can ask for, as (vm_state, task_state)
# pairs; '*': any task.
_STATUS_FILTERS = {
    'BUILD': [(server_states.BUILDING, '*')],
    'ACTIVE': [(server_states.ACTIVE, None),
               (server_states.ACTIVE, server_states.POWERING_OFF)],
    'REBOOT': [(server_states.ACTIVE, server_states.REBOOTING)],
    'HARD_REBOOT': [(server_states.ACTIVE, server_states.REBOOTING_HARD)],
    'SHUTOFF': [(server_states.STOPPED, '*')],
    'ERROR': [(server_states.ERROR, '*')],
    'DELETED': [(server_states.DELETED, '*')],
}


def list_servers(context, driver, filters, sort_keys, sort_dirs, limit,
                 marker):
    """One page of servers (Server) matching `filters`, a dict of
    criteria built by the API layer (see ``build_criteria``)."""
    durations = task_durations(driver)
    now = timeutils.utcnow()
    with db_api.context_manager.reader.connection.using(context):
        if marker is None and set(filters) <= {'project_id'}:
            rows = servers_db.get_first_page(
                context, filters.get('project_id'), sort_keys, sort_dirs,
                limit=limit)
        else:
            criteria, marker_criteria = build_criteria(filters, durations,
                                                       now)
            if criteria is None:
                return []
            rows = servers_db.get_page(
                context, criteria, sort_keys, sort_dirs, limit=limit,
                marker=marker, marker_criteria=marker_criteria)
        return assemble(context, rows, durations, now)


def build_criteria(filters, durations, now):
    """(criteria, marker criteria) of the WHERE clauses of a list, or
    (None, None) when the filters can match nothing.

    filters: project_id (None: every project), user_id, name (regex),
    status (a list), image_ref, flavor_ref, changes_since (datetime; deleted
    servers included), deleted (bool), ip (regex), ip6 (regex), host,
    availability_zone, reservation_id, key_name, vm_state, task_state,
    uuid, access_ip_v4, access_ip_v6, locked (bool).
    """
    columns = servers_db.Server.__table__.c
    scope = []
    if filters.get('project_id') is not None:
        scope.append(columns.project_id == filters['project_id'])
    criteria = list(scope)
    statuses = {status.upper() for status in filters.get('status', ())}
    if filters.get('deleted') is not None:
        criteria.append(columns.deleted != 0 if filters['deleted']
                        else columns.deleted == 0)
    elif filters.get('changes_since') is None and 'DELETED' not in statuses:
        criteria.append(columns.deleted == 0)
    if filters.get('changes_since') is not None:
        criteria.append(servers_db.changed_since(durations,
                                                 filters['changes_since']))
    if statuses:
        # Unknown statuses match nothing (Nova before 2.38).
        pairs = [pair for status in sorted(statuses)
                 for pair in _STATUS_FILTERS.get(status, ())]
        if not pairs:
            return None, None
        criteria.append(servers_db.state_is(durations, now, pairs))
    if 'vm_state' in filters:
        criteria.append(servers_db.state_is(
            durations, now, [(vm, '*') for vm in filters['vm_state']]))
    for name, column in (('name', columns.name),):
        if name in filters:
            criteria.append(column.regexp_match(filters[name]))
    for name in ('user_id', 'image_ref', 'flavor_ref', 'host',
                 'availability_zone', 'reservation_id', 'key_name', 'uuid',
                 'access_ip_v4', 'access_ip_v6'):
        if name in filters:
            criteria.append(getattr(columns, name) == filters[name])
    if 'locked' in filters:
        criteria.append(columns.locked_by.is_not(None) if filters['locked']
                        else columns.locked_by.is_(None))
    for name, version in (('ip', 4), ('ip6', 6)):
        if name in filters:
            criteria.append(servers_db.has_address_matching(
                version, filters[name]))
    return criteria, scope


def update_server(context, server, values):
    """Change the name or access addresses (compute-layer names)."""
    if values:
        servers_db.update(context, server.id, values)


def delete_server(context, driver, server):
    """Delete a server (in any state); its addresses and capacity are
    freed at once."""
    with db_api.context_manager.writer.using(context):
        if not servers_db.soft_delete(context, server.row,
                                      timeutils.utcnow()):
            # Another request changed the server since it was read;
            # delete what is there now.
            server = get_server(context, server.uuid, driver)
            if not servers_db.soft_delete(context, server.row,
                                          timeutils.utcnow()):
                raise exception.InstanceNotFound(instance_id=server.uuid)
        server_groups.remove_member(context, server.uuid)


def _begin(context, driver, server, action):
    now = timeutils.utcnow()
    stored = server_states.begin_action(action, server.uuid, server.state,
                                        now)
    values = {'vm_state': stored.vm_state, 'task_state': stored.task_state,
              'task_started_at': stored.task_started_at,
              'launched_at': stored.launched_at}
    if not servers_db.update_state(context, server.row, values):
        # Another action started first: judge this one against it.
        current = get_server(context, server.uuid, driver)
        server_states.check_allowed(action, server.uuid, current.state)
        raise exception.InstanceInvalidState(
            action=action.name, server_id=server.uuid, attr='task_state',
            state=current.task_state)


def reboot_server(context, driver, server, hard):
    _begin(context, driver, server, server_states.HARD_REBOOT if hard
           else server_states.SOFT_REBOOT)


def stop_server(context, driver, server):
    _begin(context, driver, server, server_states.STOP)


def start_server(context, driver, server):
    _begin(context, driver, server, server_states.START)
