"""The scheduler of the simulated deployment: what a flavor takes on a
host, which host a server goes to, and the usage it adds."""

import types

import testtools

from nova_api.compute import scheduling
from nova_api.virt import driver

SMALL = scheduling.Requirement(vcpus=1, memory_mb=2048, disk_gb=20)


def _host(name, vcpus=8, memory_mb=16384, disk_gb=160, zone='nova',
          up=True):
    return driver.ComputeHost(name=name, availability_zone=zone,
                              vcpus=vcpus, memory_mb=memory_mb,
                              disk_gb=disk_gb, up=up)


def _flavor(vcpus=1, memory_mb=2048, root_gb=20, ephemeral_gb=0, swap=0):
    return types.SimpleNamespace(vcpus=vcpus, memory_mb=memory_mb,
                                 root_gb=root_gb, ephemeral_gb=ephemeral_gb,
                                 swap=swap)


def _chosen(hosts, usage=None, requirement=SMALL, **restrictions):
    """The name of the host choose_host picks; None when none."""
    host = scheduling.choose_host(hosts, usage or {}, requirement,
                                  **restrictions)
    return None if host is None else host.name


class RequirementTest(testtools.TestCase):

    def test_disk_is_root_ephemeral_and_swap(self):
        self.assertEqual(
            scheduling.Requirement(vcpus=2, memory_mb=4096, disk_gb=46),
            scheduling.requirement_of(_flavor(
                vcpus=2, memory_mb=4096, root_gb=40, ephemeral_gb=5,
                swap=1024)))

    def test_swap_takes_whole_gigabytes(self):
        for swap_mb, swap_gb in ((0, 0), (1, 1), (512, 1), (1024, 1),
                                 (1025, 2), (2048, 2), (2049, 3)):
            requirement = scheduling.requirement_of(
                _flavor(root_gb=1, swap=swap_mb))
            self.assertEqual(1 + swap_gb, requirement.disk_gb, swap_mb)


class ChooseHostTest(testtools.TestCase):

    def test_most_free_memory_wins(self):
        hosts = [_host('a', memory_mb=16384), _host('b', memory_mb=8192)]
        self.assertEqual('a', _chosen(hosts))
        # What is in use counts, not the size of the host.
        self.assertEqual('b', _chosen(hosts, {'a': (1, 10240, 20)}))

    def test_free_vcpus_and_disk_do_not_weigh(self):
        hosts = [_host('a', vcpus=64, disk_gb=1000, memory_mb=8192),
                 _host('b', vcpus=2, disk_gb=20, memory_mb=8193)]
        self.assertEqual('b', _chosen(hosts))

    def test_a_tie_goes_to_the_first_name(self):
        hosts = [_host('c'), _host('b'), _host('d')]
        self.assertEqual('b', _chosen(hosts))
        self.assertEqual('c', _chosen(hosts, {'b': (1, 2048, 20)}))

    def test_no_hosts(self):
        self.assertIsNone(_chosen([]))

    def test_zone_restricts_the_candidates(self):
        hosts = [_host('a', zone='nova', memory_mb=32768),
                 _host('b', zone='east'), _host('c', zone='east',
                                                 memory_mb=4096)]
        self.assertEqual('a', _chosen(hosts))
        self.assertEqual('b', _chosen(hosts, zone='east'))
        self.assertIsNone(_chosen(hosts, zone='west'))
        # A full zone does not spill over to another.
        self.assertIsNone(_chosen(
            hosts, {'b': (8, 16384, 160), 'c': (8, 4096, 160)},
            zone='east'))

    def test_host_restricts_the_candidates(self):
        hosts = [_host('a', memory_mb=32768), _host('b')]
        self.assertEqual('b', _chosen(hosts, host_name='b'))
        self.assertIsNone(_chosen(hosts, host_name='nowhere'))
        # A full host does not spill over to another.
        self.assertIsNone(_chosen(hosts, {'b': (8, 0, 0)}, host_name='b'))

    def test_zone_and_host_both_apply(self):
        hosts = [_host('a', zone='nova'), _host('b', zone='east')]
        self.assertEqual('b', _chosen(hosts, zone='east', host_name='b'))
        self.assertIsNone(_chosen(hosts, zone='east', host_name='a'))

    def test_hosts_down_are_skipped(self):
        hosts = [_host('a', memory_mb=32768, up=False), _host('b')]
        self.assertEqual('b', _chosen(hosts))
        self.assertIsNone(_chosen(hosts, host_name='a'))
        self.assertIsNone(_chosen([_host('a', up=False)]))

    def test_each_resource_limits(self):
        exact = dict(vcpus=1, memory_mb=2048, disk_gb=20)
        self.assertEqual('a', _chosen([_host('a', **exact)]))
        for resource in exact:
            short = dict(exact, **{resource: exact[resource] - 1})
            self.assertIsNone(_chosen([_host('a', **short)]), resource)

    def test_each_resource_in_use_limits(self):
        host = _host('a', vcpus=4, memory_mb=8192, disk_gb=80)
        self.assertEqual('a', _chosen([host], {'a': (3, 6144, 60)}))
        for used in ((4, 0, 0), (0, 6145, 0), (0, 0, 61)):
            self.assertIsNone(_chosen([host], {'a': used}), used)

    def test_swap_rounded_up_decides(self):
        # 20 GB of root disk and 1 MB of swap need 21 GB.
        requirement = scheduling.requirement_of(_flavor(swap=1))
        self.assertIsNone(_chosen([_host('a', disk_gb=20)],
                                  requirement=requirement))
        self.assertEqual('a', _chosen([_host('a', disk_gb=21)],
                                      requirement=requirement))

    def test_usage_of_other_hosts_is_ignored(self):
        self.assertEqual('a', _chosen([_host('a', vcpus=1)],
                                      {'elsewhere': (100, 100000, 1000)}))


class AddUsageTest(testtools.TestCase):

    def test_adds_to_what_the_host_uses(self):
        usage = {'a': (1, 512, 1), 'b': (2, 1024, 10)}
        self.assertEqual(
            {'a': (2, 2560, 21), 'b': (2, 1024, 10)},
            scheduling.add_usage(usage, 'a', SMALL))

    def test_a_host_without_usage_starts_from_nothing(self):
        self.assertEqual({'a': (1, 2048, 20)},
                         scheduling.add_usage({}, 'a', SMALL))

    def test_the_usage_given_is_not_changed(self):
        usage = {'a': (1, 512, 1)}
        scheduling.add_usage(usage, 'a', SMALL)
        scheduling.add_usage(usage, 'b', SMALL)
        self.assertEqual({'a': (1, 512, 1)}, usage)

    def test_servers_added_fill_a_host(self):
        host = _host('a', vcpus=3, memory_mb=6144, disk_gb=60)
        usage = {}
        placed = 0
        while scheduling.choose_host([host], usage, SMALL) is not None:
            usage = scheduling.add_usage(usage, 'a', SMALL)
            placed += 1
        self.assertEqual(3, placed)
        self.assertEqual((0, 0, 0), scheduling.free_capacity(host, usage))
