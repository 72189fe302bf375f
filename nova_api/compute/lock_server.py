"""Locking servers: a locked server refuses the actions that change it
(reboot, stop, start, delete, its metadata) to everyone but
administrators, as Nova's check_instance_lock does. Every lock and
unlock is recorded (os-instance-actions), as Nova records them.

A server is locked by its owner (a caller of its project) or by an
administrator of another project (``locked_by`` 'owner' or 'admin'), with
an optional reason (2.73).
"""

from nova_api.compute import instance_actions
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception

OWNER = 'owner'
ADMIN = 'admin'


def _locker(context, server):
    return OWNER if context.project_id == server.project_id else ADMIN


def lock(context, server, reason=None):
    """Lock `server`; the owner locking it again changes nothing, an
    administrator takes the lock over (keeping the reason unless a new
    one is given)."""
    locker = _locker(context, server)
    with db_api.context_manager.writer.using(context):
        instance_actions.record(context, server, 'lock')
        if server.locked_by is not None and locker == OWNER:
            return
        values = {'locked_by': locker}
        if reason:
            values['locked_reason'] = reason
        servers_db.update(context, server.id, values)


def unlock(context, server):
    with db_api.context_manager.writer.using(context):
        instance_actions.record(context, server, 'unlock')
        servers_db.update(context, server.id,
                          {'locked_by': None, 'locked_reason': None})


def locked_by_someone_else(context, server):
    """True if `server` was locked by an administrator and the caller is
    of its project, or the reverse: unlocking it takes the override."""
    return (server.locked_by is not None and
            server.locked_by != _locker(context, server))


def check_unlocked(context, server):
    """InstanceIsLocked (409) unless `server` is unlocked or the caller is
    an administrator."""
    if server.locked_by is not None and not context.is_admin:
        raise exception.InstanceIsLocked(instance_uuid=server.uuid)
