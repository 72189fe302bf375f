"""The states a shelve leads to: SHELVED, then, after [DEFAULT]
shelved_offload_time, shelving_offloading and SHELVED_OFFLOADED with no
host; and the actions shelve, shelveOffload and unshelve allow."""

import datetime

import testtools

from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
SERVER_ID = '0a6f4d5e-6b0a-4c3e-9a55-3c1bb1f1d1a1'


def seconds(n):
    return datetime.timedelta(seconds=n)


def durations(offload_after):
    return {'shelve': 3.0, 'shelve_offload': 2.0, 'unshelve': 4.0,
            ss.OFFLOAD_AFTER: offload_after}


def shelving(vm_state=ss.ACTIVE):
    return ss.StoredState(vm_state, ss.SHELVING, T0, launched_at=T0,
                          host='compute1')


def seen(stored, at, offload_after):
    state = ss.current_state(stored, durations(offload_after), T0 + at)
    return (state.status, state.vm_state, state.task_state,
            state.power_state, state.host)


class TestOffloadTimer(testtools.TestCase):

    def test_offloaded_once_the_offload_time_has_passed(self):
        server = shelving()
        self.assertEqual(('ACTIVE', 'active', 'shelving', ss.RUNNING,
                          'compute1'), seen(server, seconds(2.9), 60))
        self.assertEqual(('SHELVED', 'shelved', None, ss.SHUTDOWN,
                          'compute1'), seen(server, seconds(3), 60))
        self.assertEqual(('SHELVED', 'shelved', 'shelving_offloading',
                          ss.SHUTDOWN, 'compute1'),
                         seen(server, seconds(63), 60))
        self.assertEqual(('SHELVED_OFFLOADED', 'shelved_offloaded', None,
                          ss.SHUTDOWN, None), seen(server, seconds(65), 60))

    def test_zero_offloads_at_once(self):
        self.assertEqual('shelving_offloading',
                         seen(shelving(), seconds(3), 0)[2])
        self.assertEqual('SHELVED_OFFLOADED',
                         seen(shelving(), seconds(5), 0)[0])

    def test_negative_never_offloads(self):
        self.assertEqual(('SHELVED', 'shelved', None, ss.SHUTDOWN,
                          'compute1'), seen(shelving(), seconds(10 ** 8), -1))

    def test_without_the_setting_never_offloads(self):
        state = ss.current_state(shelving(), {'shelve': 0}, T0 + seconds(99))
        self.assertEqual(ss.SHELVED, state.vm_state)

    def test_changed_at_is_the_last_stage_reached(self):
        for at, changed in ((2, None), (3, 3), (62, 3), (63, 63), (99, 65)):
            self.assertEqual(
                None if changed is None else T0 + seconds(changed),
                ss.changed_at(shelving(), durations(60), T0 + seconds(at)))

    def test_the_rules_as_data(self):
        stages = ss.task_rules(durations(60))[ss.SHELVING]
        self.assertEqual(
            [(seconds(3), ss.SHELVED, None),
             (seconds(63), ss.SHELVED, ss.SHELVING_OFFLOADING),
             (seconds(65), ss.SHELVED_OFFLOADED, None)],
            [tuple(stage) for stage in stages])
        self.assertEqual([(seconds(4), ss.ACTIVE, None)],
                         [tuple(stage) for stage in ss.task_rules(
                             durations(60))[ss.UNSHELVING]])


class TestShelveActions(testtools.TestCase):

    def current(self, stored, offload_after=-1):
        return ss.current_state(stored, durations(offload_after),
                                T0 + seconds(100))

    def test_shelve_from_active_and_stopped(self):
        for vm_state in (ss.ACTIVE, ss.STOPPED):
            current = self.current(ss.StoredState(vm_state, launched_at=T0,
                                                  host='compute1'))
            stored = ss.begin_action(ss.SHELVE, SERVER_ID, current, T0)
            self.assertEqual((vm_state, ss.SHELVING),
                             (stored.vm_state, stored.task_state))

    def test_shelve_offload_only_when_shelved(self):
        shelved = self.current(shelving())
        stored = ss.begin_action(ss.SHELVE_OFFLOAD, SERVER_ID, shelved, T0)
        self.assertEqual(ss.SHELVING_OFFLOADING, stored.task_state)
        offloaded = self.current(shelving(), offload_after=0)
        error = self.assertRaises(
            exception.InstanceInvalidState, ss.begin_action,
            ss.SHELVE_OFFLOAD, SERVER_ID, offloaded, T0)
        self.assertIn('vm_state shelved_offloaded', str(error))

    def test_unshelve_of_an_offloaded_server(self):
        offloaded = self.current(shelving(), offload_after=0)
        stored = ss.begin_action(ss.UNSHELVE, SERVER_ID, offloaded, T0)
        self.assertEqual((ss.SHELVED_OFFLOADED, ss.UNSHELVING),
                         (stored.vm_state, stored.task_state))
        # While unshelving it holds the host it is placed on.
        placed = stored.__class__(**dict(stored.__dict__, host='compute2'))
        state = ss.current_state(placed, durations(0), T0 + seconds(1))
        self.assertEqual(('SHELVED_OFFLOADED', 'compute2'),
                         (state.status, state.host))
        state = ss.current_state(placed, durations(0), T0 + seconds(4))
        self.assertEqual(('ACTIVE', ss.RUNNING, 'compute2'),
                         (state.status, state.power_state, state.host))

    def test_unshelve_refuses_an_active_server(self):
        active = self.current(ss.StoredState(ss.ACTIVE, launched_at=T0))
        self.assertRaises(exception.InstanceInvalidState, ss.begin_action,
                          ss.UNSHELVE, SERVER_ID, active, T0)
