"""Resize, its confirm and revert, cold migration and the migration
records through python-novaclient's and openstacksdk's APIs.

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas, short tasks);
each test boots its own server, with the helpers of
test_real_clients_server_actions.
"""

import openstack
import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import (
    test_real_clients_server_actions as server_actions)

_NOVACLIENT = server_actions.NovaClientServerActionsTest
_SDK = server_actions.OpenStackSDKServerActionsTest


class NovaClientResizeTest(real_clients.NovaAPIServer, testtools.TestCase):
    """novaclient's ServerManager resize and migrate, MigrationManager
    and ServerMigrationsManager."""

    def setUp(self):
        super().setUp()
        self.nova = self._client(server_actions.NOVACLIENT_VERSION)

    _client = _NOVACLIENT._client
    _active_server = _NOVACLIENT._active_server
    _delete_quietly = _NOVACLIENT._delete_quietly
    _wait_for_status = _NOVACLIENT._wait_for_status

    def test_resize_confirm_and_revert(self):
        server = self._active_server()
        self.nova.servers.resize(server, '2')
        self._wait_for_status(server.id, 'VERIFY_RESIZE')
        self.nova.servers.confirm_resize(server)
        confirmed = self._wait_for_status(server.id, 'ACTIVE')
        self.assertEqual('m1.small', confirmed.flavor['original_name'])
        self.nova.servers.resize(server, '3')
        self._wait_for_status(server.id, 'VERIFY_RESIZE')
        self.nova.servers.revert_resize(server)
        reverted = self._wait_for_status(server.id, 'ACTIVE')
        self.assertEqual('m1.small', reverted.flavor['original_name'])
        self.assertEqual(['reverted', 'confirmed'], [
            migration.status for migration in self.nova.migrations.list(
                instance_uuid=server.id)])

    def test_migrate_to_a_host_and_server_migrations(self):
        server = self._active_server()
        source = getattr(server, 'OS-EXT-SRV-ATTR:host')
        target = 'compute2' if source == 'compute1' else 'compute1'
        self.nova.servers.migrate(server, host=target)
        migrated = self._wait_for_status(server.id, 'VERIFY_RESIZE')
        self.assertEqual(target, getattr(migrated, 'OS-EXT-SRV-ATTR:host'))
        # Only live migrations in progress are listed there.
        self.assertEqual([], self.nova.server_migrations.list(server))
        [migration] = self.nova.migrations.list(instance_uuid=server.id)
        self.assertEqual(('migration', source, target),
                         (migration.migration_type, migration.source_compute,
                          migration.dest_compute))
        self.nova.servers.confirm_resize(server)
        self._wait_for_status(server.id, 'ACTIVE')


class OpenStackSDKResizeTest(real_clients.NovaAPIServer, testtools.TestCase):
    """openstacksdk's compute proxy, at the version it negotiates."""

    def setUp(self):
        super().setUp()
        self.conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': real_clients.TOKEN},
            compute_endpoint_override=self.endpoint)
        self.addCleanup(self.conn.close)
        self.compute = self.conn.compute

    _active_server = _SDK._active_server
    _wait = _SDK._wait

    def test_resize_confirm_and_revert(self):
        server = self._active_server()
        self.compute.resize_server(server, '2')
        self._wait(server, 'VERIFY_RESIZE')
        self.compute.confirm_server_resize(server)
        self.assertEqual('m1.small',
                         self._wait(server, 'ACTIVE').flavor.original_name)
        self.compute.resize_server(server, '3')
        self._wait(server, 'VERIFY_RESIZE')
        self.compute.revert_server_resize(server)
        self.assertEqual('m1.small',
                         self._wait(server, 'ACTIVE').flavor.original_name)

    def test_migrate_and_the_migration_records(self):
        server = self._active_server()
        self.compute.migrate_server(server)
        self._wait(server, 'VERIFY_RESIZE')
        self.assertEqual([], list(self.compute.server_migrations(server)))
        [migration] = [record for record in self.compute.migrations()
                       if record.server_id == server.id]
        self.assertEqual(('migration', 'finished'),
                         (migration.migration_type, migration.status))
        self.compute.revert_server_resize(server)
        self._wait(server, 'ACTIVE')
