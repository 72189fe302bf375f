"""The state of a simulated server, as a pure function of what is stored.

A server row stores the vm_state it was in when its last task started, that
task (if any), when it started, when the server was first launched and the
host it was placed on. Whether the task has finished is decided here from
the task's configured duration and the time of the question, so every API
process reading the same row answers the same, with no background thread
moving servers along (DESIGN.md).

Names and numbers are Nova's: vm_state and task_state strings, power_state
integers and the API status derived from (vm_state, task_state).
"""

import dataclasses
import datetime
import functools
import typing
from collections.abc import Mapping

from nova_api import exception

# vm_states
BUILDING = 'building'
ACTIVE = 'active'
STOPPED = 'stopped'
ERROR = 'error'
DELETED = 'deleted'
PAUSED = 'paused'
SUSPENDED = 'suspended'
RESCUED = 'rescued'
SHELVED = 'shelved'
SHELVED_OFFLOADED = 'shelved_offloaded'
SOFT_DELETED = 'soft-delete'
# A resized or cold-migrated server on its new host, waiting for a
# confirmResize or a revertResize (VERIFY_RESIZE).
RESIZED = 'resized'

# task_states
SPAWNING = 'spawning'
REBOOTING = 'rebooting'
REBOOTING_HARD = 'rebooting_hard'
POWERING_OFF = 'powering-off'
POWERING_ON = 'powering-on'
DELETING = 'deleting'
PAUSING = 'pausing'
UNPAUSING = 'unpausing'
SUSPENDING = 'suspending'
RESUMING = 'resuming'
# Nova's shelve passes through shelving_image_pending_upload and
# shelving_image_uploading too; no snapshot is made here (yet), so the
# simulation shows only 'shelving'.
SHELVING = 'shelving'
SHELVING_OFFLOADING = 'shelving_offloading'
UNSHELVING = 'unshelving'
RESCUING = 'rescuing'
UNRESCUING = 'unrescuing'
UPDATING_PASSWORD = 'updating_password'
# Nova's rebuild also passes through rebuild_block_device_mapping and
# rebuild_spawning; the simulation shows 'rebuilding' throughout.
REBUILDING = 'rebuilding'
# A snapshot (createImage) is stored as image_snapshot_pending, as Nova's
# API stores it; the compute service then moves it through the next
# three. A backup (createBackup) starts as image_backup and passes
# through the last two.
IMAGE_SNAPSHOT_PENDING = 'image_snapshot_pending'
IMAGE_SNAPSHOT = 'image_snapshot'
IMAGE_BACKUP = 'image_backup'
IMAGE_PENDING_UPLOAD = 'image_pending_upload'
IMAGE_UPLOADING = 'image_uploading'
SOFT_DELETING = 'soft-deleting'
RESTORING = 'restoring'
# A resize or cold migration stores resize_prep; the server then shows
# the next three, each for an equal share of the task's duration (Nova's
# conductor and the two computes move it through them).
RESIZE_PREP = 'resize_prep'
RESIZE_MIGRATING = 'resize_migrating'
RESIZE_MIGRATED = 'resize_migrated'
RESIZE_FINISH = 'resize_finish'
RESIZE_REVERTING = 'resize_reverting'
# An evacuation rebuilds the server on another host: it shows
# rebuilding, rebuild_block_device_mapping, then rebuild_spawning (and
# powering-off before it ends stopped), as Nova's conductor and the
# destination compute move it through them. What is stored is one of
# two internal names (never shown: a stage at the start replaces it),
# telling the vm_state the evacuation ends in.
REBUILD_BLOCK_DEVICE_MAPPING = 'rebuild_block_device_mapping'
REBUILD_SPAWNING = 'rebuild_spawning'
EVACUATING = 'evacuating'
EVACUATING_TO_STOPPED = 'evacuating_to_stopped'
# A live migration (os-migrateLive): the server keeps its vm_state
# (active or paused) and runs on while it moves.
MIGRATING = 'migrating'

# power_states (Nova's PAUSED and SUSPENDED take a prefix here: the
# vm_states have those names)
NOSTATE = 0
RUNNING = 1
POWER_PAUSED = 3
SHUTDOWN = 4
CRASHED = 6
POWER_SUSPENDED = 7

# The status Nova shows for a vm_state, and where a task in progress
# changes it; a pair missing here shows the vm_state's default.
_STATUS_BY_VM_STATE = {
    BUILDING: 'BUILD',
    ACTIVE: 'ACTIVE',
    STOPPED: 'SHUTOFF',
    ERROR: 'ERROR',
    DELETED: 'DELETED',
    PAUSED: 'PAUSED',
    SUSPENDED: 'SUSPENDED',
    RESCUED: 'RESCUE',
    SHELVED: 'SHELVED',
    SHELVED_OFFLOADED: 'SHELVED_OFFLOADED',
    SOFT_DELETED: 'SOFT_DELETED',
    RESIZED: 'VERIFY_RESIZE',
}
_STATUS_BY_VM_AND_TASK_STATE = {
    (ACTIVE, REBOOTING): 'REBOOT',
    (ACTIVE, REBOOTING_HARD): 'HARD_REBOOT',
    (ACTIVE, REBUILDING): 'REBUILD',
    (STOPPED, REBUILDING): 'REBUILD',
    **{(vm_state, task_state): 'REBUILD'
       for vm_state in (ACTIVE, STOPPED, ERROR)
       for task_state in (REBUILDING, REBUILD_BLOCK_DEVICE_MAPPING,
                          REBUILD_SPAWNING)},
    (ACTIVE, UPDATING_PASSWORD): 'PASSWORD',
    (RESIZED, RESIZE_REVERTING): 'REVERT_RESIZE',
    (ACTIVE, MIGRATING): 'MIGRATING',
    (PAUSED, MIGRATING): 'MIGRATING',
    **{(vm_state, task_state): 'RESIZE'
       for vm_state in (ACTIVE, STOPPED)
       for task_state in (RESIZE_PREP, RESIZE_MIGRATING, RESIZE_MIGRATED,
                          RESIZE_FINISH)},
}

# A server's power_state when no task changes it.
_POWER_STATE_BY_VM_STATE = {
    BUILDING: NOSTATE,
    ACTIVE: RUNNING,
    STOPPED: SHUTDOWN,
    # The simulation's only failure is finding no host: nothing ever ran.
    ERROR: NOSTATE,
    DELETED: NOSTATE,
    PAUSED: POWER_PAUSED,
    SUSPENDED: POWER_SUSPENDED,
    # Nova powers a server off to shelve it, and keeps that power_state
    # when it offloads it.
    SHELVED: SHUTDOWN,
    SHELVED_OFFLOADED: SHUTDOWN,
    # The rescue image's guest runs.
    RESCUED: RUNNING,
    # Nova's soft delete powers the server off and leaves it on its host.
    SOFT_DELETED: SHUTDOWN,
    # A resized server runs on its new host, unless it was stopped
    # (current_state shows the power_state of the vm_state it came from).
    RESIZED: RUNNING,
}

# The states in which a server holds no host (nor capacity on one): a
# shelved server once offloaded, until an unshelve places it again.
HOSTLESS_STATES = ((SHELVED_OFFLOADED, None),)

# The key of the durations mapping (backend.task_durations) that holds
# [DEFAULT] shelved_offload_time: seconds a shelved server stays on its
# host before it is offloaded; negative: never.
OFFLOAD_AFTER = 'shelved_offload_time'
# The key that holds [DEFAULT] resize_confirm_window: seconds a resized
# server waits in VERIFY_RESIZE before it is confirmed by itself; 0 or
# less: never.
CONFIRM_AFTER = 'resize_confirm_window'
# The key that holds [DEFAULT] reclaim_instance_interval: seconds a
# soft-deleted server waits before it is deleted for good (reclaimed);
# 0 or less: never (Nova's soft delete is off then, so only a server
# soft-deleted while it was on stays SOFT_DELETED).
RECLAIM_AFTER = 'reclaim_instance_interval'
# The state a server is in once reclaimed: deleted, though its row is
# not marked so (DELETED_STATES count as deleted wherever the deleted
# column does).
DELETED_STATES = ((DELETED, None),)


# A task outcome's or a stage's vm_state when the task leaves the
# server in the vm_state it had (a snapshot).
KEEP_VM_STATE = None


@dataclasses.dataclass(frozen=True)
class _TaskOutcome:
    vm_state: str | None
    driver_task: str


# What each task leads to: the vm_state it ends in and the driver task
# (driver.TASKS) whose duration it takes.
TASK_OUTCOMES = {
    SPAWNING: _TaskOutcome(ACTIVE, 'build'),
    REBOOTING: _TaskOutcome(ACTIVE, 'reboot'),
    REBOOTING_HARD: _TaskOutcome(ACTIVE, 'reboot'),
    POWERING_OFF: _TaskOutcome(STOPPED, 'stop'),
    POWERING_ON: _TaskOutcome(ACTIVE, 'start'),
    # Drivers tell no delete duration: without one a delete is immediate.
    DELETING: _TaskOutcome(DELETED, 'delete'),
    PAUSING: _TaskOutcome(PAUSED, 'pause'),
    UNPAUSING: _TaskOutcome(ACTIVE, 'unpause'),
    SUSPENDING: _TaskOutcome(SUSPENDED, 'suspend'),
    RESUMING: _TaskOutcome(ACTIVE, 'resume'),
    SHELVING: _TaskOutcome(SHELVED, 'shelve'),
    SHELVING_OFFLOADING: _TaskOutcome(SHELVED_OFFLOADED, 'shelve_offload'),
    UNSHELVING: _TaskOutcome(ACTIVE, 'unshelve'),
    RESCUING: _TaskOutcome(RESCUED, 'rescue'),
    UNRESCUING: _TaskOutcome(ACTIVE, 'unrescue'),
    UPDATING_PASSWORD: _TaskOutcome(ACTIVE, 'change_password'),
    # A stopped server is stopped again once rebuilt, an active one
    # active (a failed one is rebuilt from ACTIVE: REBUILD below).
    REBUILDING: _TaskOutcome(KEEP_VM_STATE, 'rebuild'),
    IMAGE_SNAPSHOT_PENDING: _TaskOutcome(KEEP_VM_STATE, 'snapshot'),
    IMAGE_BACKUP: _TaskOutcome(KEEP_VM_STATE, 'snapshot'),
    SOFT_DELETING: _TaskOutcome(SOFT_DELETED, 'soft_delete'),
    RESTORING: _TaskOutcome(ACTIVE, 'restore'),
    # A cold migration is a resize to the same flavor.
    RESIZE_PREP: _TaskOutcome(RESIZED, 'resize'),
    # Back on the source host in the vm_state the resize started from
    # (a stopped server stays stopped, as in Nova).
    RESIZE_REVERTING: _TaskOutcome(KEEP_VM_STATE, 'revert_resize'),
    # A failed server is evacuated to an active one, as in Nova.
    EVACUATING: _TaskOutcome(ACTIVE, 'evacuate'),
    EVACUATING_TO_STOPPED: _TaskOutcome(STOPPED, 'evacuate'),
    # Active or paused again, on the new host.
    MIGRATING: _TaskOutcome(KEEP_VM_STATE, 'live_migration'),
}

# The task states a snapshot task shows after the stored one, each for
# an equal share of the task's duration; the image being made is
# uploaded (saving) during the last share (image_upload_share).
_SNAPSHOT_STEPS = {
    IMAGE_SNAPSHOT_PENDING: (IMAGE_SNAPSHOT, IMAGE_PENDING_UPLOAD,
                             IMAGE_UPLOADING),
    IMAGE_BACKUP: (IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING),
}
# Every task state a server shows while a snapshot or backup is made: the
# status stays the vm_state's (an ACTIVE server is ACTIVE).
_RESIZE_STEPS = {
    RESIZE_PREP: (RESIZE_MIGRATING, RESIZE_MIGRATED, RESIZE_FINISH),
}
# (vm_state, task_state) an evacuation shows from its start, each for an
# equal share of its duration; one that ends stopped is spawned active
# and powered off, as Nova's destination compute does.
_EVACUATION_STEPS = {
    EVACUATING: ((KEEP_VM_STATE, REBUILDING),
                 (KEEP_VM_STATE, REBUILD_BLOCK_DEVICE_MAPPING),
                 (KEEP_VM_STATE, REBUILD_SPAWNING)),
    EVACUATING_TO_STOPPED: ((KEEP_VM_STATE, REBUILDING),
                            (KEEP_VM_STATE, REBUILD_BLOCK_DEVICE_MAPPING),
                            (KEEP_VM_STATE, REBUILD_SPAWNING),
                            (ACTIVE, POWERING_OFF)),
}
SNAPSHOT_TASK_STATES = (IMAGE_SNAPSHOT_PENDING, IMAGE_SNAPSHOT, IMAGE_BACKUP,
                        IMAGE_PENDING_UPLOAD, IMAGE_UPLOADING)


@dataclasses.dataclass(frozen=True)
class StoredState:
    """What the database keeps about a server's state. Datetimes are
    timezone-naive UTC, as stored. The functions taking one accept a
    server row too: it has these fields."""

    vm_state: str
    task_state: str | None = None
    task_started_at: datetime.datetime | None = None
    launched_at: datetime.datetime | None = None
    # None when the scheduler found no host.
    host: str | None = None


# A named tuple: a list builds one for each server of a page, and a frozen
# dataclass takes twice as long to build.
class ServerState(typing.NamedTuple):
    """A server's state at one moment, as the API shows it."""

    vm_state: str
    task_state: str | None
    power_state: int
    status: str
    # When the task in progress ends; None when there is none.
    task_finishes_at: datetime.datetime | None
    launched_at: datetime.datetime | None
    host: str | None


def vm_states_with_power_state(matches):
    """The vm_states whose power_state (as a string) `matches` says yes
    to: a filter on power_state is one on the vm_states that give it."""
    return sorted(vm_state for vm_state, power_state
                  in _POWER_STATE_BY_VM_STATE.items()
                  if matches(str(power_state)))


def status_of(vm_state, task_state):
    """The API status Nova shows for a vm_state and task_state."""
    return _STATUS_BY_VM_AND_TASK_STATE.get(
        (vm_state, task_state),
        _STATUS_BY_VM_STATE.get(vm_state, 'UNKNOWN'))


def task_duration(task_state, durations: Mapping[str, float]):
    """How long `task_state` takes, as a timedelta, with the driver's
    `durations` ({driver task: seconds})."""
    seconds = durations.get(TASK_OUTCOMES[task_state].driver_task, 0.0)
    return datetime.timedelta(seconds=seconds)


class Stage(typing.NamedTuple):
    """A state a stored task leads to, from `after` its start on; a
    vm_state of KEEP_VM_STATE is the stored one."""

    after: datetime.timedelta
    vm_state: str | None
    task_state: str | None


def image_upload_share(task_state, durations: Mapping[str, float]):
    """(when the upload of a snapshot task's image starts, when it
    ends), as timedeltas from the task's start: the image is queued
    before, saving during, active after."""
    ends = task_duration(task_state, durations)
    steps = len(_SNAPSHOT_STEPS[task_state])
    return ends * steps / (steps + 1), ends


def task_stages(task_state, durations: Mapping[str, float]):
    """The Stages a stored `task_state` goes through, in order: the task
    ends in its vm_state; a shelve then waits [DEFAULT]
    shelved_offload_time (never, if negative) and offloads the server, as
    Nova's shelve (offload time 0) or its periodic task (later) does; a
    soft delete waits [DEFAULT] reclaim_instance_interval (never, if not
    positive) and the server is deleted, as Nova's periodic reclaim does
    (here exactly then); a resize waits [DEFAULT] resize_confirm_window
    (never, if not positive) in VERIFY_RESIZE and is confirmed."""
    ends = task_duration(task_state, durations)
    steps = (_SNAPSHOT_STEPS.get(task_state, ()) +
             _RESIZE_STEPS.get(task_state, ()))
    stages = ()
    if task_state == RESIZE_REVERTING:
        # The revert is stored over the vm_state it returns to; until it
        # ends, the server shows resized.
        stages = (Stage(datetime.timedelta(), RESIZED, RESIZE_REVERTING),)
    evacuation = _EVACUATION_STEPS.get(task_state, ())
    stages += tuple(
        Stage(ends * number / len(evacuation), vm_state, step)
        for number, (vm_state, step) in enumerate(evacuation))
    stages += tuple(
        Stage(ends * number / (len(steps) + 1), KEEP_VM_STATE, step)
        for number, step in enumerate(steps, start=1))
    stages += (Stage(ends, TASK_OUTCOMES[task_state].vm_state, None),)
    confirm_after = durations.get(CONFIRM_AFTER, 0)
    if task_state == RESIZE_PREP and confirm_after > 0:
        # Confirmed by itself (Nova's _poll_unconfirmed_resizes), back in
        # the vm_state the resize started from.
        stages += (Stage(ends + datetime.timedelta(seconds=confirm_after),
                         KEEP_VM_STATE, None),)
    reclaim_after = durations.get(RECLAIM_AFTER, 0)
    if task_state == SOFT_DELETING and reclaim_after > 0:
        stages += (Stage(ends + datetime.timedelta(seconds=reclaim_after),
                         DELETED, None),)
    offload_after = durations.get(OFFLOAD_AFTER, -1)
    if task_state == SHELVING and offload_after >= 0:
        offloading = ends + datetime.timedelta(seconds=offload_after)
        stages += (
            Stage(offloading, SHELVED, SHELVING_OFFLOADING),
            Stage(offloading + task_duration(SHELVING_OFFLOADING, durations),
                  SHELVED_OFFLOADED, None))
    return stages


def task_rules(durations: Mapping[str, float]):
    """{task_state: its Stages}: the rule of current_state as data, for
    the database to apply in SQL."""
    return TaskRules(durations)


class TaskRules(Mapping):
    """task_rules' mapping, made of every duration when first used: the
    first page of a list, which clients poll, needs none."""

    def __init__(self, durations):
        self._durations = durations
        self._rules = None

    def _all(self):
        if self._rules is None:
            self._rules = dict(_task_rules(tuple(sorted(
                self._durations.items()))))
        return self._rules

    def __getitem__(self, task_state):
        return self._all()[task_state]

    def __iter__(self):
        return iter(self._all())

    def __len__(self):
        return len(self._all())


# Every list asks for the rules, and the durations seldom change: the
# rules of the last few sets of them.
@functools.lru_cache(maxsize=8)
def _task_rules(duration_items):
    durations = dict(duration_items)
    return tuple((task_state, task_stages(task_state, durations))
                 for task_state in TASK_OUTCOMES)


def task_finishes_at(stored: StoredState, durations: Mapping[str, float]):
    """When the stored task ends, or None if there is no task."""
    if stored.task_state is None:
        return None
    if stored.task_state not in TASK_OUTCOMES:
        raise ValueError('unknown task_state %r' % stored.task_state)
    if stored.task_started_at is None:
        raise ValueError('task %r has no start time' % stored.task_state)
    return stored.task_started_at + task_duration(stored.task_state,
                                                  durations)


def _stage_at(stored, durations, now):
    """(the Stage the stored task has reached at `now`, when it reached
    it), or (None, None) while the task runs or without a task."""
    if task_finishes_at(stored, durations) is None:
        return None, None
    reached = (None, None)
    for stage in task_stages(stored.task_state, durations):
        at = stored.task_started_at + stage.after
        if now < at:
            break
        reached = (stage, at)
    return reached


def changed_at(stored: StoredState, durations: Mapping[str, float],
               now: datetime.datetime):
    """When the stored task last changed the server's state by `now`;
    None if it has not (yet)."""
    return _stage_at(stored, durations, now)[1]


def _evacuation_spawned_after(task_state, durations):
    """When an evacuation's spawn ends, from its start; None for another
    task."""
    steps = _EVACUATION_STEPS.get(task_state)
    if steps is None:
        return None
    return task_duration(task_state, durations) * 3 / len(steps)


def current_state(stored: StoredState, durations: Mapping[str, float],
                  now: datetime.datetime) -> ServerState:
    """The server's state at `now`: the stored one while its task runs
    (a task ends exactly at its start plus its duration), then the
    stages it leads to (task_stages) as each one's time comes; a
    stage that keeps the vm_state keeps the stored one."""
    if stored.task_state is None:
        # Most servers of a page: no task, the stored state as it is.
        vm_state = stored.vm_state
        return ServerState(
            vm_state=vm_state, task_state=None,
            power_state=_POWER_STATE_BY_VM_STATE[vm_state],
            status=status_of(vm_state, None), task_finishes_at=None,
            launched_at=stored.launched_at,
            host=(None if (vm_state, None) in HOSTLESS_STATES
                  else stored.host))
    finishes_at = task_finishes_at(stored, durations)
    stage, _at = _stage_at(stored, durations, now)
    if stage is None:
        vm_state, task_state = stored.vm_state, stored.task_state
    else:
        vm_state = stage.vm_state or stored.vm_state
        task_state = stage.task_state
        finishes_at = None
    launched_at = stored.launched_at
    if stage is not None and (
            stored.task_state == REBUILDING or
            (stored.task_state == SPAWNING and launched_at is None)):
        # A rebuilt server was launched again when the rebuild ended.
        launched_at = stored.task_started_at + stage.after
    spawned = _evacuation_spawned_after(stored.task_state, durations)
    if stage is not None and spawned is not None and _at >= (
            stored.task_started_at + spawned):
        # An evacuated server was launched on its new host once spawned.
        launched_at = stored.task_started_at + spawned
    host = stored.host
    if (vm_state, task_state) in HOSTLESS_STATES:
        host = None
    return ServerState(
        vm_state=vm_state,
        task_state=task_state,
        power_state=_POWER_STATE_BY_VM_STATE[
            stored.vm_state if stage is None or vm_state == RESIZED
            else vm_state],
        status=status_of(vm_state, task_state),
        task_finishes_at=finishes_at,
        launched_at=launched_at,
        host=host)


@dataclasses.dataclass(frozen=True)
class Action:
    """A server action and the states Nova accepts it from."""

    # As Nova's 409 message names it.
    name: str
    # The task the action starts; None for a change that starts none
    # (server metadata), which only checks the state.
    task_state: str | None
    # None: any state.
    allowed_vm_states: frozenset | None
    allowed_task_states: frozenset | None
    must_have_launched: bool
    must_have_host: bool
    # The compute event (Nova's compute manager method, prefixed
    # 'compute_') the instance action records for the task; None for an
    # action that only changes the API's records.
    event: str | None = None
    # The instance action's name, where it is not `name` (Nova's 409s and
    # its instance actions name some actions differently).
    recorded_as: str | None = None
    # Whether a locked server refuses the action to non-administrators
    # (Nova's check_instance_lock); Nova does not check it for snapshots
    # and backups.
    checks_lock: bool = True

    @property
    def instance_action(self):
        """The name the action is recorded under (os-instance-actions)."""
        return self.recorded_as or self.name


SOFT_REBOOT = Action(
    'reboot', REBOOTING,
    allowed_vm_states=frozenset({ACTIVE}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_reboot_instance')
# Nova hard-reboots a stopped, paused, suspended or failed server too
# (vm_states.ALLOW_HARD_REBOOT), and interrupts a reboot, pause, unpause,
# suspend or resume in progress (task_states.ALLOW_REBOOT); the server is
# ACTIVE once it ends.
HARD_REBOOT = Action(
    'reboot', REBOOTING_HARD,
    allowed_vm_states=frozenset({ACTIVE, STOPPED, PAUSED, SUSPENDED, ERROR}),
    allowed_task_states=frozenset({None, REBOOTING, REBOOTING_HARD,
                                   PAUSING, UNPAUSING, SUSPENDING,
                                   RESUMING}),
    must_have_launched=True, must_have_host=False,
    event='compute_reboot_instance')
STOP = Action(
    'stop', POWERING_OFF,
    allowed_vm_states=frozenset({ACTIVE, ERROR}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=True,
    event='compute_stop_instance')
START = Action(
    'start', POWERING_ON,
    allowed_vm_states=frozenset({STOPPED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=True,
    event='compute_start_instance')
DELETE = Action(
    'delete', DELETING,
    allowed_vm_states=None,
    allowed_task_states=None,
    must_have_launched=False, must_have_host=False,
    event='compute_terminate_instance')
PAUSE = Action(
    'pause', PAUSING,
    allowed_vm_states=frozenset({ACTIVE}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_pause_instance')
UNPAUSE = Action(
    'unpause', UNPAUSING,
    allowed_vm_states=frozenset({PAUSED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_unpause_instance')
SUSPEND = Action(
    'suspend', SUSPENDING,
    allowed_vm_states=frozenset({ACTIVE}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_suspend_instance')
RESUME = Action(
    'resume', RESUMING,
    allowed_vm_states=frozenset({SUSPENDED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_resume_instance')


SHELVE = Action(
    'shelve', SHELVING,
    allowed_vm_states=frozenset({ACTIVE, STOPPED, PAUSED, SUSPENDED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_shelve_instance')
SHELVE_OFFLOAD = Action(
    'shelveOffload', SHELVING_OFFLOADING,
    allowed_vm_states=frozenset({SHELVED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_shelve_offload_instance')
UNSHELVE = Action(
    'unshelve', UNSHELVING,
    allowed_vm_states=frozenset({SHELVED, SHELVED_OFFLOADED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_unshelve_instance')
RESCUE = Action(
    'rescue', RESCUING,
    allowed_vm_states=frozenset({ACTIVE, STOPPED, ERROR}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_rescue_instance')
UNRESCUE = Action(
    'unrescue', UNRESCUING,
    allowed_vm_states=frozenset({RESCUED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_unrescue_instance')
CHANGE_PASSWORD = Action(
    'changePassword', UPDATING_PASSWORD,
    allowed_vm_states=frozenset({ACTIVE}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_set_admin_password')
# A failed server is rebuilt as an active one (nova_api.compute.
# server_rebuild stores it ACTIVE): Nova shows vm_state error until the
# rebuild ends, then active.
REBUILD = Action(
    'rebuild', REBUILDING,
    allowed_vm_states=frozenset({ACTIVE, STOPPED, ERROR}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_rebuild_instance')
# Nova sends the guest a non-maskable interrupt and changes no state.
TRIGGER_CRASH_DUMP = Action(
    'trigger_crash_dump', None,
    allowed_vm_states=frozenset({ACTIVE, PAUSED, RESCUED, RESIZED, ERROR}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=True,
    event='compute_trigger_crash_dump')


# Nova's resize and cold migration, from a running or stopped server on
# a host.
_RESIZE_VM_STATES = frozenset({ACTIVE, STOPPED})
RESIZE = Action(
    'resize', RESIZE_PREP,
    allowed_vm_states=_RESIZE_VM_STATES,
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=True,
    event='compute_prep_resize')
MIGRATE = Action(
    'migrate', RESIZE_PREP,
    allowed_vm_states=_RESIZE_VM_STATES,
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=True,
    event='compute_prep_resize')
# A confirm starts no task: the server is back in the vm_state its resize
# started from at once (nova_api.compute.server_resize stores it).
CONFIRM_RESIZE = Action(
    'confirmResize', None,
    allowed_vm_states=frozenset({RESIZED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_confirm_resize')
REVERT_RESIZE = Action(
    'revertResize', RESIZE_REVERTING,
    allowed_vm_states=frozenset({RESIZED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_revert_resize')

# Nova's evacuate, from a running, stopped or failed server whose host
# is down; Nova checks no lock (an administrator's action). The
# evacuation ends active, or stopped (EVACUATE_TO_STOPPED: a stopped
# server, or from 2.95 an active one).
_EVACUATE_VM_STATES = frozenset({ACTIVE, STOPPED, ERROR})
EVACUATE = Action(
    'evacuate', EVACUATING,
    allowed_vm_states=_EVACUATE_VM_STATES,
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_rebuild_instance', checks_lock=False)
EVACUATE_TO_STOPPED = dataclasses.replace(
    EVACUATE, task_state=EVACUATING_TO_STOPPED)
# Nova's live migration, of a running or paused server; forcing it to
# complete (2.22) takes a running one, aborting it (2.24) any state, each
# while it migrates. Each names its instance action as Nova does.
LIVE_MIGRATE = Action(
    'os-migrateLive', MIGRATING,
    allowed_vm_states=frozenset({ACTIVE, PAUSED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_live_migration', recorded_as='live-migration')
FORCE_COMPLETE_LIVE_MIGRATION = Action(
    'force_complete', None,
    allowed_vm_states=frozenset({ACTIVE}),
    allowed_task_states=frozenset({MIGRATING}),
    must_have_launched=True, must_have_host=False,
    event='compute_live_migration_force_complete',
    recorded_as='live_migration_force_complete')
ABORT_LIVE_MIGRATION = Action(
    'abort live migration', None,
    allowed_vm_states=None,
    allowed_task_states=frozenset({MIGRATING}),
    must_have_launched=True, must_have_host=False,
    event='compute_live_migration_abort',
    recorded_as='live_migration_cancel')

# Nova's snapshot and backup accept the same vm_states; a backup's 409
# names 'createBackup', its instance action 'createBackup' too.
_SNAPSHOT_VM_STATES = frozenset({ACTIVE, STOPPED, PAUSED, SUSPENDED})
CREATE_IMAGE = Action(
    'createImage', IMAGE_SNAPSHOT_PENDING,
    allowed_vm_states=_SNAPSHOT_VM_STATES,
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_snapshot_instance', checks_lock=False)
CREATE_BACKUP = Action(
    'createBackup', IMAGE_BACKUP,
    allowed_vm_states=_SNAPSHOT_VM_STATES,
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_backup_instance', checks_lock=False)


# Nova soft-deletes (DELETE /servers/{id} with [DEFAULT]
# reclaim_instance_interval set) a server in any state that has been
# launched; one never launched is deleted at once instead. The instance
# action is Nova's 'delete'.
SOFT_DELETE = Action(
    'soft_delete', SOFT_DELETING,
    allowed_vm_states=None,
    allowed_task_states=None,
    must_have_launched=True, must_have_host=False,
    event='compute_soft_delete_instance', recorded_as='delete')
RESTORE = Action(
    'restore', RESTORING,
    allowed_vm_states=frozenset({SOFT_DELETED}),
    allowed_task_states=frozenset({None}),
    must_have_launched=True, must_have_host=False,
    event='compute_restore_instance')
# Nova force-deletes a server in any vm_state, soft-deleted or not, but
# none with a task in progress; recorded as a 'delete'. (Nova's API lets
# that refusal out as a 500; here it is the 409 of any other action.)
FORCE_DELETE = Action(
    'forceDelete', None,
    allowed_vm_states=None,
    allowed_task_states=frozenset({None}),
    must_have_launched=False, must_have_host=False,
    event='compute_terminate_instance', recorded_as='delete')


def check_allowed(action: Action, server_id: str, current: ServerState):
    """Raise a 409 unless Nova allows `action` on a server in state
    `current`, checking in Nova's order: host (InstanceNotReady),
    vm_state, task_state, launched_at (InstanceInvalidState naming the
    refusing state; Nova's API words it differently when that state has
    no value: InstanceInvalidStateForAction)."""
    if action.must_have_host and current.host is None:
        raise exception.InstanceNotReady(instance_id=server_id)
    refusal = None
    if (action.allowed_vm_states is not None and
            current.vm_state not in action.allowed_vm_states):
        refusal = ('vm_state', current.vm_state)
    elif (action.allowed_task_states is not None and
            current.task_state not in action.allowed_task_states):
        refusal = ('task_state', current.task_state)
    elif action.must_have_launched and current.launched_at is None:
        refusal = ('launched_at', None)
    if refusal is None:
        return
    attr, state = refusal
    if state is None:
        raise exception.InstanceInvalidStateForAction(
            server_id=server_id, action=action.name)
    raise exception.InstanceInvalidState(
        action=action.name, server_id=server_id, attr=attr, state=state)


def begin_action(action: Action, server_id: str, current: ServerState,
                 now: datetime.datetime) -> StoredState:
    """What to store when `action` starts at `now` on a server in state
    `current`; raises check_allowed's 409s when Nova would refuse it."""
    check_allowed(action, server_id, current)
    return StoredState(
        vm_state=current.vm_state,
        task_state=action.task_state,
        task_started_at=now,
        launched_at=current.launched_at,
        host=current.host)
