"""Evacuating a server: rebuilding it on another host when its own host's
compute service is down, as Nova's evacuate does.

Nova's order: a host asked for must have a compute service (404) and
not be the server's (400, as a server without a host is when none is
asked for); the server must be active, stopped or failed
with no task (409); its host's compute service must be down, forced
down or not reporting (400). The destination is then chosen under the
scheduling lock, with the capacity the server takes (no overcommit):
the scheduler's choice among the enabled, up hosts other than the
server's, in its pinned zone, restricted to the host asked for from
2.29 (unless forced); a host asked for before 2.29, or forced (2.29 to
2.67), is taken as named if its service is up and it has room, as
Nova's conductor claims it without the scheduler.

The server is stored on its destination at once (as a resize is here),
with the task server_states.EVACUATING (or EVACUATING_TO_STOPPED),
shown as rebuilding, rebuild_block_device_mapping, rebuild_spawning,
then ACTIVE, or SHUTOFF for a stopped server or from 2.95. A migration
record of type evacuation goes accepted, pre-migrating, done
(nova_api.compute.migration_records); the instance action 'evacuate'
has Nova's events conductor_rebuild_server and compute_rebuild_instance
(and compute_stop_instance for a server that ends stopped).

No host with room leaves the move's record in error and the action's
conductor event failed, as Nova's conductor does once its API answered:
the server in ERROR when the scheduler found none, as it was when a
named host could not take it.
"""

from oslo_utils import timeutils

from nova_api.compute import backend
from nova_api.compute import instance_actions
from nova_api.compute import migration_records
from nova_api.compute import scheduling
from nova_api.compute import server_create
from nova_api.compute import server_resize
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.compute import services
from nova_api.db import api as db_api
from nova_api.db import migration_records as migrations_db
from nova_api.db import servers as servers_db
from nova_api import exception

_CONDUCTOR_EVENT = 'conductor_rebuild_server'
_NO_ROOM_ON_HOST = ('No valid host was found. Unable to move instance '
                    '%(uuid)s to host %(host)s. There is not enough '
                    'capacity on the host for the instance.')
_HOST_UNAVAILABLE = 'Compute service of %(host)s is unavailable at this time.'


def evacuate(context, server, host=None, force=None, stop=False):
    """Evacuate `server` from its failed host, to `host` if given (by
    the scheduler unless `force` is None, before 2.29, or True), ending
    stopped if `stop` (2.95) or it is stopped."""
    if host is not None:
        try:
            services.find_compute_service(context, host)
        except exception.HostMappingNotFound:
            raise exception.EvacuateHostNotFound(host=host)
    # Nova compares even when neither is set: a server without a host,
    # evacuated without one, is refused so too.
    if host == server.host:
        raise exception.CannotEvacuateToSameHost()
    # Nova keeps a failed server's evacuation ending active at 2.95.
    ends_stopped = stop and server.vm_state != server_states.ERROR
    action = (server_states.EVACUATE_TO_STOPPED
              if ends_stopped or server.vm_state == server_states.STOPPED
              else server_states.EVACUATE)
    server_states.check_allowed(action, server.uuid, server.state)
    if _service_is_up(context, server.host):
        raise exception.ComputeServiceInUse(host=server.host)
    forced = host is not None and force is not False
    _place(context, server, action, host, forced)


def _service_is_up(context, host_name):
    return any(service.host == host_name and service.is_up
               for service in services.compute_services(context))


def _place(context, server, action, host_name, forced):
    requirement = scheduling.requirement_of(server.row)
    if forced:
        # A named host is taken if its service is up, enabled or not.
        hosts = [service.compute_host
                 for service in services.compute_services(context)
                 if service.host == host_name and service.is_up]
    else:
        hosts = services.schedulable_hosts(context)
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        if forced:
            chosen = scheduling.choose_host(
                hosts, servers.host_usage(context), requirement)
        else:
            chosen = scheduling.choose_host(
                hosts, servers.host_usage(context), requirement,
                server.pinned_availability_zone, host_name,
                excluded=frozenset({server.host}))
        record = _record(context, server, chosen, host_name)
        if chosen is None:
            _fail(context, server, action, forced, host_name, bool(hosts))
            migrations_db.add(context, dict(
                record, status=migration_records.ERROR,
                updated_at=record['created_at']))
            return
        servers.begin_action(
            context, server, action,
            {'host': chosen.name,
             'availability_zone': chosen.availability_zone},
            _events(action, chosen.name))
        migrations_db.add(context, dict(
            record, status=migration_records.ACCEPTED))


def _record(context, server, chosen, host_name):
    """The migration record's columns: its destination is the host
    chosen, or (as Nova's API stores it) the one asked for."""
    flavor_id = server_resize.flavor_id_of(context, server)
    dest = chosen.name if chosen is not None else None
    return migration_records.new_record(
        context, server, migration_records.EVACUATION, flavor_id, flavor_id,
        dest_compute=dest or host_name, dest_node=dest, dest_host=dest)


def _fail(context, server, action, forced, host_name, host_up):
    """Record that no host takes the server: a named host's failure
    leaves it as it was, the scheduler's puts it in ERROR."""
    if not forced:
        details = server_create.NO_VALID_HOST
        if not servers_db.update_state(context, server.row, {
                'vm_state': server_states.ERROR, 'task_state': None,
                'task_started_at': None,
                'launched_at': server.launched_at}):
            # Another action started first: judge this one against it.
            current = servers.get_server(context, server.uuid)
            server_states.check_allowed(action, server.uuid, current.state)
        servers_db.add_fault(context, server.id, {
            'code': 500, 'message': details, 'details': None,
            'created_at': timeutils.utcnow()})
    elif host_up:
        details = _NO_ROOM_ON_HOST % {'uuid': server.uuid, 'host': host_name}
    else:
        # Nova would cast to a compute that never answers; here the move
        # fails at once.
        details = _HOST_UNAVAILABLE % {'host': host_name}
    instance_actions.record(context, server, action.instance_action, [
        instance_actions.PlannedEvent(
            _CONDUCTOR_EVENT, instance_actions.control_host('nova-conductor'),
            result=instance_actions.ERROR, details=details)])


def _events(action, dest):
    """The events of an evacuation, as Nova's conductor and destination
    compute record them."""
    duration = server_states.task_duration(action.task_state,
                                           backend.task_durations())
    event = instance_actions.PlannedEvent
    events = [event(_CONDUCTOR_EVENT,
                    instance_actions.control_host('nova-conductor')),
              event(action.event, dest, duration)]
    if action is server_states.EVACUATE_TO_STOPPED:
        # The destination powers the spawned server off, the last share.
        events.append(event('compute_stop_instance', dest, duration / 4,
                            delay=duration * 3 / 4))
    return events
