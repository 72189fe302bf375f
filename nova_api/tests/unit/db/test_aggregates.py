"""Host aggregate queries, on every backend."""

from nova_api.db import aggregates
from nova_api.db import servers
from nova_api import exception
from nova_api.tests.unit.db import base

UUID_1 = '4a0e1d3c-5b2f-4c1a-9e8d-7f6a5b4c3d21'
UUID_2 = '4a0e1d3c-5b2f-4c1a-9e8d-7f6a5b4c3d22'


class AggregatesTest(base.DatabaseTestCase):

    def create(self, name='agg1', uuid=UUID_1, metadata=None):
        return aggregates.create(self.context, uuid, name, metadata or {})

    def test_create_get_and_list(self):
        first = self.create(metadata={'availability_zone': 'london'})
        second = self.create('agg2', UUID_2)
        row = aggregates.get(self.context, first)
        self.assertEqual(('agg1', UUID_1), (row.name, row.uuid))
        self.assertIsNotNone(row.created_at)
        self.assertIsNone(row.updated_at)
        self.assertEqual([first, second], [
            row.id for row in aggregates.get_all(self.context)])
        self.assertEqual({first: {'availability_zone': 'london'},
                          second: {}},
                         aggregates.get_metadata(self.context,
                                                 [first, second]))
        self.assertEqual({}, aggregates.get_metadata(self.context, []))

    def test_missing_and_out_of_range_ids(self):
        for aggregate_id in (1, 0, -1, 2 ** 40):
            self.assertRaises(exception.AggregateNotFound, aggregates.get,
                              self.context, aggregate_id)

    def test_names_are_unique(self):
        first = self.create()
        self.assertRaises(exception.AggregateNameExists, self.create,
                          'agg1', UUID_2)
        second = self.create('agg2', UUID_2)
        self.assertRaises(exception.AggregateNameExists, aggregates.rename,
                          self.context, second, 'agg1')
        aggregates.rename(self.context, first, 'renamed')
        row = aggregates.get(self.context, first)
        self.assertEqual('renamed', row.name)
        self.assertIsNotNone(row.updated_at)

    def test_hosts(self):
        first = self.create()
        aggregates.add_host(self.context, first, 'compute2')
        aggregates.add_host(self.context, first, 'compute1')
        self.assertRaises(exception.AggregateHostExists, aggregates.add_host,
                          self.context, first, 'compute1')
        self.assertEqual({first: ['compute2', 'compute1']},
                         aggregates.get_hosts(self.context, [first]))
        self.assertTrue(aggregates.remove_host(self.context, first,
                                               'compute2'))
        self.assertFalse(aggregates.remove_host(self.context, first,
                                                'compute2'))
        self.assertEqual({first: ['compute1']},
                         aggregates.get_hosts(self.context, [first]))

    def test_metadata_updates_and_null_deletes(self):
        first = self.create(metadata={'a': '1', 'b': '2'})
        aggregates.update_metadata(self.context, first,
                                   {'a': None, 'b': '3', 'c': '4',
                                    'absent': None})
        self.assertEqual({first: {'b': '3', 'c': '4'}},
                         aggregates.get_metadata(self.context, [first]))
        self.assertIsNotNone(aggregates.get(self.context, first).updated_at)

    def test_host_zones(self):
        london = self.create(metadata={'availability_zone': 'london'})
        plain = self.create('agg2', UUID_2)
        aggregates.add_host(self.context, london, 'compute1')
        aggregates.add_host(self.context, plain, 'compute2')
        self.assertEqual([('compute1', london, 'london')],
                         aggregates.get_host_zones(self.context))

    def test_delete_takes_the_metadata(self):
        first = self.create(metadata={'a': '1'})
        aggregates.delete(self.context, first)
        self.assertRaises(exception.AggregateNotFound, aggregates.get,
                          self.context, first)
        self.assertEqual({first: {}},
                         aggregates.get_metadata(self.context, [first]))
        self.create()

    def test_count_servers_on(self):
        servers.create(self.context, {
            'uuid': 'uuid-1', 'project_id': 'project-a',
            'user_id': 'user-a', 'name': 's1', 'hostname': 's1',
            'image_ref': 'image', 'flavor_ref': '1', 'vcpus': 1,
            'memory_mb': 512, 'root_gb': 1, 'ephemeral_gb': 0, 'swap': 0,
            'vm_state': 'active', 'reservation_id': 'r-1',
            'host': 'compute1', 'security_groups': ['default']}, {}, [])
        self.assertEqual(1, aggregates.count_servers_on(
            self.context, ['compute1', 'compute2']))
        self.assertEqual(0, aggregates.count_servers_on(
            self.context, ['compute2']))
        self.assertEqual(0, aggregates.count_servers_on(self.context, []))


class AggregatesTestPostgreSQL(base.PostgreSQL, AggregatesTest):
    pass


class AggregatesTestMySQL(base.MySQL, AggregatesTest):
    pass
