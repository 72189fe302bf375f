"""Concurrent resizes, and resizes racing creates, on every backend: the
scheduling lock serialises them, so no host ever takes more than it
holds, counting the old flavor a resized server keeps on its source host
until it is confirmed.

As test_server_create_races does for creates: threads released together
(a barrier) into nova_api.compute with the real simulated driver, then
what each got and what the database holds.
"""

import collections
import threading

from oslo_config import fixture as config_fixture
import sqlalchemy as sa

from nova_api.compute import scheduling
from nova_api.compute import server_create
from nova_api.compute import server_resize
from nova_api.compute import servers
from nova_api import conf
from nova_api import context as nova_context
from nova_api.db import api as db_api
from nova_api.tests.unit.compute import (
    test_server_create_races as create_races)
from nova_api.tests.unit.db import base
from nova_api.virt import simulated

CIRROS = create_races.CIRROS
M1_TINY = '1'
M1_SMALL = create_races.M1_SMALL
PROJECT = 'project-resize-race'
SERVERS = 8


class ServerResizeRaceTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        self.conf.config(build_seconds=0, resize_seconds=3600,
                         group='simulated')
        for resource in ('instances', 'cores', 'ram'):
            self.conf.config(**{resource: -1, 'group': 'quota'})
        # With Nova's defaults (cpu allocation ratio 4.0, 512 MB reserved
        # for each host), h1 is full with the servers made first (its 2
        # vcpus give 8); h2 has room for exactly three m1.small, by
        # memory (6656 MB less 512) and disk.
        self.conf.config(hosts=['h1:nova:2:16384:160', 'h2:nova:3:6656:60'],
                         group='simulated')
        self.owner = self.context_of('owner')
        self.servers = [self.create(self.owner, M1_TINY)
                        for _ in range(SERVERS)]
        self.assertEqual({'h1'}, {server.host for server in self.servers})

    def context_of(self, user_id):
        return nova_context.RequestContext(
            user_id=user_id, project_id=PROJECT, roles=['member'],
            overwrite=False)

    def create(self, context, flavor_ref):
        request = server_create.CreateRequest(
            name='race', image_ref=CIRROS, flavor_ref=flavor_ref)
        result = server_create.create_servers(
            context, request, can_use_zero_disk_flavor=False)
        return servers.get_server(context, result.servers[0].uuid)

    def at_once(self, calls):
        """Run each call from its own thread, released together; the
        exceptions raised, which should be none."""
        barrier = threading.Barrier(len(calls))
        errors = []

        def run(call):
            barrier.wait()
            try:
                call()
            except Exception as error:
                errors.append(error)

        threads = [threading.Thread(target=run, args=(call,))
                   for call in calls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(create_races._JOIN_TIMEOUT_SECONDS)
        self.assertEqual([], [thread for thread in threads
                              if thread.is_alive()])
        return errors

    def resize_call(self, server):
        def call():
            server_resize.resize(self.context_of('owner'), server, M1_SMALL)
        return call

    def create_call(self, index):
        def call():
            self.create(self.context_of('user-%d' % index), M1_SMALL)
        return call

    def usage(self):
        with db_api.context_manager.reader.using(self.context):
            return servers.host_usage(self.context)

    def assert_within_capacity(self):
        usage = self.usage()
        for host in simulated.SimulatedDriver().get_hosts():
            for taken, limit in zip(usage.get(host.name, (0, 0, 0)),
                                    scheduling.capacity(host)):
                self.assertLessEqual(taken, limit, host.name)
        return usage

    def migration_statuses(self):
        with self.engine.connect() as connection:
            return collections.Counter(connection.execute(sa.text(
                'SELECT status FROM migrations')).scalars().all())

    def moved(self):
        return [server for server in (
            servers.get_server(self.owner, server.uuid)
            for server in self.servers) if server.host == 'h2']

    def test_resizes_never_overcommit_the_destination(self):
        self.assertEqual([], self.at_once(
            [self.resize_call(server) for server in self.servers]))
        moved = self.moved()
        self.assertEqual(3, len(moved))
        self.assertEqual({'resize_prep'},
                         {server.task_state for server in moved})
        # The others stay where they are, their migration in error.
        self.assertEqual({'pre-migrating': 3, 'error': SERVERS - 3},
                         dict(self.migration_statuses()))
        self.assertEqual((3, 3 * 2048, 3 * 20),
                         self.assert_within_capacity()['h2'])
        # The source keeps every old flavor: eight m1.tiny.
        self.assertEqual((8, 8 * 512, 8), self.usage()['h1'])

    def test_the_ram_allocation_ratio_bounds_the_destination(self):
        # (6656 - 512) * 1.5 MB hold four m1.small; the disk, at 2.0,
        # six.
        self.conf.config(ram_allocation_ratio=1.5, disk_allocation_ratio=2.0)
        self.assertEqual([], self.at_once(
            [self.resize_call(server) for server in self.servers]))
        self.assertEqual(4, len(self.moved()))
        self.assertEqual({'pre-migrating': 4, 'error': SERVERS - 4},
                         dict(self.migration_statuses()))
        self.assertEqual((4, 4 * 2048, 4 * 20),
                         self.assert_within_capacity()['h2'])

    def test_resizes_and_creates_share_the_destination(self):
        calls = [self.resize_call(server) for server in self.servers]
        calls += [self.create_call(index) for index in range(SERVERS)]
        self.assertEqual([], self.at_once(calls))
        usage = self.assert_within_capacity()
        self.assertEqual(3, usage['h2'][0])


class ServerResizeRaceTestPostgreSQL(base.PostgreSQL, ServerResizeRaceTest):
    pass


class ServerResizeRaceTestMySQL(base.MySQL, ServerResizeRaceTest):
    pass
