"""The states a soft delete leads to: SOFT_DELETED (powered off) once its
task ends, then DELETED once [DEFAULT] reclaim_instance_interval has
passed (never while it is 0); and the actions restore and forceDelete
allow."""

import datetime

import testtools

from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
SERVER_ID = '0a6f4d5e-6b0a-4c3e-9a55-3c1bb1f1d1a1'


def seconds(n):
    return datetime.timedelta(seconds=n)


def durations(reclaim_after):
    return {'soft_delete': 2.0, 'restore': 3.0,
            ss.RECLAIM_AFTER: reclaim_after}


def seen(stored, at, reclaim_after=60):
    state = ss.current_state(stored, durations(reclaim_after), T0 + at)
    return (state.status, state.vm_state, state.task_state,
            state.power_state)


SOFT_DELETING = ss.StoredState(ss.ACTIVE, ss.SOFT_DELETING, T0,
                               launched_at=T0, host='compute1')


class TestReclaim(testtools.TestCase):

    def test_soft_deleted_then_reclaimed(self):
        self.assertEqual(('ACTIVE', 'active', 'soft-deleting', ss.RUNNING),
                         seen(SOFT_DELETING, seconds(1)))
        self.assertEqual(('SOFT_DELETED', 'soft-delete', None, ss.SHUTDOWN),
                         seen(SOFT_DELETING, seconds(2)))
        self.assertEqual(('SOFT_DELETED', 'soft-delete', None, ss.SHUTDOWN),
                         seen(SOFT_DELETING, seconds(61)))
        self.assertEqual(('DELETED', 'deleted', None, ss.NOSTATE),
                         seen(SOFT_DELETING, seconds(62)))

    def test_never_reclaimed_while_the_interval_is_0(self):
        for reclaim_after in (0, -1):
            self.assertEqual(
                'SOFT_DELETED',
                seen(SOFT_DELETING, seconds(10 ** 7), reclaim_after)[0])

    def test_the_reclaim_is_a_stage_of_the_task(self):
        self.assertEqual(
            (ss.Stage(seconds(2), ss.SOFT_DELETED, None),
             ss.Stage(seconds(62), ss.DELETED, None)),
            ss.task_stages(ss.SOFT_DELETING, durations(60)))

    def test_restoring(self):
        restoring = ss.StoredState(ss.SOFT_DELETED, ss.RESTORING, T0,
                                   launched_at=T0, host='compute1')
        self.assertEqual(
            ('SOFT_DELETED', 'soft-delete', 'restoring', ss.SHUTDOWN),
            seen(restoring, seconds(1)))
        self.assertEqual(('ACTIVE', 'active', None, ss.RUNNING),
                         seen(restoring, seconds(3)))


class TestAllowed(testtools.TestCase):

    def state(self, vm_state, task_state=None):
        return ss.current_state(
            ss.StoredState(vm_state, task_state, T0 if task_state else None,
                           launched_at=T0, host='compute1'),
            durations(60), T0)

    def test_restore_only_a_soft_deleted_server(self):
        ss.check_allowed(ss.RESTORE, SERVER_ID, self.state(ss.SOFT_DELETED))
        error = self.assertRaises(exception.InstanceInvalidState,
                                  ss.check_allowed, ss.RESTORE, SERVER_ID,
                                  self.state(ss.ACTIVE))
        self.assertEqual("Cannot 'restore' instance %s while it is in "
                         "vm_state active" % SERVER_ID, str(error))

    def test_force_delete_any_state_but_a_task(self):
        for vm_state in (ss.ACTIVE, ss.STOPPED, ss.SOFT_DELETED, ss.ERROR):
            ss.check_allowed(ss.FORCE_DELETE, SERVER_ID,
                             self.state(vm_state))
        self.assertRaises(exception.InstanceInvalidState, ss.check_allowed,
                          ss.FORCE_DELETE, SERVER_ID,
                          self.state(ss.SOFT_DELETED, ss.RESTORING))

    def test_instance_actions(self):
        self.assertEqual(
            ('delete', 'compute_soft_delete_instance'),
            (ss.SOFT_DELETE.instance_action, ss.SOFT_DELETE.event))
        self.assertEqual(('restore', 'compute_restore_instance'),
                         (ss.RESTORE.instance_action, ss.RESTORE.event))
        self.assertEqual(
            ('delete', 'compute_terminate_instance'),
            (ss.FORCE_DELETE.instance_action, ss.FORCE_DELETE.event))
