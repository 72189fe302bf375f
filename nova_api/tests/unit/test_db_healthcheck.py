"""The database backend of /healthcheck, registered by entry point."""

from oslo_config import cfg
from oslo_middleware.healthcheck import pluginbase
import stevedore
import testtools

from nova_api.db import healthcheck
from nova_api.tests.fixtures import database


class DatabaseHealthcheckTest(testtools.TestCase):

    def test_registered_as_database(self):
        manager = stevedore.NamedExtensionManager(
            'oslo.middleware.healthcheck', ['database'])
        self.assertIs(healthcheck.DatabaseHealthcheck,
                      manager['database'].plugin)

    def test_available_while_the_database_answers(self):
        self.useFixture(database.Database())
        result = healthcheck.DatabaseHealthcheck(cfg.CONF, {}).healthcheck(
            8774)
        self.assertIsInstance(result, pluginbase.HealthcheckResult)
        self.assertTrue(result.available)
        self.assertEqual('OK', result.reason)
