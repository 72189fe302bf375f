"""Server create: Nova's checks of a request, the quotas, and placing
and storing the new servers.

Everything a create asks for is checked before anything is stored: the
flavor, trusted image certificates, image, key pair, metadata and
personality quotas, availability zone, networks ("none": no port at
all), security groups and server group. Then one transaction,
serialised with every other create by the scheduling lock
(nova_api.db.servers), counts the quota, places each server on a host
(nova_api.compute.scheduling; none with room: the server is stored in
ERROR with a NoValidHost fault, as Nova shows it), gives it its addresses
(nova_api.compute.fixed_addresses) and stores it, so no quota, host
capacity or address is given out twice, by any number of API processes.
"""

import dataclasses
import secrets
import string
import uuid as uuid_lib

from oslo_serialization import jsonutils
from oslo_utils import timeutils

from nova_api.compute import availability_zones
from nova_api.compute import backend
from nova_api.compute import fixed_addresses
from nova_api.compute import images
from nova_api.compute import instance_actions
from nova_api.compute import passwords
from nova_api.compute import quotas
from nova_api.compute import scheduling
from nova_api.compute import server_groups
from nova_api.compute import server_metadata
from nova_api.compute import server_states
from nova_api.compute import servers
from nova_api.compute import services
from nova_api import conf
from nova_api.db import api as db_api
from nova_api.db import flavors as flavors_db
from nova_api.db import keypairs as keypairs_db
from nova_api.db import server_tags as server_tags_db
from nova_api.db import servers as servers_db
from nova_api import exception

CONF = conf.CONF

DEFAULT_SECURITY_GROUP = 'default'
NO_VALID_HOST = ('No valid host was found. There are not enough hosts '
                 'available.')
_GIB = 1024 ** 3


@dataclasses.dataclass
class CreateRequest:
    """A server create, in the compute layer's names."""

    name: str
    image_ref: str
    flavor_ref: str
    min_count: int = 1
    max_count: int = 1
    key_name: str | None = None
    metadata: dict = dataclasses.field(default_factory=dict)
    # 'zone', 'zone:host', 'zone::node' or 'zone:host:node'.
    availability_zone: str | None = None
    user_data: str | None = None
    access_ip_v4: str | None = None
    access_ip_v6: str | None = None
    admin_pass: str | None = None
    security_groups: list = dataclasses.field(default_factory=list)
    # [{'uuid': ..., 'fixed_ip': ..., 'port': ..., 'tag': ...}]; None:
    # the default network.
    networks: list | None = None
    # False: no network at all (2.37 "none").
    allocate_networks: bool = True
    config_drive: bool = False
    disk_config: str = 'MANUAL'
    # The uuid of the server group the scheduler hint names.
    group: str | None = None
    # Files to inject (path, base64 contents): only counted against the
    # injected_files quotas; the simulated servers have no disk.
    personality: list = dataclasses.field(default_factory=list)
    description: str | None = None
    # Certificate ids to validate the image signature with (2.63); None:
    # the [glance] default ones, if certificate validation is on.
    trusted_image_certificates: list | None = None
    # No image, and block devices to boot from.
    boots_from_volume: bool = False
    # The server's tags (2.52).
    tags: list = dataclasses.field(default_factory=list)
    # The guest hostname asked for (2.90); None: made from the name.
    hostname: str | None = None
    # The host and node asked for (2.74): scheduled there, if it has room.
    requested_host: str | None = None
    requested_node: str | None = None
    # As the client sent them; stored as the scheduler keeps them (2.100).
    scheduler_hints: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class CreateResult:
    servers: list
    reservation_id: str
    admin_pass: str


def create_servers(context, request, can_use_zero_disk_flavor):
    """Create between min_count and max_count servers (as many as the
    quota allows); they are BUILD, or ERROR with a NoValidHost fault when
    no host has room. Raises the 400/403 of an invalid request."""
    flavor = _flavor_for(context, request.flavor_ref)
    trusted_certificates = _trusted_certificates(request)
    if request.hostname and request.max_count > 1:
        raise exception.Invalid(
            'Unable to allocate a single hostname to multiple instances')
    image_properties = check_image(context, request.image_ref, flavor,
                                    can_use_zero_disk_flavor)
    key_data = public_key_of(context, request.key_name)
    server_metadata.check_quota(context, request.metadata)
    check_injected_files_quota(context, request.personality)
    driver = backend.get_driver()
    zone, host_name = _zone_and_host(context, request.availability_zone)
    network = driver.get_network()
    ports = _requested_ports(network, request)
    security_groups = _security_groups(request.security_groups)
    group = (server_groups.get_for_create(context, request.group)
             if request.group else None)
    if request.requested_host or request.requested_node:
        host_name = _requested_destination(context, request.requested_host,
                                           request.requested_node)
    reservation_id = 'r-' + _random_string(8)
    admin_pass = request.admin_pass or passwords.generate_password()
    with db_api.context_manager.writer.using(context):
        servers_db.take_scheduling_lock(context)
        count = _count_within_quota(context, flavor, request.min_count,
                                    request.max_count)
        placement = _Placement(zone, host_name, group,
                               server_groups.placement_of(context, group)
                               if group else None)
        rows = _place_and_store(context, request, flavor, key_data,
                                placement, network, ports, security_groups,
                                reservation_id, count, trusted_certificates,
                                image_properties)
        if group is not None:
            server_groups.add_members(context, group,
                                      [row.uuid for row in rows])
    created = servers.assemble(context, rows, backend.task_durations(),
                               timeutils.utcnow())
    return CreateResult(created, reservation_id, admin_pass)


def _trusted_certificates(request):
    """The certificate ids a server's image must be signed with: those
    asked for, else the [glance] defaults when signatures and
    certificates are verified; None otherwise. A server booted from a
    volume can have none (CertificateValidationFailed)."""
    certificates = request.trusted_image_certificates
    glance = CONF.glance
    if not certificates and (glance.verify_glance_signatures and
                             glance.enable_certificate_validation):
        certificates = list(glance.default_trusted_certificate_ids)
    if not certificates:
        return None
    if request.boots_from_volume:
        raise exception.CertificateValidationFailed(
            'Image certificate validation is not supported when booting '
            'from volume')
    return certificates


def _flavor_for(context, flavor_ref):
    try:
        flavor = flavors_db.get_by_flavor_id(context, flavor_ref)
    except exception.FlavorNotFound:
        raise exception.InvalidFlavorRef(flavor_id=flavor_ref)
    if flavor.disabled:
        raise exception.InvalidFlavorRef(flavor_id=flavor_ref)
    return flavor


def check_image(context, image_ref, flavor, can_use_zero_disk_flavor):
    """Refuse an image the flavor cannot boot; the image's properties."""
    try:
        image, properties = images.get(context, image_ref)
    except exception.ImageNotFound:
        raise exception.InvalidImageRef()
    if image.status != 'active':
        raise exception.ImageNotActive(image_id=image_ref)
    if flavor.memory_mb < (image.min_ram or 0):
        raise exception.FlavorMemoryTooSmall()
    if flavor.root_gb == 0:
        if not can_use_zero_disk_flavor:
            raise exception.BootFromVolumeRequiredForZeroDiskFlavor()
        return properties
    flavor_size = flavor.root_gb * _GIB
    if image.size and image.size > flavor_size:
        raise exception.FlavorDiskSmallerThanImage(
            flavor_size=flavor_size, image_size=image.size)
    if image.min_disk and image.min_disk * _GIB > flavor_size:
        raise exception.FlavorDiskSmallerThanMinDisk(
            flavor_size=flavor_size, image_min_disk=image.min_disk * _GIB)
    return properties


def public_key_of(context, key_name):
    """The public key of the caller's key pair `key_name` (None for
    None); InvalidKeyName (400) if the caller has none of that name."""
    if key_name is None:
        return None
    try:
        return keypairs_db.get(context, context.user_id, key_name).public_key
    except exception.KeypairNotFound:
        raise exception.InvalidKeyName()


def check_injected_files_quota(context, files):
    """Nova's limits on personality files: how many, then the longest
    path, then the longest (base64) contents."""
    if not files:
        return
    limits = quotas.get_limits(context, context.project_id, context.user_id)

    def over(resource, value):
        return limits[resource] != quotas.UNLIMITED and (
            value > limits[resource])
    if over('injected_files', len(files)):
        raise exception.OnsetFileLimitExceeded()
    if over('injected_file_path_bytes', max(len(path) for path, _ in files)):
        raise exception.OnsetFilePathLimitExceeded(
            allowed=limits['injected_file_path_bytes'])
    if over('injected_file_content_bytes',
            max(len(contents) for _, contents in files)):
        raise exception.OnsetFileContentLimitExceeded(
            allowed=limits['injected_file_content_bytes'])


def _zone_and_host(context, requested):
    """(zone, host name) a create asks for; either may be None. As in
    Nova, a zone alone must have an enabled compute service."""
    if not requested:
        return None, None
    zone, _, host_and_node = requested.partition(':')
    host_name = host_and_node.partition(':')[0] or None
    hosts = services.registered_hosts(context)
    zones = ({host.availability_zone for host in hosts} if host_name
             else availability_zones.available_zone_names(context))
    if zone and zone not in zones:
        raise exception.AvailabilityZoneNotAvailable()
    if host_name is not None and host_name not in {host.name
                                                   for host in hosts}:
        raise exception.ComputeHostNotFound(host=host_name)
    return zone or None, host_name


@dataclasses.dataclass(frozen=True)
class _Port:
    """A port each server gets: its fixed IP (None: any) and device tag."""

    fixed_ip: str | None = None
    tag: str | None = None


def _requested_destination(context, host, node):
    """The host a create asks for with host and hypervisor_hostname
    (2.74); ComputeHostNotFound for a host, or a node, there is not (or
    whose service is deleted). A simulated host is its own single node."""
    names = {known.name for known in services.registered_hosts(context)}
    if host and host not in names:
        raise exception.ComputeHostNotFound(host=host)
    if node and node not in names:
        raise exception.ComputeHostNotFound(host=host or node)
    if host and node and host != node:
        raise exception.ComputeHostNotFound(host=host)
    return host or node


def stored_scheduler_hints(hints):
    """The hints as Nova's scheduler keeps them: each value a list of
    strings, without the hints reserved for Nova itself (``_nova...``)."""
    stored = {}
    for name, value in hints.items():
        if name.startswith('_nova'):
            continue
        values = value if isinstance(value, list) else [value]
        stored[name] = [_hint_string(item) for item in values]
    return stored


def _hint_string(value):
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int, float)):
        return str(value)
    # A JsonFilter query given as an object.
    return jsonutils.dumps(value)


def _requested_ports(network, request):
    """The ports each server gets, one per requested network; none for
    "none" (2.37)."""
    if not request.allocate_networks:
        return []
    if not request.networks:
        return [_Port()]
    ports = []
    for requested in request.networks:
        if requested.get('port'):
            raise exception.PortNotFound(port_id=requested['port'])
        if requested.get('uuid') != network.id:
            raise exception.NetworkNotFound(
                network_id=requested.get('uuid'))
        ports.append(_Port(requested.get('fixed_ip'), requested.get('tag')))
    if any(port.fixed_ip for port in ports) and request.max_count > 1:
        raise exception.InvalidFixedIpAndMaxCountRequest(
            reason='max_count cannot be greater than 1 if an fixed_ip is '
                   'specified.')
    return ports


def _security_groups(requested):
    names = list(dict.fromkeys(requested or [DEFAULT_SECURITY_GROUP]))
    for name in names:
        if name != DEFAULT_SECURITY_GROUP:
            raise exception.SecurityGroupNotFound(security_group_id=name)
    return names


def _random_string(length):
    alphabet = string.ascii_lowercase + string.digits
    return ''.join(secrets.choice(alphabet) for _ in range(length))


def _count_within_quota(context, flavor, min_count, max_count):
    """How many of max_count servers the quota allows (at least
    min_count), or TooManyInstances with Nova's message. The project's
    limits and the user's (which default to the project's) both apply."""
    per_server = {'instances': 1, 'cores': flavor.vcpus,
                  'ram': flavor.memory_mb}
    allowed = max_count
    for user_id in (None, context.user_id):
        limits = quotas.get_limits(context, context.project_id, user_id)
        used = dict(zip(('instances', 'cores', 'ram'), servers.usage(
            context, context.project_id, user_id)))
        for resource, each in per_server.items():
            if limits[resource] != quotas.UNLIMITED and each:
                allowed = min(allowed,
                              (limits[resource] - used[resource]) // each)
        if allowed < min_count:
            raise _too_many_instances(flavor, min_count, max_count,
                                      per_server, limits, used)
    return allowed


def _too_many_instances(flavor, min_count, max_count, per_server, limits,
                        used):
    overs = sorted(resource for resource, each in per_server.items()
                   if limits[resource] != quotas.UNLIMITED and
                   used[resource] + each * max_count > limits[resource])
    requested = {'instances': str(min_count) if min_count == max_count
                 else '%d-%d' % (min_count, max_count),
                 'cores': str(flavor.vcpus * max_count),
                 'ram': str(flavor.memory_mb * max_count)}
    return exception.TooManyInstances(
        overs=', '.join(overs),
        req=', '.join(requested[resource] for resource in overs),
        used=', '.join(str(used[resource]) for resource in overs),
        allowed=', '.join(str(limits[resource]) for resource in overs))


def _hostname(name):
    """Nova's hostname of a display name: letters, digits and dashes."""
    allowed = string.ascii_letters + string.digits + '-'
    hostname = ''.join(char if char in allowed else '-'
                       for char in name.replace(' ', '-'))
    hostname = hostname.strip('-.')[:63].lower()
    return hostname or 'server'


@dataclasses.dataclass
class _Placement:
    """Where a create's servers may go: the zone or host asked for, and
    what its server group's policy allows, forbids or prefers (from its
    members' hosts, and those of the servers placed so far)."""

    zone: str | None
    host_name: str | None
    group: object
    group_placement: server_groups.GroupPlacement | None

    def choose(self, hosts, usage, requirement):
        group = self.group_placement
        if group is None:
            return scheduling.choose_host(hosts, usage, requirement,
                                          self.zone, self.host_name)
        host = scheduling.choose_host(
            hosts, usage, requirement, self.zone, self.host_name,
            group.allowed(), group.excluded(), group.preference)
        if host is not None:
            group.add(host.name)
        return host


def _place_and_store(context, request, flavor, key_data, placement,
                     network, ports, security_groups, reservation_id,
                     count, trusted_certificates, image_properties):
    hosts = services.schedulable_hosts(context)
    # Kept with each server, as Nova embeds its flavor (2.47).
    flavor_snapshot = (flavor.name,
                       flavors_db.get_extra_specs(context, flavor.flavorid))
    usage = servers.host_usage(context)
    holders = servers.used_addresses(context, network.name)
    used = set(holders)
    for port in ports:
        if port.fixed_ip is not None:
            fixed_addresses.check_fixed_ip(network, port.fixed_ip, used,
                                           holders)
    requirement = scheduling.requirement_of(flavor)
    now = timeutils.utcnow()
    scheduler_hints = stored_scheduler_hints(request.scheduler_hints)
    rows = []
    for index in range(count):
        server_uuid = str(uuid_lib.uuid4())
        host = placement.choose(hosts, usage, requirement)
        name = request.name
        if count > 1:
            name = '%s-%d' % (request.name, index + 1)
        values = {
            'uuid': server_uuid, 'project_id': context.project_id,
            'user_id': context.user_id, 'name': name,
            'hostname': request.hostname or _hostname(name),
            'image_ref': request.image_ref,
            'flavor_ref': flavor.flavorid, 'vcpus': flavor.vcpus,
            'memory_mb': flavor.memory_mb, 'root_gb': flavor.root_gb,
            'ephemeral_gb': flavor.ephemeral_gb, 'swap': flavor.swap,
            'key_name': request.key_name, 'key_data': key_data,
            'access_ip_v4': request.access_ip_v4,
            'access_ip_v6': request.access_ip_v6,
            'config_drive': 'True' if request.config_drive else '',
            'disk_config': request.disk_config,
            'user_data': request.user_data,
            'reservation_id': reservation_id, 'launch_index': index,
            'security_groups': security_groups, 'created_at': now,
            'deleted': 0, 'description': request.description,
            'trusted_image_certificates': trusted_certificates,
            'scheduler_hints': scheduler_hints,
            'pinned_availability_zone': placement.zone,
        }
        addresses = []
        fault = None
        if host is None:
            values.update(vm_state=server_states.ERROR,
                          availability_zone=placement.zone)
            fault = {'code': 500, 'message': NO_VALID_HOST,
                     'details': _no_room_details(flavor, placement),
                     'created_at': now}
        else:
            values.update(vm_state=server_states.BUILDING,
                          task_state=server_states.SPAWNING,
                          task_started_at=now, host=host.name,
                          availability_zone=host.availability_zone)
            usage = scheduling.add_usage(usage, host.name, requirement)
            for port in ports:
                addresses += _tagged(port.tag, fixed_addresses.allocate(
                    network, used, server_uuid, port.fixed_ip))
        rows.append(servers_db.create(context, values, request.metadata,
                                      addresses, fault, flavor_snapshot,
                                      image_properties))
        instance_actions.record(context, rows[-1], 'create',
                                [_build_event(rows[-1], fault)])
        server_tags_db.add_at_create(context, rows[-1].id, request.tags)
    # Read back as stored: columns normalise some values (accessIPv6).
    return [servers_db.get(context, row.uuid) for row in rows]


def _build_event(row, fault):
    """The event a create records: the build on the compute host, or,
    when no host had room, the conductor's failure to schedule (with the
    fault's message as details and its details as traceback, as Nova
    records the exception)."""
    if fault is None:
        return instance_actions.PlannedEvent(
            'compute__do_build_and_run_instance', row.host,
            server_states.task_duration(server_states.SPAWNING,
                                        backend.task_durations()))
    return instance_actions.PlannedEvent(
        'conductor_schedule_and_build_instances',
        instance_actions.control_host('nova-conductor'),
        result=instance_actions.ERROR, details=fault['message'],
        traceback=fault['details'])


def _tagged(tag, addresses):
    """A port's address rows, with its device tag (2.32) if it has one."""
    if tag is None:
        return addresses
    return [dict(address, tag=tag) for address in addresses]


def _no_room_details(flavor, placement):
    where = 'host %s' % placement.host_name if placement.host_name else (
        'zone %s' % placement.zone if placement.zone else 'any zone')
    details = ('No compute host in %s has %d vcpus, %d MB of memory and '
               'the disk of flavor %s free' % (
                   where, flavor.vcpus, flavor.memory_mb, flavor.flavorid))
    # A soft policy never keeps a server from a host.
    if placement.group is not None and placement.group_placement.is_hard:
        details += ' that the %s policy of server group %s allows' % (
            placement.group.policy, placement.group.uuid)
    return details + '.'
