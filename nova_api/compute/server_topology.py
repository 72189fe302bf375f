"""A server's NUMA topology (2.78), as Nova's scheduler fits it from the
flavor the server was created with.

A flavor asks for one with ``hw:numa_nodes`` (or implicitly, with one
node, with ``hw:cpu_policy=dedicated`` or ``hw:mem_page_size``); without
those the server has none. Its vCPUs and memory are split over the nodes
(``hw:numa_cpus.N`` and ``hw:numa_mem.N`` when the flavor gives them,
else evenly, the first nodes taking what does not divide), vCPUs are
grouped as threads of ``hw:cpu_threads``, and a dedicated server's vCPU
N is pinned to host CPU N on host node N of its guest node: the same
topology on every API process.
"""

import typing

from nova_api.compute import servers

# hw:mem_page_size's names, in KiB (the simulated hosts' pages).
_PAGE_SIZE_NAMES = {'small': 4, 'any': 4, 'large': 2048}
_PAGE_SIZE_UNITS = {'KB': 1, 'K': 1, 'KIB': 1, 'MB': 1024, 'M': 1024,
                    'MIB': 1024, 'GB': 1024 * 1024, 'G': 1024 * 1024,
                    'GIB': 1024 * 1024}


class NumaNode(typing.NamedTuple):
    """A guest NUMA node: its host node, vCPUs, threads and memory."""

    host_node: int
    vcpu_set: list
    siblings: list
    memory_mb: int
    # {vCPU: host CPU}; empty unless the server's CPUs are dedicated.
    cpu_pinning: dict


class Topology(typing.NamedTuple):
    nodes: list
    # None unless the flavor asks for a page size.
    pagesize_kb: int | None


def get_topology(context, server):
    """The Topology of `server`: no nodes when it has no NUMA topology."""
    flavor = servers.embedded_flavors(context, [server])[server.uuid]
    return topology_of(flavor.vcpus, flavor.memory_mb, flavor.extra_specs)


def topology_of(vcpus, memory_mb, extra_specs):
    """The Topology a flavor of `vcpus` and `memory_mb` with
    `extra_specs` gets; one a scheduler could not fit (bad values) is
    none."""
    try:
        return _topology(vcpus, memory_mb, extra_specs)
    except ValueError:
        return Topology(nodes=[], pagesize_kb=None)


def _topology(vcpus, memory_mb, specs):
    dedicated = specs.get('hw:cpu_policy') == 'dedicated'
    page_size = specs.get('hw:mem_page_size')
    if 'hw:numa_nodes' not in specs and not dedicated and not page_size:
        return Topology(nodes=[], pagesize_kb=None)
    count = int(specs.get('hw:numa_nodes', 1))
    if not 1 <= count <= vcpus:
        raise ValueError(count)
    cpus = _split_cpus(vcpus, count, specs)
    memory = _split_memory(memory_mb, count, specs)
    threads = int(specs.get('hw:cpu_threads', 1))
    nodes = []
    for node in range(count):
        vcpu_set = cpus[node]
        nodes.append(NumaNode(
            host_node=node, vcpu_set=vcpu_set,
            siblings=_siblings(vcpu_set, threads), memory_mb=memory[node],
            cpu_pinning={cpu: cpu for cpu in vcpu_set} if dedicated else {}))
    return Topology(nodes=nodes, pagesize_kb=_page_size_kb(page_size))


def _split_cpus(vcpus, count, specs):
    if 'hw:numa_cpus.0' in specs:
        cpus = [sorted(_cpu_set(specs['hw:numa_cpus.%d' % node]))
                for node in range(count)]
        if sorted(sum(cpus, [])) != list(range(vcpus)):
            raise ValueError(cpus)
        return cpus
    sizes = _even(vcpus, count)
    starts = [sum(sizes[:node]) for node in range(count)]
    return [list(range(start, start + size))
            for start, size in zip(starts, sizes)]


def _split_memory(memory_mb, count, specs):
    if 'hw:numa_mem.0' in specs:
        memory = [int(specs['hw:numa_mem.%d' % node])
                  for node in range(count)]
        if sum(memory) != memory_mb:
            raise ValueError(memory)
        return memory
    return _even(memory_mb, count)


def _even(total, count):
    share, rest = divmod(total, count)
    return [share + (1 if node < rest else 0) for node in range(count)]


def _cpu_set(spec):
    """The CPUs of a cpuset spec such as '0-3,^2,5'."""
    included, excluded = set(), set()
    for part in spec.split(','):
        part = part.strip()
        target = excluded if part.startswith('^') else included
        part = part.lstrip('^')
        if '-' in part:
            first, last = (int(bound) for bound in part.split('-', 1))
            target.update(range(first, last + 1))
        else:
            target.add(int(part))
    return included - excluded


def _siblings(vcpu_set, threads):
    """The vCPUs of each core, when cores have several threads."""
    if threads <= 1:
        return []
    return [vcpu_set[start:start + threads]
            for start in range(0, len(vcpu_set) - threads + 1, threads)]


def _page_size_kb(value):
    if not value:
        return None
    value = value.strip().upper()
    if value.lower() in _PAGE_SIZE_NAMES:
        return _PAGE_SIZE_NAMES[value.lower()]
    number = value.rstrip('KMGIB')
    unit = value[len(number):] or 'KB'
    if unit not in _PAGE_SIZE_UNITS:
        raise ValueError(value)
    return int(number) * _PAGE_SIZE_UNITS[unit]
