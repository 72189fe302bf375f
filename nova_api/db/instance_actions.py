"""Instance actions and their events, as stored: the rows of
instance_actions and instance_action_events (migration 0011).

Rows go with their server's row (ON DELETE CASCADE); a server's delete is
soft, so a deleted server keeps its actions (2.21 lists them).
"""

import collections

import sqlalchemy as sa

from nova_api.db import api
from nova_api.db import models

_actions = models.InstanceAction.__table__
_events = models.InstanceActionEvent.__table__

ActionRow = collections.namedtuple('ActionRow', [
    column.name for column in _actions.columns])
EventRow = collections.namedtuple('EventRow', [
    column.name for column in _events.columns])

# Newest first, as Nova lists actions and events.
_ACTIONS_OF_SERVER = sa.select(*_actions.columns).where(
    _actions.c.server_id == sa.bindparam('server_id')).order_by(
        _actions.c.created_at.desc(), _actions.c.id.desc())
_EVENTS_OF_SERVER = sa.select(*_events.columns).join(
    _actions, _events.c.action_id == _actions.c.id).where(
        _actions.c.server_id == sa.bindparam('server_id')).order_by(
            _events.c.start_time.desc(), _events.c.id.desc())


@api.context_manager.writer
def add(context, values, events):
    """Store an action (`values`: its columns but id) and its `events`
    (dicts of their columns but id and action_id)."""
    action_id = context.session.execute(
        _actions.insert().values(**values)).inserted_primary_key[0]
    if events:
        context.session.execute(_events.insert(), [
            dict(event, action_id=action_id) for event in events])


@api.context_manager.reader.connection
def get_all(context, server_id):
    """[(ActionRow, [EventRow, ...]), ...]: the actions of server
    `server_id` (its id column) with their events, newest first."""
    params = {'server_id': server_id}
    events = collections.defaultdict(list)
    for row in context.connection.execute(_EVENTS_OF_SERVER, params):
        events[row.action_id].append(EventRow._make(row))
    return [(ActionRow._make(row), events[row.id]) for row in
            context.connection.execute(_ACTIONS_OF_SERVER, params)]


@api.context_manager.writer
def end_events(context, server_id, action, at, added=()):
    """Stop the newest action named `action` of server `server_id` at
    `at`: its events not started by then are dropped, those running end
    then, and `added` (dicts of their columns but id and action_id) join
    it. Nothing when the server has no such action."""
    action_id = context.session.execute(
        sa.select(_actions.c.id).where(
            _actions.c.server_id == server_id,
            _actions.c.action == action).order_by(
                _actions.c.created_at.desc(),
                _actions.c.id.desc()).limit(1)).scalar()
    if action_id is None:
        return
    of_action = _events.c.action_id == action_id
    context.session.execute(_events.delete().where(
        of_action, _events.c.start_time > at))
    context.session.execute(_events.update().where(
        of_action, _events.c.finish_time > at).values(finish_time=at))
    if added:
        context.session.execute(_events.insert(), [
            dict(event, action_id=action_id) for event in added])
