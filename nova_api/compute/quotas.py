"""Quotas: the limits of projects and users, and what they use.

The limit of a resource comes from the first of these that sets it: the
user's own limit in the project, the project's limit, the quota class
'default', the [quota] option. -1 means unlimited.

Usage is counted, never stored: each countable resource has a counter
(``_counters``) called as ``counter(context, project_id, user_id)``
and answering how many the user (or, with user_id None, the project) has.
A resource without a counter uses nothing.
"""

from nova_api.compute import deleted_states
from nova_api import conf
from nova_api.db import keypairs as keypairs_db
from nova_api.db import quotas as quotas_db
from nova_api.db import server_groups as server_groups_db
from nova_api.db import servers as servers_db
from nova_api import exception

CONF = conf.CONF

UNLIMITED = -1
DEFAULT_CLASS = 'default'

# Every resource, with the [quota] option of its default; None: Nova's
# former nova-network limits, still shown and settable but enforced by
# nothing here, unlimited by default.
_DEFAULT_OPTIONS = {
    'cores': 'cores',
    'fixed_ips': None,
    'floating_ips': None,
    'injected_file_content_bytes': 'injected_file_content_bytes',
    'injected_file_path_bytes': 'injected_file_path_length',
    'injected_files': 'injected_files',
    'instances': 'instances',
    'key_pairs': 'key_pairs',
    'metadata_items': 'metadata_items',
    'ram': 'ram',
    'security_group_rules': None,
    'security_groups': None,
    'server_group_members': 'server_group_members',
    'server_groups': 'server_groups',
}
RESOURCES = tuple(sorted(_DEFAULT_OPTIONS))

# Per-user (key pairs) and per-group (members) resources: as in Nova, the
# quota API and the limits show them as using nothing, and limits set on
# a project are not checked against them.
_NOT_REPORTED = frozenset(['key_pairs', 'server_group_members'])


def _count_key_pairs(context, project_id, user_id):
    # Key pairs belong to users, not projects.
    if user_id is None:
        return 0
    return keypairs_db.count(context, user_id)


def _server_usage_counter(position):
    def count(context, project_id, user_id):
        return servers_db.get_usage(context, project_id, user_id,
                                    deleted_states.not_counted())[position]
    return count


_counters = {
    'key_pairs': _count_key_pairs,
    'instances': _server_usage_counter(0),
    'cores': _server_usage_counter(1),
    'ram': _server_usage_counter(2),
    'server_groups': server_groups_db.count,
}


def _configured_defaults():
    return {resource: UNLIMITED if option is None
            else getattr(CONF.quota, option)
            for resource, option in _DEFAULT_OPTIONS.items()}


def _known(limits):
    return {resource: limit for resource, limit in limits.items()
            if resource in _DEFAULT_OPTIONS}


def get_defaults(context):
    """The limits of a project that sets none of its own."""
    return get_class_limits(context, DEFAULT_CLASS)


def get_class_limits(context, class_name):
    """The limits of a quota class, the [quota] options where it sets
    none."""
    limits = _configured_defaults()
    limits.update(_known(quotas_db.get_class_limits(context, class_name)))
    return limits


def get_limits(context, project_id, user_id=None):
    """The limits of a project, or of a user in it."""
    limits = get_defaults(context)
    limits.update(_known(quotas_db.get_project_limits(context, project_id)))
    if user_id is not None:
        limits.update(_known(
            quotas_db.get_user_limits(context, project_id, user_id)))
    return limits


def get_usages(context, project_id, user_id=None):
    """What the project (or the user in it) uses, as the quota API and the
    limits report it."""
    return {resource: 0 if resource in _NOT_REPORTED
            else _count(context, resource, project_id, user_id)
            for resource in RESOURCES}


def _count(context, resource, project_id, user_id):
    counter = _counters.get(resource)
    return 0 if counter is None else counter(context, project_id, user_id)


def _is_unlimited(value):
    # Arithmetic on -1 below can go further down; all of it is unlimited.
    return value <= UNLIMITED


def _add(first, second):
    if _is_unlimited(first) or _is_unlimited(second):
        return UNLIMITED
    return first + second


def _subtract(first, second):
    if _is_unlimited(first) or _is_unlimited(second):
        return UNLIMITED
    return first - second


def _settable_ranges(context, project_id, user_id):
    """{resource: (minimum, maximum)} a new limit must lie in (-1 counts as
    infinity). A project's limit may not go below what it uses, nor below
    what the limits of its users add up to; a user's may not go below what
    the user uses, nor above what the project has left to give out (its
    limit less its users' limits) plus the user's current limit."""
    project_limits = get_limits(context, project_id)
    left = dict(project_limits)
    for row in quotas_db.get_all_user_limits(context, project_id):
        if row.resource in left:
            left[row.resource] -= row.hard_limit
    used = get_usages(context, project_id, user_id)
    if user_id is None:
        return {resource: (max(_subtract(project_limits[resource],
                                         left[resource]),
                               used[resource]),
                           UNLIMITED)
                for resource in RESOURCES}
    users_own = quotas_db.get_user_limits(context, project_id, user_id)
    return {resource: (used[resource],
                       _add(left[resource], users_own.get(resource, 0)))
            for resource in RESOURCES}


def _as_number(limit):
    return float('inf') if _is_unlimited(limit) else limit


def update_limits(context, project_id, requested, user_id=None,
                  force=False):
    """Set the `requested` limits ({resource: int}) of a project or of a
    user in it. Unless `force`, each must lie in its settable range; one
    that does not fails the request before anything is stored."""
    if not force:
        ranges = _settable_ranges(context, project_id, user_id)
        for resource, limit in requested.items():
            minimum, maximum = ranges[resource]
            if _as_number(limit) < _as_number(minimum):
                raise exception.QuotaLimitBelowUsage(
                    limit=limit, resource=resource, minimum=minimum)
            if _as_number(limit) > _as_number(maximum):
                raise exception.QuotaLimitAboveMaximum(
                    limit=limit, resource=resource, maximum=maximum)
    if requested:
        quotas_db.set_limits(context, project_id, requested, user_id=user_id)


def delete_limits(context, project_id, user_id=None):
    """Forget the limits set on a user, or on a project and its users."""
    if user_id is None:
        quotas_db.destroy_project_limits(context, project_id)
    else:
        quotas_db.destroy_user_limits(context, project_id, user_id)


def update_class_limits(context, class_name, requested):
    if requested:
        quotas_db.set_class_limits(context, class_name, requested)


def check_server_resources(context, project_id, user_id, wanted):
    """TooManyInstances (403, Nova's message) unless the project and the
    user both have room for `wanted` ({'instances', 'cores' or 'ram': how
    many more}) on top of what their servers count for now: a restore, a
    resize to a larger flavor."""
    for checked_user in (None, user_id):
        limits = get_limits(context, project_id, checked_user)
        used = dict(zip(('instances', 'cores', 'ram'), servers_db.get_usage(
            context, project_id, checked_user,
            deleted_states.not_counted())))
        overs = sorted(resource for resource, more in wanted.items()
                       if limits[resource] != UNLIMITED and
                       used[resource] + more > limits[resource])
        if overs:
            raise exception.TooManyInstances(
                overs=', '.join(overs),
                req=', '.join(str(wanted[over]) for over in overs),
                used=', '.join(str(used[over]) for over in overs),
                allowed=', '.join(str(limits[over]) for over in overs))


def check(context, deltas, project_id, user_id):
    """Raise ResourcesOverQuota unless the user can have ``deltas``
    ({resource: how many more}) on top of what they have now. A delta of 0
    rechecks after the new things are stored (see nova_api.compute.keypairs
    for why)."""
    limits = get_limits(context, project_id, user_id)
    overs = sorted(
        resource for resource, delta in deltas.items()
        if limits[resource] != UNLIMITED and
        _count(context, resource, project_id, user_id) + delta >
        limits[resource])
    if overs:
        raise exception.ResourcesOverQuota(overs=overs)
