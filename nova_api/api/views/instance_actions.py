"""Instance actions on the wire: Nova's instanceActions list and
instanceAction (with its events)."""

import typing

from nova_api.api.views import links
from nova_api.api.views import timestamps
from nova_api.compute import host_ids


class EventFields(typing.NamedTuple):
    """The fields of the events a caller sees beyond the ones everyone
    does (event, start_time, finish_time, result; hostId from 2.62)."""

    traceback: bool = False
    host: bool = False
    details: bool = False


def _action(req, action):
    body = {
        'action': action.action,
        'instance_uuid': action.instance_uuid,
        'message': action.message,
        'project_id': action.project_id,
        'request_id': action.request_id,
        'start_time': timestamps.with_microseconds(action.start_time),
        'user_id': action.user_id,
    }
    if req.is_supported('2.58'):
        body['updated_at'] = timestamps.with_microseconds(action.updated_at)
    return body


def index(req, server_id, actions, limit):
    """The list; from 2.58 a full page (`limit` actions) links to the
    next."""
    body = {'instanceActions': [_action(req, action) for action in actions]}
    if req.is_supported('2.58'):
        next_links = links.collection_links(
            req, 'servers/%s/os-instance-actions' % server_id,
            [action.request_id for action in actions], limit)
        if next_links:
            body['links'] = next_links
    return body


def _event(req, event, project_id, shown):
    body = {
        'event': event.event,
        'start_time': timestamps.with_microseconds(event.start_time),
        'finish_time': timestamps.with_microseconds(event.finish_time),
        'result': event.result,
    }
    if shown.traceback:
        body['traceback'] = event.traceback
    if shown.host:
        body['host'] = event.host
    if req.is_supported('2.62'):
        body['hostId'] = host_ids.host_id(project_id, event.host)
    if shown.details:
        body['details'] = event.details
    return body


def show(req, action, project_id, shown=None):
    """One action; with its events if `shown` (EventFields) says which
    of their fields the caller sees. `project_id` is what hostIds are
    hashed with."""
    body = _action(req, action)
    if shown is not None:
        body['events'] = [_event(req, event, project_id, shown)
                          for event in action.events]
    return {'instanceAction': body}
