"""The suspend and resume server actions (api-ref "Suspend Server
(suspend Action)", "Resume Suspended Server (resume Action)") and what a
suspended server allows.

A task runs for its [simulated] *_seconds: NEVER keeps it running through
a test, 0 ends it at once. The 409 messages are those of Nova's API
(raise_http_conflict_for_instance_invalid_state with the states
nova/compute/api.py checks).
"""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_pause_server
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-suspend-server:%s'
invalid_state = test_server_actions.invalid_state


class SuspendServerTestV2(test_pause_server.ActionHelpers,
                          base.APITestCase):

    def suspended(self, **fields):
        """A new server's id, suspended (suspending takes no time from
        here on: a task's end is a function of its duration)."""
        server_id = self.create(**fields)
        self.durations(suspend=0)
        self.act(server_id, {'suspend': None})
        return server_id

    def test_suspend(self):
        server_id = self.create()
        self.act(server_id, {'suspend': None})
        self.assertState(server_id, 'ACTIVE', 'active', 'suspending', 1)
        self.durations(suspend=0)
        self.assertState(server_id, 'SUSPENDED', 'suspended', None, 7)

    def test_resume(self):
        server_id = self.suspended()
        self.act(server_id, {'resume': None})
        self.assertState(server_id, 'SUSPENDED', 'suspended', 'resuming', 7)
        self.durations(resume=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_suspend_and_resume_with_any_argument(self):
        # Nova validates nothing but the action's name.
        self.durations(suspend=0, resume=0)
        server_id = self.create()
        self.act(server_id, {'suspend': {'x': 1}})
        self.assertState(server_id, 'SUSPENDED', 'suspended', None, 7)
        self.act(server_id, {'resume': 'now'})
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_a_body_with_more_than_the_action(self):
        server_id = self.create()
        for body in ({'suspend': None, 'resume': None}, {}, ['suspend'],
                     None):
            self.assertFault(self.action(server_id, body), 400,
                             'Malformed request body')
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    # Refusals by state.

    def test_suspend_a_suspended_server(self):
        server_id = self.suspended()
        self.assertFault(self.action(server_id, {'suspend': None}), 409,
                         invalid_state('suspend', server_id, 'vm_state',
                                       'suspended'))

    def test_resume_an_active_server(self):
        server_id = self.create()
        self.assertFault(self.action(server_id, {'resume': None}), 409,
                         invalid_state('resume', server_id, 'vm_state',
                                       'active'))

    def test_suspend_while_suspending(self):
        server_id = self.create()
        self.act(server_id, {'suspend': None})
        self.assertFault(self.action(server_id, {'suspend': None}), 409,
                         invalid_state('suspend', server_id, 'task_state',
                                       'suspending'))

    def test_resume_while_resuming(self):
        server_id = self.suspended()
        self.act(server_id, {'resume': None})
        self.assertFault(self.action(server_id, {'resume': None}), 409,
                         invalid_state('resume', server_id, 'task_state',
                                       'resuming'))

    def test_suspend_while_pausing(self):
        server_id = self.create()
        self.act(server_id, {'pause': None})
        self.assertFault(self.action(server_id, {'suspend': None}), 409,
                         invalid_state('suspend', server_id, 'task_state',
                                       'pausing'))

    def test_suspend_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.action(server_id, {'suspend': None}), 409,
                         invalid_state('suspend', server_id, 'vm_state',
                                       'building'))

    def test_suspend_a_stopped_server(self):
        self.durations(stop=0)
        server_id = self.create()
        self.act(server_id, {'os-stop': None})
        for body, action in (({'suspend': None}, 'suspend'),
                             ({'resume': None}, 'resume')):
            self.assertFault(self.action(server_id, body), 409,
                             invalid_state(action, server_id, 'vm_state',
                                           'stopped'))

    def test_suspend_a_server_in_error(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.action(server_id, {'suspend': None}), 409,
                         invalid_state('suspend', server_id, 'vm_state',
                                       'error'))

    # What a suspended server allows, as in Nova.

    def test_a_suspended_server_refuses_other_power_actions(self):
        server_id = self.suspended()
        for body, action in (({'reboot': {'type': 'SOFT'}}, 'reboot'),
                             ({'os-stop': None}, 'stop'),
                             ({'os-start': None}, 'start'),
                             ({'pause': None}, 'pause'),
                             ({'unpause': None}, 'unpause')):
            self.assertFault(self.action(server_id, body), 409,
                             invalid_state(action, server_id, 'vm_state',
                                           'suspended'))
        self.assertState(server_id, 'SUSPENDED', 'suspended', None, 7)

    def test_hard_reboot_of_a_suspended_server(self):
        server_id = self.suspended()
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        # Nova shows a suspended server rebooting as SUSPENDED.
        self.assertState(server_id, 'SUSPENDED', 'suspended',
                         'rebooting_hard', 7)
        self.durations(reboot=0)
        self.assertState(server_id, 'ACTIVE', 'active', None, 1)

    def test_hard_reboot_while_suspending(self):
        server_id = self.create()
        self.act(server_id, {'suspend': None})
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        self.assertState(server_id, 'HARD_REBOOT', 'active',
                         'rebooting_hard', 1)

    def test_hard_reboot_while_resuming(self):
        server_id = self.suspended()
        self.act(server_id, {'resume': None})
        self.act(server_id, {'reboot': {'type': 'HARD'}})
        self.assertState(server_id, 'SUSPENDED', 'suspended',
                         'rebooting_hard', 7)

    def test_metadata_of_a_suspended_server(self):
        server_id = self.suspended()
        resp = self.api('POST', '/servers/%s/metadata' % server_id,
                        {'metadata': {'k': 'v'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_delete_a_suspended_server(self):
        server_id = self.suspended()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)

    # Locks.

    def test_a_locked_server_refuses_a_member(self):
        active = self.create()
        suspended = self.suspended()
        for server_id in (active, suspended):
            self.act(server_id, {'lock': None})
        for server_id, body in ((active, {'suspend': None}),
                                (suspended, {'resume': None})):
            self.assertFault(self.action(server_id, body), 409,
                             'Instance %s is locked' % server_id)
        self.assertState(active, 'ACTIVE', 'active', None, 1)
        self.assertState(suspended, 'SUSPENDED', 'suspended', None, 7)

    def test_an_administrator_suspends_a_locked_server(self):
        server_id = self.create()
        self.act(server_id, {'lock': None})
        self.durations(suspend=0)
        self.act(server_id, {'suspend': None}, persona='admin')
        self.act(server_id, {'resume': None}, persona='admin')
        self.assertState(server_id, 'SUSPENDED', 'suspended', 'resuming', 7)

    # Servers that are not there, and policy.

    def test_unknown_server(self):
        for body in ({'suspend': None}, {'resume': None}):
            resp = self.api('POST', '/servers/%s/action' % MISSING, body,
                            persona='member')
            self.assertFault(resp, 404, test_servers.not_found(MISSING))

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create(persona='other')
        for body in ({'suspend': None}, {'resume': None}):
            self.assertFault(self.action(server_id, body), 404,
                             test_servers.not_found(server_id))
        self.assertEqual('ACTIVE', self.show(server_id, 'other')['status'])

    def test_admin_suspends_another_projects_server(self):
        server_id = self.create(persona='other')
        self.act(server_id, {'suspend': None}, persona='admin')
        self.assertEqual('suspending', self.show(server_id, 'other')[
            'OS-EXT-STS:task_state'])

    def test_policy_refusals(self):
        active = self.create()
        suspended = self.suspended()
        self.use_policy_file({RULE % 'suspend': 'role:admin',
                              RULE % 'resume': 'role:admin'})
        self.assertPolicyFault(self.action(active, {'suspend': None}),
                               RULE % 'suspend')
        self.assertPolicyFault(self.action(suspended, {'resume': None}),
                               RULE % 'resume')
        # The server is looked up first: an unknown one is not found.
        self.assertFault(self.action(MISSING, {'suspend': None}), 404,
                         test_servers.not_found(MISSING))
        self.act(active, {'suspend': None}, persona='admin')

    def test_suspend_rule_targets_the_servers_user(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'suspend': 'user_id:%(user_id)s'})
        self.assertPolicyFault(
            self.action(server_id, {'suspend': None}, persona='admin'),
            RULE % 'suspend')
        self.act(server_id, {'suspend': None})

    # Lists.

    def test_status_filter(self):
        self.create(name='running')
        resuming = self.suspended(name='resuming')
        self.act(resuming, {'resume': None})
        self.suspended(name='suspended')
        self.assertEqual(['suspended', 'resuming'],
                         self.names('?status=SUSPENDED'))
        self.assertEqual(['suspended', 'resuming'],
                         self.names('?status=suspended'))
        self.assertEqual(['running'], self.names('?status=ACTIVE'))
        self.durations(resume=0)
        self.assertEqual(['suspended'], self.names('?status=SUSPENDED'))

    def test_a_server_being_suspended_is_listed_as_active(self):
        server_id = self.create(name='suspending')
        self.act(server_id, {'suspend': None})
        self.assertEqual(['suspending'], self.names('?status=ACTIVE'))
        self.assertEqual([], self.names('?status=SUSPENDED'))
        self.durations(suspend=0)
        self.assertEqual([], self.names('?status=ACTIVE'))
        self.assertEqual(['suspending'], self.names('?status=SUSPENDED'))


class SuspendServerTestV21(base.V21, SuspendServerTestV2):

    def test_suspend_and_resume_at_the_latest_version(self):
        self.durations(suspend=0)
        server_id = self.create()
        self.act(server_id, {'suspend': None}, version='latest')
        self.act(server_id, {'resume': None}, version='latest')
        self.assertState(server_id, 'SUSPENDED', 'suspended', 'resuming', 7)

    def test_power_state_filter(self):
        self.create(name='running')
        self.suspended(name='suspended')
        resp = self.api('GET', '/servers?power_state=7', persona='member',
                        version='2.83')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(['suspended'], [server['name'] for server in
                                         resp.json()['servers']])
