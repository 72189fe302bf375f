"""The states of an evacuated server and of its migration record, from
the stored fields, the durations and the time."""

import datetime
import types

import testtools

from nova_api.compute import migration_records as mr
from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 12, 4, 4, 0, 0)
LAUNCHED = T0 - datetime.timedelta(days=1)
DURATIONS = {'evacuate': 4.0}


def seconds(n):
    return datetime.timedelta(seconds=n)


def evacuating(vm_state=ss.ACTIVE, task_state=ss.EVACUATING):
    return ss.StoredState(vm_state, task_state, T0, LAUNCHED, 'compute2')


def shown(stored, after, durations=DURATIONS):
    state = ss.current_state(stored, durations, T0 + seconds(after))
    return state.status, state.vm_state, state.task_state, state.power_state


def record(status, migration_type=mr.EVACUATION, after=0):
    row = types.SimpleNamespace(status=status, created_at=T0,
                                updated_at=None,
                                migration_type=migration_type)
    return mr.current(row, DURATIONS, T0 + seconds(after))


class EvacuateStatesTest(testtools.TestCase):

    def test_stages_of_an_active_server(self):
        self.assertEqual([
            ('REBUILD', 'active', 'rebuilding', ss.RUNNING),
            ('REBUILD', 'active', 'rebuilding', ss.RUNNING),
            ('REBUILD', 'active', 'rebuild_block_device_mapping',
             ss.RUNNING),
            ('REBUILD', 'active', 'rebuild_spawning', ss.RUNNING),
            ('ACTIVE', 'active', None, ss.RUNNING),
        ], [shown(evacuating(), after) for after in (0, 1, 1.4, 2.7, 4)])

    def test_a_stopped_server_is_spawned_then_powered_off(self):
        stored = evacuating(ss.STOPPED, ss.EVACUATING_TO_STOPPED)
        self.assertEqual([
            ('REBUILD', 'stopped', 'rebuilding', ss.SHUTDOWN),
            ('REBUILD', 'stopped', 'rebuild_block_device_mapping',
             ss.SHUTDOWN),
            ('REBUILD', 'stopped', 'rebuild_spawning', ss.SHUTDOWN),
            ('ACTIVE', 'active', 'powering-off', ss.RUNNING),
            ('SHUTOFF', 'stopped', None, ss.SHUTDOWN),
        ], [shown(stored, after) for after in (0, 1, 2, 3, 4)])

    def test_an_active_server_ending_stopped(self):
        stored = evacuating(ss.ACTIVE, ss.EVACUATING_TO_STOPPED)
        self.assertEqual(('SHUTOFF', 'stopped', None, ss.SHUTDOWN),
                         shown(stored, 4))

    def test_a_failed_server_ends_active(self):
        stored = evacuating(ss.ERROR)
        self.assertEqual(('REBUILD', 'error', 'rebuilding', ss.NOSTATE),
                         shown(stored, 0))
        self.assertEqual(('ACTIVE', 'active', None, ss.RUNNING),
                         shown(stored, 4))

    def test_launched_again_once_spawned(self):
        def launched(stored, after):
            return ss.current_state(stored, DURATIONS,
                                    T0 + seconds(after)).launched_at
        self.assertEqual(LAUNCHED, launched(evacuating(), 3.9))
        self.assertEqual(T0 + seconds(4), launched(evacuating(), 10))
        to_stopped = evacuating(ss.STOPPED, ss.EVACUATING_TO_STOPPED)
        self.assertEqual(LAUNCHED, launched(to_stopped, 2.9))
        self.assertEqual(T0 + seconds(3), launched(to_stopped, 3))
        self.assertEqual(T0 + seconds(3), launched(to_stopped, 10))

    def test_the_stored_task_state_is_never_shown(self):
        for task_state in (ss.EVACUATING, ss.EVACUATING_TO_STOPPED):
            for durations in (DURATIONS, {'evacuate': 0.0}):
                self.assertNotEqual(task_state, shown(
                    evacuating(task_state=task_state), 0, durations)[2])

    def test_allowed_states(self):
        for vm_state in (ss.ACTIVE, ss.STOPPED, ss.ERROR):
            state = ss.ServerState(vm_state, None, ss.NOSTATE, '', None,
                                   LAUNCHED, 'compute1')
            ss.check_allowed(ss.EVACUATE, 'id', state)
        for vm_state in (ss.PAUSED, ss.SUSPENDED, ss.RESCUED, ss.SHELVED,
                         ss.RESIZED):
            state = ss.ServerState(vm_state, None, ss.NOSTATE, '', None,
                                   LAUNCHED, 'compute1')
            self.assertRaises(exception.InstanceInvalidState,
                              ss.check_allowed, ss.EVACUATE, 'id', state)

    def test_no_lock_check(self):
        self.assertFalse(ss.EVACUATE.checks_lock)
        self.assertFalse(ss.EVACUATE_TO_STOPPED.checks_lock)
        self.assertEqual('evacuate', ss.EVACUATE_TO_STOPPED.instance_action)

    def test_record_follows_the_server(self):
        self.assertEqual(
            ['accepted', 'accepted', 'pre-migrating', 'pre-migrating',
             'done', 'done'],
            [record(mr.ACCEPTED, after=after).status
             for after in (0, 1.3, 1.4, 3.9, 4, 3600)])
        self.assertEqual(T0 + seconds(4),
                         record(mr.ACCEPTED, after=5).updated_at)

    def test_an_evacuation_in_error_stays(self):
        self.assertEqual('error', record(mr.ERROR, after=3600).status)

    def test_accepted_moves_on_only_for_evacuations(self):
        self.assertEqual('accepted', record(
            mr.ACCEPTED, mr.LIVE_MIGRATION, after=3600).status)
