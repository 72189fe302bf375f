"""Server metadata: a server's key/value pairs, read and changed.

Every function takes the server as nova_api.compute.servers.get_server
returns it, so the caller has found it (404) and checked its policy
(403) first, in Nova's order. A change is refused with 409 while the
server is locked (except to an administrator) or not at rest in a state
Nova allows, and with 403 when the result would hold more items than the
caller's metadata_items quota.
"""

from nova_api.compute import lock_server
from nova_api.compute import quotas
from nova_api.compute import server_states
from nova_api.db import server_metadata as metadata_db
from nova_api import exception

_CHANGEABLE_VM_STATES = frozenset({
    server_states.ACTIVE, server_states.PAUSED, server_states.SUSPENDED,
    server_states.STOPPED})


def _change(name):
    """A metadata change: it starts no task, and Nova allows it on a
    launched server at rest."""
    return server_states.Action(
        name, task_state=None, allowed_vm_states=_CHANGEABLE_VM_STATES,
        allowed_task_states=frozenset({None}), must_have_launched=True,
        must_have_host=False)


# Named as Nova's 409 messages name them.
UPDATE_METADATA = _change('update metadata')
DELETE_METADATA = _change('delete metadata')


def get_metadata(server):
    return dict(sorted(server.metadata.items()))


def get_item(server, key):
    """The value of item `key` (ServerMetadataNotFound)."""
    if key not in server.metadata:
        raise exception.ServerMetadataNotFound()
    return server.metadata[key]


def update_metadata(context, server, metadata, replace=False):
    """Merge `metadata` into the server's (or, with `replace`, make it the
    whole of it); return the resulting metadata."""
    _check_changeable(context, server, UPDATE_METADATA)
    return metadata_db.update(context, server.id, metadata, purge=replace,
                              check=_quota_check(context))


def update_item(context, server, key, meta):
    """Set item `key`, which must be the one key of `meta`."""
    if key not in meta:
        raise exception.BodyURIMismatch()
    update_metadata(context, server, {key: meta[key]})
    return meta[key]


def delete_item(context, server, key):
    # Nova looks for the key before it looks at the server's state.
    get_item(server, key)
    _check_changeable(context, server, DELETE_METADATA)
    metadata_db.delete_item(context, server.id, key)


def _check_changeable(context, server, action):
    """Nova's lock check, then its state checks."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(action, server.uuid, server.state)


def check_quota(context, metadata):
    """Raise MetadataLimitExceeded unless a server may have `metadata`
    (at create, or after a change)."""
    _quota_check(context)(metadata)


def _quota_check(context):
    """A check of a server's metadata against the caller's metadata_items
    limits, the project's and the user's in it (Nova counts the caller's,
    not the server owner's, and names the project's limit when either is
    exceeded)."""
    project_limit = quotas.get_limits(
        context, context.project_id)['metadata_items']
    user_limit = quotas.get_limits(
        context, context.project_id, context.user_id)['metadata_items']

    def check(metadata):
        if any(0 <= limit < len(metadata)
               for limit in (project_limit, user_limit)):
            raise exception.MetadataLimitExceeded(allowed=project_limit)
    return check
