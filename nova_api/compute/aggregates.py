"""Host aggregates: named sets of compute hosts with metadata, as Nova's
AggregateAPI keeps them. An aggregate's ``availability_zone`` metadata
is the zone of its hosts (compute.availability_zones), so the changes
that would put a host in two zones, or move the servers already on a host
to another zone, are refused with Nova's messages.
"""

import contextlib
import dataclasses
import datetime

from oslo_utils import strutils
from oslo_utils import uuidutils

from nova_api.compute import images
from nova_api.compute import services
from nova_api.db import aggregates as aggregates_db
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import exception

ZONE_KEY = aggregates_db.ZONE_KEY
# update_aggregate's zone when the request does not change it.
ZONE_UNCHANGED = object()

_EMPTY_ZONE = 'Aggregate %s does not support empty named availability zone'
_ZONE_CONFLICT = 'One or more hosts already in availability zone(s) %s'
_SERVERS_IN_ZONE = 'One or more hosts contain instances in this zone'
_ZONE_WOULD_MOVE = (
    "The host cannot be %s the aggregate as the availability zone of the "
    "host would change from '%s' to '%s' but the host already has %d "
    "instance(s). Changing the AZ of an existing instance is not supported "
    "by this action. Move the instances away from this host then try "
    "again. If you need to move the instances between AZs then you can use "
    "shelve_offload and unshelve to achieve this.")
_NOT_EMPTY = 'Host aggregate is not empty'


@dataclasses.dataclass(frozen=True)
class HostAggregate:
    id: int
    uuid: str
    name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    hosts: tuple
    metadata: dict

    @property
    def availability_zone(self):
        return self.metadata.get(ZONE_KEY)


def _assemble(context, rows):
    ids = [row.id for row in rows]
    hosts = aggregates_db.get_hosts(context, ids)
    metadata = aggregates_db.get_metadata(context, ids)
    return [HostAggregate(row.id, row.uuid, row.name, row.created_at,
                          row.updated_at, tuple(hosts[row.id]),
                          metadata[row.id])
            for row in rows]


def _id_of(aggregate_id):
    """The integer a URL's aggregate id is, as Nova validates it."""
    try:
        return strutils.validate_integer(aggregate_id, 'id')
    except ValueError as error:
        raise exception.InvalidInput(reason=str(error))


def _get(context, aggregate_id):
    return _assemble(context, [aggregates_db.get(context, aggregate_id)])[0]


def get_aggregate(context, aggregate_id):
    """The aggregate a URL names; 400 for an id that is not an integer,
    AggregateNotFound for one there is not."""
    return _get(context, _id_of(aggregate_id))


def list_aggregates(context):
    return _assemble(context, aggregates_db.get_all(context))


def check_compute_host(context, host):
    """AggregateComputeHostNotFound unless `host` is one of the
    deployment's compute hosts with a compute service (by exact name)."""
    if host not in {known.name
                    for known in services.registered_hosts(context)}:
        raise exception.AggregateComputeHostNotFound(host=host)


def _other_zones(context, aggregate, hosts):
    """The zones of the other aggregates with any of `hosts`, one per
    aggregate, by aggregate id (Nova's list, duplicates included)."""
    hosts = set(hosts)
    zones = {}
    for host, aggregate_id, zone in aggregates_db.get_host_zones(context):
        if host in hosts and aggregate_id != aggregate.id:
            zones[aggregate_id] = zone
    return [zones[aggregate_id] for aggregate_id in sorted(zones)]


def _check_zone(context, aggregate, metadata, error, hosts=None,
                check_servers=False):
    """Nova's is_safe_to_update_az: `metadata` may give `aggregate`'s
    hosts (or `hosts`) a zone unless it is empty, another aggregate puts
    one of them in another zone, or (with `check_servers`) the zone
    changes under servers."""
    if ZONE_KEY not in metadata:
        return
    zone = metadata[ZONE_KEY]
    if not zone:
        raise error(aggregate_id=aggregate.id,
                    reason=_EMPTY_ZONE % aggregate.name)
    hosts = hosts or aggregate.hosts
    conflicting = [other for other in _other_zones(context, aggregate, hosts)
                   if other != zone]
    if conflicting:
        raise error(aggregate_id=aggregate.id,
                    reason=_ZONE_CONFLICT % conflicting)
    if (check_servers and aggregate.availability_zone != zone and
            aggregates_db.count_servers_on(context, hosts)):
        raise error(aggregate_id=aggregate.id, reason=_SERVERS_IN_ZONE)


def _check_servers_stay(context, aggregate, host, adding):
    """Nova refuses to change the zone of a host with servers: adding it
    to (or removing it from) an aggregate with a zone must leave the
    zone aggregates give it as it was."""
    servers = aggregates_db.count_servers_on(context, [host])
    zone = aggregate.availability_zone
    if not servers or not zone:
        return
    others = {other for other_host, aggregate_id, other in
              aggregates_db.get_host_zones(context)
              if other_host == host and aggregate_id != aggregate.id}
    other = sorted(others)[0] if others else None
    if other == zone:
        return
    if adding:
        raise exception.InvalidAggregateActionAdd(
            aggregate_id=aggregate.id,
            reason=_ZONE_WOULD_MOVE % ('added to', other, zone, servers))
    raise exception.InvalidAggregateActionRemoveHost(
        aggregate_id=aggregate.id,
        reason=_ZONE_WOULD_MOVE % ('removed from', zone, other, servers))


@contextlib.contextmanager
def _scheduling_held(context):
    """A transaction holding the scheduling lock (nova_api.db.servers), so
    that no server is placed between a zone check and the change it
    allows, and two changes are checked one after the other."""
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        yield


def create_aggregate(context, name, zone=None):
    metadata = {ZONE_KEY: zone} if zone else {}
    aggregate_id = aggregates_db.create(
        context, uuidutils.generate_uuid(), name, metadata)
    return _get(context, aggregate_id)


def update_aggregate(context, aggregate_id, name=None, zone=ZONE_UNCHANGED):
    """Rename the aggregate and/or set its zone (None is refused, as an
    empty zone). As in Nova, a new name is saved before the zone is
    checked."""
    aggregate = get_aggregate(context, aggregate_id)
    if name is not None:
        aggregates_db.rename(context, aggregate.id, name)
    if zone is not ZONE_UNCHANGED:
        metadata = {ZONE_KEY: zone}
        with _scheduling_held(context):
            aggregate = _get(context, aggregate.id)
            _check_zone(context, aggregate, metadata,
                        exception.InvalidAggregateActionUpdate,
                        check_servers=True)
            aggregates_db.update_metadata(context, aggregate.id, metadata)
    return _get(context, aggregate.id)


def set_metadata(context, aggregate_id, metadata):
    """Set each key of `metadata`; a null value deletes its key."""
    with _scheduling_held(context):
        aggregate = get_aggregate(context, aggregate_id)
        _check_zone(context, aggregate, metadata,
                    exception.InvalidAggregateActionUpdateMeta,
                    check_servers=True)
        aggregates_db.update_metadata(context, aggregate.id, metadata)
    return _get(context, aggregate.id)


def delete_aggregate(context, aggregate_id):
    """Delete an aggregate without hosts."""
    aggregate = get_aggregate(context, aggregate_id)
    if aggregate.hosts:
        raise exception.InvalidAggregateActionDelete(
            aggregate_id=aggregate.id, reason=_NOT_EMPTY)
    aggregates_db.delete(context, aggregate.id)


def add_host(context, aggregate_id, host):
    """Add a compute host, in Nova's order of checks: the id, the host,
    the aggregate, the host's zone, the servers on it, the host twice."""
    number = _id_of(aggregate_id)
    check_compute_host(context, host)
    with _scheduling_held(context):
        aggregate = _get(context, number)
        _check_zone(context, aggregate, aggregate.metadata,
                    exception.InvalidAggregateActionAdd, hosts=[host])
        _check_servers_stay(context, aggregate, host, adding=True)
        aggregates_db.add_host(context, aggregate.id, host)
    return _get(context, aggregate.id)


def remove_host(context, aggregate_id, host):
    """Remove a host; Nova answers an unknown host, an unknown aggregate
    and a host the aggregate lacks alike."""
    number = _id_of(aggregate_id)
    not_removable = exception.AggregateHostNotRemovable(
        host=host, aggregate_id=aggregate_id)
    with _scheduling_held(context):
        try:
            check_compute_host(context, host)
            aggregate = _get(context, number)
        except exception.NotFound:
            raise not_removable
        _check_servers_stay(context, aggregate, host, adding=False)
        if not aggregates_db.remove_host(context, aggregate.id, host):
            raise not_removable
    return _get(context, aggregate.id)


def cache_images(context, aggregate_id, image_ids):
    """Accept a request to cache images on the aggregate's hosts: each
    image must exist; the simulated hosts have nothing to download."""
    number = _id_of(aggregate_id)
    if len(set(image_ids)) != len(image_ids):
        raise exception.DuplicateCacheImages()
    _get(context, number)
    for image_id in image_ids:
        try:
            images.get(context, image_id)
        except exception.ImageNotFound:
            raise exception.CacheImageNotFound(image_id=image_id)
