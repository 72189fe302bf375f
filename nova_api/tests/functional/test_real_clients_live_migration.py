"""Live migration and a server's migrations through the `openstack` CLI
and openstacksdk: `openstack server migrate --live-migration`, `server
migration list / show / abort / force complete`, and the SDK's
live_migrate_server, server_migrations, get_server_migration,
abort_server_migration and force_complete_server_migration.

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas), with a live
migration long enough (30 s: queued, preparing, then running from the
15th second) for a client to find it running, even on a busy machine.
"""

import json
import os
import subprocess
import sys
import time

import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import (
    test_real_clients_server_actions as server_actions)

_SDK = server_actions.OpenStackSDKServerActionsTest
LIVE_MIGRATION_SECONDS = 30
EXTRA_CONFIG = real_clients.EXTRA_CONFIG + (
    'live_migration_seconds = %d\n' % LIVE_MIGRATION_SECONDS)
WAIT_SECONDS = real_clients.WAIT_SECONDS + LIVE_MIGRATION_SECONDS


def _other_host(host):
    return 'compute2' if host == 'compute1' else 'compute1'


class OpenStackCLILiveMigrationTest(real_clients.NovaAPIServer,
                                    testtools.TestCase):
    """The `openstack` command, at the microversions its options need."""

    extra_config = EXTRA_CONFIG

    def openstack(self, version, *args, output_json=True):
        argv = [os.path.join(os.path.dirname(sys.executable),
                             'openstack'),
                '--os-auth-type', 'admin_token',
                '--os-token', real_clients.TOKEN,
                '--os-endpoint', self.endpoint,
                '--os-compute-api-version', version,
                '--os-identity-api-version', '3'] + list(args)
        if output_json:
            argv += ['-f', 'json']
        env = {var: value for var, value in os.environ.items()
               if not var.startswith('OS_')}
        env['OS_IDENTITY_ENDPOINT_OVERRIDE'] = self.server.base_url + '/'
        env['OS_IMAGE_ENDPOINT_OVERRIDE'] = self.server.base_url + '/image'
        result = subprocess.run(argv, capture_output=True, text=True,
                                timeout=60, env=env,
                                cwd=self.deployment.path)
        self.assertEqual(0, result.returncode, result.stderr)
        return json.loads(result.stdout) if output_json else result.stdout

    def _active_server(self):
        created = self.openstack(
            '2.10', 'server', 'create', '--image',
            'cirros-0.6.2-x86_64-disk', '--flavor', 'm1.tiny', '--wait',
            real_clients._unique('cli-live'))
        self.addCleanup(self.openstack, '2.80', 'server', 'delete',
                        '--wait', created['id'], output_json=False)
        return created

    def _wait(self, server_id, status):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            server = self.openstack('2.80', 'server', 'show', server_id)
            if server['status'] == status or time.monotonic() > deadline:
                self.assertEqual(status, server['status'])
                return server
            time.sleep(0.2)

    def _running_migration(self, server_id):
        """The server's live migration once it is running."""
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            [migration] = self.openstack(
                '2.80', 'server', 'migration', 'list', '--server',
                server_id)
            if (migration['Status'] == 'running' or
                    time.monotonic() > deadline):
                self.assertEqual('running', migration['Status'])
                return migration
            time.sleep(0.2)

    def test_migrate_live_to_a_host_and_force_complete(self):
        server = self._active_server()
        source = server['OS-EXT-SRV-ATTR:host']
        target = _other_host(source)
        self.openstack('2.30', 'server', 'migrate', '--live-migration',
                       '--host', target, server['id'], output_json=False)
        self.assertEqual('MIGRATING', self.openstack(
            '2.80', 'server', 'show', server['id'])['status'])
        migration = self._running_migration(server['id'])
        self.assertEqual(('live-migration', source, target),
                         (migration['Type'], migration['Source Compute'],
                          migration['Dest Compute']))
        # By its uuid: OSC (10.5) sends an id the other way round (the
        # server's as the migration's), which Nova refuses as well.
        shown = self.openstack('2.80', 'server', 'migration', 'show',
                               server['id'], migration['UUID'])
        self.assertEqual(('running', migration['Id']),
                         (shown['Status'], shown['ID']))
        self.openstack('2.22', 'server', 'migration', 'force', 'complete',
                       server['id'], str(migration['Id']),
                       output_json=False)
        completed = self._wait(server['id'], 'ACTIVE')
        self.assertEqual(target, completed['OS-EXT-SRV-ATTR:host'])
        [migration] = self.openstack('2.80', 'server', 'migration', 'list',
                                     '--server', server['id'])
        self.assertEqual('completed', migration['Status'])

    def test_migrate_live_and_abort(self):
        server = self._active_server()
        source = server['OS-EXT-SRV-ATTR:host']
        self.openstack('2.25', 'server', 'migrate', '--live-migration',
                       server['id'], output_json=False)
        migration = self._running_migration(server['id'])
        self.openstack('2.24', 'server', 'migration', 'abort', server['id'],
                       str(migration['Id']), output_json=False)
        aborted = self._wait(server['id'], 'ACTIVE')
        self.assertEqual(source, aborted['OS-EXT-SRV-ATTR:host'])
        [migration] = self.openstack('2.80', 'server', 'migration', 'list',
                                     '--server', server['id'])
        self.assertEqual('cancelled', migration['Status'])


class OpenStackSDKLiveMigrationTest(real_clients.NovaAPIServer,
                                    testtools.TestCase):
    """openstacksdk's compute proxy, at the version it negotiates."""

    extra_config = EXTRA_CONFIG

    def setUp(self):
        super().setUp()
        self.compute = self.sdk_connection().compute

    _active_server = _SDK._active_server

    def _wait(self, server, status):
        # Fetched anew: the SDK returns at once if the object it is given
        # has the status already.
        return self.compute.wait_for_server(
            self.compute.get_server(server), status=status, interval=0.2,
            wait=WAIT_SECONDS)

    def _running_migration(self, server):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            [migration] = list(self.compute.server_migrations(server))
            if (migration.status == 'running' or
                    time.monotonic() > deadline):
                self.assertEqual('running', migration.status)
                return migration
            time.sleep(0.2)

    def test_live_migrate_and_force_complete(self):
        server = self._active_server()
        target = _other_host(server.compute_host)
        self.compute.live_migrate_server(server, host=target)
        migration = self._running_migration(server)
        self.assertEqual((server.compute_host, target),
                         (migration.source_compute, migration.dest_compute))
        shown = self.compute.get_server_migration(migration, server)
        self.assertEqual(migration.uuid, shown.uuid)
        self.compute.force_complete_server_migration(migration, server)
        completed = self._wait(server, 'ACTIVE')
        self.assertEqual(target, completed.compute_host)
        self.assertEqual([], list(self.compute.server_migrations(server)))

    def test_live_migrate_and_abort(self):
        server = self._active_server()
        self.compute.live_migrate_server(server)
        migration = self._running_migration(server)
        self.compute.abort_server_migration(migration, server)
        aborted = self._wait(server, 'ACTIVE')
        self.assertEqual(server.compute_host, aborted.compute_host)
        [record] = [found for found in self.compute.migrations()
                    if found.server_id == server.id]
        self.assertEqual(('live-migration', 'cancelled'),
                         (record.migration_type, record.status))
