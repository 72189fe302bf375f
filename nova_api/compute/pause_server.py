"""Pausing servers: a paused server keeps its memory but runs no
instructions (vm_state paused, power_state 3) until it is unpaused.

Both are refused (409) to non-administrators on a locked server, and in
any state but Nova's (server_states.PAUSE, server_states.UNPAUSE).
"""

from nova_api.compute import server_states
from nova_api.compute import servers


def pause(context, server):
    servers.begin_action(context, server, server_states.PAUSE)


def unpause(context, server):
    servers.begin_action(context, server, server_states.UNPAUSE)
