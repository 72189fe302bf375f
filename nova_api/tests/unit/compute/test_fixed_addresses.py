"""Fixed addresses: which ones a new server gets, and which a create may
ask for."""

import ipaddress
import re

import testtools

from nova_api.compute import fixed_addresses
from nova_api import exception
from nova_api.virt import driver

SERVER = '6a1c0c38-5f5e-4b53-9d0e-2d4c1c1f3b10'
OTHER_SERVER = 'b0e5d3a2-7c41-4f0e-8d8a-6a3f5c2e9d21'
NETWORK_ID = '3b7f3c5e-0c1b-4f3a-9d55-6f0e8a2c1d40'
_MAC = re.compile(r'^fa:16:3e(:[0-9a-f]{2}){3}$')


def _network(ipv4='192.168.0.0/16', ipv6='fd00:10::/64'):
    return driver.Network(
        id=NETWORK_ID, name='private', ipv4=ipaddress.ip_network(ipv4),
        ipv6=None if ipv6 is None else ipaddress.ip_network(ipv6))


def _ipv4(rows):
    return [row['address'] for row in rows if row['version'] == 4]


def _ipv6(rows):
    return [row['address'] for row in rows if row['version'] == 6]


class AllocateTest(testtools.TestCase):

    def test_the_first_server_gets_the_address_after_the_gateway(self):
        used = set()
        rows = fixed_addresses.allocate(_network(), used, SERVER)
        self.assertEqual(['192.168.0.2'], _ipv4(rows))
        self.assertEqual(['fd00:10::2'], _ipv6(rows))
        self.assertEqual({'192.168.0.2'}, used)
        self.assertEqual({'private'}, {row['network'] for row in rows})

    def test_the_lowest_free_address_skipping_used_ones(self):
        used = {'192.168.0.2', '192.168.0.3', '192.168.0.5'}
        network = _network()
        first = fixed_addresses.allocate(network, used, SERVER)
        second = fixed_addresses.allocate(network, used, OTHER_SERVER)
        self.assertEqual(['192.168.0.4'], _ipv4(first))
        self.assertEqual(['192.168.0.6'], _ipv4(second))
        self.assertEqual(
            {'192.168.0.%d' % last for last in range(2, 7)}, used)

    def test_ipv6_at_the_same_offset(self):
        network = _network(ipv6='fd00:abcd::/64')
        used = {'192.168.0.%d' % last for last in range(2, 10)}
        rows = fixed_addresses.allocate(network, used, SERVER)
        self.assertEqual(['192.168.0.10'], _ipv4(rows))
        self.assertEqual(['fd00:abcd::a'], _ipv6(rows))

    def test_ipv4_only_network(self):
        rows = fixed_addresses.allocate(_network(ipv6=None), set(), SERVER)
        self.assertEqual([4], [row['version'] for row in rows])

    def test_no_ipv6_past_the_end_of_a_smaller_ipv6_subnet(self):
        network = _network(ipv4='10.0.0.0/24', ipv6='fd00::/126')
        used = {'10.0.0.%d' % last for last in range(2, 5)}
        rows = fixed_addresses.allocate(network, used, SERVER)
        self.assertEqual(['10.0.0.5'], _ipv4(rows))
        self.assertEqual([], _ipv6(rows))

    def test_both_versions_share_one_mac_address(self):
        rows = fixed_addresses.allocate(_network(), set(), SERVER)
        macs = {row['mac_address'] for row in rows}
        self.assertEqual(1, len(macs))
        self.assertRegex(macs.pop(), _MAC)

    def test_mac_addresses_differ_between_servers(self):
        network = _network()
        used = set()
        first = fixed_addresses.allocate(network, used, SERVER)
        second = fixed_addresses.allocate(network, used, OTHER_SERVER)
        self.assertNotEqual(first[0]['mac_address'],
                            second[0]['mac_address'])
        # The same server and offset give the same MAC again.
        self.assertEqual(
            first[0]['mac_address'],
            fixed_addresses.allocate(network, set(), SERVER)[0][
                'mac_address'])

    def test_a_requested_address(self):
        used = {'192.168.0.2'}
        rows = fixed_addresses.allocate(_network(), used, SERVER,
                                        fixed_ip='192.168.1.7')
        self.assertEqual(['192.168.1.7'], _ipv4(rows))
        # 192.168.1.7 is offset 263 of the /16.
        self.assertEqual(['fd00:10::107'], _ipv6(rows))
        self.assertEqual({'192.168.0.2', '192.168.1.7'}, used)

    def test_a_full_subnet(self):
        # A /29: the network address, the gateway, five servers and the
        # broadcast address.
        network = _network(ipv4='10.0.0.0/29', ipv6=None)
        used = set()
        given = [_ipv4(fixed_addresses.allocate(network, used, SERVER))[0]
                 for _ in range(5)]
        self.assertEqual(['10.0.0.%d' % last for last in range(2, 7)],
                         given)
        error = self.assertRaises(exception.NoMoreFixedIps,
                                  fixed_addresses.allocate, network, used,
                                  SERVER)
        self.assertEqual(
            'No fixed IP addresses available for network: %s' % NETWORK_ID,
            error.format_message())
        self.assertEqual(set(given), used)

    def test_a_freed_address_is_given_again(self):
        network = _network(ipv4='10.0.0.0/29', ipv6=None)
        used = {'10.0.0.%d' % last for last in range(2, 7)}
        used.discard('10.0.0.4')
        rows = fixed_addresses.allocate(network, used, SERVER)
        self.assertEqual(['10.0.0.4'], _ipv4(rows))


class CheckFixedIpTest(testtools.TestCase):

    def check(self, fixed_ip, holders=None):
        holders = holders or {}
        fixed_addresses.check_fixed_ip(
            _network(ipv4='10.0.0.0/24'), fixed_ip, set(holders), holders)

    def assert_not_found(self, fixed_ip):
        error = self.assertRaises(exception.FixedIpNotFoundForAddress,
                                  self.check, fixed_ip)
        self.assertEqual('Fixed IP not found for address %s.' % fixed_ip,
                         error.format_message())

    def test_free_addresses_of_the_subnet(self):
        for fixed_ip in ('10.0.0.2', '10.0.0.100', '10.0.0.254'):
            self.check(fixed_ip)

    def test_outside_the_subnet(self):
        for fixed_ip in ('10.0.1.2', '192.168.0.2', '9.255.255.255'):
            self.assert_not_found(fixed_ip)

    def test_network_gateway_and_broadcast(self):
        for fixed_ip in ('10.0.0.0', '10.0.0.1', '10.0.0.255'):
            self.assert_not_found(fixed_ip)

    def test_an_ipv6_address(self):
        self.assert_not_found('fd00:10::2')

    def test_in_use(self):
        error = self.assertRaises(
            exception.FixedIpAlreadyInUse, self.check, '10.0.0.7',
            {'10.0.0.7': OTHER_SERVER, '10.0.0.8': SERVER})
        self.assertEqual(
            'Fixed IP address 10.0.0.7 is already in use on instance '
            '%s.' % OTHER_SERVER, error.format_message())
        self.assertEqual(400, error.code)

    def test_in_use_beside_others(self):
        self.check('10.0.0.9', {'10.0.0.7': OTHER_SERVER,
                                '10.0.0.8': SERVER})
