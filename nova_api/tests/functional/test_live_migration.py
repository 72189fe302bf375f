"""The os-migrateLive server action (api-ref "Live-Migrate Server
(os-migrateLive Action)"): the states a server goes through, its host
before and after, its migration record and instance action, the
capacity a live migration holds, and Nova's refusals at every version
(before 2.34 a 400, from it a failed migration).

The simulated deployment has compute1 and compute2 (8 vcpus, 16384 MB,
160 GB each); flavor 1 is m1.tiny (512 MB), 4 m1.large (4 vcpus, 8192
MB), 5 m1.xlarge (8 vcpus, 16384 MB).
"""

from oslo_utils import timeutils

from nova_api.tests.fixtures import compute_driver
from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_resize
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
invalid_state = test_server_resize.invalid_state
policy_refused = test_server_resize.policy_refused
RULE = 'os_compute_api:os-migrate-server:%s'
NO_VALID_HOST = test_servers.NO_VALID_HOST
# The (event, result, host) of a live migration from compute1 to
# compute2 that has begun: its checks, the conductor's and the source's
# call, and the preparation on the destination (2.62 shows the hosts).
BEGUN_EVENTS = [
    ('compute_check_can_live_migrate_destination', 'Success', 'compute2'),
    ('compute_check_can_live_migrate_source', 'Success', 'compute1'),
    ('compute_live_migration', 'Success', 'compute1'),
    ('compute_pre_live_migration', 'Success', 'compute2'),
    ('conductor_live_migrate_instance', 'Success', 'conductor'),
]


def live(host=None, version=None, **fields):
    """An os-migrateLive body as a client sends it at `version` (None:
    /v2 or before 2.25)."""
    body = {'host': host, 'block_migration': False}
    if version is None or _before(version, '2.25'):
        body['disk_over_commit'] = False
    else:
        body['block_migration'] = 'auto'
    body.update(fields)
    return {'os-migrateLive': body}


def _before(version, other):
    major, minor = (int(part) for part in version.split('.'))
    other_major, other_minor = (int(part) for part in other.split('.'))
    return (major, minor) < (other_major, other_minor)


class LiveMigrationHelpers(test_server_resize.ResizeHelpers):

    def setUp(self):
        super().setUp()
        self.durations(live_migration=0, pause=0)

    def migrate_live(self, server_id, host=None, version=None,
                     persona='admin', status=202, **fields):
        resp = self.action(server_id, live(host, version, **fields),
                           persona, version)
        if status is not None:
            self.assertEqual(status, resp.status, resp)
            if status == 202:
                self.assertEqual(b'', resp.body)
        return resp

    def events(self, server_id, action='live-migration', version=None):
        """[(event, result)] of the server's newest `action`, and each
        one's host from 2.62."""
        path = '/servers/%s/os-instance-actions' % server_id
        resp = self.api('GET', path)
        request_id = next(
            found['request_id'] for found in resp.json()['instanceActions']
            if found['action'] == action)
        resp = self.api('GET', '%s/%s' % (path, request_id), version=version)
        self.assertEqual(200, resp.status, resp)
        return sorted(
            (event['event'], event['result']) +
            ((event['host'],) if 'host' in event else ())
            for event in resp.json()['instanceAction']['events'])

    def frozen_time(self):
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)


class LiveMigrationTestV2(LiveMigrationHelpers, base.APITestCase):

    def test_to_the_other_host(self):
        server_id = self.create()
        self.assertEqual('compute1', self.state(server_id)[4])
        self.migrate_live(server_id)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(server_id))
        self.assertEqual(['live-migration', 'create'],
                         self.actions(server_id))
        [migration] = self.migrations()
        self.assertEqual(
            ('completed', 'compute1', 'compute2', 'compute2', server_id, 1,
             1),
            (migration['status'],
             migration['source_compute'], migration['dest_compute'],
             migration['dest_node'], migration['instance_uuid'],
             migration['old_instance_type_id'],
             migration['new_instance_type_id']))

    def test_states_and_statuses_over_time(self):
        self.durations(live_migration=4)
        self.frozen_time()
        server_id = self.create()
        self.migrate_live(server_id)
        seen = []
        for _ in range(4):
            seen.append(self.state(server_id)[:3] +
                        (self.migrations()[0]['status'],))
            timeutils.advance_time_seconds(1)
        seen.append(self.state(server_id)[:3] +
                    (self.migrations()[0]['status'],))
        self.assertEqual([
            ('MIGRATING', 'active', 'migrating', 'queued'),
            ('MIGRATING', 'active', 'migrating', 'preparing'),
            ('MIGRATING', 'active', 'migrating', 'running'),
            ('MIGRATING', 'active', 'migrating', 'running'),
            ('ACTIVE', 'active', None, 'completed')], seen)

    def test_a_paused_server_stays_paused(self):
        self.durations(live_migration=NEVER)
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.migrate_live(server_id)
        self.assertEqual(('MIGRATING', 'paused', 'migrating', 3, 'compute2',
                          '1'), self.state(server_id))
        self.durations(live_migration=0)
        self.assertEqual(('PAUSED', 'paused', None, 3, 'compute2', '1'),
                         self.state(server_id))

    def test_listed_by_status(self):
        self.durations(live_migration=NEVER)
        migrating = self.create()
        self.migrate_live(migrating)
        self.create()
        resp = self.api('GET', '/servers?status=MIGRATING',
                        persona='member')
        self.assertEqual([migrating], [
            server['id'] for server in resp.json()['servers']])

    def test_to_a_named_host(self):
        server_id = self.create()
        self.migrate_live(server_id, 'compute2')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_to_its_own_host(self):
        server_id = self.create()
        resp = self.migrate_live(server_id, 'compute1', status=None)
        self.assertFault(resp, 400, 'Unable to migrate instance (%s) to '
                         'current host (compute1).' % server_id)
        # As Nova's conductor leaves it: the server as it was, its record
        # in error and the failed event.
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        [migration] = self.migrations()
        self.assertEqual(('error', 'compute1'), (
            migration['status'], migration['dest_compute']))
        self.assertEqual([('conductor_migrate_server', 'Error')],
                         self.events(server_id))

    def test_to_an_unknown_host(self):
        server_id = self.create()
        resp = self.migrate_live(server_id, 'nowhere', status=None)
        self.assertFault(resp, 400, 'Compute host nowhere could not be '
                                    'found.')
        self.assertEqual([], self.migrations())
        self.assertEqual(['create'], self.actions(server_id))

    def test_no_other_host(self):
        self.conf.config(group='simulated',
                         hosts=['compute1:nova:8:16384:160'])
        server_id = self.create()
        resp = self.migrate_live(server_id, status=None)
        self.assertFault(resp, 400, NO_VALID_HOST)
        self.assertEqual('error', self.migrations()[0]['status'])
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))

    def test_no_room_on_the_other_host(self):
        # A whole host's m1.xlarge, no cpu overcommit: the hosts' sizes
        # are the edge.
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        self.set_quota(cores=-1, ram=-1, instances=-1)
        # Both hosts are full.
        server_id = self.create(flavorRef='5')
        self.create(flavorRef='5')
        resp = self.migrate_live(server_id, status=None)
        self.assertFault(resp, 400, 'No valid host was found. ')

    def test_a_forced_host_without_the_memory(self):
        # A whole host's m1.xlarge, no cpu overcommit: the hosts' sizes
        # are the edge.
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        self.set_quota(cores=-1, ram=-1, instances=-1)
        server_id = self.create(flavorRef='4')
        self.create(flavorRef='5')
        resp = self.migrate_live(server_id, 'compute2', status=None)
        self.assertFault(resp, 400, 'Migration pre-check error: Unable to '
                         'migrate %s to compute2: Lack of memory(host:0.0 '
                         '<= instance:8192)' % server_id)

    def test_the_source_host_must_be_up(self):
        server_id = self.create()
        self.useFixture(compute_driver.ComputeDriver(
            test_server_resize.Compute1DownDriver()))
        resp = self.migrate_live(server_id, status=None)
        self.assertFault(resp, 400, 'Compute service of compute1 is '
                                    'unavailable at this time.')

    def test_wrong_states(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        resp = self.migrate_live(server_id, status=None)
        self.assertFault(resp, 409, invalid_state(
            'os-migrateLive', server_id, 'vm_state', 'stopped'))
        self.durations(live_migration=NEVER)
        other = self.create()
        self.migrate_live(other)
        resp = self.migrate_live(other, status=None)
        self.assertFault(resp, 409, invalid_state(
            'os-migrateLive', other, 'task_state', 'migrating'))

    def test_a_locked_server(self):
        self.use_policy_file({RULE % 'migrate_live': 'role:member'})
        server_id = self.create()
        self.act(server_id, {'lock': None})
        resp = self.migrate_live(server_id, persona='member', status=None)
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)
        # An administrator migrates it anyway, as in Nova.
        self.migrate_live(server_id)

    def test_unknown_and_other_projects_servers(self):
        server_id = self.create()
        resp = self.migrate_live(MISSING, status=None)
        self.assertFault(resp, 404, test_servers.not_found(MISSING))
        resp = self.migrate_live(server_id, persona='other', status=None)
        self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_policy(self):
        server_id = self.create()
        resp = self.migrate_live(server_id, persona='member', status=None)
        self.assertFault(resp, 403, policy_refused(RULE % 'migrate_live'))
        resp = self.migrate_live(server_id, 'compute2', persona='member',
                                 status=None)
        self.assertFault(resp, 403, policy_refused(
            RULE % 'migrate_live:host'))

    def test_capacity_held_on_both_hosts_until_completed(self):
        # A whole host's m1.xlarge, no cpu overcommit: the hosts' sizes
        # are the edge.
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        self.set_quota(cores=-1, ram=-1, instances=-1)
        self.durations(live_migration=NEVER)
        server_id = self.create(flavorRef='4')
        self.migrate_live(server_id)
        self.assertEqual('compute2', self.state(server_id)[4])
        # compute1 still holds m1.large (4 vcpus), compute2 too: neither
        # takes 8 vcpus.
        resp = self.post_server(flavorRef='5')
        self.assertEqual('ERROR', self.show(resp.json()['server']['id'])[
            'status'])
        self.durations(live_migration=0)
        self.assertEqual('compute1', self.state(self.create(
            flavorRef='5'))[4])

    def test_bad_bodies(self):
        server_id = self.create()
        for body in ({'os-migrateLive': {}},
                     {'os-migrateLive': None},
                     {'os-migrateLive': {'host': None,
                                         'block_migration': False}},
                     {'os-migrateLive': {'host': None,
                                         'block_migration': 'auto',
                                         'disk_over_commit': False}},
                     {'os-migrateLive': {'host': '',
                                         'block_migration': False,
                                         'disk_over_commit': False}},
                     {'os-migrateLive': {'host': None,
                                         'block_migration': 'maybe',
                                         'disk_over_commit': False}}):
            resp = self.action(server_id, body, 'admin')
            self.assertEqual(400, resp.status, (body, resp))
            self.assertIn('badRequest', resp.json())


class LiveMigrationTestV21(base.V21, LiveMigrationTestV2):

    def test_events(self):
        server_id = self.create()
        self.migrate_live(server_id, version='2.34')
        self.assertEqual(sorted(BEGUN_EVENTS + [
            ('compute_post_live_migration_at_destination', 'Success',
             'compute2')]), self.events(server_id, version='2.62'))

    def test_block_migration_auto_from_225(self):
        server_id = self.create()
        resp = self.action(server_id, live(version='2.25'), 'admin',
                           version='2.24')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "block_migration. Value: auto. 'auto' is not one of "
                         "[True, 'True', 'TRUE', 'true', '1', 'ON', 'On', "
                         "'on', 'YES', 'Yes', 'yes', False, 'False', "
                         "'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', "
                         "'No', 'no']")
        resp = self.action(server_id, {'os-migrateLive': {
            'host': None, 'block_migration': True}}, 'admin',
            version='2.24')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "os-migrateLive. Value: {'host': None, "
                         "'block_migration': True}. 'disk_over_commit' is "
                         "a required property")
        resp = self.action(server_id, live(version='2.24'), 'admin',
                           version='2.25')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "os-migrateLive. Value: {'host': None, "
                         "'block_migration': False, 'disk_over_commit': "
                         "False}. Additional properties are not allowed "
                         "('disk_over_commit' was unexpected)")
        self.migrate_live(server_id, version='2.25')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_force_from_230_to_267(self):
        server_id = self.create()
        resp = self.migrate_live(server_id, version='2.29', force=True,
                                 status=None)
        self.assertEqual(400, resp.status, resp)
        resp = self.migrate_live(server_id, version='2.30', force=True,
                                 status=None)
        self.assertFault(resp, 400,
                         "Can't force to a non-provided destination")
        resp = self.migrate_live(server_id, version='2.68', force=False,
                                 status=None)
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "os-migrateLive. Value: {'host': None, "
                         "'block_migration': 'auto', 'force': False}. "
                         "Additional properties are not allowed ('force' "
                         "was unexpected)")
        self.migrate_live(server_id, 'compute2', version='2.67', force=True)
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_a_named_host_goes_through_the_scheduler_from_230(self):
        server_id = self.create()
        # Not forced: the scheduler, which never picks the source.
        resp = self.migrate_live(server_id, 'compute1', version='2.30',
                                 status=None)
        self.assertFault(resp, 400, NO_VALID_HOST)
        self.migrate_live(server_id, 'compute2', version='2.68')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_refusals_are_failed_migrations_from_234(self):
        server_id = self.create()
        self.migrate_live(server_id, 'compute1', version='2.34')
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        [migration] = self.migrations()
        self.assertEqual('error', migration['status'])
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        version='2.84')
        request_id = resp.json()['instanceActions'][0]['request_id']
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s' % (
            server_id, request_id), version='2.84')
        action = resp.json()['instanceAction']
        [event] = action['events']
        self.assertEqual(
            ('live-migration', 'Error', 'conductor_live_migrate_instance',
             'Error', 'No valid host was found. There are not enough hosts '
             'available.'),
            (action['action'], action['message'], event['event'],
             event['result'], event['details']))
        # The API's own checks still answer at once.
        resp = self.migrate_live(server_id, 'nowhere', version='2.34',
                                 status=None)
        self.assertFault(resp, 400, 'Compute host nowhere could not be '
                                    'found.')

    def test_forced_to_a_disabled_host(self):
        # A forced host skips the scheduler, which alone checks whether
        # the host is enabled.
        resp = self.api('PUT', '/os-services/disable', {
            'host': 'compute2', 'binary': 'nova-compute'})
        self.assertEqual(200, resp.status, resp)
        server_id = self.create()
        resp = self.migrate_live(server_id, status=None)
        self.assertFault(resp, 400, NO_VALID_HOST)
        self.migrate_live(server_id, 'compute2')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_unknown_properties(self):
        server_id = self.create()
        resp = self.action(server_id, live(foo=1), 'admin')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "os-migrateLive. Value: {'host': None, "
                         "'block_migration': False, 'disk_over_commit': "
                         "False, 'foo': 1}. Additional properties are not "
                         "allowed ('foo' was unexpected)")

    def test_os_migrations_lists_live_migrations(self):
        first = self.create()
        self.migrate_live(first)
        second = self.create()
        self.act(second, {'migrate': None}, 'admin')
        self.assertEqual(
            [second], [migration['instance_uuid'] for migration in
                       self.migrations('?migration_type=migration')])
        self.assertEqual(
            [first], [migration['instance_uuid'] for migration in
                      self.migrations('?migration_type=live-migration')])
