"""The createBackup server action (api-ref "Create Server Back Up
(createBackup Action)"): the answer at each version (a Location on this
API unless rotation is 0 before 2.45, the image's id from it), the
backup image with its backup_type, its life, the rotation Nova's compute
manager does once the backup is active, the metadata quota before 2.39
and every refusal with Nova's fault.
"""

from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_create_image
from nova_api.tests.functional import test_servers

NEVER = test_servers.NEVER
MISSING = test_servers.MISSING
CIRROS = test_servers.CIRROS
invalid_state = test_create_image.invalid_state
policy_refusal = test_servers.policy_refusal


class CreateBackupTestV2(test_create_image.SnapshotHelpers,
                         base.APITestCase):

    ACTION = 'createBackup'

    def body(self, name='backup', backup_type='daily', rotation=2,
             **fields):
        return {self.ACTION: dict(fields, name=name,
                                  backup_type=backup_type,
                                  rotation=rotation)}

    def backups(self, server_id, backup_type='daily'):
        """Ids of the server's backups of `backup_type`, newest first."""
        resp = self.api('GET', '/images?server=%s&property-backup_type=%s'
                        % (server_id, backup_type), persona='member')
        self.assertEqual(200, resp.status, resp)
        return [image['id'] for image in resp.json()['images']]

    def test_answers_202_with_a_location_on_this_api(self):
        server_id = self.create()
        resp = self.api('POST', '/servers/%s/action' % server_id,
                        self.body(), persona='member')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        location = resp.header('Location')
        image_id = location.rsplit('/', 1)[1]
        self.assertEqual(self.link('/images/' + image_id, 'member')
                         .replace('/%s/' % self.project_id('member'), '/'),
                         location)

    def test_no_location_with_rotation_0(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(rotation=0), 'member')
        self.assertEqual(202, resp.status, resp)
        self.assertIsNone(resp.header('Location'))

    def test_the_backup_image_and_its_properties(self):
        server_id = self.create()
        image_id = self.snapshot(server_id, metadata={'k': 'v'})
        image = self.image(image_id)
        self.assertEqual('ACTIVE', image['status'])
        self.assertEqual({
            'architecture': 'x86_64', 'os_distro': 'cirros',
            'os_version': '0.6.2', 'hw_disk_bus': 'virtio',
            'base_image_ref': CIRROS, 'image_type': 'backup',
            'backup_type': 'daily', 'instance_uuid': server_id,
            'user_id': 'alice', 'k': 'v',
        }, image['metadata'])
        glance = self.glance_image(image_id)
        self.assertEqual('qcow2', glance['disk_format'])
        self.assertEqual('bare', glance['container_format'])
        self.assertEqual(self.project_id('member'), glance['owner'])

    def test_rotation_as_string(self):
        server_id = self.create()
        self.snapshot(server_id, rotation='1')
        self.snapshot(server_id, rotation='1')
        self.assertEqual(1, len(self.backups(server_id)))

    def test_life_of_the_backup_and_the_server_task(self):
        self.durations(snapshot=6)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        image_id = self.snapshot(server_id)
        steps = (
            (0, 'image_backup', 'queued'),
            (2, 'image_pending_upload', 'queued'),
            (2, 'image_uploading', 'saving'),
            (2, None, 'active'),
        )
        for seconds, task_state, glance_status in steps:
            timeutils.advance_time_seconds(seconds)
            self.assertEqual(('ACTIVE', 'active', task_state),
                             self.task(server_id))
            self.assertEqual(glance_status,
                             self.glance_image(image_id)['status'])

    def test_rotation_keeps_the_newest(self):
        server_id = self.create()
        first = self.snapshot(server_id, rotation=2)
        second = self.snapshot(server_id, rotation=2)
        self.assertEqual([second, first], self.backups(server_id))
        third = self.snapshot(server_id, rotation=2)
        self.assertEqual([third, second], self.backups(server_id))
        resp = self.api('GET', '/images/' + first, persona='member')
        self.assertFault(resp, 404, 'Image not found.')
        fourth = self.snapshot(server_id, rotation=1)
        self.assertEqual([fourth], self.backups(server_id))

    def test_rotation_is_per_backup_type_and_server(self):
        server_id = self.create()
        other_id = self.create()
        daily = self.snapshot(server_id, rotation=1)
        weekly = self.snapshot(server_id, backup_type='weekly', rotation=1)
        other = self.snapshot(other_id, rotation=1)
        snapshot = self.action(server_id, {'createImage': {'name': 's'}})
        self.assertEqual(202, snapshot.status, snapshot)
        newest = self.snapshot(server_id, rotation=1)
        self.assertEqual([newest], self.backups(server_id))
        self.assertEqual([weekly], self.backups(server_id, 'weekly'))
        self.assertEqual([other], self.backups(other_id))
        self.assertNotEqual(daily, newest)

    def test_rotation_0_deletes_every_backup_once_active(self):
        self.durations(snapshot=4)
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        server_id = self.create()
        old = self.snapshot(server_id)
        timeutils.advance_time_seconds(5)
        # No Location names it before 2.45.
        resp = self.action(server_id, self.body(rotation=0), 'member')
        self.assertEqual(202, resp.status, resp)
        # Until the new one is active, both are there.
        self.assertEqual(old, self.backups(server_id)[1])
        self.assertEqual(2, len(self.backups(server_id)))
        timeutils.advance_time_seconds(4)
        self.assertEqual([], self.backups(server_id))

    def test_a_locked_server_is_backed_up(self):
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
        self.assertEqual('createBackup', actions[0]['action'])
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s' % (
            server_id, actions[0]['request_id']), persona='admin')
        self.assertEqual(['compute_backup_instance'],
                         [event['event'] for event in
                          resp.json()['instanceAction']['events']])

    def test_metadata_over_quota(self):
        self.set_quota(metadata_items=1)
        server_id = self.create()
        resp = self.action(server_id, self.body(
            metadata={'a': '1', 'b': '2'}), 'member')
        self.assertFault(resp, 403, 'Image metadata limit exceeded')

    def test_refused_while_a_task_runs(self):
        self.durations(snapshot=NEVER)
        server_id = self.create()
        self.snapshot(server_id)
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 409, invalid_state(
            self.ACTION, server_id, 'task_state', 'image_backup'))

    def test_refused_while_building(self):
        self.durations(build=NEVER)
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 409, invalid_state(
            self.ACTION, server_id, 'vm_state', 'building'))

    def test_unknown_server(self):
        resp = self.action(MISSING, self.body(), 'member')
        self.assertFault(resp, 404, test_servers.not_found(MISSING))

    def test_policy(self):
        self.use_policy_file({'os_compute_api:os-create-backup': '!'})
        server_id = self.create()
        resp = self.action(server_id, self.body(), 'member')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:os-create-backup'))

    def test_bad_bodies(self):
        server_id = self.create()
        for body in ({self.ACTION: {'name': 'b', 'backup_type': 'daily'}},
                     {self.ACTION: {'name': 'b', 'rotation': 1}},
                     {self.ACTION: {'backup_type': 'daily', 'rotation': 1}},
                     self.body(rotation=-1), self.body(rotation='x'),
                     self.body(rotation=''), self.body(backup_type=1),
                     self.body(name=''), self.body(metadata={'k': 1}),
                     {self.ACTION: None}):
            resp = self.action(server_id, body, 'member')
            self.assertEqual(400, resp.status, (body, resp))
            self.assertIn('badRequest', resp.json(), body)

    def test_name_with_spaces(self):
        server_id = self.create()
        resp = self.action(server_id, self.body(' backup '), 'member')
        if self.is_v21:
            self.assertEqual(400, resp.status, resp)
            return
        # /v2 takes it, stripped.
        self.assertEqual(202, resp.status, resp)
        image_id = resp.header('Location').rsplit('/', 1)[1]
        self.assertEqual('backup', self.image(image_id)['name'])


class CreateBackupTestV21(base.V21, CreateBackupTestV2):

    def test_answers_the_image_id_from_2_45(self):
        server_id = self.create()
        for rotation in (0, 1):
            resp = self.action(server_id, self.body(rotation=rotation),
                               'member', '2.45')
            self.assertEqual(202, resp.status, resp)
            self.assertIsNone(resp.header('Location'))
            self.assertTrue(uuidutils.is_uuid_like(resp.json()['image_id']))

    def test_metadata_quota_not_checked_from_2_39(self):
        self.set_quota(metadata_items=1)
        server_id = self.create()
        resp = self.action(server_id, self.body(
            metadata={'a': '1', 'b': '2'}), 'member', '2.38')
        self.assertFault(resp, 403, 'Image metadata limit exceeded')
        self.snapshot(server_id, version='2.39',
                      metadata={'a': '1', 'b': '2'})
