"""Server groups: sets of a project's servers placed by a policy.

``affinity`` puts every member on one host, ``anti-affinity`` each on a
host of its own (or no more than its rule ``max_server_per_host`` on one,
2.64); ``soft-affinity`` and ``soft-anti-affinity`` (2.15) only prefer
the hosts that do so, and never leave a server without a host because of
it (see ``GroupPlacement``). A group is made empty; a server joins the
group its create names (scheduler hint ``group``) and leaves it when
deleted. What a group shows as members are the servers of it that still
exist.

A caller who is not an administrator sees only the groups of their own
project; anyone else's are "not found", as in Nova.

The server create uses ``get_for_create``, ``placement_of`` and
``add_members`` (inside its own transaction), and the server delete
``remove_member``.
"""

import dataclasses

from oslo_utils import uuidutils

from nova_api.compute import deleted_states
from nova_api.compute import quotas
from nova_api.db import server_groups as server_groups_db
from nova_api import exception

AFFINITY = 'affinity'
ANTI_AFFINITY = 'anti-affinity'
SOFT_AFFINITY = 'soft-affinity'
SOFT_ANTI_AFFINITY = 'soft-anti-affinity'

# The rule of anti-affinity (2.64): how many members one host may hold.
MAX_SERVER_PER_HOST = 'max_server_per_host'


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
    # The policy's rules, e.g. {'max_server_per_host': 2}; {} for none
    # (and for the groups made before 2.64).
    rules: dict = dataclasses.field(default_factory=dict)


def _assemble(row, members=()):
    return ServerGroup(id=row.id, uuid=row.uuid, name=row.name,
                       policy=row.policy, project_id=row.project_id,
                       user_id=row.user_id, members=tuple(members),
                       rules=dict(row.rules or {}))


def _visible_project(context):
    """The project a caller's lookups are confined to; None for an
    administrator, who may see any."""
    return None if context.is_admin else context.project_id


def _with_members(context, rows):
    members = server_groups_db.get_members(context, [row.id for row in rows],
                                           deleted_states.reclaimed())
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


def create_group(context, name, policy, rules=None):
    """A new, empty group of the caller's, within the server_groups
    quota (checked first, as in Nova). Only anti-affinity takes `rules`
    (RulesNotSupported, 400)."""
    _check_group_quota(context, new=1)
    rules = _checked_rules(policy, rules)
    row = server_groups_db.create(context, {
        'uuid': uuidutils.generate_uuid(), 'name': name, 'policy': policy,
        'rules': rules, 'project_id': context.project_id,
        'user_id': context.user_id})
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


def _checked_rules(policy, rules):
    """The rules to store, with integer values (a request may give
    "3")."""
    if not rules:
        return {}
    if policy != ANTI_AFFINITY:
        raise exception.RulesNotSupported()
    return {name: int(value) for name, value in rules.items()}


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
            context, group.id, context.user_id, deleted_states.reclaimed())
        if used + len(server_uuids) > limit:
            raise exception.GroupMemberLimitExceeded()
    server_groups_db.add_members(context, group.id, server_uuids)


@dataclasses.dataclass
class GroupPlacement:
    """What a group's policy asks of the scheduler, given how many of its
    members each host holds (`member_counts`, {host: n}); ``add`` counts
    each server placed by the same create.

    Hard policies restrict the candidate hosts: affinity to the hosts
    that hold members (any host while there are none), anti-affinity away
    from those holding ``max_server_per_host`` (1 unless a rule says)
    members. Soft policies restrict nothing and weigh first: soft-affinity
    prefers the hosts holding the most members, soft-anti-affinity the
    fewest, before the scheduler's own weighing (the most free memory).
    """

    policy: str
    max_per_host: int
    member_counts: dict

    @property
    def is_hard(self):
        """Whether the policy may leave a server without a host."""
        return self.policy in (AFFINITY, ANTI_AFFINITY)

    def allowed(self):
        """The host names allowed; None for any."""
        if self.policy == AFFINITY and self.member_counts:
            return set(self.member_counts)
        return None

    def excluded(self):
        if self.policy != ANTI_AFFINITY:
            return frozenset()
        return {host for host, count in self.member_counts.items()
                if count >= self.max_per_host}

    def preference(self, host_name):
        """A sort key of `host_name`: lower is preferred."""
        count = self.member_counts.get(host_name, 0)
        if self.policy == SOFT_AFFINITY:
            return -count
        if self.policy == SOFT_ANTI_AFFINITY:
            return count
        return 0

    def add(self, host_name):
        self.member_counts[host_name] = (
            self.member_counts.get(host_name, 0) + 1)


def placement_of(context, group):
    """The GroupPlacement of `group`, from the hosts of its existing
    servers (those not placed on a host are left out)."""
    return GroupPlacement(
        group.policy, group.rules.get(MAX_SERVER_PER_HOST, 1),
        server_groups_db.get_member_host_counts(
            context, group.id, deleted_states.reclaimed()))


def remove_member(context, server_uuid):
    """Take a deleted server out of its group; nothing happens for a server
    in none. Joins the caller's transaction if there is one."""
    server_groups_db.remove_member(context, server_uuid)
