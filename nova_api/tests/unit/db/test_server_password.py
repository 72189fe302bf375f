"""Stored server passwords, on every backend."""

from nova_api.db import server_password
from nova_api.db import servers
from nova_api.tests.unit.db import base


class ServerPasswordTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.server_id = servers.create(self.context, {
            'uuid': 'uuid-1', 'project_id': 'project-a',
            'user_id': 'user-a', 'name': 's1', 'hostname': 's1',
            'image_ref': 'image', 'flavor_ref': '1', 'vcpus': 1,
            'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
            'vm_state': 'active', 'reservation_id': 'r-1',
            'security_groups': ['default']}, {}, []).id

    def test_a_server_has_none_at_first(self):
        self.assertIsNone(server_password.get(self.context, self.server_id))

    def test_the_first_password_added_stays(self):
        self.assertEqual('first', server_password.add_unless_present(
            self.context, self.server_id, 'first'))
        self.assertEqual('first', server_password.add_unless_present(
            self.context, self.server_id, 'second'))
        self.assertEqual('first',
                         server_password.get(self.context, self.server_id))

    def test_replace_with_or_without_a_password(self):
        server_password.replace(self.context, self.server_id, '')
        self.assertEqual('', server_password.get(self.context,
                                                 self.server_id))
        server_password.replace(self.context, self.server_id, 'new')
        self.assertEqual('new', server_password.get(self.context,
                                                    self.server_id))


class ServerPasswordTestPostgreSQL(base.PostgreSQL, ServerPasswordTest):
    pass


class ServerPasswordTestMySQL(base.MySQL, ServerPasswordTest):
    pass
