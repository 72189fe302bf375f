"""Where nova_api keeps its state."""

import os

from oslo_config import cfg

path_opts = [
    cfg.StrOpt('state_path',
               default=os.path.join(os.path.expanduser('~'), '.nova_api'),
               sample_default='$HOME/.nova_api',
               help='Directory where nova_api keeps its state: the default '
                    'SQLite database lives here.'),
]


def register_opts(conf):
    conf.register_opts(path_opts)


def list_opts():
    return {'DEFAULT': path_opts}
