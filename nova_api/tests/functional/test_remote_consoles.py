"""Remote consoles (api-ref "Server Consoles" and the deprecated
os-getVNCConsole, os-getSPICEConsole, os-getRDPConsole and
os-getSerialConsole actions), as nova/api/openstack/compute/
remote_consoles.py and the compute manager's get_*_console answer: each
console service enabled or not, each type at each version, and the URL
with its token as Nova builds it."""

import re

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
RULE = 'os_compute_api:os-remote-consoles'
UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
URLS = {
    'novnc': r'http://127\.0\.0\.1:6080/vnc_auto\.html\?path=%3Ftoken%3D',
    'spice-html5': r'http://127\.0\.0\.1:6082/spice_auto\.html\?token=',
    'serial': r'ws://127\.0\.0\.1:6083/\?token=',
    'webmks': r'http://127\.0\.0\.1:6090/\?token=',
    'spice-direct': r'http://127\.0\.0\.1:13002/nova\?token=',
}
# The deprecated actions: (action, its type, the [group] enabling it).
ACTIONS = (('os-getVNCConsole', 'novnc', 'vnc'),
           ('os-getSPICEConsole', 'spice-html5', 'spice'),
           ('os-getSerialConsole', 'serial', 'serial_console'))
RDP_REFUSAL = ('The server could not comply with the request since it is '
               'either malformed or otherwise incorrect.')


def token_of(url):
    return re.search('token(?:=|%3D)(' + UUID + ')$', url).group(1)


class ConsoleHelpers(test_servers.ServerHelpers):

    def enable(self, *groups):
        self.skip_if_remote('enables console services')
        for group in groups:
            self.conf.config(enabled=True, group=group)

    def disable(self, *groups):
        self.skip_if_remote('disables console services')
        for group in groups:
            self.conf.config(enabled=False, group=group)

    def assertConsoleURL(self, console_type, url):
        self.assertRegex(url, '^' + URLS[console_type] + UUID + '$')


class RemoteConsoleActionsTestV2(ConsoleHelpers, base.APITestCase):
    """The actions Nova serves up to 2.5 (and on /v2)."""

    def get_console(self, server_id, action, console_type, persona='member',
                    version=None):
        return self.action(server_id, {action: {'type': console_type}},
                           persona=persona, version=version)

    def test_each_console_when_enabled(self):
        self.enable('spice', 'serial_console')
        server_id = self.create()
        for action, console_type, group in ACTIONS:
            resp = self.get_console(server_id, action, console_type)
            self.assertEqual(200, resp.status, resp)
            body = resp.json()
            self.assertEqual(['console'], list(body))
            self.assertEqual(['type', 'url'], sorted(body['console']))
            self.assertEqual(console_type, body['console']['type'])
            self.assertConsoleURL(console_type, body['console']['url'])

    def test_each_console_when_disabled(self):
        self.disable('vnc')
        server_id = self.create()
        # SPICE and serial consoles are off by default, as in Nova.
        for action, console_type, group in ACTIONS:
            self.assertFault(
                self.get_console(server_id, action, console_type), 400,
                'Unavailable console type %s.' % console_type)

    def test_a_new_token_each_time(self):
        server_id = self.create()
        urls = {self.get_console(server_id, 'os-getVNCConsole', 'novnc')
                .json()['console']['url'] for _ in range(3)}
        self.assertEqual(3, len(urls))

    def test_the_configured_proxy(self):
        self.conf.config(
            novncproxy_base_url='https://console.example.com/vnc.html'
                                '?path=websockify&resize=scale',
            group='vnc')
        server_id = self.create()
        url = self.get_console(server_id, 'os-getVNCConsole',
                               'novnc').json()['console']['url']
        self.assertRegex(url, '^https://console.example.com/vnc.html'
                              r'\?path=websockify%3Ftoken%3D' + UUID +
                         '&resize=scale$')

    def test_xvpvnc_is_no_console_any_more(self):
        server_id = self.create()
        self.assertFault(
            self.get_console(server_id, 'os-getVNCConsole', 'xvpvnc'), 400,
            'Invalid console type xvpvnc')

    def test_rdp_is_refused(self):
        server_id = self.create()
        for body in ({'type': 'rdp-html5'}, None, {'anything': 1}):
            self.assertFault(
                self.action(server_id, {'os-getRDPConsole': body}), 400,
                RDP_REFUSAL)

    def test_bad_types(self):
        server_id = self.create()
        for action, console_type, group in ACTIONS:
            enum = {'os-getVNCConsole': "['novnc', 'xvpvnc']",
                    'os-getSPICEConsole': "['spice-html5']",
                    'os-getSerialConsole': "['serial']"}[action]
            self.assertFault(
                self.get_console(server_id, action, 'telnet'), 400,
                "Invalid input for field/attribute type. Value: telnet. "
                "'telnet' is not one of %s" % enum)
            self.assertFault(
                self.action(server_id, {action: {}}), 400,
                "Invalid input for field/attribute %s. Value: {}. 'type' "
                "is a required property" % action)

    def test_a_server_without_a_host_is_not_ready(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(
            self.get_console(server_id, 'os-getVNCConsole', 'novnc'), 409,
            'Instance %s is not ready' % server_id)

    def test_a_building_server_is_not_ready(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(
            self.get_console(server_id, 'os-getVNCConsole', 'novnc'), 409,
            'Instance %s is not ready' % server_id)

    def test_unknown_server(self):
        for action, console_type, group in ACTIONS:
            self.assertFault(self.get_console(MISSING, action, console_type),
                             404, 'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        self.assertFault(
            self.get_console(server_id, 'os-getVNCConsole', 'novnc',
                             persona='other'), 404,
            'Instance %s could not be found.' % server_id)

    def test_an_administrator_gets_a_members_console(self):
        server_id = self.create()
        resp = self.get_console(server_id, 'os-getVNCConsole', 'novnc',
                                persona='admin')
        self.assertEqual(200, resp.status, resp)

    def test_policy_refusal_comes_first(self):
        # Nova checks the rule on the caller's project before it finds the
        # server.
        server_id = self.create()
        self.use_policy_file({RULE: 'role:admin'})
        for target in (server_id, MISSING):
            self.assertFault(
                self.get_console(target, 'os-getVNCConsole', 'novnc'), 403,
                test_servers.policy_refusal(RULE))

    def test_no_instance_action_is_recorded(self):
        server_id = self.create()
        self.get_console(server_id, 'os-getVNCConsole', 'novnc')
        actions = self.api('GET', '/servers/%s/os-instance-actions'
                           % server_id, persona='member').json()
        self.assertEqual(['create'], [action['action'] for action in
                                      actions['instanceActions']])

    def test_remote_consoles_are_not_found_on_v2(self):
        if self.is_v21:
            self.skipTest('/v2 only')
        server_id = self.create()
        resp = self.api('POST', '/servers/%s/remote-consoles' % server_id,
                        {'remote_console': {'protocol': 'vnc',
                                            'type': 'novnc'}},
                        persona='member')
        self.assertFault(resp, 404, 'The resource could not be found.')


class RemoteConsoleActionsTestV21(base.V21, RemoteConsoleActionsTestV2):

    def test_the_actions_end_at_2_5(self):
        server_id = self.create()
        for action, console_type, group in ACTIONS + (
                ('os-getRDPConsole', 'rdp-html5', None),):
            if group:
                self.enable(group)
                resp = self.get_console(server_id, action, console_type,
                                        version='2.5')
                self.assertEqual(200, resp.status, resp)
                self.assertVersionHeaders(resp, '2.5')
            self.assertFault(
                self.get_console(server_id, action, console_type,
                                 version='2.6'), 404,
                'The resource could not be found.')

    def test_unknown_properties(self):
        server_id = self.create()
        self.assertFault(
            self.action(server_id, {'os-getVNCConsole': {
                'type': 'novnc', 'port': 1}}), 400,
            "Invalid input for field/attribute os-getVNCConsole. Value: "
            "{'type': 'novnc', 'port': 1}. Additional properties are not "
            "allowed ('port' was unexpected)")


class RemoteConsolesTestV21(base.V21, ConsoleHelpers, base.APITestCase):
    """POST /servers/{server_id}/remote-consoles, from 2.6."""

    def create_console(self, server_id, protocol, console_type,
                       version='2.6', persona='member'):
        return self.api('POST', '/servers/%s/remote-consoles' % server_id,
                        {'remote_console': {'protocol': protocol,
                                            'type': console_type}},
                        persona=persona, version=version)

    def assertRemoteConsole(self, resp, protocol, console_type):
        self.assertEqual(200, resp.status, resp)
        body = resp.json()
        self.assertEqual(['remote_console'], list(body))
        console = body['remote_console']
        self.assertEqual(['protocol', 'type', 'url'], sorted(console))
        self.assertEqual((protocol, console_type),
                         (console['protocol'], console['type']))
        self.assertConsoleURL(console_type, console['url'])
        return console['url']

    def test_not_found_before_2_6(self):
        server_id = self.create()
        for version in (None, '2.5'):
            self.assertFault(
                self.create_console(server_id, 'vnc', 'novnc',
                                    version=version),
                404, 'The resource could not be found.')

    def test_each_protocol_when_enabled(self):
        self.enable('spice', 'serial_console', 'mks')
        server_id = self.create()
        for version, protocol, console_type in (
                ('2.6', 'vnc', 'novnc'),
                ('2.6', 'spice', 'spice-html5'),
                ('2.6', 'serial', 'serial'),
                ('2.8', 'mks', 'webmks'),
                ('2.99', 'spice', 'spice-direct'),
                ('latest', 'vnc', 'novnc')):
            resp = self.create_console(server_id, protocol, console_type,
                                       version=version)
            self.assertRemoteConsole(resp, protocol, console_type)
        self.assertVersionHeaders(resp, self.max_version())

    def test_each_protocol_when_disabled(self):
        self.disable('vnc')
        server_id = self.create()
        for version, protocol, console_type in (
                ('2.6', 'vnc', 'novnc'),
                ('2.6', 'spice', 'spice-html5'),
                ('2.6', 'serial', 'serial'),
                ('2.8', 'mks', 'webmks'),
                ('2.99', 'spice', 'spice-direct')):
            self.assertFault(
                self.create_console(server_id, protocol, console_type,
                                    version=version),
                400, 'Unavailable console type %s.' % console_type)

    def test_rdp_is_unavailable(self):
        server_id = self.create()
        for console_type in ('rdp-html5', 'novnc'):
            self.assertFault(
                self.create_console(server_id, 'rdp', console_type), 400,
                'Unavailable console type rdp.')

    def test_a_type_of_another_protocol(self):
        self.enable('spice', 'mks')
        server_id = self.create()
        for version, protocol, console_type in (
                ('2.6', 'vnc', 'spice-html5'),
                ('2.6', 'vnc', 'xvpvnc'),
                ('2.6', 'spice', 'novnc'),
                ('2.8', 'mks', 'novnc'),
                ('2.8', 'vnc', 'webmks')):
            self.assertFault(
                self.create_console(server_id, protocol, console_type,
                                    version=version),
                400, 'Invalid console type %s' % console_type)

    def test_the_serial_protocol_checks_no_type(self):
        # As Nova's manager: the token takes the type asked for, and a
        # novnc token's URL is noVNC's form.
        self.enable('serial_console')
        server_id = self.create()
        resp = self.create_console(server_id, 'serial', 'novnc')
        self.assertEqual(200, resp.status, resp)
        self.assertRegex(resp.json()['remote_console']['url'],
                         r'^ws://127\.0\.0\.1:6083/\?path=%3Ftoken%3D' +
                         UUID + '$')

    def test_mks_from_2_8(self):
        self.enable('mks')
        server_id = self.create()
        self.assertFault(
            self.create_console(server_id, 'mks', 'webmks', version='2.7'),
            400, "Invalid input for field/attribute protocol. Value: mks. "
                 "'mks' is not one of ['vnc', 'spice', 'serial', 'rdp']")
        self.assertFault(
            self.create_console(server_id, 'vnc', 'webmks', version='2.7'),
            400, "Invalid input for field/attribute type. Value: webmks. "
                 "'webmks' is not one of ['novnc', 'xvpvnc', "
                 "'spice-html5', 'serial', 'rdp-html5']")
        self.assertRemoteConsole(
            self.create_console(server_id, 'mks', 'webmks', version='2.8'),
            'mks', 'webmks')

    def test_spice_direct_from_2_99(self):
        self.enable('spice')
        server_id = self.create()
        self.assertFault(
            self.create_console(server_id, 'spice', 'spice-direct',
                                version='2.98'),
            400, "Invalid input for field/attribute type. Value: "
                 "spice-direct. 'spice-direct' is not one of ['novnc', "
                 "'xvpvnc', 'spice-html5', 'serial', 'rdp-html5', "
                 "'webmks']")
        self.assertRemoteConsole(
            self.create_console(server_id, 'spice', 'spice-direct',
                                version='2.99'),
            'spice', 'spice-direct')

    def test_bad_bodies(self):
        server_id = self.create()
        path = '/servers/%s/remote-consoles' % server_id
        for body, message in (
                ({}, "'remote_console' is a required property"),
                ({'remote_console': {'protocol': 'vnc'}},
                 "Invalid input for field/attribute remote_console. Value: "
                 "{'protocol': 'vnc'}. 'type' is a required property"),
                ({'remote_console': {'protocol': 'vnc', 'type': 'novnc',
                                     'port': 1}},
                 "Invalid input for field/attribute remote_console. Value: "
                 "{'protocol': 'vnc', 'type': 'novnc', 'port': 1}. "
                 "Additional properties are not allowed ('port' was "
                 "unexpected)")):
            self.assertFault(self.api('POST', path, body, persona='member',
                                      version='2.6'), 400, message)

    def test_a_server_without_a_host_is_not_ready(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        self.assertFault(self.create_console(server_id, 'vnc', 'novnc'), 409,
                         'Instance %s is not ready' % server_id)

    def test_a_building_server_is_not_ready(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertFault(self.create_console(server_id, 'vnc', 'novnc'), 409,
                         'Instance %s is not ready' % server_id)

    def test_a_deleted_server_does_not_exist(self):
        server_id = self.create()
        self.assertEqual(204, self.api('DELETE', '/servers/' + server_id,
                                       persona='member').status)
        self.assertFault(self.create_console(server_id, 'vnc', 'novnc'), 404,
                         'Instance %s could not be found.' % server_id)

    def test_unknown_server(self):
        self.assertFault(self.create_console(MISSING, 'vnc', 'novnc'), 404,
                         'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        self.assertFault(
            self.create_console(server_id, 'vnc', 'novnc', persona='other'),
            404, 'Instance %s could not be found.' % server_id)

    def test_an_administrator_gets_a_members_console(self):
        server_id = self.create()
        self.assertRemoteConsole(
            self.create_console(server_id, 'vnc', 'novnc', persona='admin'),
            'vnc', 'novnc')

    def test_policy_refusal_after_the_server_is_found(self):
        server_id = self.create()
        self.use_policy_file({RULE: 'role:admin'})
        self.assertFault(self.create_console(server_id, 'vnc', 'novnc'), 403,
                         test_servers.policy_refusal(RULE))
        self.assertFault(self.create_console(MISSING, 'vnc', 'novnc'), 404,
                         'Instance %s could not be found.' % MISSING)
