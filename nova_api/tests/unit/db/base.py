"""Base classes of the database tests.

A test class is written once against ``DatabaseTestCase`` (SQLite) and run
on the other backends by subclasses that mix in ``PostgreSQL`` or
``MySQL``; those skip, saying why, when the server does not answer.
"""

import testtools

from nova_api import context as nova_context
from nova_api.tests.fixtures import database


class DatabaseTestCase(testtools.TestCase):
    """A test with a fresh, migrated database and an admin context."""

    backend = 'sqlite'
    migrated = True

    def setUp(self):
        super().setUp()
        self.database = self.useFixture(
            database.Database(self.backend, migrated=self.migrated))
        self.engine = self.database.engine
        self.context = nova_context.get_admin_context()

    def user_context(self, project_id='project-a', user_id='user-a'):
        return nova_context.RequestContext(
            user_id=user_id, project_id=project_id, roles=['member'],
            overwrite=False)


class PostgreSQL:
    backend = 'postgresql'


class MySQL:
    backend = 'mysql'
