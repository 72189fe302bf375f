"""The compute services and hypervisors through openstacksdk's compute
proxy, at the version it negotiates (and at 2.52, before service uuids).

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas); each test puts
back what it changed, as the tests share the deployment.
"""

import openstack
import testtools

from nova_api.tests.functional import test_real_clients as real_clients


class OpenStackSDKServicesTest(real_clients.NovaAPIServer,
                               testtools.TestCase):
    """services(), update_service, disable/enable_service,
    update_service_forced_down, hypervisors(), get_hypervisor and
    get_hypervisor_uptime."""

    def setUp(self):
        super().setUp()
        self.compute = self._connect()

    def _connect(self, version=None):
        options = {} if version is None else {
            'compute_api_version': version}
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': real_clients.TOKEN},
            compute_endpoint_override=self.endpoint, **options)
        self.addCleanup(conn.close)
        return conn.compute

    def _compute1(self, compute=None):
        return next(service for service in (compute or self.compute)
                    .services(host='compute1', binary='nova-compute'))

    def test_list_disable_enable_and_force_down(self):
        listed = {(s.binary, s.host): s for s in self.compute.services()}
        self.assertEqual(('nova', 'enabled', 'up'), (
            listed['nova-compute', 'compute1'].availability_zone,
            listed['nova-compute', 'compute1'].status,
            listed['nova-compute', 'compute1'].state))
        self.assertIn(('nova-conductor', 'conductor'), listed)
        service = self._compute1()
        self.addCleanup(self.compute.update_service, service,
                        status='enabled', forced_down=False)
        self.compute.disable_service(service, disabled_reason='maintenance')
        shown = self._compute1()
        self.assertEqual(('disabled', 'maintenance'),
                         (shown.status, shown.disabled_reason))
        self.compute.enable_service(service)
        self.assertEqual('enabled', self._compute1().status)
        self.compute.update_service_forced_down(service, forced=True)
        shown = self._compute1()
        self.assertEqual((True, 'down'), (shown.is_forced_down, shown.state))
        self.compute.update_service(service, forced_down=False)
        self.assertEqual('up', self._compute1().state)

    def test_disable_by_host_and_binary_before_2_53(self):
        compute = self._connect('2.52')
        self.addCleanup(compute.enable_service, None, host='compute1',
                        binary='nova-compute')
        compute.disable_service(None, host='compute1',
                                binary='nova-compute',
                                disabled_reason='maintenance')
        shown = self._compute1(compute)
        self.assertEqual(('disabled', 'maintenance'),
                         (shown.status, shown.disabled_reason))

    def test_hypervisors_show_and_uptime(self):
        listed = {h.name: h for h in self.compute.hypervisors(details=True)}
        self.assertEqual(['compute1', 'compute2'], sorted(listed))
        shown = self.compute.get_hypervisor(listed['compute1'].id)
        self.assertEqual(('QEMU', 'up', 'enabled', '192.168.1.100'), (
            shown.hypervisor_type, shown.state, shown.status,
            shown.host_ip))
        self.assertIn(' up ', shown.uptime)
        compute = self._connect('2.87')
        hypervisor = next(iter(compute.hypervisors()))
        self.assertIn(' up ', compute.get_hypervisor_uptime(
            hypervisor.id).uptime)
