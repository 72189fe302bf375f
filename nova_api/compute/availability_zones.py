"""Availability zones: the zones of the driver's hosts and the services
in them, as Nova derives them from its service records.

A compute host is in the zone of an aggregate it belongs to, else in the
zone its ``[simulated] hosts`` entry names, else in ``[DEFAULT]
default_availability_zone`` (compute_hosts); a control service is in
``[DEFAULT] internal_service_availability_zone``. No service is disabled
(os-services is not served), so every zone with a service is available.
"""

import collections
import dataclasses

from oslo_config import cfg

from nova_api.compute import aggregates
from nova_api.compute import backend

CONF = cfg.CONF

# The service a compute host runs.
COMPUTE_BINARY = 'nova-compute'

# A zone; hosts maps a host name to {binary: ServiceState}.
Zone = collections.namedtuple('Zone', 'name available hosts')
ServiceState = collections.namedtuple('ServiceState',
                                      'available active updated_at')


def compute_hosts(context):
    """The driver's compute hosts, each in its zone: that of an aggregate
    it is in, else the one the driver gives it (its configured zone)."""
    zones = aggregates.host_zones(context)
    return [dataclasses.replace(host, availability_zone=zones[host.name])
            if host.name in zones else host
            for host in backend.get_driver().get_hosts()]


def list_zones(context):
    """The zones servers can be placed in, by name, without hosts (not
    the internal zone, which an aggregate may give compute hosts)."""
    names = {host.availability_zone for host in compute_hosts(context)}
    names.discard(CONF.internal_service_availability_zone)
    return [Zone(name, True, None) for name in sorted(names)]


def list_zones_with_services(context):
    """Every zone with a service, the internal one included, by name,
    each with its hosts and their services."""
    driver = backend.get_driver()
    zones = collections.defaultdict(
        lambda: collections.defaultdict(dict))
    for host in compute_hosts(context):
        zones[host.availability_zone][host.name][COMPUTE_BINARY] = (
            ServiceState(host.up, True, host.updated_at))
    internal = CONF.internal_service_availability_zone
    for service in driver.get_control_services():
        zones[internal][service.host][service.binary] = ServiceState(
            service.up, True, service.updated_at)
    return [Zone(name, True, {host: zones[name][host]
                              for host in sorted(zones[name])})
            for name in sorted(zones)]
