"""Soft-deleted servers: restoring one, or deleting it at once.

With [DEFAULT] reclaim_instance_interval set, DELETE /servers/{id}
soft-deletes a server that has been launched (compute.servers.
delete_server): it is powered off (task soft-deleting, then
SOFT_DELETED) and stays on its host with its addresses, counting no
more against its project's quota, until the interval has passed; then
it is deleted (reclaimed: server_states.task_stages). Restore brings it
back (restoring, then ACTIVE), if the quota still has room for it;
forceDelete deletes a server at once, soft-deleted or not.
"""

from nova_api.compute import lock_server
from nova_api.compute import quotas
from nova_api.compute import server_states
from nova_api.compute import servers


def restore(context, server):
    """Restore a SOFT_DELETED server, or the 409 Nova answers (locked,
    another state), or TooManyInstances (403) when its project's or its
    user's quota has no room left for it."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.RESTORE, server.uuid,
                                server.state)
    _check_quota(context, server)
    changes = None
    if server.host is None:
        # Nothing to power on: Nova restores a server that holds no host
        # at once.
        changes = {'vm_state': server_states.ACTIVE, 'task_state': None,
                   'task_started_at': None}
    servers.begin_action(context, server, server_states.RESTORE, changes)


def force_delete(context, server):
    """Delete `server` at once, in any state but a task in progress (the
    409 of any other action), unless it is locked; recorded as a
    delete."""
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.FORCE_DELETE, server.uuid,
                                server.state)
    servers.delete_now(context, server)


def _check_quota(context, server):
    """Nova's quota check of a restore: one more server of the flavor's
    size, for the server's project and its user."""
    quotas.check_server_resources(
        context, server.project_id, server.user_id,
        {'instances': 1, 'cores': server.vcpus, 'ram': server.memory_mb})
