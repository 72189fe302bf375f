"""The createImage server action (api-ref "Create Image (createImage
Action)"): the answer at each version (a Location before 2.45, the
image's id from it), the image in the catalog (/v2.1/images and the
image service's /image) with Nova's properties, its life queued ->
saving -> active beside the server's task states, the metadata quota
before 2.39 and every refusal with Nova's fault.

The snapshot runs for [simulated] snapshot_seconds (0: at once, NEVER:
through the test); its stages are watched with oslo.utils' time
override, never waited for.
"""

from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_actions
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
CIRROS = test_servers.CIRROS
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
invalid_state = test_server_actions.invalid_state
policy_refusal = test_servers.policy_refusal


class SnapshotHelpers(test_servers.ServerHelpers):

    ACTION = 'createImage'

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, pause=0, suspend=0, snapshot=0)

    def version(self, version):
        return version if self.is_v21 else None

    def body(self, name='snap', **fields):
        return {self.ACTION: dict(fields, name=name)}

    def snapshot(self, server_id, persona='member', version=None, **fields):
        """The new image's id (202 checked), from its Location or its
        body as the version answers."""
        resp = self.action(server_id, self.body(**fields), persona, version)
        self.assertEqual(202, resp.status, resp)
        if version is not None and version != '2.44' and (
                version == 'latest' or version >= '2.45'):
            self.assertIsNone(resp.header('Location'))
            return resp.json()['image_id']
        self.assertEqual(b'', resp.body)
        return resp.header('Location').rsplit('/', 1)[1]

    def image(self, image_id, persona='member'):
        resp = self.api('GET', '/images/' + image_id, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['image']

    def glance_image(self, image_id, persona='member'):
        resp = self.api('GET', '/image/v2/images/' + image_id,
                        persona=persona, raw_url=True)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def task(self, server_id):
        server = self.show(server_id, 'admin')
        return (server['status'], server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state'])


class CreateImageTestV2(SnapshotHelpers, base.APITestCase):

    def test_answers_202_with_the_image_service_location(self):
        server_id = self.create()
        resp = self.api('POST', '/servers/%s/action' % server_id,
                        self.body(), persona='member')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        location = resp.header('Location')
        prefix = 'http://127.0.0.1:9292/images/'
        self.assertTrue(location.startswith(prefix), location)
        image_id = location[len(prefix):]
        self.assertTrue(uuidutils.is_uuid_like(image_id))
        self.assertEqual('snap', self.image(image_id)['name'])

    def test_location_follows_glance_api_servers(self):
        self.conf.config(group='glance',
                         api_servers=['https://glance.example.com:9292/'])
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member')
        self.assertEqual(202, resp.status, resp)
        self.assertRegex(resp.header('Location'),
                         '^https://glance.example.com:9292/images/[-0-9a-f]+$')

    def test_the_image_and_its_properties(self):
        server_id = self.create()
        image_id = self.snapshot(server_id, metadata={'meta_var': 'meta_val'})
        image = self.image(image_id)
        self.assertEqual('ACTIVE', image['status'])
        self.assertEqual(100, image['progress'])
        self.assertEqual({
            'architecture': 'x86_64', 'os_distro': 'cirros',
            'os_version': '0.6.2', 'hw_disk_bus': 'virtio',
            'base_image_ref': CIRROS, 'image_type': 'snapshot',
            'instance_uuid': server_id, 'user_id': 'alice',
            'meta_var': 'meta_val',
        }, image['metadata'])
        # Flavor 1 has a 1 GB root disk, more than cirros asks.
        self.assertEqual(1, image['minDisk'])
        self.assertEqual(0, image['minRam'])
        self.assertEqual(server_id, image['server']['id'])
        glance = self.glance_image(image_id)
        self.assertEqual('active', glance['status'])
        self.assertEqual('private', glance['visibility'])
        self.assertEqual(self.project_id('member'), glance['owner'])
        self.assertEqual('snapshot', glance['image_type'])

    def test_the_image_takes_the_larger_min_disk_and_the_min_ram(self):
        server_id = self.create(imageRef=DEBIAN, flavorRef='2')
        image = self.image(self.snapshot(server_id))
        self.assertEqual(20, image['minDisk'])
        self.assertEqual(512, image['minRam'])
        self.assertEqual('True', image['metadata']['auto_disk_config'])

    def test_metadata_wins_over_inherited_properties(self):
        server_id = self.create()
        image = self.image(self.snapshot(
            server_id, metadata={'os_distro': 'mine', 'image_type': 'x'}))
        self.assertEqual('mine', image['metadata']['os_distro'])
        self.assertEqual('x', image['metadata']['image_type'])

    def test_non_inheritable_properties_are_dropped(self):
        self.conf.config(non_inheritable_image_properties=['os_distro'])
        server_id = self.create()
        image = self.image(self.snapshot(server_id))
        self.assertNotIn('os_distro', image['metadata'])
        self.assertEqual('x86_64', image['metadata']['architecture'])

    def test_only_the_owner_project_sees_the_image(self):
        server_id = self.create()
        image_id = self.snapshot(server_id)
        resp = self.api('GET', '/images/' + image_id, persona='other')
        self.assertFault(resp, 404, 'Image not found.')
        self.image(image_id, 'admin')

    def test_an_administrators_image_of_another_projects_server(self):
        server_id = self.create()
        image = self.image(self.snapshot(server_id, 'admin'), 'admin')
        self.assertEqual(self.project_id('member'),
                         image['metadata']['instance_owner'])
        self.assertEqual('admin', image['metadata']['user_id'])

    def test_name_with_leading_or_trailing_spaces(self):
        # Refused on /v2 too: Nova's createImage takes its 2.1 schema there.
        server_id = self.create()
        resp = self.action(server_id, self.body(' snap '), 'member')
        self.assertFault(resp, 400, (
            "An invalid 'name' value was provided. The name must be: "
            "printable characters. Can not start or end with whitespace."))

    def test_life_of_the_image_and_the_server_task(self):
        self.durations(snapshot=8)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        image_id = self.snapshot(server_id)
        steps = (
            (0, 'image_snapshot_pending', 'SAVING', 'queued'),
            (2, 'image_snapshot', 'SAVING', 'queued'),
            (2, 'image_pending_upload', 'SAVING', 'queued'),
            (2, 'image_uploading', 'SAVING', 'saving'),
            (2, None, 'ACTIVE', 'active'),
        )
        for seconds, task_state, status, glance_status in steps:
            timeutils.advance_time_seconds(seconds)
            self.assertEqual(('ACTIVE', 'active', task_state),
                             self.task(server_id))
            self.assertEqual(status, self.image(image_id)['status'])
            self.assertEqual(glance_status,
                             self.glance_image(image_id)['status'])

    def test_images_filtered_by_status_as_they_are_now(self):
        self.durations(snapshot=NEVER)
        server_id = self.create()
        image_id = self.snapshot(server_id)
        resp = self.api('GET', '/image/v2/images?status=queued',
                        persona='member', raw_url=True)
        self.assertEqual([image_id],
                         [image['id'] for image in resp.json()['images']])
        resp = self.api('GET', '/images?status=ACTIVE', persona='member')
        self.assertNotIn(image_id,
                         [image['id'] for image in resp.json()['images']])

    def test_a_server_taking_a_snapshot_shows_active(self):
        self.durations(snapshot=NEVER)
        server_id = self.create()
        self.snapshot(server_id)
        resp = self.api('GET', '/servers?status=ACTIVE', persona='member')
        self.assertEqual([server_id],
                         [server['id'] for server in resp.json()['servers']])

    def test_stopped_paused_and_suspended_servers(self):
        for action, vm_state, status in (
                ({'os-stop': None}, 'stopped', 'SHUTOFF'),
                ({'pause': None}, 'paused', 'PAUSED'),
                ({'suspend': None}, 'suspended', 'SUSPENDED')):
            server_id = self.create()
            resp = self.action(server_id, action)
            self.assertEqual(202, resp.status, resp)
            self.durations(snapshot=NEVER)
            self.snapshot(server_id)
            self.assertEqual((status, vm_state, 'image_snapshot_pending'),
                             self.task(server_id))
            self.durations(snapshot=0)
            self.assertEqual((status, vm_state, None), self.task(server_id))

    def test_a_locked_server_is_snapshotted(self):
        # Nova checks no lock for a snapshot.
        server_id = self.create()
        resp = self.action(server_id, {'lock': None}, 'admin')
        self.assertEqual(202, resp.status, resp)
        self.snapshot(server_id)

    def test_recorded_as_an_instance_action(self):
        server_id = self.create()
        self.snapshot(server_id)
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        persona='member')
        actions = resp.json()['instanceActions']
        self.assertEqual('createImage', actions[0]['action'])
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s' % (
            server_id, actions[0]['request_id']), persona='admin')
        self.assertEqual(['compute_snapshot_instance'],
                         [event['event'] for event in
                          resp.json()['instanceAction']['events']])

    def test_metadata_over_quota(self):
        self.set_quota(metadata_items=1)
        server_id = self.create()
        resp = self.action(server_id, self.body(
            metadata={'a': '1', 'b': '2'}), 'member')
        self.assertFault(resp, 403, 'Image metadata limit exceeded')
        # The inherited and Nova's properties do not count.
        self.snapshot(server_id, metadata={'a': '1'})

    # Refusals

    def test_refused_while_a_task_runs(self):
        self.durations(snapshot=NEVER)
        server_id = self.create()
        self.snapshot(server_id)
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 409, invalid_state(
            self.ACTION, server_id, 'task_state', 'image_snapshot_pending'))

    def test_refused_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 409, invalid_state(
            self.ACTION, server_id, 'vm_state', 'building'))

    def test_refused_when_shelved(self):
        self.durations(shelve=0, shelve_offload=0)
        server_id = self.create()
        self.action(server_id, {'shelve': None})
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 409, invalid_state(
            self.ACTION, server_id, 'vm_state', 'shelved_offloaded'))

    def test_unknown_server(self):
        resp = self.action(MISSING, self.body(), 'member')
        self.assertFault(resp, 404, test_servers.not_found(MISSING))

    def test_another_projects_server(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'other')
        self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_policy(self):
        self.use_policy_file({'os_compute_api:servers:create_image': '!'})
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:servers:create_image'))

    def test_bad_bodies(self):
        server_id = self.create()
        for body in ({self.ACTION: {}}, {self.ACTION: {'name': ''}},
                     {self.ACTION: {'name': 'x' * 256}},
                     {self.ACTION: {'name': 's', 'metadata': {'k': 1}}},
                     {self.ACTION: {'name': 's', 'metadata': 'k'}},
                     {self.ACTION: None}):
            resp = self.action(server_id, body, 'member')
            self.assertEqual(400, resp.status, (body, resp))
            self.assertIn('badRequest', resp.json(), body)


class CreateImageTestV21(base.V21, CreateImageTestV2):

    def test_answers_the_image_id_from_2_45(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member', '2.45')
        self.assertEqual(202, resp.status, resp)
        self.assertIsNone(resp.header('Location'))
        image_id = resp.json()['image_id']
        self.assertEqual('snap', self.image(image_id)['name'])

    def test_answers_a_location_at_2_44(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member', '2.44')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertIn('/images/', resp.header('Location'))

    def test_metadata_quota_not_checked_from_2_39(self):
        self.set_quota(metadata_items=1)
        server_id = self.create()
        resp = self.action(server_id, self.body(
            metadata={'a': '1', 'b': '2'}), 'member', '2.38')
        self.assertFault(resp, 403, 'Image metadata limit exceeded')
        self.snapshot(server_id, version='2.39',
                      metadata={'a': '1', 'b': '2'})

    def test_undefined_property_is_refused(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(extra=1), 'member')
        self.assertEqual(400, resp.status, resp)
