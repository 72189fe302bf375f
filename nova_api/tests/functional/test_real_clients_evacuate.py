"""Evacuate through python-novaclient's, openstacksdk's and the
`openstack` CLI's APIs, from a host forced down through os-services.

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas, short tasks,
an evacuation included); each test boots its own server, forces its
host's compute service down and puts it back up at its end, as the tests
of a class share the deployment.
"""

import time

from novaclient import exceptions as nova_exceptions
import testtools

from nova_api.tests.functional import test_real_clients as real_clients
from nova_api.tests.functional import (
    test_real_clients_server_actions as server_actions)

_NOVACLIENT = server_actions.NovaClientServerActionsTest
_SDK = server_actions.OpenStackSDKServerActionsTest
# The real clients' deployment, its evacuations short too.
EXTRA_CONFIG = real_clients.EXTRA_CONFIG + 'evacuate_seconds = 0.5\n'


def _other(host):
    return 'compute2' if host == 'compute1' else 'compute1'


class NovaClientEvacuateTest(real_clients.NovaAPIServer,
                             testtools.TestCase):
    """novaclient's ServerManager evacuate at 2.1, 2.29 and 2.68, with
    ServiceManager force_down."""

    extra_config = EXTRA_CONFIG

    _client = _NOVACLIENT._client
    _active_server = _NOVACLIENT._active_server
    _delete_quietly = _NOVACLIENT._delete_quietly
    _wait_for_status = _NOVACLIENT._wait_for_status

    def _down_host_server(self, version):
        """A new active server (as the client at `version` has it) and
        its host, whose service is forced down until the test ends."""
        self.nova = self._client(server_actions.NOVACLIENT_VERSION)
        server = self._active_server()
        host = getattr(server, 'OS-EXT-SRV-ATTR:host')
        services = self._client('2.11').services
        services.force_down(host, 'nova-compute', True)
        self.addCleanup(services.force_down, host, 'nova-compute', False)
        self.nova = self._client(version)
        return self.nova.servers.get(server.id), host

    def test_evacuate_before_2_14_answers_the_password(self):
        server, host = self._down_host_server('2.1')
        _resp, body = self.nova.servers.evacuate(
            server, on_shared_storage=False, password='MySecretPass')
        self.assertEqual({'adminPass': 'MySecretPass'}, body)
        evacuated = self._wait_for_status(server.id, 'ACTIVE')
        self.assertEqual(_other(host),
                         getattr(evacuated, 'OS-EXT-SRV-ATTR:host'))

    def test_evacuate_to_a_host_at_2_29_and_the_record(self):
        server, host = self._down_host_server('2.29')
        self.nova.servers.evacuate(server, host=_other(host), force=True)
        evacuated = self._wait_for_status(server.id, 'ACTIVE')
        self.assertEqual(_other(host),
                         getattr(evacuated, 'OS-EXT-SRV-ATTR:host'))
        [migration] = self.nova.migrations.list(instance_uuid=server.id,
                                                migration_type='evacuation')
        self.assertEqual(('evacuation', host, _other(host)),
                         (migration.migration_type, migration.source_compute,
                          migration.dest_compute))

    def test_evacuate_at_2_68_from_a_host_still_up_is_refused(self):
        self.nova = self._client(server_actions.NOVACLIENT_VERSION)
        server = self._client('2.68').servers.get(self._active_server().id)
        error = self.assertRaises(nova_exceptions.BadRequest,
                                  server.evacuate)
        self.assertIn('Compute service of %s is still in use.'
                      % getattr(server, 'OS-EXT-SRV-ATTR:host'), str(error))


class OpenStackSDKEvacuateTest(real_clients.NovaAPIServer,
                               testtools.TestCase):
    """openstacksdk's evacuate_server at the version it negotiates (2.95
    or later: the server ends stopped), with update_service_forced_down."""

    extra_config = EXTRA_CONFIG

    def setUp(self):
        super().setUp()
        self.compute = self.sdk_connection().compute

    _active_server = _SDK._active_server
    _wait = _SDK._wait

    def test_evacuate_ends_stopped(self):
        server = self._active_server()
        host = self.compute.get_server(server).compute_host
        service = next(self.compute.services(host=host,
                                             binary='nova-compute'))
        self.compute.update_service_forced_down(service, forced=True)
        self.addCleanup(self.compute.update_service_forced_down, service,
                        forced=False)
        self.compute.evacuate_server(server, admin_pass='MySecretPass')
        evacuated = self._wait(server, 'SHUTOFF')
        self.assertEqual(_other(host), evacuated.compute_host)
        self.assertIn('evacuate', [
            action.action
            for action in self.compute.server_actions(server)])


class OpenStackCLIEvacuateTest(real_clients.NovaAPIServer,
                               testtools.TestCase):
    """`openstack compute service set --down` and `openstack server
    evacuate` (its --host needs 2.29)."""

    extra_config = EXTRA_CONFIG

    _openstack_command = staticmethod(
        real_clients.OpenStackCLITest._openstack_command)
    _run = real_clients.OpenStackCLITest._run
    _openstack = real_clients.OpenStackCLITest.openstack

    def openstack(self, version, *args, output_json=True):
        """The CLI at `version` (a global option before the command)."""
        return self._openstack('--os-compute-api-version', version, *args,
                               output_json=output_json, negotiate=True)

    def _set_down(self, host, down):
        self.openstack('2.11', 'compute', 'service', 'set',
                       '--down' if down else '--up', host, 'nova-compute',
                       output_json=False)

    def test_service_set_down_and_server_evacuate_to_a_host(self):
        created = self.openstack(
            '2.29', 'server', 'create', '--image', server_actions.CIRROS,
            '--flavor', '1', '--wait', server_actions._unique('cli'))
        self.addCleanup(self.openstack, '2.29', 'server', 'delete',
                        '--wait', created['id'], output_json=False)
        host = created['OS-EXT-SRV-ATTR:host']
        self._set_down(host, True)
        self.addCleanup(self._set_down, host, False)
        [service] = self.openstack('2.11', 'compute', 'service', 'list',
                                   '--host', host, '--service',
                                   'nova-compute')
        self.assertEqual('down', service['State'])
        # Not --wait: OSC 10.5 waits for 'ACTIVE' against the lowercased
        # status, which never matches.
        shown = self.openstack('2.29', 'server', 'evacuate', '--host',
                               _other(host), created['id'])
        self.assertEqual(_other(host), shown['OS-EXT-SRV-ATTR:host'])
        deadline = time.monotonic() + real_clients.WAIT_SECONDS
        while shown['status'] != 'ACTIVE' and time.monotonic() < deadline:
            time.sleep(0.2)
            shown = self.openstack('2.29', 'server', 'show', created['id'])
        self.assertEqual(('ACTIVE', _other(host)),
                         (shown['status'], shown['OS-EXT-SRV-ATTR:host']))
