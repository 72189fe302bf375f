"""Stored console tokens, on every backend: found by hash until they
expire, the expired ones deleted by the next token, and none once their
server is deleted."""

from oslo_db import exception as db_exception
from oslo_utils import timeutils

from nova_api.db import console_auth_tokens
from nova_api.db import servers
from nova_api.tests.unit.db import base


def _token(server_id, token_hash='hash-1', expires=1600):
    return {'token_hash': token_hash, 'server_id': server_id,
            'console_type': 'novnc', 'host': 'compute1', 'port': 5901,
            'tls_port': None, 'internal_access_path': None,
            'expires': expires}


class ConsoleAuthTokensTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.server = servers.create(self.context, {
            'uuid': 'uuid-1', 'project_id': 'project-a',
            'user_id': 'user-a', 'name': 's1', 'hostname': 's1',
            'image_ref': 'image', 'flavor_ref': '1', 'vcpus': 1,
            'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
            'vm_state': 'active', 'reservation_id': 'r-1',
            'security_groups': ['default']}, {}, [])

    def test_found_until_it_expires(self):
        console_auth_tokens.create(self.context, _token(self.server.id),
                                   1000)
        row = console_auth_tokens.get_valid(self.context, 'hash-1', 1599)
        self.assertEqual(('uuid-1', 'novnc', 'compute1', 5901, None),
                         (row.instance_uuid, row.console_type, row.host,
                          row.port, row.internal_access_path))
        self.assertIsNone(
            console_auth_tokens.get_valid(self.context, 'hash-1', 1600))
        self.assertIsNone(
            console_auth_tokens.get_valid(self.context, 'other', 1000))

    def test_the_next_token_deletes_the_expired(self):
        console_auth_tokens.create(self.context, _token(self.server.id),
                                   1000)
        console_auth_tokens.create(
            self.context, _token(self.server.id, 'hash-2', 2000), 1600)
        # Back in time, the first would be valid: it is gone.
        self.assertIsNone(
            console_auth_tokens.get_valid(self.context, 'hash-1', 1000))
        self.assertIsNotNone(
            console_auth_tokens.get_valid(self.context, 'hash-2', 1600))

    def test_a_hash_is_unique(self):
        console_auth_tokens.create(self.context, _token(self.server.id),
                                   1000)
        self.assertRaises(db_exception.DBDuplicateEntry,
                          console_auth_tokens.create, self.context,
                          _token(self.server.id), 1000)

    def test_none_once_the_server_is_deleted(self):
        console_auth_tokens.create(self.context, _token(self.server.id),
                                   1000)
        self.assertTrue(servers.soft_delete(
            self.context, self.server, timeutils.utcnow(), 'deleted'))
        self.assertIsNone(
            console_auth_tokens.get_valid(self.context, 'hash-1', 1000))


class ConsoleAuthTokensTestPostgreSQL(base.PostgreSQL, ConsoleAuthTokensTest):
    pass


class ConsoleAuthTokensTestMySQL(base.MySQL, ConsoleAuthTokensTest):
    pass
