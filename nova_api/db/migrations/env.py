"""Alembic environment, driven by ``nova_api.db.migration``.

``migration`` passes the connection to migrate in
``config.attributes['connection']``; without one (an ``alembic`` command run
by hand), the engine comes from ``nova_api.db.api``, that is, from
``CONF.database``.
"""

from alembic import context

from nova_api.db import api
from nova_api.db import models


def _configure_and_run(connection):
    context.configure(
        connection=connection,
        target_metadata=models.Base.metadata,
        # SQLite can only change a table by copying it; batch mode does that.
        render_as_batch=connection.dialect.name == 'sqlite',
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    connection = context.config.attributes.get('connection')
    if connection is not None:
        _configure_and_run(connection)
        return
    with api.get_engine().begin() as connection:
        _configure_and_run(connection)


if context.is_offline_mode():
    raise SystemExit('nova_api migrations need a database connection.')
run_migrations_online()
