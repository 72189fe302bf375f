"""The migrations build, on an empty database, what the models describe."""

import datetime
import threading

from alembic import command as alembic_command
from oslo_db.sqlalchemy import test_migrations
import sqlalchemy as sa

from nova_api.db import migration
from nova_api.db import models
from nova_api.tests.unit.db import base

DEFAULT_FLAVORS = [
    # flavorid, name, memory_mb, vcpus, root_gb
    ('1', 'm1.tiny', 512, 1, 1),
    ('2', 'm1.small', 2048, 1, 20),
    ('3', 'm1.medium', 4096, 2, 40),
    ('4', 'm1.large', 8192, 4, 80),
    ('5', 'm1.xlarge', 16384, 8, 160),
]


class ModelsMigrationsSyncTest(test_migrations.ModelsMigrationsSync,
                               base.DatabaseTestCase):
    migrated = False

    def db_sync(self, engine):
        migration.db_sync(engine)

    def get_engine(self):
        return self.engine

    def get_metadata(self):
        return models.Base.metadata


class ModelsMigrationsSyncTestPostgreSQL(base.PostgreSQL,
                                         ModelsMigrationsSyncTest):
    pass


class ModelsMigrationsSyncTestMySQL(base.MySQL, ModelsMigrationsSyncTest):
    pass


# Seeded by migration 0003.
_CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'


class MigrationTest(base.DatabaseTestCase):
    migrated = False

    def _tables(self):
        return set(sa.inspect(self.engine).get_table_names())

    def _flavor_rows(self):
        with self.engine.connect() as connection:
            return connection.execute(sa.text(
                'SELECT flavorid, name, memory_mb, vcpus, root_gb, '
                'ephemeral_gb, swap, rxtx_factor, disabled, is_public, '
                'vcpu_weight, description, created_at, updated_at '
                'FROM flavors ORDER BY flavorid')).all()

    def test_empty_database_needs_sync(self):
        self.assertIsNone(migration.db_version())
        self.assertTrue(migration.needs_sync())
        self.assertEqual(set(), self._tables())

    def test_db_sync_creates_schema_and_default_flavors(self):
        migration.db_sync()

        self.assertEqual(migration.head_revision(), migration.db_version())
        self.assertFalse(migration.needs_sync())
        # Every table a model declares, and nothing else.
        self.assertEqual(
            set(models.Base.metadata.tables) | {'alembic_version'},
            self._tables())
        rows = self._flavor_rows()
        self.assertEqual(DEFAULT_FLAVORS, [tuple(row[:5]) for row in rows])
        for row in rows:
            (ephemeral_gb, swap, rxtx_factor, disabled, is_public,
             vcpu_weight, description, created_at, updated_at) = row[5:]
            self.assertEqual((0, 0, 1.0), (ephemeral_gb, swap, rxtx_factor))
            self.assertFalse(disabled)
            self.assertTrue(is_public)
            self.assertIsNone(vcpu_weight)
            self.assertIsNone(description)
            self.assertIsNotNone(created_at)
            self.assertIsNone(updated_at)

    def test_db_sync_twice_changes_nothing(self):
        migration.db_sync()
        migration.db_sync()

        self.assertEqual(migration.head_revision(), migration.db_version())
        self.assertEqual(5, len(self._flavor_rows()))

    def test_ensure_schema_on_empty_database(self):
        migration.ensure_schema()

        self.assertFalse(migration.needs_sync())
        self.assertEqual(5, len(self._flavor_rows()))

    def test_concurrent_db_sync_runs_migrations_once(self):
        errors = []

        def sync():
            try:
                migration.db_sync(self.engine)
            except Exception as error:  # reported by the assertion below
                errors.append(error)

        threads = [threading.Thread(target=sync) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        self.assertEqual([], errors)
        self.assertEqual(5, len(self._flavor_rows()))

    def test_downgrade_to_base_and_upgrade_again(self):
        migration.db_sync()
        with self.engine.begin() as connection:
            alembic_command.downgrade(
                migration.alembic_config(connection), 'base')
        self.assertIsNone(migration.db_version())
        self.assertEqual({'alembic_version'}, self._tables())

        migration.db_sync()
        self.assertEqual(5, len(self._flavor_rows()))

    def _insert_server(self, connection, server_id):
        connection.execute(sa.text(
            "INSERT INTO servers (id, uuid, project_id, user_id, name, "
            "hostname, image_ref, flavor_ref, vcpus, memory_mb, root_gb, "
            "ephemeral_gb, swap, vm_state, config_drive, disk_config, "
            "reservation_id, launch_index, security_groups, deleted, "
            "created_at) VALUES (:id, :uuid, 'p', 'u', 'vm', 'vm', 'i', "
            "'1', 1, 512, 1, 0, 0, 'active', '', 'MANUAL', 'r-1', 0, "
            "'[]', 0, '2026-01-01 00:00:00')"),
            {'id': server_id, 'uuid': 'uuid-%d' % server_id})

    def test_0007_puts_each_servers_addresses_on_its_row(self):
        migration.db_sync(revision='0006')
        # Allocated in this order (ids), not the order of the values.
        allocated = [(1, 'private', '192.168.0.9', 4),
                     (1, 'private', 'fd00:10::9', 6),
                     (2, 'other', '10.0.0.3', 4),
                     (1, 'private', '192.168.0.2', 4)]
        with self.engine.begin() as connection:
            for server_id in (1, 2, 3):
                self._insert_server(connection, server_id)
            for server_id, network, address, version in allocated:
                connection.execute(sa.text(
                    "INSERT INTO server_addresses (server_id, network, "
                    "address, version, mac_address, created_at) VALUES "
                    "(:server_id, :network, :address, :version, "
                    "'fa:16:3e:00:00:01', '2026-01-01 00:00:00')"),
                    {'server_id': server_id, 'network': network,
                     'address': address, 'version': version})

        migration.db_sync()

        servers = sa.table('servers', sa.column('id'),
                           sa.column('network_info', sa.JSON))
        with self.engine.connect() as connection:
            network_info = dict(connection.execute(
                sa.select(servers.c.id, servers.c.network_info)).all())
        mac = 'fa:16:3e:00:00:01'
        self.assertEqual({
            1: [['private', '192.168.0.9', 4, mac],
                ['private', 'fd00:10::9', 6, mac],
                ['private', '192.168.0.2', 4, mac]],
            2: [['other', '10.0.0.3', 4, mac]],
            3: None}, network_info)

    def test_0017_gives_soft_deleted_servers_novas_vm_state(self):
        migration.db_sync(revision='0016')
        with self.engine.begin() as connection:
            self._insert_server(connection, 1)
            self._insert_server(connection, 2)
            connection.execute(sa.text(
                "UPDATE servers SET vm_state = 'soft-deleted' WHERE id = 1"))

        migration.db_sync()

        with self.engine.connect() as connection:
            states = dict(connection.execute(sa.text(
                'SELECT id, vm_state FROM servers')).all())
        self.assertEqual({1: 'soft-delete', 2: 'active'}, states)

    def test_0010_keeps_what_each_server_was_created_from(self):
        migration.db_sync(revision='0009')
        with self.engine.begin() as connection:
            self._insert_server(connection, 1)
            connection.execute(sa.text(
                "UPDATE servers SET flavor_ref = 'gone' WHERE id = 1"))
            self._insert_server(connection, 2)
            connection.execute(sa.text(
                "UPDATE servers SET image_ref = :cirros WHERE id = 2"),
                {'cirros': _CIRROS})
            flavors = sa.table('flavors', sa.column('id'),
                               sa.column('flavorid'))
            specs = sa.table('flavor_extra_specs', sa.column('flavor_id'),
                             sa.column('key'), sa.column('value'),
                             sa.column('created_at'))
            tiny = connection.execute(sa.select(flavors.c.id).where(
                flavors.c.flavorid == '1')).scalar_one()
            connection.execute(specs.insert().values(
                flavor_id=tiny, key='hw:cpu_policy', value='dedicated',
                created_at=datetime.datetime(2026, 1, 1)))

        migration.db_sync()

        server_flavors = sa.table(
            'server_flavors', sa.column('server_id'), sa.column('name'),
            sa.column('extra_specs', sa.JSON))
        with self.engine.connect() as connection:
            kept = {row.server_id: (row.name, row.extra_specs)
                    for row in connection.execute(sa.select(server_flavors))}
        # A server whose flavor is gone keeps the flavor's id as its name.
        self.assertEqual({1: ('gone', {}),
                          2: ('m1.tiny', {'hw:cpu_policy': 'dedicated'})},
                         kept)
        image_properties = sa.table(
            'server_image_properties', sa.column('server_id'),
            sa.column('properties', sa.JSON))
        with self.engine.connect() as connection:
            kept = dict(connection.execute(sa.select(
                image_properties.c.server_id,
                image_properties.c.properties)).all())
        self.assertEqual({}, kept[1])
        self.assertEqual('cirros', kept[2]['os_distro'])


class MigrationTestPostgreSQL(base.PostgreSQL, MigrationTest):
    pass


class MigrationTestMySQL(base.MySQL, MigrationTest):
    pass
