"""The os-getConsoleOutput server action (api-ref "Show Console Output
(os-getConsoleOutput Action)"), as nova/api/openstack/compute/
console_output.py and the compute manager's _tail_log answer."""

import datetime

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
RULE = 'os_compute_api:os-console-output'


def _weekday(timestamp):
    return datetime.datetime.fromisoformat(timestamp).strftime('%a')


class ConsoleOutputTestV2(test_servers.ServerHelpers, base.APITestCase):

    def output(self, server_id, body=None, persona='member'):
        return self.action(server_id, {'os-getConsoleOutput': body or {}},
                           persona=persona)

    def log(self, server_id, **body):
        resp = self.output(server_id, body)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(['output'], list(resp.json()))
        return resp.json()['output']

    def test_the_whole_log(self):
        server_id = self.create(name='console-test')
        server = self.show(server_id)
        log = self.log(server_id)
        lines = log.split('\n')
        self.assertEqual(11, len(lines))
        self.assertIn('instance-id: %s' % server_id, log)
        self.assertEqual('console-test login: ', lines[-1])
        # The boot time is the launch's.
        launched = server['OS-SRV-USG:launched_at']
        self.assertIn(' at %s, %s ' % (
            _weekday(launched), launched[8:10]), lines[4])
        # The same log every time.
        self.assertEqual(log, self.log(server_id))
        self.assertEqual(log, self.log(server_id, length=None))

    def test_the_last_lines(self):
        server_id = self.create(name='console-test')
        lines = self.log(server_id).split('\n')
        self.assertEqual('\n'.join(lines[-3:]), self.log(server_id, length=3))
        self.assertEqual('\n'.join(lines[-3:]),
                         self.log(server_id, length='3'))
        self.assertEqual('\n'.join(lines), self.log(server_id, length=50))
        self.assertEqual('', self.log(server_id, length=0))
        self.assertEqual('', self.log(server_id, length='000'))

    def test_minus_one_leaves_out_the_first_line_as_in_nova(self):
        server_id = self.create()
        lines = self.log(server_id).split('\n')
        self.assertEqual('\n'.join(lines[1:]),
                         self.log(server_id, length=-1))
        self.assertEqual('\n'.join(lines[1:]),
                         self.log(server_id, length='-1'))

    def test_servers_have_their_own_logs(self):
        first = self.create(name='first')
        second = self.create(name='second')
        self.assertNotEqual(self.log(first), self.log(second))

    def test_a_building_or_stopped_server_has_a_log(self):
        self.durations(build=NEVER)
        building = self.create()
        self.assertIn('login: ', self.log(building))
        self.durations(build=0, stop=0)
        stopped = self.create()
        self.assertEqual(202, self.action(stopped, {'os-stop': None}).status)
        self.assertIn('login: ', self.log(stopped))

    def test_a_server_without_a_host_is_not_ready(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.output(server_id), 409,
                         'Instance %s is not ready' % server_id)

    def test_bad_lengths(self):
        server_id = self.create()
        for length, message in (
                ('NaN', "Invalid input for field/attribute length. Value: "
                        "NaN. 'NaN' does not match '^-?[0-9]+$'"),
                (2.5, "Invalid input for field/attribute length. Value: "
                      "2.5. 2.5 is not of type 'integer', 'string', 'null'"),
                (-2, "Invalid input for field/attribute length. Value: -2. "
                     "-2 is less than the minimum of -1"),
                # Nova checks the minimum of a string of digits too.
                ('-2', "Invalid input for field/attribute length. Value: "
                       "-2. -2 is less than the minimum of -1"),
                (True, "Invalid input for field/attribute length. Value: "
                       "True. True is not of type 'integer', 'string', "
                       "'null'")):
            self.assertFault(self.output(server_id, {'length': length}),
                             400, message)

    def test_bad_bodies(self):
        server_id = self.create()
        self.assertFault(
            self.action(server_id, {'os-getConsoleOutput': None}), 400,
            "Invalid input for field/attribute os-getConsoleOutput. Value: "
            "None. None is not of type 'object'")

    def test_unknown_server(self):
        self.assertFault(self.output(MISSING), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        self.assertFault(self.output(server_id, persona='other'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_an_administrator_reads_a_members_log(self):
        server_id = self.create()
        resp = self.output(server_id, persona='admin')
        self.assertEqual(200, resp.status, resp)

    def test_policy_refusal(self):
        server_id = self.create()
        self.use_policy_file({RULE: 'role:admin'})
        self.assertFault(self.output(server_id), 403,
                         test_servers.policy_refusal(RULE))

    def test_unknown_properties(self):
        server_id = self.create()
        resp = self.output(server_id, {'length': 1, 'lines': 2})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(1, len(resp.json()['output'].split('\n')))


class ConsoleOutputTestV21(base.V21, ConsoleOutputTestV2):

    def test_unknown_properties(self):
        # /v2 drops them; /v2.1 refuses them.
        server_id = self.create()
        self.assertFault(
            self.output(server_id, {'length': 1, 'lines': 2}), 400,
            "Invalid input for field/attribute os-getConsoleOutput. Value: "
            "{'length': 1, 'lines': 2}. Additional properties are not "
            "allowed ('lines' was unexpected)")
