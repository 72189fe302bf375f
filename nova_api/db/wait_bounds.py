"""Every wait for a PostgreSQL or MySQL server is bounded.

A server that keeps its connections open but stops answering (hung, or
behind a black-holed link) would otherwise hold a request for as long as
TCP keeps the connection, past any client's patience. From
``[database]``:

- connect_timeout: the driver's own bound on connecting.
- read_timeout: PyMySQL's socket timeouts. libpq has none for a server
  that acknowledges bytes and never answers, so psycopg2 waits for its
  sockets through a wait callback that gives up in time and closes the
  connection, which SQLAlchemy then sees as a disconnect.
- statement_timeout: the server cancels a statement (lock waits too), so
  a slow statement fails while its connection stays usable.
- pool_timeout (oslo.db's): how long a request waits for a pooled
  connection; past it the pool's TimeoutError is a DatabaseUnavailable.

Each failure is a DatabaseUnavailable (see nova_api.db.api), a 503.
"""

import os
import select
import socket
import time

from oslo_db.sqlalchemy import engines
from oslo_log import log as logging
from sqlalchemy import event as sa_event
from sqlalchemy import exc as sa_exc
from sqlalchemy import pool

from nova_api import conf
from nova_api import exception

CONF = conf.CONF
LOG = logging.getLogger(__name__)

_MILLISECONDS = 1000
# psycopg2 asks one wait callback for the whole process; it reads this.
_postgresql_read_timeout = None


class BoundedQueuePool(pool.QueuePool):
    """SQLAlchemy's pool, whose checkout timeout is DatabaseUnavailable."""

    def connect(self):
        try:
            return super().connect()
        except sa_exc.TimeoutError as error:
            LOG.error('Database unavailable: %s', error)
            raise exception.DatabaseUnavailable() from error


def _use_bounded_pool(engine_args):
    engine_args['poolclass'] = BoundedQueuePool


@engines._init_connection_args.dispatch_for('postgresql')
def _bound_postgresql_waits(url, engine_args, kw):
    database = CONF.database
    _use_bounded_pool(engine_args)
    connect_args = engine_args['connect_args']
    connect_args['connect_timeout'] = database.connect_timeout
    if database.statement_timeout:
        milliseconds = database.statement_timeout * _MILLISECONDS
        connect_args['options'] = (
            '-c statement_timeout=%d -c lock_timeout=%d'
            % (milliseconds, milliseconds))
    _wait_for_psycopg2_with_a_deadline(database.read_timeout)


@engines._init_connection_args.dispatch_for('mysql')
def _bound_mysql_waits(url, engine_args, kw):
    database = CONF.database
    _use_bounded_pool(engine_args)
    engine_args['connect_args'].update(
        connect_timeout=database.connect_timeout,
        read_timeout=database.read_timeout,
        write_timeout=database.read_timeout)


@engines._init_events.dispatch_for('mysql')
def _set_mysql_statement_timeout(engine, **kw):
    seconds = CONF.database.statement_timeout
    if not seconds:
        return

    @sa_event.listens_for(engine, 'connect')
    def _set_session_timeouts(dbapi_connection, connection_record):
        mariadb = 'MariaDB' in dbapi_connection.get_server_info()
        statements = ['SET SESSION innodb_lock_wait_timeout = %d' % seconds]
        if mariadb:
            statements.append('SET SESSION max_statement_time = %d'
                              % seconds)
        else:
            statements.append('SET SESSION max_execution_time = %d'
                              % (seconds * _MILLISECONDS))
        with dbapi_connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _wait_for_psycopg2_with_a_deadline(seconds):
    global _postgresql_read_timeout
    import psycopg2.extensions

    _postgresql_read_timeout = seconds
    psycopg2.extensions.set_wait_callback(_wait_with_a_deadline)


def _wait_with_a_deadline(connection):
    """psycopg2's wait loop (its documented wait_select), with a deadline
    of read_timeout seconds for each operation (connect or statement)."""
    import psycopg2
    import psycopg2.extensions as ext

    deadline = time.monotonic() + _postgresql_read_timeout
    while True:
        state = connection.poll()
        if state == ext.POLL_OK:
            return
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            # Shut down under libpq (close() would wait for the answer),
            # so that SQLAlchemy drops the connection as disconnected
            # instead of pooling one with a statement still pending.
            _shut_down(connection.fileno())
            raise psycopg2.OperationalError(
                'no answer from the server in %s seconds'
                % _postgresql_read_timeout)
        if state == ext.POLL_READ:
            select.select([connection.fileno()], [], [], remaining)
        elif state == ext.POLL_WRITE:
            select.select([], [connection.fileno()], [], remaining)
        else:
            raise psycopg2.OperationalError('bad poll state %r' % state)


def _shut_down(fileno):
    sock = socket.socket(fileno=os.dup(fileno))
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.close()
