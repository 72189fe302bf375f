"""Server groups: sets of a project's servers placed by a policy.

``affinity`` puts every member on one host, ``anti-affinity`` each on a
host of its own. A group is made empty; a server joins the group its create
names (scheduler hint ``group``) and leaves it when deleted. What a group
shows as members are the servers of it that still exist.

A caller who is not an administrator sees only the groups of their own
project; anyone else's are "not found", as in Nova.

The server create uses ``get_for_create``, ``member_hosts`` and
``add_members`` (inside its own transaction), and the server delete
``remove_member``.
"""

import dataclasses

from oslo_utils import uuidutils

from nova_api.compute import quotas
from nova_api.db import server_groups as server_groups_db
from nova_api import exception

AFFINITY = 'affinity'
ANTI_AFFINITY = 'anti-affinity'


@dataclasses.dataclass(frozen=True)
class ServerGroup:
    # The database id, for the queries; clients know the group by uuid.
    id: int
    uuid: str
    name: str
    policy: str
    project_id: str
    user_id: str
    # The uuids of its servers that exist, in the order they joined.
    members: tuple


def _assemble(row, members=()):
    return ServerGroup(id=row.id, uuid=row.uuid, name=row.name,
                       policy=row.policy, project_id=row.project_id,
                       user_id=row.user_id, members=tuple(members))


def _visible_project(context):
    """The project a caller's lookups are confined to; None for an
    administrator, who may see any."""
    return None if context.is_admin else context.project_id


def _with_members(context, rows):
    members = server_groups_db.get_members(context, [row.id for row in rows])
    return [_assemble(row, members.get(row.id, ())) for row in rows]


def list_groups(context, all_projects=False, limit=None, offset=0):
    """The groups of the caller's project, or of every project, oldest
    first: `limit` of them after the first `offset`."""
    project_id = None if all_projects else context.project_id
    rows = server_groups_db.get_all(context, project_id, limit=limit,
                                    offset=offset)
    return _with_members(context, rows)


def get_group(context, group_uuid):
    """The group the caller may see; InstanceGroupNotFound (404) if none."""
    row = server_groups_db.get(context, group_uuid,
                               _visible_project(context))
    return _with_members(context, [row])[0]


def create_group(context, name, policy):
    """A new, empty group of the caller's, within the server_groups
    quota."""
    _check_group_quota(context, new=1)
    row = server_groups_db.create(context, {
        'uuid': uuidutils.generate_uuid(), 'name': name, 'policy': policy,
        'project_id': context.project_id, 'user_id': context.user_id})
    group = _assemble(row)
    # Concurrent creates can all pass the check made before the insert;
    # counting again once ours is stored, and taking it back if that puts
    # the project over, keeps it within its limit (Nova's quota recheck).
    try:
        _check_group_quota(context, new=0)
    except exception.ServerGroupLimitExceeded:
        try:
            server_groups_db.destroy(context, group.uuid)
        except exception.InstanceGroupNotFound:
            pass  # a concurrent delete already took it back
        raise
    return group


def delete_group(context, group):
    """Delete the group; its servers stay where they are."""
    server_groups_db.destroy(context, group.uuid)


def _check_group_quota(context, new):
    # As Nova: the project's groups against the project's limit, and the
    # user's own against the user's limit (the project's unless one is set
    # for the user).
    try:
        quotas.check(context, {'server_groups': new}, context.project_id,
                     None)
        quotas.check(context, {'server_groups': new}, context.project_id,
                     context.user_id)
    except exception.ResourcesOverQuota:
        raise exception.ServerGroupLimitExceeded()


# What a server create needs.

def get_for_create(context, group_uuid):
    """The group a server create names in its scheduler hint ``group``
    (``os:scheduler_hints`` or ``OS-SCH-HNT:scheduler_hints``).

    A group the caller may not see (unknown, or another project's for a
    non-administrator) makes Nova answer the create with 400, not 404:
    raises ServerGroupHintNotFound, "Instance group <uuid> could not be
    found.". The hint's uuid format is the create schema's to check.
    """
    try:
        return get_group(context, group_uuid)
    except exception.InstanceGroupNotFound:
        raise exception.ServerGroupHintNotFound(group_uuid=group_uuid)


def add_members(context, group, server_uuids):
    """Make the new servers `server_uuids` members of `group`.

    To be called inside the server create's writer transaction (the one
    that took the scheduling lock), so that the count and the insert see
    no concurrent create. The caller's existing servers in the group plus
    the new ones may not exceed the caller's server_group_members limit
    (per user, as in Nova): raises GroupMemberLimitExceeded (403) if they
    would, and the create's transaction should then roll back.
    """
    limit = quotas.get_limits(context, context.project_id,
                              context.user_id)['server_group_members']
    if limit != quotas.UNLIMITED:
        used = server_groups_db.count_members_of_user(
            context, group.id, context.user_id)
        if used + len(server_uuids) > limit:
            raise exception.GroupMemberLimitExceeded()
    server_groups_db.add_members(context, group.id, server_uuids)


def member_hosts(context, group):
    """The set of hosts the group's existing servers are on (servers not
    placed on a host are left out): what affinity must join and
    anti-affinity avoid."""
    return server_groups_db.get_member_hosts(context, group.id)


def remove_member(context, server_uuid):
    """Take a deleted server out of its group; nothing happens for a server
    in none. Joins the caller's transaction if there is one."""
    server_groups_db.remove_member(context, server_uuid)
