"""The evacuate server action (api-ref "Evacuate Server (evacuate
Action)"): Nova's checks and messages in its order, the states an
evacuated server goes through on its new host, its migration record and
instance action, the capacity it takes there and each version's body and
answer (2.14, 2.29, 2.68, 2.95).

The simulated deployment has compute1 and compute2 (8 vcpus, 16384 MB,
160 GB each); a server is placed on compute1 first. compute1's service
is taken down by a driver whose compute1 does not report (Nova's service
group sees it down), or, from 2.11, forced down through os-services.
"""

from oslo_utils import timeutils

from nova_api.tests.fixtures import compute_driver
from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_server_resize
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
invalid_state = test_server_actions.invalid_state
EVACUATE = {'evacuate': {'onSharedStorage': False}}


class EvacuateHelpers(test_server_resize.ResizeHelpers):

    def setUp(self):
        super().setUp()
        self.durations(evacuate=0)

    def compute1_down(self):
        self.useFixture(compute_driver.ComputeDriver(
            test_server_resize.Compute1DownDriver()))

    def evacuate(self, server_id, body=None, version=None, status=200):
        """The answer's body (None when empty) to an evacuate, its status
        checked."""
        resp = self.action(server_id, body or EVACUATE, 'admin', version)
        self.assertEqual(status, resp.status, resp)
        return resp.json() if resp.body else None

    def refused(self, server_id, body, code, message, persona='admin',
                version=None):
        resp = self.action(server_id, body, persona, version)
        self.assertFault(resp, code, message)

    def events(self, server_id, version=None):
        """[(event, result)] of the server's newest action, with each
        event's host from 2.62 (`version`)."""
        path = '/servers/%s/os-instance-actions' % server_id
        resp = self.api('GET', path, persona='admin', version=version)
        request_id = resp.json()['instanceActions'][0]['request_id']
        resp = self.api('GET', '%s/%s' % (path, request_id), persona='admin',
                        version=version)
        events = resp.json()['instanceAction']['events']
        if version is None:
            return sorted((event['event'], event['result'])
                          for event in events)
        return sorted((event['event'], event['host'], event['result'])
                      for event in events)

    def migration(self):
        [migration] = self.migrations('?migration_type=evacuation')
        return migration


class EvacuateTestV2(EvacuateHelpers, base.APITestCase):

    def test_evacuate_to_the_other_host(self):
        server_id = self.create()
        self.compute1_down()
        body = self.evacuate(server_id)
        self.assertEqual(['adminPass'], list(body))
        self.assertEqual(12, len(body['adminPass']))
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(server_id))
        self.assertEqual(['evacuate', 'create'], self.actions(server_id))

    def test_the_given_password_is_answered(self):
        server_id = self.create()
        self.compute1_down()
        self.assertEqual({'adminPass': 'MySecretPass'}, self.evacuate(
            server_id, {'evacuate': {'onSharedStorage': 'False',
                                     'adminPass': 'MySecretPass'}}))

    def test_on_shared_storage_no_password(self):
        server_id = self.create()
        self.compute1_down()
        self.assertEqual({'adminPass': None}, self.evacuate(
            server_id, {'evacuate': {'onSharedStorage': True}}))

    def test_on_shared_storage_a_password_is_refused(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'onSharedStorage': 'yes',
                                              'adminPass': 'pw'}},
                     400, "admin password can't be changed on existing disk")
        self.assertEqual('compute1', self.state(server_id)[4])

    def test_without_instance_password_nothing_is_answered(self):
        self.conf.config(enable_instance_password=False, group='api')
        server_id = self.create()
        self.compute1_down()
        self.assertIsNone(self.evacuate(server_id))
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_evacuation_states_and_record(self):
        self.durations(evacuate=3)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id)
        seen = []
        for _ in range(3):
            seen.append(self.state(server_id)[:5] +
                        (self.migration()['status'],))
            timeutils.advance_time_seconds(1)
        seen.append(self.state(server_id)[:5] +
                    (self.migration()['status'],))
        self.assertEqual([
            ('REBUILD', 'active', 'rebuilding', 1, 'compute2', 'accepted'),
            ('REBUILD', 'active', 'rebuild_block_device_mapping', 1,
             'compute2', 'pre-migrating'),
            ('REBUILD', 'active', 'rebuild_spawning', 1, 'compute2',
             'pre-migrating'),
            ('ACTIVE', 'active', None, 1, 'compute2', 'done')], seen)

    def test_the_migration_record(self):
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id)
        migration = self.migration()
        self.assertEqual(
            ('done', 'compute1', 'compute1', 'compute2', 'compute2',
             server_id),
            (migration['status'],
             migration['source_compute'], migration['source_node'],
             migration['dest_compute'], migration['dest_node'],
             migration['instance_uuid']))
        self.assertEqual(migration['old_instance_type_id'],
                         migration['new_instance_type_id'])

    def test_the_events(self):
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id)
        self.assertEqual([('compute_rebuild_instance', 'Success'),
                          ('conductor_rebuild_server', 'Success')],
                         self.events(server_id))

    def test_a_stopped_server_stays_stopped(self):
        self.durations(stop=0, evacuate=4)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.compute1_down()
        self.evacuate(server_id)
        seen = []
        for _ in range(4):
            seen.append(self.state(server_id)[:4])
            timeutils.advance_time_seconds(1)
        seen.append(self.state(server_id)[:5])
        self.assertEqual([
            ('REBUILD', 'stopped', 'rebuilding', 4),
            ('REBUILD', 'stopped', 'rebuild_block_device_mapping', 4),
            ('REBUILD', 'stopped', 'rebuild_spawning', 4),
            ('ACTIVE', 'active', 'powering-off', 1),
            ('SHUTOFF', 'stopped', None, 4, 'compute2')], seen)
        self.assertEqual([('compute_rebuild_instance', 'Success'),
                          ('compute_stop_instance', 'Success'),
                          ('conductor_rebuild_server', 'Success')],
                         self.events(server_id))

    def test_a_failed_server_ends_active(self):
        self.durations(evacuate=NEVER)
        server_id = self.create()
        self.act(server_id, {'os-resetState': {'state': 'error'}}, 'admin')
        self.compute1_down()
        self.evacuate(server_id)
        self.assertEqual(('REBUILD', 'error', 'rebuilding', 0, 'compute2'),
                         self.state(server_id)[:5])
        self.durations(evacuate=0)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2'),
                         self.state(server_id)[:5])

    def test_launched_again_on_the_new_host(self):
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        launched = self.show(server_id)['OS-SRV-USG:launched_at']
        timeutils.advance_time_seconds(60)
        self.compute1_down()
        self.evacuate(server_id)
        self.assertNotEqual(launched,
                            self.show(server_id)['OS-SRV-USG:launched_at'])

    def test_a_locked_server_is_evacuated(self):
        # Nova's evacuate checks no lock.
        server_id = self.create()
        self.act(server_id, {'lock': None}, status=202)
        self.compute1_down()
        self.evacuate(server_id)
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_the_source_service_must_be_down(self):
        server_id = self.create()
        self.refused(server_id, EVACUATE, 400,
                     'Compute service of compute1 is still in use.')
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        self.assertEqual(['create'], self.actions(server_id))
        self.assertEqual([], self.migrations())

    def test_an_unknown_host(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'onSharedStorage': False,
                                              'host': 'nope'}},
                     404, 'Compute host nope not found.')

    def test_the_same_host(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'onSharedStorage': False,
                                              'host': 'compute1'}},
                     400, "The target host can't be the same one.")

    def test_a_server_without_a_host(self):
        # Nova compares the host asked for (none) with the server's (none).
        self.conf.config(group='simulated', hosts=['compute1:nova:1:256:1'])
        server_id = self.create()
        self.assertEqual(('ERROR', None), (self.state(server_id)[0],
                                           self.state(server_id)[4]))
        self.refused(server_id, EVACUATE, 400,
                     "The target host can't be the same one.")

    def test_the_host_is_checked_before_the_state(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.refused(server_id, {'evacuate': {'onSharedStorage': False,
                                              'host': 'nope'}},
                     404, 'Compute host nope not found.')

    def test_the_state_is_checked_before_the_service(self):
        self.durations(pause=0)
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.refused(server_id, EVACUATE, 409, invalid_state(
            'evacuate', server_id, 'vm_state', 'paused'))

    def test_a_task_in_progress(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'SOFT'}})
        self.compute1_down()
        self.refused(server_id, EVACUATE, 409, invalid_state(
            'evacuate', server_id, 'task_state', 'rebooting'))

    def test_to_a_named_host(self):
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:8:16384:160',
            'compute3:nova:8:8192:160'])
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {'onSharedStorage': False,
                                               'host': 'compute3'}})
        self.assertEqual('compute3', self.state(server_id)[4])
        self.assertEqual('compute3', self.migration()['dest_compute'])

    def test_no_other_host_has_room(self):
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:1:256:1'])
        server_id = self.create()
        self.compute1_down()
        # Nova's API answers before its conductor finds no host.
        self.assertIn('adminPass', self.evacuate(server_id))
        self.assertEqual(('ERROR', 'error', None, 0, 'compute1', '1'),
                         self.state(server_id))
        fault = self.show(server_id, 'admin')['fault']
        self.assertEqual((500, 'No valid host was found. There are not '
                               'enough hosts available.'),
                         (fault['code'], fault['message']))
        self.assertEqual([('conductor_rebuild_server', 'Error')],
                         self.events(server_id))
        migration = self.migration()
        self.assertEqual(('error', 'compute1', None),
                         (migration['status'], migration['source_compute'],
                          migration['dest_compute']))
        # A failed server may be evacuated again once a host has room.
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:8:16384:160'])
        self.evacuate(server_id)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(server_id))

    def test_a_named_host_without_room_before_2_29(self):
        # Before 2.29 a host given is claimed without the scheduler; when
        # it has no room the server stays as it was.
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:1:256:1'])
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {'onSharedStorage': False,
                                               'host': 'compute2'}})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        self.assertEqual([('conductor_rebuild_server', 'Error')],
                         self.events(server_id))
        migration = self.migration()
        self.assertEqual(('error', 'compute2'),
                         (migration['status'], migration['dest_compute']))

    def test_capacity_is_taken_on_the_new_host(self):
        # compute2 has room for one m1.tiny (512 MB once the default 512
        # MB are reserved): the second evacuation finds no host (no
        # overcommit).
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:1:1024:1'])
        first, second = self.create(), self.create()
        self.compute1_down()
        self.evacuate(first)
        self.evacuate(second)
        self.assertEqual(('ACTIVE', 'compute2'),
                         (self.state(first)[0], self.state(first)[4]))
        self.assertEqual(('ERROR', 'compute1'),
                         (self.state(second)[0], self.state(second)[4]))

    def test_a_forced_down_host_takes_no_servers(self):
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id)
        # compute1 is down: a new server goes to compute2 too.
        self.assertEqual('compute2', self.state(self.create())[4])

    def test_policy(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, EVACUATE, 403, test_server_resize.
                     policy_refused('os_compute_api:os-evacuate'), 'member')

    def test_unknown_server(self):
        self.refused('8d5e5a8c-7b1a-4f0e-9d0b-6d3c9f0b1e2a', EVACUATE, 404,
                     'Instance 8d5e5a8c-7b1a-4f0e-9d0b-6d3c9f0b1e2a could '
                     'not be found.')

    def test_bad_bodies(self):
        server_id = self.create()
        self.compute1_down()
        for body in ({'evacuate': {}}, {'evacuate': None},
                     {'evacuate': {'onSharedStorage': 'maybe'}},
                     {'evacuate': {'onSharedStorage': False, 'host': ''}},
                     {'evacuate': {'onSharedStorage': False,
                                   'host': 'bad host'}},
                     {'evacuate': {'onSharedStorage': False,
                                   'adminPass': 1}}):
            resp = self.action(server_id, body, 'admin')
            self.assertFault(resp, 400)
        self.assertEqual('compute1', self.state(server_id)[4])

    def test_unknown_properties(self):
        # /v2 drops what it does not know.
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {'onSharedStorage': False,
                                               'nope': 1}})
        self.assertEqual('compute2', self.state(server_id)[4])


class EvacuateTestV21(base.V21, EvacuateTestV2):

    def test_unknown_properties(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'onSharedStorage': False,
                                              'nope': 1}}, 400, None)

    def test_2_14_answers_no_body(self):
        server_id = self.create()
        self.compute1_down()
        self.assertIsNone(self.evacuate(
            server_id, {'evacuate': {'adminPass': 'pw'}}, '2.14'))
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_2_14_has_no_on_shared_storage(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, EVACUATE, 400, None, version='2.14')
        self.evacuate(server_id, {'evacuate': {}}, '2.14')

    def test_before_2_14_on_shared_storage_is_required(self):
        server_id = self.create()
        self.compute1_down()
        message = self.assertFault(
            self.action(server_id, {'evacuate': {}}, 'admin', '2.13'), 400)
        self.assertIn("'onSharedStorage' is a required property", message)

    def test_2_29_force_without_a_host(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'force': True}}, 400,
                     "Can't force to a non-provided destination",
                     version='2.29')

    def test_2_29_bad_force(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'force': 'maybe',
                                              'host': 'compute2'}},
                     400, None, version='2.29')

    def test_2_29_forced_host_without_room_keeps_the_server(self):
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:1:256:1'])
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {'host': 'compute2',
                                               'force': True}}, '2.29')
        self.assertEqual(('ACTIVE', 'compute1'),
                         (self.state(server_id)[0], self.state(server_id)[4]))

    def test_2_29_unforced_host_without_room_is_no_valid_host(self):
        self.conf.config(group='simulated', hosts=[
            'compute1:nova:8:16384:160', 'compute2:nova:1:256:1'])
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {'host': 'compute2',
                                               'force': False}}, '2.29')
        self.assertEqual(('ERROR', 'compute1'),
                         (self.state(server_id)[0], self.state(server_id)[4]))

    def test_2_29_forced_to_a_disabled_host(self):
        # Forcing bypasses the scheduler, which would skip a disabled host.
        server_id = self.create()
        self.compute1_down()
        resp = self.api('PUT', '/os-services/disable', {
            'host': 'compute2', 'binary': 'nova-compute'}, version='2.11')
        self.assertEqual(200, resp.status, resp)
        self.evacuate(server_id, {'evacuate': {'host': 'compute2',
                                               'force': True}}, '2.29')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_2_68_has_no_force(self):
        server_id = self.create()
        self.compute1_down()
        self.refused(server_id, {'evacuate': {'host': 'compute2',
                                              'force': False}},
                     400, None, version='2.68')
        self.evacuate(server_id, {'evacuate': {'host': 'compute2'}}, '2.68')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_2_95_ends_stopped(self):
        server_id = self.create()
        self.compute1_down()
        self.assertIsNone(self.evacuate(server_id, {'evacuate': {}}, '2.95'))
        self.assertEqual(('SHUTOFF', 'stopped', None, 4, 'compute2', '1'),
                         self.state(server_id))

    def test_2_94_ends_active(self):
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {}}, '2.94')
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(server_id))

    def test_2_95_a_failed_server_ends_active(self):
        server_id = self.create()
        self.act(server_id, {'os-resetState': {'state': 'error'}}, 'admin')
        self.compute1_down()
        self.evacuate(server_id, {'evacuate': {}}, '2.95')
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '1'),
                         self.state(server_id))

    def test_from_a_host_forced_down_through_os_services(self):
        server_id = self.create()
        resp = self.api('PUT', '/os-services/force-down', {
            'host': 'compute1', 'binary': 'nova-compute',
            'forced_down': True}, version='2.11')
        self.assertEqual(200, resp.status, resp)
        self.evacuate(server_id, {'evacuate': {}}, '2.14')
        self.assertEqual(('ACTIVE', 'compute2'),
                         (self.state(server_id)[0], self.state(server_id)[4]))
        # Up again, compute1 still refuses no server, but the next
        # evacuation is from compute2, which is up.
        resp = self.api('PUT', '/os-services/force-down', {
            'host': 'compute1', 'binary': 'nova-compute',
            'forced_down': False}, version='2.11')
        self.assertEqual(200, resp.status, resp)
        self.refused(server_id, {'evacuate': {}}, 400,
                     'Compute service of compute2 is still in use.',
                     version='2.14')

    def test_os_migrations_by_type(self):
        resized = self.resized()
        server_id = self.create()
        self.assertEqual('compute1', self.state(server_id)[4])
        self.compute1_down()
        self.evacuate(server_id)
        self.assertEqual(
            [('evacuation', server_id)],
            [(m['migration_type'], m['instance_uuid'])
             for m in self.migrations('?migration_type=evacuation')])
        self.assertEqual(
            {('evacuation', server_id), ('resize', resized)},
            {(m['migration_type'], m['instance_uuid'])
             for m in self.migrations()})

    def test_the_events_hosts(self):
        server_id = self.create()
        self.compute1_down()
        self.evacuate(server_id)
        self.assertEqual([
            ('compute_rebuild_instance', 'compute2', 'Success'),
            ('conductor_rebuild_server', 'conductor', 'Success')],
            self.events(server_id, '2.62'))
