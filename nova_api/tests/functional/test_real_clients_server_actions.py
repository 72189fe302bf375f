"""The server actions through python-novaclient's and openstacksdk's APIs.

The same nova-api process as test_real_clients (uWSGI, noauth2, the token
``admin:admin``, responses checked against their schemas, short tasks);
each test boots its own server and drives it as a user's script would.
"""

import functools
import time

from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
import novaclient
from novaclient import api_versions
from novaclient import client as nova_client
from novaclient import exceptions as nova_exceptions
import openstack
import testtools

from nova_api.api import microversion
from nova_api.tests.functional import test_real_clients as real_clients

CIRROS = real_clients.CIRROS
# debian-12-genericcloud-amd64, of the seeded images: 3 GB min_disk.
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
WAIT_SECONDS = real_clients.WAIT_SECONDS
# The highest version both novaclient and nova-api know.
NOVACLIENT_VERSION = min(
    api_versions.APIVersion(str(microversion.MAX_VERSION)),
    novaclient.API_MAX_VERSION).get_string()
_unique = real_clients._unique


class NovaClientServerActionsTest(real_clients.NovaAPIServer,
                                  testtools.TestCase):
    """novaclient's ServerManager actions and InstanceActionManager."""

    def setUp(self):
        super().setUp()
        self.nova = self._client(NOVACLIENT_VERSION)

    def _client(self, version):
        auth = token_endpoint.Token(self.endpoint, real_clients.TOKEN)
        return nova_client.Client(version,
                                  session=ks_session.Session(auth=auth))

    def _active_server(self, flavor='1'):
        created = self.nova.servers.create(_unique('novaclient'),
                                           image=CIRROS, flavor=flavor,
                                           nics='none')
        self.addCleanup(self._delete_quietly, created.id)
        return self._wait_for_status(created.id, 'ACTIVE')

    def _delete_quietly(self, server_id):
        try:
            self.nova.servers.delete(server_id)
        except nova_exceptions.NotFound:
            pass

    def _wait_for_status(self, server_id, status):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            server = self.nova.servers.get(server_id)
            if server.status == status or time.monotonic() > deadline:
                self.assertEqual(status, server.status)
                return server
            time.sleep(0.1)

    def test_pause_unpause_suspend_resume(self):
        server = self._active_server()
        self.nova.servers.pause(server)
        self._wait_for_status(server.id, 'PAUSED')
        self.nova.servers.unpause(server)
        self._wait_for_status(server.id, 'ACTIVE')
        self.nova.servers.suspend(server)
        self._wait_for_status(server.id, 'SUSPENDED')
        self.nova.servers.resume(server)
        self._wait_for_status(server.id, 'ACTIVE')

    def test_lock_with_a_reason_and_unlock(self):
        server = self._active_server()
        self.nova.servers.lock(server, reason='maintenance')
        locked = self.nova.servers.get(server.id)
        self.assertEqual((True, 'maintenance'),
                         (locked.locked, locked.locked_reason))
        # A locked server refuses its owner's actions; the admin's pass.
        self.nova.servers.unlock(server)
        self.assertFalse(self.nova.servers.get(server.id).locked)

    def test_shelve_offload_and_unshelve_to_a_zone(self):
        server = self._active_server()
        self.nova.servers.shelve(server)
        self._wait_for_status(server.id, 'SHELVED')
        self.nova.servers.shelve_offload(server)
        offloaded = self._wait_for_status(server.id, 'SHELVED_OFFLOADED')
        self.assertIsNone(getattr(offloaded, 'OS-EXT-SRV-ATTR:host'))
        self.nova.servers.unshelve(server, availability_zone='nova')
        self._wait_for_status(server.id, 'ACTIVE')

    def test_rescue_with_an_image_and_unrescue(self):
        server = self._active_server()
        _resp, body = self.nova.servers.rescue(server, password='rescue-pw',
                                               image=CIRROS)
        self.assertEqual({'adminPass': 'rescue-pw'}, body)
        self._wait_for_status(server.id, 'RESCUE')
        self.nova.servers.unrescue(server)
        self._wait_for_status(server.id, 'ACTIVE')

    def test_rebuild_with_a_new_name_and_image(self):
        server = self._active_server(flavor='2')
        rebuilt = self.nova.servers.rebuild(server, DEBIAN,
                                            password='rebuild-pw',
                                            name='rebuilt',
                                            description='after rebuild')
        self.assertEqual(('rebuilt', 'rebuild-pw', 'REBUILD'),
                         (rebuilt.name, rebuilt.adminPass, rebuilt.status))
        shown = self._wait_for_status(server.id, 'ACTIVE')
        self.assertEqual((DEBIAN, 'after rebuild'),
                         (shown.image['id'], shown.description))

    def test_create_image_and_backup(self):
        server = self._active_server()
        image_id = self.nova.servers.create_image(server, _unique('snap'),
                                                  metadata={'kind': 'snap'})
        # novaclient has no image API of its own left: the image proxy,
        # up to 2.35.
        images = self._client('2.35').client
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            _resp, image = images.get('/images/%s' % image_id)
            if (image['image']['status'] == 'ACTIVE'
                    or time.monotonic() > deadline):
                break
            time.sleep(0.1)
        self.assertEqual(('ACTIVE', 'snap', server.id),
                         (image['image']['status'],
                          image['image']['metadata']['kind'],
                          image['image']['metadata']['instance_uuid']))
        self._wait_for_status(server.id, 'ACTIVE')
        backup = self.nova.servers.backup(server, _unique('backup'),
                                          'daily', 1)
        _resp, image = images.get('/images/%s' % backup['image_id'])
        self.assertEqual(('backup', 'daily'),
                         (image['image']['metadata']['image_type'],
                          image['image']['metadata']['backup_type']))

    def test_change_password_and_trigger_crash_dump(self):
        server = self._active_server()
        self.nova.servers.change_password(server, 'new-pw')
        self._wait_for_status(server.id, 'ACTIVE')
        self.nova.servers.trigger_crash_dump(server)
        self.assertEqual('ACTIVE', self.nova.servers.get(server.id).status)

    def test_console_output_and_console_url(self):
        server = self._active_server()
        output = self.nova.servers.get_console_output(server, length=1)
        self.assertIn('login:', output)
        self.assertEqual(1, len(output.strip('\n').split('\n')))
        console = self.nova.servers.get_console_url(server, 'novnc')
        self.assertEqual(('vnc', 'novnc'),
                         (console['remote_console']['protocol'],
                          console['remote_console']['type']))

    def test_reset_state_and_the_gone_reset_network(self):
        server = self._active_server()
        self.nova.servers.reset_state(server, 'error')
        self.assertEqual('ERROR', self.nova.servers.get(server.id).status)
        self.nova.servers.reset_state(server, 'active')
        self.assertEqual('ACTIVE', self.nova.servers.get(server.id).status)
        # resetNetwork went with nova-network: Nova answers 410.
        error = self.assertRaises(nova_exceptions.ClientException,
                                  self.nova.servers.reset_network, server)
        self.assertEqual(410, error.code)

    def test_instance_action_list_and_show(self):
        server = self._active_server()
        self.nova.servers.pause(server)
        self._wait_for_status(server.id, 'PAUSED')
        actions = self.nova.instance_action.list(server)
        self.assertEqual(['pause', 'create'],
                         [action.action for action in actions])
        pause = self.nova.instance_action.get(server, actions[0].request_id)
        self.assertEqual([('compute_pause_instance', 'Success')],
                         [(event['event'], event['result'])
                          for event in pause.events])


class OpenStackSDKServerActionsTest(real_clients.NovaAPIServer,
                                    testtools.TestCase):
    """openstacksdk's compute proxy, at the version it negotiates."""

    def setUp(self):
        super().setUp()
        self.conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': real_clients.TOKEN},
            compute_endpoint_override=self.endpoint,
            image_endpoint_override=self.server.base_url + '/image')
        self.addCleanup(self.conn.close)
        self.compute = self.conn.compute

    def _active_server(self, flavor='1'):
        server = self.compute.create_server(name=_unique('sdk'),
                                            image_id=CIRROS,
                                            flavor_id=flavor,
                                            networks='none')
        self.addCleanup(self.compute.delete_server, server,
                        ignore_missing=True)
        return self._wait(server, 'ACTIVE')

    def _wait(self, server, status):
        # The SDK returns at once if the object it is given has the status
        # already: it is fetched anew first.
        server = self.compute.get_server(server)
        return self.compute.wait_for_server(server, status=status,
                                            interval=0.1, wait=WAIT_SECONDS)

    def test_pause_unpause_suspend_resume(self):
        server = self._active_server()
        self.compute.pause_server(server)
        self._wait(server, 'PAUSED')
        self.compute.unpause_server(server)
        self._wait(server, 'ACTIVE')
        self.compute.suspend_server(server)
        self._wait(server, 'SUSPENDED')
        self.compute.resume_server(server)
        self._wait(server, 'ACTIVE')

    def test_lock_with_a_reason_and_unlock(self):
        server = self._active_server()
        self.compute.lock_server(server, locked_reason='maintenance')
        locked = self.compute.get_server(server)
        self.assertEqual((True, 'maintenance'),
                         (locked.is_locked, locked.locked_reason))
        self.compute.unlock_server(server)
        self.assertFalse(self.compute.get_server(server).is_locked)

    def test_shelve_offload_and_unshelve_to_a_host(self):
        server = self._active_server()
        self.compute.shelve_server(server)
        self._wait(server, 'SHELVED')
        self.compute.shelve_offload_server(server)
        offloaded = self._wait(server, 'SHELVED_OFFLOADED')
        self.assertIsNone(offloaded.compute_host)
        # 2.91: an admin names the host.
        self.compute.unshelve_server(server, host='compute1')
        active = self._wait(server, 'ACTIVE')
        self.assertEqual('compute1', active.compute_host)

    def test_rescue_and_unrescue(self):
        server = self._active_server()
        self.compute.rescue_server(server, admin_pass='rescue-pw',
                                   image=CIRROS)
        self._wait(server, 'RESCUE')
        self.compute.unrescue_server(server)
        self._wait(server, 'ACTIVE')

    def test_rebuild_with_a_new_name(self):
        server = self._active_server(flavor='2')
        rebuilt = self.compute.rebuild_server(server, DEBIAN,
                                              name='sdk-rebuilt',
                                              admin_password='rebuild-pw')
        self.assertEqual(('sdk-rebuilt', 'REBUILD'),
                         (rebuilt.name, rebuilt.status))
        shown = self._wait(server, 'ACTIVE')
        self.assertEqual(DEBIAN, shown.image.id)

    def test_create_server_image_and_backup(self):
        server = self._active_server()
        image = self.compute.create_server_image(
            server, _unique('sdk-snap'), metadata={'kind': 'snap'},
            wait=True, timeout=WAIT_SECONDS)
        self.assertEqual(('active', 'snapshot', server.id),
                         (image.status, image.properties['image_type'],
                          image.instance_uuid))
        self._wait(server, 'ACTIVE')
        backup = self.compute.backup_server(server, _unique('sdk-backup'),
                                            'weekly', 1, wait=True,
                                            timeout=WAIT_SECONDS)
        self.assertEqual(('backup', 'weekly'),
                         (backup.properties['image_type'],
                          backup.properties['backup_type']))

    def test_change_password_and_trigger_crash_dump(self):
        server = self._active_server()
        self.compute.change_server_password(server, 'new-pw')
        self._wait(server, 'ACTIVE')
        self.compute.trigger_server_crash_dump(server)
        self.assertEqual('ACTIVE', self.compute.get_server(server).status)

    def test_console_output_url_and_auth_token(self):
        server = self._active_server()
        output = self.compute.get_server_console_output(server, length=1)
        self.assertIn('login:', output['output'])
        # What `openstack console url show` calls: remote-consoles from
        # 2.6 (get_server_console_url sends os-getVNCConsole, gone there).
        console = self.compute.create_console(server, 'novnc')
        token = console['url'].rsplit('%3D', 1)[1]
        # 2.31: an admin checks the token a proxy was handed.
        checked = self.compute.validate_console_auth_token(token)
        self.assertEqual(server.id, checked.instance_uuid)

    def test_reset_state(self):
        server = self._active_server()
        self.compute.reset_server_state(server, 'error')
        self.assertEqual('ERROR', self.compute.get_server(server).status)

    def test_server_actions_list_and_show(self):
        server = self._active_server()
        self.compute.suspend_server(server)
        self._wait(server, 'SUSPENDED')
        actions = list(self.compute.server_actions(server))
        self.assertEqual(['suspend', 'create'],
                         [action.action for action in actions])
        suspend = self.compute.get_server_action(actions[0].request_id,
                                                 server)
        self.assertEqual(['compute_suspend_instance'],
                         [event.event for event in suspend.events])

    def test_server_external_events(self):
        server = self._active_server()
        events = list(self.compute.create_server_external_events([
            {'name': 'network-changed', 'server_uuid': server.id},
            {'name': 'network-changed',
             'server_uuid': '00000000-0000-0000-0000-000000000000'}]))
        self.assertEqual([(server.id, 200), (None, 404)],
                         [(e.server_uuid if e.code == 200 else None, e.code)
                          for e in events])


class SDKDeferredDeleteTest(real_clients.NovaAPIServer, testtools.TestCase):
    """restore and force delete, on a nova-api that defers deletes."""

    extra_config = real_clients.DeferredDeleteCLITest.extra_config

    @staticmethod
    def _force_delete_quietly(compute, server):
        # The SDK's ignore_missing is not honoured with force.
        try:
            compute.delete_server(server, force=True)
        except openstack.exceptions.NotFoundException:
            pass

    def test_delete_restore_and_force_delete(self):
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': real_clients.TOKEN},
            compute_endpoint_override=self.endpoint)
        self.addCleanup(conn.close)
        compute = conn.compute
        server = compute.create_server(name=_unique('sdk'), image_id=CIRROS,
                                       flavor_id='1', networks='none')
        self.addCleanup(self._force_delete_quietly, compute, server)
        wait = functools.partial(compute.wait_for_server, interval=0.1,
                                 wait=WAIT_SECONDS)
        # Fetched anew each time: the SDK returns at once for a server
        # object that has the status already.
        wait(compute.get_server(server), status='ACTIVE')
        compute.delete_server(server)
        wait(compute.get_server(server), status='SOFT_DELETED')
        compute.restore_server(server)
        wait(compute.get_server(server), status='ACTIVE')
        compute.delete_server(server)
        wait(compute.get_server(server), status='SOFT_DELETED')
        compute.delete_server(server, force=True)
        compute.wait_for_delete(server, interval=0.1, wait=WAIT_SECONDS)
