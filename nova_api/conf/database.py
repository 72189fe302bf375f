"""Database options: oslo.db's, with SQLite under state_path by default,
and the bounds on every wait for a database server."""

from oslo_config import cfg
from oslo_db import options as oslo_db_options

_DEFAULT_CONNECTION = 'sqlite:///$state_path/nova_api.sqlite'
# SQLAlchemy waits 30 s for a free pooled connection unless told.
_DEFAULT_POOL_TIMEOUT = 5

timeout_opts = [
    cfg.IntOpt('connect_timeout', default=5, min=1,
               help='Seconds to wait for a PostgreSQL or MySQL server to '
                    'accept a new connection (TCP connect, handshake and '
                    'login). A request that cannot connect in time gets a '
                    '503.'),
    cfg.IntOpt('read_timeout', default=10, min=1,
               help='Seconds to wait for a PostgreSQL or MySQL server to '
                    'answer one statement. Past it the connection is '
                    'dropped and the request gets a 503: a server that '
                    'keeps the connection open but stops answering (hung, '
                    'or behind a black-holed link) cannot hold a request '
                    'for longer. Keep it above statement_timeout.'),
    cfg.IntOpt('statement_timeout', default=8, min=0,
               help='Seconds a PostgreSQL or MySQL server may spend on one '
                    'statement, lock waits included, before it cancels '
                    'it (PostgreSQL statement_timeout and '
                    'lock_timeout, MariaDB max_statement_time, MySQL '
                    'max_execution_time for reads, InnoDB '
                    'innodb_lock_wait_timeout); the request gets a 503 '
                    'and the connection stays usable. 0 leaves the '
                    "server's own settings."),
]


def register_opts(conf):
    conf.register_opts(oslo_db_options.database_opts, group='database')
    conf.register_opts(timeout_opts, group='database')
    # Set on the options themselves, so CONF.reset() keeps the default.
    cfg.set_defaults(oslo_db_options.database_opts,
                     connection=_DEFAULT_CONNECTION,
                     pool_timeout=_DEFAULT_POOL_TIMEOUT)


def list_opts():
    return {'database': oslo_db_options.database_opts + timeout_opts}
