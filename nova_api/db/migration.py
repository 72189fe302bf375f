"""Bring a database to the current schema with alembic.

The alembic environment lives in ``nova_api/db/migrations`` and needs no
alembic.ini: it is configured here and given the connection to migrate.
Revisions are numbered; to start the next one from the models' changes
(against the database ``CONF.database`` names, at head)::

    from alembic import command
    from nova_api.db import migration
    command.revision(migration.alembic_config(), 'add servers',
                     autogenerate=True, rev_id='0003')
"""

import contextlib
import fcntl
import os

from alembic import command as alembic_command
from alembic import config as alembic_settings
from alembic import migration as alembic_migration
from alembic import script as alembic_script
from oslo_log import log as logging
import sqlalchemy as sa

from nova_api.db import api

LOG = logging.getLogger(__name__)

MIGRATIONS_DIR = os.path.join(os.path.dirname(__file__), 'migrations')

# Any fixed number will do: it names the advisory lock that serialises
# concurrent db_sync calls on PostgreSQL.
_POSTGRESQL_LOCK_ID = 0x6e6f7661
_MYSQL_LOCK_NAME = 'nova_api_db_sync'
_LOCK_TIMEOUT_SECONDS = 300


def alembic_config(connection=None):
    """Alembic settings for our migrations, applied to `connection`."""
    config = alembic_settings.Config()
    config.set_main_option('script_location', MIGRATIONS_DIR)
    config.attributes['connection'] = connection
    return config


def head_revision():
    """The newest revision in nova_api/db/migrations."""
    script = alembic_script.ScriptDirectory.from_config(alembic_config())
    return script.get_current_head()


def _current_revision(connection):
    context = alembic_migration.MigrationContext.configure(connection)
    return context.get_current_revision()


def db_version(engine=None):
    """The revision the database is at, or None for an empty database."""
    engine = engine or api.get_engine()
    with engine.connect() as connection:
        return _current_revision(connection)


def needs_sync(engine=None):
    """True when the database is not at the newest revision."""
    return db_version(engine) != head_revision()


def db_sync(engine=None, revision='head'):
    """Upgrade the database to `revision`; a no-op when it is there already.

    Several API processes may start at once against one empty database, so
    the upgrade runs under a lock that the database (or, for SQLite, the
    file system) holds for us.
    """
    engine = engine or api.get_engine()
    with _schema_lock(engine), engine.begin() as connection:
        before = _current_revision(connection)
        alembic_command.upgrade(alembic_config(connection), revision)
        after = _current_revision(connection)
    if before != after:
        LOG.info('Database schema upgraded from %s to %s.', before, after)


def ensure_schema(engine=None):
    """At service start: create or upgrade the schema when it is behind.

    On an empty database this creates every table and the default flavors.
    """
    if needs_sync(engine):
        db_sync(engine)


@contextlib.contextmanager
def _schema_lock(engine):
    backend = engine.dialect.name
    if backend == 'postgresql':
        with engine.connect() as connection:
            connection.execute(sa.text('SELECT pg_advisory_lock(:id)'),
                               {'id': _POSTGRESQL_LOCK_ID})
            try:
                yield
            finally:
                connection.execute(sa.text('SELECT pg_advisory_unlock(:id)'),
                                   {'id': _POSTGRESQL_LOCK_ID})
                connection.commit()
    elif backend == 'mysql':
        with engine.connect() as connection:
            acquired = connection.execute(
                sa.text('SELECT GET_LOCK(:name, :timeout)'),
                {'name': _MYSQL_LOCK_NAME,
                 'timeout': _LOCK_TIMEOUT_SECONDS}).scalar()
            if acquired != 1:
                raise RuntimeError('Another process has been upgrading the '
                                   'database schema for too long.')
            try:
                yield
            finally:
                connection.execute(sa.text('SELECT RELEASE_LOCK(:name)'),
                                   {'name': _MYSQL_LOCK_NAME})
                connection.commit()
    elif backend == 'sqlite' and engine.url.database not in (None, '',
                                                             ':memory:'):
        with open(engine.url.database + '.lock', 'a') as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)
    else:
        yield
