"""Server metadata queries, on every backend."""

import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models
from nova_api.db import server_metadata
from nova_api import exception
from nova_api.tests.unit.db import base

_metadata = models.ServerMetadata.__table__


class QuotaExceeded(Exception):
    pass


class ServerMetadataTest(base.DatabaseTestCase):

    def setUp(self):
        super().setUp()
        self.server_id = self.create_server('11111111-2222-4333-8444-5555')
        self.other_id = self.create_server('99999999-2222-4333-8444-5555')

    @api.context_manager.writer
    def _insert_server(self, context, uuid):
        server = models.Server(
            uuid=uuid, project_id='project-a', user_id='user-a', name='s1',
            hostname='s1', image_ref='image', flavor_ref='1', vcpus=1,
            memory_mb=512, root_gb=1, ephemeral_gb=0, swap=0,
            vm_state='active', reservation_id='r-1', security_groups=[])
        context.session.add(server)
        context.session.flush()
        return server.id

    def create_server(self, uuid):
        return self._insert_server(self.context, uuid)

    def rows(self):
        with self.engine.connect() as connection:
            return connection.execute(
                sa.select(_metadata.c.server_id, _metadata.c.key,
                          _metadata.c.value)
                .order_by(_metadata.c.server_id, _metadata.c.key)).all()

    def test_a_server_without_metadata(self):
        self.assertEqual({}, server_metadata.get(self.context,
                                                 self.server_id))

    def test_update_merges_and_returns_the_result_by_key(self):
        server_metadata.update(self.context, self.server_id,
                               {'b': '1', 'a': '2'})
        result = server_metadata.update(self.context, self.server_id,
                                        {'c': '3', 'b': 'changed'})
        self.assertEqual({'a': '2', 'b': 'changed', 'c': '3'}, result)
        self.assertEqual(['a', 'b', 'c'], list(result))
        self.assertEqual(result, server_metadata.get(self.context,
                                                     self.server_id))

    def test_update_with_purge_replaces(self):
        server_metadata.update(self.context, self.server_id,
                               {'a': '1', 'b': '2'})
        result = server_metadata.update(self.context, self.server_id,
                                        {'b': '3', 'c': '4'}, purge=True)
        self.assertEqual({'b': '3', 'c': '4'}, result)
        self.assertEqual(
            [(self.server_id, 'b', '3'), (self.server_id, 'c', '4')],
            self.rows())

    def test_purge_with_nothing_empties(self):
        server_metadata.update(self.context, self.server_id, {'a': '1'})
        self.assertEqual({}, server_metadata.update(
            self.context, self.server_id, {}, purge=True))
        self.assertEqual([], self.rows())

    def test_servers_keep_their_own_metadata(self):
        server_metadata.update(self.context, self.server_id, {'a': '1'})
        server_metadata.update(self.context, self.other_id, {'a': '2'},
                               purge=True)
        self.assertEqual({'a': '1'}, server_metadata.get(self.context,
                                                         self.server_id))
        self.assertEqual({'a': '2'}, server_metadata.get(self.context,
                                                         self.other_id))

    def test_check_sees_the_result_and_refusal_writes_nothing(self):
        server_metadata.update(self.context, self.server_id, {'a': '1'})
        seen = []

        def refuse(metadata):
            seen.append(dict(metadata))
            raise QuotaExceeded()

        self.assertRaises(QuotaExceeded, server_metadata.update,
                          self.context, self.server_id, {'b': '2'},
                          check=refuse)
        self.assertRaises(QuotaExceeded, server_metadata.update,
                          self.context, self.server_id, {'c': '3'},
                          purge=True, check=refuse)
        self.assertEqual([{'a': '1', 'b': '2'}, {'c': '3'}], seen)
        self.assertEqual([(self.server_id, 'a', '1')], self.rows())

    def test_delete_item(self):
        server_metadata.update(self.context, self.server_id,
                               {'a': '1', 'b': '2'})
        server_metadata.update(self.context, self.other_id, {'a': '1'})
        server_metadata.delete_item(self.context, self.server_id, 'a')
        self.assertEqual([(self.server_id, 'b', '2'),
                          (self.other_id, 'a', '1')], self.rows())

    def test_delete_unknown_item(self):
        server_metadata.update(self.context, self.other_id, {'a': '1'})
        self.assertRaises(exception.ServerMetadataNotFound,
                          server_metadata.delete_item, self.context,
                          self.server_id, 'a')

    def test_deleting_a_server_row_takes_its_metadata(self):
        server_metadata.update(self.context, self.server_id, {'a': '1'})
        with self.engine.begin() as connection:
            connection.execute(sa.text('DELETE FROM servers WHERE id = :id'),
                               {'id': self.server_id})
        self.assertEqual([], self.rows())


class ServerMetadataTestPostgreSQL(base.PostgreSQL, ServerMetadataTest):
    pass


class ServerMetadataTestMySQL(base.MySQL, ServerMetadataTest):
    pass
