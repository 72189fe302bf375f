"""The trigger_crash_dump server action (api-ref "Trigger Crash Dump In
Server (trigger_crash_dump Action)", 2.17), with the states Nova allows
(vm_states.ALLOW_TRIGGER_CRASH_DUMP) and no task state."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
RULE = 'os_compute_api:servers:trigger_crash_dump'
BODY = {'trigger_crash_dump': None}
invalid_state = test_server_actions.invalid_state


class CrashDumpTestV2(test_servers.ServerHelpers, base.APITestCase):

    def test_not_found_on_v2(self):
        server_id = self.create()
        resp = self.action(server_id, BODY)
        self.assertFault(resp, 404, 'The resource could not be found.')


class CrashDumpTestV21(base.V21, test_servers.ServerHelpers,
                       base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(stop=0, rescue=0)

    def dump(self, server_id, persona='member', version='2.17', body=BODY):
        return self.action(server_id, body, persona=persona, version=version)

    def state(self, server_id):
        server = self.show(server_id)
        return (server['status'], server['OS-EXT-STS:task_state'],
                server['OS-EXT-STS:power_state'])

    def test_trigger_crash_dump(self):
        server_id = self.create()
        resp = self.dump(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.17')
        # No task, no state change.
        self.assertEqual(('ACTIVE', None, 1), self.state(server_id))
        self.assertEqual(202, self.dump(server_id, version='latest').status)

    def test_not_found_before_2_17(self):
        server_id = self.create()
        for version in (None, '2.16'):
            self.assertFault(self.dump(server_id, version=version), 404,
                             'The resource could not be found.')

    def test_a_rescued_server(self):
        server_id = self.create()
        self.assertEqual(200, self.action(server_id, {'rescue': None})
                         .status)
        self.assertEqual(202, self.dump(server_id).status)

    def test_a_stopped_server(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None})
                         .status)
        self.assertFault(self.dump(server_id), 409, invalid_state(
            'trigger_crash_dump', server_id, 'vm_state', 'stopped'))

    def test_a_server_with_a_task(self):
        self.durations(stop=NEVER)
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'os-stop': None})
                         .status)
        self.assertFault(self.dump(server_id), 409, invalid_state(
            'trigger_crash_dump', server_id, 'task_state', 'powering-off'))

    def test_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.dump(server_id), 409, invalid_state(
            'trigger_crash_dump', server_id, 'vm_state', 'building'))

    def test_a_server_without_a_host_is_not_ready(self):
        # ERROR is allowed, but the host is checked first.
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.dump(server_id), 409,
                         'Instance %s is not ready' % server_id)

    def test_a_locked_server(self):
        server_id = self.create()
        self.assertEqual(202, self.action(server_id, {'lock': None}).status)
        self.assertFault(self.dump(server_id), 409,
                         'Instance %s is locked' % server_id)
        self.assertEqual(202, self.dump(server_id, persona='admin').status)

    def test_bad_bodies(self):
        server_id = self.create()
        for body, message in (
                ({'trigger_crash_dump': {}},
                 "Invalid input for field/attribute trigger_crash_dump. "
                 "Value: {}. {} is not of type 'null'"),
                # An action body names one action, as Nova reads it.
                ({'trigger_crash_dump': None, 'now': True},
                 'Malformed request body')):
            self.assertFault(self.dump(server_id, body=body), 400, message)

    def test_unknown_server(self):
        self.assertFault(self.dump(MISSING), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        self.assertFault(self.dump(server_id, persona='other'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_policy_refusal(self):
        server_id = self.create()
        self.use_policy_file({RULE: 'role:admin'})
        self.assertFault(self.dump(server_id), 403,
                         test_servers.policy_refusal(RULE))
        self.assertEqual(202, self.dump(server_id, persona='admin').status)
