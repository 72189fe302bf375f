"""Loading the driver named by [compute] driver, by entry point."""

from oslo_config import fixture as config_fixture
import testtools

from nova_api.api import app
from nova_api import conf as nova_conf
from nova_api import virt
from nova_api.virt import driver
from nova_api.virt import simulated

CONF = nova_conf.CONF


class LoadDriverTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        # Parsed, as a starting service's config is (no files).
        CONF([], project='nova_api', default_config_files=[],
             default_config_dirs=[])
        self.conf = self.useFixture(config_fixture.Config(CONF))

    def test_default_is_the_simulated_driver(self):
        loaded = virt.load_driver()
        self.assertIsInstance(loaded, simulated.SimulatedDriver)
        self.assertIsInstance(loaded, driver.ComputeDriver)

    def test_unknown_driver_fails_clearly(self):
        self.conf.config(driver='no-such-driver', group='compute')
        exc = self.assertRaises(virt.DriverNotFound, virt.load_driver)
        self.assertEqual(
            "[compute] driver: no compute driver 'no-such-driver' is "
            'installed (entry points in nova_api.virt.drivers: simulated)',
            str(exc))

    def test_unknown_driver_stops_the_api_from_starting(self):
        self.conf.config(driver='no-such-driver', group='compute')
        exc = self.assertRaises(virt.DriverNotFound, app.load_app,
                                check_schema=False)
        self.assertIn("no compute driver 'no-such-driver'", str(exc))

    def test_bad_hosts_stop_the_api_from_starting(self):
        self.conf.config(hosts=['h1:nova:8'], group='simulated')
        exc = self.assertRaises(simulated.InvalidSimulatedConfig,
                                app.load_app, check_schema=False)
        self.assertEqual("[simulated] hosts: 'h1:nova:8' is not "
                         'name:zone:vcpus:ram_mb:disk_gb', str(exc))
