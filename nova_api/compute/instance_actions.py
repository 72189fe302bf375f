"""Instance actions (Nova's os-instance-actions): the record of what was
done to a server, by whom, under which request, and the events of each
action's work.

An action is recorded when it starts, its events with it: each event's
start, and its finish and result as the simulation plans them (a task's
event ends with the task). Until its finish time has come an event shows
no finish_time and no result, as a running one does in Nova; an action
shows the message 'Error' once one of its events has finished with an
error, and was last updated when its last event started or finished.
"""

import dataclasses
import datetime

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.db import instance_actions as actions_db
from nova_api import exception

SUCCESS = 'Success'
ERROR = 'Error'


@dataclasses.dataclass(frozen=True)
class PlannedEvent:
    """An event of an action being recorded: its name (Nova's
    'compute_reboot_instance' ...), when it starts and how long it
    takes, the host it runs on and how it ends."""

    event: str
    host: str | None
    duration: datetime.timedelta = datetime.timedelta()
    # How long after the action's start the event starts.
    delay: datetime.timedelta = datetime.timedelta()
    result: str = SUCCESS
    details: str | None = None
    traceback: str | None = None


@dataclasses.dataclass(frozen=True)
class Event:
    event: str
    start_time: datetime.datetime
    # None (both) while the event runs.
    finish_time: datetime.datetime | None
    result: str | None
    host: str | None
    details: str | None
    traceback: str | None


@dataclasses.dataclass(frozen=True)
class InstanceAction:
    action: str
    instance_uuid: str
    request_id: str
    user_id: str | None
    project_id: str | None
    start_time: datetime.datetime
    message: str | None
    updated_at: datetime.datetime
    # Newest first.
    events: tuple


def record(context, server, action, events=()):
    """Record that `context`'s request starts `action` (its name) on
    `server` now, with `events` (PlannedEvents)."""
    now = timeutils.utcnow()
    actions_db.add(context, {
        'server_id': server.id, 'action': action,
        'request_id': context.request_id, 'user_id': context.user_id,
        'project_id': context.project_id, 'start_time': now,
        'created_at': now,
    }, _event_rows(events, now))


def end(context, server, action, events=()):
    """End the newest `action` (its name) of `server` now, as a task cut
    short: its planned events not started yet are dropped, the running
    ones end now, and `events` (PlannedEvents, from now) are added."""
    now = timeutils.utcnow()
    actions_db.end_events(context, server.id, action, now,
                          _event_rows(events, now))


def _event_rows(events, now):
    """The columns of PlannedEvents `events` of an action at `now`."""
    return [{
        'event': planned.event, 'start_time': now + planned.delay,
        'finish_time': now + planned.delay + planned.duration,
        'result': planned.result, 'host': planned.host,
        'details': planned.details, 'traceback': planned.traceback,
    } for planned in events]


def control_host(binary, default=None):
    """The host of the driver's control service `binary`
    ('nova-conductor', 'nova-scheduler'): where Nova records its events;
    `default` when the deployment shows none."""
    for service in backend.get_driver().get_control_services():
        if service.binary == binary:
            return service.host
    return default


def list_actions(context, server, limit=None, marker=None,
                 changes_since=None, changes_before=None):
    """The actions of `server`, newest first, as they are now: those
    changed (updated_at) in [changes_since, changes_before] when given,
    after the action with request id `marker` and at most `limit` of
    them (2.58). MarkerNotFound (400) for a marker not among the
    server's actions."""
    actions = _all_actions(context, server)
    if marker is not None:
        found = [index for index, action in enumerate(actions)
                 if action.request_id == marker]
        if not found:
            # Nova looks the marker up, and names what the lookup found.
            raise exception.MarkerNotFound(marker=None)
        actions = actions[found[0] + 1:]
    if changes_since is not None:
        actions = [action for action in actions
                   if action.updated_at >= changes_since]
    if changes_before is not None:
        actions = [action for action in actions
                   if action.updated_at <= changes_before]
    if limit is not None:
        actions = actions[:limit]
    return actions


def get_action(context, server, request_id):
    """The newest action of `server` with `request_id`, as it is now;
    InstanceActionNotFound (404) if it has none."""
    for action in _all_actions(context, server):
        if action.request_id == request_id:
            return action
    raise exception.InstanceActionNotFound(request_id=request_id)


def _all_actions(context, server):
    now = timeutils.utcnow()
    return [_action_at(row, events, server.uuid, now)
            for row, events in actions_db.get_all(context, server.id)]


def _action_at(row, event_rows, server_uuid, now):
    events = tuple(_event_at(event_row, now) for event_row in event_rows)
    changes = [row.start_time]
    for event in events:
        changes.append(event.finish_time or event.start_time)
    failed = any(event.result == ERROR for event in events)
    return InstanceAction(
        action=row.action, instance_uuid=server_uuid,
        request_id=row.request_id, user_id=row.user_id,
        project_id=row.project_id, start_time=row.start_time,
        message='Error' if failed else None, updated_at=max(changes),
        events=events)


def _event_at(row, now):
    finished = row.finish_time <= now
    return Event(
        event=row.event, start_time=row.start_time,
        finish_time=row.finish_time if finished else None,
        result=row.result if finished else None, host=row.host,
        details=row.details, traceback=row.traceback)
