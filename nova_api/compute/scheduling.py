"""Where a new server runs: the scheduler of the simulated deployment.

A host can take a server when, for each of vcpus, memory and disk the
flavor asks for, what the servers already on it take plus the flavor's
stays within the host's capacity, as Nova's placement allocates them:
(total - reserved) * allocation ratio, with the reserved amounts and
ratios of the [DEFAULT] options (reserved_host_*, *_allocation_ratio, or
initial_*_allocation_ratio when those are unset). As in placement, one
server never takes more of a resource than the host has (its max_unit
is the host's total), and a flavor that asks for none of a resource (no
disk) needs none. Among the hosts that can, the one with the most free
memory wins (Nova's default RAM weigher spreads servers out), then the
name, so the choice is deterministic. Callers hold the scheduling lock
(nova_api.db.servers), so the usage they pass in is the truth until they
commit.
"""

import dataclasses
import math

from oslo_config import cfg

CONF = cfg.CONF


@dataclasses.dataclass(frozen=True)
class Requirement:
    """What a server takes on a host."""

    vcpus: int
    memory_mb: int
    disk_gb: int


def requirement_of(flavor):
    swap_gb = -(-flavor.swap // 1024)
    return Requirement(flavor.vcpus, flavor.memory_mb,
                       flavor.root_gb + flavor.ephemeral_gb + swap_gb)


def _ratio(name):
    # Nova: an explicit ratio of 0.0 counts as unset.
    return (getattr(CONF, '%s_allocation_ratio' % name) or
            getattr(CONF, 'initial_%s_allocation_ratio' % name))


def allocation_ratios():
    """The (vcpus, memory_mb, disk_gb) allocation ratios in effect."""
    return tuple(_ratio(name) for name in ('cpu', 'ram', 'disk'))


def reserved():
    """The Requirement every compute host keeps for itself, as Nova
    reports it to placement (the disk in whole GB, rounded up)."""
    return Requirement(CONF.reserved_host_cpus,
                       CONF.reserved_host_memory_mb,
                       math.ceil(CONF.reserved_host_disk_mb / 1024))


def capacity(host):
    """(vcpus, memory_mb, disk_gb) the scheduler may give out on `host`
    in all: placement's (total - reserved) * allocation ratio, in whole
    units."""
    return tuple(
        max(0, math.floor((total - kept) * ratio))
        for total, kept, ratio in zip(
            (host.vcpus, host.memory_mb, host.disk_gb),
            dataclasses.astuple(reserved()), allocation_ratios()))


def free_capacity(host, usage):
    """(vcpus, memory_mb, disk_gb) the scheduler may still give out on
    `host`, given `usage` (as choose_host takes it)."""
    used = usage.get(host.name, (0, 0, 0))
    return tuple(limit - taken for limit, taken in zip(capacity(host), used))


def _fits(host, free, requirement):
    return all(
        asked == 0 or (asked <= total and asked <= left)
        for asked, total, left in zip(
            dataclasses.astuple(requirement),
            (host.vcpus, host.memory_mb, host.disk_gb), free))


def node_usage(used):
    """(vcpus, memory_mb, disk_gb) a compute node reports in use when its
    servers take `used`: as Nova's resource tracker counts it, with what
    is reserved for the host (the disk in GB, rounded down, as Nova stores
    it)."""
    vcpus, memory_mb, disk_gb = used
    return (vcpus + CONF.reserved_host_cpus,
            memory_mb + CONF.reserved_host_memory_mb,
            disk_gb + CONF.reserved_host_disk_mb // 1024)


def choose_host(hosts, usage, requirement, zone=None, host_name=None,
                allowed=None, excluded=frozenset(), preference=None):
    """The host (driver.ComputeHost) to place a server needing
    `requirement` on, or None when none has room. `usage` is {host name:
    (vcpus, memory_mb, disk_gb)} in use; `zone` and `host_name`, when
    given, restrict the candidates, as do `allowed` (host names; None:
    any) and `excluded` (host names), a server group's policy.
    `preference`, a function of a host name (lower is better), weighs
    before the free memory: a soft server group policy."""
    candidates = []
    for host in hosts:
        if not host.up or host.name in excluded:
            continue
        if allowed is not None and host.name not in allowed:
            continue
        if zone is not None and host.availability_zone != zone:
            continue
        if host_name is not None and host.name != host_name:
            continue
        if _fits(host, free_capacity(host, usage), requirement):
            first = preference(host.name) if preference else 0
            # Nova's RAM weigher: the host's free memory, not counting the
            # allocation ratio.
            _, memory_used, _ = node_usage(usage.get(host.name, (0, 0, 0)))
            candidates.append((first, memory_used - host.memory_mb,
                               host.name, host))
    if not candidates:
        return None
    return min(candidates, key=lambda candidate: candidate[:3])[3]


def add_usage(usage, host_name, requirement):
    """`usage` with a server of `requirement` added on `host_name`."""
    vcpus, memory_mb, disk_gb = usage.get(host_name, (0, 0, 0))
    updated = dict(usage)
    updated[host_name] = (vcpus + requirement.vcpus,
                          memory_mb + requirement.memory_mb,
                          disk_gb + requirement.disk_gb)
    return updated
