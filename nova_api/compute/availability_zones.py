"""Availability zones: the zones of the service records (compute.services)
and the services in them, as Nova derives them.

A compute host is in the zone of an aggregate it belongs to, else in the
zone its ``[simulated] hosts`` entry names, else in ``[DEFAULT]
default_availability_zone`` (compute.services); a control service is in
``[DEFAULT] internal_service_availability_zone``. A zone is available
when one of its services is enabled; one whose services are all disabled
is listed as not available, after the available ones, without hosts.
"""

import collections

from oslo_config import cfg

from nova_api.compute import services as services_lib

CONF = cfg.CONF

# The service a compute host runs.
COMPUTE_BINARY = services_lib.COMPUTE_BINARY

# A zone; hosts maps a host name to {binary: ServiceState}.
Zone = collections.namedtuple('Zone', 'name available hosts')
ServiceState = collections.namedtuple('ServiceState',
                                      'available active updated_at')


def _zone_names(services):
    """(available, not available) zone names of `services`, each sorted."""
    available = {service.zone for service in services
                 if not service.disabled}
    unavailable = {service.zone for service in services} - available
    return sorted(available), sorted(unavailable)


def available_zone_names(context):
    """The zones of the enabled compute services: where a server may be
    asked for."""
    return _zone_names(services_lib.compute_services(context))[0]


def list_zones(context):
    """The zones servers can be placed in, without hosts: the available
    ones, then the others."""
    internal = CONF.internal_service_availability_zone
    available, unavailable = _zone_names(
        services_lib.list_services(context))
    return [Zone(name, is_available, None)
            for names, is_available in ((available, True),
                                        (unavailable, False))
            for name in names if name != internal]


def list_zones_with_services(context):
    """Every zone with a service, the internal one included: the
    available ones by name, each with the hosts of its enabled services
    and their states, then the others without hosts."""
    all_services = services_lib.list_services(context)
    available, unavailable = _zone_names(all_services)
    zones = collections.defaultdict(
        lambda: collections.defaultdict(dict))
    for service in all_services:
        if not service.disabled:
            zones[service.zone][service.host][service.binary] = (
                ServiceState(service.is_up, True, service.updated_at))
    return ([Zone(name, True, {host: zones[name][host]
                               for host in sorted(zones[name])})
             for name in available] +
            [Zone(name, False, None) for name in unavailable])
