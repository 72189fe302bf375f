"""Extra specs of the virt drivers: random number generator, video
memory, secure boot, resource quotas (libvirt and VMware) and VMware's
own."""

from nova_api.api.validation.extra_specs import keys
from nova_api.api.validation.extra_specs import values as v


def _vmware_quotas():
    specs = []
    for resource in ('cpu', 'memory', 'disk_io', 'vif'):
        specs.extend([
            keys.Spec('quota:%s_limit' % resource, v.NON_NEGATIVE),
            keys.Spec('quota:%s_reservation' % resource, v.INTEGER),
            keys.Spec('quota:%s_shares_level' % resource,
                      v.one_of('custom', 'high', 'normal', 'low')),
            keys.Spec('quota:%s_shares_share' % resource, v.NON_NEGATIVE),
        ])
    return specs


def _libvirt_quotas():
    specs = [
        keys.Spec('quota:cpu_shares', v.NON_NEGATIVE),
        keys.Spec('quota:cpu_period', v.NON_NEGATIVE),
        # Negative: no limit.
        keys.Spec('quota:cpu_quota', v.INTEGER),
    ]
    specs.extend(keys.Spec('quota:disk_%s_%s_sec' % (stat, metric),
                           v.NON_NEGATIVE)
                 for stat in ('read', 'write', 'total')
                 for metric in ('bytes', 'iops'))
    specs.extend(keys.Spec('quota:vif_%s_%s' % (direction, metric),
                           v.NON_NEGATIVE)
                 for direction in ('inbound', 'outbound')
                 for metric in ('average', 'peak', 'burst'))
    return specs


SPECS = [
    keys.Spec('hw_rng:allowed', v.BOOLEAN),
    keys.Spec('hw_rng:rate_bytes', v.NON_NEGATIVE),
    keys.Spec('hw_rng:rate_period', v.NON_NEGATIVE),
    keys.Spec('hw_video:ram_max_mb', v.NON_NEGATIVE),
    # Deprecated for hw:hide_hypervisor_id, still checked.
    keys.Spec('hide_hypervisor_id', v.BOOLEAN),
    keys.Spec('os:secure_boot', v.one_of('disabled', 'required')),
    *_vmware_quotas(),
    *_libvirt_quotas(),
    keys.Spec('vmware:hw_version', v.ANY_TEXT),
    keys.Spec('vmware:storage_policy', v.ANY_TEXT),
]
