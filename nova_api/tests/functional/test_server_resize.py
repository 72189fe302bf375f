"""The resize, confirmResize, revertResize and migrate server actions
(api-ref "Resize Server (resize Action)", "Confirm Resized Server
(confirmResize Action)", "Revert Resized Server (revertResize Action)",
"Migrate Server (migrate Action)"): the states a server goes through,
its host and flavor before and after, the capacity a move holds, the
[DEFAULT] resize_confirm_window timer and the migration records.

The simulated deployment has compute1 and compute2 (8 vcpus, 16384 MB,
160 GB each); flavor 1 is m1.tiny (512 MB, 1 vcpu, 1 GB), 2 m1.small (2048
MB, 1 vcpu, 20 GB), 3 m1.medium (4096 MB, 2 vcpus, 40 GB).
"""

import dataclasses

from oslo_utils import timeutils

from nova_api.tests.fixtures import compute_driver
from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers
from nova_api.virt import simulated

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
invalid_state = test_server_actions.invalid_state


class Compute1DownDriver(simulated.SimulatedDriver):
    """The simulated hosts, with compute1's service down."""

    def get_hosts(self):
        return [dataclasses.replace(host, up=host.name != 'compute1')
                for host in super().get_hosts()]


def policy_refused(rule):
    return "Policy doesn't allow %s to be performed." % rule


class ResizeHelpers(test_servers.ServerHelpers):

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, start=0, resize=0, revert_resize=0)

    def state(self, server_id):
        server = self.show(server_id, 'admin')
        return (server['status'], server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state'],
                server['OS-EXT-STS:power_state'],
                server['OS-EXT-SRV-ATTR:host'], server['flavor']['id'])

    def act(self, server_id, body, persona='member', version=None,
            status=202):
        resp = self.action(server_id, body, persona, version)
        self.assertEqual(status, resp.status, resp)
        self.assertEqual(b'', resp.body)
        return resp

    def resized(self, flavor='2', persona='member', **fields):
        server_id = self.create(**fields)
        self.act(server_id, {'resize': {'flavorRef': flavor}}, persona)
        return server_id

    def migrations(self, query='', version='2.80'):
        resp = self.api('GET', '/os-migrations' + query, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['migrations']

    def actions(self, server_id):
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id)
        self.assertEqual(200, resp.status, resp)
        return [action['action'] for action in resp.json()['instanceActions']]


class ServerResizeTestV2(ResizeHelpers, base.APITestCase):

    # resize

    def test_resize_to_verify_resize_on_the_other_host(self):
        server_id = self.create()
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        self.act(server_id, {'resize': {'flavorRef': '2'}})
        self.assertEqual(('VERIFY_RESIZE', 'resized', None, 1, 'compute2',
                          '2'), self.state(server_id))
        self.assertEqual(['resize', 'create'], self.actions(server_id))

    def test_resize_tasks(self):
        self.durations(resize=4)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.resized()
        seen = []
        for _ in range(4):
            seen.append(self.state(server_id)[:3])
            timeutils.advance_time_seconds(1)
        seen.append(self.state(server_id)[:3])
        self.assertEqual([
            ('RESIZE', 'active', 'resize_prep'),
            ('RESIZE', 'active', 'resize_migrating'),
            ('RESIZE', 'active', 'resize_migrated'),
            ('RESIZE', 'active', 'resize_finish'),
            ('VERIFY_RESIZE', 'resized', None)], seen)

    def events(self, server_id):
        """[(event, host)] of the server's newest action, first first."""
        path = '/servers/%s/os-instance-actions' % server_id
        resp = self.api('GET', path, persona='admin', version='2.62')
        request_id = resp.json()['instanceActions'][0]['request_id']
        resp = self.api('GET', '%s/%s' % (path, request_id), persona='admin',
                        version='2.62')
        return sorted((event['event'], event.get('host'))
                      for event in resp.json()['instanceAction']['events'])

    def test_confirm(self):
        server_id = self.resized()
        self.act(server_id, {'confirmResize': None}, status=204)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '2'),
                         self.state(server_id))
        self.assertEqual(['confirmResize', 'resize', 'create'],
                         self.actions(server_id))

    def test_revert(self):
        self.durations(revert_resize=NEVER)
        server_id = self.resized()
        self.act(server_id, {'revertResize': None})
        self.assertEqual(('REVERT_RESIZE', 'resized', 'resize_reverting', 1,
                          'compute1', '1'), self.state(server_id))
        self.durations(revert_resize=0)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        self.assertEqual(['revertResize', 'resize', 'create'],
                         self.actions(server_id))

    def test_a_stopped_server_stays_stopped(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.act(server_id, {'resize': {'flavorRef': '2'}})
        self.assertEqual(('VERIFY_RESIZE', 'resized', None, 4, 'compute2',
                          '2'), self.state(server_id))
        self.act(server_id, {'confirmResize': None}, status=204)
        self.assertEqual(('SHUTOFF', 'stopped', None, 4, 'compute2', '2'),
                         self.state(server_id))

    def test_a_stopped_server_is_reverted_stopped(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.act(server_id, {'resize': {'flavorRef': '2'}})
        self.act(server_id, {'revertResize': None})
        self.assertEqual(('SHUTOFF', 'stopped', None, 4, 'compute1', '1'),
                         self.state(server_id))

    def test_same_flavor(self):
        server_id = self.create()
        resp = self.action(server_id, {'resize': {'flavorRef': '1'}})
        self.assertFault(resp, 400,
                         'When resizing, instances must change flavor!')

    def test_unknown_flavor(self):
        server_id = self.create()
        resp = self.action(server_id, {'resize': {'flavorRef': 'nope'}})
        self.assertFault(resp, 400, 'Flavor nope could not be found.')

    def test_bad_bodies(self):
        server_id = self.create()
        for body in ({'resize': {}}, {'resize': None},
                     {'resize': {'flavorRef': ''}},
                     {'resize': {'flavorRef': '2',
                                 'OS-DCF:diskConfig': 'SOMETIMES'}}):
            resp = self.action(server_id, body)
            self.assertEqual(400, resp.status, (body, resp))
            self.assertIn('badRequest', resp.json())

    def test_disk_config(self):
        server_id = self.create()
        self.act(server_id, {'resize': {'flavorRef': '2',
                                        'OS-DCF:diskConfig': 'AUTO'}})
        self.assertEqual('AUTO',
                         self.show(server_id)['OS-DCF:diskConfig'])

    def test_a_smaller_disk_fails_on_the_host(self):
        server_id = self.create(flavorRef='2')
        self.act(server_id, {'resize': {'flavorRef': '1'}})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '2'),
                         self.state(server_id))
        [migration] = self.migrations()
        self.assertEqual('error', migration['status'])
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        persona='admin')
        request_id = resp.json()['instanceActions'][0]['request_id']
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s' % (
            server_id, request_id), persona='admin')
        [event] = resp.json()['instanceAction']['events']
        self.assertEqual(('compute_resize_instance', 'Error'),
                         (event['event'], event['result']))

    def test_no_other_host_has_room(self):
        self.conf.config(group='simulated',
                         hosts=['compute1:nova:8:16384:160'])
        server_id = self.create()
        self.act(server_id, {'resize': {'flavorRef': '2'}})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        [migration] = self.migrations()
        self.assertEqual(('error', None),
                         (migration['status'], migration['dest_compute']))

    def test_to_the_same_host_when_allowed(self):
        self.conf.config(allow_resize_to_same_host=True)
        self.conf.config(group='simulated',
                         hosts=['compute1:nova:8:16384:160'])
        server_id = self.resized()
        self.assertEqual(('VERIFY_RESIZE', 'resized', None, 1, 'compute1',
                          '2'), self.state(server_id))

    def test_quota_for_the_larger_flavor(self):
        self.set_quota(cores=1)
        server_id = self.create()
        resp = self.action(server_id, {'resize': {'flavorRef': '3'}})
        self.assertFault(resp, 403, 'Quota exceeded for cores: Requested 1, '
                                    'but already used 1 of 1 cores')

    def test_wrong_states(self):
        self.durations(resize=NEVER)
        server_id = self.resized()
        for body, name in (({'resize': {'flavorRef': '3'}}, 'resize'),
                           ({'confirmResize': None}, 'confirmResize'),
                           ({'revertResize': None}, 'revertResize'),
                           ({'migrate': None}, 'migrate')):
            resp = self.action(server_id, body, 'admin')
            self.assertFault(resp, 409, invalid_state(
                name, server_id, 'vm_state' if 'Resize' in name
                else 'task_state',
                'active' if 'Resize' in name else 'resize_prep'))

    def test_confirm_and_revert_need_a_resized_server(self):
        server_id = self.create()
        for body, name in (({'confirmResize': None}, 'confirmResize'),
                           ({'revertResize': None}, 'revertResize')):
            resp = self.action(server_id, body)
            self.assertFault(resp, 409, invalid_state(
                name, server_id, 'vm_state', 'active'))

    def test_a_locked_server(self):
        server_id = self.create()
        self.act(server_id, {'lock': None})
        for body in ({'resize': {'flavorRef': '2'}}, {'confirmResize': None},
                     {'revertResize': None}):
            self.assertFault(self.action(server_id, body), 409,
                             'Instance %s is locked' % server_id)

    def test_unknown_and_other_projects_servers(self):
        server_id = self.create()
        for body in ({'resize': {'flavorRef': '2'}}, {'confirmResize': None},
                     {'revertResize': None}, {'migrate': None}):
            resp = self.action(MISSING, body)
            self.assertFault(resp, 404, test_servers.not_found(MISSING))
            resp = self.action(server_id, body, 'other')
            self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_capacity_held_on_both_hosts_until_confirmed(self):
        self.set_quota(cores=-1, ram=-1)
        # Each host takes one m1.xlarge (8 vcpus, 16384 MB) at most, and
        # only with nothing reserved and no overcommit.
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        server_id = self.create(flavorRef='4')
        self.act(server_id, {'resize': {'flavorRef': '5'}})
        self.assertEqual('compute2', self.state(server_id)[4])
        # compute1 still holds m1.large (4 vcpus): no room for 8.
        resp = self.post_server(flavorRef='5')
        self.assertEqual(202, resp.status)
        other = resp.json()['server']['id']
        self.assertEqual('ERROR', self.show(other)['status'])
        self.act(server_id, {'confirmResize': None}, status=204)
        self.assertEqual('compute1', self.state(self.create(
            flavorRef='5'))[4])

    def test_auto_confirm(self):
        self.conf.config(resize_confirm_window=60)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.resized()
        timeutils.advance_time_seconds(59)
        self.assertEqual('VERIFY_RESIZE', self.state(server_id)[0])
        self.assertEqual('finished', self.migrations()[0]['status'])
        timeutils.advance_time_seconds(1)
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute2', '2'),
                         self.state(server_id))
        self.assertEqual('confirmed', self.migrations()[0]['status'])
        resp = self.action(server_id, {'confirmResize': None})
        self.assertFault(resp, 409, invalid_state(
            'confirmResize', server_id, 'vm_state', 'active'))

    def test_a_resized_server_is_deleted_with_both_places(self):
        self.set_quota(cores=-1, ram=-1)
        self.conf.config(reserved_host_memory_mb=0, cpu_allocation_ratio=1.0)
        server_id = self.create(flavorRef='4')
        self.act(server_id, {'resize': {'flavorRef': '5'}})
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        # Confirmed first, as Nova does.
        self.assertEqual('confirmed', self.migrations()[0]['status'])
        # Both hosts are free again: one m1.xlarge each.
        self.assertEqual({'compute1', 'compute2'}, {
            self.state(self.create(flavorRef='5'))[4] for _ in range(2)})

    def test_the_source_host_must_be_up(self):
        # Resized from compute1, and a server on compute1.
        resized = self.resized()
        server_id = self.create()
        self.assertEqual('compute1', self.state(server_id)[4])
        self.useFixture(compute_driver.ComputeDriver(Compute1DownDriver()))
        for target, body in ((server_id, {'resize': {'flavorRef': '2'}}),
                             (resized, {'confirmResize': None})):
            self.assertFault(self.action(target, body, 'admin'), 409,
                             'Service is unavailable at this time.')
        self.assertFault(self.action(server_id, {'migrate': None}, 'admin'),
                         409, 'Service is unavailable at this time.')

    def test_policy(self):
        server_id = self.create()
        self.act(server_id, {'resize': {'flavorRef': '2'}}, 'admin')
        self.act(server_id, {'confirmResize': None}, 'admin', status=204)

    def test_list_by_status(self):
        self.durations(resize=4)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        resized = self.resized()
        timeutils.advance_time_seconds(10)
        resizing = self.resized()
        for status, found in (('RESIZE', [resizing]),
                              ('VERIFY_RESIZE', [resized]),
                              ('REVERT_RESIZE', [])):
            resp = self.api('GET', '/servers?status=' + status,
                            persona='member')
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(found, [server['id'] for server in
                                     resp.json()['servers']], status)

    # migrate

    def test_migrate(self):
        server_id = self.create()
        self.act(server_id, {'migrate': None}, 'admin')
        self.assertEqual(('VERIFY_RESIZE', 'resized', None, 1, 'compute2',
                          '1'), self.state(server_id))
        self.assertEqual(['migrate', 'create'], self.actions(server_id))
        self.assertEqual('finished', self.migrations()[0]['status'])
        self.act(server_id, {'revertResize': None})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1', '1'),
                         self.state(server_id))
        self.assertEqual('reverted', self.migrations()[0]['status'])

    def test_migrate_is_for_managers(self):
        server_id = self.create()
        resp = self.action(server_id, {'migrate': None})
        self.assertFault(resp, 403, policy_refused(
            'os_compute_api:os-migrate-server:migrate'))

    def test_migrate_with_no_other_host(self):
        self.conf.config(group='simulated',
                         hosts=['compute1:nova:8:16384:160'])
        server_id = self.create()
        self.act(server_id, {'migrate': None}, 'admin')
        self.assertEqual('ACTIVE', self.state(server_id)[0])
        self.assertEqual('error', self.migrations()[0]['status'])


class ServerResizeTestV21(base.V21, ServerResizeTestV2):

    def test_resize_and_revert_events(self):
        server_id = self.resized()
        self.assertEqual([('compute_finish_resize', 'compute2'),
                          ('compute_prep_resize', 'compute2'),
                          ('compute_resize_instance', 'compute1'),
                          ('conductor_migrate_server', 'conductor')],
                         self.events(server_id))
        self.act(server_id, {'revertResize': None})
        self.assertEqual([('compute_finish_revert_resize', 'compute1'),
                          ('compute_revert_resize', 'compute2')],
                         self.events(server_id))

    def test_a_resized_servers_crash_dump(self):
        server_id = self.resized()
        self.act(server_id, {'trigger_crash_dump': None}, version='2.17')

    def test_unknown_properties(self):
        server_id = self.create()
        resp = self.action(server_id, {'resize': {'flavorRef': '2',
                                                  'foo': 1}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "resize. Value: {'flavorRef': '2', 'foo': 1}. "
                         "Additional properties are not allowed ('foo' was "
                         "unexpected)")

    def test_bad_bodies_answer_novas_messages(self):
        # As the real Nova (34.0.0) answers them.
        server_id = self.create()
        for body, message in (
                ({'resize': {}}, "Invalid input for field/attribute resize. "
                 "Value: {}. 'flavorRef' is a required property"),
                ({'resize': {'flavorRef': ''}}, "Invalid input for "
                 "field/attribute flavorRef. Value: . '' should be "
                 "non-empty"),
                ({'migrate': {'host': ''}}, "Invalid input for "
                 "field/attribute host. Value: . '' should be non-empty"),
                ({'migrate': {'foo': 1}}, "Invalid input for "
                 "field/attribute migrate. Value: {'foo': 1}. Additional "
                 "properties are not allowed ('foo' was unexpected)")):
            resp = self.action(server_id, body, 'admin', version='2.56')
            self.assertFault(resp, 400, message)

    def test_migration_types(self):
        first = self.resized()
        second = self.create()
        self.act(second, {'migrate': None}, 'admin')
        self.assertEqual(
            [(second, 'migration'), (first, 'resize')],
            [(migration['instance_uuid'], migration['migration_type'])
             for migration in self.migrations()])

    def test_migrate_to_a_host(self):
        server_id = self.create()
        self.act(server_id, {'migrate': {'host': 'compute2'}}, 'admin',
                 version='2.56')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_migrate_to_its_own_host(self):
        server_id = self.create()
        resp = self.action(server_id, {'migrate': {'host': 'compute1'}},
                           'admin', version='2.56')
        self.assertFault(resp, 400, 'Cannot migrate to the host where the '
                                    'server exists.')

    def test_migrate_to_an_unknown_host(self):
        server_id = self.create()
        resp = self.action(server_id, {'migrate': {'host': 'nowhere'}},
                           'admin', version='2.56')
        self.assertFault(resp, 400, 'Compute host nowhere could not be found.')

    def test_host_before_256_is_ignored(self):
        server_id = self.create()
        self.act(server_id, {'migrate': {'host': 'compute1'}}, 'admin',
                 version='2.55')
        self.assertEqual('compute2', self.state(server_id)[4])

    def test_bad_migrate_bodies(self):
        server_id = self.create()
        for body in ({'migrate': {'host': ''}}, {'migrate': {'foo': 1}},
                     {'migrate': 'x'}):
            resp = self.action(server_id, body, 'admin', version='2.56')
            self.assertEqual(400, resp.status, (body, resp))

    def test_migrate_to_a_host_is_for_admins(self):
        server_id = self.create()
        resp = self.action(server_id, {'migrate': {'host': 'compute2'}},
                           version='2.56')
        self.assertFault(resp, 403, policy_refused(
            'os_compute_api:os-migrate-server:migrate:host'))
