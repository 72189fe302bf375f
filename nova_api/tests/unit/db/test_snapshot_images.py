"""Snapshot task stages and image uploads in SQL: the states a status
filter finds agree with server_states on every backend, and an image's
status, updated_at and deletion follow from its stored times."""

import datetime

from nova_api.compute import server_states as ss
from nova_api.db import images
from nova_api.db import servers
from nova_api import exception
from nova_api.tests.unit.db import base

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
DURATIONS = {'snapshot': 8.0}
RULES = ss.task_rules(DURATIONS)
NOW = T0 + datetime.timedelta(hours=1)


def _values(uuid, vm_state, task_state, started_at):
    return {'uuid': uuid, 'project_id': 'project-a', 'user_id': 'user-a',
            'name': uuid, 'hostname': uuid, 'image_ref': 'image',
            'flavor_ref': '1', 'vcpus': 1, 'memory_mb': 512, 'root_gb': 1,
            'ephemeral_gb': 0, 'swap': 0, 'vm_state': vm_state,
            'task_state': task_state, 'task_started_at': started_at,
            'created_at': started_at,
            'launched_at': T0 - datetime.timedelta(hours=1),
            'host': 'compute1', 'reservation_id': 'r-1',
            'security_groups': ['default']}


class SnapshotServersTest(base.DatabaseTestCase):

    # (vm_state, task, seconds before NOW it started)
    SERVERS = {'pending': (ss.ACTIVE, ss.IMAGE_SNAPSHOT_PENDING, 1),
               'uploading': (ss.STOPPED, ss.IMAGE_SNAPSHOT_PENDING, 7),
               'backed-up': (ss.PAUSED, ss.IMAGE_BACKUP, 30),
               'backing-up': (ss.ACTIVE, ss.IMAGE_BACKUP, 3)}

    def setUp(self):
        super().setUp()
        for name, (vm_state, task, age) in self.SERVERS.items():
            servers.create(self.context, _values(
                name, vm_state, task,
                NOW - datetime.timedelta(seconds=age)), {}, [])

    def test_states_in_sql_are_those_in_python(self):
        rows = servers.get_page(self.context, {}, RULES, NOW, ['id'],
                                ['asc'])
        states = {row.uuid: ss.current_state(row, DURATIONS, NOW)
                  for row in rows}
        self.assertEqual(
            {'pending': (ss.ACTIVE, ss.IMAGE_SNAPSHOT_PENDING),
             'uploading': (ss.STOPPED, ss.IMAGE_UPLOADING),
             'backed-up': (ss.PAUSED, None),
             'backing-up': (ss.ACTIVE, ss.IMAGE_PENDING_UPLOAD)},
            {uuid: (state.vm_state, state.task_state)
             for uuid, state in states.items()})
        for uuid, state in states.items():
            rows = servers.get_page(
                self.context,
                {'states': [(state.vm_state, state.task_state)]},
                RULES, NOW, ['id'], ['asc'])
            self.assertEqual([uuid], [row.uuid for row in rows])


class ImageUploadTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        for uuid, saving, active, deleted in (
                ('queued', 10, 20, None), ('saving', -10, 20, None),
                ('active', -20, -10, None), ('deleted', -20, -10, -5),
                ('to-delete', -20, -10, 5)):
            images.create(self.context, {
                'uuid': uuid, 'name': uuid, 'status': 'active',
                'min_disk': 0, 'min_ram': 0, 'owner': 'project-a',
                'created_at': NOW - datetime.timedelta(seconds=60),
                'updated_at': NOW - datetime.timedelta(seconds=60),
                'saving_at': NOW + datetime.timedelta(seconds=saving),
                'active_at': NOW + datetime.timedelta(seconds=active),
                'deleted_at': None if deleted is None else
                NOW + datetime.timedelta(seconds=deleted)}, {'k': 'v'})

    def test_status_now(self):
        self.assertEqual(
            {'queued': 'queued', 'saving': 'saving', 'active': 'active',
             'to-delete': 'active'},
            # Beside the seeded catalog's images (no owner).
            {image.uuid: image.status for image in images.get_all(
                self.context, now=NOW) if image.owner})
        for status in ('queued', 'saving'):
            self.assertEqual([status], [image.uuid for image in images.get_all(
                self.context, filters={'status': status}, now=NOW)])

    def test_updated_at_is_the_last_upload_change(self):
        self.assertEqual(NOW - datetime.timedelta(seconds=10),
                         images.get(self.context, 'saving', now=NOW)
                         .updated_at)
        self.assertEqual(NOW - datetime.timedelta(seconds=60),
                         images.get(self.context, 'queued', now=NOW)
                         .updated_at)

    def test_deleted_images_are_gone(self):
        self.assertRaises(exception.ImageNotFound, images.get, self.context,
                          'deleted', now=NOW)
        images.get(self.context, 'to-delete', now=NOW)
        images.delete_at(self.context, ['to-delete', 'active'], NOW)
        self.assertRaises(exception.ImageNotFound, images.get, self.context,
                          'active', now=NOW)


class SnapshotServersTestPostgreSQL(base.PostgreSQL, SnapshotServersTest):
    pass


class SnapshotServersTestMySQL(base.MySQL, SnapshotServersTest):
    pass


class ImageUploadTestPostgreSQL(base.PostgreSQL, ImageUploadTest):
    pass


class ImageUploadTestMySQL(base.MySQL, ImageUploadTest):
    pass
