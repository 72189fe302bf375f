"""Triggering a crash dump in a server's guest (trigger_crash_dump,
2.17), as Nova's: the guest gets a non-maskable interrupt; no task
starts and no state changes (what the guest does with it is the guest's
configuration). The simulated guest ignores it.
"""

from nova_api.compute import server_states
from nova_api.compute import servers


def trigger_crash_dump(context, server):
    """The 409s Nova answers for a locked server, one without a host or
    in a state other than ACTIVE, PAUSED, RESCUED and ERROR."""
    servers.begin_action(context, server, server_states.TRIGGER_CRASH_DUMP)
