"""Shelving servers: shelve powers a server off and keeps it on its host
(SHELVED) until [DEFAULT] shelved_offload_time has passed or
shelveOffload is asked for; then it is offloaded (SHELVED_OFFLOADED) and
holds no host nor capacity. Unshelve brings it back (ACTIVE): a shelved
server on its host, an offloaded one where the scheduler places it now,
in a zone (2.77) or on a host (2.91) the caller may ask for.

A shelve uploads a snapshot image (<name>-shelved) of a server booted
from an image, as Nova's does, which an unshelve deletes once it ends.
"""

from oslo_utils import timeutils

from nova_api.compute import availability_zones
from nova_api.compute import backend
from nova_api.compute import lock_server
from nova_api.compute import scheduling
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.compute import services
from nova_api.compute import snapshots
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception
from nova_api.policies import shelve as policies

# unshelve's zone when the caller names none (None unpins the server).
ZONE_UNCHANGED = object()


def shelve(context, server):
    with db_api.context_manager.writer.using(context):
        servers.begin_action(context, server, server_states.SHELVE)
        if not snapshots.is_volume_backed(server):
            snapshots.create_shelved_image(context, server)


def shelve_offload(context, server):
    servers.begin_action(context, server, server_states.SHELVE_OFFLOAD)


def unshelve(context, server, zone=ZONE_UNCHANGED, host=None):
    """Unshelve `server`; an offloaded one is placed in `zone` (a name;
    None: any zone, and the server is no longer pinned to one) or on
    `host`, each only for an offloaded server, as Nova checks them: a
    zone that has no host that is up is a 400, a host asked for takes
    the unshelve_to_host rule, and a host not there is a 400, one outside
    the server's zone a 409. An offloaded server no host has room for
    stays offloaded (Nova's conductor finds no valid host after its API
    answered 202)."""
    # Nova checks the lock and the state before the arguments.
    lock_server.check_unlocked(context, server)
    server_states.check_allowed(server_states.UNSHELVE, server.uuid,
                                server.state)
    zone_given = zone is not ZONE_UNCHANGED
    if zone_given or host:
        _check_offloaded(server)
    hosts = services.registered_hosts(context)
    if zone_given and zone:
        if zone not in availability_zones.available_zone_names(context):
            raise exception.AvailabilityZoneNotAvailable()
    zone_after = zone if zone_given else server.pinned_availability_zone
    if host:
        context.can(policies.UNSHELVE_TO_HOST,
                    {'user_id': server.user_id,
                     'project_id': server.project_id})
        by_name = {known.name: known for known in hosts}
        if host not in by_name:
            raise exception.ComputeHostNotFound(host=host)
        if (zone_after is not None and
                by_name[host].availability_zone != zone_after):
            raise exception.UnshelveHostNotInAZ(host=host,
                                                availability_zone=zone_after)
    if server.vm_state != server_states.SHELVED_OFFLOADED:
        with db_api.context_manager.writer.using(context):
            servers.begin_action(context, server, server_states.UNSHELVE)
            _delete_shelved_image(context, server)
        return
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        chosen = scheduling.choose_host(
            services.schedulable_hosts(context), servers.host_usage(context),
            scheduling.requirement_of(server.row), zone_after, host)
        changes = {}
        if zone_given:
            changes['pinned_availability_zone'] = zone_after
        if chosen is None:
            # The action is recorded and the server stays as it was.
            changes.update(vm_state=server_states.SHELVED_OFFLOADED,
                           task_state=None, task_started_at=None)
        else:
            changes.update(host=chosen.name,
                           availability_zone=chosen.availability_zone)
        servers.begin_action(context, server, server_states.UNSHELVE,
                             changes)
        if chosen is not None:
            _delete_shelved_image(context, server)


def _delete_shelved_image(context, server):
    ends = timeutils.utcnow() + server_states.task_duration(
        server_states.UNSHELVING, backend.task_durations())
    snapshots.delete_shelved_image(context, server, ends)


def _check_offloaded(server):
    if server.vm_state != server_states.SHELVED_OFFLOADED:
        raise exception.UnshelveInstanceInvalidState(
            instance_uuid=server.uuid, state=server.vm_state)
