"""The administrators' server actions: os-resetState, which puts a
server in the active or error state whatever it was doing, and
injectNetworkInfo, which has the compute host write the server's network
configuration into its guest."""

from nova_api.compute import instance_actions
from nova_api.compute import lock_server
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception

# What os-resetState's "state" puts the server in.
RESET_STATES = {'active': server_states.ACTIVE, 'error': server_states.ERROR}


def reset_state(context, server, state):
    """Put `server` in vm_state `state` ('active' or 'error') with no
    task, and record the reset (os-instance-actions), as Nova does; the
    task in progress, if any, is forgotten."""
    with db_api.context_manager.writer.using(context):
        instance_actions.record(context, server, 'resetState')
        # Another request may change the server between its read and
        # this write: read it again until the write holds.
        while not servers_db.update_state(context, server.row, {
                'vm_state': RESET_STATES[state], 'task_state': None,
                'task_started_at': None,
                'launched_at': server.launched_at}):
            server = servers.get_server(context, server.uuid)


def inject_network_info(context, server):
    """Have the server's host inject its network configuration (the
    simulated host has nothing to do); a locked server refuses it to
    non-administrators, a server without a host cannot take it (409)."""
    lock_server.check_unlocked(context, server)
    if server.host is None:
        raise exception.InstanceNotReady(instance_id=server.uuid)
    # The simulated host has it written at once: nothing to store.
