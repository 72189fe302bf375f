"""Which servers count as deleted, or soft-deleted, now: the
servers_db.StatesAt the queries that leave such servers out take.

A soft-deleted server is reclaimed (deleted for good) once [DEFAULT]
reclaim_instance_interval has passed: a stage of its soft-deleting task
(server_states.task_stages), not a change of its row, so every query
that leaves deleted servers out asks for these states too.
"""

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import server_states
from nova_api.db import servers as servers_db

# The tasks that lead a server into or out of SOFT_DELETED and DELETED
# (the only ones that start from SOFT_DELETED are a restore and a soft
# delete again): the rules the queries need, and no more.
_SOFT_DELETE_TASKS = (server_states.SOFT_DELETING, server_states.RESTORING)


def _states_at(durations, now, states):
    # Only these tasks' rules: a list asks for them on every request.
    return servers_db.StatesAt(
        {task: server_states.task_stages(task, durations)
         for task in _SOFT_DELETE_TASKS}, now,
        tuple((vm_state, servers_db.ANY_TASK if task_state is None
               else task_state) for vm_state, task_state in states))


def reclaimed(durations=None, now=None):
    """The soft-deleted servers reclaimed by `now` (deleted, though their
    rows are not marked so); None while [DEFAULT]
    reclaim_instance_interval reclaims none. `durations` and `now`
    default to the driver's and the time now."""
    durations = backend.task_durations() if durations is None else durations
    stages = server_states.task_stages(server_states.SOFT_DELETING,
                                       durations)
    if not any(stage.vm_state == server_states.DELETED for stage in stages):
        return None
    return _states_at(durations, now or timeutils.utcnow(),
                      server_states.DELETED_STATES)


def soft_deleted(durations, now):
    """The servers SOFT_DELETED at `now`."""
    return _states_at(durations, now, ((server_states.SOFT_DELETED, None),))


def not_counted():
    """The servers that count against no quota now: Nova counts no
    soft-deleted server (restoring one checks the quota again), and no
    reclaimed one, of course."""
    durations = backend.task_durations()
    states = ((server_states.SOFT_DELETED, None),)
    if reclaimed(durations) is not None:
        states += server_states.DELETED_STATES
    return _states_at(durations, timeutils.utcnow(), states)
