"""Concurrent live migrations, and live migrations racing creates, on
every backend: the scheduling lock serialises them, so the destination
never takes more than it holds, and the source keeps each server's place
until its migration ends.

As test_server_resize_races does for resizes.
"""

from nova_api.compute import live_migration
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.tests.unit.compute import test_server_resize_races as races

SERVERS = races.SERVERS


class LiveMigrationRaceTest(races.ServerResizeRaceTest):

    def setUp(self):
        super().setUp()
        self.conf.config(live_migration_seconds=3600, group='simulated')

    def h2_takes_three_tiny(self):
        # By memory: 2048 MB less the 512 reserved (the resize races'
        # h2 takes every m1.tiny).
        self.conf.config(hosts=['h1:nova:2:16384:160', 'h2:nova:3:2048:60'],
                         group='simulated')

    def live_migrate_call(self, server):
        def call():
            # An administrator's: the servers' owner may not.
            context = self.context_of('owner')
            context.roles = ['admin', 'member']
            context.is_admin = True
            live_migration.live_migrate(context, server, asynchronous=True)
        return call

    def test_live_migrations_never_overcommit_the_destination(self):
        self.h2_takes_three_tiny()
        self.assertEqual([], self.at_once(
            [self.live_migrate_call(server) for server in self.servers]))
        moved = [server for server in (
            servers.get_server(self.owner, server.uuid)
            for server in self.servers) if server.host == 'h2']
        # Three m1.tiny move to h2, the others' migrations fail.
        self.assertEqual(3, len(moved))
        self.assertEqual({'migrating'},
                         {server.task_state for server in moved})
        usage = self.assert_within_capacity()
        self.assertEqual((3, 3 * 512, 3), usage['h2'])
        # The source keeps every place until the migrations end.
        self.assertEqual((SERVERS, SERVERS * 512, SERVERS), usage['h1'])

    def test_live_migrations_and_creates_share_the_destination(self):
        self.h2_takes_three_tiny()
        calls = [self.live_migrate_call(server) for server in self.servers]
        calls += [self.create_call(index) for index in range(SERVERS)]
        self.assertEqual([], self.at_once(calls))
        self.assertEqual(3, self.assert_within_capacity()['h2'][0])

    def test_the_source_is_freed_once_they_end(self):
        self.h2_takes_three_tiny()
        self.assertEqual([], self.at_once(
            [self.live_migrate_call(server) for server in self.servers[:2]]))
        self.conf.config(live_migration_seconds=0, group='simulated')
        with db_api.context_manager.reader.using(self.context):
            usage = servers.host_usage(self.context)
        self.assertEqual((SERVERS - 2, (SERVERS - 2) * 512, SERVERS - 2),
                         usage['h1'])
        self.assertEqual((2, 2 * 512, 2), usage['h2'])

    # The resize races' setUp and helpers, not their tests (they run in
    # their own module).
    test_resizes_never_overcommit_the_destination = None
    test_resizes_and_creates_share_the_destination = None



class LiveMigrationRaceTestPostgreSQL(races.base.PostgreSQL,
                                      LiveMigrationRaceTest):
    pass


class LiveMigrationRaceTestMySQL(races.base.MySQL, LiveMigrationRaceTest):
    pass
