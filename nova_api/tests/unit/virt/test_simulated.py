"""The simulated driver: hosts and control services from [simulated],
the entries it refuses, and the password its guests post."""

import base64
import datetime

from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives import serialization
from oslo_config import fixture as config_fixture
import testtools

from nova_api import conf as nova_conf
from nova_api.virt import driver
from nova_api.virt import simulated

CONF = nova_conf.CONF


class SimulatedDriverTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(CONF))

    def hosts(self, *entries):
        self.conf.config(hosts=list(entries), group='simulated')

    def test_default_hosts_and_services(self):
        driver_ = simulated.SimulatedDriver()
        self.assertEqual(
            [driver.ComputeHost('compute1', 'nova', 8, 16384, 160),
             driver.ComputeHost('compute2', 'nova', 8, 16384, 160)],
            driver_.get_hosts())
        self.assertEqual(
            [driver.ControlService('nova-conductor', 'conductor'),
             driver.ControlService('nova-scheduler', 'scheduler')],
            driver_.get_control_services())
        self.assertTrue(all(host.up and host.updated_at is None
                            for host in driver_.get_hosts()))

    def test_hosts_follow_the_config(self):
        driver_ = simulated.SimulatedDriver()
        self.hosts('big:zone-a:64:262144:2000', ' small : zone-b :1:512:0 ')
        self.assertEqual(
            [driver.ComputeHost('big', 'zone-a', 64, 262144, 2000),
             driver.ComputeHost('small', 'zone-b', 1, 512, 0)],
            driver_.get_hosts())

    def test_empty_zone_is_the_default_zone(self):
        self.conf.config(default_availability_zone='az1')
        self.hosts('h1::2:2048:20')
        self.assertEqual('az1', simulated.SimulatedDriver().get_hosts()[0]
                         .availability_zone)

    def test_no_hosts(self):
        self.hosts()
        self.assertEqual([], simulated.SimulatedDriver().get_hosts())

    def assertRefused(self, message):
        exc = self.assertRaises(simulated.InvalidSimulatedConfig,
                                simulated.SimulatedDriver)
        self.assertEqual(message, str(exc))

    def test_bad_host_entries_stop_the_start(self):
        cases = [
            ('h1:nova:8:16384',
             "[simulated] hosts: 'h1:nova:8:16384' is not "
             "name:zone:vcpus:ram_mb:disk_gb"),
            ('h1:nova:8:16384:160:1',
             "[simulated] hosts: 'h1:nova:8:16384:160:1' is not "
             "name:zone:vcpus:ram_mb:disk_gb"),
            (':nova:8:16384:160',
             "[simulated] hosts: ':nova:8:16384:160' has no host name"),
            ('h1:nova:eight:16384:160',
             "[simulated] hosts: vcpus of 'h1:nova:eight:16384:160' must be "
             "an integer of at least 1, not 'eight'"),
            ('h1:nova:0:16384:160',
             "[simulated] hosts: vcpus of 'h1:nova:0:16384:160' must be an "
             "integer of at least 1, not '0'"),
            ('h1:nova:8:0:160',
             "[simulated] hosts: ram_mb of 'h1:nova:8:0:160' must be an "
             "integer of at least 1, not '0'"),
            ('h1:nova:8:16384:-1',
             "[simulated] hosts: disk_gb of 'h1:nova:8:16384:-1' must be an "
             "integer of at least 0, not '-1'"),
            ('h1:nova:8:16384:1.5',
             "[simulated] hosts: disk_gb of 'h1:nova:8:16384:1.5' must be an "
             "integer of at least 0, not '1.5'"),
        ]
        for entry, message in cases:
            self.hosts('good:nova:1:512:1', entry)
            self.assertRefused(message)

    def test_duplicate_host_stops_the_start(self):
        self.hosts('h1:nova:8:16384:160', 'h1:other:8:16384:160')
        self.assertRefused('[simulated] hosts: host h1 is listed twice')

    def test_host_in_the_internal_zone_stops_the_start(self):
        self.hosts('h1:internal:8:16384:160')
        self.assertRefused(
            '[simulated] hosts: host h1 is in zone internal, the [DEFAULT] '
            'internal_service_availability_zone of control services')

    def test_control_services_follow_the_config(self):
        self.conf.config(control_services=['nova-scheduler:ctl1'],
                         group='simulated')
        self.assertEqual([driver.ControlService('nova-scheduler', 'ctl1')],
                         simulated.SimulatedDriver().get_control_services())

    def test_bad_control_services_stop_the_start(self):
        cases = [
            ('nova-conductor',
             "[simulated] control_services: 'nova-conductor' is not "
             "binary:host"),
            ('nova-conductor:',
             "[simulated] control_services: 'nova-conductor:' is not "
             "binary:host"),
            ('nova-conductor:a:b',
             "[simulated] control_services: 'nova-conductor:a:b' is not "
             "binary:host"),
            ('nova-compute:c1',
             "[simulated] control_services: 'nova-compute:c1' names binary "
             "'nova-compute', not one of nova-conductor, nova-scheduler"),
        ]
        for entry, message in cases:
            self.conf.config(control_services=[entry], group='simulated')
            self.assertRefused(message)
        self.conf.config(control_services=['nova-conductor:c',
                                           'nova-conductor:c'],
                         group='simulated')
        self.assertRefused(
            '[simulated] control_services: a service is listed twice')

    def test_task_seconds(self):
        self.conf.config(build_seconds=7.5, reboot_seconds=1,
                         stop_seconds=0, start_seconds=4, pause_seconds=0.5,
                         unpause_seconds=1.5, suspend_seconds=3,
                         resume_seconds=2.5, shelve_seconds=2,
                         shelve_offload_seconds=3, unshelve_seconds=5,
                         rescue_seconds=3, unrescue_seconds=2,
                         change_password_seconds=0.5, rebuild_seconds=6,
                         snapshot_seconds=6, soft_delete_seconds=6,
                         restore_seconds=0.25, group='simulated')
        driver_ = simulated.SimulatedDriver()
        self.assertEqual({'build': 7.5, 'reboot': 1, 'stop': 0, 'start': 4,
                          'pause': 0.5, 'unpause': 1.5, 'suspend': 3,
                          'resume': 2.5, 'shelve': 2, 'shelve_offload': 3,
                          'unshelve': 5, 'rescue': 3, 'unrescue': 2,
                          'change_password': 0.5, 'rebuild': 6,
                          'snapshot': 6, 'soft_delete': 6, 'restore': 0.25},
                         {task: driver_.task_seconds(task)
                          for task in driver.TASKS})
        self.assertRaises(ValueError, driver_.task_seconds, 'resize')

    def test_negative_durations_are_refused_by_the_options(self):
        self.assertRaises(ValueError, self.conf.config, build_seconds=-1,
                          group='simulated')


class GuestPasswordTest(testtools.TestCase):
    """The password the simulated guest posts, as cloud-init would."""

    def test_encrypted_with_the_servers_rsa_key(self):
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_key = key.public_key().public_bytes(
            serialization.Encoding.OpenSSH,
            serialization.PublicFormat.OpenSSH).decode()
        posted = simulated.SimulatedDriver().guest_password(public_key)
        password = key.decrypt(base64.b64decode(posted), padding.PKCS1v15())
        self.assertEqual(16, len(password))
        self.assertNotEqual(
            posted, simulated.SimulatedDriver().guest_password(public_key))

    def test_none_for_keys_it_cannot_encrypt_with(self):
        ed25519_key = ed25519.Ed25519PrivateKey.generate().public_key()
        for public_key in ('not a key', ed25519_key.public_bytes(
                serialization.Encoding.OpenSSH,
                serialization.PublicFormat.OpenSSH).decode(),
                '-----BEGIN CERTIFICATE-----\nMIIB\n'
                '-----END CERTIFICATE-----'):
            self.assertIsNone(
                simulated.SimulatedDriver().guest_password(public_key))


class ConsoleOutputTest(testtools.TestCase):

    GUEST = driver.Guest(
        uuid='6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b', name='web 1',
        hostname='web-1', booted_at=datetime.datetime(2026, 12, 4, 1, 2, 3),
        host='compute1')

    def test_a_boot_and_a_login_prompt(self):
        log = simulated.SimulatedDriver().console_output(self.GUEST)
        lines = log.split('\n')
        self.assertEqual('web-1 login: ', lines[-1])
        self.assertIn('instance-id: ' + self.GUEST.uuid, log)
        self.assertIn('at Fri, 04 Dec 2026 01:02:03 +0000', log)
        self.assertIn('web 1 (%s) on compute1' % self.GUEST.uuid, log)

    def test_the_same_guest_the_same_log(self):
        self.assertEqual(simulated.SimulatedDriver().console_output(
            self.GUEST), simulated.SimulatedDriver().console_output(
            self.GUEST))

    def test_the_base_class_prints_nothing(self):
        self.assertEqual('', driver.ComputeDriver.console_output(
            None, self.GUEST))
