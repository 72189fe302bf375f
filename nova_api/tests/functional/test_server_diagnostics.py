"""GET /servers/{server_id}/diagnostics (api-ref "Servers Diagnostics"):
the simulated driver's counters before 2.48, Nova's standard form from
2.48, administrators' by default."""

from nova_api.tests.fixtures import compute_driver
from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers
from nova_api.virt import simulated

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:os-server-diagnostics'
NIC_KEYS = ('rx', 'rx_drop', 'rx_errors', 'rx_packets', 'tx', 'tx_drop',
            'tx_errors', 'tx_packets')
DISK_KEYS = ('errors', 'read', 'read_req', 'write', 'write_req')


class NoDiagnosticsDriver(simulated.SimulatedDriver):
    """A driver keeping the base class's answer: no diagnostics."""

    get_diagnostics = simulated.driver.ComputeDriver.get_diagnostics
    get_instance_diagnostics = (
        simulated.driver.ComputeDriver.get_instance_diagnostics)


class ServerDiagnosticsTestV2(test_servers.ServerHelpers, base.APITestCase):

    def diagnostics(self, server_id, persona='admin', version=None):
        return self.api('GET', '/servers/%s/diagnostics' % server_id,
                        persona=persona, version=version)

    def big_flavor(self):
        """A flavor of 2 vCPUs, 1024 MB, 1 GB root, 2 GB ephemeral and
        512 MB of swap."""
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': 'diag', 'ram': 1024, 'vcpus': 2, 'disk': 1,
            'OS-FLV-EXT-DATA:ephemeral': 2, 'swap': 512}})
        self.assertEqual(200, resp.status, resp)
        flavor_id = resp.json()['flavor']['id']
        self.addCleanup(self.api, 'DELETE', '/flavors/' + flavor_id)
        return flavor_id

    def test_the_drivers_counters(self):
        server_id = self.create()
        resp = self.diagnostics(server_id)
        self.assertEqual(200, resp.status, resp)
        body = resp.json()
        expected = {'cpu0_time', 'memory'}
        expected.update('vda_' + key for key in DISK_KEYS)
        expected.update('vnet1_' + key for key in NIC_KEYS)
        self.assertEqual(expected, set(body))
        self.assertEqual(512 * 1024, body['memory'])
        self.assertEqual(-1, body['vda_errors'])
        self.assertTrue(all(isinstance(value, int)
                            for value in body.values()), body)

    def test_one_counter_set_per_cpu_disk_and_interface(self):
        server_id = self.create(flavorRef=self.big_flavor())
        body = self.diagnostics(server_id).json()
        self.assertEqual({'cpu0_time', 'cpu1_time'},
                         {key for key in body if key.startswith('cpu')})
        self.assertEqual({'vda', 'vdb', 'vdc'},
                         {key.split('_')[0] for key in body
                          if key.startswith('vd')})
        self.assertEqual(1024 * 1024, body['memory'])

    def test_a_stopped_server_is_not_running(self):
        self.durations(stop=0)
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None}).status)
        self.assertFault(
            self.diagnostics(server_id), 409,
            "Cannot 'get_diagnostics' instance %s while it is in power "
            "state shutdown" % server_id)

    def test_a_paused_server_is_not_running(self):
        self.durations(pause=0)
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'pause': None}).status)
        self.assertFault(
            self.diagnostics(server_id), 409,
            "Cannot 'get_diagnostics' instance %s while it is in power "
            "state paused" % server_id)

    def test_a_building_server_is_pending(self):
        self.durations(build=test_servers.NEVER)
        server_id = self.create()
        self.assertFault(
            self.diagnostics(server_id), 409,
            "Cannot 'get_diagnostics' instance %s while it is in power "
            "state pending" % server_id)

    def test_a_server_without_a_host_is_not_ready(self):
        self.conf.config(group='simulated', hosts=['compute1:nova:1:512:1'])
        resp = self.post_server(flavorRef='2')
        server_id = resp.json()['server']['id']
        self.assertFault(self.diagnostics(server_id), 409,
                         'Instance %s is not ready' % server_id)

    def test_a_driver_without_diagnostics(self):
        server_id = self.create()
        self.useFixture(compute_driver.ComputeDriver(NoDiagnosticsDriver()))
        self.assertFault(self.diagnostics(server_id), 501,
                         'The requested functionality is not supported.')

    def test_unknown_server(self):
        self.assertFault(self.diagnostics(MISSING), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_members_are_refused(self):
        server_id = self.create()
        self.assertFault(self.diagnostics(server_id, 'member'), 403,
                         test_servers.policy_refusal(RULE))

    def test_the_server_is_found_before_the_rule(self):
        server_id = self.create()
        self.assertFault(self.diagnostics(server_id, 'other'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_the_rule_is_checked_on_the_servers_project(self):
        server_id = self.create()
        self.use_policy_file({RULE: 'project_id:%(project_id)s'})
        resp = self.diagnostics(server_id, 'member')
        self.assertEqual(200, resp.status, resp)

    def test_unknown_query_parameters_are_ignored(self):
        server_id = self.create()
        resp = self.api('GET', '/servers/%s/diagnostics?foo=1' % server_id)
        self.assertEqual(200, resp.status, resp)


class ServerDiagnosticsTestV21(base.V21, ServerDiagnosticsTestV2):

    def test_the_drivers_counters_up_to_2_47(self):
        server_id = self.create()
        resp = self.diagnostics(server_id, version='2.47')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.47')
        self.assertIn('cpu0_time', resp.json())

    def test_the_standard_form_from_2_48(self):
        server_id = self.create()
        mac = self.show(server_id, 'admin', '2.48')['addresses'][
            'private'][0]['OS-EXT-IPS-MAC:mac_addr']
        resp = self.diagnostics(server_id, version='2.48')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.48')
        body = resp.json()
        uptime = body.pop('uptime')
        self.assertIsInstance(uptime, int)
        self.assertGreaterEqual(uptime, 0)
        self.assertEqual({
            'state': 'running', 'driver': 'libvirt', 'hypervisor': 'kvm',
            'hypervisor_os': 'linux', 'config_drive': False,
            'num_cpus': 1, 'num_nics': 1, 'num_disks': 1,
            'cpu_details': [{'id': 0, 'time': 17300000000,
                             'utilisation': 15}],
            'disk_details': [{
                'errors_count': 0, 'read_bytes': 262144,
                'read_requests': 112, 'write_bytes': 5778432,
                'write_requests': 488}],
            'nic_details': [{
                'mac_address': mac, 'rx_drop': 0, 'rx_errors': 0,
                'rx_octets': 2070139, 'rx_packets': 26701, 'rx_rate': 300,
                'tx_drop': 0, 'tx_errors': 0, 'tx_octets': 140208,
                'tx_packets': 662, 'tx_rate': 600}],
            'memory_details': {'maximum': 512, 'used': 512},
        }, body)

    def test_the_standard_form_counts_the_flavors_devices(self):
        server_id = self.create(flavorRef=self.big_flavor(),
                                config_drive=True)
        body = self.diagnostics(server_id, version='latest').json()
        self.assertEqual((2, 3, 1, True, [0, 1]), (
            body['num_cpus'], body['num_disks'], body['num_nics'],
            body['config_drive'],
            [cpu['id'] for cpu in body['cpu_details']]))
        self.assertEqual({'maximum': 1024, 'used': 1024},
                         body['memory_details'])

    def test_a_stopped_server_at_2_48(self):
        self.durations(stop=0)
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None}).status)
        self.assertFault(
            self.diagnostics(server_id, version='2.48'), 409,
            "Cannot 'get_diagnostics' instance %s while it is in power "
            "state shutdown" % server_id)

    def test_unknown_query_parameters_from_2_102(self):
        server_id = self.create()
        resp = self.api('GET', '/servers/%s/diagnostics?foo=1' % server_id,
                        version='2.102')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                                    "('foo' was unexpected)")
        resp = self.api('GET', '/servers/%s/diagnostics?foo=1' % server_id,
                        version='2.101')
        self.assertEqual(200, resp.status, resp)
