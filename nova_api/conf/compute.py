"""Options of the compute backend: which driver, the availability zones
services are shown in, and how much of each host the scheduler gives
out."""

from oslo_config import cfg

compute_group = cfg.OptGroup('compute', title='Compute options',
                             help='The compute backend behind the API.')

compute_opts = [
    cfg.StrOpt('driver', default='simulated',
               help='The compute driver: the name of an entry point in the '
                    'nova_api.virt.drivers namespace. "simulated" (the '
                    'default) simulates the compute hosts of [simulated] '
                    'hosts. An unknown name stops the service at start.'),
]

availability_zone_opts = [
    cfg.StrOpt('default_availability_zone', default='nova',
               help='The availability zone of a compute host that no '
                    'host aggregate puts in a zone and whose [simulated] '
                    'hosts entry names none; as in Nova.'),
    cfg.StrOpt('internal_service_availability_zone', default='internal',
               help='The availability zone of the control services '
                    '(conductor, scheduler); shown only on '
                    '/os-availability-zone/detail, and no compute host '
                    'may be in it; as in Nova.'),
]

shelve_opts = [
    cfg.IntOpt('shelved_offload_time', default=0,
               help='Seconds a shelved server stays on its host before it '
                    'is offloaded (SHELVED_OFFLOADED, holding no host): 0 '
                    'offloads it as soon as it is shelved, a negative value '
                    'never (only shelveOffload does). As in Nova, where a '
                    'periodic task offloads it some time after; here it is '
                    'offloaded exactly then.'),
]

snapshot_opts = [
    cfg.ListOpt('non_inheritable_image_properties',
                default=['cache_in_nova', 'bittorrent'],
                help="Image properties of a server's image that an image "
                     'made from the server (createImage, createBackup) '
                     'does not take, besides those Nova never copies (the '
                     'image signature and encryption keys, os_glance*). '
                     'As in Nova.'),
]

reclaim_opts = [
    cfg.IntOpt('reclaim_instance_interval', default=0,
               help='Seconds a deleted server stays SOFT_DELETED (on its '
                    'host, holding its addresses, restorable with the '
                    'restore action) before it is deleted for good. 0 (the '
                    'default) or less: a delete deletes at once. As in '
                    'Nova, where a periodic task reclaims it some time '
                    'after; here it is reclaimed exactly then.'),
]

resize_opts = [
    cfg.BoolOpt('allow_resize_to_same_host', default=False,
                help='Whether a resize may keep a server on its host (a '
                     'cold migration always moves it). As in Nova.'),
    cfg.IntOpt('resize_confirm_window', default=0,
               help='Seconds a resized or cold-migrated server stays '
                    'VERIFY_RESIZE before it is confirmed by itself; 0 (the '
                    'default) or less: never. As in Nova, where a periodic '
                    'task confirms it some time after; here it is confirmed '
                    'exactly then.'),
]

# What the scheduler may give out of a host, as Nova reports a compute
# node's inventory to placement: (total - reserved) * allocation ratio.
reserved_opts = [
    cfg.IntOpt('reserved_host_disk_mb', default=0, min=0,
               help='Disk in MB kept for the host itself on every compute '
                    'host: the scheduler does not give it to servers (it '
                    'reserves it in whole GB, rounded up), and the '
                    'hypervisor shows it used (local_gb_used). As in Nova.'),
    cfg.IntOpt('reserved_host_memory_mb', default=512, min=0,
               help='Memory in MB kept for the host itself on every compute '
                    'host: the scheduler does not give it to servers, and '
                    'the hypervisor shows it used (memory_mb_used). As in '
                    'Nova.'),
    cfg.IntOpt('reserved_host_cpus', default=0, min=0,
               help='Physical CPUs kept for the host itself on every '
                    'compute host: the scheduler does not give them (times '
                    'the CPU allocation ratio) to servers, and the '
                    'hypervisor shows them used (vcpus_used). As in Nova.'),
]

allocation_ratio_opts = [
    cfg.FloatOpt('cpu_allocation_ratio', default=None, min=0.0,
                 help='Virtual CPUs the scheduler gives out per physical '
                      'CPU of a compute host. Unset or 0.0: '
                      'initial_cpu_allocation_ratio. As in Nova.'),
    cfg.FloatOpt('ram_allocation_ratio', default=None, min=0.0,
                 help='Virtual memory the scheduler gives out per MB of a '
                      "compute host's memory. Unset or 0.0: "
                      'initial_ram_allocation_ratio. As in Nova.'),
    cfg.FloatOpt('disk_allocation_ratio', default=None, min=0.0,
                 help='Virtual disk the scheduler gives out per GB of a '
                      "compute host's disk. Unset or 0.0: "
                      'initial_disk_allocation_ratio. As in Nova.'),
    cfg.FloatOpt('initial_cpu_allocation_ratio', default=4.0, min=0.0,
                 help='The CPU allocation ratio when cpu_allocation_ratio '
                      'is not set. As in Nova (where it is the ratio a new '
                      'compute node starts with).'),
    cfg.FloatOpt('initial_ram_allocation_ratio', default=1.0, min=0.0,
                 help='The memory allocation ratio when '
                      'ram_allocation_ratio is not set. As in Nova.'),
    cfg.FloatOpt('initial_disk_allocation_ratio', default=1.0, min=0.0,
                 help='The disk allocation ratio when disk_allocation_ratio '
                      'is not set. As in Nova.'),
]


def register_opts(conf):
    conf.register_group(compute_group)
    conf.register_opts(compute_opts, group=compute_group)
    conf.register_opts(availability_zone_opts)
    conf.register_opts(shelve_opts)
    conf.register_opts(snapshot_opts)
    conf.register_opts(reclaim_opts)
    conf.register_opts(resize_opts)
    conf.register_opts(reserved_opts)
    conf.register_opts(allocation_ratio_opts)


def list_opts():
    return {compute_group: compute_opts,
            'DEFAULT': (availability_zone_opts + shelve_opts + snapshot_opts +
                        reclaim_opts + resize_opts + reserved_opts +
                        allocation_ratio_opts)}
