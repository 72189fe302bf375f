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
                         restore_seconds=0.25, resize_seconds=4,
                         revert_resize_seconds=1.5, evacuate_seconds=5,
                         live_migration_seconds=8,
                         group='simulated')
        driver_ = simulated.SimulatedDriver()
        self.assertEqual({'build': 7.5, 'reboot': 1, 'stop': 0, 'start': 4,
                          'pause': 0.5, 'unpause': 1.5, 'suspend': 3,
                          'resume': 2.5, 'shelve': 2, 'shelve_offload': 3,
                          'unshelve': 5, 'rescue': 3, 'unrescue': 2,
                          'change_password': 0.5, 'rebuild': 6,
                          'snapshot': 6, 'soft_delete': 6, 'restore': 0.25,
                          'resize': 4, 'revert_resize': 1.5, 'evacuate': 5,
                          'live_migration': 8},
                         {task: driver_.task_seconds(task)
                          for task in driver.TASKS})
        # A task no driver knows (resize was one until it was served).
        self.assertRaises(ValueError, driver_.task_seconds, 'teleport')

    def test_negative_durations_are_refused_by_the_options(self):
        self.assertRaises(ValueError, self.conf.config, build_seconds=-1,
                          group='simulated')


class HypervisorTest(testtools.TestCase):

    def test_a_qemu_host_of_libvirts(self):
        host = driver.ComputeHost('compute2', 'nova', 4, 8192, 80)
        hypervisor = simulated.SimulatedDriver().get_hypervisor(host, 1)
        self.assertEqual(('QEMU', 8002002, '192.168.1.101'), (
            hypervisor.hypervisor_type, hypervisor.hypervisor_version,
            hypervisor.host_ip))
        self.assertEqual({'cores': 4, 'threads': 1, 'sockets': 1},
                         hypervisor.cpu_info['topology'])
        self.assertEqual('x86_64', hypervisor.cpu_info['arch'])


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

    GUEST = driver.ConsoleGuest(
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


class DiagnosticsTest(testtools.TestCase):

    def guest(self, **fields):
        values = dict(uuid='u', vcpus=2, memory_mb=1024, root_gb=0,
                      ephemeral_gb=0, swap_mb=0,
                      mac_addresses=('fa:16:3e:00:00:01',),
                      config_drive=True, uptime=42)
        values.update(fields)
        return driver.Guest(**values)

    def test_standard_diagnostics_follow_the_guest(self):
        diagnostics = simulated.SimulatedDriver().get_instance_diagnostics(
            self.guest())
        self.assertEqual(
            ('running', 'libvirt', 42, True, [0, 1], ['fa:16:3e:00:00:01'],
             1, 1024),
            (diagnostics.state, diagnostics.driver, diagnostics.uptime,
             diagnostics.config_drive,
             [cpu.id for cpu in diagnostics.cpu_details],
             [nic.mac_address for nic in diagnostics.nic_details],
             len(diagnostics.disk_details), diagnostics.memory_maximum))
        self.assertIn(diagnostics.driver, driver.DIAGNOSTICS_DRIVERS)
        self.assertIn(diagnostics.state, driver.DIAGNOSTICS_STATES)

    def test_a_disk_each_for_root_ephemeral_and_swap(self):
        diagnostics = simulated.SimulatedDriver().get_diagnostics(
            self.guest(root_gb=1, ephemeral_gb=2, swap_mb=512,
                       mac_addresses=('a', 'b')))
        self.assertEqual(
            {'cpu0_time', 'cpu1_time', 'memory', 'vda_read', 'vdb_read',
             'vdc_read', 'vnet1_rx', 'vnet2_rx'},
            {key for key in diagnostics
             if key.endswith(('_time', '_read', '_rx')) or key == 'memory'})
        self.assertEqual(1024 * 1024, diagnostics['memory'])

    def test_the_base_class_has_no_diagnostics(self):
        class Bare(driver.ComputeDriver):
            get_hosts = task_seconds = get_network = lambda self: None
        for method in (Bare().get_diagnostics,
                       Bare().get_instance_diagnostics):
            self.assertRaises(NotImplementedError, method, self.guest())
