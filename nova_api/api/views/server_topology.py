"""A server's NUMA topology as the wire shows it; the host nodes and CPU
pinning only to those the host:index rule lets see them."""


def show(topology, show_host_info):
    nodes = []
    for node in topology.nodes:
        shown = {'vcpu_set': node.vcpu_set, 'siblings': node.siblings,
                 'memory_mb': node.memory_mb}
        if show_host_info:
            shown['host_node'] = node.host_node
            shown['cpu_pinning'] = {str(vcpu): cpu for vcpu, cpu
                                    in sorted(node.cpu_pinning.items())}
        nodes.append(shown)
    return {'nodes': nodes, 'pagesize_kb': topology.pagesize_kb}
