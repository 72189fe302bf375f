"""The scheduler of the simulated deployment: what a flavor takes on a
host, which host a server goes to, and the usage it adds."""

import types

import testtools

from nova_api.compute import scheduling
from nova_api.compute import server_groups
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

    def test_preference_weighs_before_free_memory(self):
        hosts = [_host('a', memory_mb=32768), _host('b'), _host('c')]
        prefer_c = {'a': 1, 'b': 1, 'c': 0}.get
        self.assertEqual('c', _chosen(hosts, preference=prefer_c))
        # Among equally preferred hosts, the free memory decides.
        self.assertEqual('a', _chosen(hosts, preference=lambda name: 0))
        # A preferred host without room is passed over.
        self.assertEqual('a', _chosen(hosts, {'c': (8, 0, 0)},
                                      preference=prefer_c))


def _placement(policy, member_counts, max_per_host=1):
    return server_groups.GroupPlacement(policy, max_per_host,
                                        dict(member_counts))


def _placed(placement, hosts, count):
    """The hosts `count` servers of the group go to, one by one."""
    usage = {}
    chosen = []
    for _ in range(count):
        host = scheduling.choose_host(
            hosts, usage, SMALL, allowed=placement.allowed(),
            excluded=placement.excluded(),
            preference=placement.preference)
        if host is None:
            chosen.append(None)
            continue
        placement.add(host.name)
        usage = scheduling.add_usage(usage, host.name, SMALL)
        chosen.append(host.name)
    return chosen


class GroupPlacementTest(testtools.TestCase):
    """What each server group policy makes of the hosts."""

    def setUp(self):
        super().setUp()
        # b has the most free memory: what wins without a group.
        self.hosts = [_host('a'), _host('b', memory_mb=32768), _host('c')]

    def test_affinity_joins_the_members_host(self):
        placement = _placement(server_groups.AFFINITY, {})
        self.assertEqual(['b', 'b', 'b'], _placed(placement, self.hosts, 3))
        placement = _placement(server_groups.AFFINITY, {'c': 1})
        self.assertEqual(['c', 'c'], _placed(placement, self.hosts, 2))

    def test_affinity_on_a_full_host_finds_none(self):
        placement = _placement(server_groups.AFFINITY, {'a': 1})
        self.assertIsNone(_chosen(self.hosts, {'a': (8, 0, 0)},
                                  allowed=placement.allowed()))

    def test_anti_affinity_one_member_per_host(self):
        placement = _placement(server_groups.ANTI_AFFINITY, {'b': 1})
        self.assertEqual(['a', 'c', None], _placed(placement, self.hosts, 3))

    def test_max_server_per_host(self):
        placement = _placement(server_groups.ANTI_AFFINITY, {'b': 1},
                               max_per_host=2)
        self.assertEqual(['b', 'a', 'c', 'a', 'c', None],
                         _placed(placement, self.hosts, 6))

    def test_soft_affinity_prefers_the_members_host(self):
        placement = _placement(server_groups.SOFT_AFFINITY, {'c': 1})
        self.assertEqual(['c', 'c'], _placed(placement, self.hosts, 2))
        # Without members, the first goes where it would anyway.
        placement = _placement(server_groups.SOFT_AFFINITY, {})
        self.assertEqual(['b', 'b'], _placed(placement, self.hosts, 2))

    def test_soft_affinity_goes_elsewhere_when_the_host_is_full(self):
        hosts = [_host('a', vcpus=1), _host('b', vcpus=1)]
        placement = _placement(server_groups.SOFT_AFFINITY, {})
        self.assertEqual(['a', 'b', None], _placed(placement, hosts, 3))

    def test_soft_anti_affinity_spreads_then_doubles_up(self):
        placement = _placement(server_groups.SOFT_ANTI_AFFINITY, {'b': 1})
        self.assertEqual(['a', 'c', 'b', 'a'],
                         _placed(placement, self.hosts, 4))

    def test_rules_only_bound_anti_affinity(self):
        for policy in (server_groups.AFFINITY, server_groups.SOFT_AFFINITY,
                       server_groups.SOFT_ANTI_AFFINITY):
            placement = _placement(policy, {'a': 5, 'b': 5, 'c': 5})
            self.assertEqual(frozenset(), placement.excluded(), policy)


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
