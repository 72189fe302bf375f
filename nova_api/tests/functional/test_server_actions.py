"""POST /servers/{id}/action: reboot, os-stop and os-start.

A task runs for its [simulated] *_seconds: NEVER keeps it running through
a test, 0 ends it at once. The 409 messages are those of Nova's API
(nova/api/openstack/common.py raise_http_conflict_for_instance_invalid_state
with the states nova/compute/api.py checks).
"""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING


def invalid_state(action, server_id, attr, state):
    return "Cannot '%s' instance %s while it is in %s %s" % (
        action, server_id, attr, state)


class ServerActionsTestV2(test_servers.ServerHelpers, base.APITestCase):

    def assertState(self, server_id, status, vm_state, task_state,
                    power_state):
        server = self.show(server_id)
        self.assertEqual((status, vm_state, task_state, power_state),
                         (server['status'], server['OS-EXT-STS:vm_state'],
                          server['OS-EXT-STS:task_state'],
                          server['OS-EXT-STS:power_state']))

    def act(self, server_id, body, persona='member'):
        resp = self.action(server_id, body, persona)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')

    # Reboot.

    def test_soft_reboot(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertState(server_id, 'REBOOT', 'active', 'rebooting', 1)
        self.durations(reboot=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_hard_reboot(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'hard'}})
        self.assertState(server_id, 'HARD_REBOOT', 'active',
                         'rebooting_hard', 1)
        self.durations(reboot=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_hard_reboot_during_a_soft_reboot(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'SOFT'}})
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        self.assertState(server_id, 'HARD_REBOOT', 'active',
                         'rebooting_hard', 1)

    def test_soft_reboot_during_a_reboot(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'SOFT'}})
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertFault(resp, 409, invalid_state(
            'reboot', server_id, 'task_state', 'rebooting'))

    def test_reboot_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        for reboot_type in ('SOFT', 'HARD'):
            resp = self.action(server_id, {'reboot': {'type': reboot_type}})
            self.assertFault(resp, 409, invalid_state(
                'reboot', server_id, 'vm_state', 'building'))

    def test_hard_reboot_of_a_stopped_server(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertFault(resp, 409, invalid_state(
            'reboot', server_id, 'vm_state', 'stopped'))
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        # Nova shows a stopped server rebooting as SHUTOFF.
        self.assertState(server_id, 'SHUTOFF', 'stopped',
                         'rebooting_hard', 4)
        self.durations(reboot=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_reboot_bad_bodies(self):
        server_id = self.create()
        for body in ({'reboot': {'type': 'MEDIUM'}}, {'reboot': {}},
                     {'reboot': None}):
            self.assertEqual(400, self.action(server_id, body).status, body)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    # Stop and start.

    def test_stop(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.assertState(server_id, 'ACTIVE', 'active', 'powering-off', 1)
        self.durations(stop=0)
        self.assertState(server_id, 'SHUTOFF', 'stopped', None, 4)

    def test_start(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.act(server_id, {'os-start': None})
        self.assertState(server_id, 'SHUTOFF', 'stopped', 'powering-on', 4)
        self.durations(start=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_stop_a_stopped_server(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.assertFault(self.action(server_id, {'os-stop': None}), 409,
                         invalid_state('stop', server_id, 'vm_state',
                                       'stopped'))

    def test_stop_while_stopping(self):
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.assertFault(self.action(server_id, {'os-stop': None}), 409,
                         invalid_state('stop', server_id, 'task_state',
                                       'powering-off'))

    def test_start_an_active_server(self):
        server_id = self.create()
        self.assertFault(self.action(server_id, {'os-start': None}), 409,
                         invalid_state('start', server_id, 'vm_state',
                                       'active'))

    def test_stop_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.action(server_id, {'os-stop': None}), 409,
                         invalid_state('stop', server_id, 'vm_state',
                                       'building'))

    def test_stop_a_server_without_a_host(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.action(server_id, {'os-stop': None}), 409,
                         'Instance %s is not ready' % server_id)

    def test_hard_reboot_of_a_server_never_launched(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(
            self.action(server_id, {'reboot': {'type': 'HARD'}}), 409,
            "Instance %s is in an invalid state for 'reboot'" % server_id)
        self.assertFault(
            self.action(server_id, {'reboot': {'type': 'SOFT'}}), 409,
            invalid_state('reboot', server_id, 'vm_state', 'error'))

    def test_stop_and_start_with_any_argument(self):
        self.durations(stop=0, start=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': {}})
        self.act(server_id, {'os-start': 'now'})
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    # Refusals.

    def test_unknown_action(self):
        server_id = self.create()
        self.assertFault(self.action(server_id, {'foo': None}), 400,
                         'There is no such action: foo')

    def test_action_on_an_unknown_server(self):
        for body in ({'reboot': {'type': 'SOFT'}}, {'os-stop': None},
                     {'os-start': None}):
            self.assertFault(self.action(MISSING, body), 404,
                             test_servers.not_found(MISSING))

    def test_action_on_another_projects_server(self):
        server_id = self.create(persona='other')
        for body in ({'reboot': {'type': 'SOFT'}}, {'os-stop': None}):
            self.assertFault(self.action(server_id, body), 404,
                             test_servers.not_found(server_id))
        self.assertEqual('ACTIVE', self.show(server_id, 'other')['status'])

    def test_admin_acts_on_another_projects_server(self):
        server_id = self.create(persona='other')
        self.act(server_id, {'os-stop': None}, persona='admin')
        self.assertEqual('powering-off', self.show(server_id, 'other')[
            'OS-EXT-STS:task_state'])

    def test_delete_while_rebooting(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)


class ServerActionsTestV21(base.V21, ServerActionsTestV2):

    def test_reboot_type_message(self):
        server_id = self.create()
        self.assertFault(
            self.action(server_id, {'reboot': {'type': 'MEDIUM'}}), 400,
            "Invalid input for field/attribute type. Value: MEDIUM. 'MEDIUM' "
            "is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']")

    def test_unknown_property_of_reboot(self):
        server_id = self.create()
        resp = self.action(server_id, {'reboot': {'type': 'SOFT', 'x': 1}})
        self.assertEqual(400, resp.status, resp)
