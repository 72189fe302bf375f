"""Servers on the wire: list entries, the full server, the create answer.

What a microversion adds: 2.3 the launch details among the OS-EXT-SRV-ATTR
attributes (for those the extended-attributes policy lets see them), 2.9
``locked``. Administrators (by policy) also see the host, hypervisor
hostname and instance name from 2.1.
"""

from nova_api.api.views import addresses as addresses_view
from nova_api.api.views import links

COLLECTION = 'servers'

# The statuses Nova shows a progress in, and a fault in.
_PROGRESS_STATUSES = frozenset(('ACTIVE', 'BUILD', 'REBUILD', 'RESIZE',
                                'VERIFY_RESIZE', 'MIGRATING'))
_FAULT_STATUSES = frozenset(('ERROR', 'DELETED'))
_ROOT_DEVICE_NAME = '/dev/vda'


def _iso_seconds(value):
    return value.strftime('%Y-%m-%dT%H:%M:%SZ')


def _iso_micro(value):
    return value.strftime('%Y-%m-%dT%H:%M:%S.%f') if value else None


def _summary(req, server):
    return {
        'id': server.uuid,
        'name': server.name,
        'links': links.resource_links(req, COLLECTION, server.uuid),
    }


def _reference(req, collection, identifier):
    return {'id': identifier,
            'links': [{'rel': 'bookmark',
                       'href': links.bookmark_href(req, collection,
                                                   identifier)}]}


def _fault(server, show_details):
    fault = server.fault
    body = {'code': fault.code, 'created': _iso_seconds(fault.created_at),
            'message': fault.message}
    # Nova hides what went wrong inside (code 500) from non-admins.
    if fault.details and (show_details or fault.code != 500):
        body['details'] = fault.details
    return body


def _extended_attributes(req, server):
    attributes = {
        'OS-EXT-SRV-ATTR:host': server.host,
        'OS-EXT-SRV-ATTR:hypervisor_hostname': server.host,
        'OS-EXT-SRV-ATTR:instance_name': server.instance_name,
    }
    if req.is_supported('2.3'):
        attributes.update({
            'OS-EXT-SRV-ATTR:reservation_id': server.reservation_id,
            'OS-EXT-SRV-ATTR:launch_index': server.launch_index,
            'OS-EXT-SRV-ATTR:kernel_id': '',
            'OS-EXT-SRV-ATTR:ramdisk_id': '',
            'OS-EXT-SRV-ATTR:hostname': server.hostname,
            'OS-EXT-SRV-ATTR:root_device_name': _ROOT_DEVICE_NAME,
            'OS-EXT-SRV-ATTR:user_data': server.user_data,
        })
    return attributes


def _base_view(req, server, show_fault_details, extended_addresses):
    body = _summary(req, server)
    body.update({
        'status': server.status,
        'tenant_id': server.project_id,
        'user_id': server.user_id,
        'metadata': dict(server.metadata),
        'hostId': server.host_id,
        # A server booted from a volume has no image.
        'image': _reference(req, 'images', server.image_ref)
        if server.image_ref else '',
        'flavor': _reference(req, 'flavors', server.flavor_ref),
        'created': _iso_seconds(server.created_at),
        'updated': _iso_seconds(server.updated_at),
        'addresses': addresses_view.build_addresses(
            server.addresses, extended=extended_addresses),
        'accessIPv4': server.access_ip_v4 or '',
        'accessIPv6': server.access_ip_v6 or '',
        'OS-DCF:diskConfig': server.disk_config,
    })
    if server.status in _PROGRESS_STATUSES:
        body['progress'] = 0
    if server.fault is not None and server.status in _FAULT_STATUSES:
        body['fault'] = _fault(server, show_fault_details)
    if req.is_supported('2.9'):
        body['locked'] = server.locked_by is not None
    return body


def build_server_view(req, server, show_extended_attributes):
    """The full server, as show and list detail answer it."""
    body = _base_view(req, server, show_extended_attributes,
                      extended_addresses=True)
    body.update({
        'key_name': server.key_name,
        'config_drive': server.config_drive,
        'OS-EXT-AZ:availability_zone': server.availability_zone or '',
        'OS-EXT-STS:power_state': server.power_state,
        'OS-EXT-STS:task_state': server.task_state,
        'OS-EXT-STS:vm_state': server.vm_state,
        'OS-SRV-USG:launched_at': _iso_micro(server.launched_at),
        'OS-SRV-USG:terminated_at': _iso_micro(server.terminated_at),
        'os-extended-volumes:volumes_attached': [],
    })
    if server.security_groups:
        body['security_groups'] = [{'name': name}
                                   for name in server.security_groups]
    if show_extended_attributes:
        body.update(_extended_attributes(req, server))
    return body


def update(req, server, show_fault_details):
    """What an update answers before 2.75: the server without its key,
    zone, state, usage, security group, volume and host attributes, and
    its addresses without type and MAC."""
    return {'server': _base_view(req, server, show_fault_details,
                                 extended_addresses=False)}


def show(req, server, show_extended_attributes):
    return {'server': build_server_view(req, server,
                                        show_extended_attributes)}


def index(req, servers, limit):
    return _page(req, COLLECTION, [_summary(req, server)
                                   for server in servers], servers, limit)


def detail(req, servers, limit, show_extended_attributes):
    return _page(req, COLLECTION + '/detail',
                 [build_server_view(req, server, show_extended_attributes)
                  for server in servers], servers, limit)


def _page(req, collection, entries, servers, limit):
    body = {'servers': entries}
    next_links = links.collection_links(
        req, collection, [server.uuid for server in servers], limit)
    if next_links:
        body['servers_links'] = next_links
    return body


def create(req, server, admin_pass):
    """The answer to a create: the first server's id and links, its disk
    config and security groups, and the admin password if shown."""
    body = _summary(req, server)
    del body['name']
    body['OS-DCF:diskConfig'] = server.disk_config
    body['security_groups'] = [{'name': name}
                               for name in server.security_groups]
    if admin_pass is not None:
        body['adminPass'] = admin_pass
    return {'server': body}


def reservation(reservation_id):
    return {'reservation_id': reservation_id}
