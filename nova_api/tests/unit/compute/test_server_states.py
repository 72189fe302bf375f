"""A simulated server's state from its stored fields, durations and the
time, and the actions Nova accepts from each state."""

import datetime

import testtools

from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 11, 23, 12, 0, 0)
DURATIONS = {'build': 3.0, 'reboot': 2.0, 'stop': 1.5, 'start': 2.5,
             'pause': 1.5, 'unpause': 1.5, 'suspend': 2.0, 'resume': 2.0}
SERVER_ID = '0a6f4d5e-6b0a-4c3e-9a55-3c1bb1f1d1a1'
HOST = 'compute1'


def seconds(n):
    return datetime.timedelta(seconds=n)


def building(host=HOST):
    return ss.StoredState(ss.BUILDING, ss.SPAWNING, T0, host=host)


def state_at(stored, at, durations=DURATIONS):
    return ss.current_state(stored, durations, at)


def active_server():
    """Built at T0, so launched at T0 + 3s and ACTIVE from then on."""
    return state_at(building(), T0 + seconds(10))


def run(action, current, now, durations=DURATIONS):
    """Start `action` at `now` and return the stored fields and the state
    once the task has had all the time it needs."""
    stored = ss.begin_action(action, SERVER_ID, current, now)
    return stored, state_at(stored, now + seconds(60), durations)


class TestBuild(testtools.TestCase):

    def test_building_until_the_duration_ends(self):
        state = state_at(building(), T0 + seconds(2.999999))
        self.assertEqual((ss.BUILDING, ss.SPAWNING, ss.NOSTATE, 'BUILD'),
                         (state.vm_state, state.task_state,
                          state.power_state, state.status))
        self.assertEqual(T0 + seconds(3), state.task_finishes_at)
        self.assertIsNone(state.launched_at)

    def test_active_exactly_at_the_duration(self):
        state = state_at(building(), T0 + seconds(3))
        self.assertEqual((ss.ACTIVE, None, ss.RUNNING, 'ACTIVE'),
                         (state.vm_state, state.task_state,
                          state.power_state, state.status))
        self.assertIsNone(state.task_finishes_at)
        self.assertEqual(T0 + seconds(3), state.launched_at)
        self.assertEqual(HOST, state.host)

    def test_launched_at_is_when_the_build_ended_not_when_asked(self):
        self.assertEqual(T0 + seconds(3),
                         state_at(building(), T0 + seconds(900)).launched_at)

    def test_zero_duration_is_active_at_once(self):
        state = state_at(building(), T0, dict(DURATIONS, build=0.0))
        self.assertEqual(('ACTIVE', ss.RUNNING, T0),
                         (state.status, state.power_state, state.launched_at))

    def test_before_the_start_is_still_building(self):
        # Clocks of API processes may differ a little.
        state = state_at(building(), T0 - seconds(1))
        self.assertEqual('BUILD', state.status)

    def test_no_valid_host_is_error(self):
        state = state_at(ss.StoredState(ss.ERROR), T0)
        self.assertEqual((ss.ERROR, None, ss.NOSTATE, 'ERROR', None, None),
                         (state.vm_state, state.task_state, state.power_state,
                          state.status, state.launched_at, state.host))

    def test_same_inputs_same_answer(self):
        stored = building()
        for at in (T0, T0 + seconds(2.5), T0 + seconds(3), T0 + seconds(7)):
            answers = {state_at(stored, at, dict(DURATIONS))
                       for _ in range(5)}
            self.assertEqual(1, len(answers))

    def test_task_without_start_time_is_refused(self):
        stored = ss.StoredState(ss.BUILDING, ss.SPAWNING, None)
        self.assertRaises(ValueError, state_at, stored, T0)

    def test_unknown_task_is_refused(self):
        stored = ss.StoredState(ss.ACTIVE, 'teleporting', T0)
        self.assertRaises(ValueError, state_at, stored, T0)


class TestStatus(testtools.TestCase):

    def test_every_state_the_module_produces(self):
        expected = {
            (ss.BUILDING, ss.SPAWNING): 'BUILD',
            (ss.BUILDING, ss.DELETING): 'BUILD',
            (ss.ACTIVE, None): 'ACTIVE',
            (ss.ACTIVE, ss.REBOOTING): 'REBOOT',
            (ss.ACTIVE, ss.REBOOTING_HARD): 'HARD_REBOOT',
            (ss.ACTIVE, ss.POWERING_OFF): 'ACTIVE',
            (ss.ACTIVE, ss.DELETING): 'ACTIVE',
            (ss.STOPPED, None): 'SHUTOFF',
            (ss.STOPPED, ss.POWERING_ON): 'SHUTOFF',
            (ss.STOPPED, ss.REBOOTING_HARD): 'SHUTOFF',
            (ss.STOPPED, ss.DELETING): 'SHUTOFF',
            (ss.ERROR, None): 'ERROR',
            (ss.ERROR, ss.REBOOTING_HARD): 'ERROR',
            (ss.ERROR, ss.POWERING_OFF): 'ERROR',
            (ss.ERROR, ss.DELETING): 'ERROR',
            (ss.DELETED, None): 'DELETED',
            (ss.ACTIVE, ss.PAUSING): 'ACTIVE',
            (ss.ACTIVE, ss.SUSPENDING): 'ACTIVE',
            (ss.PAUSED, None): 'PAUSED',
            (ss.PAUSED, ss.UNPAUSING): 'PAUSED',
            (ss.PAUSED, ss.REBOOTING_HARD): 'PAUSED',
            (ss.PAUSED, ss.DELETING): 'PAUSED',
            (ss.SUSPENDED, None): 'SUSPENDED',
            (ss.SUSPENDED, ss.RESUMING): 'SUSPENDED',
            (ss.SUSPENDED, ss.REBOOTING_HARD): 'SUSPENDED',
            (ss.SUSPENDED, ss.DELETING): 'SUSPENDED',
            (ss.RESCUED, None): 'RESCUE',
            (ss.SHELVED, None): 'SHELVED',
            (ss.SHELVED_OFFLOADED, None): 'SHELVED_OFFLOADED',
            (ss.SOFT_DELETED, None): 'SOFT_DELETED',
        }
        for (vm_state, task_state), status in expected.items():
            self.assertEqual(status, ss.status_of(vm_state, task_state),
                             (vm_state, task_state))
            if task_state is not None:
                stored = ss.StoredState(vm_state, task_state, T0,
                                        launched_at=T0, host=HOST)
                durations = dict(DURATIONS, delete=1.0)
                self.assertEqual(status,
                                 state_at(stored, T0, durations).status)

    def test_unknown_vm_state(self):
        self.assertEqual('UNKNOWN', ss.status_of('no-such-state', None))


class TestActions(testtools.TestCase):

    def test_soft_reboot(self):
        now = T0 + seconds(20)
        stored, done = run(ss.SOFT_REBOOT, active_server(), now)
        self.assertEqual(
            ss.StoredState(ss.ACTIVE, ss.REBOOTING, now,
                           launched_at=T0 + seconds(3), host=HOST),
            stored)
        during = state_at(stored, now + seconds(1.999))
        self.assertEqual(('REBOOT', ss.RUNNING, now + seconds(2)),
                         (during.status, during.power_state,
                          during.task_finishes_at))
        self.assertEqual(('ACTIVE', None, ss.RUNNING),
                         (done.status, done.task_state, done.power_state))
        self.assertEqual('ACTIVE', state_at(stored, now + seconds(2)).status)

    def test_hard_reboot_from_active(self):
        stored, done = run(ss.HARD_REBOOT, active_server(), T0 + seconds(20))
        self.assertEqual((ss.ACTIVE, ss.REBOOTING_HARD),
                         (stored.vm_state, stored.task_state))
        self.assertEqual('HARD_REBOOT', state_at(stored, T0 + seconds(21))
                         .status)
        self.assertEqual(('ACTIVE', ss.RUNNING),
                         (done.status, done.power_state))

    def test_hard_reboot_during_a_soft_one(self):
        now = T0 + seconds(20)
        soft = ss.begin_action(ss.SOFT_REBOOT, SERVER_ID, active_server(),
                               now)
        rebooting = state_at(soft, now + seconds(1))
        stored, done = run(ss.HARD_REBOOT, rebooting, now + seconds(1))
        self.assertEqual((ss.REBOOTING_HARD, now + seconds(1)),
                         (stored.task_state, stored.task_started_at))
        self.assertEqual('ACTIVE', done.status)

    def test_stop_then_start(self):
        now = T0 + seconds(20)
        stored, stopped = run(ss.STOP, active_server(), now)
        self.assertEqual((ss.ACTIVE, ss.POWERING_OFF),
                         (stored.vm_state, stored.task_state))
        during = state_at(stored, now + seconds(1))
        self.assertEqual(('ACTIVE', ss.POWERING_OFF, ss.RUNNING),
                         (during.status, during.task_state,
                          during.power_state))
        self.assertEqual((ss.STOPPED, None, ss.SHUTDOWN, 'SHUTOFF'),
                         (stopped.vm_state, stopped.task_state,
                          stopped.power_state, stopped.status))
        self.assertEqual(ss.STOPPED,
                         state_at(stored, now + seconds(1.5)).vm_state)

        later = now + seconds(100)
        stored, started = run(ss.START, stopped, later)
        self.assertEqual((ss.STOPPED, ss.POWERING_ON, later),
                         (stored.vm_state, stored.task_state,
                          stored.task_started_at))
        during = state_at(stored, later + seconds(2.4))
        self.assertEqual(('SHUTOFF', ss.SHUTDOWN),
                         (during.status, during.power_state))
        self.assertEqual(('ACTIVE', ss.RUNNING, T0 + seconds(3)),
                         (started.status, started.power_state,
                          started.launched_at))

    def test_hard_reboot_starts_a_stopped_server(self):
        stopped = run(ss.STOP, active_server(), T0 + seconds(20))[1]
        stored, done = run(ss.HARD_REBOOT, stopped, T0 + seconds(90))
        self.assertEqual('SHUTOFF', state_at(stored, T0 + seconds(91)).status)
        self.assertEqual(('ACTIVE', ss.RUNNING),
                         (done.status, done.power_state))

    def test_stop_and_hard_reboot_of_a_launched_error_server(self):
        error = state_at(ss.StoredState(ss.ERROR, launched_at=T0, host=HOST),
                         T0 + seconds(5))
        self.assertEqual('SHUTOFF', run(ss.STOP, error, T0)[1].status)
        self.assertEqual('ACTIVE', run(ss.HARD_REBOOT, error, T0)[1].status)

    def test_delete_from_any_state(self):
        stopped = run(ss.STOP, active_server(), T0 + seconds(20))[1]
        never_placed = state_at(ss.StoredState(ss.ERROR), T0)
        for current in (state_at(building(), T0), active_server(), stopped,
                        never_placed):
            stored, deleted = run(ss.DELETE, current, T0 + seconds(30))
            self.assertEqual((current.vm_state, ss.DELETING),
                             (stored.vm_state, stored.task_state))
            # Drivers tell no delete duration: deleted at once.
            self.assertEqual(
                (ss.DELETED, None, ss.NOSTATE, 'DELETED'),
                (deleted.vm_state, deleted.task_state, deleted.power_state,
                 deleted.status))
            self.assertEqual('DELETED',
                             state_at(stored, T0 + seconds(30)).status)

    def test_pause_then_unpause(self):
        now = T0 + seconds(20)
        stored, paused = run(ss.PAUSE, active_server(), now)
        self.assertEqual((ss.ACTIVE, ss.PAUSING),
                         (stored.vm_state, stored.task_state))
        during = state_at(stored, now + seconds(0.9))
        self.assertEqual(('ACTIVE', ss.PAUSING, ss.RUNNING),
                         (during.status, during.task_state,
                          during.power_state))
        self.assertEqual((ss.PAUSED, None, ss.POWER_PAUSED, 'PAUSED'),
                         (paused.vm_state, paused.task_state,
                          paused.power_state, paused.status))
        stored, unpaused = run(ss.UNPAUSE, paused, now + seconds(100))
        during = state_at(stored, now + seconds(100.5))
        self.assertEqual(('PAUSED', ss.UNPAUSING, ss.POWER_PAUSED),
                         (during.status, during.task_state,
                          during.power_state))
        self.assertEqual(('ACTIVE', ss.RUNNING, T0 + seconds(3)),
                         (unpaused.status, unpaused.power_state,
                          unpaused.launched_at))

    def test_suspend_then_resume(self):
        now = T0 + seconds(20)
        stored, suspended = run(ss.SUSPEND, active_server(), now)
        self.assertEqual((ss.ACTIVE, ss.SUSPENDING),
                         (stored.vm_state, stored.task_state))
        self.assertEqual(ss.SUSPENDING,
                         state_at(stored, now + seconds(1.9)).task_state)
        self.assertEqual((ss.SUSPENDED, None, ss.POWER_SUSPENDED,
                          'SUSPENDED'),
                         (suspended.vm_state, suspended.task_state,
                          suspended.power_state, suspended.status))
        stored, resumed = run(ss.RESUME, suspended, now + seconds(100))
        during = state_at(stored, now + seconds(101))
        self.assertEqual(('SUSPENDED', ss.RESUMING, ss.POWER_SUSPENDED),
                         (during.status, during.task_state,
                          during.power_state))
        self.assertEqual(('ACTIVE', ss.RUNNING),
                         (resumed.status, resumed.power_state))

    def test_hard_reboot_of_paused_and_suspended_servers(self):
        now = T0 + seconds(20)
        paused = run(ss.PAUSE, active_server(), now)[1]
        suspended = run(ss.SUSPEND, active_server(), now)[1]
        for current, status in ((paused, 'PAUSED'),
                                (suspended, 'SUSPENDED')):
            stored, done = run(ss.HARD_REBOOT, current, now + seconds(90))
            self.assertEqual(status,
                             state_at(stored, now + seconds(91)).status)
            self.assertEqual(('ACTIVE', ss.RUNNING),
                             (done.status, done.power_state))

    def test_hard_reboot_during_the_pause_and_suspend_tasks(self):
        now = T0 + seconds(20)
        paused = run(ss.PAUSE, active_server(), now)[1]
        suspended = run(ss.SUSPEND, active_server(), now)[1]
        for action, current in ((ss.PAUSE, active_server()),
                                (ss.UNPAUSE, paused),
                                (ss.SUSPEND, active_server()),
                                (ss.RESUME, suspended)):
            stored = ss.begin_action(action, SERVER_ID, current,
                                     now + seconds(100))
            during = state_at(stored, now + seconds(100.5))
            rebooting = ss.begin_action(ss.HARD_REBOOT, SERVER_ID, during,
                                        now + seconds(100.5))
            self.assertEqual(ss.REBOOTING_HARD, rebooting.task_state)

    def test_delete_with_a_duration(self):
        durations = dict(DURATIONS, delete=4.0)
        stored = ss.begin_action(ss.DELETE, SERVER_ID, active_server(), T0)
        during = state_at(stored, T0 + seconds(3), durations)
        self.assertEqual(('ACTIVE', ss.DELETING, ss.RUNNING),
                         (during.status, during.task_state,
                          during.power_state))
        self.assertEqual('DELETED',
                         state_at(stored, T0 + seconds(4), durations).status)

    def test_delete_while_deleting(self):
        durations = dict(DURATIONS, delete=4.0)
        stored = ss.begin_action(ss.DELETE, SERVER_ID, active_server(), T0)
        deleting = state_at(stored, T0 + seconds(1), durations)
        again = ss.begin_action(ss.DELETE, SERVER_ID, deleting,
                                T0 + seconds(1))
        self.assertEqual(ss.DELETING, again.task_state)

    def test_zero_durations(self):
        durations = dict.fromkeys(DURATIONS, 0.0)
        stored = ss.begin_action(ss.STOP, SERVER_ID, active_server(), T0)
        self.assertEqual('SHUTOFF', state_at(stored, T0, durations).status)

    def test_missing_duration_is_zero(self):
        stored = ss.begin_action(ss.STOP, SERVER_ID, active_server(), T0)
        self.assertEqual('SHUTOFF', state_at(stored, T0, {}).status)

    def test_begin_action_is_deterministic(self):
        now = T0 + seconds(20)
        answers = {ss.begin_action(ss.STOP, SERVER_ID, active_server(), now)
                   for _ in range(5)}
        self.assertEqual(1, len(answers))


class TestRefusals(testtools.TestCase):

    def assertRefused(self, action, current, message,
                      error=exception.InstanceInvalidState):
        exc = self.assertRaises(error, ss.begin_action, action, SERVER_ID,
                                current, T0 + seconds(30))
        self.assertEqual(409, exc.code)
        self.assertEqual(message, exc.format_message())

    def cannot(self, action, attr, state):
        return ("Cannot '%s' instance %s while it is in %s %s"
                % (action, SERVER_ID, attr, state))

    def stopped(self):
        return run(ss.STOP, active_server(), T0 + seconds(20))[1]

    def in_task(self, action, current, now=T0 + seconds(20)):
        return state_at(ss.begin_action(action, SERVER_ID, current, now),
                        now + seconds(1))

    def test_soft_reboot(self):
        self.assertRefused(ss.SOFT_REBOOT, self.stopped(),
                           self.cannot('reboot', 'vm_state', 'stopped'))
        self.assertRefused(ss.SOFT_REBOOT, state_at(building(), T0),
                           self.cannot('reboot', 'vm_state', 'building'))
        rebooting = self.in_task(ss.SOFT_REBOOT, active_server())
        self.assertRefused(ss.SOFT_REBOOT, rebooting,
                           self.cannot('reboot', 'task_state', 'rebooting'))
        hard = self.in_task(ss.HARD_REBOOT, active_server())
        self.assertRefused(ss.SOFT_REBOOT, hard,
                           self.cannot('reboot', 'task_state',
                                       'rebooting_hard'))

    def test_hard_reboot(self):
        self.assertRefused(ss.HARD_REBOOT, state_at(building(), T0),
                           self.cannot('reboot', 'vm_state', 'building'))
        stopping = self.in_task(ss.STOP, active_server())
        self.assertRefused(ss.HARD_REBOOT, stopping,
                           self.cannot('reboot', 'task_state',
                                       'powering-off'))
        never_placed = state_at(ss.StoredState(ss.ERROR), T0)
        self.assertRefused(
            ss.HARD_REBOOT, never_placed,
            "Instance %s is in an invalid state for 'reboot'" % SERVER_ID,
            error=exception.InstanceInvalidStateForAction)

    def test_stop(self):
        self.assertRefused(ss.STOP, self.stopped(),
                           self.cannot('stop', 'vm_state', 'stopped'))
        self.assertRefused(ss.STOP, state_at(building(), T0),
                           self.cannot('stop', 'vm_state', 'building'))
        rebooting = self.in_task(ss.SOFT_REBOOT, active_server())
        self.assertRefused(ss.STOP, rebooting,
                           self.cannot('stop', 'task_state', 'rebooting'))
        stopping = self.in_task(ss.STOP, active_server())
        self.assertRefused(ss.STOP, stopping,
                           self.cannot('stop', 'task_state', 'powering-off'))

    def test_start(self):
        self.assertRefused(ss.START, active_server(),
                           self.cannot('start', 'vm_state', 'active'))
        starting = self.in_task(ss.START, self.stopped(), T0 + seconds(50))
        self.assertRefused(ss.START, starting,
                           self.cannot('start', 'task_state', 'powering-on'))

    def paused(self):
        return run(ss.PAUSE, active_server(), T0 + seconds(20))[1]

    def suspended(self):
        return run(ss.SUSPEND, active_server(), T0 + seconds(20))[1]

    def test_pause_and_suspend_only_an_active_server(self):
        for action in (ss.PAUSE, ss.SUSPEND):
            name = action.name
            for current, vm_state in ((self.stopped(), 'stopped'),
                                      (state_at(building(), T0), 'building'),
                                      (self.paused(), 'paused'),
                                      (self.suspended(), 'suspended')):
                self.assertRefused(action, current,
                                   self.cannot(name, 'vm_state', vm_state))
            for task, task_state in ((ss.SOFT_REBOOT, 'rebooting'),
                                     (ss.PAUSE, 'pausing'),
                                     (ss.SUSPEND, 'suspending'),
                                     (ss.STOP, 'powering-off')):
                self.assertRefused(action,
                                   self.in_task(task, active_server()),
                                   self.cannot(name, 'task_state',
                                               task_state))

    def test_unpause_and_resume_only_their_state(self):
        for action, current, vm_state in (
                (ss.UNPAUSE, self.suspended(), 'suspended'),
                (ss.RESUME, self.paused(), 'paused')):
            for refused_in, state in ((active_server(), 'active'),
                                      (self.stopped(), 'stopped'),
                                      (current, vm_state)):
                self.assertRefused(action, refused_in,
                                   self.cannot(action.name, 'vm_state',
                                               state))
        unpausing = self.in_task(ss.UNPAUSE, self.paused(), T0 + seconds(50))
        self.assertRefused(ss.UNPAUSE, unpausing,
                           self.cannot('unpause', 'task_state', 'unpausing'))
        resuming = self.in_task(ss.RESUME, self.suspended(),
                                T0 + seconds(50))
        self.assertRefused(ss.RESUME, resuming,
                           self.cannot('resume', 'task_state', 'resuming'))

    def test_paused_and_suspended_servers_refuse_the_other_actions(self):
        for current, vm_state in ((self.paused(), 'paused'),
                                  (self.suspended(), 'suspended')):
            for action in (ss.SOFT_REBOOT, ss.STOP, ss.START):
                self.assertRefused(action, current,
                                   self.cannot(action.name, 'vm_state',
                                               vm_state))

    def test_stop_and_start_need_a_host(self):
        never_placed = state_at(ss.StoredState(ss.ERROR), T0)
        not_ready = 'Instance %s is not ready' % SERVER_ID
        for action in (ss.STOP, ss.START):
            self.assertRefused(action, never_placed, not_ready,
                               error=exception.InstanceNotReady)

    def test_a_finished_task_no_longer_refuses(self):
        now = T0 + seconds(20)
        stored = ss.begin_action(ss.SOFT_REBOOT, SERVER_ID, active_server(),
                                 now)
        self.assertRaises(exception.InstanceInvalidState, ss.begin_action,
                          ss.STOP, SERVER_ID,
                          state_at(stored, now + seconds(1.9)), now)
        after = state_at(stored, now + seconds(2))
        self.assertEqual(ss.POWERING_OFF,
                         ss.begin_action(ss.STOP, SERVER_ID, after,
                                         now + seconds(2)).task_state)
