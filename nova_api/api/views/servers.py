"""Servers on the wire: list entries, the full server, the create answer.

What a microversion adds: 2.3 the launch details among the OS-EXT-SRV-ATTR
attributes (for those the extended-attributes policy lets see them), 2.9
``locked``, 2.16 ``host_status`` (show and detail, by policy), 2.19
``description``, 2.26 ``tags`` (update's shorter view too), 2.47 the
flavor's details instead of its id and link (its extra specs by policy),
2.63 ``trusted_image_certificates``, 2.71 ``server_groups`` (show and
update only), 2.73 ``locked_reason``, 2.75 the full view in update
answers, 2.90 the hostname for everyone, 2.96
``pinned_availability_zone``, 2.98 the image's ``properties``, 2.100
``scheduler_hints``. Administrators (by policy) also see the host,
hypervisor hostname and instance name from 2.1.

What needs more than the server's row (host statuses, embedded flavors,
tags, server groups, image properties) is read by the controller once per
request and handed to the builder.

A list detail formats up to [api] max_limit servers, so what is the same
for every server of a request (link bases, microversion checks, whether
extended attributes show) is worked out once, by a ``ServerViewBuilder``.
"""

from nova_api.api.views import addresses as addresses_view
from nova_api.api.views import links
from nova_api.compute import servers as servers_compute

COLLECTION = 'servers'

# The statuses Nova shows a progress in, and a fault in.
_PROGRESS_STATUSES = frozenset(('ACTIVE', 'BUILD', 'REBUILD', 'RESIZE',
                                'VERIFY_RESIZE', 'MIGRATING'))
_FAULT_STATUSES = frozenset(('ERROR', 'DELETED'))
_ROOT_DEVICE_NAME = '/dev/vda'


# Naive UTC datetimes. isoformat() is strftime's result, faster, and
# fastest without arguments: its first 19 characters are the seconds,
# and it leaves out microseconds that are 0.
def _iso_seconds(value):
    """2013-09-03T04:01:32Z"""
    return value.isoformat()[:19] + 'Z'


def _iso_micro(value):
    """2013-09-23T13:37:00.880302, or None"""
    if not value:
        return None
    if value.microsecond:
        return value.isoformat()
    return value.isoformat() + '.000000'


def _fault(fault, show_details):
    body = {'code': fault.code, 'created': _iso_seconds(fault.created_at),
            'message': fault.message}
    # Nova hides what went wrong inside (code 500) from non-admins.
    if fault.details and (show_details or fault.code != 500):
        body['details'] = fault.details
    return body


class ServerViewBuilder:
    """Formats the servers of one request."""

    def __init__(self, req, show_extended_attributes,
                 host_statuses=None,
                 host_status_unknown_only=False,
                 flavors=None,
                 show_flavor_extra_specs=False,
                 show_server_groups=False):
        """host_statuses: {host: status} (compute's host_statuses()) to
        show host_status, None not to; host_status_unknown_only: show
        it only when UNKNOWN. flavors: {server uuid: EmbeddedFlavor} to
        embed them (2.47), None for the flavor's id and link.
        show_server_groups: the server's groups (2.71, not in lists)."""
        self.links = links.resource_links_builder(req, COLLECTION)
        self.image_base = links.bookmark_base(req, 'images')
        self.flavor_base = links.bookmark_base(req, 'flavors')
        self.show_extended_attributes = show_extended_attributes
        self.launch_details = req.is_supported('2.3')
        self.locked = req.is_supported('2.9')
        self.host_statuses = host_statuses
        self.host_status_unknown_only = host_status_unknown_only
        self.description = req.is_supported('2.19')
        self.flavors = flavors
        self.show_flavor_extra_specs = show_flavor_extra_specs
        self.trusted_image_certificates = req.is_supported('2.63')
        self.tags = req.is_supported('2.26')
        self.server_groups = show_server_groups
        self.locked_reason = req.is_supported('2.73')
        self.image_properties = req.is_supported('2.98')
        # One check per server for what later versions add: most
        # requests (and every list of a client of 2.1) have none of it.
        self.since_2_71 = show_server_groups or self.locked_reason
        self.since_2_90 = req.is_supported('2.90')
        self.pinned_availability_zone = req.is_supported('2.96')
        self.scheduler_hints = req.is_supported('2.100')
        # A page's servers share a few (project, host) pairs.
        self._host_ids = {}

    def _host_id(self, server):
        key = (server.row.project_id, server.row.host)
        host_id = self._host_ids.get(key)
        if host_id is None:
            host_id = self._host_ids[key] = server.host_id
        return host_id

    def summary(self, server):
        uuid = server.row.uuid
        return {'id': uuid, 'name': server.row.name,
                'links': self.links(uuid)}

    def _reference(self, base, identifier):
        return {'id': identifier,
                'links': [{'rel': 'bookmark', 'href': base + identifier}]}

    def _embedded_flavor(self, server_uuid):
        flavor = self.flavors[server_uuid]
        body = {'original_name': flavor.name, 'vcpus': flavor.vcpus,
                'ram': flavor.memory_mb, 'disk': flavor.root_gb,
                'ephemeral': flavor.ephemeral_gb, 'swap': flavor.swap}
        if self.show_flavor_extra_specs:
            body['extra_specs'] = flavor.extra_specs
        return body

    def _add_host_status(self, body, row):
        status = servers_compute.NO_HOST_STATUS
        if row.host:
            status = self.host_statuses.get(row.host, status)
        if (not self.host_status_unknown_only or
                status == servers_compute.HOST_UNKNOWN):
            body['host_status'] = status

    def base(self, server, extended_addresses):
        """What every full view has, update's included."""
        row = server.row
        status = server.state.status
        body = {
            'id': row.uuid,
            'name': row.name,
            'links': self.links(row.uuid),
            'status': status,
            'tenant_id': row.project_id,
            'user_id': row.user_id,
            'metadata': server.metadata,
            'hostId': self._host_id(server),
            # A server booted from a volume has no image.
            'image': self._reference(self.image_base, row.image_ref)
            if row.image_ref else '',
            'flavor': self._reference(self.flavor_base, row.flavor_ref)
            if self.flavors is None else self._embedded_flavor(row.uuid),
            'created': _iso_seconds(row.created_at),
            'updated': _iso_seconds(server.updated_at),
            'addresses': addresses_view.build_addresses(
                server.addresses, extended=extended_addresses),
            'accessIPv4': row.access_ip_v4 or '',
            'accessIPv6': row.access_ip_v6 or '',
            'OS-DCF:diskConfig': row.disk_config,
        }
        if status in _PROGRESS_STATUSES:
            body['progress'] = 0
        if server.fault is not None and status in _FAULT_STATUSES:
            body['fault'] = _fault(server.fault,
                                   self.show_extended_attributes)
        if self.locked:
            body['locked'] = row.locked_by is not None
        if self.description:
            body['description'] = row.description
        if self.trusted_image_certificates:
            body['trusted_image_certificates'] = (
                row.trusted_image_certificates)
        if self.tags:
            # Read by the controller for the views that show them.
            body['tags'] = list(server.tags)
        if self.since_2_71:
            self._add_since_2_71(body, server)
        return body

    def _add_since_2_71(self, body, server):
        if self.server_groups:
            body['server_groups'] = server.server_groups
        if self.locked_reason:
            body['locked_reason'] = server.row.locked_reason
        if self.image_properties and server.row.image_ref:
            body['image']['properties'] = server.image_properties

    def full(self, server):
        """The server as show, list detail (without its server groups)
        and, from 2.75, update answer it."""
        row = server.row
        state = server.state
        body = self.base(server, extended_addresses=True)
        body.update({
            'key_name': row.key_name,
            'config_drive': row.config_drive,
            'OS-EXT-AZ:availability_zone': row.availability_zone or '',
            'OS-EXT-STS:power_state': state.power_state,
            'OS-EXT-STS:task_state': state.task_state,
            'OS-EXT-STS:vm_state': state.vm_state,
            'OS-SRV-USG:launched_at': _iso_micro(state.launched_at),
            'OS-SRV-USG:terminated_at': _iso_micro(row.terminated_at),
            'os-extended-volumes:volumes_attached': [],
        })
        if row.security_groups:
            body['security_groups'] = [{'name': name}
                                       for name in row.security_groups]
        if self.show_extended_attributes:
            self._add_extended_attributes(body, server)
        if self.host_statuses is not None:
            self._add_host_status(body, row)
        if self.since_2_90:
            self._add_since_2_90(body, row)
        return body

    def _add_since_2_90(self, body, row):
        # Everyone sees the hostname, not only those who see the other
        # extended attributes.
        body['OS-EXT-SRV-ATTR:hostname'] = row.hostname
        if self.pinned_availability_zone:
            body['pinned_availability_zone'] = row.pinned_availability_zone
        if self.scheduler_hints:
            body['scheduler_hints'] = row.scheduler_hints or {}

    def _add_extended_attributes(self, body, server):
        row = server.row
        body['OS-EXT-SRV-ATTR:host'] = row.host
        body['OS-EXT-SRV-ATTR:hypervisor_hostname'] = row.host
        body['OS-EXT-SRV-ATTR:instance_name'] = server.instance_name
        if self.launch_details:
            body.update({
                'OS-EXT-SRV-ATTR:reservation_id': row.reservation_id,
                'OS-EXT-SRV-ATTR:launch_index': row.launch_index,
                'OS-EXT-SRV-ATTR:kernel_id': '',
                'OS-EXT-SRV-ATTR:ramdisk_id': '',
                'OS-EXT-SRV-ATTR:hostname': row.hostname,
                'OS-EXT-SRV-ATTR:root_device_name': _ROOT_DEVICE_NAME,
                'OS-EXT-SRV-ATTR:user_data': row.user_data,
            })


def build_server_view(req, server, show_extended_attributes, **options):
    """The full server, as show answers it; `options` are
    ServerViewBuilder's."""
    options.setdefault('show_server_groups', req.is_supported('2.71'))
    return ServerViewBuilder(req, show_extended_attributes,
                             **options).full(server)


def show(req, server, show_extended_attributes, **options):
    return {'server': build_server_view(req, server,
                                        show_extended_attributes, **options)}


def update(req, server, show_extended_attributes, **options):
    """What an update answers: from 2.75 the server as show answers it;
    before, without its key, zone, state, usage, security group, volume
    and host attributes, and its addresses without type and MAC."""
    if req.is_supported('2.75'):
        return show(req, server, show_extended_attributes, **options)
    options.setdefault('show_server_groups', req.is_supported('2.71'))
    builder = ServerViewBuilder(req, show_extended_attributes, **options)
    return {'server': builder.base(server, extended_addresses=False)}


def rebuild(req, server, show_extended_attributes, admin_pass, **options):
    """What a rebuild answers: the update's answer with the admin password
    (None: not shown), the key name (2.54; the full view has it from 2.75)
    and the user data (2.57), in place of the extended attribute."""
    body = update(req, server, show_extended_attributes, **options)
    shown = body['server']
    shown.pop('OS-EXT-SRV-ATTR:user_data', None)
    if admin_pass is not None:
        shown['adminPass'] = admin_pass
    if req.is_supported('2.54'):
        shown['key_name'] = server.key_name
    if req.is_supported('2.57'):
        shown['user_data'] = server.user_data
    return body


def index(req, servers, limit):
    builder = ServerViewBuilder(req, False)
    return _page(req, COLLECTION, [builder.summary(server)
                                   for server in servers], servers, limit)


def detail(req, servers, limit, show_extended_attributes, **options):
    builder = ServerViewBuilder(req, show_extended_attributes, **options)
    return _page(req, COLLECTION + '/detail',
                 [builder.full(server) for server in servers], servers,
                 limit)


def _page(req, collection, entries, servers, limit):
    body = {'servers': entries}
    next_links = links.collection_links(
        req, collection, [entry['id'] for entry in entries], limit)
    if next_links:
        body['servers_links'] = next_links
    return body


def create(req, server, admin_pass):
    """The answer to a create: the first server's id and links, its disk
    config and security groups, and the admin password if shown."""
    body = {'id': server.row.uuid,
            'links': links.resource_links(req, COLLECTION, server.row.uuid),
            'OS-DCF:diskConfig': server.row.disk_config,
            'security_groups': [{'name': name}
                                for name in server.row.security_groups]}
    if admin_pass is not None:
        body['adminPass'] = admin_pass
    return {'server': body}


def reservation(reservation_id):
    return {'reservation_id': reservation_id}
