"""Console tokens (api-ref "Server Consoles: Show Console Connection
Information", os-console-auth-tokens), as nova/api/openstack/compute/
console_auth_tokens.py and the ConsoleAuthToken object answer: 400
before 2.31, the stored console of a valid token, 404 for an unknown or
expired one, tls_port for a spice-direct console from 2.99."""

import hashlib

from oslo_utils import timeutils
import sqlalchemy as sa

from nova_api.db import api as db_api
from nova_api.db import models
from nova_api.tests.functional import base
from nova_api.tests.functional import test_remote_consoles
from nova_api.tests.functional import test_servers

MISSING = test_servers.MISSING
RULE = 'os_compute_api:os-console-auth-tokens'
REFUSAL = test_remote_consoles.RDP_REFUSAL
token_of = test_remote_consoles.token_of


class ConsoleAuthTokensTestV2(test_remote_consoles.ConsoleHelpers,
                              base.APITestCase):

    def vnc_token(self, server_id):
        resp = self.action(server_id, {'os-getVNCConsole': {'type': 'novnc'}})
        self.assertEqual(200, resp.status, resp)
        return token_of(resp.json()['console']['url'])

    def test_refused_before_2_31(self):
        # Before 2.31 only RDP tokens were shown; RDP consoles are gone.
        server_id = self.create()
        token = self.vnc_token(server_id)
        for persona in ('admin', 'member'):
            self.assertFault(
                self.api('GET', '/os-console-auth-tokens/' + token,
                         persona=persona), 400, REFUSAL)


class ConsoleAuthTokensTestV21(base.V21, ConsoleAuthTokensTestV2):

    def lookup(self, token, version='2.31', persona='admin', query=''):
        return self.api('GET', '/os-console-auth-tokens/' + token + query,
                        persona=persona, version=version)

    def remote_console(self, server_id, protocol, console_type,
                       version='2.6'):
        resp = self.api('POST', '/servers/%s/remote-consoles' % server_id,
                        {'remote_console': {'protocol': protocol,
                                            'type': console_type}},
                        persona='member', version=version)
        self.assertEqual(200, resp.status, resp)
        return token_of(resp.json()['remote_console']['url'])

    def server_row_id(self, server_id):
        # Where the simulated console listens follows from the row's id.
        self.skip_if_remote('reads the database')
        servers = models.Server.__table__
        with db_api.get_engine().connect() as connection:
            return connection.execute(sa.select(servers.c.id).where(
                servers.c.uuid == server_id)).scalar()

    def stored_hashes(self):
        self.skip_if_remote('reads the database')
        tokens = models.ConsoleAuthToken.__table__
        with db_api.get_engine().connect() as connection:
            return connection.execute(
                sa.select(tokens.c.token_hash)).scalars().all()

    def test_a_token_shows_its_console(self):
        self.enable('serial_console', 'spice', 'mks')
        server_id = self.create()
        n = self.server_row_id(server_id) % 1000
        for version, protocol, console_type, port in (
                ('2.6', 'vnc', 'novnc', 5900 + n),
                ('2.6', 'spice', 'spice-html5', 5900 + n),
                ('2.6', 'serial', 'serial', 10000 + n),
                ('2.8', 'mks', 'webmks', 5900 + n),
                ('2.99', 'spice', 'spice-direct', 5900 + n)):
            token = self.remote_console(server_id, protocol, console_type,
                                        version)
            resp = self.lookup(token)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.31')
            self.assertEqual({'console': {
                'instance_uuid': server_id, 'host': 'compute1',
                'port': port, 'internal_access_path': None}}, resp.json())

    def test_a_deprecated_actions_token(self):
        server_id = self.create()
        resp = self.lookup(self.vnc_token(server_id))
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(server_id, resp.json()['console']['instance_uuid'])

    def test_tls_port_of_spice_direct_from_2_99(self):
        self.enable('spice')
        server_id = self.create()
        port = 5900 + self.server_row_id(server_id) % 1000
        direct = self.remote_console(server_id, 'spice', 'spice-direct',
                                     '2.99')
        html5 = self.remote_console(server_id, 'spice', 'spice-html5')
        self.assertNotIn('tls_port',
                         self.lookup(direct, '2.98').json()['console'])
        console = self.lookup(direct, '2.99').json()['console']
        self.assertEqual((port, port + 1000),
                         (console['port'], console['tls_port']))
        # Only spice-direct consoles show it.
        self.assertNotIn('tls_port',
                         self.lookup(html5, 'latest').json()['console'])

    def test_only_the_hash_is_stored(self):
        server_id = self.create()
        token = self.vnc_token(server_id)
        self.assertEqual([hashlib.sha256(token.encode()).hexdigest()],
                         self.stored_hashes())

    def test_unknown_token(self):
        for token in (MISSING, 'token'):
            self.assertFault(self.lookup(token), 404, 'Token not found')

    def test_an_expired_token_is_not_found(self):
        self.skip_if_remote('sets the time and [consoleauth] token_ttl')
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        self.conf.config(token_ttl=60, group='consoleauth')
        server_id = self.create()
        token = self.vnc_token(server_id)
        timeutils.advance_time_seconds(59)
        self.assertEqual(200, self.lookup(token).status)
        timeutils.advance_time_seconds(1)
        self.assertFault(self.lookup(token), 404, 'Token not found')

    def test_a_ttl_of_zero_gives_expired_tokens(self):
        self.skip_if_remote('sets [consoleauth] token_ttl')
        self.conf.config(token_ttl=0, group='consoleauth')
        server_id = self.create()
        self.assertFault(self.lookup(self.vnc_token(server_id)), 404,
                         'Token not found')

    def test_expired_tokens_are_deleted_by_the_next_token(self):
        self.skip_if_remote('sets the time')
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        self.vnc_token(server_id)
        timeutils.advance_time_seconds(600)
        self.vnc_token(server_id)
        self.assertEqual(1, len(self.stored_hashes()))

    def test_a_deleted_servers_token_is_not_found(self):
        server_id = self.create()
        token = self.vnc_token(server_id)
        self.assertEqual(204, self.api('DELETE', '/servers/' + server_id,
                                       persona='member').status)
        self.assertFault(self.lookup(token), 404, 'Token not found')

    def test_administrators_only(self):
        server_id = self.create()
        token = self.vnc_token(server_id)
        for persona in ('member', 'other'):
            self.assertFault(self.lookup(token, persona=persona), 403,
                             test_servers.policy_refusal(RULE))
        self.assertFault(self.lookup(MISSING, persona='member'), 403,
                         test_servers.policy_refusal(RULE))

    def test_policy_rule(self):
        server_id = self.create()
        token = self.vnc_token(server_id)
        self.use_policy_file({RULE: '@'})
        self.assertEqual(200, self.lookup(token, persona='member').status)

    def test_query_parameters(self):
        server_id = self.create()
        token = self.vnc_token(server_id)
        self.assertEqual(200, self.lookup(token, '2.98',
                                          query='?foo=1').status)
        self.assertFault(
            self.lookup(token, '2.99', query='?foo=1'), 400,
            "Additional properties are not allowed ('foo' was unexpected)")

    def test_refused_at_2_30(self):
        server_id = self.create()
        self.assertFault(self.lookup(self.vnc_token(server_id), '2.30'),
                         400, REFUSAL)
