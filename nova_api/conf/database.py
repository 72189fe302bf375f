"""Database options: oslo.db's, with SQLite under state_path by default."""

from oslo_config import cfg
from oslo_db import options as oslo_db_options

_DEFAULT_CONNECTION = 'sqlite:///$state_path/nova_api.sqlite'


def register_opts(conf):
    conf.register_opts(oslo_db_options.database_opts, group='database')
    # Set on the options themselves, so CONF.reset() keeps the default.
    cfg.set_defaults(oslo_db_options.database_opts,
                     connection=_DEFAULT_CONNECTION)


def list_opts():
    return {'database': oslo_db_options.database_opts}
