"""Suspending servers: a suspended server's memory is saved to disk and
it stops (vm_state suspended, power_state 7) until it is resumed.

Both are refused (409) to non-administrators on a locked server, and in
any state but Nova's (server_states.SUSPEND, server_states.RESUME).
"""

from nova_api.compute import server_states
from nova_api.compute import servers


def suspend(context, server):
    servers.begin_action(context, server, server_states.SUSPEND)


def resume(context, server):
    servers.begin_action(context, server, server_states.RESUME)
