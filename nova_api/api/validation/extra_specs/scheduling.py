"""Extra specs the scheduler reads: resources, traits, aggregate and
host capability filters, request groups, accelerators and PCI aliases.

The standard resource classes and traits are those of the os-resource-
classes and os-traits libraries, as in Nova.
"""

import os_resource_classes
import os_traits

from nova_api.api.validation.extra_specs import keys
from nova_api.api.validation.extra_specs import values as v

_GROUP = {'group': keys.GROUP}
_REQUIRED_OR_FORBIDDEN = v.one_of('required', 'forbidden')

# What a host's compute node and host state expose to the
# ComputeCapabilitiesFilter: plain values, and nested ones that a
# ":key:key" path may follow.
_CAPABILITIES = (
    'id', 'uuid', 'service_id', 'host', 'vcpus', 'memory_mb', 'local_gb',
    'vcpus_used', 'memory_mb_used', 'local_gb_used', 'hypervisor_type',
    'hypervisor_version', 'hypervisor_hostname', 'free_ram_mb',
    'free_disk_gb', 'current_workload', 'running_vms',
    'disk_available_least', 'host_ip', 'mapped', 'cpu_allocation_ratio',
    'ram_allocation_ratio', 'disk_allocation_ratio', 'total_usable_ram_mb',
    'total_usable_disk_gb', 'disk_mb_used', 'free_disk_mb', 'vcpus_total',
    'num_instances', 'num_io_ops', 'failed_builds', 'aggregates',
    'cell_uuid', 'updated',
)
_NESTED_CAPABILITIES = (
    'cpu_info', 'metrics', 'stats', 'numa_topology', 'supported_hv_specs',
    'pci_device_pools', 'nodename', 'pci_stats', 'supported_instances',
    'limits', 'instances',
)


def _resources():
    specs = [keys.Spec('resources{group}:%s' % resource_class, v.INTEGER,
                       _GROUP)
             for resource_class in os_resource_classes.STANDARDS]
    specs.append(keys.Spec('resources{group}:CUSTOM_{resource}', v.INTEGER,
                           dict(_GROUP, resource=r'[A-Z0-9_]+')))
    return specs


def _traits():
    specs = [keys.Spec('trait{group}:%s' % trait, _REQUIRED_OR_FORBIDDEN,
                       _GROUP)
             for trait in os_traits.get_traits()]
    specs.append(keys.Spec('trait{group}:CUSTOM_{trait}',
                           _REQUIRED_OR_FORBIDDEN,
                           dict(_GROUP, trait=r'[A-Z0-9_]+')))
    return specs


def _capabilities():
    specs = [keys.Spec('capabilities:%s' % name, v.ANY_TEXT)
             for name in _CAPABILITIES]
    specs.extend(keys.Spec('capabilities:%s{filter}' % name, v.ANY_TEXT,
                           {'filter': r'(:\w+)*'})
                 for name in _NESTED_CAPABILITIES)
    return specs


SPECS = [
    keys.Spec('accel:device_profile', v.ANY_TEXT),
    # Any operator (=, s==, <in> ...) or value may follow.
    keys.Spec('aggregate_instance_extra_specs:{key}', v.ANY_TEXT,
              {'key': r'.+'}),
    *_capabilities(),
    keys.Spec('group_policy', v.one_of('isolate', 'none')),
    # "$alias:$count[, ...]"
    keys.Spec('pci_passthrough:alias',
              v.matching(r'[^:]+:\d+(?:\s*,\s*[^:]+:\d+)*')),
    *_resources(),
    *_traits(),
]
