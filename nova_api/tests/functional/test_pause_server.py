"""The pause and unpause server actions (api-ref "Pause Server (pause
Action)", "Unpause Server (unpause Action)") and what a paused server
allows.

A task runs for its [simulated] *_seconds: NEVER keeps it running through
a test, 0 ends it at once. The 409 messages are those of Nova's API
(raise_http_conflict_for_instance_invalid_state with the states
nova/compute/api.py checks).
"""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-pause-server:%s'
invalid_state = test_server_actions.invalid_state


class ActionHelpers(test_servers.ServerHelpers):
    """Servers whose pause, unpause, suspend and resume last until a test
    ends them; mix in before base.APITestCase."""

    def setUp(self):
        super().setUp()
        self.durations(pause=NEVER, unpause=NEVER, suspend=NEVER,
                       resume=NEVER)

    def act(self, server_id, body, persona='member', version=None):
        resp = self.action(server_id, body, persona, version)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        if version == 'latest':
            version = str(self.max_version())
        self.assertVersionHeaders(resp, version or '2.1')

    def state(self, server_id, persona='member'):
        server = self.show(server_id, persona)
        return (server['status'], server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state'],
                server['OS-EXT-STS:power_state'])

    def assertState(self, server_id, status, vm_state, task_state,
                    power_state):
        self.assertEqual((status, vm_state, task_state, power_state),
                         self.state(server_id))

    def names(self, query, persona='member'):
        resp = self.api('GET', '/servers' + query, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return [server['name'] for server in resp.json()['servers']]

    def assertPolicyFault(self, resp, rule):
        self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                    "performed." % rule)


class PauseServerTestV2(ActionHelpers, base.APITestCase):

    def paused(self, **fields):
        """A new server's id, paused (pausing takes no time from here on:
        a task's end is a function of its duration)."""
        server_id = self.create(**fields)
        self.durations(pause=0)
        self.act(server_id, {'pause': None})
        return server_id

    def test_pause(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.assertState(server_id, 'ACTIVE', 'active', 'pausing', 1)
        self.durations(pause=0)
        self.assertState(server_id, 'PAUSED', 'paused', None, 3)

    def test_unpause(self):
        server_id = self.paused()
        self.act(server_id, {'unpause': None})
        self.assertState(server_id, 'PAUSED', 'paused', 'unpausing', 3)
        self.durations(unpause=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_pause_and_unpause_with_any_argument(self):
        # Nova validates nothing but the action's name.
        self.durations(pause=0, unpause=0)
        server_id = self.create()
        self.act(server_id, {'pause': {'x': 1}})
        self.assertState(server_id, 'PAUSED', 'paused', None, 3)
        self.act(server_id, {'unpause': 'now'})
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_a_body_with_more_than_the_action(self):
        server_id = self.create()
        for body in ({'pause': None, 'unpause': None}, {}, ['pause'],
                     None):
            self.assertFault(self.action(server_id, body), 400,
                             'Malformed request body')
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    # Refusals by state.

    def test_pause_a_paused_server(self):
        server_id = self.paused()
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'vm_state',
                                       'paused'))

    def test_unpause_an_active_server(self):
        server_id = self.create()
        self.assertFault(self.action(server_id, {'unpause': None}), 409,
                         invalid_state('unpause', server_id, 'vm_state',
                                       'active'))

    def test_pause_while_pausing(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'task_state',
                                       'pausing'))

    def test_unpause_while_unpausing(self):
        server_id = self.paused()
        self.act(server_id, {'unpause': None})
        self.assertFault(self.action(server_id, {'unpause': None}), 409,
                         invalid_state('unpause', server_id, 'task_state',
                                       'unpausing'))

    def test_pause_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'vm_state',
                                       'building'))

    def test_pause_while_rebooting(self):
        server_id = self.create()
        self.act(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'task_state',
                                       'rebooting'))

    def test_pause_a_stopped_server(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'vm_state',
                                       'stopped'))

    def test_pause_a_server_in_error(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.action(server_id, {'pause': None}), 409,
                         invalid_state('pause', server_id, 'vm_state',
                                       'error'))

    # What a paused server allows, as in Nova.

    def test_a_paused_server_refuses_other_power_actions(self):
        server_id = self.paused()
        for body, action in (({'reboot': {'type': 'SOFT'}}, 'reboot'),
                             ({'os-stop': None}, 'stop'),
                             ({'os-start': None}, 'start'),
                             ({'suspend': None}, 'suspend'),
                             ({'resume': None}, 'resume')):
            self.assertFault(self.action(server_id, body), 409,
                             invalid_state(action, server_id, 'vm_state',
                                           'paused'))
        self.assertState(server_id, 'PAUSED', 'paused', None, 3)

    def test_hard_reboot_of_a_paused_server(self):
        server_id = self.paused()
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        # Nova shows a paused server rebooting as PAUSED.
        self.assertState(server_id, 'PAUSED', 'paused', 'rebooting_hard', 3)
        self.durations(reboot=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_hard_reboot_while_pausing(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        self.assertState(server_id, 'HARD_REBOOT', 'active',
                         'rebooting_hard', 1)

    def test_hard_reboot_while_unpausing(self):
        server_id = self.paused()
        self.act(server_id, {'unpause': None})
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        self.assertState(server_id, 'PAUSED', 'paused', 'rebooting_hard', 3)

    def test_metadata_of_a_paused_server(self):
        server_id = self.paused()
        resp = self.api('POST', '/servers/%s/metadata' % server_id,
                        {'metadata': {'k': 'v'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_delete_a_paused_server(self):
        server_id = self.paused()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)

    def test_delete_while_pausing(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)

    # Locks.

    def test_a_locked_server_refuses_a_member(self):
        active = self.create()
        paused = self.paused()
        for server_id in (active, paused):
            self.act(server_id, {'lock': None})
        for server_id, body in ((active, {'pause': None}),
                                (paused, {'unpause': None})):
            self.assertFault(self.action(server_id, body), 409,
                             'Instance %s is locked' % server_id)
        self.assertState(active, 'ACTIVE', 'active', None, 1)
        self.assertState(paused, 'PAUSED', 'paused', None, 3)

    def test_an_administrator_pauses_a_locked_server(self):
        server_id = self.create()
        self.act(server_id, {'lock': None})
        self.durations(pause=0)
        self.act(server_id, {'pause': None}, persona='admin')
        self.act(server_id, {'unpause': None}, persona='admin')
        self.assertState(server_id, 'PAUSED', 'paused', 'unpausing', 3)

    # Servers that are not there, and policy.

    def test_unknown_server(self):
        for body in ({'pause': None}, {'unpause': None}):
            resp = self.api('POST', '/servers/%s/action' % MISSING, body,
                            persona='member')
            self.assertFault(resp, 404, test_servers.not_found(MISSING))

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create(persona='other')
        for body in ({'pause': None}, {'unpause': None}):
            self.assertFault(self.action(server_id, body), 404,
                             test_servers.not_found(server_id))
        self.assertEqual('ACTIVE', self.show(server_id, 'other')['status'])

    def test_admin_pauses_another_projects_server(self):
        server_id = self.create(persona='other')
        self.act(server_id, {'pause': None}, persona='admin')
        self.assertEqual('pausing', self.show(server_id, 'other')[
            'OS-EXT-STS:task_state'])

    def test_policy_refusals(self):
        active = self.create()
        paused = self.paused()
        self.use_policy_file({RULE % 'pause': 'role:admin',
                              RULE % 'unpause': 'role:admin'})
        self.assertPolicyFault(self.action(active, {'pause': None}),
                               RULE % 'pause')
        self.assertPolicyFault(self.action(paused, {'unpause': None}),
                               RULE % 'unpause')
        # The server is looked up first: an unknown one is not found.
        self.assertFault(self.action(MISSING, {'pause': None}), 404,
                         test_servers.not_found(MISSING))
        self.act(active, {'pause': None}, persona='admin')

    def test_pause_rule_targets_the_servers_user(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'pause': 'user_id:%(user_id)s'})
        self.assertPolicyFault(
            self.action(server_id, {'pause': None}, persona='admin'),
            RULE % 'pause')
        self.act(server_id, {'pause': None})

    # Lists.

    def test_status_filter(self):
        self.create(name='running')
        unpausing = self.paused(name='unpausing')
        self.act(unpausing, {'unpause': None})
        self.paused(name='paused')
        self.assertEqual(['paused', 'unpausing'],
                         self.names('?status=PAUSED'))
        self.assertEqual(['paused', 'unpausing'],
                         self.names('?status=paused'))
        self.assertEqual(['running'], self.names('?status=ACTIVE'))
        self.durations(unpause=0)
        self.assertEqual(['paused'], self.names('?status=PAUSED'))

    def test_a_server_being_paused_is_listed_as_active(self):
        server_id = self.create(name='pausing')
        self.act(server_id, {'pause': None})
        self.assertEqual(['pausing'], self.names('?status=ACTIVE'))
        self.assertEqual([], self.names('?status=PAUSED'))
        self.durations(pause=0)
        self.assertEqual([], self.names('?status=ACTIVE'))
        self.assertEqual(['pausing'], self.names('?status=PAUSED'))


class PauseServerTestV21(base.V21, PauseServerTestV2):

    def test_pause_and_unpause_at_the_latest_version(self):
        self.durations(pause=0)
        server_id = self.create()
        self.act(server_id, {'pause': None}, version='latest')
        self.act(server_id, {'unpause': None}, version='latest')
        self.assertState(server_id, 'PAUSED', 'paused', 'unpausing', 3)

    def test_power_state_filter(self):
        self.create(name='running')
        self.paused(name='paused')
        resp = self.api('GET', '/servers?power_state=3', persona='member',
                        version='2.83')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(['paused'], [server['name'] for server in
                                      resp.json()['servers']])
