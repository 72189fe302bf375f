"""Transactions are real on every backend: a writer's work is atomic and
invisible to others until it commits (on SQLite too, where nova_api starts
transactions on the driver's connection itself)."""

from nova_api.db import api
from nova_api.db import keypairs
from nova_api import exception
from nova_api.tests.unit.db import base


class _Boom(Exception):
    pass


def _values(name):
    return {'name': name, 'user_id': 'user-a', 'fingerprint': 'f',
            'public_key': 'ssh-ed25519 AAAA', 'type': 'ssh'}


class TransactionTest(base.DatabaseTestCase):

    def test_a_failed_writer_leaves_nothing_behind(self):
        @api.context_manager.writer
        def create_two_then_fail(context):
            keypairs.create(context, _values('kp-1'))
            keypairs.create(context, _values('kp-2'))
            raise _Boom()

        self.assertRaises(_Boom, create_two_then_fail, self.context)
        self.assertEqual(0, keypairs.count(self.context, 'user-a'))

    def test_uncommitted_rows_are_invisible_to_other_readers(self):
        seen = []

        @api.context_manager.writer
        def create_and_look_from_outside(context):
            keypairs.create(context, _values('kp-1'))
            seen.append(keypairs.count(context, 'user-a'))
            outside = self.user_context()
            seen.append(keypairs.count(outside, 'user-a'))

        create_and_look_from_outside(self.context)
        self.assertEqual([1, 0], seen)
        self.assertEqual(1, keypairs.count(self.context, 'user-a'))

    def test_reads_after_a_rollback_work(self):
        keypairs.create(self.context, _values('kp-1'))
        self.assertRaises(exception.KeyPairExists, keypairs.create,
                          self.context, _values('kp-1'))
        self.assertEqual(['kp-1'], [
            k.name for k in keypairs.get_all(self.context, 'user-a')])


class TransactionTestPostgreSQL(base.PostgreSQL, TransactionTest):
    pass


class TransactionTestMySQL(base.MySQL, TransactionTest):
    pass
