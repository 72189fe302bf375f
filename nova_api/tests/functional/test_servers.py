"""/servers: create, show, update and delete servers.

Error messages are the real Nova's where it answers them (validation,
policy, 404s); where it needs a compute host or an image service to answer
(quota, scheduling, images), they are those of Nova's source. Field sets
per microversion are those of Nova's API samples (servers, 2.1, 2.3 and
2.9). Task durations are set per test ([simulated] *_seconds: 0 ends a
task at once, NEVER not within a test), so no test waits.
"""

import base64
import uuid

from nova_api.api import microversion
from nova_api.tests.functional import base

CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
# min_disk 4 GB and min_ram 512 MB.
UBUNTU = '6f1e2a4b-5c7d-4e8f-a0b1-c2d3e4f5a602'
NETWORK_ID = '3b7f3c5e-0c1b-4f3a-9d55-6f0e8a2c1d40'
MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
NEVER = 3600
NO_VALID_HOST = ('No valid host was found. There are not enough hosts '
                 'available.')
CREATE_FIELDS = {'id', 'links', 'OS-DCF:diskConfig', 'security_groups',
                 'adminPass'}
UPDATE_FIELDS = {'id', 'name', 'links', 'status', 'tenant_id', 'user_id',
                 'metadata', 'hostId', 'image', 'flavor', 'created',
                 'updated', 'addresses', 'accessIPv4', 'accessIPv6',
                 'OS-DCF:diskConfig', 'progress'}
# The keys of a server in Nova's API samples (server-get-resp.json of
# api_samples/servers, v2.3 and v2.9), as an admin sees them.
SHOW_FIELDS = {
    'id', 'name', 'links', 'status', 'tenant_id', 'user_id', 'metadata',
    'hostId', 'image', 'flavor', 'created', 'updated', 'addresses',
    'accessIPv4', 'accessIPv6', 'key_name', 'config_drive', 'progress',
    'security_groups', 'OS-DCF:diskConfig', 'OS-EXT-AZ:availability_zone',
    'OS-EXT-SRV-ATTR:host', 'OS-EXT-SRV-ATTR:hypervisor_hostname',
    'OS-EXT-SRV-ATTR:instance_name', 'OS-EXT-STS:power_state',
    'OS-EXT-STS:task_state', 'OS-EXT-STS:vm_state',
    'OS-SRV-USG:launched_at', 'OS-SRV-USG:terminated_at',
    'os-extended-volumes:volumes_attached'}
SHOW_FIELDS_V23 = SHOW_FIELDS | {
    'OS-EXT-SRV-ATTR:reservation_id', 'OS-EXT-SRV-ATTR:launch_index',
    'OS-EXT-SRV-ATTR:kernel_id', 'OS-EXT-SRV-ATTR:ramdisk_id',
    'OS-EXT-SRV-ATTR:hostname', 'OS-EXT-SRV-ATTR:root_device_name',
    'OS-EXT-SRV-ATTR:user_data'}
SHOW_FIELDS_V29 = SHOW_FIELDS_V23 | {'locked'}
_SAMPLE_FIELDS = {
    (None, 'server-get-resp.json'): SHOW_FIELDS,
    ('2.3', 'server-get-resp.json'): SHOW_FIELDS_V23,
    ('2.9', 'server-get-resp.json'): SHOW_FIELDS_V29,
    (None, 'server-create-resp.json'): CREATE_FIELDS,
    (None, 'server-update-resp.json'): UPDATE_FIELDS,
}


def sample_fields(version=None, name='server-get-resp.json'):
    """The keys of a server in Nova's API sample `name` of `version`."""
    return _SAMPLE_FIELDS[version, name]


def admin_only(fields):
    return {name for name in fields if name.startswith('OS-EXT-SRV-ATTR:')}


def policy_refusal(rule):
    return "Policy doesn't allow %s to be performed." % rule


def not_found(server_id):
    return 'Instance %s could not be found.' % server_id


class ServerHelpers:
    """Servers in process, with task durations set per test; mix in
    before base.APITestCase."""

    def setUp(self):
        super().setUp()
        self.skip_if_remote('creates servers and sets how long tasks take')
        self.durations(build=0, reboot=NEVER, stop=NEVER, start=NEVER)

    def durations(self, **seconds):
        """Set [simulated] <task>_seconds for each task given."""
        self.conf.config(group='simulated', **{
            '%s_seconds' % task: value for task, value in seconds.items()})

    def post_server(self, persona='member', version=None, name='s1',
                    **fields):
        server = {'name': name, 'imageRef': CIRROS, 'flavorRef': '1'}
        # From 2.37 networks must be given: as a client would, ask for the
        # default one unless the test says otherwise (networks=None leaves
        # them out).
        if (version and version != 'latest' and
                microversion.APIVersionRequest(version) >= '2.37'):
            server['networks'] = 'auto'
        server.update(fields)
        if server.get('networks', '') is None:
            del server['networks']
        return self.api('POST', '/servers', {'server': server},
                        persona=persona, version=version)

    def create(self, persona='member', version=None, **fields):
        """A new server's id (202 checked)."""
        resp = self.post_server(persona, version, **fields)
        self.assertEqual(202, resp.status, resp)
        return resp.json()['server']['id']

    def show(self, server_id, persona='member', version=None):
        resp = self.api('GET', '/servers/' + server_id, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['server']

    def action(self, server_id, body, persona='member', version=None):
        return self.api('POST', '/servers/%s/action' % server_id, body,
                        persona=persona, version=version)

    def set_quota(self, persona='member', **limits):
        resp = self.api('PUT', '/os-quota-sets/' + self.project_id(persona),
                        {'quota_set': limits})
        self.assertEqual(200, resp.status, resp)


class ServersTestV2(ServerHelpers, base.APITestCase):

    # Create.

    def test_create(self):
        resp = self.post_server()
        self.assertEqual(202, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        server = resp.json()['server']
        self.assertEqual(CREATE_FIELDS, set(server))
        self.assertEqual(sample_fields(name='server-create-resp.json'),
                         set(server))
        path = '/servers/' + server['id']
        self.assertEqual(
            [{'rel': 'self', 'href': self.link(path, 'member')},
             {'rel': 'bookmark', 'href': self.bookmark(path, 'member')}],
            server['links'])
        self.assertEqual(self.link(path, 'member'), resp.header('Location'))
        self.assertEqual('MANUAL', server['OS-DCF:diskConfig'])
        self.assertEqual([{'name': 'default'}], server['security_groups'])
        self.assertEqual(12, len(server['adminPass']))
        self.assertTrue(server['adminPass'].isalnum())

    def test_create_with_admin_pass_and_disk_config(self):
        resp = self.post_server(adminPass='s3cret', **{
            'OS-DCF:diskConfig': 'AUTO'})
        self.assertEqual(202, resp.status, resp)
        self.assertEqual('s3cret', resp.json()['server']['adminPass'])
        self.assertEqual('AUTO', resp.json()['server']['OS-DCF:diskConfig'])
        server = self.show(resp.json()['server']['id'])
        self.assertEqual('AUTO', server['OS-DCF:diskConfig'])

    def test_create_without_instance_password(self):
        self.conf.config(enable_instance_password=False, group='api')
        resp = self.post_server(adminPass='s3cret')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(CREATE_FIELDS - {'adminPass'},
                         set(resp.json()['server']))

    def test_building_then_active(self):
        self.durations(build=NEVER)
        server_id = self.create()
        server = self.show(server_id)
        self.assertEqual('BUILD', server['status'])
        self.assertEqual('building', server['OS-EXT-STS:vm_state'])
        self.assertEqual('spawning', server['OS-EXT-STS:task_state'])
        self.assertEqual(0, server['OS-EXT-STS:power_state'])
        self.assertEqual(0, server['progress'])
        self.assertIsNone(server['OS-SRV-USG:launched_at'])
        # The build time passes.
        self.durations(build=0)
        server = self.show(server_id)
        self.assertEqual('ACTIVE', server['status'])
        self.assertEqual('active', server['OS-EXT-STS:vm_state'])
        self.assertIsNone(server['OS-EXT-STS:task_state'])
        self.assertEqual(1, server['OS-EXT-STS:power_state'])
        self.assertIsNotNone(server['OS-SRV-USG:launched_at'])
        self.assertIsNone(server['OS-SRV-USG:terminated_at'])

    def test_show(self):
        server_id = self.create(name='web', metadata={'role': 'web'})
        server = self.show(server_id)
        path = '/servers/' + server_id
        # A member sees no OS-EXT-SRV-ATTR attributes.
        self.assertEqual(sample_fields() - admin_only(sample_fields()),
                         set(server))
        mac = server['addresses']['private'][0]['OS-EXT-IPS-MAC:mac_addr']
        expected = {
            'id': server_id, 'name': 'web', 'status': 'ACTIVE',
            'tenant_id': self.project_id('member'),
            'user_id': self.user_id('member'),
            'metadata': {'role': 'web'},
            'image': {'id': CIRROS, 'links': [{
                'rel': 'bookmark',
                'href': self.bookmark('/images/' + CIRROS, 'member')}]},
            'flavor': {'id': '1', 'links': [{
                'rel': 'bookmark',
                'href': self.bookmark('/flavors/1', 'member')}]},
            'links': [{'rel': 'self', 'href': self.link(path, 'member')},
                      {'rel': 'bookmark',
                       'href': self.bookmark(path, 'member')}],
            'addresses': {'private': [
                {'addr': '192.168.0.2', 'version': 4,
                 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': mac},
                {'addr': 'fd00:10::2', 'version': 6,
                 'OS-EXT-IPS:type': 'fixed', 'OS-EXT-IPS-MAC:mac_addr': mac},
            ]},
            'accessIPv4': '', 'accessIPv6': '', 'key_name': None,
            'config_drive': '', 'OS-DCF:diskConfig': 'MANUAL',
            'OS-EXT-AZ:availability_zone': 'nova',
            'OS-EXT-STS:power_state': 1, 'OS-EXT-STS:task_state': None,
            'OS-EXT-STS:vm_state': 'active', 'progress': 0,
            'OS-SRV-USG:terminated_at': None,
            'os-extended-volumes:volumes_attached': [],
            'security_groups': [{'name': 'default'}],
        }
        for name, value in expected.items():
            self.assertEqual(value, server[name], name)
        self.assertRegex(mac, '^fa:16:3e(:[0-9a-f]{2}){3}$')
        self.assertRegex(server['hostId'], '^[0-9a-f]{56}$')
        self.assertRegex(server['created'],
                         r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$')

    def test_show_as_admin_has_the_extended_attributes(self):
        server_id = self.create()
        server = self.show(server_id, persona='admin')
        self.assertEqual(sample_fields(), set(server))
        self.assertIn(server['OS-EXT-SRV-ATTR:host'],
                      ('compute1', 'compute2'))
        self.assertEqual(server['OS-EXT-SRV-ATTR:host'],
                         server['OS-EXT-SRV-ATTR:hypervisor_hostname'])
        self.assertRegex(server['OS-EXT-SRV-ATTR:instance_name'],
                         '^instance-[0-9a-f]{8}$')

    def test_host_id_differs_per_project(self):
        self.set_quota('member', cores=-1, ram=-1)
        member_server = self.show(self.create(
            availability_zone='nova'), 'admin')
        admin_server = self.show(self.create(
            persona='admin', availability_zone='nova:%s' % member_server[
                'OS-EXT-SRV-ATTR:host']), 'admin')
        self.assertEqual(member_server['OS-EXT-SRV-ATTR:host'],
                         admin_server['OS-EXT-SRV-ATTR:host'])
        self.assertNotEqual(member_server['hostId'], admin_server['hostId'])

    def test_each_server_gets_the_next_address(self):
        first = self.show(self.create())
        second = self.show(self.create())
        self.assertEqual(['192.168.0.2', 'fd00:10::2'],
                         [a['addr'] for a in first['addresses']['private']])
        self.assertEqual(['192.168.0.3', 'fd00:10::3'],
                         [a['addr'] for a in second['addresses']['private']])

    def test_addresses_from_the_configured_network(self):
        self.conf.config(network_name='tenant-net',
                         network_cidr='10.20.30.0/24', network_ipv6_cidr='',
                         group='simulated')
        server = self.show(self.create())
        self.assertEqual({'tenant-net': [{
            'addr': '10.20.30.2', 'version': 4, 'OS-EXT-IPS:type': 'fixed',
            'OS-EXT-IPS-MAC:mac_addr': server['addresses']['tenant-net'][0][
                'OS-EXT-IPS-MAC:mac_addr']}]}, server['addresses'])

    def test_create_with_network_and_fixed_ip(self):
        server_id = self.create(networks=[{'uuid': NETWORK_ID,
                                           'fixed_ip': '192.168.7.9'}])
        addresses = self.show(server_id)['addresses']['private']
        self.assertEqual(['192.168.7.9', 'fd00:10::709'],
                         [address['addr'] for address in addresses])

    def test_create_in_a_zone(self):
        self.conf.config(hosts=['compute1:nova:8:16384:160',
                                'compute3:az2:8:16384:160'],
                         group='simulated')
        server = self.show(self.create(availability_zone='az2'), 'admin')
        self.assertEqual('az2', server['OS-EXT-AZ:availability_zone'])
        self.assertEqual('compute3', server['OS-EXT-SRV-ATTR:host'])

    def test_create_on_a_forced_host_as_admin(self):
        server = self.show(self.create(persona='admin',
                                       availability_zone='nova:compute2'),
                           'admin')
        self.assertEqual('compute2', server['OS-EXT-SRV-ATTR:host'])

    def test_create_on_a_forced_host_needs_admin(self):
        resp = self.post_server(availability_zone='nova:compute2')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:servers:create:forced_host'))

    def test_create_on_an_unknown_host(self):
        resp = self.post_server(persona='admin',
                                availability_zone='nova:nowhere')
        self.assertFault(resp, 400, 'Compute host nowhere could not be '
                                    'found.')

    def test_create_with_metadata_access_ips_and_key(self):
        resp = self.api('POST', '/os-keypairs', {'keypair': {'name': 'k1'}},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        server_id = self.create(
            metadata={'a': '1', 'b': ''}, key_name='k1',
            accessIPv4='203.0.113.5', accessIPv6='2001:db8::5')
        server = self.show(server_id)
        self.assertEqual({'a': '1', 'b': ''}, server['metadata'])
        self.assertEqual('k1', server['key_name'])
        self.assertEqual('203.0.113.5', server['accessIPv4'])
        self.assertEqual('2001:db8::5', server['accessIPv6'])

    def test_access_ipv6_is_shown_in_its_shortest_form(self):
        # As Nova stores it (Tempest's test_verify_server_details).
        server_id = self.create(
            accessIPv6='0000:0000:0000:0000:0000:babe:220.12.22.2')
        self.assertEqual('::babe:dc0c:1602',
                         self.show(server_id)['accessIPv6'])
        resp = self.api('PUT', '/servers/' + server_id, {'server': {
            'accessIPv6': '2001:0DB8:0000::0001'}}, persona='member')
        self.assertEqual('2001:db8::1', resp.json()['server']['accessIPv6'])
        resp = self.api('GET', '/servers?all_tenants=1&'
                        'access_ip_v6=2001:db8:0::1')
        self.assertEqual([server_id],
                         [server['id'] for server in resp.json()['servers']])

    def test_create_with_another_users_key(self):
        resp = self.api('POST', '/os-keypairs', {'keypair': {'name': 'k1'}},
                        persona='admin')
        self.assertEqual(200, resp.status, resp)
        self.assertFault(self.post_server(key_name='k1'), 400,
                         'Invalid key_name provided.')

    def test_return_reservation_id(self):
        resp = self.post_server(return_reservation_id=True)
        self.assertEqual(202, resp.status, resp)
        body = resp.json()
        self.assertEqual(['reservation_id'], list(body))
        self.assertRegex(body['reservation_id'], '^r-[0-9a-z]{8}$')
        self.assertIsNone(resp.header('Location'))
        resp = self.api('GET', '/servers?reservation_id=' +
                        body['reservation_id'], persona='member')
        self.assertEqual(['s1'], [s['name'] for s in resp.json()['servers']])

    def test_min_and_max_count(self):
        resp = self.post_server(name='web', min_count=2, max_count=3,
                                return_reservation_id=True)
        self.assertEqual(202, resp.status, resp)
        reservation_id = resp.json()['reservation_id']
        resp = self.api('GET', '/servers/detail?sort_key=display_name&'
                        'sort_dir=asc&all_tenants=1', version='2.3')
        servers = resp.json()['servers']
        self.assertEqual(['web-1', 'web-2', 'web-3'],
                         [server['name'] for server in servers])
        self.assertEqual(
            [(reservation_id, 0), (reservation_id, 1), (reservation_id, 2)],
            [(server.get('OS-EXT-SRV-ATTR:reservation_id', reservation_id),
              server.get('OS-EXT-SRV-ATTR:launch_index', index))
             for index, server in enumerate(servers)])

    def test_max_count_limited_by_quota(self):
        self.set_quota(instances=2)
        resp = self.post_server(name='web', min_count=1, max_count=5)
        self.assertEqual(202, resp.status, resp)
        resp = self.api('GET', '/servers', persona='member')
        self.assertEqual(['web-1', 'web-2'], sorted(
            server['name'] for server in resp.json()['servers']))

    def test_one_server_keeps_its_name(self):
        self.create(name='solo', min_count=1, max_count=1)
        resp = self.api('GET', '/servers', persona='member')
        self.assertEqual(['solo'],
                         [s['name'] for s in resp.json()['servers']])

    # Create: what Nova refuses.

    def test_create_with_an_unknown_flavor(self):
        self.assertFault(self.post_server(flavorRef='999'), 400,
                         'Flavor 999 could not be found.')

    def test_create_with_a_flavor_link(self):
        server_id = self.create(flavorRef=self.link('/flavors/2', 'member'))
        self.assertEqual('2', self.show(server_id)['flavor']['id'])

    def test_create_with_an_unknown_image(self):
        self.assertFault(self.post_server(imageRef=MISSING), 400,
                         'Can not find requested image')

    def test_create_without_an_image(self):
        # Without block devices to boot from, as the real Nova answers.
        for image_ref in ('', None):
            resp = self.api('POST', '/servers', {'server': {
                'name': 's1', 'flavorRef': '1',
                **({} if image_ref is None else {'imageRef': image_ref})}},
                persona='member')
            self.assertFault(resp, 400, 'Missing imageRef attribute')

    def test_create_with_an_image_link(self):
        # Nova's schema takes an image UUID only, even on /v2.
        link = self.bookmark('/images/' + CIRROS, 'member')
        self.assertFault(
            self.post_server(imageRef=link), 400,
            "Invalid input for field/attribute imageRef. Value: %s. '%s' is "
            "not valid under any of the given schemas" % (link, link))

    def test_create_with_an_unknown_key_name(self):
        self.assertFault(self.post_server(key_name='nokey'), 400,
                         'Invalid key_name provided.')

    def test_create_in_an_unknown_zone(self):
        self.assertFault(self.post_server(availability_zone='nozone'), 400,
                         'The requested availability zone is not available')

    def test_create_on_an_unknown_network(self):
        self.assertFault(self.post_server(networks=[{'uuid': MISSING}]),
                         400, 'Network %s could not be found.' % MISSING)

    def test_create_with_a_malformed_network(self):
        for network, message in (
                ({'uuid': 'bad'}, 'Bad networks format: network uuid is not '
                                  'in proper format (bad)'),
                ({'fixed_ip': '192.168.0.9'},
                 "Bad network format: missing 'uuid'"),
                ({'port': MISSING, 'fixed_ip': '192.168.0.9'},
                 "Specified Fixed IP '192.168.0.9' cannot be used with port "
                 "'%s': the two cannot be specified together." % MISSING)):
            # Before the flavor is looked up.
            self.assertFault(self.post_server(flavorRef='999',
                                              networks=[network]),
                             400, message)

    def test_create_with_a_port(self):
        self.assertFault(self.post_server(networks=[{'port': MISSING}]),
                         400, 'Port id %s could not be found.' % MISSING)

    def test_create_with_a_fixed_ip_in_use(self):
        holder = self.create()
        resp = self.post_server(networks=[{'uuid': NETWORK_ID,
                                           'fixed_ip': '192.168.0.2'}])
        self.assertFault(resp, 400, 'Fixed IP address 192.168.0.2 is '
                                    'already in use on instance %s.' % holder)

    def test_create_with_a_fixed_ip_outside_the_subnet(self):
        for address in ('10.0.0.5', '192.168.0.0', '192.168.0.1',
                        '192.168.255.255'):
            resp = self.post_server(networks=[{'uuid': NETWORK_ID,
                                               'fixed_ip': address}])
            self.assertFault(resp, 400, 'Fixed IP not found for address '
                                        '%s.' % address)

    def test_create_with_a_fixed_ip_and_max_count(self):
        resp = self.post_server(max_count=2, networks=[{
            'uuid': NETWORK_ID, 'fixed_ip': '192.168.0.9'}])
        self.assertFault(resp, 400, 'Failed to launch instances: max_count '
                                    'cannot be greater than 1 if an fixed_ip '
                                    'is specified.')

    def test_create_with_an_unknown_security_group(self):
        resp = self.post_server(security_groups=[{'name': 'web'}])
        self.assertFault(resp, 400, 'Security group web not found.')

    def test_create_with_the_default_security_group(self):
        resp = self.post_server(security_groups=[{'name': 'default'}])
        self.assertEqual(202, resp.status, resp)
        self.assertEqual([{'name': 'default'}],
                         resp.json()['server']['security_groups'])

    def test_min_count_above_max_count(self):
        self.assertFault(self.post_server(min_count=3, max_count=2), 400,
                         'min_count must be <= max_count')

    def test_metadata_over_quota(self):
        self.set_quota(metadata_items=2)
        resp = self.post_server(metadata={'a': '1', 'b': '2', 'c': '3'})
        self.assertFault(resp, 403,
                         'Maximum number of metadata items exceeds 2')
        self.assertEqual(202, self.post_server(
            metadata={'a': '1', 'b': '2'}).status)

    def test_personality_files_over_quota(self):
        contents = base64.b64encode(b'hello').decode()
        self.set_quota(injected_files=1, injected_file_path_bytes=10,
                       injected_file_content_bytes=8)
        for files, message in (
                ([{'path': '/a', 'contents': contents}] * 2,
                 'Personality file limit exceeded'),
                ([{'path': '/etc/motd.d/x', 'contents': contents}],
                 'Personality file path exceeds maximum 10'),
                ([{'path': '/a', 'contents': contents * 2}],
                 'Personality file content exceeds maximum 8')):
            self.assertFault(self.post_server(personality=files), 403,
                             message)
        self.assertEqual(202, self.post_server(personality=[
            {'path': '/a', 'contents': contents}]).status)

    def test_image_needs_more_memory_than_the_flavor(self):
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': 'small-ram', 'ram': 256, 'vcpus': 1, 'disk': 10,
            'id': 'small-ram'}})
        self.assertEqual(200, resp.status, resp)
        self.assertFault(self.post_server(imageRef=UBUNTU,
                                          flavorRef='small-ram'), 400,
                         "Flavor's memory is too small for requested image.")

    def test_image_needs_more_disk_than_the_flavor(self):
        # m1.tiny: 512 MB of memory (enough), a 1 GB disk (not 4 GB).
        resp = self.post_server(imageRef=UBUNTU, flavorRef='1')
        self.assertFault(
            resp, 400, "Flavor's disk is smaller than the minimum size "
            "specified in image metadata. Flavor disk is 1073741824 bytes, "
            "minimum size is 4294967296 bytes.")
        self.assertEqual(202, self.post_server(imageRef=UBUNTU,
                                               flavorRef='2').status)

    def test_over_the_instances_quota(self):
        self.set_quota(instances=1)
        self.create()
        self.assertFault(
            self.post_server(), 403, 'Quota exceeded for instances: '
            'Requested 1, but already used 1 of 1 instances')

    def test_over_the_cores_and_ram_quota(self):
        self.set_quota(cores=3, ram=4096)
        # m1.medium: 2 vcpus, 4096 MB.
        self.create(flavorRef='3')
        self.assertFault(
            self.post_server(flavorRef='3'), 403, 'Quota exceeded for '
            'cores, ram: Requested 2, 4096, but already used 2, 4096 of '
            '3, 4096 cores, ram')

    def test_over_quota_with_a_count_range(self):
        self.set_quota(instances=2)
        self.assertFault(
            self.post_server(min_count=3, max_count=4), 403,
            'Quota exceeded for instances: Requested 3-4, but already used '
            '0 of 2 instances')

    def test_quota_from_config(self):
        self.conf.config(instances=0, group='quota')
        self.assertFault(
            self.post_server(), 403, 'Quota exceeded for instances: '
            'Requested 1, but already used 0 of 0 instances')

    def test_no_host_with_room(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        # m1.small: 1 vcpu, 2048 MB.
        resp = self.post_server(flavorRef='2')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        server = self.show(server_id)
        self.assertEqual('ERROR', server['status'])
        self.assertEqual('error', server['OS-EXT-STS:vm_state'])
        self.assertNotIn('progress', server)
        self.assertEqual({}, server['addresses'])
        self.assertEqual('', server['hostId'])
        fault = server['fault']
        self.assertEqual({'code', 'created', 'message'}, set(fault))
        self.assertEqual(500, fault['code'])
        self.assertEqual(NO_VALID_HOST, fault['message'])
        admin_fault = self.show(server_id, 'admin')['fault']
        self.assertEqual({'code', 'created', 'message', 'details'},
                         set(admin_fault))
        self.assertIsNone(self.show(server_id, 'admin')[
            'OS-EXT-SRV-ATTR:host'])

    def test_hosts_fill_up(self):
        self.conf.config(hosts=['small:nova:1:4096:40'], group='simulated')
        self.create(flavorRef='2')
        server_id = self.create(flavorRef='2')
        self.assertEqual('ERROR', self.show(server_id)['status'])

    def test_create_refusals_of_the_schema(self):
        for body, status in (
                ({'server': {'imageRef': CIRROS, 'flavorRef': '1'}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS}}, 400),
                ({'server': {'name': '', 'imageRef': CIRROS,
                             'flavorRef': '1'}}, 400),
                ({'server': {'name': 's', 'imageRef': 'not-a-uuid',
                             'flavorRef': '1'}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS,
                             'flavorRef': '1', 'accessIPv4': 'bad'}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS,
                             'flavorRef': '1', 'metadata': {'a': 1}}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS,
                             'flavorRef': '1', 'min_count': 0}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS,
                             'flavorRef': '1',
                             'networks': [{'uuid': 'bad'}]}}, 400),
                ({'server': {'name': 's', 'imageRef': CIRROS,
                             'flavorRef': '1', 'user_data': 'not base64!'}},
                 400),
                ({'server': 'x'}, 400),
                ({}, 400)):
            resp = self.api('POST', '/servers', body, persona='member')
            self.assertEqual(status, resp.status, (body, resp))
        resp = self.api('GET', '/servers', persona='member')
        self.assertEqual([], resp.json()['servers'])

    # Show.

    def test_show_an_unknown_server(self):
        resp = self.api('GET', '/servers/' + MISSING, persona='member')
        self.assertFault(resp, 404, not_found(MISSING))

    def test_show_another_projects_server(self):
        server_id = self.create(persona='other')
        resp = self.api('GET', '/servers/' + server_id, persona='member')
        self.assertFault(resp, 404, not_found(server_id))
        server = self.show(server_id, 'admin')
        self.assertEqual(self.project_id('other'), server['tenant_id'])

    def test_show_a_deleted_server(self):
        server_id = self.create()
        self.assertEqual(204, self.api('DELETE', '/servers/' + server_id,
                                       persona='member').status)
        resp = self.api('GET', '/servers/' + server_id, persona='member')
        self.assertFault(resp, 404, not_found(server_id))

    # Update.

    def test_update(self):
        server_id = self.create(accessIPv4='203.0.113.5')
        resp = self.api('PUT', '/servers/' + server_id, {'server': {
            'name': 'renamed', 'accessIPv6': '2001:db8::9'}},
            persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        server = resp.json()['server']
        self.assertEqual(UPDATE_FIELDS, set(server))
        self.assertEqual(sample_fields(name='server-update-resp.json'),
                         set(server))
        self.assertEqual('renamed', server['name'])
        self.assertEqual('203.0.113.5', server['accessIPv4'])
        self.assertEqual('2001:db8::9', server['accessIPv6'])
        self.assertEqual([{'addr': '192.168.0.2', 'version': 4},
                          {'addr': 'fd00:10::2', 'version': 6}],
                         server['addresses']['private'])
        shown = self.show(server_id)
        self.assertEqual('renamed', shown['name'])
        self.assertEqual('2001:db8::9', shown['accessIPv6'])
        self.assertEqual(server['updated'], shown['updated'])

    def test_update_cannot_clear_an_access_ip(self):
        server_id = self.create(accessIPv4='203.0.113.5')
        resp = self.api('PUT', '/servers/' + server_id, {'server': {
            'accessIPv4': ''}}, persona='member')
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                                    "accessIPv4. Value: . '' is not a 'ipv4'")

    def test_update_as_admin_shows_no_extended_attributes(self):
        server_id = self.create()
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'name': 'x'}})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(UPDATE_FIELDS, set(resp.json()['server']))

    def test_update_bad_bodies(self):
        server_id = self.create()
        for body in ({'server': {'name': ''}},
                     {'server': {'name': 'x' * 256}},
                     {'server': {'accessIPv4': '2001:db8::1'}},
                     {'server': {'accessIPv6': '10.0.0.1'}},
                     {'server': {'OS-DCF:diskConfig': 'SOMETIMES'}},
                     {'server': 'x'}, {}):
            resp = self.api('PUT', '/servers/' + server_id, body,
                            persona='member')
            self.assertEqual(400, resp.status, (body, resp))
        self.assertEqual('s1', self.show(server_id)['name'])

    def test_update_an_unknown_server(self):
        resp = self.api('PUT', '/servers/' + MISSING,
                        {'server': {'name': 'x'}}, persona='member')
        self.assertFault(resp, 404, not_found(MISSING))

    def test_update_another_projects_server(self):
        server_id = self.create(persona='other')
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'name': 'x'}}, persona='member')
        self.assertFault(resp, 404, not_found(server_id))

    # Delete.

    def test_delete(self):
        server_id = self.create()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertFault(resp, 404, not_found(server_id))

    def test_delete_a_building_server(self):
        self.durations(build=NEVER)
        server_id = self.create()
        self.assertEqual(204, self.api('DELETE', '/servers/' + server_id,
                                       persona='member').status)

    def test_delete_frees_quota_and_addresses(self):
        self.set_quota(instances=1)
        server_id = self.create()
        self.assertEqual(403, self.post_server().status)
        self.api('DELETE', '/servers/' + server_id, persona='member')
        again = self.show(self.create())
        self.assertEqual('192.168.0.2',
                         again['addresses']['private'][0]['addr'])
        resp = self.api('GET', '/os-quota-sets/%s/detail' %
                        self.project_id('member'), persona='member')
        self.assertEqual(1, resp.json()['quota_set']['instances']['in_use'])

    def test_delete_another_projects_server(self):
        server_id = self.create(persona='other')
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertFault(resp, 404, not_found(server_id))
        self.assertEqual('ACTIVE', self.show(server_id, 'other')['status'])

    def test_admin_deletes_another_projects_server(self):
        server_id = self.create(persona='other')
        resp = self.api('DELETE', '/servers/' + server_id)
        self.assertEqual(204, resp.status, resp)


class ServersTestV21(base.V21, ServersTestV2):

    def test_strict_validation_messages(self):
        for fields, message in (
                ({'imageRef': 'notauuid'},
                 "Invalid input for field/attribute imageRef. Value: "
                 "notauuid. 'notauuid' is not valid under any of the given "
                 "schemas"),
                ({'accessIPv4': 'bad'},
                 "Invalid input for field/attribute accessIPv4. Value: bad. "
                 "'bad' is not a 'ipv4'"),
                ({'metadata': {'a': 1}},
                 "Invalid input for field/attribute a. Value: 1. 1 is not "
                 "of type 'string'"),
                ({'name': ''},
                 "Invalid input for field/attribute name. Value: . '' should "
                 "be non-empty"),
                ({'networks': [{'uuid': 'bad'}]},
                 'Bad networks format: network uuid is not in proper format '
                 '(bad)')):
            self.assertFault(self.post_server(**fields), 400, message)

    def test_unknown_property_is_refused(self):
        resp = self.post_server(foo=1)
        self.assertFault(resp, 400, (
            "Invalid input for field/attribute server. Value: {'name': "
            "'s1', 'imageRef': '%s', 'flavorRef': '1', 'foo': 1}. "
            "Additional properties are not allowed ('foo' was unexpected)"
            % CIRROS))

    def test_update_unknown_property_is_refused(self):
        server_id = self.create()
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'foo': 'x'}}, persona='member')
        self.assertFault(resp, 400, (
            "Invalid input for field/attribute server. Value: {'foo': 'x'}. "
            "Additional properties are not allowed ('foo' was unexpected)"))

    def test_show_fields_per_microversion(self):
        server_id = self.create()
        for version, sample_version in (('2.1', None), ('2.2', None),
                                        ('2.3', '2.3'), ('2.8', '2.3'),
                                        ('2.9', '2.9'), ('2.15', '2.9')):
            admin_view = self.show(server_id, 'admin', version)
            self.assertEqual(sample_fields(sample_version), set(admin_view),
                             version)
            member_view = self.show(server_id, 'member', version)
            self.assertEqual(sample_fields(sample_version) - admin_only(
                sample_fields(sample_version)), set(member_view), version)

    def test_extended_attributes_at_2_3(self):
        user_data = base64.b64encode(b'#!/bin/sh\necho hi\n').decode()
        server_id = self.create(name='My Web_01', user_data=user_data)
        server = self.show(server_id, 'admin', '2.3')
        self.assertEqual(user_data, server['OS-EXT-SRV-ATTR:user_data'])
        self.assertEqual('my-web-01', server['OS-EXT-SRV-ATTR:hostname'])
        self.assertEqual(0, server['OS-EXT-SRV-ATTR:launch_index'])
        self.assertRegex(server['OS-EXT-SRV-ATTR:reservation_id'],
                         '^r-[0-9a-z]{8}$')
        self.assertEqual('/dev/vda',
                         server['OS-EXT-SRV-ATTR:root_device_name'])
        self.assertEqual('', server['OS-EXT-SRV-ATTR:kernel_id'])
        self.assertEqual('', server['OS-EXT-SRV-ATTR:ramdisk_id'])
        self.assertNotIn('OS-EXT-SRV-ATTR:user_data',
                         self.show(server_id, 'admin', '2.2'))
        self.assertNotIn('OS-EXT-SRV-ATTR:user_data',
                         self.show(server_id, 'member', '2.3'))

    def test_min_count_servers_share_a_reservation(self):
        resp = self.post_server(name='web', min_count=2,
                                return_reservation_id=True)
        reservation_id = resp.json()['reservation_id']
        resp = self.api('GET', '/servers/detail?sort_key=display_name&'
                        'sort_dir=asc&all_tenants=1', version='2.3')
        self.assertEqual(
            [('web-1', reservation_id, 0), ('web-2', reservation_id, 1)],
            [(s['name'], s['OS-EXT-SRV-ATTR:reservation_id'],
              s['OS-EXT-SRV-ATTR:launch_index'])
             for s in resp.json()['servers']])

    def test_locked_at_2_9(self):
        server_id = self.create()
        self.assertIs(False, self.show(server_id, version='2.9')['locked'])
        self.assertNotIn('locked', self.show(server_id, version='2.8'))
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'name': 'x'}}, persona='member',
                        version='2.9')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(UPDATE_FIELDS | {'locked'},
                         set(resp.json()['server']))

    def test_create_at_the_maximum_version(self):
        # From 2.37 a create names its networks.
        resp = self.post_server(version=self.max_version(), networks='auto')
        self.assertEqual(202, resp.status, resp)
        self.assertVersionHeaders(resp, self.max_version())
        self.assertEqual(CREATE_FIELDS, set(resp.json()['server']))

    def test_unique_names_are_not_required(self):
        first = self.create(name='same')
        second = self.create(name='same')
        self.assertNotEqual(first, second)
        self.assertEqual(str(uuid.UUID(first)), first)
