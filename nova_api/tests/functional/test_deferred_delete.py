"""Soft delete (DELETE /servers/{id} with [DEFAULT]
reclaim_instance_interval set), its reclaim once the interval has passed,
and the restore and forceDelete server actions (api-ref "Restore
Soft-Deleted Instance (restore Action)", "Force-Delete Server
(forceDelete Action)").

Tasks run for their [simulated] *_seconds (0: at once, NEVER: through the
test); the reclaim is watched with oslo.utils' time override, never
waited for.
"""

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-deferred-delete:%s'
INTERVAL = 3600
invalid_state = test_server_actions.invalid_state
policy_refusal = test_servers.policy_refusal
not_found = test_servers.not_found


class DeferredDeleteTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, soft_delete=0, restore=0)
        self.conf.config(reclaim_instance_interval=INTERVAL)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)

    def state(self, server_id, persona='admin'):
        server = self.show(server_id, persona)
        return (server['status'], server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state'],
                server['OS-EXT-STS:power_state'],
                server['OS-EXT-SRV-ATTR:host'] if persona == 'admin'
                else None)

    def act(self, server_id, body, persona='member'):
        resp = self.action(server_id, body, persona)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        return resp

    def delete(self, server_id, persona='member'):
        resp = self.api('DELETE', '/servers/' + server_id, persona=persona)
        self.assertEqual(204, resp.status, resp)
        return resp

    def soft_deleted(self, **fields):
        server_id = self.create(**fields)
        self.delete(server_id)
        return server_id

    def listed(self, query='', persona='admin'):
        if persona == 'admin':
            query = 'all_tenants=1&' + query
        resp = self.api('GET', '/servers?' + query, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return sorted(server['id'] for server in resp.json()['servers'])

    def actions(self, server_id, version=None):
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return [(action['action'], action['request_id'])
                for action in resp.json()['instanceActions']]

    def events(self, server_id, request_id, version=None):
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s' % (
            server_id, request_id), version=version)
        self.assertEqual(200, resp.status, resp)
        return [event['event']
                for event in resp.json()['instanceAction']['events']]

    def addresses(self, server_id):
        return [address['addr'] for address
                in self.show(server_id)['addresses']['private']]

    def usage(self, persona='member'):
        resp = self.api('GET', '/limits', persona=persona)
        self.assertEqual(200, resp.status, resp)
        absolute = resp.json()['limits']['absolute']
        return (absolute['totalInstancesUsed'], absolute['totalCoresUsed'],
                absolute['totalRAMUsed'])

    # Soft delete

    def test_delete_soft_deletes(self):
        server_id = self.soft_deleted()
        self.assertEqual(('SOFT_DELETED', 'soft-delete', None, 4,
                          'compute1'), self.state(server_id))
        self.assertEqual(('SOFT_DELETED', 'soft-delete', None, 4, None),
                         self.state(server_id, 'member'))

    def test_soft_deleting_shows_its_task(self):
        self.durations(soft_delete=NEVER)
        server_id = self.soft_deleted()
        self.assertEqual(('ACTIVE', 'active', 'soft-deleting', 1,
                          'compute1'), self.state(server_id))
        self.assertEqual([server_id], self.listed('status=ACTIVE'))
        # A second delete while it runs changes nothing, as in Nova.
        self.delete(server_id)
        self.assertEqual(['create', 'delete'],
                         sorted(name for name, _id in self.actions(server_id)))
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 409, invalid_state(
            'restore', server_id, 'vm_state', 'active'))

    def test_a_soft_delete_is_recorded(self):
        server_id = self.soft_deleted()
        [(name, request_id), (created, _id)] = self.actions(server_id)
        self.assertEqual(('delete', 'create'), (name, created))
        self.assertEqual(['compute_soft_delete_instance'],
                         self.events(server_id, request_id, '2.51'))

    def test_a_stopped_server_is_soft_deleted(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.delete(server_id)
        self.assertEqual('SOFT_DELETED', self.state(server_id)[0])

    def test_a_server_never_launched_is_deleted_at_once(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.delete(server_id)
        resp = self.api('GET', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))

    def test_a_locked_server_is_not_soft_deleted(self):
        server_id = self.create()
        self.act(server_id, {'lock': None}, persona='admin')
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)
        self.assertEqual('ACTIVE', self.state(server_id)[0])

    def test_interval_0_deletes_at_once(self):
        self.conf.config(reclaim_instance_interval=0)
        server_id = self.create()
        self.delete(server_id)
        resp = self.api('GET', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))

    def test_lists_leave_soft_deleted_servers_out(self):
        kept = self.create()
        server_id = self.soft_deleted()
        self.assertEqual([kept], self.listed())
        self.assertEqual([kept], self.listed('deleted=false'))
        self.assertEqual([kept], self.listed(persona='member'))
        self.assertEqual(sorted([kept, server_id]),
                         self.listed('soft_deleted=true'))
        self.assertEqual([server_id], self.listed('deleted=true'))
        self.assertEqual([], self.listed('status=SOFT_DELETED'))
        self.assertEqual([server_id],
                         self.listed('status=SOFT_DELETED&soft_deleted=1'))
        self.assertEqual(sorted([kept, server_id]), self.listed(
            'changes-since=2000-01-01T00:00:00Z'))

    def test_quota_is_freed_but_not_the_host_nor_the_addresses(self):
        # Room for one m1.tiny: 1024 MB less the 512 kept for the host.
        self.conf.config(hosts=['compute1:nova:1:1024:160'],
                         group='simulated')
        server_id = self.create()
        address = self.show(server_id)['addresses']
        self.assertEqual((1, 1, 512), self.usage())
        self.delete(server_id)
        self.assertEqual((0, 0, 0), self.usage())
        self.assertEqual(address, self.show(server_id)['addresses'])
        # The one host's memory is still taken.
        resp = self.post_server()
        self.assertEqual(202, resp.status, resp)
        other = resp.json()['server']['id']
        self.assertEqual('ERROR', self.state(other)[0])

    # The reclaim

    def test_reclaimed_once_the_interval_has_passed(self):
        server_id = self.soft_deleted()
        timeutils.advance_time_seconds(INTERVAL - 1)
        self.assertEqual('SOFT_DELETED', self.state(server_id)[0])
        timeutils.advance_time_seconds(1)
        resp = self.api('GET', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))
        self.assertEqual([], self.listed())
        self.assertEqual([], self.listed('soft_deleted=true'))
        self.assertEqual([server_id], self.listed('deleted=true'))
        resp = self.api('GET', '/servers/detail?changes-since='
                        '2000-01-01T00:00:00Z&all_tenants=1')
        [server] = resp.json()['servers']
        self.assertEqual(('DELETED', 'deleted', {}), (
            server['status'], server['OS-EXT-STS:vm_state'],
            server['addresses']))
        resp = self.api('DELETE', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))

    def test_a_reclaimed_server_frees_its_host_and_address(self):
        self.conf.config(hosts=['compute1:nova:1:16384:160'],
                         group='simulated')
        server_id = self.soft_deleted()
        addresses = self.addresses(server_id)
        timeutils.advance_time_seconds(INTERVAL)
        other = self.create()
        self.assertEqual('ACTIVE', self.state(other)[0])
        self.assertEqual(addresses, self.addresses(other))

    def test_a_reclaimed_server_leaves_its_group(self):
        resp = self.api('POST', '/os-server-groups', {'server_group': {
            'name': 'group', 'policies': ['anti-affinity']}},
            persona='member')
        self.assertEqual(200, resp.status, resp)
        group_id = resp.json()['server_group']['id']
        resp = self.api('POST', '/servers', {
            'server': {'name': 's1', 'imageRef': test_servers.CIRROS,
                       'flavorRef': '1'},
            'os:scheduler_hints': {'group': group_id}}, persona='member')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        self.delete(server_id)

        def members():
            resp = self.api('GET', '/os-server-groups/' + group_id,
                            persona='member')
            self.assertEqual(200, resp.status, resp)
            return resp.json()['server_group']['members']

        self.assertEqual([server_id], members())
        timeutils.advance_time_seconds(INTERVAL)
        self.assertEqual([], members())

    def test_a_second_delete_starts_the_interval_again(self):
        server_id = self.soft_deleted()
        timeutils.advance_time_seconds(INTERVAL - 1)
        self.delete(server_id)
        timeutils.advance_time_seconds(INTERVAL - 1)
        self.assertEqual('SOFT_DELETED', self.state(server_id)[0])

    def test_never_reclaimed_once_the_interval_is_0(self):
        server_id = self.soft_deleted()
        self.conf.config(reclaim_instance_interval=0)
        timeutils.advance_time_seconds(10 ** 7)
        self.assertEqual('SOFT_DELETED', self.state(server_id)[0])

    # restore

    def test_restore(self):
        server_id = self.soft_deleted()
        self.act(server_id, {'restore': None})
        self.assertEqual(('ACTIVE', 'active', None, 1, 'compute1'),
                         self.state(server_id))
        self.assertEqual([server_id], self.listed())
        self.assertEqual((1, 1, 512), self.usage())
        timeutils.advance_time_seconds(INTERVAL * 2)
        self.assertEqual('ACTIVE', self.state(server_id)[0])

    def test_restoring_shows_its_task(self):
        self.durations(restore=NEVER)
        server_id = self.soft_deleted()
        self.act(server_id, {'restore': None})
        self.assertEqual(('SOFT_DELETED', 'soft-delete', 'restoring', 4,
                          'compute1'), self.state(server_id))
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 409, invalid_state(
            'restore', server_id, 'task_state', 'restoring'))

    def test_a_restore_is_recorded(self):
        server_id = self.soft_deleted()
        resp = self.act(server_id, {'restore': None})
        (name, request_id) = self.actions(server_id)[0]
        self.assertEqual(('restore', resp.header('x-openstack-request-id')),
                         (name, request_id))
        self.assertEqual(['compute_restore_instance'],
                         self.events(server_id, request_id, '2.51'))

    def test_restore_only_a_soft_deleted_server(self):
        server_id = self.create()
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 409, invalid_state(
            'restore', server_id, 'vm_state', 'active'))

    def test_restore_a_locked_server(self):
        server_id = self.soft_deleted()
        self.act(server_id, {'lock': None}, persona='admin')
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)
        self.act(server_id, {'restore': None}, persona='admin')

    def test_restore_over_quota(self):
        server_id = self.soft_deleted()
        self.create()
        self.set_quota(instances=1)
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 403, 'Quota exceeded for instances: '
                         'Requested 1, but already used 1 of 1 instances')
        self.assertEqual('SOFT_DELETED', self.state(server_id)[0])

    def test_restore_policy(self):
        server_id = self.soft_deleted()
        resp = self.action(server_id, {'restore': None}, persona='other')
        self.assertFault(resp, 404, not_found(server_id))
        self.use_policy_file({RULE % 'restore': 'role:admin'})
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 403, policy_refusal(RULE % 'restore'))
        self.act(server_id, {'restore': None}, persona='admin')

    def test_restore_an_unknown_server(self):
        resp = self.action(MISSING, {'restore': None})
        self.assertFault(resp, 404, not_found(MISSING))

    def test_restore_a_reclaimed_server(self):
        server_id = self.soft_deleted()
        timeutils.advance_time_seconds(INTERVAL)
        resp = self.action(server_id, {'restore': None})
        self.assertFault(resp, 404, not_found(server_id))

    # forceDelete

    def test_force_delete_a_soft_deleted_server(self):
        server_id = self.soft_deleted()
        self.act(server_id, {'forceDelete': None})
        resp = self.api('GET', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))
        self.assertEqual([server_id], self.listed('deleted=true'))
        self.assertEqual((0, 0, 0), self.usage())

    def test_force_delete_an_active_server(self):
        server_id = self.create()
        self.act(server_id, {'forceDelete': None})
        resp = self.api('GET', '/servers/' + server_id)
        self.assertFault(resp, 404, not_found(server_id))

    def test_force_delete_frees_the_host_at_once(self):
        self.conf.config(hosts=['compute1:nova:1:16384:160'],
                         group='simulated')
        server_id = self.soft_deleted()
        self.act(server_id, {'forceDelete': None})
        self.assertEqual('ACTIVE', self.state(self.create())[0])

    def test_force_delete_during_a_task(self):
        self.durations(restore=NEVER)
        server_id = self.soft_deleted()
        self.act(server_id, {'restore': None})
        resp = self.action(server_id, {'forceDelete': None})
        self.assertFault(resp, 409, invalid_state(
            'forceDelete', server_id, 'task_state', 'restoring'))

    def test_force_delete_a_locked_server(self):
        server_id = self.soft_deleted()
        self.act(server_id, {'lock': None}, persona='admin')
        resp = self.action(server_id, {'forceDelete': None})
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)

    def test_force_delete_policy(self):
        server_id = self.soft_deleted()
        resp = self.action(server_id, {'forceDelete': None},
                           persona='other')
        self.assertFault(resp, 404, not_found(server_id))
        self.use_policy_file({RULE % 'force': 'role:admin'})
        resp = self.action(server_id, {'forceDelete': None})
        self.assertFault(resp, 403, policy_refusal(RULE % 'force'))
        self.act(server_id, {'forceDelete': None}, persona='admin')

    def test_force_delete_an_unknown_server(self):
        resp = self.action(MISSING, {'forceDelete': None})
        self.assertFault(resp, 404, not_found(MISSING))

    def test_any_value_is_taken(self):
        server_id = self.soft_deleted()
        self.act(server_id, {'restore': {'any': 'thing'}})
        self.delete(server_id)
        self.act(server_id, {'forceDelete': 'yes'})


class DeferredDeleteTestV21(base.V21, DeferredDeleteTestV2):

    def test_a_force_delete_is_recorded_as_a_delete(self):
        server_id = self.soft_deleted()
        resp = self.act(server_id, {'forceDelete': None})
        request_id = resp.header('x-openstack-request-id')
        self.assertEqual(('delete', request_id),
                         self.actions(server_id, '2.21')[0])
        self.assertEqual(['compute_terminate_instance'],
                         self.events(server_id, request_id, '2.51'))
