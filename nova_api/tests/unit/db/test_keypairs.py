"""Key pair queries, on every backend."""

from oslo_db import exception as db_exc
import sqlalchemy as sa

from nova_api.db import keypairs
from nova_api import exception
from nova_api.tests.unit.db import base


class KeyPairTest(base.DatabaseTestCase):

    def create(self, name, user_id='user-a', **overrides):
        values = {'name': name, 'user_id': user_id,
                  'fingerprint': f'fp-{name}',
                  'public_key': f'ssh-rsa AAAA {name}'}
        values.update(overrides)
        return keypairs.create(self.context, values)

    def names(self, user_id='user-a', **kwargs):
        return [keypair.name for keypair in
                keypairs.get_all(self.context, user_id, **kwargs)]

    def test_create_and_get(self):
        created = self.create('key')

        keypair = keypairs.get(self.context, 'user-a', 'key')

        self.assertEqual(created.id, keypair.id)
        self.assertEqual(
            ('key', 'user-a', 'fp-key', 'ssh-rsa AAAA key', 'ssh'),
            (keypair.name, keypair.user_id, keypair.fingerprint,
             keypair.public_key, keypair.type))
        self.assertIsNotNone(keypair.created_at)
        self.assertIsNone(keypair.updated_at)

    def test_x509(self):
        self.create('cert', type='x509')

        self.assertEqual('x509',
                         keypairs.get(self.context, 'user-a', 'cert').type)

    def test_unknown_type_is_refused(self):
        # oslo.db lets MySQL's CHECK failure through as an OperationalError.
        self.assertRaises((db_exc.DBError, sa.exc.OperationalError),
                          self.create, 'key', type='pgp')

    def test_get_not_found(self):
        self.create('key', user_id='user-b')

        error = self.assertRaises(exception.KeypairNotFound, keypairs.get,
                                  self.context, 'user-a', 'key')

        self.assertEqual('Keypair key not found for user user-a',
                         error.format_message())

    def test_duplicate_name(self):
        self.create('key')

        error = self.assertRaises(exception.KeyPairExists, self.create, 'key')

        self.assertEqual({'key_name': 'key'}, error.kwargs)

    def test_same_name_for_another_user(self):
        self.create('key')
        self.create('key', user_id='user-b')

        self.assertEqual(['key'], self.names('user-b'))

    def test_get_all_is_the_users_by_name(self):
        for name in ('charlie', 'alpha', 'bravo'):
            self.create(name)
        self.create('other', user_id='user-b')

        self.assertEqual(['alpha', 'bravo', 'charlie'], self.names())
        self.assertEqual([], self.names('user-c'))

    def test_limit_and_marker(self):
        for name in ('delta', 'charlie', 'alpha', 'bravo'):
            self.create(name)

        self.assertEqual(['alpha', 'bravo'], self.names(limit=2))
        self.assertEqual(['charlie', 'delta'],
                         self.names(limit=2, marker='bravo'))
        self.assertEqual([], self.names(marker='delta'))

    def test_pages_join_up_to_the_full_list(self):
        # Mixed case: MySQL's collation orders names without case, the
        # other backends by code point; pages follow the backend's order.
        for name in ('delta', 'Charlie', 'alpha', 'Bravo', 'echo'):
            self.create(name)
        self.create('beta', user_id='user-b')
        everything = self.names()
        self.assertEqual(5, len(everything))

        for limit in (1, 2, 3):
            pages, marker = [], None
            while True:
                page = self.names(limit=limit, marker=marker)
                if not page:
                    break
                self.assertLessEqual(len(page), limit)
                pages.extend(page)
                marker = page[-1]
            self.assertEqual(everything, pages, limit)
        self.assertEqual(everything[2:], self.names(marker=everything[1]))

    def test_limit_zero_is_an_empty_page(self):
        self.create('key')

        self.assertEqual([], self.names(limit=0))

    def test_listed_key_pairs_carry_every_column(self):
        created = self.create('cert', type='x509')
        table = keypairs.KeyPair.__table__
        columns = [column.name for column in table.c]
        # As stored: MySQL keeps no fraction of a second.
        with self.engine.connect() as connection:
            expected = connection.execute(
                sa.select(table).where(table.c.id == created.id)
            ).one()._asdict()

        listed, = keypairs.get_all(self.context, 'user-a')
        shown = keypairs.get(self.context, 'user-a', 'cert')

        self.assertEqual(('cert', 'x509', 'fp-cert'),
                         (expected['name'], expected['type'],
                          expected['fingerprint']))
        for keypair in (listed, shown):
            self.assertEqual(
                expected,
                {column: getattr(keypair, column) for column in columns})

    def test_marker_not_found(self):
        self.create('theirs', user_id='user-b')

        self.assertRaises(exception.MarkerNotFound, keypairs.get_all,
                          self.context, 'user-a', marker='missing')
        self.assertRaises(exception.MarkerNotFound, keypairs.get_all,
                          self.context, 'user-a', marker='theirs')

    def test_destroy(self):
        self.create('key')
        self.create('key', user_id='user-b')

        keypairs.destroy(self.context, 'user-a', 'key')

        self.assertRaises(exception.KeypairNotFound, keypairs.get,
                          self.context, 'user-a', 'key')
        self.assertEqual(['key'], self.names('user-b'))

    def test_destroy_not_found(self):
        error = self.assertRaises(exception.KeypairNotFound,
                                  keypairs.destroy, self.context, 'user-a',
                                  'missing')

        self.assertEqual({'name': 'missing', 'user_id': 'user-a'},
                         error.kwargs)

    def test_count(self):
        self.create('one')
        self.create('two')
        self.create('three', user_id='user-b')

        self.assertEqual(2, keypairs.count(self.context, 'user-a'))
        self.assertEqual(0, keypairs.count(self.context, 'user-c'))


class KeyPairTestPostgreSQL(base.PostgreSQL, KeyPairTest):
    pass


class KeyPairTestMySQL(base.MySQL, KeyPairTest):
    pass
