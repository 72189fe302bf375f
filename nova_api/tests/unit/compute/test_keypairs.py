"""The key pair quota when requests race (the API tests cover the rest)."""

from unittest import mock

import testtools

from nova_api.compute import keypairs
from nova_api import context as nova_context
from nova_api.db import keypairs as keypairs_db
from nova_api import exception
from nova_api.tests.fixtures import database
from nova_api.tests.unit.compute import keypair_vectors as vectors

USER_ID = 'alice'
# Nova's default of [quota] key_pairs.
KEY_PAIRS_QUOTA = 100


class KeypairQuotaTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(database.Database())
        self.context = nova_context.RequestContext(
            user_id=USER_ID, project_id='project', roles=['member'])

    def fill(self, count):
        for number in range(count):
            keypairs_db.create(self.context, {
                'user_id': USER_ID, 'name': 'kp-%d' % number, 'type': 'ssh',
                'public_key': vectors.ED25519.public_key,
                'fingerprint': vectors.ED25519.fingerprint})

    def names(self):
        return {keypair.name
                for keypair in keypairs.list_keypairs(self.context, USER_ID)}

    def test_last_one_fits(self):
        self.fill(KEY_PAIRS_QUOTA - 1)
        keypairs.import_keypair(self.context, USER_ID, 'last',
                                vectors.RSA.public_key)
        self.assertEqual(KEY_PAIRS_QUOTA,
                         len(self.names()))

    def test_a_concurrent_create_takes_the_last_place(self):
        self.fill(KEY_PAIRS_QUOTA - 1)
        real_create = keypairs_db.create

        def create_after_a_concurrent_request(context, values):
            # Another request passed the same check and inserted first.
            real_create(context, dict(values, name='concurrent'))
            return real_create(context, values)

        with mock.patch.object(keypairs_db, 'create',
                               create_after_a_concurrent_request):
            self.assertRaises(exception.KeypairLimitExceeded,
                              keypairs.generate_keypair, self.context,
                              USER_ID, 'ours')
        names = self.names()
        self.assertEqual(KEY_PAIRS_QUOTA, len(names))
        self.assertIn('concurrent', names)
        self.assertNotIn('ours', names)

    def test_taking_back_survives_a_concurrent_delete(self):
        self.fill(KEY_PAIRS_QUOTA)
        counts = iter([KEY_PAIRS_QUOTA - 1,
                       KEY_PAIRS_QUOTA + 1])
        real_destroy = keypairs_db.destroy

        def destroyed_twice(context, user_id, name):
            # The owner deletes the new key pair before the recheck does.
            real_destroy(context, user_id, name)
            real_destroy(context, user_id, name)

        with mock.patch.object(keypairs_db, 'count',
                               lambda context, user_id: next(counts)), \
                mock.patch.object(keypairs_db, 'destroy', destroyed_twice):
            self.assertRaises(exception.KeypairLimitExceeded,
                              keypairs.import_keypair, self.context,
                              USER_ID, 'ours', vectors.RSA.public_key)
        self.assertNotIn('ours', self.names())
