"""A server's addresses on the wire, by network.

``build_addresses`` is the one place that formats them: /ips uses the
basic form (addr, version) and the server view the extended one, which
adds the address type and the port's MAC address. Networks and the
addresses on each keep the order they were allocated in.
"""

# Every address of a simulated server is a fixed one: nothing allocates
# floating addresses.
_FIXED = 'fixed'


def _address(address, extended):
    entry = {'version': address.version, 'addr': address.address}
    if extended:
        entry['OS-EXT-IPS:type'] = _FIXED
        entry['OS-EXT-IPS-MAC:mac_addr'] = address.mac_address
    return entry


def build_addresses(addresses, extended):
    """{network name: [address entry, ...]} of `addresses` (rows with
    network, address, version and mac_address, in allocation order)."""
    networks = {}
    for address in addresses:
        networks.setdefault(address.network, []).append(
            _address(address, extended))
    return networks


def index(addresses):
    return {'addresses': build_addresses(addresses, extended=False)}


def show(network, addresses):
    """The addresses of one network: `addresses` are that network's."""
    return {network: [_address(address, extended=False)
                      for address in addresses]}
