"""The offload timer in SQL: status filters and host usage agree with
server_states on every backend."""

import datetime

from nova_api.compute import server_states as ss
from nova_api.db import servers
from nova_api.tests.unit.db import base

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
DURATIONS = {'shelve': 3.0, 'shelve_offload': 2.0, 'unshelve': 4.0,
             ss.OFFLOAD_AFTER: 60}
RULES = ss.task_rules(DURATIONS)


def _values(uuid, started_at):
    return {'uuid': uuid, 'project_id': 'project-a', 'user_id': 'user-a',
            'name': uuid, 'hostname': uuid, 'image_ref': 'image',
            'flavor_ref': '1', 'vcpus': 1, 'memory_mb': 512, 'root_gb': 1,
            'ephemeral_gb': 0, 'swap': 0, 'vm_state': ss.ACTIVE,
            'task_state': ss.SHELVING, 'task_started_at': started_at,
            'created_at': started_at,
            'launched_at': T0 - datetime.timedelta(hours=1),
            'host': 'compute1', 'reservation_id': 'r-1',
            'security_groups': ['default']}


class ShelvedServersTest(base.DatabaseTestCase):

    # Seconds before NOW each server started shelving: still shelving,
    # shelved, offloading, offloaded.
    AGES = {'shelving': 1, 'shelved': 30, 'offloading': 64,
            'offloaded': 600}
    NOW = T0 + datetime.timedelta(hours=1)

    def setUp(self):
        super().setUp()
        for name, age in self.AGES.items():
            servers.create(self.context, _values(
                name, self.NOW - datetime.timedelta(seconds=age)), {}, [])

    def _in_python(self):
        rows = servers.get_page(self.context, {}, RULES, self.NOW,
                                ['id'], ['asc'])
        return {row.uuid: ss.current_state(row, DURATIONS, self.NOW)
                for row in rows}

    def test_states_in_sql_are_those_in_python(self):
        states = self._in_python()
        self.assertEqual(
            {'shelving': (ss.ACTIVE, ss.SHELVING),
             'shelved': (ss.SHELVED, None),
             'offloading': (ss.SHELVED, ss.SHELVING_OFFLOADING),
             'offloaded': (ss.SHELVED_OFFLOADED, None)},
            {uuid: (state.vm_state, state.task_state)
             for uuid, state in states.items()})
        for uuid, state in states.items():
            rows = servers.get_page(
                self.context,
                {'states': [(state.vm_state, state.task_state)]},
                RULES, self.NOW, ['id'], ['asc'])
            self.assertEqual([uuid], [row.uuid for row in rows])

    def test_offloaded_servers_take_no_host(self):
        usage = servers.get_host_usage(self.context, RULES, self.NOW,
                                       ss.HOSTLESS_STATES)
        self.assertEqual({'compute1': (3, 1536, 3)}, usage)
        rows = servers.get_page(
            self.context, {'host': 'compute1',
                           'hostless_states': ss.HOSTLESS_STATES},
            RULES, self.NOW, ['id'], ['asc'])
        self.assertEqual(['shelving', 'shelved', 'offloading'],
                         [row.uuid for row in rows])

    def test_changes_since_an_offload(self):
        # The offload (65s after the start) of 'offloading' is still to
        # come; 'offloaded' was offloaded 535s ago.
        since = self.NOW - datetime.timedelta(seconds=540)
        rows = servers.get_page(self.context, {'changes_since': since},
                                RULES, self.NOW, ['id'], ['asc'])
        self.assertEqual(['shelving', 'shelved', 'offloading', 'offloaded'],
                         [row.uuid for row in rows])
        since = self.NOW - datetime.timedelta(seconds=20)
        rows = servers.get_page(self.context, {'changes_since': since},
                                RULES, self.NOW, ['id'], ['asc'])
        # shelving: stored 1s ago; offloading: reached offloading 1s ago.
        self.assertEqual(['shelving', 'offloading'],
                         [row.uuid for row in rows])


class ShelvedServersTestPostgreSQL(base.PostgreSQL, ShelvedServersTest):
    pass


class ShelvedServersTestMySQL(base.MySQL, ShelvedServersTest):
    pass
