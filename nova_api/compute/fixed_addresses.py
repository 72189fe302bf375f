"""Fixed addresses of servers on the driver's network.

A server gets, per network it asks for, the lowest free IPv4 address of
the subnet (after the network address and the gateway, the subnet's first
host) and the IPv6 address at the same offset of the IPv6 subnet, if the
network has one. Both share one MAC address, as on one port. Callers hold
the scheduling lock, so the addresses in use they pass in are the truth
until they commit; the unique constraint on (network, address) backs that.
"""

import hashlib
import ipaddress

from nova_api import exception

# The network address and the gateway.
_FIRST_OFFSET = 2


def _offset_free(network, used, offset):
    address = network.ipv4.network_address + offset
    return (address not in (network.ipv4.broadcast_address,) and
            str(address) not in used)


def _mac_address(server_uuid, offset):
    digest = hashlib.sha256(('%s/%d' % (server_uuid, offset)).encode())
    return 'fa:16:3e:' + ':'.join(digest.hexdigest()[i:i + 2]
                                  for i in range(0, 6, 2))


def _addresses_at(network, offset, server_uuid):
    mac = _mac_address(server_uuid, offset)
    addresses = [{'network': network.name, 'version': 4, 'mac_address': mac,
                  'address': str(network.ipv4.network_address + offset)}]
    if (network.ipv6 is not None and
            offset < network.ipv6.num_addresses - 1):
        addresses.append({
            'network': network.name, 'version': 6, 'mac_address': mac,
            'address': str(network.ipv6.network_address + offset)})
    return addresses


def check_fixed_ip(network, fixed_ip, used, holders):
    """Raise unless `fixed_ip` can be given to a new server: it must lie
    in the network's IPv4 subnet, past the gateway, and be free.
    `holders` is {address: server uuid} of addresses in use."""
    address = ipaddress.ip_address(fixed_ip)
    if (address.version != 4 or address not in network.ipv4 or
            int(address) - int(network.ipv4.network_address) <
            _FIRST_OFFSET or address == network.ipv4.broadcast_address):
        raise exception.FixedIpNotFoundForAddress(address=fixed_ip)
    if fixed_ip in used:
        raise exception.FixedIpAlreadyInUse(
            address=fixed_ip, instance_uuid=holders.get(fixed_ip, ''))


def allocate(network, used, server_uuid, fixed_ip=None):
    """The address rows (dicts) of one port of a new server: `fixed_ip`
    if asked for (checked already), else the lowest free offset. Adds the
    IPv4 address to `used`."""
    if fixed_ip is not None:
        offset = int(ipaddress.ip_address(fixed_ip)) - int(
            network.ipv4.network_address)
    else:
        offset = _FIRST_OFFSET
        while True:
            if offset >= network.ipv4.num_addresses - 1:
                raise exception.NoMoreFixedIps(net=network.id)
            if _offset_free(network, used, offset):
                break
            offset += 1
    addresses = _addresses_at(network, offset, server_uuid)
    used.add(addresses[0]['address'])
    return addresses
