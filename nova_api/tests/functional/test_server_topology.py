"""GET /servers/{server_id}/topology (api-ref "Show Server Topology",
2.78): the NUMA topology the server's flavor asks for, with the host
nodes and CPU pinning for administrators."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'compute:server:topology:%s'
NO_TOPOLOGY = {'nodes': [], 'pagesize_kb': None}
SAMPLE_SPECS = {
    'hw:numa_nodes': '2', 'hw:cpu_policy': 'dedicated',
    'hw:cpu_threads': '2', 'hw:mem_page_size': 'small',
    'hw:numa_cpus.0': '0-1', 'hw:numa_cpus.1': '2-3',
    'hw:numa_mem.0': '1024', 'hw:numa_mem.1': '2048'}


class ServerTopologyTestV2(test_servers.ServerHelpers, base.APITestCase):

    def test_not_served_on_v2(self):
        server_id = self.create()
        resp = self.api('GET', '/servers/%s/topology' % server_id)
        self.assertEqual(404, resp.status, resp)


class ServerTopologyTestV21(base.V21, test_servers.ServerHelpers,
                            base.APITestCase):

    def setUp(self):
        super().setUp()
        self._flavors = []

    def topology(self, server_id, persona='member', version='2.78'):
        return self.api('GET', '/servers/%s/topology' % server_id,
                        persona=persona, version=version)

    def numa_server(self, specs, vcpus=4, ram=3072):
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': 'numa-%d' % len(self._flavors), 'ram': ram,
            'vcpus': vcpus, 'disk': 1}})
        self.assertEqual(200, resp.status, resp)
        flavor_id = resp.json()['flavor']['id']
        self._flavors.append(flavor_id)
        self.addCleanup(self.api, 'DELETE', '/flavors/' + flavor_id)
        resp = self.api('POST', '/flavors/%s/os-extra_specs' % flavor_id,
                        {'extra_specs': specs}, version='2.1')
        self.assertEqual(200, resp.status, resp)
        return self.create(flavorRef=flavor_id)

    def test_a_server_without_numa_topology(self):
        server_id = self.create()
        for persona in ('member', 'admin'):
            resp = self.topology(server_id, persona)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.78')
            self.assertEqual(NO_TOPOLOGY, resp.json())

    def test_the_samples_topology_for_a_member(self):
        server_id = self.numa_server(SAMPLE_SPECS)
        resp = self.topology(server_id)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'nodes': [
            {'memory_mb': 1024, 'siblings': [[0, 1]], 'vcpu_set': [0, 1]},
            {'memory_mb': 2048, 'siblings': [[2, 3]], 'vcpu_set': [2, 3]},
        ], 'pagesize_kb': 4}, resp.json())

    def test_administrators_see_host_nodes_and_pinning(self):
        server_id = self.numa_server(SAMPLE_SPECS)
        resp = self.topology(server_id, 'admin')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'nodes': [
            {'memory_mb': 1024, 'siblings': [[0, 1]], 'vcpu_set': [0, 1],
             'host_node': 0, 'cpu_pinning': {'0': 0, '1': 1}},
            {'memory_mb': 2048, 'siblings': [[2, 3]], 'vcpu_set': [2, 3],
             'host_node': 1, 'cpu_pinning': {'2': 2, '3': 3}},
        ], 'pagesize_kb': 4}, resp.json())

    def test_an_even_split_without_pinning_or_page_size(self):
        server_id = self.numa_server({'hw:numa_nodes': '2'}, vcpus=3,
                                     ram=1025)
        resp = self.topology(server_id, 'admin')
        self.assertEqual({'nodes': [
            {'memory_mb': 513, 'siblings': [], 'vcpu_set': [0, 1],
             'host_node': 0, 'cpu_pinning': {}},
            {'memory_mb': 512, 'siblings': [], 'vcpu_set': [2],
             'host_node': 1, 'cpu_pinning': {}},
        ], 'pagesize_kb': None}, resp.json())

    def test_dedicated_cpus_or_a_page_size_make_one_node(self):
        for specs, pagesize in (({'hw:cpu_policy': 'dedicated'}, None),
                                ({'hw:mem_page_size': '2MB'}, 2048)):
            server_id = self.numa_server(specs, vcpus=2, ram=512)
            body = self.topology(server_id).json()
            self.assertEqual({'nodes': [
                {'memory_mb': 512, 'siblings': [], 'vcpu_set': [0, 1]}],
                'pagesize_kb': pagesize}, body)

    def test_the_host_rule_follows_the_policy(self):
        server_id = self.numa_server(SAMPLE_SPECS)
        self.use_policy_file({RULE % 'host:index': 'role:member'})
        node = self.topology(server_id).json()['nodes'][0]
        self.assertEqual({'0': 0, '1': 1}, node['cpu_pinning'])

    def test_not_served_before_2_78(self):
        server_id = self.create()
        resp = self.topology(server_id, version='2.77')
        self.assertEqual(404, resp.status, resp)

    def test_unknown_server(self):
        self.assertFault(self.topology(MISSING), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_is_not_found(self):
        server_id = self.create()
        self.assertFault(self.topology(server_id, 'other'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_the_index_rule(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'index': 'role:admin'})
        self.assertFault(self.topology(server_id), 403,
                         test_servers.policy_refusal(RULE % 'index'))
        self.assertEqual(200, self.topology(server_id, 'admin').status)

    def test_unknown_query_parameters(self):
        server_id = self.create()
        path = '/servers/%s/topology?foo=1' % server_id
        resp = self.api('GET', path, version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, version='2.102')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                                    "('foo' was unexpected)")
