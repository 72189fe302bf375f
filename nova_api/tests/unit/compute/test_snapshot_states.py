"""The states a snapshot (createImage) and a backup (createBackup) pass
through: the server keeps its vm_state while its task moves on in equal
shares of [simulated] snapshot_seconds, and the image's upload is the
last share; and the states Nova allows them from."""

import datetime

import testtools

from nova_api.compute import server_states as ss
from nova_api import exception

T0 = datetime.datetime(2026, 12, 4, 1, 0, 0)
SERVER_ID = '0a6f4d5e-6b0a-4c3e-9a55-3c1bb1f1d1a1'
DURATIONS = {'snapshot': 8.0}


def seconds(n):
    return datetime.timedelta(seconds=n)


def seen(task_state, vm_state, at):
    stored = ss.StoredState(vm_state, task_state, T0, launched_at=T0,
                            host='compute1')
    state = ss.current_state(stored, DURATIONS, T0 + seconds(at))
    return state.status, state.vm_state, state.task_state, state.power_state


class TestSnapshotStages(testtools.TestCase):

    def test_a_snapshot_of_an_active_server(self):
        for at, task_state in ((0, ss.IMAGE_SNAPSHOT_PENDING),
                               (1.9, ss.IMAGE_SNAPSHOT_PENDING),
                               (2, ss.IMAGE_SNAPSHOT),
                               (4, ss.IMAGE_PENDING_UPLOAD),
                               (6, ss.IMAGE_UPLOADING), (8, None)):
            self.assertEqual(('ACTIVE', ss.ACTIVE, task_state, ss.RUNNING),
                             seen(ss.IMAGE_SNAPSHOT_PENDING, ss.ACTIVE, at))

    def test_a_backup_of_a_stopped_server(self):
        for at, task_state in ((0, ss.IMAGE_BACKUP),
                               (8 / 3, ss.IMAGE_PENDING_UPLOAD),
                               (16 / 3, ss.IMAGE_UPLOADING), (8, None)):
            self.assertEqual(
                ('SHUTOFF', ss.STOPPED, task_state, ss.SHUTDOWN),
                seen(ss.IMAGE_BACKUP, ss.STOPPED, at))

    def test_the_upload_is_the_last_share(self):
        self.assertEqual((seconds(6), seconds(8)), ss.image_upload_share(
            ss.IMAGE_SNAPSHOT_PENDING, DURATIONS))
        self.assertEqual((seconds(16 / 3), seconds(8)), ss.image_upload_share(
            ss.IMAGE_BACKUP, DURATIONS))

    def test_zero_ends_at_once(self):
        state = ss.current_state(
            ss.StoredState(ss.PAUSED, ss.IMAGE_SNAPSHOT_PENDING, T0,
                           launched_at=T0), {'snapshot': 0}, T0)
        self.assertEqual(('PAUSED', ss.PAUSED, None, ss.POWER_PAUSED),
                         (state.status, state.vm_state, state.task_state,
                          state.power_state))

    def test_the_rules_keep_the_vm_state(self):
        stages = ss.task_rules(DURATIONS)[ss.IMAGE_BACKUP]
        self.assertEqual([ss.KEEP_VM_STATE] * 3,
                         [stage.vm_state for stage in stages])


class TestSnapshotActions(testtools.TestCase):

    def state(self, vm_state, task_state=None):
        return ss.current_state(
            ss.StoredState(vm_state, task_state, T0 if task_state else None,
                           launched_at=T0, host='compute1'),
            {'snapshot': 100.0, 'reboot': 100.0}, T0)

    def test_allowed_states(self):
        for action in (ss.CREATE_IMAGE, ss.CREATE_BACKUP):
            for vm_state in (ss.ACTIVE, ss.STOPPED, ss.PAUSED,
                             ss.SUSPENDED):
                ss.check_allowed(action, SERVER_ID, self.state(vm_state))
            for vm_state in (ss.ERROR, ss.SHELVED, ss.SHELVED_OFFLOADED):
                self.assertRaises(exception.InstanceInvalidState,
                                  ss.check_allowed, action, SERVER_ID,
                                  self.state(vm_state))
            self.assertRaises(exception.InstanceInvalidState,
                              ss.check_allowed, action, SERVER_ID,
                              self.state(ss.ACTIVE, ss.REBOOTING))

    def test_no_lock_check_and_their_events(self):
        self.assertFalse(ss.CREATE_IMAGE.checks_lock)
        self.assertFalse(ss.CREATE_BACKUP.checks_lock)
        self.assertTrue(ss.SOFT_REBOOT.checks_lock)
        self.assertEqual(('createImage', 'compute_snapshot_instance'),
                         (ss.CREATE_IMAGE.instance_action,
                          ss.CREATE_IMAGE.event))
        self.assertEqual(('createBackup', 'compute_backup_instance'),
                         (ss.CREATE_BACKUP.instance_action,
                          ss.CREATE_BACKUP.event))

    def test_a_hard_reboot_does_not_interrupt_a_snapshot(self):
        self.assertRaises(exception.InstanceInvalidState, ss.check_allowed,
                          ss.HARD_REBOOT, SERVER_ID,
                          self.state(ss.ACTIVE, ss.IMAGE_SNAPSHOT_PENDING))
