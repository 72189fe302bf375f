"""The hw: namespace (guest hardware, libvirt mostly), as Nova 34 knows
it."""

from nova_api.api.validation.extra_specs import keys
from nova_api.api.validation.extra_specs import values as v

# A CPU set: "0-3,^2,5".
_CPU_SET = r'\^?\d+((-\d+)?(,\^?\d+(-\d+)?)?)*'
_NODE = {'num': r'\d+'}

SPECS = [
    # realtime
    keys.Spec('hw:cpu_realtime', v.BOOLEAN),
    keys.Spec('hw:cpu_realtime_mask',
              v.matching(r'(\^)?\d+((-\d+)?(,\^?\d+(-\d+)?)?)*')),
    keys.Spec('hw:hide_hypervisor_id', v.BOOLEAN),
    # CPU policies
    keys.Spec('hw:cpu_policy', v.one_of('dedicated', 'shared', 'mixed')),
    keys.Spec('hw:cpu_thread_policy',
              v.one_of('prefer', 'isolate', 'require')),
    keys.Spec('hw:emulator_threads_policy', v.one_of('isolate', 'share')),
    keys.Spec('hw:cpu_dedicated_mask', v.matching(_CPU_SET)),
    # memory pages
    keys.Spec('hw:mem_page_size',
              v.matching(r'(large|small|any|\d+([kKMGT]i?)?(b|bit|B)?)')),
    keys.Spec('hw:locked_memory', v.BOOLEAN),
    # NUMA
    keys.Spec('hw:numa_nodes', v.POSITIVE),
    keys.Spec('hw:numa_cpus.{num}', v.matching(_CPU_SET), _NODE),
    keys.Spec('hw:numa_mem.{num}', v.POSITIVE, _NODE),
    keys.Spec('hw:pci_numa_affinity_policy',
              v.one_of('required', 'preferred', 'legacy', 'socket')),
    # CPU topology
    keys.Spec('hw:cpu_sockets', v.POSITIVE),
    keys.Spec('hw:cpu_cores', v.POSITIVE),
    keys.Spec('hw:cpu_threads', v.POSITIVE),
    keys.Spec('hw:cpu_max_sockets', v.POSITIVE),
    keys.Spec('hw:cpu_max_cores', v.POSITIVE),
    keys.Spec('hw:cpu_max_threads', v.POSITIVE),
    # devices and features
    keys.Spec('hw:boot_menu', v.BOOLEAN),
    keys.Spec('hw:vif_multiqueue_enabled', v.BOOLEAN),
    keys.Spec('hw:mem_encryption', v.BOOLEAN),
    keys.Spec('hw:mem_encryption_model',
              v.one_of('amd-sev', 'amd-sev-es', 'amd-sev-snp', 'intel-tdx')),
    keys.Spec('hw:pmem', v.matching('([a-zA-Z0-9_]+(,)?)+')),
    keys.Spec('hw:pmu', v.BOOLEAN),
    keys.Spec('hw:serial_port_count', v.NON_NEGATIVE),
    keys.Spec('hw:tpm_model', v.one_of('tpm-tis', 'tpm-crb')),
    keys.Spec('hw:tpm_version', v.one_of('1.2', '2.0')),
    keys.Spec('hw:tpm_secret_security',
              v.one_of('user', 'host', 'deployment')),
    keys.Spec('hw:watchdog_action',
              v.one_of('none', 'pause', 'poweroff', 'reset', 'disabled')),
    keys.Spec('hw:viommu_model',
              v.one_of('intel', 'smmuv3', 'virtio', 'auto')),
    keys.Spec('hw:virtio_packed_ring', v.BOOLEAN),
    keys.Spec('hw:sound_model',
              v.one_of('sb16', 'es1370', 'pcspk', 'ac97', 'ich6', 'ich9',
                       'usb', 'virtio')),
    keys.Spec('hw:usb_model', v.one_of('none', 'nec-xhci', 'qemu-xhci')),
    keys.Spec('hw:redirected_usb_ports', v.Integer(minimum=0, maximum=15)),
    # ephemeral storage encryption
    keys.Spec('hw:ephemeral_encryption', v.BOOLEAN),
    keys.Spec('hw:ephemeral_encryption_format',
              v.one_of('plain', 'luks', 'luksv2')),
]
