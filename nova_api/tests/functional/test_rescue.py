"""The rescue and unrescue server actions (api-ref "Rescue Server
(rescue Action)", "Unrescue Server (unrescue Action)"), with the states
nova/compute/api.py allows them from."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

CIRROS = test_servers.CIRROS
MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
invalid_state = test_server_actions.invalid_state
policy_refusal = test_servers.policy_refusal


class RescueTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(rescue=0, unrescue=0, stop=0)

    def assertState(self, server_id, status, vm_state, task_state,
                    power_state):
        server = self.show(server_id, 'admin')
        self.assertEqual((status, vm_state, task_state, power_state),
                         (server['status'], server['OS-EXT-STS:vm_state'],
                          server['OS-EXT-STS:task_state'],
                          server['OS-EXT-STS:power_state']))

    def rescue(self, server_id, body=None, persona='member'):
        return self.action(server_id, {'rescue': body}, persona=persona)

    def unrescue(self, server_id, persona='member'):
        return self.action(server_id, {'unrescue': None}, persona=persona)

    def rescued(self, **fields):
        server_id = self.create(**fields)
        resp = self.rescue(server_id)
        self.assertEqual(200, resp.status, resp)
        return server_id

    # Rescue.

    def test_rescue_with_a_password(self):
        server_id = self.create()
        resp = self.rescue(server_id, {'adminPass': 'MySecretPass'})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'adminPass': 'MySecretPass'}, resp.json())
        self.assertVersionHeaders(resp, '2.1')
        self.assertState(server_id, 'RESCUE', 'rescued', None, 1)

    def test_rescue_generates_a_password(self):
        server_id = self.create()
        resp = self.rescue(server_id)
        self.assertEqual(200, resp.status, resp)
        password = resp.json()['adminPass']
        self.assertEqual(12, len(password))
        self.assertTrue(password.isalnum(), password)
        other_id = self.create(name='s2')
        resp = self.rescue(other_id, {})
        self.assertEqual(200, resp.status, resp)
        self.assertNotEqual(password, resp.json()['adminPass'])

    def test_an_empty_password_is_kept(self):
        server_id = self.create()
        resp = self.rescue(server_id, {'adminPass': ''})
        self.assertEqual({'adminPass': ''}, resp.json())

    def test_no_password_shown_when_instance_passwords_are_off(self):
        self.conf.config(enable_instance_password=False, group='api')
        server_id = self.create()
        resp = self.rescue(server_id, {'adminPass': 'MySecretPass'})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({}, resp.json())
        self.assertState(server_id, 'RESCUE', 'rescued', None, 1)

    def test_rescue_with_an_image(self):
        server_id = self.create()
        resp = self.rescue(server_id, {'rescue_image_ref': CIRROS})
        self.assertEqual(200, resp.status, resp)
        self.assertState(server_id, 'RESCUE', 'rescued', None, 1)

    def test_rescue_with_an_unknown_image(self):
        server_id = self.create()
        resp = self.rescue(server_id, {'rescue_image_ref': MISSING})
        self.assertFault(resp, 400, "Requested rescue image '%s' is not "
                                    "supported" % MISSING)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_the_state_is_checked_before_the_image(self):
        server_id = self.rescued()
        resp = self.rescue(server_id, {'rescue_image_ref': MISSING})
        self.assertFault(resp, 409, invalid_state(
            'rescue', server_id, 'vm_state', 'rescued'))

    def test_rescuing_takes_the_rescue_duration(self):
        self.durations(rescue=NEVER)
        server_id = self.rescued()
        self.assertState(server_id, 'ACTIVE', 'active', 'rescuing', 1)
        resp = self.rescue(server_id)
        self.assertFault(resp, 409, invalid_state(
            'rescue', server_id, 'task_state', 'rescuing'))
        self.durations(rescue=0)
        self.assertState(server_id, 'RESCUE', 'rescued', None, 1)

    def test_rescue_a_stopped_server(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None})
                         .status)
        self.durations(rescue=NEVER)
        self.assertEqual(200, self.rescue(server_id).status)
        self.assertState(server_id, 'SHUTOFF', 'stopped', 'rescuing', 4)
        self.durations(rescue=0)
        self.assertState(server_id, 'RESCUE', 'rescued', None, 1)

    def test_rescue_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.rescue(server_id), 409, invalid_state(
            'rescue', server_id, 'vm_state', 'building'))

    def test_rescue_a_server_never_launched(self):
        # An ERROR server is rescued, but not one that never ran.
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(
            self.rescue(server_id), 409,
            "Instance %s is in an invalid state for 'rescue'" % server_id)

    def test_a_rescued_server_refuses_the_power_actions(self):
        server_id = self.rescued()
        for body, action in (({'os-stop': None}, 'stop'),
                             ({'reboot': {'type': 'SOFT'}}, 'reboot')):
            self.assertFault(self.action(server_id, body), 409,
                             invalid_state(action, server_id, 'vm_state',
                                           'rescued'))

    def test_a_locked_server_is_not_rescued(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'lock': None}).status)
        self.assertFault(self.rescue(server_id), 409,
                         'Instance %s is locked' % server_id)
        self.assertEqual(200, self.rescue(server_id, persona='admin').status)

    def test_rescue_status_filter(self):
        rescued = self.rescued(name='rescued')
        self.create(name='active')
        resp = self.api('GET', '/servers?status=RESCUE', persona='member')
        self.assertEqual([rescued], [server['id'] for server in
                                     resp.json()['servers']])

    def test_bad_rescue_bodies(self):
        server_id = self.create()
        for body, message in (
                ({'rescue_image_ref': 'foo'},
                 "Invalid input for field/attribute rescue_image_ref. "
                 "Value: foo. 'foo' is not a 'uuid'"),
                ({'adminPass': 1},
                 "Invalid input for field/attribute adminPass. Value: 1. "
                 "1 is not of type 'string'"),
                ('now', "Invalid input for field/attribute rescue. Value: "
                        "now. 'now' is not of type 'object', 'null'")):
            self.assertFault(self.rescue(server_id, body), 400, message)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_unknown_properties(self):
        server_id = self.create()
        resp = self.rescue(server_id, {'image': CIRROS, 'adminPass': 'pw'})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'adminPass': 'pw'}, resp.json())

    # Unrescue.

    def test_unrescue(self):
        server_id = self.rescued()
        self.durations(unrescue=NEVER)
        resp = self.unrescue(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertState(server_id, 'RESCUE', 'rescued', 'unrescuing', 1)
        self.assertFault(self.unrescue(server_id), 409, invalid_state(
            'unrescue', server_id, 'task_state', 'unrescuing'))
        self.durations(unrescue=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_unrescue_a_server_not_rescued(self):
        server_id = self.create()
        self.assertFault(self.unrescue(server_id), 409, invalid_state(
            'unrescue', server_id, 'vm_state', 'active'))

    def test_unrescue_takes_any_value(self):
        server_id = self.rescued()
        resp = self.action(server_id, {'unrescue': {'now': True}})
        self.assertEqual(202, resp.status, resp)

    # Servers and policy.

    def test_unknown_server(self):
        for body in ({'rescue': None}, {'unrescue': None}):
            self.assertFault(self.action(MISSING, body), 404,
                             'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        for body in ({'rescue': None}, {'unrescue': None}):
            self.assertFault(self.action(server_id, body, persona='other'),
                             404, 'Instance %s could not be found.'
                             % server_id)

    def test_an_administrator_rescues_a_members_server(self):
        server_id = self.create()
        self.assertEqual(200, self.rescue(server_id, persona='admin').status)
        self.assertEqual(202, self.unrescue(server_id, 'admin').status)

    def test_policy_refusals(self):
        server_id = self.create()
        self.use_policy_file({'os_compute_api:os-rescue': 'role:admin',
                              'os_compute_api:os-unrescue': 'role:admin'})
        self.assertFault(self.rescue(server_id), 403,
                         policy_refusal('os_compute_api:os-rescue'))
        self.assertFault(self.unrescue(server_id), 403,
                         policy_refusal('os_compute_api:os-unrescue'))
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)


class RescueTestV21(base.V21, RescueTestV2):

    def test_unknown_properties(self):
        # /v2 drops them; /v2.1 refuses them.
        server_id = self.create()
        self.assertFault(
            self.rescue(server_id, {'image': CIRROS}), 400,
            "Invalid input for field/attribute rescue. Value: {'image': "
            "'%s'}. Additional properties are not allowed ('image' was "
            "unexpected)" % CIRROS)

    def test_same_answer_at_2_87(self):
        server_id = self.create()
        resp = self.action(server_id, {'rescue': {'adminPass': 'pw'}},
                           version='2.87')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'adminPass': 'pw'}, resp.json())
        self.assertVersionHeaders(resp, '2.87')

