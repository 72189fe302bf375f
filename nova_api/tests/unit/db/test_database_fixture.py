"""The Database fixture: every use starts from the migrated state."""

import unittest

import fixtures
import testtools

from nova_api import context as nova_context
from nova_api.db import api
from nova_api.db import flavors
from nova_api.tests.fixtures import database
from nova_api.tests.unit.db import base


class DatabaseFixtureTest(testtools.TestCase):

    backend = 'sqlite'

    def _create_flavor_in_fresh_database(self):
        with database.Database(self.backend):
            admin = nova_context.get_admin_context()
            self.assertEqual(5, len(flavors.get_all(admin)))
            flavors.update_extra_specs(admin, '1', {'a': '1'})
            flavor = flavors.create(admin, {
                'flavorid': 'custom', 'name': 'custom', 'memory_mb': 1,
                'vcpus': 1, 'root_gb': 1})
            return flavor.id

    def test_changes_do_not_leak_and_ids_repeat(self):
        first_id = self._create_flavor_in_fresh_database()
        second_id = self._create_flavor_in_fresh_database()

        self.assertEqual(first_id, second_id)

    def test_previous_configuration_comes_back(self):
        self.useFixture(database.Database())
        outer = api.get_engine()

        with database.Database(self.backend) as inner:
            self.assertIs(inner.engine, api.get_engine())
        self.assertIs(outer, api.get_engine())

    def test_empty_database(self):
        with database.Database(self.backend, migrated=False) as empty:
            self.assertEqual([], empty.engine.dialect.get_table_names(
                empty.engine.connect()))


class DatabaseFixtureTestPostgreSQL(base.PostgreSQL, DatabaseFixtureTest):
    pass


class DatabaseFixtureTestMySQL(base.MySQL, DatabaseFixtureTest):
    pass


class UnreachableServerTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(fixtures.MockPatchObject(database, '_provisioners',
                                                 {}))
        self.useFixture(fixtures.MockPatchObject(database, '_unavailable',
                                                 {}))

    def test_skips_with_the_reason(self):
        self.useFixture(fixtures.EnvironmentVariable(
            'NOVA_API_TEST_POSTGRESQL_URL',
            'postgresql+psycopg2://postgres@127.0.0.1:1/postgres'))

        error = self.assertRaises(unittest.SkipTest, database.Database(
            'postgresql').setUp)

        self.assertTrue(str(error).startswith(
            'PostgreSQL not reachable on 127.0.0.1:1: '), str(error))

    def test_test_using_it_is_skipped(self):
        self.useFixture(fixtures.EnvironmentVariable(
            'NOVA_API_TEST_MYSQL_URL', 'mysql+pymysql://root@127.0.0.1:1/'))

        class Test(base.MySQL, base.DatabaseTestCase):
            def test_nothing(self):
                pass

        result = unittest.TestResult()
        Test('test_nothing').run(result)

        self.assertEqual([], result.errors)
        self.assertEqual(1, len(result.skipped))
        self.assertIn('MySQL not reachable on 127.0.0.1:1: ',
                      result.skipped[0][1])
