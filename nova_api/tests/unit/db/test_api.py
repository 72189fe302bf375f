"""Where nova_api.db.api gets its engine from."""

import os

import fixtures
from oslo_config import fixture as config_fixture
import sqlalchemy as sa
import testtools

from nova_api import conf
from nova_api.conf import database as database_conf
from nova_api.db import api
from nova_api.db import migration
from nova_api.tests.fixtures import database


class ConfigurationTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        # nova_api.conf.database sets its default with set_default(), which
        # any earlier Config fixture's CONF.reset() has dropped.
        database_conf.register_opts(conf.CONF)
        self.state_path = os.path.join(
            self.useFixture(fixtures.TempDir()).path, 'state', 'nova_api')
        self.conf.config(state_path=self.state_path)
        # Whatever a test configures, the next test gets the old engine.
        self.addCleanup(api.configure(None))

    def test_default_url_is_sqlite_under_state_path(self):
        engine = api.get_engine()

        self.assertEqual(os.path.join(self.state_path, 'nova_api.sqlite'),
                         engine.url.database)
        self.assertTrue(os.path.isdir(self.state_path))

    def test_configure_and_restore(self):
        path = os.path.join(self.state_path, 'other.sqlite')
        restore = api.configure('sqlite:///' + path)
        configured = api.get_engine()

        self.assertEqual(path, configured.url.database)
        self.assertTrue(os.path.isdir(self.state_path))
        restore()
        self.assertEqual(os.path.join(self.state_path, 'nova_api.sqlite'),
                         api.get_engine().url.database)

    def test_reset_reads_conf_again(self):
        api.configure('sqlite://')

        api.reset()

        self.assertEqual(os.path.join(self.state_path, 'nova_api.sqlite'),
                         api.get_engine().url.database)

    def test_ensure_schema_on_first_start(self):
        migration.ensure_schema()

        self.assertEqual(migration.head_revision(), migration.db_version())

    def test_sqlite_enforces_foreign_keys(self):
        fixture = self.useFixture(database.Database())

        with fixture.engine.connect() as connection:
            self.assertEqual(
                1, connection.scalar(sa.text('PRAGMA foreign_keys')))
