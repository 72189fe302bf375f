"""The states of a resized server and of its migration record, from the
stored fields, the durations and the time."""

import datetime
import types

import testtools

from nova_api.compute import migration_records as mr
from nova_api.compute import server_states as ss

T0 = datetime.datetime(2026, 12, 4, 4, 0, 0)
DURATIONS = {'resize': 4.0, 'revert_resize': 2.0}
HOST = 'compute2'


def seconds(n):
    return datetime.timedelta(seconds=n)


def resizing(vm_state=ss.ACTIVE):
    return ss.StoredState(vm_state, ss.RESIZE_PREP, T0, T0, HOST)


def shown(stored, after, durations=DURATIONS):
    state = ss.current_state(stored, durations, T0 + seconds(after))
    return state.status, state.vm_state, state.task_state, state.power_state


def record(status, durations=DURATIONS, after=0):
    row = types.SimpleNamespace(status=status, created_at=T0,
                                updated_at=None)
    return mr.current(row, durations, T0 + seconds(after))


class ResizeStatesTest(testtools.TestCase):

    def test_resize_stages(self):
        self.assertEqual([
            ('RESIZE', 'active', 'resize_prep', ss.RUNNING),
            ('RESIZE', 'active', 'resize_migrating', ss.RUNNING),
            ('RESIZE', 'active', 'resize_migrated', ss.RUNNING),
            ('RESIZE', 'active', 'resize_finish', ss.RUNNING),
            ('VERIFY_RESIZE', 'resized', None, ss.RUNNING),
            ('VERIFY_RESIZE', 'resized', None, ss.RUNNING),
        ], [shown(resizing(), after) for after in (0, 1, 2, 3, 4, 3600)])

    def test_a_stopped_server_stays_powered_off(self):
        self.assertEqual(('VERIFY_RESIZE', 'resized', None, ss.SHUTDOWN),
                         shown(resizing(ss.STOPPED), 4))

    def test_auto_confirm(self):
        durations = dict(DURATIONS, **{ss.CONFIRM_AFTER: 60})
        self.assertEqual('VERIFY_RESIZE',
                         shown(resizing(), 63, durations)[0])
        self.assertEqual(('ACTIVE', 'active', None, ss.RUNNING),
                         shown(resizing(), 64, durations))
        self.assertEqual(('SHUTOFF', 'stopped', None, ss.SHUTDOWN),
                         shown(resizing(ss.STOPPED), 64, durations))

    def test_revert(self):
        stored = ss.StoredState(ss.ACTIVE, ss.RESIZE_REVERTING, T0, T0,
                                'compute1')
        self.assertEqual(
            ('REVERT_RESIZE', 'resized', 'resize_reverting', ss.RUNNING),
            shown(stored, 0))
        self.assertEqual(('ACTIVE', 'active', None, ss.RUNNING),
                         shown(stored, 2))

    def test_record_follows_the_server(self):
        self.assertEqual(
            ['pre-migrating', 'migrating', 'post-migrating',
             'post-migrating', 'finished', 'finished'],
            [record(mr.PRE_MIGRATING, after=after).status
             for after in (0, 1, 2, 3, 4, 3600)])
        self.assertIsNone(record(mr.PRE_MIGRATING).updated_at)
        self.assertEqual(T0 + seconds(4),
                         record(mr.PRE_MIGRATING, after=5).updated_at)

    def test_record_confirmed_by_itself(self):
        durations = dict(DURATIONS, **{ss.CONFIRM_AFTER: 60})
        self.assertEqual('finished', record(mr.PRE_MIGRATING, durations,
                                            63).status)
        self.assertEqual('confirmed', record(mr.PRE_MIGRATING, durations,
                                             64).status)

    def test_revert_record(self):
        self.assertEqual(['reverting', 'reverted'], [
            record(mr.REVERTING, after=after).status for after in (1, 2)])

    def test_final_statuses_stay(self):
        for status in (mr.CONFIRMED, mr.REVERTED, mr.ERROR):
            self.assertEqual(status, record(status, after=3600).status)
