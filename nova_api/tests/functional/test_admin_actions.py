"""The administrators' server actions (api-ref "Reset Server State
(os-resetState Action)", "Inject Network Information (injectNetworkInfo
Action)")."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:os-admin-actions:%s'


class AdminActionsTestV2(test_servers.ServerHelpers, base.APITestCase):

    def reset(self, server_id, state, persona='admin'):
        return self.action(server_id, {'os-resetState': {'state': state}},
                           persona=persona)

    def inject(self, server_id, persona='admin'):
        return self.action(server_id, {'injectNetworkInfo': None},
                           persona=persona)

    def test_reset_to_error_and_back_to_active(self):
        server_id = self.create()
        resp = self.reset(server_id, 'error')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        server = self.show(server_id, 'admin')
        self.assertEqual(('ERROR', 'error', None), (
            server['status'], server['OS-EXT-STS:vm_state'],
            server['OS-EXT-STS:task_state']))
        self.assertEqual(202, self.reset(server_id, 'active').status)
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_a_reset_ends_the_task_in_progress(self):
        self.durations(reboot=test_servers.NEVER)
        server_id = self.create()
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertEqual(202, resp.status, resp)
        self.assertEqual('REBOOT', self.show(server_id)['status'])
        self.assertEqual(202, self.reset(server_id, 'active').status)
        server = self.show(server_id, 'admin')
        self.assertEqual(('ACTIVE', None), (
            server['status'], server['OS-EXT-STS:task_state']))
        # The server takes actions again.
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertEqual(202, resp.status, resp)

    def test_a_reset_is_recorded(self):
        server_id = self.create()
        self.assertEqual(202, self.reset(server_id, 'error').status)
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id)
        self.assertEqual(['resetState', 'create'], [
            action['action'] for action in resp.json()['instanceActions']])

    def test_bad_reset_bodies(self):
        server_id = self.create()
        for body, message in (
                ({'os-resetState': {'state': 'paused'}},
                 "Invalid input for field/attribute state. Value: paused. "
                 "'paused' is not one of ['active', 'error']"),
                ({'os-resetState': {}},
                 "Invalid input for field/attribute os-resetState. Value: "
                 "{}. 'state' is a required property"),
                ({'os-resetState': None},
                 "Invalid input for field/attribute os-resetState. Value: "
                 "None. None is not of type 'object'")):
            resp = self.action(server_id, body, persona='admin')
            self.assertFault(resp, 400, message)
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_inject_network_info(self):
        server_id = self.create()
        resp = self.inject(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_inject_into_a_server_without_a_host(self):
        self.conf.config(group='simulated', hosts=['compute1:nova:1:512:1'])
        resp = self.post_server(flavorRef='2')
        server_id = resp.json()['server']['id']
        self.assertFault(self.inject(server_id), 409,
                         'Instance %s is not ready' % server_id)

    def test_a_locked_server_refuses_a_permitted_member_the_injection(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'inject_network_info': 'role:member'})
        resp = self.action(server_id, {'lock': None})
        self.assertEqual(202, resp.status, resp)
        self.assertFault(self.inject(server_id, 'member'), 409,
                         'Instance %s is locked' % server_id)
        self.assertEqual(202, self.inject(server_id).status)

    def test_members_are_refused(self):
        server_id = self.create()
        for resp, rule in ((self.reset(server_id, 'error', 'member'),
                            'reset_state'),
                           (self.inject(server_id, 'member'),
                            'inject_network_info')):
            self.assertFault(resp, 403, test_servers.policy_refusal(
                RULE % rule))
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_unknown_server(self):
        for resp in (self.reset(MISSING, 'active'), self.inject(MISSING)):
            self.assertFault(resp, 404, test_servers.not_found(MISSING))
        # The server is looked for before the rule is checked.
        resp = self.reset(MISSING, 'active', persona='member')
        self.assertFault(resp, 404, test_servers.not_found(MISSING))


class AdminActionsTestV21(base.V21, AdminActionsTestV2):

    def test_unknown_reset_properties_are_refused(self):
        # /v2 ignores them (relaxed validation).
        server_id = self.create()
        resp = self.action(server_id, {
            'os-resetState': {'state': 'error', 'x': 1}}, persona='admin')
        self.assertFault(
            resp, 400, "Invalid input for field/attribute os-resetState. "
            "Value: {'state': 'error', 'x': 1}. Additional properties are "
            "not allowed ('x' was unexpected)")
        self.assertEqual('ACTIVE', self.show(server_id)['status'])
