"""A server's live migrations in progress (api-ref "Server migrations"):
listed and shown (2.23), forced to complete (2.22) and aborted (2.24,
queued and preparing ones from 2.65), with Nova's refusals.

A live migration takes 8 simulated seconds here: queued for 2, preparing
for 2, running for 4 (test_live_migration has the rest of it).
"""

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_live_migration
from nova_api.tests.functional import test_servers

policy_refused = test_live_migration.policy_refused
RULE = 'os_compute_api:servers:migrations:%s'
_FIELDS = ['created_at', 'dest_compute', 'dest_host', 'dest_node',
           'disk_processed_bytes', 'disk_remaining_bytes',
           'disk_total_bytes', 'id', 'memory_processed_bytes',
           'memory_remaining_bytes', 'memory_total_bytes', 'server_uuid',
           'source_compute', 'source_node', 'status', 'updated_at']


class ServerMigrationsTestV21(test_live_migration.LiveMigrationHelpers,
                              base.V21, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(live_migration=8)
        self.frozen_time()
        self.server_id = self.create()
        self.migrate_live(self.server_id, version='2.80')
        self.path = '/servers/%s/migrations' % self.server_id
        [migration] = self.listed()
        self.migration_id = migration['id']
        self.one = '%s/%d' % (self.path, self.migration_id)

    def listed(self, version='2.80', persona='admin'):
        resp = self.api('GET', self.path, version=version, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['migrations']

    def shown(self, version='2.80'):
        resp = self.api('GET', self.one, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['migration']

    def running(self):
        timeutils.advance_time_seconds(4)
        self.assertEqual('running', self.shown()['status'])

    def force(self, version='2.22', persona='admin', migration_id=None):
        path = '%s/%s/action' % (self.path, migration_id or self.migration_id)
        return self.api('POST', path, {'force_complete': None},
                        version=version, persona=persona)

    def abort(self, version='2.24', persona='admin', migration_id=None):
        return self.api('DELETE', '%s/%s' % (
            self.path, migration_id or self.migration_id), version=version,
            persona=persona)

    # index and show

    def test_index_and_show(self):
        [listed] = self.listed('2.23')
        self.assertEqual(_FIELDS, sorted(listed))
        self.assertEqual(
            (self.server_id, 'queued', 'compute1', 'compute1', 'compute2',
             'compute2', 'compute2'),
            (listed['server_uuid'], listed['status'],
             listed['source_compute'], listed['source_node'],
             listed['dest_compute'], listed['dest_node'],
             listed['dest_host']))
        self.assertEqual(listed, self.shown('2.23'))
        self.assertEqual(sorted(_FIELDS + ['uuid']),
                         sorted(self.shown('2.59')))
        shown = self.shown('2.80')
        self.assertEqual((self.user_id('admin'), self.project_id('admin')),
                         (shown['user_id'], shown['project_id']))

    def test_statuses_then_gone_once_completed(self):
        seen = []
        for _ in range(4):
            seen.append(self.shown()['status'])
            timeutils.advance_time_seconds(2)
        self.assertEqual(['queued', 'preparing', 'running', 'running'],
                         seen)
        self.assertEqual([], self.listed())
        resp = self.api('GET', self.one, version='2.23')
        self.assertFault(resp, 404, 'Live migration %d for server %s is not '
                         'in progress.' % (self.migration_id,
                                           self.server_id))

    def test_updated_at_is_when_the_status_changed(self):
        created = self.shown()['created_at']
        self.assertEqual(created, self.shown()['updated_at'])
        timeutils.advance_time_seconds(3)
        shown = self.shown()
        self.assertEqual('preparing', shown['status'])
        self.assertLess(created, shown['updated_at'])

    def test_memory_copied_while_running(self):
        total = 512 * 1024 * 1024
        shown = self.shown()
        self.assertEqual([None] * 6, [shown[field] for field in (
            'memory_total_bytes', 'memory_processed_bytes',
            'memory_remaining_bytes', 'disk_total_bytes',
            'disk_processed_bytes', 'disk_remaining_bytes')])
        # Running from the 4th second to the 8th: half copied at the 6th.
        timeutils.advance_time_seconds(6)
        shown = self.shown()
        self.assertEqual((total, total // 2, total // 2, None), (
            shown['memory_total_bytes'], shown['memory_processed_bytes'],
            shown['memory_remaining_bytes'], shown['disk_total_bytes']))

    def test_hosts_are_for_admins(self):
        # The host rule follows an overridden index rule unless it is
        # overridden too (Nova's deprecated rule).
        self.use_policy_file({RULE % 'index': '@',
                              RULE % 'index:host': 'role:admin'})
        # The member's own server, live-migrated by an administrator.
        member_server = self.create()
        self.migrate_live(member_server)
        resp = self.api('GET', '/servers/%s/migrations' % member_server,
                        version='2.23', persona='member')
        [listed] = resp.json()['migrations']
        self.assertEqual([None] * 5, [listed[field] for field in (
            'dest_compute', 'dest_host', 'dest_node', 'source_compute',
            'source_node')])

    # force_complete

    def test_force_complete(self):
        self.running()
        resp = self.force()
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(self.server_id))
        [migration] = self.migrations()
        self.assertEqual('completed', migration['status'])
        self.assertEqual([], self.listed())
        self.assertEqual([('compute_live_migration_force_complete',
                           'Success', 'compute1')],
                         self.events(self.server_id,
                                     'live_migration_force_complete',
                                     version='2.62'))
        # The live migration's own events end now, the destination's
        # last one with them.
        self.assertEqual(sorted(test_live_migration.BEGUN_EVENTS + [
            ('compute_post_live_migration_at_destination', 'Success',
             'compute2')]), self.events(self.server_id, version='2.62'))
        # It stays completed when the migration's time is up.
        timeutils.advance_time_seconds(60)
        self.assertEqual('completed', self.migrations()[0]['status'])

    def test_force_complete_needs_a_running_migration(self):
        for status in ('queued', 'preparing'):
            resp = self.force()
            self.assertFault(resp, 400, 'Migration %d state of instance %s '
                             'is %s. Cannot force complete while the '
                             'migration is in this state.' % (
                                 self.migration_id, self.server_id, status))
            timeutils.advance_time_seconds(2)

    def test_force_complete_of_an_unknown_migration(self):
        self.running()
        for unknown in ('99', 'nope'):
            resp = self.force(migration_id=unknown)
            self.assertFault(resp, 400, 'Migration %s not found for '
                             'instance %s' % (unknown, self.server_id))

    def test_force_complete_of_a_server_not_migrating(self):
        timeutils.advance_time_seconds(8)
        resp = self.force()
        self.assertFault(resp, 409, "Instance %s is in an invalid state for "
                         "'force_complete'" % self.server_id)

    def test_force_complete_of_a_paused_server(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.migrate_live(server_id)
        [migration] = self.migrations('?instance_uuid=' + server_id)
        resp = self.api('POST', '/servers/%s/migrations/%d/action' % (
            server_id, migration['id']), {'force_complete': None},
            version='2.22')
        self.assertFault(resp, 409, "Cannot 'force_complete' instance %s "
                         "while it is in vm_state paused" % server_id)

    def test_force_complete_from_222(self):
        self.running()
        resp = self.force(version='2.21')
        self.assertEqual(404, resp.status, resp)

    def test_bad_force_complete_bodies(self):
        self.running()
        path = '%s/%d/action' % (self.path, self.migration_id)
        resp = self.api('POST', path, {'force_complete': {}},
                        version='2.22')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "force_complete. Value: {}. {} is not of type "
                         "'null'")
        resp = self.api('POST', path, {'nope': None}, version='2.22')
        self.assertFault(resp, 400, 'There is no such action: nope')

    # abort

    def test_abort_a_running_migration(self):
        # A whole host's m1.xlarge, no cpu overcommit: the hosts' sizes
        # are the edge.
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        self.set_quota(cores=-1, ram=-1, instances=-1)
        self.running()
        resp = self.abort()
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(self.server_id))
        self.assertEqual('cancelled', self.migrations()[0]['status'])
        self.assertEqual([], self.listed())
        self.assertEqual([('compute_live_migration_abort', 'Success',
                           'compute1')],
                         self.events(self.server_id, 'live_migration_cancel',
                                     version='2.62'))
        # Rolled back on the destination; it never finishes there.
        self.assertEqual(sorted(test_live_migration.BEGUN_EVENTS + [
            ('compute_rollback_live_migration_at_destination', 'Success',
             'compute2')]), self.events(self.server_id, version='2.62'))
        timeutils.advance_time_seconds(60)
        self.assertEqual(('cancelled', 'compute1'), (
            self.migrations()[0]['status'], self.state(self.server_id)[4]))
        # compute2's place is free again: a whole host's server fits.
        self.assertEqual('compute2',
                         self.state(self.create(flavorRef='5'))[4])

    def test_abort_a_queued_or_preparing_one_from_265(self):
        resp = self.abort(version='2.64')
        self.assertFault(resp, 400, 'Migration %d state of instance %s is '
                         'queued. Cannot abort live migration while the '
                         'migration is in this state.' % (
                             self.migration_id, self.server_id))
        timeutils.advance_time_seconds(2)
        resp = self.abort(version='2.64')
        self.assertEqual(400, resp.status, resp)
        resp = self.abort(version='2.65')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual('cancelled', self.migrations()[0]['status'])
        self.assertEqual('compute1', self.state(self.server_id)[4])

    def test_abort_a_queued_one_drops_it(self):
        resp = self.abort(version='2.65')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(('ACTIVE', 'compute1'), (
            self.state(self.server_id)[0], self.state(self.server_id)[4]))
        # Only the checks had run, and end now.
        self.assertEqual([
            ('compute_check_can_live_migrate_destination', 'Success'),
            ('compute_check_can_live_migrate_source', 'Success'),
            ('conductor_live_migrate_instance', 'Success'),
        ], self.events(self.server_id))

    def test_abort_an_unknown_migration(self):
        self.running()
        for unknown in ('99', 'nope'):
            resp = self.abort(migration_id=unknown)
            self.assertFault(resp, 404, 'Migration %s not found for '
                             'instance %s' % (unknown, self.server_id))

    def test_abort_of_a_server_not_migrating(self):
        timeutils.advance_time_seconds(8)
        resp = self.abort()
        self.assertFault(resp, 409, "Instance %s is in an invalid state for "
                         "'abort live migration'" % self.server_id)

    def test_abort_from_224(self):
        self.running()
        resp = self.abort(version='2.23')
        self.assertEqual(404, resp.status, resp)

    # both

    def test_policy(self):
        self.running()
        self.assertFault(self.force(persona='member'), 403,
                         policy_refused(RULE % 'force_complete'))
        self.assertFault(self.abort(persona='member'), 403,
                         policy_refused(RULE % 'delete'))
        self.assertFault(self.force(persona='other'), 404,
                         test_servers.not_found(self.server_id))

    def test_a_locked_server(self):
        self.use_policy_file({RULE % 'force_complete': 'role:member',
                              RULE % 'delete': 'role:member',
                              'os_compute_api:os-migrate-server:'
                              'migrate_live': 'role:member'})
        server_id = self.create()
        resp = self.migrate_live(server_id, persona='member',
                                 version='2.80')
        [migration] = self.migrations('?instance_uuid=' + server_id)
        self.act(server_id, {'lock': None})
        timeutils.advance_time_seconds(4)
        path = '/servers/%s/migrations/%d' % (server_id, migration['id'])
        resp = self.api('POST', path + '/action', {'force_complete': None},
                        version='2.22', persona='member')
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)
        resp = self.api('DELETE', path, version='2.24', persona='member')
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)
