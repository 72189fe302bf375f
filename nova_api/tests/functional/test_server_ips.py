"""/servers/{server_id}/ips: a server's addresses, by network."""

import ipaddress

from nova_api import conf as nova_conf
from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_metadata

CONF = nova_conf.CONF
MISSING = test_server_metadata.MISSING
RULE = 'os_compute_api:ips:%s'
NOT_ON_NETWORK = 'Instance is not a member of specified network'


class ServerIPsTestV2(test_server_metadata.ServerHelpers,
                      base.APITestCase):

    def path(self, server_id, network=None):
        path = '/servers/%s/ips' % server_id
        return path + '/' + network if network is not None else path

    def server_addresses(self, server_id, persona='member'):
        """The server view's addresses, in the basic form of /ips."""
        resp = self.api('GET', '/servers/' + server_id, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return {network: [{'addr': entry['addr'],
                           'version': entry['version']} for entry in entries]
                for network, entries in
                resp.json()['server']['addresses'].items()}

    def test_index(self):
        server_id = self.create_server()
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        addresses = resp.json()['addresses']
        self.assertEqual(self.server_addresses(server_id), addresses)
        self.assertNotEqual({}, addresses)
        for entries in addresses.values():
            for entry in entries:
                self.assertEqual({'addr', 'version'}, set(entry))
                self.assertEqual(
                    entry['version'],
                    ipaddress.ip_address(entry['addr']).version)

    def test_addresses_of_the_simulated_network(self):
        self.skip_if_remote('reads the [simulated] network options')
        server_id = self.create_server()
        resp = self.api('GET', self.path(server_id), persona='member')
        network = CONF.simulated.network_name
        self.assertEqual([network], list(resp.json()['addresses']))
        entries = resp.json()['addresses'][network]
        # IPv4 first, then IPv6, each in its subnet.
        self.assertEqual([4, 6], [entry['version'] for entry in entries])
        for entry, cidr in zip(entries, (CONF.simulated.network_cidr,
                                         CONF.simulated.network_ipv6_cidr)):
            self.assertIn(ipaddress.ip_address(entry['addr']),
                          ipaddress.ip_network(cidr))

    def test_servers_have_their_own_addresses(self):
        first = self.create_server()
        second = self.create_server()
        first_addresses = self.api('GET', self.path(first),
                                   persona='member').json()['addresses']
        second_addresses = self.api('GET', self.path(second),
                                    persona='member').json()['addresses']
        for network, entries in first_addresses.items():
            self.assertEqual(
                set(), {e['addr'] for e in entries} &
                {e['addr'] for e in second_addresses.get(network, [])})

    def test_show(self):
        server_id = self.create_server()
        addresses = self.server_addresses(server_id)
        for network, entries in addresses.items():
            resp = self.api('GET', self.path(server_id, network),
                            persona='member')
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.1')
            self.assertEqual({network: entries}, resp.json())

    def test_show_unknown_network(self):
        server_id = self.create_server()
        for network in ('nothing', 'pri vate', 'PRIVATE'):
            resp = self.api('GET', self.path(server_id, network),
                            persona='member')
            self.assertFault(resp, 404, NOT_ON_NETWORK)

    def test_admin_sees_a_members_server(self):
        server_id = self.create_server()
        resp = self.api('GET', self.path(server_id))
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(self.server_addresses(server_id),
                         resp.json()['addresses'])

    def test_another_projects_server_is_not_found(self):
        server_id = self.create_server()
        network = next(iter(self.server_addresses(server_id)))
        for path in (self.path(server_id), self.path(server_id, network)):
            resp = self.api('GET', path, persona='other')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % server_id)

    def test_unknown_server_is_not_found(self):
        for path in (self.path(MISSING), self.path(MISSING, 'private')):
            resp = self.api('GET', path, persona='member')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % MISSING)

    def test_deleted_server_is_not_found(self):
        server_id = self.create_server()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertFault(resp, 404,
                         'Instance %s could not be found.' % server_id)

    def test_rules_and_their_target(self):
        server_id = self.create_server()
        network = next(iter(self.server_addresses(server_id)))
        self.use_policy_file({RULE % 'index': 'project_id:%(project_id)s',
                              RULE % 'show': 'project_id:%(project_id)s'})
        for name, path in (('index', self.path(server_id)),
                           ('show', self.path(server_id, network))):
            # The target is the server's project, not the caller's.
            resp = self.api('GET', path)
            self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                        "performed." % (RULE % name))
            resp = self.api('GET', path, persona='member')
            self.assertEqual(200, resp.status, resp)

    def test_rule_is_checked_before_the_network(self):
        server_id = self.create_server()
        self.use_policy_file({RULE % 'show': '!'})
        resp = self.api('GET', self.path(server_id, 'nothing'),
                        persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                    "performed." % (RULE % 'show'))
        resp = self.api('GET', self.path(MISSING, 'nothing'),
                        persona='member')
        self.assertFault(resp, 404,
                         'Instance %s could not be found.' % MISSING)


class ServerIPsTestV21(base.V21, ServerIPsTestV2):

    def test_same_answer_at_the_latest_version(self):
        server_id = self.create_server()
        latest = self.max_version()
        resp = self.api('GET', self.path(server_id), persona='member',
                        version=latest)
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, latest)
        self.assertEqual({'addresses': self.server_addresses(server_id)},
                         resp.json())

    def test_unknown_query_parameters_are_ignored(self):
        server_id = self.create_server()
        resp = self.api('GET', self.path(server_id) + '?colour=blue',
                        persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_unknown_query_parameters_are_refused_at_2_102(self):
        server_id = self.create_server()
        for path in (self.path(server_id),
                     self.path(server_id, 'private')):
            resp = self.api('GET', path + '?colour=blue', persona='member',
                            version='2.101')
            self.assertEqual(200, resp.status, resp)
            resp = self.api('GET', path + '?colour=blue', persona='member',
                            version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('colour' was unexpected)")
        # The query is checked before the server is looked up.
        resp = self.api('GET', self.path(MISSING) + '?colour=blue',
                        persona='member', version='2.102')
        self.assertEqual(400, resp.status, resp)
