"""The database connection: one enginefacade transaction context.

Query modules decorate readers with ``@context_manager.reader.connection``
(Core statements on ``context.connection``) and writers with
``@context_manager.writer`` (the ORM on ``context.session``). Unless
``configure()`` names a URL, the engine is built lazily from
``CONF.database`` when the first transaction starts. SQLite does not
create a missing directory for its file, so ``get_engine()``, which service
start reaches through ``migration.ensure_schema()``, creates it first.
"""

import os
import weakref

import orjson
from oslo_db.sqlalchemy import enginefacade
from oslo_db.sqlalchemy import engines
from oslo_log import log as logging
from sqlalchemy import engine as sa_engine
from sqlalchemy.engine import make_url
from sqlalchemy import event as sa_event
from sqlalchemy import exc as sa_exc
from sqlalchemy import pool

from nova_api import conf
from nova_api.db import wait_bounds  # noqa: F401 (bounds engines' waits)
from nova_api import exception

CONF = conf.CONF
LOG = logging.getLogger(__name__)


@engines._init_connection_args.dispatch_for('sqlite')
def _pool_sqlite_file_connections(url, engine_args, kw):
    """Keep SQLite file connections in a pool.

    oslo.db gives SQLite files a NullPool, so every transaction would open
    the file and set its pragmas anew, which is most of a small request's
    time. SQLAlchemy's own default for files, a QueuePool, is safe here:
    each connection is used by one thread at a time. A local file cannot
    drop a connection, so the ping before each checkout goes too.
    """
    if engine_args.get('poolclass') is pool.NullPool:
        engine_args['poolclass'] = pool.QueuePool
        engine_args['pool_pre_ping'] = False


@engines._init_connection_args.dispatch_for('*')
def _decode_json_with_orjson(url, engine_args, kw):
    """Decode JSON columns with orjson, several times faster than the json
    module: a list of servers decodes a few values per server."""
    engine_args['json_deserializer'] = orjson.loads


@sa_event.listens_for(sa_engine.Engine, 'begin')
def _begin_sqlite_transaction(connection):
    """Start SQLite transactions on the driver's connection directly.

    oslo.db runs SQLite connections in autocommit mode and sends BEGIN
    itself through SQLAlchemy's whole execute path, which costs more than a
    small query. Engine-level listeners run before oslo.db's; once this one
    has begun the transaction, oslo.db's sees it and does nothing.
    """
    if connection.dialect.name != 'sqlite' or 'in_transaction' in (
            connection.info):
        return
    driver_connection = connection.connection.driver_connection
    # Only where the application owns BEGIN, as on oslo.db's engines.
    if driver_connection.isolation_level is None:
        driver_connection.execute('BEGIN')
        connection.info['in_transaction'] = True


# PEP 249's classes for a database that cannot do the work now (gone,
# refusing, dropped the connection, deadlocked, locked, timed out), as
# opposed to a statement it rejects.
_UNAVAILABLE_ERRORS = (sa_exc.OperationalError, sa_exc.InterfaceError)
# SQLSTATE class 23: MariaDB reports a failed CHECK constraint as an
# OperationalError; it is the statement's fault, not the database's.
_INTEGRITY_SQLSTATE_CLASS = '23'
# Engines this module's context managers made, once made.
_service_engines = weakref.WeakSet()


@sa_event.listens_for(sa_engine.Engine, 'handle_error')
def _raise_database_unavailable(context):
    """Turn the driver's connection errors into DatabaseUnavailable.

    Engine-level listeners run before oslo.db's exception filters, which
    let most of these through as the driver's own classes. A failed
    pre-ping is left alone: SQLAlchemy then replaces the connection and
    the request goes on. So are errors while oslo.db creates the engine,
    so that its first-connection retries (max_retries) still see its own
    DBConnectionError.
    """
    if context.is_pre_ping or context.engine not in _service_engines:
        return
    if context.is_disconnect or _is_unavailable_error(context):
        # The client learns nothing internal; the log has the driver's
        # error, tagged with the request id.
        LOG.error('Database unavailable: %s', context.original_exception)
        raise exception.DatabaseUnavailable() from (
            context.sqlalchemy_exception)


def _is_unavailable_error(context):
    if not isinstance(context.sqlalchemy_exception, _UNAVAILABLE_ERRORS):
        return False
    original = context.original_exception
    # psycopg2 names it pgcode, PyMySQL sqlstate; SQLite has none.
    sqlstate = getattr(original, 'pgcode', None) or getattr(
        original, 'sqlstate', None) or ''
    return not sqlstate.startswith(_INTEGRITY_SQLSTATE_CLASS)


def new_context_manager(connection_url=None):
    """A transaction context of its own for `connection_url`.

    None means ``CONF.database.connection``, read when the first
    transaction starts.
    """
    manager = enginefacade.transaction_context()
    # SQLite ignores ON DELETE CASCADE unless foreign keys are switched on
    # for every connection.
    # No eventlet here: the sleep(0) oslo.db adds on every connection
    # checkin to let greenthreads run would only cost a system call.
    manager.configure(sqlite_fk=True, thread_checkin=False)
    manager.append_on_engine_create(_service_engines.add)
    if connection_url is not None:
        manager.configure(connection=connection_url)
    return manager


context_manager = new_context_manager()
# The URL configure() was given; None while CONF decides.
_configured_url = None


def configure(connection_url=None):
    """Use `connection_url` (None: ``CONF.database.connection``) from now on.

    Query functions keep their ``@context_manager`` decorators; only the
    factory behind them is swapped. Returns a callable that closes the new
    engine's connections and puts the previous configuration back, which is
    what a test fixture wants as its cleanup.
    """
    global _configured_url
    if connection_url is not None:
        _create_sqlite_directory(connection_url)
    previous_url = _configured_url
    new_manager = new_context_manager(connection_url)
    restore_factory = context_manager.patch_factory(new_manager)
    _configured_url = connection_url

    def restore():
        global _configured_url
        new_manager.dispose_pool()
        restore_factory()
        _configured_url = previous_url

    return restore


def reset():
    """Close the current engine; the next use configures from CONF again."""
    context_manager.dispose_pool()
    configure(None)


def get_engine():
    """The writer engine, created (with its SQLite directory) if need be."""
    if not context_manager.is_started and _configured_url is None:
        _create_sqlite_directory(CONF.database.connection)
    return context_manager.writer.get_engine()


def _create_sqlite_directory(connection_url):
    url = make_url(connection_url)
    if url.get_backend_name() != 'sqlite':
        return
    database = url.database or ''
    if database in ('', ':memory:') or database.startswith('file:'):
        return
    os.makedirs(os.path.dirname(os.path.abspath(database)), exist_ok=True)
