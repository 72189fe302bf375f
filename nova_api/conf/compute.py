"""Options of the compute backend: which driver, and the availability
zones services are shown in."""

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


def register_opts(conf):
    conf.register_group(compute_group)
    conf.register_opts(compute_opts, group=compute_group)
    conf.register_opts(availability_zone_opts)
    conf.register_opts(shelve_opts)
    conf.register_opts(snapshot_opts)
    conf.register_opts(reclaim_opts)
    conf.register_opts(resize_opts)


def list_opts():
    return {compute_group: compute_opts,
            'DEFAULT': (availability_zone_opts + shelve_opts + snapshot_opts +
                        reclaim_opts + resize_opts)}
