"""Quota limit queries, on every backend."""

import sqlalchemy as sa

from nova_api.db import quotas
from nova_api.tests.unit.db import base


class QuotaTest(base.DatabaseTestCase):

    def test_nothing_set(self):
        self.assertEqual({}, quotas.get_project_limits(self.context, 'p'))
        self.assertEqual({}, quotas.get_user_limits(self.context, 'p', 'u'))
        self.assertEqual([], quotas.get_all_user_limits(self.context, 'p'))
        self.assertEqual({}, quotas.get_class_limits(self.context, 'c'))

    def test_project_limits(self):
        quotas.set_limits(self.context, 'p', {'cores': 5, 'ram': 10})
        quotas.set_limits(self.context, 'p', {'cores': 6})

        self.assertEqual({'cores': 6, 'ram': 10},
                         quotas.get_project_limits(self.context, 'p'))
        # A project's limit is no user's limit, nor another project's.
        self.assertEqual({}, quotas.get_user_limits(self.context, 'p', 'u'))
        self.assertEqual({}, quotas.get_project_limits(self.context, 'q'))

    def test_updating_keeps_one_row(self):
        quotas.set_limits(self.context, 'p', {'cores': 5})
        quotas.set_limits(self.context, 'p', {'cores': -1})
        quotas.set_limits(self.context, 'p', {'cores': 7}, user_id='u')
        quotas.set_limits(self.context, 'p', {'cores': 8}, user_id='u')

        with self.engine.connect() as connection:
            rows = connection.execute(
                quotas.Quota.__table__.select().order_by('id')).all()
        self.assertEqual([('p', None, 'cores', -1), ('p', 'u', 'cores', 8)],
                         [(row.project_id, row.user_id, row.resource,
                           row.hard_limit) for row in rows])
        self.assertIsNotNone(rows[0].updated_at)

    def test_setting_the_same_limit_again(self):
        # An update that changes no value still finds its row (MySQL
        # counts matched rows, not changed ones).
        for user_id in (None, 'u', None, 'u'):
            quotas.set_limits(self.context, 'p', {'cores': 5},
                              user_id=user_id)
        quotas.set_class_limits(self.context, 'c', {'cores': 5})
        quotas.set_class_limits(self.context, 'c', {'cores': 5})

        with self.engine.connect() as connection:
            self.assertEqual(2, connection.scalar(
                sa.select(sa.func.count()).select_from(
                    quotas.Quota.__table__)))
            self.assertEqual(1, connection.scalar(
                sa.select(sa.func.count()).select_from(
                    quotas.QuotaClass.__table__)))

    def test_user_limits(self):
        quotas.set_limits(self.context, 'p', {'cores': 1})
        quotas.set_limits(self.context, 'p', {'cores': 2, 'ram': 3},
                          user_id='u')
        quotas.set_limits(self.context, 'p', {'cores': 4}, user_id='v')
        quotas.set_limits(self.context, 'q', {'cores': 5}, user_id='u')

        self.assertEqual({'cores': 2, 'ram': 3},
                         quotas.get_user_limits(self.context, 'p', 'u'))
        self.assertEqual({'cores': 1},
                         quotas.get_project_limits(self.context, 'p'))
        self.assertEqual(
            [('u', 'cores', 2), ('u', 'ram', 3), ('v', 'cores', 4)],
            sorted(tuple(row) for row in
                   quotas.get_all_user_limits(self.context, 'p')))

    def test_destroy_user_limits(self):
        quotas.set_limits(self.context, 'p', {'cores': 1})
        quotas.set_limits(self.context, 'p', {'cores': 2}, user_id='u')
        quotas.set_limits(self.context, 'p', {'cores': 3}, user_id='v')

        quotas.destroy_user_limits(self.context, 'p', 'u')

        self.assertEqual({}, quotas.get_user_limits(self.context, 'p', 'u'))
        self.assertEqual({'cores': 3},
                         quotas.get_user_limits(self.context, 'p', 'v'))
        self.assertEqual({'cores': 1},
                         quotas.get_project_limits(self.context, 'p'))

    def test_destroy_project_limits_takes_its_users_ones(self):
        quotas.set_limits(self.context, 'p', {'cores': 1})
        quotas.set_limits(self.context, 'p', {'cores': 2}, user_id='u')
        quotas.set_limits(self.context, 'q', {'cores': 3})

        quotas.destroy_project_limits(self.context, 'p')

        self.assertEqual({}, quotas.get_project_limits(self.context, 'p'))
        self.assertEqual({}, quotas.get_user_limits(self.context, 'p', 'u'))
        self.assertEqual({'cores': 3},
                         quotas.get_project_limits(self.context, 'q'))
        # Nothing to destroy is no error.
        quotas.destroy_project_limits(self.context, 'p')
        quotas.destroy_user_limits(self.context, 'p', 'u')

    def test_class_limits(self):
        quotas.set_class_limits(self.context, 'default', {'cores': 30})
        quotas.set_class_limits(self.context, 'default',
                                {'cores': 31, 'ram': 2})
        quotas.set_class_limits(self.context, 'gold', {'cores': 99})

        self.assertEqual({'cores': 31, 'ram': 2},
                         quotas.get_class_limits(self.context, 'default'))
        self.assertEqual({'cores': 99},
                         quotas.get_class_limits(self.context, 'gold'))

    def test_largest_limit(self):
        quotas.set_limits(self.context, 'p', {'cores': 0x7FFFFFFF})
        self.assertEqual({'cores': 0x7FFFFFFF},
                         quotas.get_project_limits(self.context, 'p'))


class QuotaTestPostgreSQL(base.PostgreSQL, QuotaTest):
    pass


class QuotaTestMySQL(base.MySQL, QuotaTest):
    pass
