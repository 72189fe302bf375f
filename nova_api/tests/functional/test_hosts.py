"""/os-hosts (until 2.42): the hosts of the deployment's services, what
the servers on a compute host take of it, and the driver's refusal of
host actions."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

policy_refusal = test_servers.policy_refusal
RULE = 'os_compute_api:os-hosts:%s'
NOT_SUPPORTED = 'The requested functionality is not supported.'


def not_mapped(host_name):
    return "Host '%s' is not mapped to any cell" % host_name


def resource(project, cpu, memory_mb, disk_gb, host='compute1'):
    return {'resource': {'host': host, 'project': project, 'cpu': cpu,
                         'memory_mb': memory_mb, 'disk_gb': disk_gb}}


class HostsTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.conf.config(group='simulated',
                         hosts=['compute1:nova:8:16384:160'],
                         control_services=['nova-conductor:controller',
                                           'nova-scheduler:controller'])

    def get(self, path, persona='admin', version=None):
        resp = self.api('GET', path, persona=persona, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def test_index(self):
        self.assertEqual({'hosts': [
            {'host_name': 'compute1', 'service': 'compute', 'zone': 'nova'},
            {'host_name': 'controller', 'service': 'conductor',
             'zone': 'internal'},
            {'host_name': 'controller', 'service': 'scheduler',
             'zone': 'internal'},
        ]}, self.get('/os-hosts'))

    def test_index_by_zone(self):
        self.assertEqual(['compute1'], [
            host['host_name']
            for host in self.get('/os-hosts?zone=nova')['hosts']])
        self.assertEqual({'hosts': []}, self.get('/os-hosts?zone=nowhere'))
        self.assertEqual(3, len(self.get('/os-hosts?zone=')['hosts']))

    def test_show_empty_host(self):
        # Nova's compute node counts what is reserved for the host used:
        # [DEFAULT] reserved_host_memory_mb is 512 by default.
        self.assertEqual({'host': [
            resource('(total)', 8, 16384, 160),
            resource('(used_now)', 0, 512, 0),
            resource('(used_max)', 0, 0, 0),
        ]}, self.get('/os-hosts/compute1'))

    def test_show_with_servers_by_project(self):
        self.create('member')
        self.create('member')
        self.create('other')
        body = self.get('/os-hosts/compute1')
        self.assertEqual([
            resource('(total)', 8, 16384, 160),
            resource('(used_now)', 3, 1536 + 512, 3),
            resource('(used_max)', 3, 1536, 3),
        ], body['host'][:3])
        self.assertEqual(sorted([
            resource(self.project_id('member'), 2, 1024, 2),
            resource(self.project_id('other'), 1, 512, 1),
        ], key=lambda item: item['resource']['project']), body['host'][3:])

    def test_used_now_counts_what_is_reserved_for_the_host(self):
        # The reserved disk counts in whole GB, rounded down, as Nova
        # stores it on its compute node.
        self.conf.config(reserved_host_cpus=2, reserved_host_memory_mb=1024,
                         reserved_host_disk_mb=3 * 1024 + 512)
        self.create('member')
        self.assertEqual([
            resource('(total)', 8, 16384, 160),
            resource('(used_now)', 1 + 2, 512 + 1024, 1 + 3),
            resource('(used_max)', 1, 512, 1),
        ], self.get('/os-hosts/compute1')['host'][:3])

    def test_show_unknown_and_control_hosts(self):
        for name in ('nohost', 'controller'):
            resp = self.api('GET', '/os-hosts/' + name)
            self.assertFault(resp, 404, not_mapped(name))

    def test_update_is_not_supported(self):
        for body in ({'status': 'enable'}, {'maintenance_mode': 'DISABLE'},
                     {'status': 'Disable', 'maintenance_mode': 'enable'}):
            resp = self.api('PUT', '/os-hosts/compute1', body)
            self.assertFault(resp, 501, NOT_SUPPORTED)
        resp = self.api('PUT', '/os-hosts/nohost', {'status': 'enable'})
        self.assertFault(resp, 404, not_mapped('nohost'))

    def test_power_actions_are_not_supported(self):
        for action in ('reboot', 'shutdown', 'startup'):
            resp = self.api('GET', '/os-hosts/compute1/' + action)
            self.assertFault(resp, 501, NOT_SUPPORTED)
            resp = self.api('GET', '/os-hosts/nohost/' + action)
            self.assertFault(resp, 404, not_mapped('nohost'))

    def test_for_administrators_only(self):
        for method, path, body, rule in (
                ('GET', '/os-hosts', None, 'list'),
                ('GET', '/os-hosts/compute1', None, 'show'),
                ('GET', '/os-hosts/nohost', None, 'show'),
                ('PUT', '/os-hosts/compute1', {'status': 'enable'},
                 'update'),
                ('GET', '/os-hosts/compute1/reboot', None, 'reboot'),
                ('GET', '/os-hosts/compute1/shutdown', None, 'shutdown'),
                ('GET', '/os-hosts/compute1/startup', None, 'start')):
            resp = self.api(method, path, body, persona='member')
            self.assertFault(resp, 403, policy_refusal(RULE % rule))


class HostsTestV21(base.V21, HostsTestV2):

    def test_bad_update_bodies(self):
        resp = self.api('PUT', '/os-hosts/compute1', {})
        self.assertFault(resp, 400, '{} is not valid under any of the given '
                                    'schemas')
        resp = self.api('PUT', '/os-hosts/compute1', {'status': 'on'})
        self.assertFault(resp, 400, (
            "Invalid input for field/attribute status. Value: on. 'on' is "
            "not one of ['enable', 'disable', 'Enable', 'Disable', "
            "'ENABLE', 'DISABLE']"))
        # The body is checked before the host is looked up.
        resp = self.api('PUT', '/os-hosts/nohost',
                        {'status': 'enable', 'foo': 1})
        self.assertFault(resp, 400, "Additional properties are not allowed "
                                    "('foo' was unexpected)")

    def test_served_until_2_42(self):
        self.assertIn('hosts', self.get('/os-hosts', version='2.42'))
        for method, path, body in (
                ('GET', '/os-hosts', None),
                ('GET', '/os-hosts/compute1', None),
                ('PUT', '/os-hosts/compute1', {'status': 'enable'}),
                ('GET', '/os-hosts/compute1/reboot', None)):
            resp = self.api(method, path, body, version='2.43')
            self.assertFault(resp, 404, 'The resource could not be found.')
