"""Stored migration records, on every backend."""

import datetime

from nova_api.db import migration_records
from nova_api.db import servers
from nova_api.tests.unit.db import base

T0 = datetime.datetime(2026, 12, 4, 4, 0, 0)
FLAVOR = {'flavor_ref': '1', 'name': 'm1.tiny', 'vcpus': 1,
          'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
          'extra_specs': {'hw:cpu_policy': 'shared'}, 'id': 1}


class MigrationRecordsTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.server = self.create_server('uuid-1')

    def create_server(self, uuid):
        return servers.create(self.context, {
            'uuid': uuid, 'project_id': 'project-a',
            'user_id': 'user-a', 'name': 's1', 'hostname': 's1',
            'image_ref': 'image', 'flavor_ref': '1', 'vcpus': 1,
            'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
            'vm_state': 'active', 'reservation_id': 'r-' + uuid,
            'security_groups': ['default']}, {}, [])

    def add(self, server, number, **values):
        record = {
            'uuid': 'migration-%d' % number, 'server_id': server.id,
            'instance_uuid': server.uuid, 'source_compute': 'compute1',
            'dest_compute': 'compute2', 'migration_type': 'resize',
            'status': 'pre-migrating', 'user_id': 'user-a',
            'project_id': 'project-a', 'old_flavor': FLAVOR,
            'new_flavor': FLAVOR, 'created_at': T0}
        record.update(values)
        return migration_records.add(self.context, record)

    def test_add_and_read_back(self):
        migration_id = self.add(self.server, 1)
        row = migration_records.get_latest_of_server(self.context,
                                                     self.server.id)
        self.assertEqual((migration_id, 'migration-1', FLAVOR, None),
                         (row.id, row.uuid, row.old_flavor, row.updated_at))
        self.assertEqual(row, migration_records.get_of_server(
            self.context, self.server.id, migration_id))
        self.assertIsNone(migration_records.get_of_server(
            self.context, self.server.id, migration_id + 1))

    def test_update(self):
        migration_id = self.add(self.server, 1)
        migration_records.update(self.context, migration_id, {
            'status': 'confirmed', 'updated_at': T0})
        row = migration_records.get_latest_of_server(self.context,
                                                     self.server.id)
        self.assertEqual(('confirmed', T0), (row.status, row.updated_at))

    def test_newest_first_and_filters(self):
        other = self.create_server('uuid-2')
        self.add(self.server, 1)
        self.add(other, 2, created_at=T0 + datetime.timedelta(seconds=1),
                 migration_type='migration', source_compute='compute2',
                 dest_compute='compute1', user_id='user-b')
        self.assertEqual(['migration-2', 'migration-1'], [
            row.uuid for row in migration_records.get_all(self.context, {})])
        for filters, found in (
                ({'instance_uuid': 'uuid-1'}, ['migration-1']),
                ({'migration_type': 'migration'}, ['migration-2']),
                ({'source_compute': 'compute1'}, ['migration-1']),
                ({'host': 'compute1'}, ['migration-2', 'migration-1']),
                ({'host': 'compute3'}, []),
                ({'user_id': 'user-b'}, ['migration-2']),
                ({'project_id': 'project-b'}, [])):
            self.assertEqual(found, [
                row.uuid for row in migration_records.get_all(
                    self.context, filters)], filters)

    def test_the_moving_ones_of_existing_servers(self):
        gone = self.create_server('uuid-2')
        self.add(self.server, 1)
        self.add(self.server, 2, status='confirmed')
        self.add(gone, 3)
        servers.soft_delete(self.context, gone, T0, 'deleted')
        self.assertEqual(['migration-1'], [
            row.uuid for row in migration_records.get_with_status_in(
                self.context, ('pre-migrating', 'reverting'))])


class MigrationRecordsTestPostgreSQL(base.PostgreSQL, MigrationRecordsTest):
    pass


class MigrationRecordsTestMySQL(base.MySQL, MigrationRecordsTest):
    pass
