"""Concurrent evacuations, and evacuations racing creates, on every
backend: the scheduling lock serialises them, so the destination never
takes more than it holds, and the evacuations it has no room for fail
(their servers in ERROR, their records in error).

As test_server_resize_races does for resizes: threads released together
into nova_api.compute with the real simulated driver, h1's compute
service forced down first.
"""

from oslo_config import fixture as config_fixture

from nova_api.compute import evacuate
from nova_api.compute import migration_records
from nova_api.compute import servers
from nova_api.compute import services
from nova_api import conf
from nova_api.tests.unit.compute import (
    test_server_resize_races as resize_races)
from nova_api.tests.unit.db import base

_RACES = resize_races.ServerResizeRaceTest
SERVERS = 6


class EvacuateRaceTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        self.conf.config(group='quota', instances=-1, cores=-1, ram=-1)
        # h1 takes the servers made first; h2 has room for exactly three
        # m1.tiny (1 vcpu each, no cpu overcommit, nothing reserved). The
        # evacuations never end.
        self.conf.config(cpu_allocation_ratio=1.0, reserved_host_memory_mb=0)
        self.conf.config(group='simulated', build_seconds=0,
                         evacuate_seconds=3600,
                         hosts=['h1:nova:6:16384:160', 'h2:nova:3:6144:60'])
        self.owner = self.context_of('owner')
        self.servers = []
        while len(self.servers) < SERVERS:
            self.servers.append(self.create(self.owner,
                                            resize_races.M1_TINY))
        self.assertEqual(['h1'] * SERVERS,
                         [server.host for server in self.servers])
        admin = self.context.elevated()
        services.update_service(
            admin, services.find_compute_service(admin, 'h1'),
            {'forced_down': True})

    context_of = _RACES.context_of
    create = _RACES.create
    at_once = _RACES.at_once
    create_call = _RACES.create_call
    usage = _RACES.usage

    def evacuate_call(self, server):
        def call():
            evacuate.evacuate(self.context_of('admin'), server)
        return call

    def hosts_and_states(self):
        found = [servers.get_server(self.owner, server.uuid)
                 for server in self.servers]
        return sorted((server.host, server.vm_state, server.task_state)
                      for server in found)

    def test_evacuations_never_overcommit_the_destination(self):
        self.assertEqual([], self.at_once(
            [self.evacuate_call(server) for server in self.servers]))
        self.assertEqual(
            [('h1', 'error', None)] * 3 + [('h2', 'active', 'rebuilding')] * 3,
            self.hosts_and_states())
        self.assertEqual((3, 3 * 512, 3), self.usage()['h2'])
        statuses = sorted(
            migration.status for migration in
            migration_records.list_migrations(
                self.context, {'migration_type': 'evacuation'}))
        self.assertEqual(['accepted'] * 3 + ['error'] * 3, statuses)

    def test_evacuations_and_creates_share_the_destination(self):
        calls = [self.evacuate_call(server) for server in self.servers]
        calls += [self.create_call(index) for index in range(SERVERS)]
        self.assertEqual([], self.at_once(calls))
        vcpus, memory_mb, disk_gb = self.usage()['h2']
        self.assertLessEqual(vcpus, 3)
        self.assertLessEqual(memory_mb, 6144)
        self.assertLessEqual(disk_gb, 60)


class EvacuateRaceTestPostgreSQL(base.PostgreSQL, EvacuateRaceTest):
    pass


class EvacuateRaceTestMySQL(base.MySQL, EvacuateRaceTest):
    pass
