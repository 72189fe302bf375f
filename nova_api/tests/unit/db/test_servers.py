"""Server reads with their metadata and addresses, on every backend."""

import datetime

from nova_api.compute import server_states
from nova_api.db import servers
from nova_api.tests.unit.db import base

NOW = datetime.datetime(2026, 12, 3, 12, 0, 0)
# No task ends: every server is in its stored state.
NO_TASK_RULES = {}


def _values(uuid, name):
    return {'uuid': uuid, 'project_id': 'project-a', 'user_id': 'user-a',
            'name': name, 'hostname': name, 'image_ref': 'image',
            'flavor_ref': '1', 'vcpus': 1, 'memory_mb': 512, 'root_gb': 1,
            'ephemeral_gb': 0, 'swap': 0, 'vm_state': 'active',
            'reservation_id': 'r-1', 'security_groups': ['default', 'web']}


def _address(network, address, version, mac='fa:16:3e:00:00:01'):
    return {'network': network, 'address': address, 'version': version,
            'mac_address': mac}


class ServerReadTest(base.DatabaseTestCase):

    # Allocation order is not the order of the values: the rows must
    # come back as they were allocated.
    ADDRESSES = [_address('private', '192.168.0.9', 4),
                 _address('private', 'fd00:10::9', 6),
                 _address('other', '10.0.0.3', 4, 'fa:16:3e:00:00:02'),
                 _address('private', '192.168.0.2', 4)]
    METADATA = {'role': 'web', 'quote': 'say "hi"\\n', 'unicode': 'ünï ☃',
                'empty': ''}

    def setUp(self):
        super().setUp()
        servers.create(self.context, _values('uuid-1', 's1'), self.METADATA,
                       self.ADDRESSES)
        servers.create(self.context, _values('uuid-2', 's2'), {}, [])

    def _page(self):
        rows = servers.get_page(self.context, {}, NO_TASK_RULES, NOW,
                                ['name', 'id'], ['asc', 'asc'])
        return {row.uuid: row for row in rows}

    def test_get_carries_metadata_and_addresses_in_allocation_order(self):
        row = servers.get(self.context, 'uuid-1')
        self.assertEqual(self.METADATA, servers.metadata_of(row))
        self.assertEqual(
            [(a['network'], a['address'], a['version'], a['mac_address'])
             for a in self.ADDRESSES],
            [tuple(address) for address in servers.addresses_of(row)])
        self.assertEqual('private', servers.addresses_of(row)[0].network)
        self.assertEqual(['default', 'web'], row.security_groups)

    def test_a_server_without_either(self):
        row = servers.get(self.context, 'uuid-2')
        self.assertEqual({}, servers.metadata_of(row))
        self.assertEqual([], servers.addresses_of(row))

    def test_a_page_carries_each_servers_own(self):
        page = self._page()
        self.assertEqual(['uuid-1', 'uuid-2'], list(page))
        self.assertEqual(self.METADATA, servers.metadata_of(page['uuid-1']))
        self.assertEqual(4, len(servers.addresses_of(page['uuid-1'])))
        self.assertEqual('192.168.0.2',
                         servers.addresses_of(page['uuid-1'])[-1].address)
        self.assertEqual({}, servers.metadata_of(page['uuid-2']))
        self.assertEqual([], servers.addresses_of(page['uuid-2']))

    def test_the_first_page_is_the_filtered_pages_first_page(self):
        for n in range(3, 8):
            values = dict(_values('uuid-%d' % n, 's%d' % (n % 3)),
                          project_id='project-b' if n % 2 else 'project-a')
            servers.create(self.context, values, {'n': str(n)}, [])
        servers.soft_delete(self.context, servers.get(self.context,
                                                      'uuid-4'), None,
                            'deleted')
        for project_id in ('project-a', 'project-b', None):
            for sort_keys, sort_dirs, limit in (
                    (['created_at', 'id'], ['desc', 'desc'], None),
                    (['name', 'created_at', 'id'], ['asc', 'desc', 'desc'],
                     2),
                    (['id'], ['asc'], 3)):
                # A filter besides the project takes the general path.
                self.assertEqual(
                    servers.get_page(self.context,
                                     {'project_id': project_id,
                                      'deleted': False}, NO_TASK_RULES, NOW,
                                     sort_keys, sort_dirs, limit=limit),
                    servers.get_page(self.context,
                                     {'project_id': project_id},
                                     NO_TASK_RULES, NOW, sort_keys,
                                     sort_dirs, limit=limit))

    def test_many_metadata_items(self):
        metadata = {'key-%03d' % n: 'v' * 255 for n in range(128)}
        servers.create(self.context, _values('uuid-3', 's3'), metadata, [])
        self.assertEqual(metadata, servers.metadata_of(
            servers.get(self.context, 'uuid-3')))


class ServerReadTestPostgreSQL(base.PostgreSQL, ServerReadTest):
    pass


class ServerReadTestMySQL(base.MySQL, ServerReadTest):
    pass


def _at(hours):
    return NOW + datetime.timedelta(hours=hours)


class ServersInWindowTest(base.DatabaseTestCase):
    """get_in_window: the servers a usage report of [begin, end] may
    count, deleted ones too."""

    def setUp(self):
        super().setUp()
        for uuid, project_id, created, terminated in (
                ('uuid-b', 'project-b', -10, None),
                ('uuid-a', 'project-b', -5, 2),
                ('uuid-c', 'project-a', -3, None),
                ('uuid-gone', 'project-a', -9, -1),
                ('uuid-late', 'project-a', 5, None)):
            servers.create(self.context, dict(
                _values(uuid, uuid), project_id=project_id,
                created_at=_at(created)), {}, [])
            if terminated is not None:
                row = servers.get(self.context, uuid)
                servers.soft_delete(self.context, row, _at(terminated),
                                    'deleted', launched_at=_at(created))

    def _window(self, project_id=None):
        return [(row.project_id, row.uuid) for row in servers.get_in_window(
            self.context, _at(0), _at(4), project_id)]

    def test_by_project_and_uuid(self):
        self.assertEqual([('project-a', 'uuid-c'), ('project-b', 'uuid-a'),
                          ('project-b', 'uuid-b')], self._window())

    def test_of_one_project(self):
        self.assertEqual([('project-b', 'uuid-a'), ('project-b', 'uuid-b')],
                         self._window('project-b'))

    def test_a_deleted_server_keeps_its_launch(self):
        [row] = [row for row in servers.get_in_window(
            self.context, _at(0), _at(4)) if row.uuid == 'uuid-a']
        self.assertEqual((_at(-5), _at(2)),
                         (row.launched_at, row.terminated_at))
        self.assertNotEqual(0, row.deleted)


class ServersInWindowTestPostgreSQL(base.PostgreSQL, ServersInWindowTest):
    pass


class ServersInWindowTestMySQL(base.MySQL, ServersInWindowTest):
    pass


# Every task's rules, for the queries that need one per task.
TASK_RULES = server_states.task_rules(
    {'soft_delete': 2.0, 'restore': 3.0, server_states.RECLAIM_AFTER: 60})


class ProjectUsageOnHostTest(base.DatabaseTestCase):
    """get_project_usage_on_host: what each project's servers on a host
    take, but for the hostless and deleted ones."""

    def setUp(self):
        super().setUp()
        for uuid, project_id, host, vm_state in (
                ('uuid-1', 'project-b', 'compute1', 'active'),
                ('uuid-2', 'project-a', 'compute1', 'stopped'),
                ('uuid-3', 'project-a', 'compute1', 'active'),
                ('uuid-4', 'project-a', 'compute1', 'shelved_offloaded'),
                ('uuid-5', 'project-a', 'compute2', 'active'),
                ('uuid-6', 'project-a', 'compute1', 'active')):
            servers.create(self.context, dict(
                _values(uuid, uuid), project_id=project_id, host=host,
                vm_state=vm_state, ephemeral_gb=2), {}, [])
        servers.soft_delete(self.context, servers.get(self.context,
                                                      'uuid-6'), NOW,
                            'deleted')

    def test_by_project(self):
        self.assertEqual(
            {'project-a': (2, 1024, 6), 'project-b': (1, 512, 3)},
            servers.get_project_usage_on_host(
                self.context, 'compute1', TASK_RULES, NOW,
                (('shelved_offloaded', None),)))

    def test_a_host_without_servers(self):
        self.assertEqual({}, servers.get_project_usage_on_host(
            self.context, 'compute9', TASK_RULES, NOW,
            (('shelved_offloaded', None),)))


class ProjectUsageOnHostTestPostgreSQL(base.PostgreSQL,
                                       ProjectUsageOnHostTest):
    pass


class ProjectUsageOnHostTestMySQL(base.MySQL, ProjectUsageOnHostTest):
    pass
