"""The changePassword server action (api-ref "Change Administrative
Password (changePassword Action)"), with the states nova/compute/api.py
set_admin_password allows."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
RULE = 'os_compute_api:os-admin-password'
invalid_state = test_server_actions.invalid_state


class AdminPasswordTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(change_password=0, stop=0)

    def change(self, server_id, password='foo', persona='member'):
        return self.action(server_id,
                           {'changePassword': {'adminPass': password}},
                           persona=persona)

    def state(self, server_id):
        server = self.show(server_id)
        return (server['status'], server['OS-EXT-STS:task_state'])

    def test_change_password(self):
        server_id = self.create()
        self.durations(change_password=NEVER)
        resp = self.change(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(('PASSWORD', 'updating_password'),
                         self.state(server_id))
        self.durations(change_password=0)
        self.assertEqual(('ACTIVE', None), self.state(server_id))

    def test_the_password_is_not_shown_anywhere(self):
        server_id = self.create()
        self.assertEqual(202, self.change(server_id, 'n0t-sh0wn').status)
        resp = self.api('GET', '/servers/' + server_id, persona='admin')
        self.assertNotIn(b'n0t-sh0wn', resp.body)
        resp = self.api('GET', '/servers/%s/os-server-password' % server_id,
                        persona='member')
        self.assertEqual({'password': ''}, resp.json())

    def test_any_string_is_a_password(self):
        server_id = self.create()
        for password in ('', ' x ' * 100, 'pässwörd'):
            self.assertEqual(202, self.change(server_id, password).status)

    def test_while_changing_the_password(self):
        self.durations(change_password=NEVER)
        server_id = self.create()
        self.assertEqual(202, self.change(server_id).status)
        self.assertFault(self.change(server_id), 409, invalid_state(
            'changePassword', server_id, 'task_state', 'updating_password'))
        self.assertFault(self.action(server_id, {'os-stop': None}), 409,
                         invalid_state('stop', server_id, 'task_state',
                                       'updating_password'))

    def test_a_stopped_server(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None})
                         .status)
        self.assertFault(self.change(server_id), 409, invalid_state(
            'changePassword', server_id, 'vm_state', 'stopped'))

    def test_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.change(server_id), 409, invalid_state(
            'changePassword', server_id, 'vm_state', 'building'))

    def test_a_rescued_server(self):
        self.durations(rescue=0)
        server_id = self.create()
        self.assertEqual(200, self.action(server_id, {'rescue': None})
                         .status)
        self.assertFault(self.change(server_id), 409, invalid_state(
            'changePassword', server_id, 'vm_state', 'rescued'))

    def test_a_locked_server(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'lock': None}).status)
        self.assertFault(self.change(server_id), 409,
                         'Instance %s is locked' % server_id)
        self.assertEqual(202, self.change(server_id, persona='admin').status)

    def test_password_status_filter(self):
        self.durations(change_password=NEVER)
        changing = self.create(name='changing')
        self.create(name='other')
        self.assertEqual(202, self.change(changing).status)
        resp = self.api('GET', '/servers?status=PASSWORD', persona='member')
        self.assertEqual([changing], [server['id'] for server in
                                      resp.json()['servers']])

    def test_bad_bodies(self):
        server_id = self.create()
        for body, message in (
                ({'changePassword': {}},
                 "Invalid input for field/attribute changePassword. Value: "
                 "{}. 'adminPass' is a required property"),
                ({'changePassword': {'adminPass': 1}},
                 "Invalid input for field/attribute adminPass. Value: 1. "
                 "1 is not of type 'string'"),
                ({'changePassword': None},
                 "Invalid input for field/attribute changePassword. Value: "
                 "None. None is not of type 'object'")):
            self.assertFault(self.action(server_id, body), 400, message)
        self.assertEqual(('ACTIVE', None), self.state(server_id))

    def test_unknown_server(self):
        self.assertFault(self.change(MISSING), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        self.assertFault(self.change(server_id, persona='other'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_policy_refusal(self):
        server_id = self.create()
        self.use_policy_file({RULE: 'role:admin'})
        self.assertFault(self.change(server_id), 403,
                         test_servers.policy_refusal(RULE))
        self.assertEqual(202, self.change(server_id, persona='admin').status)

    def test_unknown_properties(self):
        server_id = self.create()
        resp = self.action(server_id, {'changePassword': {
            'adminPass': 'foo', 'user': 'root'}})
        self.assertEqual(202, resp.status, resp)


class AdminPasswordTestV21(base.V21, AdminPasswordTestV2):

    def test_unknown_properties(self):
        # /v2 drops them; /v2.1 refuses them.
        server_id = self.create()
        self.assertFault(
            self.action(server_id, {'changePassword': {
                'adminPass': 'foo', 'user': 'root'}}), 400,
            "Invalid input for field/attribute changePassword. Value: "
            "{'adminPass': 'foo', 'user': 'root'}. Additional properties "
            "are not allowed ('user' was unexpected)")
