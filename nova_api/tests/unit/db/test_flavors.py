"""Flavor queries, on every backend."""

import datetime

import fixtures
import sqlalchemy as sa

from nova_api.db import flavors
from nova_api import exception
from nova_api.tests.unit.db import base

DEFAULT_FLAVORIDS = ['1', '2', '3', '4', '5']


def _values(flavorid, **overrides):
    values = {'flavorid': flavorid, 'name': f'flavor-{flavorid}',
              'memory_mb': 1024, 'vcpus': 2, 'root_gb': 10}
    values.update(overrides)
    return values


class FlavorTestCase(base.DatabaseTestCase):

    def create(self, flavorid, **overrides):
        return flavors.create(self.context, _values(flavorid, **overrides))

    def count_rows(self, table):
        with self.engine.connect() as connection:
            return connection.scalar(
                sa.text(f'SELECT COUNT(*) FROM {table}'))


class FlavorCRUDTest(FlavorTestCase):

    def test_default_flavors(self):
        tiny = flavors.get_by_flavor_id(self.context, '1')

        self.assertEqual(
            ('m1.tiny', 512, 1, 1, 0, 0, 1.0, True, False),
            (tiny.name, tiny.memory_mb, tiny.vcpus, tiny.root_gb,
             tiny.ephemeral_gb, tiny.swap, tiny.rxtx_factor, tiny.is_public,
             tiny.disabled))

    def test_create_fills_defaults(self):
        self.useFixture(fixtures.MockPatch(
            'oslo_utils.timeutils.utcnow',
            return_value=datetime.datetime(2024, 5, 6, 7, 8, 9)))

        flavor = self.create('custom', description='for tests')

        self.assertIsInstance(flavor.id, int)
        self.assertEqual(
            ('custom', 'flavor-custom', 1024, 2, 10, 0, 0, 1.0, None, False,
             True, 'for tests'),
            (flavor.flavorid, flavor.name, flavor.memory_mb, flavor.vcpus,
             flavor.root_gb, flavor.ephemeral_gb, flavor.swap,
             flavor.rxtx_factor, flavor.vcpu_weight, flavor.disabled,
             flavor.is_public, flavor.description))
        self.assertEqual('2024-05-06T07:08:09',
                         flavor.created_at.isoformat())
        self.assertIsNone(flavor.updated_at)

    def test_created_flavor_reads_back(self):
        created = self.create('custom', ephemeral_gb=5, swap=512,
                              rxtx_factor=2.5, vcpu_weight=3,
                              is_public=False, disabled=True)

        flavor = flavors.get_by_flavor_id(self.context, 'custom')

        self.assertEqual(created.id, flavor.id)
        self.assertEqual(
            (5, 512, 2.5, 3, False, True),
            (flavor.ephemeral_gb, flavor.swap, flavor.rxtx_factor,
             flavor.vcpu_weight, flavor.is_public, flavor.disabled))

    def test_create_duplicate_name(self):
        self.create('custom', name='same')

        error = self.assertRaises(exception.FlavorExists, self.create,
                                  'other', name='same')

        self.assertEqual('Flavor with name same already exists.',
                         error.format_message())

    def test_create_duplicate_flavorid(self):
        self.create('custom')

        error = self.assertRaises(exception.FlavorIdExists, self.create,
                                  'custom', name='another name')

        self.assertEqual('Flavor with ID custom already exists.',
                         error.format_message())

    def test_reads_carry_every_column(self):
        created = self.create('custom', ephemeral_gb=5, swap=512,
                              rxtx_factor=2.5, vcpu_weight=3,
                              is_public=False, disabled=True,
                              description='for tests')
        table = flavors.Flavor.__table__
        columns = [column.name for column in table.c]
        # As stored: MySQL keeps no fraction of a second.
        with self.engine.connect() as connection:
            expected = connection.execute(
                sa.select(table).where(table.c.id == created.id)
            ).one()._asdict()
        self.assertEqual(
            {column: getattr(created, column) for column in columns
             if column != 'created_at'},
            {column: expected[column] for column in columns
             if column != 'created_at'})

        listed, = flavors.get_all(self.context, filters={'is_public': False})
        for flavor in (flavors.get_by_flavor_id(self.context, 'custom'),
                       listed):
            self.assertEqual(
                expected,
                {column: getattr(flavor, column) for column in columns})
            self.assertIs(True, flavor.disabled)
            self.assertIs(False, flavor.is_public)

    def test_get_by_flavor_id_not_found(self):
        error = self.assertRaises(exception.FlavorNotFound,
                                  flavors.get_by_flavor_id, self.context,
                                  'missing')

        self.assertEqual({'flavor_id': 'missing'}, error.kwargs)

    def test_update_description(self):
        self.create('custom')

        flavor = flavors.update(self.context, 'custom',
                                {'description': 'new words'})

        self.assertEqual('new words', flavor.description)
        self.assertIsNotNone(flavor.updated_at)
        self.assertEqual(
            'new words',
            flavors.get_by_flavor_id(self.context, 'custom').description)

    def test_update_not_found(self):
        self.assertRaises(exception.FlavorNotFound, flavors.update,
                          self.context, 'missing', {'description': 'x'})

    def test_destroy_takes_extra_specs_and_access_along(self):
        self.create('custom', is_public=False)
        flavors.update_extra_specs(self.context, 'custom', {'a': '1'})
        flavors.add_project(self.context, 'custom', 'project-a')

        flavors.destroy(self.context, 'custom')

        self.assertRaises(exception.FlavorNotFound, flavors.get_by_flavor_id,
                          self.context, 'custom')
        self.assertEqual(0, self.count_rows('flavor_extra_specs'))
        self.assertEqual(0, self.count_rows('flavor_projects'))

    def test_destroy_not_found(self):
        self.assertRaises(exception.FlavorNotFound, flavors.destroy,
                          self.context, 'missing')


class FlavorCRUDTestPostgreSQL(base.PostgreSQL, FlavorCRUDTest):
    pass


class FlavorCRUDTestMySQL(base.MySQL, FlavorCRUDTest):
    pass


class FlavorListTest(FlavorTestCase):

    def get_flavorids(self, context=None, **kwargs):
        return [flavor.flavorid for flavor in
                flavors.get_all(context or self.context, **kwargs)]

    def test_defaults_sorted_by_flavorid(self):
        self.assertEqual(DEFAULT_FLAVORIDS, self.get_flavorids())

    def test_min_memory_mb_and_min_root_gb(self):
        self.assertEqual(['3', '4', '5'],
                         self.get_flavorids(filters={'min_memory_mb': 4096}))
        self.assertEqual(['4', '5'],
                         self.get_flavorids(filters={'min_root_gb': 41}))
        self.assertEqual(['4', '5'], self.get_flavorids(
            filters={'min_memory_mb': 2048, 'min_root_gb': 80}))

    def test_disabled(self):
        self.create('off', disabled=True)

        self.assertEqual(['off'],
                         self.get_flavorids(filters={'disabled': True}))
        self.assertEqual(DEFAULT_FLAVORIDS,
                         self.get_flavorids(filters={'disabled': False}))

    def test_is_public(self):
        self.create('shared', is_public=False)
        self.create('private', is_public=False)
        flavors.add_project(self.context, 'shared', 'project-a')
        member = self.user_context('project-a')

        self.assertEqual(
            DEFAULT_FLAVORIDS,
            self.get_flavorids(filters={'is_public': True}))
        self.assertEqual(
            ['private', 'shared'],
            self.get_flavorids(filters={'is_public': False}))
        self.assertEqual(
            DEFAULT_FLAVORIDS + ['private', 'shared'],
            self.get_flavorids(filters={'is_public': None}))
        # The admin context has no project; one with a project sees what is
        # shared with it among the public flavors.
        admin_in_project = self.context.elevated()
        admin_in_project.project_id = 'project-a'
        self.assertEqual(
            DEFAULT_FLAVORIDS + ['shared'],
            self.get_flavorids(admin_in_project,
                               filters={'is_public': True}))
        self.assertEqual(
            DEFAULT_FLAVORIDS + ['shared'],
            self.get_flavorids(member, filters={'is_public': True}))

    def test_non_admin_sees_public_and_shared_only(self):
        self.create('shared', is_public=False)
        self.create('private', is_public=False)
        flavors.add_project(self.context, 'shared', 'project-a')
        member = self.user_context('project-a')
        stranger = self.user_context('project-b')

        self.assertEqual(DEFAULT_FLAVORIDS + ['shared'],
                         self.get_flavorids(member))
        self.assertEqual(['shared'], self.get_flavorids(
            member, filters={'is_public': False}))
        self.assertEqual(DEFAULT_FLAVORIDS, self.get_flavorids(stranger))
        self.assertEqual('shared',
                         flavors.get_by_flavor_id(member, 'shared').flavorid)
        self.assertRaises(exception.FlavorNotFound,
                          flavors.get_by_flavor_id, stranger, 'shared')
        self.assertRaises(exception.FlavorNotFound,
                          flavors.get_by_flavor_id, member, 'private')

    def test_sort(self):
        self.create('big', name='a-big', memory_mb=32768)

        self.assertEqual(
            ['big', '5', '4', '3', '2', '1'],
            self.get_flavorids(sort_key='memory_mb', sort_dir='desc'))
        self.assertEqual(
            ['big', '4', '3', '2', '1', '5'],
            self.get_flavorids(sort_key='name'))

    def test_sort_ties_break_on_id(self):
        self.create('b', vcpus=1)
        self.create('a', vcpus=1)

        self.assertEqual(['1', '2', 'b', 'a'], self.get_flavorids(
            sort_key='vcpus', filters={'min_memory_mb': 0})[:4])

    def test_invalid_sort_key(self):
        self.assertRaises(exception.InvalidSortKey, flavors.get_all,
                          self.context, sort_key='extra_specs')
        self.assertRaises(exception.InvalidSortKey, flavors.get_all,
                          self.context, sort_key='__class__')

    def test_invalid_sort_dir(self):
        self.assertRaises(exception.InvalidInput, flavors.get_all,
                          self.context, sort_dir='sideways')

    def test_every_sort_key_works(self):
        for sort_key in sorted(flavors.SORT_KEYS):
            for sort_dir in ('asc', 'desc'):
                self.assertEqual(
                    5, len(flavors.get_all(self.context, sort_key=sort_key,
                                           sort_dir=sort_dir)),
                    (sort_key, sort_dir))

    def test_limit_and_marker(self):
        self.assertEqual(['1', '2'], self.get_flavorids(limit=2))
        self.assertEqual(['3', '4'], self.get_flavorids(limit=2, marker='2'))
        self.assertEqual(['5'], self.get_flavorids(limit=2, marker='4'))
        self.assertEqual([], self.get_flavorids(marker='5'))
        self.assertEqual(['2', '1'], self.get_flavorids(
            sort_key='memory_mb', sort_dir='desc', marker='3'))

    def test_marker_with_ties(self):
        self.create('b', vcpus=1)
        self.create('a', vcpus=1)
        everything = self.get_flavorids(sort_key='vcpus')

        pages, marker = [], None
        while True:
            page = self.get_flavorids(sort_key='vcpus', limit=2,
                                      marker=marker)
            if not page:
                break
            pages.extend(page)
            marker = page[-1]

        self.assertEqual(everything, pages)

    def test_marker_not_found(self):
        error = self.assertRaises(exception.MarkerNotFound, flavors.get_all,
                                  self.context, marker='missing')

        self.assertEqual('Marker missing could not be found.',
                         error.format_message())

    def test_marker_invisible_to_non_admin(self):
        self.create('private', is_public=False)

        self.assertRaises(exception.MarkerNotFound, flavors.get_all,
                          self.user_context(), marker='private')

    def test_results_outlive_the_transaction(self):
        listed = flavors.get_all(self.context)

        self.assertEqual(['m1.tiny', 'm1.small', 'm1.medium', 'm1.large',
                          'm1.xlarge'], [flavor.name for flavor in listed])
        self.assertEqual(512, listed[0].memory_mb)


class FlavorListTestPostgreSQL(base.PostgreSQL, FlavorListTest):
    pass


class FlavorListTestMySQL(base.MySQL, FlavorListTest):
    pass


class FlavorExtraSpecsTest(FlavorTestCase):

    def test_none_at_first(self):
        self.assertEqual({}, flavors.get_extra_specs(self.context, '1'))

    def test_update_creates_and_updates(self):
        created = flavors.update_extra_specs(
            self.context, '1', {'hw:cpu_policy': 'dedicated', 'a': '1'})
        updated = flavors.update_extra_specs(
            self.context, '1', {'a': '2', 'b': '3'})

        self.assertEqual({'hw:cpu_policy': 'dedicated', 'a': '1'}, created)
        expected = {'hw:cpu_policy': 'dedicated', 'a': '2', 'b': '3'}
        self.assertEqual(expected, updated)
        self.assertEqual(expected, flavors.get_extra_specs(self.context, '1'))
        self.assertEqual({}, flavors.get_extra_specs(self.context, '2'))

    def test_delete(self):
        flavors.update_extra_specs(self.context, '1', {'a': '1', 'b': '2'})

        flavors.delete_extra_spec(self.context, '1', 'a')

        self.assertEqual({'b': '2'},
                         flavors.get_extra_specs(self.context, '1'))

    def test_delete_missing_key(self):
        error = self.assertRaises(exception.FlavorExtraSpecsNotFound,
                                  flavors.delete_extra_spec, self.context,
                                  '1', 'missing')

        self.assertEqual({'flavor_id': '1', 'extra_specs_key': 'missing'},
                         error.kwargs)

    def test_unknown_flavor(self):
        self.assertRaises(exception.FlavorNotFound, flavors.get_extra_specs,
                          self.context, 'missing')
        self.assertRaises(exception.FlavorNotFound,
                          flavors.update_extra_specs, self.context, 'missing',
                          {'a': '1'})
        self.assertRaises(exception.FlavorNotFound,
                          flavors.delete_extra_spec, self.context, 'missing',
                          'a')

    def test_visible_to_members_like_the_flavor(self):
        self.create('shared', is_public=False)
        flavors.add_project(self.context, 'shared', 'project-a')
        flavors.update_extra_specs(self.context, 'shared', {'a': '1'})

        self.assertEqual({'a': '1'}, flavors.get_extra_specs(
            self.user_context('project-a'), 'shared'))
        self.assertRaises(exception.FlavorNotFound, flavors.get_extra_specs,
                          self.user_context('project-b'), 'shared')
        self.assertEqual({}, flavors.get_extra_specs(
            self.user_context('project-b'), '1'))


class FlavorExtraSpecsTestPostgreSQL(base.PostgreSQL, FlavorExtraSpecsTest):
    pass


class FlavorExtraSpecsTestMySQL(base.MySQL, FlavorExtraSpecsTest):
    pass


class FlavorAccessTest(FlavorTestCase):

    def setUp(self):
        super().setUp()
        self.create('private', is_public=False)

    def test_none_at_first(self):
        self.assertEqual([], flavors.get_projects(self.context, 'private'))

    def test_add_and_list_in_order(self):
        flavors.add_project(self.context, 'private', 'project-b')
        flavors.add_project(self.context, 'private', 'project-a')

        self.assertEqual(['project-b', 'project-a'],
                         flavors.get_projects(self.context, 'private'))

    def test_add_twice(self):
        flavors.add_project(self.context, 'private', 'project-a')

        error = self.assertRaises(exception.FlavorAccessExists,
                                  flavors.add_project, self.context,
                                  'private', 'project-a')

        self.assertEqual({'flavor_id': 'private', 'project_id': 'project-a'},
                         error.kwargs)

    def test_remove(self):
        flavors.add_project(self.context, 'private', 'project-a')
        flavors.add_project(self.context, 'private', 'project-b')

        flavors.remove_project(self.context, 'private', 'project-a')

        self.assertEqual(['project-b'],
                         flavors.get_projects(self.context, 'private'))

    def test_remove_missing(self):
        error = self.assertRaises(exception.FlavorAccessNotFound,
                                  flavors.remove_project, self.context,
                                  'private', 'project-a')

        self.assertEqual({'flavor_id': 'private', 'project_id': 'project-a'},
                         error.kwargs)

    def test_listed_for_a_member_it_is_shared_with(self):
        flavors.add_project(self.context, 'private', 'project-a')

        self.assertEqual(['project-a'], flavors.get_projects(
            self.user_context('project-a'), 'private'))
        self.assertRaises(exception.FlavorNotFound, flavors.get_projects,
                          self.user_context('project-b'), 'private')

    def test_unknown_flavor(self):
        self.assertRaises(exception.FlavorNotFound, flavors.get_projects,
                          self.context, 'missing')
        self.assertRaises(exception.FlavorNotFound, flavors.add_project,
                          self.context, 'missing', 'project-a')
        self.assertRaises(exception.FlavorNotFound, flavors.remove_project,
                          self.context, 'missing', 'project-a')


class FlavorAccessTestPostgreSQL(base.PostgreSQL, FlavorAccessTest):
    pass


class FlavorAccessTestMySQL(base.MySQL, FlavorAccessTest):
    pass
