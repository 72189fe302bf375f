"""The scheduler of the simulated deployment: what a flavor takes on a
host, which host a server goes to, and the usage it adds."""

import types

from oslo_config import fixture as config_fixture
import testtools

from nova_api.compute import scheduling
from nova_api.compute import server_groups
from nova_api import conf
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


class WholeHostTestCase(testtools.TestCase):
    """Hosts whose every vcpu, MB and GB the scheduler gives out:
    allocation ratios of 1.0 and nothing reserved, so that the limits the
    tests reach are the hosts' sizes."""

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        self.conf.config(cpu_allocation_ratio=1.0, ram_allocation_ratio=1.0,
                         disk_allocation_ratio=1.0, reserved_host_cpus=0,
                         reserved_host_memory_mb=0, reserved_host_disk_mb=0)


class ChooseHostTest(WholeHostTestCase):

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


class GroupPlacementTest(WholeHostTestCase):
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


class AddUsageTest(WholeHostTestCase):

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


class CapacityTest(testtools.TestCase):
    """What a host's inventory allows, as Nova's placement counts it:
    (total - reserved) * allocation ratio."""

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))

    def test_nova_defaults(self):
        # initial_cpu_allocation_ratio 4.0, reserved_host_memory_mb 512.
        self.assertEqual((4.0, 1.0, 1.0), scheduling.allocation_ratios())
        self.assertEqual(scheduling.Requirement(0, 512, 0),
                         scheduling.reserved())
        self.assertEqual((32, 15872, 160), scheduling.capacity(_host('a')))

    def test_an_explicit_ratio_wins_over_the_initial_one(self):
        self.conf.config(cpu_allocation_ratio=16.0, ram_allocation_ratio=1.5,
                         disk_allocation_ratio=0.5,
                         initial_cpu_allocation_ratio=2.0)
        self.assertEqual((16.0, 1.5, 0.5), scheduling.allocation_ratios())
        self.assertEqual((128, 23808, 80), scheduling.capacity(_host('a')))

    def test_a_ratio_of_zero_is_unset(self):
        self.conf.config(cpu_allocation_ratio=0.0, ram_allocation_ratio=0.0,
                         disk_allocation_ratio=0.0,
                         initial_cpu_allocation_ratio=2.0,
                         initial_ram_allocation_ratio=3.0,
                         initial_disk_allocation_ratio=0.25)
        self.assertEqual((2.0, 3.0, 0.25), scheduling.allocation_ratios())

    def test_reserved_disk_is_whole_gigabytes_rounded_up(self):
        for disk_mb, disk_gb in ((0, 0), (1, 1), (1024, 1), (1025, 2),
                                 (10240, 10)):
            self.conf.config(reserved_host_disk_mb=disk_mb)
            self.assertEqual(disk_gb, scheduling.reserved().disk_gb, disk_mb)
            self.assertEqual(160 - disk_gb,
                             scheduling.capacity(_host('a'))[2], disk_mb)

    def test_reserved_cpus_are_taken_before_the_ratio(self):
        self.conf.config(reserved_host_cpus=2)
        self.assertEqual(24, scheduling.capacity(_host('a'))[0])

    def test_a_fraction_of_a_unit_is_not_given_out(self):
        self.conf.config(cpu_allocation_ratio=1.5)
        host = _host('a', vcpus=3)
        self.assertEqual(4, scheduling.capacity(host)[0])
        self.assertEqual('a', _chosen([host], {'a': (3, 0, 0)}))
        self.assertIsNone(_chosen([host], {'a': (4, 0, 0)}))

    def test_more_reserved_than_the_host_has_leaves_nothing(self):
        self.conf.config(reserved_host_memory_mb=20000)
        self.assertEqual(0, scheduling.capacity(_host('a'))[1])
        self.assertIsNone(_chosen([_host('a')]))

    def test_defaults_fill_a_host_by_memory_less_the_reserved(self):
        # 8 vcpus give 32 at 4.0; 16384 MB less 512 hold seven 2048 MB.
        host = _host('a')
        usage = {}
        while scheduling.choose_host([host], usage, SMALL) is not None:
            usage = scheduling.add_usage(usage, 'a', SMALL)
        self.assertEqual({'a': (7, 7 * 2048, 7 * 20)}, usage)
        self.assertEqual((25, 15872 - 7 * 2048, 20),
                         scheduling.free_capacity(host, usage))

    def test_cpus_are_overcommitted_by_the_ratio(self):
        one_cpu = scheduling.Requirement(vcpus=1, memory_mb=1, disk_gb=0)
        host = _host('a', vcpus=2)
        self.assertEqual('a', _chosen([host], {'a': (7, 0, 0)},
                                      requirement=one_cpu))
        self.assertIsNone(_chosen([host], {'a': (8, 0, 0)},
                                  requirement=one_cpu))

    def test_one_server_never_takes_more_than_the_host_has(self):
        # Placement's max_unit is the host's total: the ratio lets many
        # servers share the vcpus, not one take more than there are.
        self.conf.config(ram_allocation_ratio=2.0, disk_allocation_ratio=2.0)
        host = _host('a', vcpus=8, memory_mb=4096, disk_gb=40)
        for requirement in (
                scheduling.Requirement(vcpus=9, memory_mb=1, disk_gb=1),
                scheduling.Requirement(vcpus=1, memory_mb=4097, disk_gb=1),
                scheduling.Requirement(vcpus=1, memory_mb=1, disk_gb=41)):
            self.assertIsNone(_chosen([host], requirement=requirement),
                              requirement)
        self.assertEqual('a', _chosen([host], requirement=scheduling.
                                      Requirement(vcpus=8, memory_mb=4096,
                                                  disk_gb=40)))

    def test_no_disk_asked_needs_none(self):
        self.conf.config(reserved_host_disk_mb=10240)
        zero_disk = scheduling.Requirement(vcpus=1, memory_mb=512, disk_gb=0)
        self.assertEqual('a', _chosen([_host('a', disk_gb=0)],
                                      requirement=zero_disk))
        self.assertIsNone(_chosen([_host('a', disk_gb=10)],
                                  requirement=SMALL))

    def test_free_memory_weighs_without_the_ratio(self):
        # Nova's RAM weigher counts the host's free memory, not what the
        # ratio lets the scheduler give out: b could give out more, a has
        # more free.
        self.conf.config(ram_allocation_ratio=4.0)
        hosts = [_host('a', memory_mb=8192), _host('b', memory_mb=16384)]
        self.assertEqual('a', _chosen(hosts, {'b': (1, 10000, 20)}))

    def test_node_usage_adds_what_is_reserved(self):
        self.conf.config(reserved_host_cpus=1, reserved_host_memory_mb=1024,
                         reserved_host_disk_mb=1536)
        # Nova's compute node stores the reserved disk in whole GB,
        # rounded down, while the scheduler reserves it rounded up.
        self.assertEqual((3, 3072, 21), scheduling.node_usage((2, 2048, 20)))
        self.assertEqual(2, scheduling.reserved().disk_gb)
        self.assertEqual((1, 1024, 1), scheduling.node_usage((0, 0, 0)))
