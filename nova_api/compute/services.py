"""Compute services (Nova's service records): one per compute host of the
driver (binary nova-compute) and per control service, stored so that an
administrator can disable, force down and delete them.

Records are created the first time services are read, for every
configured host and control service that has none; several API
processes agree, as the database keeps (host, binary) unique. A deleted
service stays deleted while its host stays configured (Nova's
nova-compute would register again when restarted; nothing restarts
here), and its host takes no new servers. A host or service no longer
configured is not listed.

Which hosts can take a server now is answered here (schedulable_hosts),
for every caller that places servers.
"""

import dataclasses
import datetime
import uuid as uuid_lib

from oslo_config import cfg
from oslo_utils import strutils
from oslo_utils import timeutils
from oslo_utils import uuidutils

from nova_api.compute import backend
from nova_api.compute import servers
from nova_api.db import aggregates as aggregates_db
from nova_api.db import services as services_db
from nova_api import exception

CONF = cfg.CONF

COMPUTE_BINARY = 'nova-compute'
# The uuids of the records are derived from (host, binary), so that
# racing processes would store the same one.
_UUID_NAMESPACE = uuid_lib.UUID('6f3c2f36-5d6e-4c43-9a3e-7d0f5c8f1b21')


@dataclasses.dataclass(frozen=True)
class Service:
    """A service record with what the driver says of it now."""

    id: int
    uuid: str
    host: str
    binary: str
    zone: str
    disabled: bool
    disabled_reason: str | None
    forced_down: bool
    # Whether the driver says the service answers, and when it last did.
    reports: bool
    updated_at: datetime.datetime | None
    # When the record was made: when the service was first seen.
    created_at: datetime.datetime | None = None
    # The driver's ComputeHost of a compute service; None for another.
    compute_host: object = None

    @property
    def is_up(self):
        return self.reports and not self.forced_down

    @property
    def is_compute(self):
        return self.binary == COMPUTE_BINARY


def _aggregate_zones(context):
    """{host: zone} of the hosts in an aggregate with a zone (the first
    such aggregate's: os-aggregates keeps a host in one zone)."""
    zones = {}
    for host, _aggregate_id, zone in aggregates_db.get_host_zones(context):
        zones.setdefault(host, zone)
    return zones


def _configured(context):
    """{(host, binary): (zone, reports, updated_at, ComputeHost or None)}
    of every configured service. A compute host is in the zone of an
    aggregate it is in, else in the one the driver gives it."""
    driver = backend.get_driver()
    zones = _aggregate_zones(context)
    configured = {}
    for host in driver.get_hosts():
        if host.name in zones:
            host = dataclasses.replace(host,
                                       availability_zone=zones[host.name])
        configured[host.name, COMPUTE_BINARY] = (
            host.availability_zone, host.up, host.updated_at, host)
    internal = CONF.internal_service_availability_zone
    for service in driver.get_control_services():
        configured[service.host, service.binary] = (
            internal, service.up, service.updated_at, None)
    return configured


def record_uuid(host, binary):
    """The uuid of the record of `binary` on `host`."""
    return str(uuid_lib.uuid5(_UUID_NAMESPACE, '%s/%s' % (host, binary)))


def _record_values(host, binary):
    return {'uuid': record_uuid(host, binary),
            'host': host, 'binary': binary,
            'topic': binary.removeprefix('nova-')}


def _ensure_records(context, configured):
    missing = set(configured) - services_db.get_keys(context)
    if missing:
        services_db.add_missing(context, [
            _record_values(host, binary) for host, binary in sorted(missing)])


def _service(row, configured):
    zone, reports, updated_at, compute_host = configured[row.host,
                                                         row.binary]
    return Service(row.id, row.uuid, row.host, row.binary, zone,
                   row.disabled, row.disabled_reason, row.forced_down,
                   reports, updated_at, row.created_at, compute_host)


def list_services(context, host=None, binary=None):
    """The services not deleted of the configured hosts and control
    services, by id; `host` and `binary`, when given, must match."""
    configured = _configured(context)
    _ensure_records(context, configured)
    return [_service(row, configured)
            for row in services_db.get_all(context)
            if (row.host, row.binary) in configured and
            host in (None, row.host) and binary in (None, row.binary)]


def check_id(service_id, by_uuid):
    """A uuid (from 2.53) or an integer (before): InvalidInput if not."""
    if by_uuid:
        if not uuidutils.is_uuid_like(service_id):
            raise exception.Invalid('Invalid uuid %s' % service_id)
        return
    try:
        strutils.validate_integer(service_id, 'id')
    except ValueError as error:
        raise exception.InvalidInput(reason=str(error))


def get_service(context, service_id, by_uuid):
    """The Service of id (or, `by_uuid`, uuid) `service_id`;
    ServiceNotFound if there is none."""
    column = 'uuid' if by_uuid else 'id'
    for service in list_services(context):
        if str(getattr(service, column)) == str(service_id):
            return service
    raise exception.ServiceNotFound(service_id=service_id)


def find_compute_service(context, host):
    """The compute Service of `host`; HostMappingNotFound if it has none
    (Nova maps a host to its cell when its compute service registers,
    and unmaps it when the service is deleted)."""
    found = list_services(context, host, COMPUTE_BINARY)
    if not found:
        raise exception.HostMappingNotFound(name=host)
    return found[0]


def check_updatable(binary):
    """Only nova-compute services are disabled or forced down."""
    if binary != COMPUTE_BINARY:
        raise exception.ServiceUpdateNotSupported(binary=binary)


def update_service(context, service, changes):
    """`service` with `changes` (disabled, disabled_reason,
    forced_down) stored."""
    services_db.update(context, service.id, changes, timeutils.utcnow())
    return dataclasses.replace(service, **changes)


def changes_of(status, disabled_reason, forced_down):
    """The changes a 2.53 update asks for (None: not given), as Nova
    checks them."""
    changes = {}
    if status == 'enabled':
        if disabled_reason:
            raise exception.Invalid("Specifying 'disabled_reason' with "
                                    "status 'enabled' is invalid.")
        changes.update(disabled=False, disabled_reason=None)
    elif status == 'disabled':
        changes.update(disabled=True, disabled_reason=disabled_reason)
    if forced_down is not None:
        changes['forced_down'] = strutils.bool_from_string(forced_down,
                                                           strict=True)
    if not changes:
        raise exception.NoServiceUpdate()
    return changes


def delete_service(context, service_id, by_uuid):
    """Delete the service of id (or, `by_uuid`, uuid) `service_id`; a
    compute service still hosting servers is a Conflict
    (ServiceHostsServers)."""
    try:
        service = get_service(context, service_id, by_uuid)
    except exception.ServiceNotFound:
        raise exception.ServiceNotFoundById(service_id=service_id)
    if service.is_compute and service.host in servers.host_usage(context):
        raise exception.ServiceHostsServers()
    services_db.delete(context, service.id, timeutils.utcnow())


def compute_services(context):
    """The compute services, by id."""
    return [service for service in list_services(context)
            if service.is_compute]


def registered_hosts(context):
    """The ComputeHosts that have a compute service (enabled or not):
    the hosts a request may name."""
    return [service.compute_host for service in compute_services(context)]


def schedulable_hosts(context):
    """The ComputeHosts that can take a server now: their compute
    service is enabled and up."""
    return [service.compute_host for service in compute_services(context)
            if not service.disabled and service.is_up]
