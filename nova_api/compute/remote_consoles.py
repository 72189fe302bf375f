"""A server's remote console URL (os-remote-consoles), as Nova's compute
API and manager give one: the server must have a host (else it is not
ready, 409) and no delete or migration under way; the console service of
the protocol must be enabled ([vnc], [spice], [serial_console], [mks]:
else 400 "Unavailable console type ..."), and the type must be one the
protocol has (else 400 "Invalid console type ..."; the serial protocol
checks no type, as in Nova). A guest still building has no console yet
(409). The URL is the proxy's base URL with a new token.

Where the console listens is the simulated hypervisor's: the server's
host, and a port from the server's id (n = id mod 1000): graphical
consoles (VNC, SPICE, MKS) at 5900 + n, SPICE's TLS port at 6900 + n,
the serial console at 10000 + n ([serial_console] port_range starts at
10000 in Nova). No internal access path, as libvirt has none.
"""

import typing

from oslo_config import cfg

from nova_api.compute import console_auth_tokens
from nova_api.compute import server_states
from nova_api import exception

CONF = cfg.CONF

# Nova's compute API refuses consoles while these tasks run.
_REFUSED_TASKS = (server_states.DELETING, 'migrating')


class Console(typing.NamedTuple):
    console_type: str
    host: str
    port: int
    tls_port: int | None = None
    internal_access_path: str | None = None


def _vnc(server, console_type):
    if not CONF.vnc.enabled:
        raise exception.ConsoleTypeUnavailable(console_type=console_type)
    if console_type != 'novnc':
        raise exception.ConsoleTypeInvalid(console_type=console_type)
    return CONF.vnc.novncproxy_base_url, _graphics(server, console_type)


def _spice(server, console_type):
    if not CONF.spice.enabled:
        raise exception.ConsoleTypeUnavailable(console_type=console_type)
    if console_type == 'spice-html5':
        base_url = CONF.spice.html5proxy_base_url
    elif console_type == 'spice-direct':
        base_url = CONF.spice.spice_direct_proxy_base_url
    else:
        raise exception.ConsoleTypeInvalid(console_type=console_type)
    console = _graphics(server, console_type)
    return base_url, console._replace(tls_port=console.port + 1000)


def _serial(server, console_type):
    if not CONF.serial_console.enabled:
        raise exception.ConsoleTypeUnavailable(console_type=console_type)
    return CONF.serial_console.base_url, Console(
        console_type, server.host, 10000 + server.id % 1000)


def _mks(server, console_type):
    if not CONF.mks.enabled:
        raise exception.ConsoleTypeUnavailable(console_type=console_type)
    if console_type != 'webmks':
        raise exception.ConsoleTypeInvalid(console_type=console_type)
    return CONF.mks.mksproxy_base_url, _graphics(server, console_type)


def _graphics(server, console_type):
    return Console(console_type, server.host, 5900 + server.id % 1000)


_PROTOCOLS = {'vnc': _vnc, 'spice': _spice, 'serial': _serial,
              'mks': _mks}


def get_console_url(context, server, protocol, console_type, action):
    """The URL of a new `protocol` console of `server`, of `console_type`
    (novnc, spice-html5, ...). `action` names the request in a 409 for a
    task that refuses consoles (Nova's compute API method)."""
    if protocol not in _PROTOCOLS:
        raise exception.ConsoleTypeUnavailable(console_type=protocol)
    if not server.host:
        raise exception.InstanceNotReady(instance_id=server.uuid)
    if server.task_state in _REFUSED_TASKS:
        raise exception.InstanceInvalidState(
            action=action, server_id=server.uuid, attr='task_state',
            state=server.task_state)
    base_url, console = _PROTOCOLS[protocol](server, console_type)
    if server.vm_state == server_states.BUILDING:
        raise exception.InstanceNotReady(instance_id=server.uuid)
    return console_auth_tokens.authorize(context, server, console, base_url)
