"""The reclaim of soft-deleted servers in SQL: the servers a soft delete
has taken to DELETED count as deleted (shows, lists, quota usage, host
usage, addresses) and the SOFT_DELETED ones are listed as Nova lists them,
on every backend."""

import datetime

from nova_api.compute import server_states as ss
from nova_api.db import servers
from nova_api import exception
from nova_api.tests.unit.db import base

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
DURATIONS = {'soft_delete': 2.0, 'restore': 3.0, ss.RECLAIM_AFTER: 60}
RULES = ss.task_rules(DURATIONS)
NOW = T0 + datetime.timedelta(hours=1)


def _states(states):
    return servers.StatesAt(RULES, NOW, tuple(
        (vm_state, servers.ANY_TASK) for vm_state, _task in states))


RECLAIMED = _states(ss.DELETED_STATES)
SOFT_DELETED = _states(((ss.SOFT_DELETED, None),))


def _values(uuid, task_state, started_at):
    return {'uuid': uuid, 'project_id': 'project-a', 'user_id': 'user-a',
            'name': uuid, 'hostname': uuid, 'image_ref': 'image',
            'flavor_ref': '1', 'vcpus': 1, 'memory_mb': 512, 'root_gb': 1,
            'ephemeral_gb': 0, 'swap': 0, 'vm_state': ss.ACTIVE,
            'task_state': task_state, 'task_started_at': started_at,
            'created_at': T0,
            'launched_at': T0, 'host': 'compute1', 'reservation_id': 'r-1',
            'security_groups': ['default']}


class SoftDeletedServersTest(base.DatabaseTestCase):

    # Seconds before NOW each server started its soft delete: still
    # soft-deleting, soft-deleted, reclaimed; and one never deleted.
    AGES = {'deleting': 1, 'soft-deleted': 30, 'reclaimed': 600}

    def setUp(self):
        super().setUp()
        for name, age in self.AGES.items():
            servers.create(self.context, _values(
                name, ss.SOFT_DELETING,
                NOW - datetime.timedelta(seconds=age)), {}, [{
                    'network': 'private', 'address': '10.0.0.%d' % age,
                    'version': 4, 'mac_address': 'fa:16:3e:00:00:%02d'
                    % (age % 100)}])
        servers.create(self.context, _values('active', None, None), {}, [])

    def listed(self, filters):
        filters = dict(filters, deleted_states=RECLAIMED,
                       soft_deleted_states=SOFT_DELETED)
        return [row.uuid for row in servers.get_page(
            self.context, filters, RULES, NOW, ['id'], ['asc'])]

    def test_lists(self):
        self.assertEqual(['deleting', 'active'], self.listed({}))
        self.assertEqual(['deleting', 'active'], self.listed(
            {'project_id': 'project-a'}))
        self.assertEqual(['deleting', 'soft-deleted', 'active'],
                         self.listed({'soft_deleted': True}))
        self.assertEqual(['soft-deleted', 'reclaimed'],
                         self.listed({'deleted': True}))
        self.assertEqual(['reclaimed'], self.listed(
            {'deleted': True, 'soft_deleted': False}))
        self.assertEqual(['deleting', 'soft-deleted', 'reclaimed', 'active'],
                         self.listed({'include_deleted': True}))

    def test_a_reclaimed_server_is_not_found(self):
        self.assertEqual('soft-deleted', servers.get(
            self.context, 'soft-deleted', deleted_states=RECLAIMED).uuid)
        self.assertRaises(exception.InstanceNotFound, servers.get,
                          self.context, 'reclaimed',
                          deleted_states=RECLAIMED)
        self.assertEqual('reclaimed', servers.get(
            self.context, 'reclaimed', include_deleted=True,
            deleted_states=RECLAIMED).uuid)

    def test_usage(self):
        not_counted = _states(((ss.SOFT_DELETED, None),) + ss.DELETED_STATES)
        self.assertEqual((2, 2, 1024), servers.get_usage(
            self.context, 'project-a', not_counted=not_counted))
        self.assertEqual({'compute1': (3, 1536, 3)}, servers.get_host_usage(
            self.context, RULES, NOW, ss.DELETED_STATES))

    def test_addresses(self):
        self.assertEqual(['10.0.0.1', '10.0.0.30'], sorted(
            servers.get_used_addresses(self.context, 'private', RECLAIMED)))
        servers.release_addresses(self.context, RECLAIMED)
        self.assertEqual(['10.0.0.1', '10.0.0.30'], sorted(
            servers.get_used_addresses(self.context, 'private')))


class SoftDeletedServersTestPostgreSQL(base.PostgreSQL,
                                       SoftDeletedServersTest):
    pass


class SoftDeletedServersTestMySQL(base.MySQL, SoftDeletedServersTest):
    pass
