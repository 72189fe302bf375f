"""Hosts (Nova's os-hosts, up to 2.42): the hosts of the deployment's
services, and what the servers on a compute host take of it.

The services are read from the compute driver (its compute hosts and
control services) in one place, list_services. Enabling, disabling,
maintenance and power actions are the compute driver's, and the
simulated driver, like libvirt, has none of them: 501 for a compute
host, 404 for any other name.
"""

import dataclasses

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import scheduling
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api import conf
from nova_api.db import servers as servers_db
from nova_api import exception

COMPUTE = 'compute'
_PREFIX = 'nova-'


@dataclasses.dataclass(frozen=True)
class HostService:
    host_name: str
    # Nova's topic: compute, conductor, scheduler.
    service: str
    zone: str


@dataclasses.dataclass(frozen=True)
class Resources:
    cpu: int
    memory_mb: int
    disk_gb: int


@dataclasses.dataclass(frozen=True)
class HostResources:
    host_name: str
    total: Resources
    # What the host's compute node reports in use now: what the
    # scheduler counts taken, and what is reserved for the host.
    used_now: Resources
    # What the servers on the host add up to, and by project.
    used_max: Resources
    by_project: dict


def list_services(zone=None):
    """The HostServices of the deployment's enabled services (in `zone`
    if given): its compute hosts, then its control services (in the
    internal zone)."""
    driver = backend.get_driver()
    found = [HostService(host.name, COMPUTE, host.availability_zone)
             for host in driver.get_hosts()]
    internal = conf.CONF.internal_service_availability_zone
    found += [HostService(service.host, service.binary.removeprefix(_PREFIX),
                          internal)
              for service in driver.get_control_services()]
    return [service for service in found
            if zone is None or service.zone == zone]


def _compute_host(host_name):
    for host in backend.get_driver().get_hosts():
        if host.name == host_name:
            return host
    raise exception.HostMappingNotFound(name=host_name)


def host_resources(context, host_name):
    """The HostResources of compute host `host_name`;
    HostMappingNotFound (404) for any other name."""
    host = _compute_host(host_name)
    durations = backend.task_durations()
    now = timeutils.utcnow()
    by_project = {
        project_id: Resources(*usage) for project_id, usage in
        servers_db.get_project_usage_on_host(
            context, host_name, server_states.task_rules(durations), now,
            # A soft-deleted server is on its host until it is reclaimed.
            server_states.HOSTLESS_STATES +
            server_states.DELETED_STATES).items()}
    used_now = scheduling.node_usage(
        servers.host_usage(context).get(host_name, (0, 0, 0)))
    return HostResources(
        host_name=host_name,
        total=Resources(host.vcpus, host.memory_mb, host.disk_gb),
        used_now=Resources(*used_now),
        used_max=Resources(*(sum(getattr(usage, name)
                                 for usage in by_project.values())
                             for name in ('cpu', 'memory_mb', 'disk_gb'))),
        by_project=by_project)


def check_host_action(host_name):
    """Refuse an action on a host (enable, disable, maintenance, power):
    the driver supports none (FeatureNotSupported, 501);
    HostMappingNotFound (404) for a name that is no compute host's."""
    _compute_host(host_name)
    raise exception.FeatureNotSupported()
