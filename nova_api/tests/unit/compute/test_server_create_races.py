"""Concurrent server creates, on every backend: the scheduling lock
serialises them, so however many arrive at once no quota, host capacity
or fixed address is ever given out twice.

Each test releases its threads together (a barrier) into
compute.server_create.create_servers with the real simulated driver, then
checks both what each caller got and what the database holds.
"""

import collections
import threading

from oslo_config import fixture as config_fixture
import sqlalchemy as sa

from nova_api.compute import quotas
from nova_api.compute import scheduling
from nova_api.compute import server_create
from nova_api import conf
from nova_api import context as nova_context
from nova_api.db import flavors as flavors_db
from nova_api import exception
from nova_api.tests.unit.db import base
from nova_api.virt import simulated

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
# m1.small: 1 vcpu, 2048 MB, 20 GB.
M1_SMALL = '2'
PROJECT = 'project-race'
THREADS = 12
# Far more than a test takes; a thread still alive then is stuck.
_JOIN_TIMEOUT_SECONDS = 60


def at_once(test, calls):
    """Run each of `calls` (functions of no arguments) in a thread of its
    own, released together; what each returned or raised, in order.
    `test` fails if a thread is still running after a minute."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index):
        barrier.wait()
        try:
            outcomes[index] = calls[index]()
        except Exception as error:
            outcomes[index] = error

    threads = [threading.Thread(target=run, args=(index,))
               for index in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(_JOIN_TIMEOUT_SECONDS)
    test.assertEqual([], [thread for thread in threads if thread.is_alive()])
    return outcomes


class ServerCreateRaceTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        # Servers placed on a host stay BUILD while the test looks.
        self.conf.config(build_seconds=3600, group='simulated')

    def request(self, **overrides):
        values = {'name': 'race', 'image_ref': CIRROS,
                  'flavor_ref': M1_SMALL}
        values.update(overrides)
        return server_create.CreateRequest(**values)

    def create_at_once(self, request, count=THREADS):
        """Call create_servers with `request` from `count` threads, each
        with its own context (a user of its own in PROJECT), released
        together; the CreateResult or exception of each, in thread order.
        """
        def create(index):
            context = nova_context.RequestContext(
                user_id='user-%d' % index, project_id=PROJECT,
                roles=['member'], overwrite=False)
            return lambda: server_create.create_servers(
                context, request, can_use_zero_disk_flavor=False)

        return at_once(self, [create(index) for index in range(count)])

    def split(self, outcomes, expected_error):
        """(results, errors): the creates that succeeded and those that
        raised `expected_error`. Any other exception (a 'database is
        locked', a deadlock, a duplicate address) fails the test."""
        results = [outcome for outcome in outcomes
                   if isinstance(outcome, server_create.CreateResult)]
        errors = [outcome for outcome in outcomes
                  if isinstance(outcome, expected_error)]
        unexpected = [outcome for outcome in outcomes
                      if outcome not in results and outcome not in errors]
        if unexpected:
            raise unexpected[0]
        return results, errors

    def stored_servers(self):
        with self.engine.connect() as connection:
            return connection.execute(sa.text(
                'SELECT id, uuid, host, vm_state, vcpus, memory_mb, '
                'root_gb FROM servers WHERE deleted = 0 AND project_id = '
                ':project_id'), {'project_id': PROJECT}).all()

    def stored_addresses(self):
        """{version: [address]} of every stored server address."""
        with self.engine.connect() as connection:
            rows = connection.execute(sa.text(
                'SELECT version, address FROM server_addresses')).all()
        addresses = collections.defaultdict(list)
        for version, address in rows:
            addresses[version].append(address)
        return addresses

    def stored_fault_messages(self):
        with self.engine.connect() as connection:
            return connection.execute(sa.text(
                'SELECT message FROM server_faults')).scalars().all()

    def assert_distinct_addresses(self, server_count):
        addresses = self.stored_addresses()
        for version in (4, 6):
            self.assertEqual(server_count, len(addresses[version]))
            self.assertEqual(server_count, len(set(addresses[version])))

    def test_instances_quota_is_never_overshot(self):
        self.conf.config(instances=5, group='quota')

        results, errors = self.split(self.create_at_once(self.request()),
                                     exception.TooManyInstances)

        self.assertEqual((5, THREADS - 5), (len(results), len(errors)))
        for error in errors:
            self.assertEqual(
                'Quota exceeded for instances: Requested 1, but already '
                'used 5 of 5 instances', error.format_message())
        created = [server.uuid for result in results
                   for server in result.servers]
        stored = self.stored_servers()
        self.assertEqual(sorted(created),
                         sorted(server.uuid for server in stored))
        self.assertEqual({'BUILD'}, {server.status for result in results
                                     for server in result.servers})
        self.assert_distinct_addresses(5)

    def test_partial_creates_fill_the_quota_exactly(self):
        # Each asks for one to three servers; the quota of the project
        # (not the option) allows five in all.
        quotas.update_limits(self.context, PROJECT, {'instances': 5})

        results, errors = self.split(
            self.create_at_once(self.request(min_count=1, max_count=3)),
            exception.TooManyInstances)

        # Whoever comes first gets three, the next the two left.
        self.assertEqual([2, 3], sorted(len(result.servers)
                                        for result in results))
        self.assertEqual(THREADS - 2, len(errors))
        self.assertEqual(5, len(self.stored_servers()))
        self.assert_distinct_addresses(5)

    def unlimited_quota(self):
        for resource in ('instances', 'cores', 'ram'):
            self.conf.config(**{resource: -1, 'group': 'quota'})

    def assert_capacity_edge(self, room):
        """Create THREADS m1.small at once where the hosts of {host:
        count} `room` take exactly count each: that many are BUILD there,
        the rest ERROR with no valid host, holding no host and no address,
        and no host takes more than the scheduler may give out."""
        self.unlimited_quota()
        results, _ = self.split(self.create_at_once(self.request()),
                                exception.TooManyInstances)

        self.assertEqual(THREADS, len(results))
        placed = sum(room.values())
        created = [result.servers[0] for result in results]
        built = [server for server in created if server.status == 'BUILD']
        failed = [server for server in created if server.status == 'ERROR']
        self.assertEqual((placed, THREADS - placed),
                         (len(built), len(failed)))
        self.assertEqual(room, dict(collections.Counter(
            server.host for server in built)))
        for server in failed:
            self.assertIsNone(server.host)
            self.assertEqual(500, server.fault.code)
            self.assertEqual(server_create.NO_VALID_HOST,
                             server.fault.message)
            self.assertEqual([], server.addresses)
        stored = self.stored_servers()
        hosts = {host.name: host
                 for host in simulated.SimulatedDriver().get_hosts()}
        for name, count in room.items():
            on_host = [server for server in stored if server.host == name]
            self.assertEqual(count, len(on_host), name)
            used = (sum(server.vcpus for server in on_host),
                    sum(server.memory_mb for server in on_host),
                    sum(server.root_gb for server in on_host))
            self.assertEqual((count, count * 2048, count * 20), used)
            for taken, limit in zip(used,
                                    scheduling.capacity(hosts[name])):
                self.assertLessEqual(taken, limit, name)
        self.assertEqual(
            [server_create.NO_VALID_HOST] * (THREADS - placed),
            self.stored_fault_messages())
        self.assert_distinct_addresses(placed)

    def test_host_capacity_is_never_overshot(self):
        # With Nova's defaults, room for exactly three m1.small by memory
        # (6656 MB less the 512 reserved for the host) and by disk; the
        # 3 vcpus take 12 at the cpu allocation ratio of 4.0.
        self.conf.config(hosts=['h1:nova:3:6656:60'], group='simulated')
        self.assert_capacity_edge({'h1': 3})

    def test_the_cpu_allocation_ratio_is_the_edge(self):
        # One vcpu at Nova's default ratio of 4.0 takes four servers of
        # one vcpu each; memory and disk are plenty.
        self.conf.config(hosts=['h1:nova:1:65536:1000'], group='simulated')
        self.assert_capacity_edge({'h1': 4})

    def test_an_explicit_cpu_ratio_is_the_edge(self):
        # 3 vcpus at 1.5 are 4.5: four servers, not a half.
        self.conf.config(cpu_allocation_ratio=1.5)
        self.conf.config(hosts=['h1:nova:3:65536:1000'], group='simulated')
        self.assert_capacity_edge({'h1': 4})

    def test_the_ram_allocation_ratio_is_the_edge(self):
        # (4608 - 512) * 1.5 = 6144 MB: three m1.small.
        self.conf.config(ram_allocation_ratio=1.5)
        self.conf.config(hosts=['h1:nova:8:4608:160'], group='simulated')
        self.assert_capacity_edge({'h1': 3})

    def test_reserved_disk_is_the_edge(self):
        # 100 GB less 40 reserved: three of 20 GB.
        self.conf.config(reserved_host_disk_mb=40 * 1024,
                         reserved_host_memory_mb=0)
        self.conf.config(hosts=['h1:nova:8:16384:100'], group='simulated')
        self.assert_capacity_edge({'h1': 3})

    def test_several_hosts_fill_to_their_edges(self):
        # h1 takes two by memory, h2 three by its vcpus at 1.5.
        self.conf.config(cpu_allocation_ratio=1.5)
        self.conf.config(hosts=['h1:nova:8:4608:160',
                                'h2:nova:2:65536:1000'], group='simulated')
        self.assert_capacity_edge({'h1': 2, 'h2': 3})

    def test_host_capacity_counts_the_swap_of_each_server(self):
        # Each server takes 1 GB of root disk and a quarter GB of swap,
        # which takes a whole GB of the host's disk as in Nova: room for
        # three on 6 GB, though their swap adds up to less than 1 GB.
        flavors_db.create(self.context, {
            'flavorid': 'swapper', 'name': 'swapper', 'vcpus': 1,
            'memory_mb': 256, 'root_gb': 1, 'swap': 256})
        self.conf.config(hosts=['h1:nova:8:8192:6'], group='simulated')
        self.conf.config(instances=-1, group='quota')

        results, _ = self.split(
            self.create_at_once(self.request(flavor_ref='swapper')),
            exception.TooManyInstances)

        statuses = collections.Counter(result.servers[0].status
                                       for result in results)
        self.assertEqual({'BUILD': 3, 'ERROR': THREADS - 3}, statuses)
        self.assertEqual(3, len([server for server in self.stored_servers()
                                 if server.host == 'h1']))

    def test_a_fixed_ip_is_given_once(self):
        network = simulated.SimulatedDriver().get_network()
        request = self.request(networks=[
            {'uuid': network.id, 'fixed_ip': '192.168.0.50'}])

        results, errors = self.split(self.create_at_once(request),
                                     exception.FixedIpAlreadyInUse)

        self.assertEqual((1, THREADS - 1), (len(results), len(errors)))
        winner = results[0].servers[0]
        self.assertEqual(
            ['192.168.0.50'],
            [address.address for address in winner.addresses
             if address.version == 4])
        for error in errors:
            self.assertEqual(
                'Fixed IP address 192.168.0.50 is already in use on '
                'instance %s.' % winner.uuid, error.format_message())
        self.assertEqual([winner.uuid], [server.uuid
                                         for server in self.stored_servers()])


class ServerCreateRaceTestPostgreSQL(base.PostgreSQL, ServerCreateRaceTest):
    pass


class ServerCreateRaceTestMySQL(base.MySQL, ServerCreateRaceTest):
    pass
