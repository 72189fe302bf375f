"""Image queries, on every backend."""

import datetime

import sqlalchemy as sa

from nova_api.db import images
from nova_api import exception
from nova_api.tests.unit.db import base

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
UBUNTU = '6f1e2a4b-5c7d-4e8f-a0b1-c2d3e4f5a602'
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
# The seeded catalog, newest first.
CATALOG = [DEBIAN, UBUNTU, CIRROS]
NEW = '11111111-2222-4333-8444-555555555555'


def _uuids(rows):
    return [row.uuid for row in rows]


class ImageTestCase(base.DatabaseTestCase):

    def create(self, uuid=NEW, properties=None, **overrides):
        values = {'uuid': uuid, 'name': 'new', 'status': 'active',
                  'size': 1024, 'min_disk': 1, 'min_ram': 64,
                  'created_at': datetime.datetime(2025, 1, 2, 3, 4, 5)}
        values.update(overrides)
        return images.create(self.context, values, properties)

    def count_rows(self, table):
        with self.engine.connect() as connection:
            return connection.scalar(
                sa.text(f'SELECT COUNT(*) FROM {table}'))


class ImageReadTest(ImageTestCase):

    def test_seeded_catalog(self):
        cirros = images.get(self.context, CIRROS)

        self.assertEqual(
            ('cirros-0.6.2-x86_64-disk', 'active', 21430272, 0, 0, 'qcow2',
             'bare', datetime.datetime(2023, 5, 30, 10, 0, 0)),
            (cirros.name, cirros.status, cirros.size, cirros.min_disk,
             cirros.min_ram, cirros.disk_format, cirros.container_format,
             cirros.created_at))
        self.assertEqual(cirros.created_at, cirros.updated_at)
        self.assertEqual(
            {'architecture': 'x86_64', 'hw_disk_bus': 'virtio',
             'os_distro': 'cirros', 'os_version': '0.6.2'},
            images.get_properties(self.context, CIRROS))

    def test_get_unknown(self):
        self.assertRaises(exception.ImageNotFound, images.get,
                          self.context, NEW)
        self.assertRaises(exception.ImageNotFound, images.get_properties,
                          self.context, NEW)

    def test_all_newest_first(self):
        self.assertEqual(CATALOG, _uuids(images.get_all(self.context)))

    def test_a_member_sees_the_catalog(self):
        self.assertEqual(
            CATALOG, _uuids(images.get_all(self.user_context())))

    def test_filters(self):
        for filters, expected in (
                ({'name': 'debian-12-genericcloud-amd64'}, [DEBIAN]),
                ({'status': 'active'}, CATALOG),
                ({'status': 'queued'}, []),
                ({'changes_since': datetime.datetime(2024, 4, 25, 12)},
                 [DEBIAN, UBUNTU]),
                ({'min_ram': 512}, [DEBIAN, UBUNTU]),
                ({'min_disk': 4}, [UBUNTU]),
                ({'properties': {'os_distro': 'ubuntu'}}, [UBUNTU]),
                ({'properties': {'architecture': 'x86_64',
                                 'os_version': '12'}}, [DEBIAN]),
                ({'properties': {'architecture': 'x86_64'},
                  'min_disk': 1}, [DEBIAN, UBUNTU]),
                ({'properties': {'os_distro': 'nothing'}}, [])):
            self.assertEqual(
                expected, _uuids(images.get_all(self.context, filters)),
                filters)

    def test_pages(self):
        self.assertEqual([DEBIAN, UBUNTU],
                         _uuids(images.get_all(self.context, limit=2)))
        self.assertEqual(
            [CIRROS],
            _uuids(images.get_all(self.context, limit=2, marker=UBUNTU)))
        self.assertEqual(
            [], _uuids(images.get_all(self.context, marker=CIRROS)))

    def test_same_created_at_pages_by_id(self):
        created = datetime.datetime(2025, 1, 1)
        first = self.create(created_at=created)
        second = self.create(uuid='22222222-2222-4333-8444-555555555555',
                             created_at=created)
        page = images.get_all(self.context, limit=1)
        self.assertEqual([second.uuid], _uuids(page))
        page = images.get_all(self.context, limit=1, marker=second.uuid)
        self.assertEqual([first.uuid], _uuids(page))

    def test_unknown_marker(self):
        self.assertRaises(exception.MarkerNotFound, images.get_all,
                          self.context, marker=NEW)

    def test_properties_of_many(self):
        ids = [images.get(self.context, uuid).id for uuid in (CIRROS, UBUNTU)]
        properties = images.get_properties_for(self.context, ids + [999])
        self.assertEqual('cirros', properties[ids[0]]['os_distro'])
        self.assertEqual('ubuntu', properties[ids[1]]['os_distro'])
        self.assertEqual({}, properties[999])
        self.assertEqual({}, images.get_properties_for(self.context, []))


class ImageReadTestPostgreSQL(base.PostgreSQL, ImageReadTest):
    pass


class ImageReadTestMySQL(base.MySQL, ImageReadTest):
    pass


class ImageWriteTest(ImageTestCase):

    def test_create(self):
        image = self.create(properties={'os_distro': 'fedora'})
        self.assertEqual(NEW, images.get(self.context, NEW).uuid)
        self.assertIsInstance(image.id, int)
        self.assertEqual({'os_distro': 'fedora'},
                         images.get_properties(self.context, NEW))
        self.assertEqual(NEW, _uuids(images.get_all(self.context))[0])

    def test_create_duplicate(self):
        self.create()
        self.assertRaises(exception.ImageExists, self.create)

    def test_destroy(self):
        self.create(properties={'a': 'b'})
        images.destroy(self.context, NEW)
        self.assertRaises(exception.ImageNotFound, images.get,
                          self.context, NEW)
        self.assertEqual(0, self.count_rows('images WHERE id > 3'))
        self.assertEqual(13, self.count_rows('image_properties'))

    def test_destroy_unknown(self):
        self.assertRaises(exception.ImageNotFound, images.destroy,
                          self.context, NEW)

    def test_update_properties_merges(self):
        before = images.get(self.context, CIRROS).updated_at
        result = images.update_properties(
            self.context, CIRROS, {'os_version': '0.6.3', 'new': 'x'})
        expected = {'architecture': 'x86_64', 'hw_disk_bus': 'virtio',
                    'os_distro': 'cirros', 'os_version': '0.6.3',
                    'new': 'x'}
        self.assertEqual(expected, result)
        self.assertEqual(expected,
                         images.get_properties(self.context, CIRROS))
        self.assertGreater(images.get(self.context, CIRROS).updated_at,
                           before)

    def test_update_properties_purges(self):
        result = images.update_properties(
            self.context, CIRROS, {'only': 'this'}, purge=True)
        self.assertEqual({'only': 'this'}, result)
        self.assertEqual({'only': 'this'},
                         images.get_properties(self.context, CIRROS))

    def test_check_refuses_before_writing(self):
        def refuse(properties):
            self.assertEqual(5, len(properties))
            raise exception.ImageMetadataLimitExceeded()

        self.assertRaises(exception.ImageMetadataLimitExceeded,
                          images.update_properties, self.context, CIRROS,
                          {'new': 'x'}, check=refuse)
        self.assertNotIn('new', images.get_properties(self.context, CIRROS))

    def test_update_properties_unknown_image(self):
        self.assertRaises(exception.ImageNotFound, images.update_properties,
                          self.context, NEW, {'a': 'b'})

    def test_delete_property(self):
        images.delete_property(self.context, CIRROS, 'os_distro')
        self.assertNotIn('os_distro',
                         images.get_properties(self.context, CIRROS))
        self.assertRaises(exception.ImagePropertyNotFound,
                          images.delete_property, self.context, CIRROS,
                          'os_distro')
        self.assertRaises(exception.ImageNotFound, images.delete_property,
                          self.context, NEW, 'os_distro')


class ImageWriteTestPostgreSQL(base.PostgreSQL, ImageWriteTest):
    pass


class ImageWriteTestMySQL(base.MySQL, ImageWriteTest):
    pass
