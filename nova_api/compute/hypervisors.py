"""Hypervisors (Nova's compute nodes): one per compute service, its host's
physical capacity, what the servers on it and the host itself (the
[DEFAULT] reserved_host_* options) use, and what the driver says of the
hypervisor. A hypervisor's integer id is its service's; its uuid is
derived from its host's name, so both stay the same.

The simulated host booted when its service was first recorded: that is
where its uptime counts from.
"""

import dataclasses
import uuid as uuid_lib

from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.compute import backend
from nova_api.compute import scheduling
from nova_api.compute import servers
from nova_api.compute import services
from nova_api import exception

_UUID_NAMESPACE = uuid_lib.UUID('2d7f6c0e-93a5-4f1b-8e4a-5c3b9d1e7a60')


@dataclasses.dataclass(frozen=True)
class Hypervisor:
    id: int
    uuid: str
    hostname: str
    service: services.Service
    facts: object
    vcpus: int
    memory_mb: int
    local_gb: int
    vcpus_used: int
    memory_mb_used: int
    local_gb_used: int
    # [(uuid, name)] of the servers on it, oldest first.
    servers: list

    @property
    def free_ram_mb(self):
        return self.memory_mb - self.memory_mb_used

    @property
    def free_disk_gb(self):
        return self.local_gb - self.local_gb_used


def hypervisor_uuid(host_name):
    """The uuid of the hypervisor of host `host_name`."""
    return str(uuid_lib.uuid5(_UUID_NAMESPACE, host_name))


def list_hypervisors(context):
    """The hypervisors of the compute services, by id."""
    driver = backend.get_driver()
    index_of = {host.name: index
                for index, host in enumerate(driver.get_hosts())}
    usage = servers.host_usage(context)
    on_host = servers.servers_by_host(context)
    found = []
    for service in services.compute_services(context):
        host = service.compute_host
        # As Nova's resource tracker reports a node: what is reserved for
        # the host counts as used.
        vcpus, memory_mb, disk_gb = scheduling.node_usage(
            usage.get(host.name, (0, 0, 0)))
        found.append(Hypervisor(
            id=service.id,
            uuid=hypervisor_uuid(host.name),
            hostname=host.name, service=service,
            facts=driver.get_hypervisor(host, index_of[host.name]),
            vcpus=host.vcpus, memory_mb=host.memory_mb,
            local_gb=host.disk_gb, vcpus_used=vcpus,
            memory_mb_used=memory_mb, local_gb_used=disk_gb,
            servers=on_host.get(host.name, [])))
    return found


def _identifier(hypervisor, by_uuid):
    return hypervisor.uuid if by_uuid else str(hypervisor.id)


def get_hypervisor(context, hypervisor_id, by_uuid):
    """The hypervisor of id (`by_uuid`: uuid) `hypervisor_id`, checked as
    Nova checks it: 400 for a bad uuid, 404 for a bad integer or none."""
    if by_uuid and not uuidutils.is_uuid_like(hypervisor_id):
        raise exception.Invalid('Invalid uuid %s' % hypervisor_id)
    for hypervisor in list_hypervisors(context):
        if _identifier(hypervisor, by_uuid) == str(hypervisor_id):
            return hypervisor
    raise exception.HypervisorNotFound(hypervisor_id=hypervisor_id)


def page(context, limit, marker, by_uuid):
    """A page of the hypervisors after `marker` (an id; None: from the
    first), at most `limit` (None: all)."""
    found = list_hypervisors(context)
    if marker is not None:
        ids = [_identifier(hypervisor, by_uuid) for hypervisor in found]
        if marker not in ids:
            raise exception.Invalid('marker [%s] not found' % marker)
        found = found[ids.index(marker) + 1:]
    return found if limit is None else found[:limit]


def search(context, pattern):
    """The hypervisors whose host name contains `pattern` (as Nova's SQL
    LIKE '%pattern%'); 404 if none does."""
    found = [hypervisor for hypervisor in list_hypervisors(context)
             if pattern.lower() in hypervisor.hostname.lower()]
    if not found:
        raise exception.HypervisorPatternNotFound(pattern=pattern)
    return found


def statistics(hypervisors):
    """The totals of `hypervisors`, as Nova's compute node statistics."""
    totals = dict.fromkeys(
        ('vcpus', 'memory_mb', 'local_gb', 'vcpus_used', 'memory_mb_used',
         'local_gb_used', 'free_ram_mb', 'free_disk_gb'), 0)
    for hypervisor in hypervisors:
        for name in totals:
            totals[name] += getattr(hypervisor, name)
    totals.update(
        count=len(hypervisors), current_workload=0,
        running_vms=sum(len(h.servers) for h in hypervisors),
        disk_available_least=totals['free_disk_gb'])
    return totals


def uptime(hypervisor):
    """What `uptime` prints on the hypervisor's host now (its boot: when
    its service was first recorded), or None if it does not answer."""
    if not hypervisor.service.reports:
        return None
    now = timeutils.utcnow()
    minutes = int((now - hypervisor.service.created_at).total_seconds()
                  // 60)
    days, minutes = divmod(minutes, 24 * 60)
    since = '%d days, %2d:%02d' % (days, minutes // 60, minutes % 60)
    if days == 1:
        since = since.replace('days', 'day')
    return (' %s up %s,  1 user,  load average: 0.00, 0.00, 0.00'
            % (now.strftime('%H:%M:%S'), since))


def check_answers(hypervisor):
    """ComputeServiceUnavailable if the hypervisor's host does not answer
    (what Nova's call to its compute service meets)."""
    if not hypervisor.service.reports:
        raise exception.ComputeServiceUnavailable(
            host=hypervisor.service.host)
