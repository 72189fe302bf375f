"""Availability zones: the zones of the driver's hosts and the services
in them, as Nova derives them from its service records.

A compute host is in its configured zone, a control service in
``[DEFAULT] internal_service_availability_zone``. No service is disabled
(os-services is not served), so every zone with a service is available.
"""

import collections

from oslo_config import cfg

from nova_api.compute import backend

CONF = cfg.CONF

# The service a compute host runs.
COMPUTE_BINARY = 'nova-compute'

# A zone; hosts maps a host name to {binary: ServiceState}.
Zone = collections.namedtuple('Zone', 'name available hosts')
ServiceState = collections.namedtuple('ServiceState',
                                      'available active updated_at')


def list_zones():
    """The zones servers can be placed in, by name, without hosts."""
    names = {host.availability_zone
             for host in backend.get_driver().get_hosts()}
    return [Zone(name, True, None) for name in sorted(names)]


def list_zones_with_services():
    """Every zone with a service, the internal one included, by name,
    each with its hosts and their services."""
    driver = backend.get_driver()
    zones = collections.defaultdict(
        lambda: collections.defaultdict(dict))
    for host in driver.get_hosts():
        zones[host.availability_zone][host.name][COMPUTE_BINARY] = (
            ServiceState(host.up, True, host.updated_at))
    internal = CONF.internal_service_availability_zone
    for service in driver.get_control_services():
        zones[internal][service.host][service.binary] = ServiceState(
            service.up, True, service.updated_at)
    return [Zone(name, True, {host: zones[name][host]
                              for host in sorted(zones[name])})
            for name in sorted(zones)]
