"""/os-hypervisors: one hypervisor per compute service of the simulated
deployment (api_samples/os-hypervisors/), at every version it changes."""

import uuid

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_metadata

FORBIDDEN = ("Policy doesn't allow os_compute_api:os-hypervisors:%s to be "
             "performed.")
CPU_INFO = {'arch': 'x86_64', 'model': 'Cascadelake-Server-noTSX',
            'vendor': 'Intel',
            'topology': {'cores': 8, 'threads': 1, 'sockets': 1},
            'features': ['pge', 'clflush', 'sse4.2', 'avx2', 'vmx']}


def _summary(id_, host, **changes):
    body = {'id': id_, 'hypervisor_hostname': host, 'state': 'up',
            'status': 'enabled'}
    body.update(changes)
    return body


def _resources(vcpus_used=0, memory_mb_used=512, local_gb_used=0,
               running_vms=0):
    # Nova counts what is reserved for the host used: [DEFAULT]
    # reserved_host_memory_mb is 512 by default.
    return {'vcpus': 8, 'memory_mb': 16384, 'local_gb': 160,
            'vcpus_used': vcpus_used, 'memory_mb_used': memory_mb_used,
            'local_gb_used': local_gb_used,
            'free_ram_mb': 16384 - memory_mb_used,
            'free_disk_gb': 160 - local_gb_used,
            'disk_available_least': 160 - local_gb_used,
            'current_workload': 0, 'running_vms': running_vms}


class HypervisorsTestV2(test_server_metadata.ServerHelpers,
                        base.APITestCase):

    version = None

    def setUp(self):
        super().setUp()
        self.skip_if_remote('depends on the configured compute hosts')

    def get(self, path, persona='admin', version=None):
        return self.api('GET', path, persona=persona,
                        version=version or self.version)

    def ok(self, path, version=None):
        resp = self.get(path, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def detail_of(self, id_, host, service_id, **resources):
        body = _summary(id_, host, hypervisor_type='QEMU',
                        hypervisor_version=8002002,
                        host_ip='192.168.1.%d' % (99 + service_id),
                        service={'id': service_id, 'host': host,
                                 'disabled_reason': None})
        body.update(_resources(**resources))
        return body

    def test_list(self):
        self.assertEqual({'hypervisors': [_summary(1, 'compute1'),
                                          _summary(2, 'compute2')]},
                         self.ok('/os-hypervisors'))

    def test_detail_and_show(self):
        compute1 = self.detail_of(1, 'compute1', 1)
        compute1['cpu_info'] = self.ok('/os-hypervisors/1')[
            'hypervisor']['cpu_info']
        self.assertEqual({'hypervisor': compute1},
                         self.ok('/os-hypervisors/1'))
        detail = self.ok('/os-hypervisors/detail')['hypervisors']
        self.assertEqual(compute1, detail[0])
        self.assertEqual(['compute1', 'compute2'],
                         [h['hypervisor_hostname'] for h in detail])

    def test_servers_count_on_their_host(self):
        self.create_server()
        shown = self.ok('/os-hypervisors/detail')['hypervisors']
        used = [h for h in shown if h['running_vms'] == 1]
        self.assertEqual(1, len(used))
        # Flavor 1: 1 vcpu, 512 MB, 1 GB; the host keeps 512 MB.
        self.assertEqual((1, 1024, 1, 15360, 159), (
            used[0]['vcpus_used'], used[0]['memory_mb_used'],
            used[0]['local_gb_used'], used[0]['free_ram_mb'],
            used[0]['free_disk_gb']))
        totals = self.ok('/os-hypervisors/statistics')
        self.assertEqual({'hypervisor_statistics': dict(
            count=2, vcpus=16, memory_mb=32768, local_gb=320, vcpus_used=1,
            memory_mb_used=1536, local_gb_used=1, free_ram_mb=31232,
            free_disk_gb=319, disk_available_least=319, current_workload=0,
            running_vms=1)}, totals)

    def test_what_is_reserved_for_the_host_shows_used(self):
        # As Nova's resource tracker: the reserved cpus and memory count
        # used, and the reserved disk in whole GB rounded down.
        self.conf.config(reserved_host_cpus=2, reserved_host_memory_mb=2048,
                         reserved_host_disk_mb=5 * 1024 + 1000)
        self.create_server()
        shown = self.ok('/os-hypervisors/detail')['hypervisors']
        self.assertEqual(
            [(8, 16384, 160, 3, 2560, 6, 13824, 154, 1),
             (8, 16384, 160, 2, 2048, 5, 14336, 155, 0)],
            sorted(((h['vcpus'], h['memory_mb'], h['local_gb'],
                     h['vcpus_used'], h['memory_mb_used'],
                     h['local_gb_used'], h['free_ram_mb'],
                     h['free_disk_gb'], h['running_vms']) for h in shown),
                   reverse=True))
        totals = self.ok('/os-hypervisors/statistics')['hypervisor_statistics']
        self.assertEqual((5, 4608, 11, 28160, 309), (
            totals['vcpus_used'], totals['memory_mb_used'],
            totals['local_gb_used'], totals['free_ram_mb'],
            totals['free_disk_gb']))

    def test_a_disabled_service_shows(self):
        self.api('PUT', '/os-services/disable-log-reason', {
            'host': 'compute2', 'binary': 'nova-compute',
            'disabled_reason': 'maintenance'}, version=self.version)
        shown = self.ok('/os-hypervisors/2')['hypervisor']
        self.assertEqual(('disabled', 'maintenance'), (
            shown['status'], shown['service']['disabled_reason']))

    def test_a_deleted_service_has_no_hypervisor(self):
        self.api('DELETE', '/os-services/2', version=self.version)
        self.assertEqual({'hypervisors': [_summary(1, 'compute1')]},
                         self.ok('/os-hypervisors'))
        self.assertFault(self.get('/os-hypervisors/2'), 404,
                         "Hypervisor with ID '2' could not be found.")

    def test_unknown_ids(self):
        for bad in ('99', 'x'):
            self.assertFault(
                self.get('/os-hypervisors/' + bad), 404,
                "Hypervisor with ID '%s' could not be found." % bad)
            self.assertFault(
                self.get('/os-hypervisors/%s/uptime' % bad), 404,
                "Hypervisor with ID '%s' could not be found." % bad)

    def test_uptime(self):
        shown = self.ok('/os-hypervisors/1/uptime')['hypervisor']
        self.assertRegex(shown.pop('uptime'),
                         r'^ \d\d:\d\d:\d\d up 0 days,  0:\d\d,  1 user,  '
                         r'load average: 0.00, 0.00, 0.00$')
        self.assertEqual(_summary(1, 'compute1'), shown)

    def test_search_and_servers(self):
        server_id = self.create_server()
        self.assertEqual({'hypervisors': [_summary(1, 'compute1'),
                                          _summary(2, 'compute2')]},
                         self.ok('/os-hypervisors/compute/search'))
        body = self.ok('/os-hypervisors/compute/servers')
        listed = [server for hypervisor in body['hypervisors']
                  for server in hypervisor.get('servers', [])]
        self.assertEqual([{'uuid': server_id, 'name': 's1'}], listed)
        for path in ('/os-hypervisors/nothing/search',
                     '/os-hypervisors/nothing/servers'):
            self.assertFault(self.get(path), 404,
                             "No hypervisor matching 'nothing' could be "
                             "found.")

    def test_a_member_is_refused(self):
        for path, rule in (('/os-hypervisors', 'list'),
                           ('/os-hypervisors/detail', 'list-detail'),
                           ('/os-hypervisors/statistics', 'statistics'),
                           ('/os-hypervisors/1', 'show'),
                           ('/os-hypervisors/1/uptime', 'uptime'),
                           ('/os-hypervisors/c/search', 'search'),
                           ('/os-hypervisors/c/servers', 'servers')):
            self.assertFault(self.get(path, 'member'), 403,
                             FORBIDDEN % rule)


class HypervisorsTestV21(base.V21, HypervisorsTestV2):

    def test_cpu_info_is_a_string_before_2_28(self):
        shown = self.ok('/os-hypervisors/1', '2.27')['hypervisor']
        self.assertIsInstance(shown['cpu_info'], str)
        self.assertEqual(CPU_INFO, self.ok('/os-hypervisors/1', '2.28')[
            'hypervisor']['cpu_info'])

    def test_paging_from_2_33(self):
        body = self.ok('/os-hypervisors?limit=1', '2.33')
        self.assertEqual([_summary(1, 'compute1')], body['hypervisors'])
        self.assertEqual('next', body['hypervisors_links'][0]['rel'])
        self.assertIn('marker=1', body['hypervisors_links'][0]['href'])
        body = self.ok('/os-hypervisors/detail?limit=1&marker=1', '2.33')
        self.assertEqual(['compute2'], [h['hypervisor_hostname']
                                        for h in body['hypervisors']])
        self.assertFault(self.get('/os-hypervisors?marker=9',
                                  version='2.33'), 400,
                         'marker [9] not found')
        # Before 2.33 limit is ignored.
        self.assertEqual(2, len(self.ok('/os-hypervisors?limit=1', '2.32')[
            'hypervisors']))

    def test_uuids_from_2_53(self):
        listed = self.ok('/os-hypervisors', '2.53')['hypervisors']
        ids = [hypervisor['id'] for hypervisor in listed]
        for id_ in ids:
            uuid.UUID(id_)
        shown = self.ok('/os-hypervisors/' + ids[0], '2.53')['hypervisor']
        uuid.UUID(shown['service']['id'])
        self.assertEqual(ids, [h['id'] for h in self.ok(
            '/os-hypervisors', '2.100')['hypervisors']])
        self.assertFault(self.get('/os-hypervisors/1', version='2.53'), 400,
                         'Invalid uuid 1')
        missing = str(uuid.uuid4())
        self.assertFault(self.get('/os-hypervisors/' + missing,
                                  version='2.53'), 404,
                         "Hypervisor with ID '%s' could not be found."
                         % missing)

    def test_pattern_and_with_servers_from_2_53(self):
        server_id = self.create_server()
        body = self.ok('/os-hypervisors?hypervisor_hostname_pattern=ute2',
                       '2.53')
        self.assertEqual(['compute2'], [h['hypervisor_hostname']
                                        for h in body['hypervisors']])
        body = self.ok('/os-hypervisors/detail?with_servers=true', '2.53')
        listed = [server for hypervisor in body['hypervisors']
                  for server in hypervisor.get('servers', [])]
        self.assertEqual([{'uuid': server_id, 'name': 's1'}], listed)
        # From 2.75 a hypervisor without servers shows an empty list.
        body = self.ok('/os-hypervisors?with_servers=1', '2.75')
        self.assertEqual([0, 1], sorted(len(h['servers'])
                                        for h in body['hypervisors']))
        self.assertFault(self.get(
            '/os-hypervisors?hypervisor_hostname_pattern=c&limit=1',
            version='2.53'), 400,
            'Paging over hypervisors with the hypervisor_hostname_pattern '
            'query parameter is not supported.')
        self.assertFault(self.get(
            '/os-hypervisors?hypervisor_hostname_pattern=zzz',
            version='2.53'), 404,
            "No hypervisor matching 'zzz' could be found.")
        self.assertFault(self.get('/os-hypervisors?foo=1', version='2.53'),
                         400, "Additional properties are not allowed "
                              "('foo' was unexpected)")

    def test_routes_gone_after_their_version(self):
        for path, last in (('/os-hypervisors/c/search', '2.52'),
                           ('/os-hypervisors/c/servers', '2.52'),
                           ('/os-hypervisors/statistics', '2.87')):
            self.assertEqual(200, self.get(path, version=last).status)
            after = '2.%d' % (int(last.split('.')[1]) + 1)
            self.assertEqual(404, self.get(path, version=after).status)

    def test_2_88_drops_the_resources_and_shows_uptime(self):
        hypervisor_id = self.ok('/os-hypervisors', '2.88')[
            'hypervisors'][0]['id']
        shown = self.ok('/os-hypervisors/' + hypervisor_id, '2.88')[
            'hypervisor']
        self.assertNotIn('vcpus', shown)
        self.assertNotIn('cpu_info', shown)
        self.assertIn(' up ', shown['uptime'])
        self.assertEqual(404, self.get(
            '/os-hypervisors/%s/uptime' % hypervisor_id,
            version='2.88').status)
