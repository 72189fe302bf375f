"""The [quota] options: default limits of every project and user.

A limit of -1 means unlimited. These are the bottom of the chain an
effective limit comes from: these defaults, overridden by the 'default'
quota class, by the project's quotas, and by the quotas of a user in it.
"""

from oslo_config import cfg

DEFAULT_KEY_PAIRS = 100

quota_group = cfg.OptGroup('quota', title='Quota options',
                           help='Default quota limits; -1 is unlimited.')

quota_opts = [
    cfg.IntOpt('instances', min=-1, default=10,
               help='Servers a project may have.'),
    cfg.IntOpt('cores', min=-1, default=20,
               help='Virtual CPUs the servers of a project may have.'),
    cfg.IntOpt('ram', min=-1, default=50 * 1024,
               help='Megabytes of RAM the servers of a project may have.'),
    cfg.IntOpt('metadata_items', min=-1, default=128,
               help='Metadata items a server (or an image) may have.'),
    cfg.IntOpt('injected_files', min=-1, default=5,
               help='Files injected into a server at boot (personality).'),
    cfg.IntOpt('injected_file_content_bytes', min=-1, default=10 * 1024,
               help='Bytes of one injected file.'),
    cfg.IntOpt('injected_file_path_length', min=-1, default=255,
               help='Characters of the path of an injected file.'),
    cfg.IntOpt('key_pairs', min=-1, default=DEFAULT_KEY_PAIRS,
               help='Key pairs a user may have.'),
    cfg.IntOpt('server_groups', min=-1, default=10,
               help='Server groups a project may have.'),
    cfg.IntOpt('server_group_members', min=-1, default=10,
               help='Servers a server group may hold, per user.'),
]


def register_opts(conf):
    conf.register_group(quota_group)
    conf.register_opts(quota_opts, group=quota_group)


def list_opts():
    return {quota_group: quota_opts}
