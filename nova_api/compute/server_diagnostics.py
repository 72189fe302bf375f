"""A running server's diagnostics, as its compute driver reports them:
the driver's own counters (before 2.48) or Nova's standard form."""

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import server_states
from nova_api import exception
from nova_api.virt import driver as driver_module

# The names of the power states in Nova's messages (its STATE_MAP).
POWER_STATE_NAMES = {
    server_states.NOSTATE: 'pending',
    server_states.RUNNING: 'running',
    server_states.POWER_PAUSED: 'paused',
    server_states.SHUTDOWN: 'shutdown',
    server_states.CRASHED: 'crashed',
    server_states.POWER_SUSPENDED: 'suspended',
}


def get_diagnostics(context, server, standard):
    """The diagnostics of `server`: a driver.Diagnostics if `standard`,
    else the driver's dict. A server without a host is not ready, one
    not running refuses (409), as Nova's compute API and manager do; a
    driver without diagnostics answers 501."""
    if server.host is None:
        raise exception.InstanceNotReady(instance_id=server.uuid)
    if server.power_state != server_states.RUNNING:
        raise exception.InstanceInvalidState(
            action='get_diagnostics', server_id=server.uuid,
            attr='power state',
            state=POWER_STATE_NAMES.get(server.power_state, 'pending'))
    driver = backend.get_driver()
    guest = _guest(server)
    try:
        if standard:
            return driver.get_instance_diagnostics(guest)
        return driver.get_diagnostics(guest)
    except NotImplementedError:
        raise exception.FeatureNotSupported() from None


def _guest(server):
    macs = []
    for address in server.addresses:
        if address.mac_address and address.mac_address not in macs:
            macs.append(address.mac_address)
    launched_at = server.launched_at or timeutils.utcnow()
    uptime = max(0, int((timeutils.utcnow() - launched_at).total_seconds()))
    return driver_module.Guest(
        uuid=server.uuid, vcpus=server.vcpus, memory_mb=server.memory_mb,
        root_gb=server.root_gb, ephemeral_gb=server.ephemeral_gb,
        swap_mb=server.swap, mac_addresses=tuple(macs),
        config_drive=bool(server.config_drive), uptime=uptime)
