"""Server group queries: the groups, and the servers that are their members.

A member row names a server by uuid. Only members whose server exists
(``servers.deleted == 0``, and not in the deleted states the reads
take: a soft-deleted server reclaimed) count: for what the API shows,
for the server_group_members quota and for the hosts the scheduler must
heed.

As in nova_api.db.keypairs, reads return SQLAlchemy Core rows from
statements built once, and writes use the ORM. Writers join the caller's
transaction when there is one (a server create adds its members inside its
own).
"""

import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api.db import servers as servers_db
from nova_api import exception

ServerGroup = models.ServerGroup
ServerGroupMember = models.ServerGroupMember

_groups = ServerGroup.__table__
_members = ServerGroupMember.__table__
_servers = models.Server.__table__

# Members joined to the servers that still exist.
_EXISTING_MEMBERS = _members.join(
    _servers, sa.and_(_servers.c.uuid == _members.c.server_uuid,
                      _servers.c.deleted == 0))
_OF_GROUP = _members.c.group_id == sa.bindparam('group_id')

_BY_UUID = sa.select(_groups).where(_groups.c.uuid == sa.bindparam('uuid'))
_BY_UUID_IN_PROJECT = _BY_UUID.where(
    _groups.c.project_id == sa.bindparam('project_id'))
_MEMBERS_OF_GROUPS = sa.select(
    _members.c.group_id, _members.c.server_uuid,
).select_from(_EXISTING_MEMBERS).where(
    _members.c.group_id.in_(sa.bindparam('group_ids', expanding=True)),
).order_by(_members.c.id)
_MEMBERS_OF_USER = sa.select(sa.func.count()).select_from(
    _EXISTING_MEMBERS).where(_OF_GROUP,
                             _servers.c.user_id == sa.bindparam('user_id'))
_MEMBER_HOST_COUNTS = sa.select(
    _servers.c.host, sa.func.count()).select_from(_EXISTING_MEMBERS).where(
    _OF_GROUP, _servers.c.host.is_not(None)).group_by(_servers.c.host)
_IN_PROJECT = _groups.c.project_id == sa.bindparam('project_id')
_PROJECT_COUNT = sa.select(sa.func.count(_groups.c.id)).where(_IN_PROJECT)
_USER_COUNT = _PROJECT_COUNT.where(
    _groups.c.user_id == sa.bindparam('user_id'))
_MEMBER_UUIDS = sa.select(_members.c.server_uuid).where(_OF_GROUP)


def _page_statement(in_project, limited):
    statement = sa.select(_groups)
    if in_project:
        statement = statement.where(_IN_PROJECT)
    # Creation order, which is how Nova lists them.
    statement = statement.order_by(_groups.c.id.asc()).offset(
        sa.bindparam('offset', type_=sa.Integer))
    if limited:
        statement = statement.limit(sa.bindparam('limit', type_=sa.Integer))
    return statement


# Keyed by (one project, limit given).
_PAGES = {(in_project, limited): _page_statement(in_project, limited)
          for in_project in (False, True) for limited in (False, True)}


@api.context_manager.reader.connection
def get(context, uuid, project_id=None):
    """The group with `uuid`, in `project_id` unless that is None."""
    if project_id is None:
        group = context.connection.execute(_BY_UUID, {'uuid': uuid}).first()
    else:
        group = context.connection.execute(
            _BY_UUID_IN_PROJECT,
            {'uuid': uuid, 'project_id': project_id}).first()
    if group is None:
        raise exception.InstanceGroupNotFound(group_uuid=uuid)
    return group


@api.context_manager.reader.connection
def get_all(context, project_id=None, limit=None, offset=0):
    """The groups of `project_id` (every project's with None), oldest
    first, `limit` of them after the first `offset`."""
    params = {'project_id': project_id, 'offset': int(offset),
              'limit': None if limit is None else int(limit)}
    statement = _PAGES[project_id is not None, limit is not None]
    return context.connection.execute(statement, params).all()


@api.context_manager.reader.connection
def get_members(context, group_ids, deleted_states=None):
    """{group id: [server uuid, ...]} of the members whose servers exist
    (and are not in `deleted_states`, a servers_db.StatesAt or None), in
    the order they joined; a group without any is left out."""
    members = {}
    if not group_ids:
        return members
    for group_id, server_uuid in context.connection.execute(
            _MEMBERS_OF_GROUPS.where(*servers_db.not_in(deleted_states)),
            {'group_ids': list(group_ids)}):
        members.setdefault(group_id, []).append(server_uuid)
    return members


@api.context_manager.writer
def create(context, values):
    """Insert a group; `values` use the model's column names."""
    group = ServerGroup(**values)
    context.session.add(group)
    context.session.flush()
    return group


@api.context_manager.writer
def destroy(context, uuid):
    """Delete the group and (by cascade) its member rows."""
    result = context.session.execute(
        sa.delete(ServerGroup).where(ServerGroup.uuid == uuid))
    if result.rowcount == 0:
        raise exception.InstanceGroupNotFound(group_uuid=uuid)


@api.context_manager.reader.connection
def count(context, project_id, user_id=None):
    """How many groups the project (or the user in it) has, for the
    server_groups quota."""
    if user_id is None:
        return context.connection.scalar(
            _PROJECT_COUNT, {'project_id': project_id})
    return context.connection.scalar(
        _USER_COUNT, {'project_id': project_id, 'user_id': user_id})


@api.context_manager.reader.connection
def count_members_of_user(context, group_id, user_id, deleted_states=None):
    """How many existing servers of the user the group holds (not in
    `deleted_states`), for the server_group_members quota."""
    return context.connection.scalar(
        _MEMBERS_OF_USER.where(*servers_db.not_in(deleted_states)),
        {'group_id': group_id, 'user_id': user_id})


@api.context_manager.reader.connection
def get_member_host_counts(context, group_id, deleted_states=None):
    """{host: how many of the group's existing servers (not in
    `deleted_states`) are on it}, for the hosts its scheduled servers are
    on."""
    return dict(context.connection.execute(
        _MEMBER_HOST_COUNTS.where(*servers_db.not_in(deleted_states)),
        {'group_id': group_id}).all())


@api.context_manager.writer
def add_members(context, group_id, server_uuids):
    """Make the servers members of the group; a server already in it stays
    as it is."""
    existing = set(context.session.scalars(
        _MEMBER_UUIDS, {'group_id': group_id}))
    context.session.add_all(
        ServerGroupMember(group_id=group_id, server_uuid=server_uuid)
        for server_uuid in dict.fromkeys(server_uuids)
        if server_uuid not in existing)
    # Statements run on the connection later in the same transaction (the
    # scheduler's member counts, say) see the rows only once flushed.
    context.session.flush()


@api.context_manager.writer
def remove_member(context, server_uuid):
    """Take the server out of whatever group it is in."""
    context.session.execute(
        sa.delete(ServerGroupMember).where(
            ServerGroupMember.server_uuid == server_uuid))
