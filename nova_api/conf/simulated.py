"""Options of the simulated compute driver: its hosts, its control
services and how long its tasks take."""

from oslo_config import cfg

simulated_group = cfg.OptGroup(
    'simulated', title='Simulated compute driver options',
    help='The deployment the simulated driver ([compute] driver = '
         'simulated) pretends to manage.')

simulated_opts = [
    cfg.ListOpt('hosts',
                default=['compute1:nova:8:16384:160',
                         'compute2:nova:8:16384:160'],
                help='The compute hosts, each as name:zone:vcpus:ram_mb:'
                     'disk_gb. An empty zone (compute3::8:16384:160) means '
                     '[DEFAULT] default_availability_zone. The zone is the '
                     'host\'s when no host aggregate gives it one: the '
                     'availability_zone of an aggregate the host is in '
                     '(os-aggregates) takes its place. Names are '
                     'unique, vcpus and ram_mb positive, disk_gb zero or '
                     'more; an invalid entry stops the service at start.'),
    cfg.ListOpt('control_services',
                default=['nova-conductor:conductor',
                         'nova-scheduler:scheduler'],
                help='The control services, each as binary:host with '
                     'binary nova-conductor or nova-scheduler; they are '
                     'shown in [DEFAULT] internal_service_availability_zone '
                     'on /os-availability-zone/detail.'),
    cfg.StrOpt('network_name', default='private',
               help='The name of the network every server gets its '
                    'addresses on (the key of its "addresses").'),
    cfg.StrOpt('network_id', default='3b7f3c5e-0c1b-4f3a-9d55-6f0e8a2c1d40',
               help='The UUID of that network, as a server create '
                    'request names it in "networks".'),
    cfg.StrOpt('network_cidr', default='192.168.0.0/16',
               help='The IPv4 subnet servers get a fixed address from.'),
    cfg.StrOpt('network_ipv6_cidr', default='fd00:10::/64',
               help='The IPv6 subnet servers get a fixed address from; '
                    'empty for none.'),
    cfg.FloatOpt('build_seconds', default=3.0, min=0,
                 help='How long a server stays in BUILD.'),
    cfg.FloatOpt('reboot_seconds', default=2.0, min=0,
                 help='How long a reboot (soft or hard) takes.'),
    cfg.FloatOpt('stop_seconds', default=2.0, min=0,
                 help='How long stopping a server takes.'),
    cfg.FloatOpt('start_seconds', default=2.0, min=0,
                 help='How long starting a stopped server takes.'),
    cfg.FloatOpt('pause_seconds', default=1.0, min=0,
                 help='How long pausing a server takes.'),
    cfg.FloatOpt('unpause_seconds', default=1.0, min=0,
                 help='How long unpausing a paused server takes.'),
    cfg.FloatOpt('suspend_seconds', default=2.0, min=0,
                 help='How long suspending a server (saving its memory to '
                      'disk) takes.'),
    cfg.FloatOpt('resume_seconds', default=2.0, min=0,
                 help='How long resuming a suspended server takes.'),
    cfg.FloatOpt('shelve_seconds', default=3.0, min=0,
                 help='How long shelving a server takes (powering it off; '
                      'no snapshot image is made).'),
    cfg.FloatOpt('shelve_offload_seconds', default=2.0, min=0,
                 help='How long offloading a shelved server from its host '
                      'takes.'),
    cfg.FloatOpt('unshelve_seconds', default=3.0, min=0,
                 help='How long unshelving a server takes.'),
    cfg.FloatOpt('rescue_seconds', default=2.0, min=0,
                 help='How long rescuing a server (booting its rescue '
                      'image) takes.'),
    cfg.FloatOpt('unrescue_seconds', default=2.0, min=0,
                 help='How long leaving rescue mode takes.'),
    cfg.FloatOpt('change_password_seconds', default=1.0, min=0,
                 help='How long changing a server\'s admin password '
                      '(changePassword) takes.'),
    cfg.FloatOpt('rebuild_seconds', default=3.0, min=0,
                 help='How long rebuilding a server from an image takes.'),
    cfg.FloatOpt('snapshot_seconds', default=6.0, min=0,
                 help='How long a snapshot (createImage) or a backup '
                      '(createBackup) of a server takes, from its request '
                      'until its image is active. The server passes '
                      'through its task states in equal shares of it; the '
                      'image is queued until the last share (the upload), '
                      'saving during it.'),
    cfg.FloatOpt('soft_delete_seconds', default=2.0, min=0,
                 help='How long soft-deleting a server (powering it off, '
                      'with [DEFAULT] reclaim_instance_interval set) '
                      'takes.'),
    cfg.FloatOpt('restore_seconds', default=2.0, min=0,
                 help='How long restoring a soft-deleted server takes.'),
    cfg.FloatOpt('resize_seconds', default=4.0, min=0,
                 help='How long a resize or a cold migration takes, until '
                      'the server is VERIFY_RESIZE on its new host.'),
    cfg.FloatOpt('revert_resize_seconds', default=2.0, min=0,
                 help='How long reverting a resize or cold migration '
                      'takes, until the server is back on its old host.'),
    cfg.FloatOpt('evacuate_seconds', default=4.0, min=0,
                 help='How long evacuating a server takes: rebuilding it '
                      'on its new host (and powering it off, if it ends '
                      'stopped), until it is active or stopped there.'),
    cfg.FloatOpt('live_migration_seconds', default=4.0, min=0,
                 help='How long a live migration (os-migrateLive) takes, '
                      'until the server is on its new host: its migration '
                      'record is queued for the first quarter, preparing '
                      'for the second, then running until it is '
                      'completed.'),
]


def register_opts(conf):
    conf.register_group(simulated_group)
    conf.register_opts(simulated_opts, group=simulated_group)


def list_opts():
    return {simulated_group: simulated_opts}
