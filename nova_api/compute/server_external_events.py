"""Events other services send about servers (Nova's
os-server-external-events): each is accepted for a server on a host and
handled as Nova's compute manager does; the others fail, with the code
Nova gives each."""

import typing

from nova_api.compute import instance_actions
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception

COMPLETED = 'completed'
FAILED = 'failed'
POWER_ON = 'POWER_ON'
POWER_OFF = 'POWER_OFF'
# The events that mean nothing without a tag (a volume, a power state,
# an accelerator request).
TAG_REQUIRED = ('volume-extended', 'power-update',
                'accelerator-request-bound')

# What a power-update does: from (vm_state, power_state) with no task, to
# a vm_state, recorded as the instance action Nova records.
_POWER_UPDATES = {
    POWER_OFF: ((server_states.ACTIVE, server_states.RUNNING),
                server_states.STOPPED, 'stop'),
    POWER_ON: ((server_states.STOPPED, server_states.SHUTDOWN),
               server_states.ACTIVE, 'start'),
}


class Outcome(typing.NamedTuple):
    """What became of one event: its code (200 accepted; 400 a tag
    missing, 404 no such server, 422 a server on no host) and status."""

    code: int
    status: str


def deliver(context, events):
    """The Outcome of each of `events` (dicts of name, server_uuid and
    maybe tag), in order; the accepted ones are handled."""
    found = {}
    for uuid in {event['server_uuid'] for event in events}:
        try:
            found[uuid] = servers.get_server(context, uuid)
        except exception.InstanceNotFound:
            pass
    outcomes = []
    for event in events:
        server = found.get(event['server_uuid'])
        if server is None:
            outcomes.append(Outcome(404, FAILED))
        elif event['name'] in TAG_REQUIRED and event.get('tag') is None:
            outcomes.append(Outcome(400, FAILED))
        elif server.host is None:
            outcomes.append(Outcome(422, FAILED))
        else:
            _handle(context, server, event)
            outcomes.append(Outcome(200, COMPLETED))
    return outcomes


def _handle(context, server, event):
    if event['name'] == 'volume-extended':
        # The simulated servers have no volumes attached: Nova's compute
        # manager has nothing to extend and the event ends well.
        instance_actions.record(context, server, 'extend_volume', [
            instance_actions.PlannedEvent(event='compute_extend_volume',
                                          host=server.host)])
    elif event['name'] == 'power-update':
        _power_update(context, server, event['tag'])
    # Network and accelerator events update caches the simulation does
    # not keep; volume-reimaged wakes a rebuild not served yet.


def _power_update(context, server, tag):
    """The server's power changed behind Nova's back (an Ironic node, say):
    an ACTIVE server powered off becomes STOPPED, a STOPPED one powered
    on ACTIVE; in any other state, or with an unknown tag, nothing
    changes (an unknown tag records nothing either)."""
    if tag not in _POWER_UPDATES:
        return
    (vm_state, power_state), new_vm_state, action = _POWER_UPDATES[tag]
    with db_api.context_manager.writer.using(context):
        instance_actions.record(context, server, action, [
            instance_actions.PlannedEvent(event='compute_power_update',
                                          host=server.host)])
        # Another request may change the server between its read and this
        # write: read it again until the write holds or it is no longer
        # a candidate.
        while (server.task_state is None and server.vm_state == vm_state
               and server.power_state == power_state):
            if servers_db.update_state(context, server.row, {
                    'vm_state': new_vm_state, 'task_state': None,
                    'task_started_at': None,
                    'launched_at': server.launched_at}):
                return
            server = servers.get_server(context, server.uuid)
