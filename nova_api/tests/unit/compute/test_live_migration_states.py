"""The states of a live-migrating server and of its migration record,
from the stored fields, the durations and the time."""

import datetime
import types

import testtools

from nova_api.compute import migration_records as mr
from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 12, 4, 4, 0, 0)
DURATIONS = {'live_migration': 8.0}


def seconds(n):
    return datetime.timedelta(seconds=n)


def migrating(vm_state=ss.ACTIVE):
    return ss.StoredState(vm_state, ss.MIGRATING, T0, T0, 'compute2')


def shown(stored, after):
    state = ss.current_state(stored, DURATIONS, T0 + seconds(after))
    return state.status, state.vm_state, state.task_state, state.power_state


def record(status, after=0):
    row = types.SimpleNamespace(status=status, created_at=T0, updated_at=T0,
                                old_flavor={'memory_mb': 1})
    return mr.current(row, DURATIONS, T0 + seconds(after))


class LiveMigrationStatesTest(testtools.TestCase):

    def test_an_active_server_migrates_then_is_active(self):
        self.assertEqual([
            ('MIGRATING', 'active', 'migrating', ss.RUNNING),
            ('MIGRATING', 'active', 'migrating', ss.RUNNING),
            ('ACTIVE', 'active', None, ss.RUNNING),
            ('ACTIVE', 'active', None, ss.RUNNING),
        ], [shown(migrating(), after) for after in (0, 7.9, 8, 3600)])

    def test_a_paused_server_stays_paused(self):
        self.assertEqual(('MIGRATING', 'paused', 'migrating',
                          ss.POWER_PAUSED), shown(migrating(ss.PAUSED), 1))
        self.assertEqual(('PAUSED', 'paused', None, ss.POWER_PAUSED),
                         shown(migrating(ss.PAUSED), 8))

    def test_record_statuses_in_quarters(self):
        self.assertEqual(
            ['queued', 'queued', 'preparing', 'running', 'running',
             'completed', 'completed'],
            [record(mr.QUEUED, after).status
             for after in (0, 1.9, 2, 4, 7.9, 8, 3600)])
        self.assertEqual(T0 + seconds(4), record(mr.QUEUED, 5).updated_at)

    def test_memory_copied_evenly_while_running(self):
        mib = 1024 * 1024
        self.assertEqual(
            [(None, None, None), (mib, 1, mib - 1),
             (mib, mib // 4, mib * 3 // 4), (mib, mib * 3 // 4, mib // 4),
             (None, None, None)],
            [(migration.memory_total, migration.memory_processed,
              migration.memory_remaining)
             for migration in (record(mr.QUEUED, after)
                               for after in (3, 4, 5, 7, 8))])

    def test_stored_ends_do_not_move(self):
        for status in (mr.COMPLETED, mr.CANCELLED, mr.ERROR):
            self.assertEqual(status, record(status, 3600).status)

    def test_in_progress_is_what_a_server_lists(self):
        self.assertEqual(
            [True, True, True, False],
            [record(mr.QUEUED, after).status in mr.LIVE_MIGRATION_IN_PROGRESS
             for after in (0, 2, 4, 8)])

    def test_only_active_or_paused_servers_migrate(self):
        for vm_state in (ss.ACTIVE, ss.PAUSED):
            state = ss.current_state(
                ss.StoredState(vm_state, None, None, T0, 'compute1'),
                DURATIONS, T0)
            ss.check_allowed(ss.LIVE_MIGRATE, 'id', state)
        for vm_state in (ss.STOPPED, ss.SUSPENDED, ss.RESCUED):
            state = ss.current_state(
                ss.StoredState(vm_state, None, None, T0, 'compute1'),
                DURATIONS, T0)
            error = self.assertRaises(exception.InstanceInvalidState,
                                      ss.check_allowed, ss.LIVE_MIGRATE,
                                      'id', state)
            self.assertEqual("Cannot 'os-migrateLive' instance id while it "
                             "is in vm_state %s" % vm_state, str(error))

    def test_force_complete_and_abort_need_the_migrating_task(self):
        paused = ss.current_state(migrating(ss.PAUSED), DURATIONS, T0)
        ss.check_allowed(ss.ABORT_LIVE_MIGRATION, 'id', paused)
        error = self.assertRaises(
            exception.InstanceInvalidState, ss.check_allowed,
            ss.FORCE_COMPLETE_LIVE_MIGRATION, 'id', paused)
        self.assertEqual("Cannot 'force_complete' instance id while it is "
                         "in vm_state paused", str(error))
        done = ss.current_state(migrating(), DURATIONS, T0 + seconds(8))
        for action in (ss.ABORT_LIVE_MIGRATION,
                       ss.FORCE_COMPLETE_LIVE_MIGRATION):
            self.assertRaises(exception.InstanceInvalidStateForAction,
                              ss.check_allowed, action, 'id', done)
