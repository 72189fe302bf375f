"""Where a new server runs: the scheduler of the simulated deployment.

A host can take a server when its free vcpus, memory and disk (its
capacity less what the servers already on it take) cover the flavor, as
Nova's placement allocates them with allocation ratios of 1.0. Among the
hosts that can, the one with the most free memory wins (Nova's default
RAM weigher spreads servers out), then the name, so the choice is
deterministic. Callers hold the scheduling lock (nova_api.db.servers), so
the usage they pass in is the truth until they commit.
"""

import dataclasses


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


def free_capacity(host, usage):
    used_vcpus, used_memory_mb, used_disk_gb = usage.get(host.name,
                                                         (0, 0, 0))
    return (host.vcpus - used_vcpus, host.memory_mb - used_memory_mb,
            host.disk_gb - used_disk_gb)


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
        vcpus, memory_mb, disk_gb = free_capacity(host, usage)
        if (vcpus >= requirement.vcpus and
                memory_mb >= requirement.memory_mb and
                disk_gb >= requirement.disk_gb):
            first = preference(host.name) if preference else 0
            candidates.append((first, -memory_mb, host.name, host))
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
