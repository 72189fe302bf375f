"""Server queries: servers, their addresses and faults, the capacity and
quota usage they add up to, and the lock that serialises creates.

Reads run on ``context.connection`` and return named tuples
(``server.uuid``) that carry the server's metadata too, aggregated in the
same statement (nova_api.db.json_aggregates), and its addresses, kept on
its row as ``network_info`` (with the device tag of a tagged port); writes
use the ORM. The flavor a server embeds from 2.47 is read for a whole page
in one statement. A server's *current*
state is not a column: it follows from the stored state, its task and the
task's duration. The compute layer hands lists that rule as data, the
"task rules" ``{task_state: stages}``, each stage ``(after, vm_state,
task_state)``: the state the server is in from `after` (a timedelta)
past the task's start on, in order (a vm_state of None: the stored
one); ``current_state_columns()`` expresses it in SQL. A server whose
task has taken it to a deleted state (a soft-deleted server reclaimed)
counts as deleted though its row is not marked so: the reads that leave
deleted servers out take a ``StatesAt`` of those states and leave it out
too.
"""

import collections
import datetime
import functools
import typing

from oslo_db.sqlalchemy import utils as oslo_db_utils
from oslo_utils import timeutils
import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import json_aggregates
from nova_api.db import models
from nova_api.db import server_tags as server_tags_db
from nova_api import exception

Server = models.Server
ServerAddress = models.ServerAddress
ServerFault = models.ServerFault
ServerMetadata = models.ServerMetadata

_servers = Server.__table__
_addresses = ServerAddress.__table__
_faults = ServerFault.__table__
_metadata = ServerMetadata.__table__
_locks = models.SchedulingLock.__table__
_groups = models.ServerGroup.__table__
_group_members = models.ServerGroupMember.__table__

SCHEDULER_LOCK = 'scheduler'
# In a state filter's (vm_state, task_state): any task, or none.
ANY_TASK = '*'
# The filters matched by equality with the column of the same name.
_EXACT_FILTERS = ('user_id', 'image_ref', 'flavor_ref', 'host',
                  'availability_zone', 'reservation_id', 'key_name', 'uuid',
                  'access_ip_v4', 'access_ip_v6')

# A server's metadata, {key: value}; NULL when it has none.
_METADATA_OBJECT = sa.select(json_aggregates.json_object_agg(
    _metadata.c.key, _metadata.c.value)).where(
        _metadata.c.server_id == _servers.c.id).scalar_subquery()
_DETAILS = (_METADATA_OBJECT.label('metadata_object'),)
# network_info as read: decoded in one call per value.
_COLUMNS_READ = tuple(
    sa.type_coerce(column, json_aggregates.DecodedJSON()).label(
        column.name) if column.name == 'network_info' else column
    for column in _servers.c)
_WITH_DETAILS = _COLUMNS_READ + _DETAILS
# A list reads every column its views show, not the flavor's sizes, the
# public key or the deletion time: each column read costs about 1% of a
# page of 100 servers on SQLite.
_NOT_LISTED = frozenset(('vcpus', 'memory_mb', 'root_gb', 'ephemeral_gb',
                         'swap', 'key_data', 'deleted_at'))
_LISTED_WITH_DETAILS = tuple(
    column for column in _COLUMNS_READ
    if column.name not in _NOT_LISTED) + _DETAILS

# Server rows are copied into named tuples: a list detail reads some forty
# attributes of each of up to [api] max_limit servers, and a SQLAlchemy
# Row's attribute lookup costs over ten times a named tuple's.
ServerRow = collections.namedtuple(
    'ServerRow', [column.name for column in _WITH_DETAILS])
# A server as lists read it: ServerRow without the columns not listed.
ListedServerRow = collections.namedtuple(
    'ListedServerRow', [column.name for column in _LISTED_WITH_DETAILS])
AddressRow = collections.namedtuple(
    'AddressRow', ('network', 'address', 'version', 'mac_address'))

_EXISTING = _servers.c.deleted == 0
_BY_UUID = sa.select(*_WITH_DETAILS).where(
    _servers.c.uuid == sa.bindparam('uuid'), _EXISTING)
_BY_UUID_IN_PROJECT = _BY_UUID.where(
    _servers.c.project_id == sa.bindparam('project_id'))
# Deleted or not: a uuid is unique among all rows.
_ANY_BY_UUID = sa.select(*_WITH_DETAILS).where(
    _servers.c.uuid == sa.bindparam('uuid'))
_ANY_BY_UUID_IN_PROJECT = _ANY_BY_UUID.where(
    _servers.c.project_id == sa.bindparam('project_id'))
_TAKE_LOCK = _locks.update().where(
    _locks.c.name == sa.bindparam('lock_name')).values(
        generation=_locks.c.generation + 1)
_HOST_USAGE = sa.select(
    _servers.c.host,
    sa.func.sum(_servers.c.vcpus),
    sa.func.sum(_servers.c.memory_mb),
    sa.func.sum(_servers.c.root_gb + _servers.c.ephemeral_gb),
    # Each server's swap takes whole GB of disk (scheduling.requirement_of),
    # so round it up per server, not once for the sum.
    sa.func.sum((_servers.c.swap + 1023) // 1024),
).where(_EXISTING, _servers.c.host.is_not(None)).group_by(_servers.c.host)
_ON_HOSTS = sa.select(_servers.c.host, _servers.c.uuid, _servers.c.name).where(
    _EXISTING, _servers.c.host.is_not(None)).order_by(_servers.c.id)
# The stages of a task rule are (after, vm_state, task_state).
_AFTER, _VM_STATE, _TASK_STATE = range(3)
_PROJECT_USAGE = sa.select(
    sa.func.count(_servers.c.id),
    sa.func.coalesce(sa.func.sum(_servers.c.vcpus), 0),
    sa.func.coalesce(sa.func.sum(_servers.c.memory_mb), 0),
).where(_EXISTING, _servers.c.project_id == sa.bindparam('project_id'))
_USER_USAGE = _PROJECT_USAGE.where(
    _servers.c.user_id == sa.bindparam('user_id'))
# Oldest first: the last one per server wins.
_FAULTS_OF_MANY = sa.select(_faults).where(
    _faults.c.server_id.in_(sa.bindparam('server_ids', expanding=True))
).order_by(_faults.c.id)
# The flavor a server was created with, as 2.47 embeds it: its sizes as
# copied onto the server, and the name and extra specs kept beside it.
_server_flavors = models.ServerFlavor.__table__
_EMBEDDED_FLAVORS = sa.select(
    _servers.c.id, _servers.c.flavor_ref, _servers.c.vcpus,
    _servers.c.memory_mb, _servers.c.root_gb, _servers.c.ephemeral_gb,
    _servers.c.swap, _server_flavors.c.name, _server_flavors.c.extra_specs,
).select_from(_servers.outerjoin(
    _server_flavors, _server_flavors.c.server_id == _servers.c.id)).where(
        _servers.c.id.in_(sa.bindparam('server_ids', expanding=True)))
EmbeddedFlavorRow = collections.namedtuple(
    'EmbeddedFlavorRow', ('flavor_ref', 'vcpus', 'memory_mb', 'root_gb',
                          'ephemeral_gb', 'swap', 'name', 'extra_specs'))
_image_properties = models.ServerImageProperties.__table__
_IMAGE_PROPERTIES_OF_MANY = sa.select(
    _image_properties.c.server_id, _image_properties.c.properties).where(
        _image_properties.c.server_id.in_(
            sa.bindparam('server_ids', expanding=True)))
_GROUPS_OF_SERVERS = sa.select(
    _group_members.c.server_uuid, _groups.c.uuid).join(
        _groups, _groups.c.id == _group_members.c.group_id).where(
            _group_members.c.server_uuid.in_(
                sa.bindparam('server_uuids', expanding=True)))
_ADDRESSES_ON_NETWORK = sa.select(
    _addresses.c.address, _servers.c.uuid).join(
        _servers, _servers.c.id == _addresses.c.server_id).where(
            _addresses.c.network == sa.bindparam('network'))


class StatesAt(typing.NamedTuple):
    """The servers in one of `states` ((vm_state, task_state) pairs;
    ANY_TASK for any task) at `now`, by `task_rules` (those of the tasks
    that lead into or out of them are enough)."""

    task_rules: dict
    now: datetime.datetime
    states: tuple


def _in(states_at):
    """WHERE criteria: the server is in `states_at` (a StatesAt)."""
    return _state_is(states_at.task_rules, states_at.now, states_at.states)


def not_in(states_at):
    """[WHERE criteria]: the server (a row of the servers table) is not
    in `states_at` (None: no criteria)."""
    return [] if states_at is None else [sa.not_(_in(states_at))]


@api.context_manager.writer
def take_scheduling_lock(context):
    """Serialise this transaction with every other that takes the lock,
    until it ends. The first statement of the transaction should be this
    one: SQLite then waits for the write lock instead of failing to
    upgrade a read lock."""
    context.session.execute(_TAKE_LOCK, {'lock_name': SCHEDULER_LOCK})


@api.context_manager.reader.connection
def get_host_usage(context, task_rules, now, hostless_states=()):
    """{host: (vcpus, memory_mb, disk_gb)} the existing servers take at
    `now`, but for those in one of `hostless_states` ((vm_state,
    task_state) pairs; by `task_rules`), which hold no host."""
    usage = {}
    statement = _HOST_USAGE
    if hostless_states:
        statement = statement.where(sa.not_(
            _state_is(task_rules, now, hostless_states)))
    for host, vcpus, memory_mb, disk_gb, swap_gb in (
            context.connection.execute(statement)):
        usage[host] = (int(vcpus), int(memory_mb), int(disk_gb) + int(swap_gb))
    return usage


@api.context_manager.reader.connection
def get_servers_on_hosts(context, task_rules, now, hostless_states=()):
    """[(host, uuid, name)] of the existing servers on a host at `now`,
    by id, but for those in one of `hostless_states` (as
    get_host_usage)."""
    statement = _ON_HOSTS
    if hostless_states:
        statement = statement.where(sa.not_(
            _state_is(task_rules, now, hostless_states)))
    return [tuple(row) for row in context.connection.execute(statement)]


@api.context_manager.reader.connection
def get_usage(context, project_id, user_id=None, not_counted=None):
    """(instances, cores, ram) the project's (or the user's) existing
    servers count for, but those in `not_counted` (a StatesAt or
    None)."""
    statement = _PROJECT_USAGE if user_id is None else _USER_USAGE
    statement = statement.where(*not_in(not_counted))
    row = context.connection.execute(
        statement, {'project_id': project_id, 'user_id': user_id}).one()
    return tuple(int(value) for value in row)


@api.context_manager.reader.connection
def get_used_addresses(context, network, released=None):
    """{address: uuid of the server holding it} on `network`, but for
    the servers in `released` (a StatesAt or None), which hold none."""
    statement = _ADDRESSES_ON_NETWORK.where(*not_in(released))
    return {address: uuid for address, uuid in context.connection.execute(
        statement, {'network': network})}


@api.context_manager.writer
def release_addresses(context, released):
    """Drop the address rows of the servers in `released` (a StatesAt):
    servers deleted by their state keep them until an address is wanted
    again."""
    context.session.execute(_addresses.delete().where(
        _addresses.c.server_id.in_(
            sa.select(_servers.c.id).where(_EXISTING, _in(released)))))


def _network_info_entry(address):
    entry = [address['network'], address['address'], address['version'],
             address['mac_address']]
    if address.get('tag') is not None:
        entry.append(address['tag'])
    return entry


@api.context_manager.writer
def create(context, values, metadata, addresses, fault=None, flavor=None,
           image_properties=None):
    """Insert a server with its metadata ({key: value}), addresses
    (dicts of ServerAddress columns, and the device ``tag`` of their
    port, if any, kept in network_info), for a server in ERROR its fault
    (dict of ServerFault columns), the name and extra specs of its flavor
    ((name, {key: value})) and the properties of its image."""
    server = Server(network_info=[
        _network_info_entry(address) for address in addresses] or None,
        **values)
    context.session.add(server)
    context.session.flush()
    context.session.add_all(
        [ServerMetadata(server_id=server.id, key=key, value=value)
         for key, value in metadata.items()] +
        [ServerAddress(server_id=server.id, **{
            name: value for name, value in address.items() if name != 'tag'})
         for address in addresses])
    if flavor is not None:
        name, extra_specs = flavor
        context.session.add(models.ServerFlavor(
            server_id=server.id, name=name, extra_specs=extra_specs))
    if image_properties is not None:
        context.session.add(models.ServerImageProperties(
            server_id=server.id, properties=image_properties))
    if fault is not None:
        context.session.add(ServerFault(server_id=server.id, **fault))
    context.session.flush()
    return server


@api.context_manager.reader.connection
def get(context, uuid, project_id=None, include_deleted=False,
        deleted_states=None):
    """The existing server `uuid` (or deleted too, if `include_deleted`),
    in `project_id` unless that is None; raises InstanceNotFound. A
    server in `deleted_states` (a StatesAt or None) is a deleted one."""
    if project_id is None:
        statement = _ANY_BY_UUID if include_deleted else _BY_UUID
    else:
        statement = (_ANY_BY_UUID_IN_PROJECT if include_deleted
                     else _BY_UUID_IN_PROJECT)
    if not include_deleted:
        statement = statement.where(*not_in(deleted_states))
    row = context.connection.execute(
        statement, {'uuid': uuid, 'project_id': project_id}).first()
    if row is None:
        raise exception.InstanceNotFound(instance_id=uuid)
    return ServerRow._make(row)


def _reached(task_state, cutoff):
    """WHERE criteria: the server's stored `task_state` has reached a
    stage whose time came at `cutoff` (the start it needs at the
    latest: a datetime, or a bound parameter of one)."""
    return sa.and_(_servers.c.task_state == task_state,
                   _servers.c.task_started_at <= cutoff)


def _literal_cutoffs(task_rules, now):
    """The cutoff of each stage of `task_rules` at `now`, in
    current_state_columns' order."""
    return [[now - stage[_AFTER] for stage in reversed(stages)]
            for stages in task_rules.values()]


def current_state_columns(task_rules, now, cutoffs=None):
    """SQL expressions (vm_state, task_state) of what a server is in at
    `now`: a stored task is in the last of its stages whose time has come
    (`task_rules`, see the module's docstring); before the first, the
    stored state. `cutoffs` (per task, per stage, last stage first) may
    stand for `now` with bound parameters."""
    if cutoffs is None:
        cutoffs = _literal_cutoffs(task_rules, now)
    reached = [(_reached(task_state, cutoff), stage)
               for (task_state, stages), task_cutoffs in zip(
                   task_rules.items(), cutoffs)
               for stage, cutoff in zip(reversed(stages), task_cutoffs)]
    # A stage without a vm_state keeps the stored one.
    vm_state = sa.case(*[(condition, _servers.c.vm_state
                          if stage[_VM_STATE] is None else stage[_VM_STATE])
                         for condition, stage in reached],
                       else_=_servers.c.vm_state)
    task_state = sa.case(*[
        (condition, sa.null() if stage[_TASK_STATE] is None
         else stage[_TASK_STATE]) for condition, stage in reached],
        else_=_servers.c.task_state)
    return vm_state, task_state


def _state_is(task_rules, now, pairs, cutoffs=None):
    """WHERE criteria: the server is now in one of the (vm_state,
    task_state) `pairs`; a task_state of ANY_TASK means any."""
    vm_state, task_state = current_state_columns(task_rules, now, cutoffs)
    matches = []
    for wanted_vm_state, wanted_task_state in pairs:
        if wanted_task_state == ANY_TASK:
            matches.append(vm_state == wanted_vm_state)
        elif wanted_task_state is None:
            matches.append(sa.and_(vm_state == wanted_vm_state,
                                   task_state.is_(None)))
        else:
            matches.append(sa.and_(vm_state == wanted_vm_state,
                                   task_state == wanted_task_state))
    return sa.or_(sa.false(), *matches)


def _changes_between(task_rules, after, until, strictly_after):
    """WHERE criteria: a stage of the stored task was reached after
    `after` (at or after, unless `strictly_after`) and at or before
    `until`."""
    changes = []
    for task_state, stages in task_rules.items():
        for stage in stages:
            started = _servers.c.task_started_at
            since = after - stage[_AFTER]
            changes.append(sa.and_(
                _servers.c.task_state == task_state,
                started > since if strictly_after else started >= since,
                started <= until - stage[_AFTER]))
    return changes


def _changed_since(task_rules, since, now):
    """WHERE criteria: the server changed at or after `since`: it was
    stored then (created, if never updated), or a task it started before
    reached one of its stages then (by `now`)."""
    stored = sa.func.coalesce(_servers.c.updated_at,
                              _servers.c.created_at) >= since
    return sa.or_(stored, *_changes_between(task_rules, since, now, False))


def _changed_before(task_rules, before, now):
    """WHERE criteria: the server last changed at or before `before`: it
    was stored then, and no stage of a task it started was reached after
    then (by `now`)."""
    stored = sa.func.coalesce(_servers.c.updated_at,
                              _servers.c.created_at) <= before
    ended_after = _changes_between(task_rules, before, now, True)
    # No task (NULL columns) is no task ended after.
    return sa.and_(stored, sa.not_(sa.func.coalesce(
        sa.or_(sa.false(), *ended_after), sa.false())))


def _has_address_matching(version, pattern):
    """WHERE criteria: the server has an IPv`version` address matching
    the regular expression `pattern`."""
    return sa.exists().where(
        _addresses.c.server_id == _servers.c.id,
        _addresses.c.version == version,
        _addresses.c.address.regexp_match(pattern))


def _deleted_criteria(filters):
    """[WHERE criteria] of get_page's deleted, include_deleted,
    deleted_states, soft_deleted_states and soft_deleted filters (as
    Nova's: a list of deleted servers has the soft-deleted ones too, one
    of existing servers leaves them out, unless soft_deleted says
    otherwise)."""
    deleted_states = filters.get('deleted_states')
    soft_deleted_states = filters.get('soft_deleted_states')
    soft_deleted = filters.get('soft_deleted')
    if filters.get('deleted'):
        deleted = [_servers.c.deleted != 0]
        if deleted_states is not None:
            deleted.append(_in(deleted_states))
        if soft_deleted_states is not None and soft_deleted is not False:
            deleted.append(_in(soft_deleted_states))
        return [sa.or_(*deleted)]
    if filters.get('deleted') is None and filters.get('include_deleted'):
        return []
    criteria = [_EXISTING] + not_in(deleted_states)
    if not soft_deleted:
        criteria += not_in(soft_deleted_states)
    return criteria


# The filters of get_page its first page of a project needs no more
# than its criteria for.
_FIRST_PAGE_FILTERS = frozenset(('project_id', 'deleted_states',
                                 'soft_deleted_states'))


def _criteria(filters, task_rules, now):
    """(criteria, scope): the WHERE clauses of get_page's `filters`, and
    those of them that find its marker (the project)."""
    columns = _servers.c
    scope = []
    if filters.get('project_id') is not None:
        scope.append(columns.project_id == filters['project_id'])
    criteria = list(scope)
    criteria.extend(_deleted_criteria(filters))
    if filters.get('changes_since') is not None:
        criteria.append(_changed_since(task_rules, filters['changes_since'],
                                        now))
    if filters.get('changes_before') is not None:
        criteria.append(_changed_before(task_rules, filters['changes_before'],
                                        now))
    if 'states' in filters:
        criteria.append(_state_is(task_rules, now, filters['states']))
    for name in ('vm_state', 'power_vm_states'):
        if name in filters:
            criteria.append(_state_is(
                task_rules, now, [(vm_state, ANY_TASK)
                                  for vm_state in filters[name]]))
    if 'name' in filters:
        criteria.append(columns.name.regexp_match(filters['name']))
    for name in ('hostname', 'config_drive'):
        if name in filters:
            criteria.append(columns[name].regexp_match(filters[name]))
    # Times matched as text, as Nova matches them: the database's own
    # form of a timestamp ("2026-12-03 13:35:54...").
    for name in ('created_at', 'launched_at', 'terminated_at'):
        if name in filters:
            criteria.append(sa.cast(columns[name], sa.String).regexp_match(
                filters[name]))
    if 'task_state' in filters:
        _vm_state, task_state = current_state_columns(task_rules, now)
        criteria.append(task_state.in_(filters['task_state']))
    for name in _EXACT_FILTERS:
        if name in filters:
            criteria.append(columns[name] == filters[name])
    if 'host' in filters and filters.get('hostless_states'):
        # The host column still names the host a server left when it
        # was offloaded.
        criteria.append(sa.not_(_state_is(task_rules, now,
                                          filters['hostless_states'])))
    if 'locked' in filters:
        criteria.append(columns.locked_by.is_not(None) if filters['locked']
                        else columns.locked_by.is_(None))
    for name, version in (('ip', 4), ('ip6', 6)):
        if name in filters:
            criteria.append(_has_address_matching(version, filters[name]))
    criteria.extend(server_tags_db.filter_criteria(filters))
    return criteria, scope


@api.context_manager.reader.connection
def get_page(context, filters, task_rules, now, sort_keys, sort_dirs,
             limit=None, marker=None):
    """One page of the servers matching `filters`, as ListedServerRows,
    sorted by `sort_keys` (column names; 'id' last keeps the order
    stable), after the server whose uuid is `marker` (MarkerNotFound if
    the project has no such server). A server's state is the one it is
    in at `now` by `task_rules`.

    filters: project_id (None: every project); deleted (True: only
    deleted servers, False: only existing ones); include_deleted (True:
    both, when `deleted` is not given; else only existing ones);
    deleted_states (a StatesAt: the servers in it count as deleted);
    soft_deleted_states (a StatesAt: the soft-deleted servers, listed
    with the deleted ones and not with the existing ones, but as
    soft_deleted says: True lists them with the existing ones too, False
    not with the deleted ones);
    changes_since, changes_before (datetimes); states ((vm_state,
    task_state) pairs, the server is in one of them, ANY_TASK for any
    task); vm_state, power_vm_states (vm_states, either is now one of
    them), task_state (a list); name, hostname, config_drive, created_at,
    launched_at, terminated_at (as text),
    ip, ip6 (regular expressions); locked (bool); tags, tags_any,
    not_tags, not_tags_any (lists, see server_tags.filter_criteria);
    hostless_states ((vm_state, task_state) pairs in which a server's host
    column does not count: `host` does not match them); and,
    matched exactly, user_id, image_ref, flavor_ref, host, availability_zone,
    reservation_id, key_name, uuid, access_ip_v4, access_ip_v6.
    """
    if marker is None and set(filters) <= _FIRST_PAGE_FILTERS:
        return _get_first_page(context, filters, sort_keys, sort_dirs,
                               limit)
    criteria, scope = _criteria(filters, task_rules, now)
    marker_row = None
    if marker is not None:
        marker_row = context.connection.execute(
            sa.select(_servers).where(_servers.c.uuid == marker,
                                      *scope)).first()
        if marker_row is None:
            raise exception.MarkerNotFound(marker=marker)
    statement = sa.select(*_LISTED_WITH_DETAILS).where(*criteria)
    statement = oslo_db_utils.paginate_query(
        statement, Server, limit, sort_keys, marker=marker_row,
        sort_dirs=sort_dirs)
    return [ListedServerRow._make(row)
            for row in context.connection.execute(statement).all()]


# The first page of a list with no filter but its project, which clients
# poll, in a statement built once per order: building and keying a new
# statement costs more than running it.
@functools.lru_cache(maxsize=256)
def _first_page_statement(in_project, sort_keys, sort_dirs, limited,
                          left_out):
    """The first page's statement; `left_out` is _left_out_shape's of
    each StatesAt whose servers it leaves out, their cutoffs bound
    parameters (_left_out_params): one statement, compiled once, for
    every request."""
    statement = sa.select(*_LISTED_WITH_DETAILS).where(_EXISTING)
    if in_project:
        statement = statement.where(
            _servers.c.project_id == sa.bindparam('project_id'))
    for index, (rules, states) in enumerate(left_out):
        task_rules = {task_state: tuple((None, vm_state, task_state_after)
                                        for vm_state, task_state_after
                                        in reversed(stages))
                      for task_state, stages in rules}
        cutoffs = [[sa.bindparam(_cutoff_name(index, task, stage))
                    for stage in range(len(stages))]
                   for task, (_task_state, stages) in enumerate(rules)]
        statement = statement.where(sa.not_(
            _state_is(task_rules, None, states, cutoffs)))
    statement = statement.order_by(*[
        sa.desc(_servers.c[key]) if direction == 'desc'
        else sa.asc(_servers.c[key])
        for key, direction in zip(sort_keys, sort_dirs)])
    if limited:
        statement = statement.limit(sa.bindparam('limit', type_=sa.Integer))
    return statement


def _cutoff_name(index, task, stage):
    return 'left_out_%d_%d_%d' % (index, task, stage)


def _left_out_shape(states_at):
    """What of a StatesAt the first page's statement is made of: its
    tasks' stages (vm_state, task_state; last first) and its states."""
    return (tuple((task_state, tuple((stage[_VM_STATE], stage[_TASK_STATE])
                                     for stage in reversed(stages)))
                  for task_state, stages in states_at.task_rules.items()),
            states_at.states)


def _left_out_params(index, states_at):
    return {_cutoff_name(index, task, stage): cutoff
            for task, task_cutoffs in enumerate(_literal_cutoffs(
                states_at.task_rules, states_at.now))
            for stage, cutoff in enumerate(task_cutoffs)}


def _get_first_page(context, filters, sort_keys, sort_dirs, limit):
    """get_page's first page of the existing servers of the filters'
    project_id (None: of every project), with no other criteria but
    those of _FIRST_PAGE_FILTERS."""
    project_id = filters.get('project_id')
    left_out = [filters[name] for name in ('deleted_states',
                                           'soft_deleted_states')
                if filters.get(name) is not None]
    statement = _first_page_statement(
        project_id is not None, tuple(sort_keys), tuple(sort_dirs),
        limit is not None,
        tuple(_left_out_shape(states_at) for states_at in left_out))
    params = {'project_id': project_id,
              'limit': None if limit is None else int(limit)}
    for index, states_at in enumerate(left_out):
        params.update(_left_out_params(index, states_at))
    return [ListedServerRow._make(row)
            for row in context.connection.execute(statement, params).all()]


def metadata_of(row):
    """{key: value} of a ServerRow."""
    return row.metadata_object or {}


def addresses_of(row):
    """AddressRows of a ServerRow, in allocation order."""
    if not row.network_info:
        return []
    try:
        return [AddressRow._make(entry) for entry in row.network_info]
    except TypeError:
        # The entries of a tagged port have its device tag as a fifth
        # item; checking every entry's length would slow every list.
        return [AddressRow._make(entry[:4]) for entry in row.network_info]


@api.context_manager.reader.connection
def get_embedded_flavors(context, server_ids):
    """{server id: EmbeddedFlavorRow} of servers by their internal ids
    (name and extra_specs None for a server without them)."""
    return {row[0]: EmbeddedFlavorRow._make(row[1:])
            for row in context.connection.execute(
                _EMBEDDED_FLAVORS, {'server_ids': server_ids})}


@api.context_manager.reader.connection
def get_image_properties_for(context, server_ids):
    """{server id: the properties of its image at create} of servers by
    their internal ids; a server booted from no image has none."""
    return dict(context.connection.execute(
        _IMAGE_PROPERTIES_OF_MANY, {'server_ids': server_ids}).all())


@api.context_manager.reader.connection
def get_group_uuids_for(context, server_uuids):
    """{server uuid: [uuid of the server group it is in]}; [] for a
    server in none."""
    groups = {server_uuid: [] for server_uuid in server_uuids}
    for server_uuid, group_uuid in context.connection.execute(
            _GROUPS_OF_SERVERS, {'server_uuids': list(groups)}):
        groups[server_uuid].append(group_uuid)
    return groups


@api.context_manager.reader.connection
def get_faults_for(context, server_ids):
    """{server id: its latest fault row}."""
    faults = {}
    for fault in context.connection.execute(
            _FAULTS_OF_MANY, {'server_ids': server_ids}).all():
        faults[fault.server_id] = fault
    return faults


def _same_stored_state(server):
    """WHERE criteria: the row still has the state `server` was read
    with, so a change based on it is not lost to a concurrent one."""
    return (
        _servers.c.id == server.id, _EXISTING,
        _servers.c.vm_state == server.vm_state,
        _servers.c.task_state.is_(None) if server.task_state is None
        else _servers.c.task_state == server.task_state,
        _servers.c.task_started_at.is_(None)
        if server.task_started_at is None
        else _servers.c.task_started_at == server.task_started_at)


@api.context_manager.writer
def update(context, server_id, values):
    """Change columns of an existing server (not its state)."""
    values = dict(values, updated_at=timeutils.utcnow())
    context.session.execute(
        _servers.update().where(_servers.c.id == server_id, _EXISTING)
        .values(**values))


@api.context_manager.writer
def replace_image_properties(context, server_id, properties):
    """What server `server_id` shows of its image (2.98) is now
    `properties`: it was rebuilt from another image."""
    context.session.execute(_image_properties.delete().where(
        _image_properties.c.server_id == server_id))
    context.session.add(models.ServerImageProperties(
        server_id=server_id, properties=properties))


@api.context_manager.writer
def update_state(context, server, values):
    """Store a new state (vm_state, task_state, ...) if the row still has
    the state `server` (a row read before) has; False if another request
    changed it first."""
    values = dict(values, updated_at=timeutils.utcnow())
    result = context.session.execute(
        _servers.update().where(*_same_stored_state(server))
        .values(**values))
    return result.rowcount == 1


@api.context_manager.writer
def set_embedded_flavor(context, server_id, name, extra_specs):
    """Store the name and extra specs of the flavor a server now has (a
    resize, or its revert); its sizes are the server's columns."""
    context.session.execute(
        _server_flavors.delete().where(
            _server_flavors.c.server_id == server_id))
    context.session.execute(_server_flavors.insert().values(
        server_id=server_id, name=name, extra_specs=extra_specs))


@api.context_manager.writer
def soft_delete(context, server, now, vm_state, launched_at=None):
    """Mark the server deleted, in `vm_state`, and free its addresses, if
    its state is still the one `server` was read with; False otherwise.
    `launched_at`, when given, is stored: the launch a finished build
    task had not stored yet (usage reports count from it)."""
    values = {'launched_at': launched_at} if launched_at else {}
    result = context.session.execute(
        _servers.update().where(*_same_stored_state(server)).values(
            deleted=server.id, deleted_at=now, updated_at=now,
            terminated_at=now, vm_state=vm_state,
            task_state=None, task_started_at=None, network_info=None,
            **values))
    if result.rowcount != 1:
        return False
    context.session.execute(
        _addresses.delete().where(_addresses.c.server_id == server.id))
    server_tags_db.delete_all(context, server.id)
    return True


@api.context_manager.reader.connection
def get_in_window(context, begin, end, project_id=None):
    """The rows of every server, deleted ones too, created before `end`
    and not terminated by `begin`, of `project_id` unless that is None:
    those a usage report of [begin, end] may count, by project and
    uuid."""
    statement = sa.select(*_WITH_DETAILS).where(
        sa.or_(_servers.c.terminated_at.is_(None),
               _servers.c.terminated_at > begin),
        _servers.c.created_at < end)
    if project_id is not None:
        statement = statement.where(_servers.c.project_id == project_id)
    statement = statement.order_by(_servers.c.project_id, _servers.c.uuid)
    return [ServerRow._make(row)
            for row in context.connection.execute(statement)]


_PROJECT_USAGE_ON_HOST = sa.select(
    _servers.c.project_id,
    sa.func.sum(_servers.c.vcpus),
    sa.func.sum(_servers.c.memory_mb),
    sa.func.sum(_servers.c.root_gb + _servers.c.ephemeral_gb),
).where(_EXISTING, _servers.c.host == sa.bindparam('host')).group_by(
    _servers.c.project_id).order_by(_servers.c.project_id)


@api.context_manager.reader.connection
def get_project_usage_on_host(context, host, task_rules, now,
                              hostless_states):
    """{project: (vcpus, memory_mb, root and ephemeral disk_gb)} of the
    existing servers on `host` at `now`, by project, but for those in
    one of `hostless_states` (by `task_rules`)."""
    statement = _PROJECT_USAGE_ON_HOST.where(sa.not_(
        _state_is(task_rules, now, hostless_states)))
    return {project_id: (int(vcpus), int(memory_mb), int(disk_gb))
            for project_id, vcpus, memory_mb, disk_gb in
            context.connection.execute(statement, {'host': host})}


@api.context_manager.writer
def add_fault(context, server_id, fault):
    """Record why an existing server went to ERROR (`fault`: ServerFault
    columns): a move no host could take."""
    context.session.add(ServerFault(server_id=server_id, **fault))
