"""The NUMA topology a flavor's extra specs ask for."""

import testtools

from nova_api.compute import server_topology


class TopologyOfTest(testtools.TestCase):

    def test_no_numa_specs_no_topology(self):
        self.assertEqual(
            ([], None),
            tuple(server_topology.topology_of(4, 2048, {'hw:foo': '1'})))

    def test_uneven_split_goes_to_the_first_nodes(self):
        topology = server_topology.topology_of(5, 1001,
                                               {'hw:numa_nodes': '3'})
        self.assertEqual(
            [([0, 1], 334), ([2, 3], 334), ([4], 333)],
            [(node.vcpu_set, node.memory_mb) for node in topology.nodes])

    def test_explicit_cpus_with_ranges_and_exclusions(self):
        topology = server_topology.topology_of(4, 1024, {
            'hw:numa_nodes': '2', 'hw:numa_cpus.0': '0-2,^1',
            'hw:numa_cpus.1': '1,3', 'hw:numa_mem.0': '256',
            'hw:numa_mem.1': '768'})
        self.assertEqual(
            [([0, 2], 256), ([1, 3], 768)],
            [(node.vcpu_set, node.memory_mb) for node in topology.nodes])

    def test_page_sizes(self):
        for value, kib in (('small', 4), ('large', 2048), ('any', 4),
                           ('2048', 2048), ('2MB', 2048), ('1GB', 1048576),
                           ('4KB', 4)):
            self.assertEqual(kib, server_topology.topology_of(
                1, 512, {'hw:mem_page_size': value}).pagesize_kb, value)

    def test_threads_group_siblings(self):
        topology = server_topology.topology_of(4, 512, {
            'hw:numa_nodes': '1', 'hw:cpu_threads': '2'})
        self.assertEqual([[0, 1], [2, 3]], topology.nodes[0].siblings)

    def test_values_no_scheduler_could_fit_give_none(self):
        for specs in ({'hw:numa_nodes': 'two'}, {'hw:numa_nodes': '0'},
                      {'hw:numa_nodes': '3'},
                      {'hw:numa_nodes': '2', 'hw:numa_cpus.0': '0',
                       'hw:numa_cpus.1': '0'},
                      {'hw:numa_nodes': '1', 'hw:numa_mem.0': '100'},
                      {'hw:numa_nodes': '1', 'hw:numa_cpus.0': 'x'},
                      {'hw:mem_page_size': '2TB'}):
            self.assertEqual(([], None), tuple(
                server_topology.topology_of(2, 512, specs)), specs)
