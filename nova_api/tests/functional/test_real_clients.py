"""python-novaclient, openstacksdk and the openstack CLI against nova-api.

Each class starts one real ``nova-api`` process (uWSGI, noauth2, responses
checked against their schemas) on a free 127.0.0.1 port and drives it
with a client as a user would, with the token ``admin:admin`` and no
Keystone.
"""

import base64
import datetime
import json
import os
import subprocess
import sys
import time
import uuid

from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
import fixtures
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
import novaclient
from novaclient import api_versions
from novaclient import client as nova_client
from novaclient import exceptions as nova_exceptions
import openstack
import testtools

from nova_api.api import microversion
from nova_api.tests.fixtures import deployment as deployment_fixture

TOKEN = 'admin:admin'
MAX_VERSION = str(microversion.MAX_VERSION)
MAX_VERSION_TUPLE = (microversion.MAX_VERSION.major,
                     microversion.MAX_VERSION.minor)
# The admin's project under noauth2 with the token above.
PROJECT_ID = 'admin'
# An OpenSSH RSA public key and its MD5 fingerprint (ssh-keygen -l -E md5).
PUBLIC_KEY = (
    'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQD0HwoT1+okEBpAhPAyRv5Q0H7KIY'
    'Z+s8hbFWLuU/MFTZeTgpUhpGmlra0qpsA3gACtyhAkvgyJhVgKL3KNXdas1AF4DkvU'
    'pvXvdvTB5hoUnexpqBwlqRImcalENQZsBLBL2VXCebzFzaeMj44iu1clL4PcSp2ECV'
    '+qreb3YdSf2Q=='
    ' client-test')
FINGERPRINT = 'bc:e8:d6:6a:09:73:c3:b7:09:75:0f:b4:46:e3:c4:c1'
CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
# The simulated network every server is on.
NETWORK_ID = '3b7f3c5e-0c1b-4f3a-9d55-6f0e8a2c1d40'
# Responses checked against their schemas; servers' tasks short enough to
# wait for.
EXTRA_CONFIG = '''[DEFAULT]
# Shelved servers wait for shelveOffload (openstack server shelve
# --offload).
shelved_offload_time = -1
[api]
response_validation = error
[simulated]
build_seconds = 0.5
reboot_seconds = 0.5
stop_seconds = 0.5
start_seconds = 0.5
pause_seconds = 0.5
unpause_seconds = 0.5
suspend_seconds = 0.5
resume_seconds = 0.5
shelve_seconds = 0.5
shelve_offload_seconds = 0.5
unshelve_seconds = 0.5
rescue_seconds = 0.5
unrescue_seconds = 0.5
change_password_seconds = 0.5
rebuild_seconds = 0.5
snapshot_seconds = 1
soft_delete_seconds = 0.5
restore_seconds = 0.5
resize_seconds = 0.5
revert_resize_seconds = 0.5
'''
WAIT_SECONDS = 20
# The README's clouds.yaml, for a nova-api at {base}.
CLOUDS_YAML = '''clouds:
  nova_api:
    auth_type: admin_token
    auth:
      endpoint: {base}/v2.1
      token: admin:admin
    identity_api_version: 3
    identity_endpoint_override: {base}/
    compute_endpoint_override: {base}/v2.1
    image_endpoint_override: {base}/image
'''


def _unique(prefix):
    return '%s-%s' % (prefix, uuid.uuid4().hex[:8])


class NovaAPIServer:
    """One nova-api process shared by the tests of a class."""

    extra_config = EXTRA_CONFIG

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deployment = deployment_fixture.DeploymentDir(
            extra_config=cls.extra_config)
        cls.deployment.setUp()
        cls.addClassCleanup(cls.deployment.cleanUp)
        cls.server = deployment_fixture.APIProcess(
            cls.deployment, cls.deployment.nova_api_argv())
        cls.server.setUp()
        cls.addClassCleanup(cls.server.cleanUp)
        cls.endpoint = cls.server.base_url + '/v2.1'

    def sdk_connection(self):
        """An openstacksdk connection with the admin_token plugin, no
        clouds.yaml nor OS_* variables, closed at the test's end."""
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': TOKEN},
            compute_endpoint_override=self.endpoint,
            image_endpoint_override=self.server.base_url + '/image')
        self.addCleanup(conn.close)
        return conn


class NovaClientTest(NovaAPIServer, testtools.TestCase):
    """python-novaclient on a keystoneauth session with a fixed token."""

    def client(self, version):
        auth = token_endpoint.Token(self.endpoint, TOKEN)
        return nova_client.Client(version,
                                  session=ks_session.Session(auth=auth))

    def test_negotiates_the_highest_common_microversion(self):
        nova = self.client('2.1')
        version = api_versions.discover_version(
            nova, api_versions.APIVersion('2.latest'))
        # The lower of the two maximums: novaclient's own is 2.96.
        expected = min(api_versions.APIVersion(MAX_VERSION),
                       novaclient.API_MAX_VERSION)
        self.assertEqual(expected.get_string(), version.get_string())
        current = self.client(version.get_string()).versions.get_current()
        self.assertEqual(MAX_VERSION, current.version)
        self.assertEqual('2.1', current.min_version)

    def test_flavors_list_and_show(self):
        for version in ('2.1', '2.2', '2.10'):
            nova = self.client(version)
            flavors = {f.name: f for f in nova.flavors.list()}
            self.assertLessEqual(
                {'m1.tiny', 'm1.small', 'm1.medium', 'm1.large',
                 'm1.xlarge'}, set(flavors))
            tiny = nova.flavors.get('1')
            self.assertEqual(('m1.tiny', 512, 1, 1),
                             (tiny.name, tiny.ram, tiny.vcpus, tiny.disk))
            self.assertTrue(tiny.is_public)
            self.assertEqual('2', nova.flavors.find(name='m1.small').id)

    def test_private_flavor_with_access_and_extra_specs(self):
        nova = self.client('2.10')
        name = _unique('private')
        flavor = nova.flavors.create(name, ram=256, vcpus=2, disk=3,
                                     is_public=False)
        self.addCleanup(self._delete_flavor, nova, flavor.id)
        self.assertEqual((name, 256, 2, 3, False),
                         (flavor.name, flavor.ram, flavor.vcpus, flavor.disk,
                          flavor.is_public))

        accesses = nova.flavor_access.add_tenant_access(flavor, 'tenant-a')
        self.assertEqual([(flavor.id, 'tenant-a')],
                         [(a.flavor_id, a.tenant_id) for a in accesses])
        self.assertEqual(
            ['tenant-a'],
            [a.tenant_id for a in nova.flavor_access.list(flavor=flavor)])

        flavor.set_keys({'hw:cpu_policy': 'dedicated', 'quota:cpu_shares':
                         '1024'})
        self.assertEqual(
            {'hw:cpu_policy': 'dedicated', 'quota:cpu_shares': '1024'},
            nova.flavors.get(flavor.id).get_keys())
        flavor.unset_keys(['quota:cpu_shares'])
        self.assertEqual({'hw:cpu_policy': 'dedicated'},
                         nova.flavors.get(flavor.id).get_keys())

        nova.flavor_access.remove_tenant_access(flavor, 'tenant-a')
        self.assertEqual([], nova.flavor_access.list(flavor=flavor))
        nova.flavors.delete(flavor.id)
        self.assertRaises(nova_exceptions.NotFound, nova.flavors.get,
                          flavor.id)

    @staticmethod
    def _delete_flavor(nova, flavor_id):
        try:
            nova.flavors.delete(flavor_id)
        except nova_exceptions.NotFound:
            pass

    def test_keypair_import_show_list_delete(self):
        for version in ('2.1', '2.2', '2.10'):
            nova = self.client(version)
            name = _unique('imported')
            keypair = nova.keypairs.create(name, public_key=PUBLIC_KEY)
            self.assertEqual(name, keypair.name)
            self.assertEqual(PUBLIC_KEY, keypair.public_key)
            self.assertEqual(FINGERPRINT, keypair.fingerprint)
            self.assertFalse(getattr(keypair, 'private_key', None))
            shown = nova.keypairs.get(name)
            self.assertEqual(keypair.fingerprint, shown.fingerprint)
            if version == '2.1':
                self.assertFalse(hasattr(shown, 'type'))
            else:
                self.assertEqual('ssh', shown.type)
            self.assertIn(name, [k.name for k in nova.keypairs.list()])
            nova.keypairs.delete(name)
            self.assertNotIn(name, [k.name for k in nova.keypairs.list()])
            self.assertRaises(nova_exceptions.NotFound, nova.keypairs.get,
                              name)

    def test_keypair_generate_returns_the_private_key(self):
        nova = self.client('2.10')
        name = _unique('generated')
        keypair = nova.keypairs.create(name, key_type='x509')
        self.addCleanup(nova.keypairs.delete, name)
        self.assertEqual('x509', keypair.type)
        # As Nova: an x509 private key comes as a base64 PKCS#12 bundle.
        private_key, certificate, _others = (
            pkcs12.load_key_and_certificates(
                base64.b64decode(keypair.private_key), None))
        self.assertEqual(2048, private_key.key_size)
        self.assertIsNotNone(certificate)
        self.assertTrue(keypair.public_key)
        shown = nova.keypairs.get(name)
        self.assertEqual((keypair.fingerprint, 'x509', PROJECT_ID),
                         (shown.fingerprint, shown.type, shown.user_id))
        self.assertFalse(hasattr(shown, 'private_key'))

        ssh_name = _unique('generated-ssh')
        ssh_key = self.client('2.2').keypairs.create(ssh_name)
        self.addCleanup(nova.keypairs.delete, ssh_name)
        self.assertEqual('ssh', ssh_key.type)
        self.assertIn('PRIVATE KEY-----', ssh_key.private_key)
        self.assertTrue(ssh_key.public_key.startswith('ssh-rsa '))

    def test_images_list_and_show(self):
        # novaclient dropped its image manager with the image proxy API;
        # its HTTP client still speaks to /images.
        nova = self.client('2.10')
        _resp, body = nova.client.get('/images/detail')
        images = {i['name']: i for i in body['images']}
        self.assertIn('cirros-0.6.2-x86_64-disk', images)
        cirros = images['cirros-0.6.2-x86_64-disk']
        _resp, body = nova.client.get('/images/%s' % cirros['id'])
        self.assertEqual(('ACTIVE', cirros['name']),
                         (body['image']['status'], body['image']['name']))

    def test_limits(self):
        for version in ('2.1', '2.10'):
            limits = self.client(version).limits.get()
            absolute = {limit.name: limit.value for limit in limits.absolute}
            self.assertEqual(10, absolute['maxTotalInstances'])
            self.assertEqual(20, absolute['maxTotalCores'])
            self.assertEqual(100, absolute['maxTotalKeypairs'])
            self.assertEqual(0, absolute['totalInstancesUsed'])

    def test_availability_zones(self):
        nova = self.client('2.10')
        zones = nova.availability_zones.list(detailed=False)
        self.assertEqual([('nova', {'available': True})],
                         [(z.zoneName, z.zoneState) for z in zones])
        detailed = {z.zoneName: z for z in nova.availability_zones.list()}
        self.assertIn('nova', detailed)
        self.assertTrue(detailed['nova'].hosts)

    def _wait_for_status(self, nova, server_id, status):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            server = nova.servers.get(server_id)
            if server.status == status or time.monotonic() > deadline:
                self.assertEqual(status, server.status)
                return server
            time.sleep(0.1)

    def test_server_boot_stop_start_reboot_delete(self):
        for version in ('2.1', '2.10'):
            nova = self.client(version)
            name = _unique('novaclient')
            created = nova.servers.create(name, image=CIRROS, flavor='1',
                                          meta={'purpose': 'client-test'})
            self.addCleanup(_delete_quietly, nova, created.id)
            self.assertEqual('BUILD', nova.servers.get(created.id).status)

            server = self._wait_for_status(nova, created.id, 'ACTIVE')
            self.assertEqual((name, {'purpose': 'client-test'}, '1'),
                             (server.name, server.metadata,
                              server.flavor['id']))
            [addresses] = server.networks.values()
            self.assertEqual(2, len(addresses))
            self.assertIn(created.id, [s.id for s in nova.servers.list(
                search_opts={'name': name})])

            nova.servers.stop(created.id)
            stopped = self._wait_for_status(nova, created.id, 'SHUTOFF')
            self.assertEqual(4, getattr(stopped, 'OS-EXT-STS:power_state'))
            nova.servers.start(created.id)
            self._wait_for_status(nova, created.id, 'ACTIVE')
            nova.servers.reboot(created.id, reboot_type='HARD')
            self.assertEqual('HARD_REBOOT',
                             nova.servers.get(created.id).status)
            self._wait_for_status(nova, created.id, 'ACTIVE')

            nova.servers.delete(created.id)
            self.assertRaises(nova_exceptions.NotFound, nova.servers.get,
                              created.id)

    def test_server_password_show_and_clear(self):
        nova = self.client('2.10')
        key_name = _unique('password-key')
        keypair = nova.keypairs.create(key_name)
        self.addCleanup(nova.keypairs.delete, key_name)
        created = nova.servers.create(_unique('password'), image=CIRROS,
                                      flavor='1', key_name=key_name)
        self.addCleanup(_delete_quietly, nova, created.id)
        self._wait_for_status(nova, created.id, 'ACTIVE')
        # What `nova get-password SERVER KEY` decrypts.
        encrypted = nova.servers.get_password(created.id)
        private_key = serialization.load_pem_private_key(
            keypair.private_key.encode(), None)
        self.assertTrue(private_key.decrypt(base64.b64decode(encrypted),
                                            padding.PKCS1v15()))
        nova.servers.clear_password(created.id)
        self.assertEqual('', nova.servers.get_password(created.id))

    def test_server_diagnostics_before_and_from_2_48(self):
        for version, key in (('2.47', 'cpu0_time'), ('2.48', 'cpu_details')):
            nova = self.client(version)
            created = nova.servers.create(_unique('diagnostics'),
                                          image=CIRROS, flavor='1',
                                          nics='auto')
            self.addCleanup(_delete_quietly, nova, created.id)
            self._wait_for_status(nova, created.id, 'ACTIVE')
            # What `nova diagnostics SERVER` prints.
            resp, body = nova.servers.diagnostics(created.id)
            self.assertEqual(200, resp.status_code)
            self.assertIn(key, body)

    def test_server_topology_at_2_78(self):
        nova = self.client('2.78')
        created = nova.servers.create(_unique('topology'), image=CIRROS,
                                      flavor='1', nics='auto')
        self.addCleanup(_delete_quietly, nova, created.id)
        self._wait_for_status(nova, created.id, 'ACTIVE')
        # What `nova server-topology SERVER` prints: m1.tiny asks for no
        # NUMA topology.
        topology = nova.servers.topology(created.id)
        self.assertEqual({'nodes': [], 'pagesize_kb': None},
                         dict(topology))

    def test_quotas_show_and_update(self):
        nova = self.client('2.10')
        project = _unique('project')
        quotas = nova.quotas.get(project)
        self.assertEqual((10, 20, 100), (quotas.instances, quotas.cores,
                                         quotas.key_pairs))
        defaults = nova.quotas.defaults(project)
        self.assertEqual(quotas.to_dict(), defaults.to_dict())

        updated = nova.quotas.update(project, cores=30, instances=15)
        self.assertEqual((15, 30), (updated.instances, updated.cores))
        self.assertEqual((15, 30, 100),
                         (nova.quotas.get(project).instances,
                          nova.quotas.get(project).cores,
                          nova.quotas.get(project).key_pairs))
        detail = nova.quotas.get(project, detail=True)
        self.assertEqual({'limit': 30, 'in_use': 0, 'reserved': 0},
                         detail.cores)

        nova.quotas.delete(project)
        self.assertEqual(20, nova.quotas.get(project).cores)

    def test_server_create_without_networks_and_with_a_description(self):
        nova = self.client('2.65')
        name = _unique('novaclient')
        created = nova.servers.create(name, image=CIRROS, flavor='1',
                                      nics='none',
                                      description='made by novaclient')
        self.addCleanup(_delete_quietly, nova, created.id)
        server = self._wait_for_status(nova, created.id, 'ACTIVE')
        self.assertEqual({}, server.addresses)
        self.assertEqual('made by novaclient', server.description)
        self.assertEqual('m1.tiny', server.flavor['original_name'])
        nova.servers.update(created.id, description='described again')
        self.assertEqual('described again',
                         nova.servers.get(created.id).description)

        auto = nova.servers.create(_unique('novaclient'), image=CIRROS,
                                   flavor='1', nics='auto')
        self.addCleanup(_delete_quietly, nova, auto.id)
        [addresses] = self._wait_for_status(
            nova, auto.id, 'ACTIVE').networks.values()
        self.assertEqual(2, len(addresses))
        self.assertIsNone(nova.servers.get(auto.id).description)

    def test_server_tags(self):
        nova = self.client('2.26')
        created = nova.servers.create(_unique('tags'), image=CIRROS,
                                      flavor='1')
        self.addCleanup(_delete_quietly, nova, created.id)
        self._wait_for_status(nova, created.id, 'ACTIVE')
        self.assertEqual([], nova.servers.tag_list(created.id))
        nova.servers.add_tag(created.id, 'blue')
        nova.servers.add_tag(created.id, 'red')
        self.assertEqual(['blue', 'red'], nova.servers.tag_list(created.id))
        self.assertEqual(['blue', 'red'], nova.servers.get(created.id).tags)
        self.assertEqual([created.id], [s.id for s in nova.servers.list(
            search_opts={'tags': 'red'})])
        nova.servers.delete_tag(created.id, 'blue')
        self.assertEqual(['red'], nova.servers.tag_list(created.id))
        self.assertRaises(nova_exceptions.NotFound, nova.servers.delete_tag,
                          created.id, 'blue')
        nova.servers.set_tags(created.id, ['b', 'a'])
        self.assertEqual(['a', 'b'], nova.servers.tag_list(created.id))
        nova.servers.delete_all_tags(created.id)
        self.assertEqual([], nova.servers.tag_list(created.id))

    def test_server_create_with_tags(self):
        nova = self.client('2.52')
        created = nova.servers.create(
            _unique('tags'), image=CIRROS, flavor='1', tags=['t1', 't2'],
            nics=[{'net-id': NETWORK_ID}])
        self.addCleanup(_delete_quietly, nova, created.id)
        self.assertEqual(['t1', 't2'], nova.servers.get(created.id).tags)

    def _import_keypairs(self, nova, count):
        """`count` new key pairs (by name) and every name listed."""
        prefix = _unique('paged')
        names = ['%s-%d' % (prefix, i) for i in range(count)]
        for name in names:
            nova.keypairs.create(name, public_key=PUBLIC_KEY)
            self.addCleanup(nova.keypairs.delete, name)
        return names, [k.name for k in nova.keypairs.list()]

    def test_keypair_list_with_limit_and_marker_at_2_35(self):
        nova = self.client('2.35')
        names, every = self._import_keypairs(nova, 3)
        start = every.index(names[0])
        page = nova.keypairs.list(
            limit=2, marker=every[start - 1] if start else None)
        self.assertEqual(names[:2], [k.name for k in page])
        page = nova.keypairs.list(limit=2, marker=names[1])
        self.assertEqual(every[start + 2:start + 4], [k.name for k in page])
        # An administrator pages another user's (here: their own).
        page = nova.keypairs.list(user_id=PROJECT_ID, limit=1,
                                  marker=names[0])
        self.assertEqual([names[1]], [k.name for k in page])

    def test_server_groups_soft_policy_and_rules(self):
        nova = self.client('2.15')
        group = nova.server_groups.create(_unique('soft'),
                                          'soft-anti-affinity')
        self.addCleanup(nova.server_groups.delete, group.id)
        self.assertEqual((['soft-anti-affinity'], PROJECT_ID),
                         (group.policies, group.project_id))
        nova = self.client('2.64')
        group = nova.server_groups.create(
            _unique('rules'), 'anti-affinity',
            rules={'max_server_per_host': 2})
        self.addCleanup(nova.server_groups.delete, group.id)
        shown = nova.server_groups.get(group.id)
        self.assertEqual(('anti-affinity', {'max_server_per_host': 2}, []),
                         (shown.policy, shown.rules, shown.members))
        self.assertIn(group.id, [g.id for g in nova.server_groups.list()])

    def test_flavor_description_and_extra_specs_in_the_view(self):
        nova = self.client('2.61')
        name = _unique('described')
        flavor = nova.flavors.create(name, ram=128, vcpus=1, disk=0,
                                     description='first words')
        self.addCleanup(self._delete_flavor, nova, flavor.id)
        self.assertEqual(('first words', {}),
                         (flavor.description, flavor.extra_specs))
        flavor.set_keys({'hw:cpu_policy': 'dedicated'})
        updated = nova.flavors.update(flavor, description='second words')
        self.assertEqual(
            ('second words', {'hw:cpu_policy': 'dedicated'}),
            (updated.description, updated.extra_specs))
        shown = nova.flavors.get(flavor.id)
        self.assertEqual(('second words', {'hw:cpu_policy': 'dedicated'}),
                         (shown.description, shown.get_keys()))
        self.assertEqual(
            'second words',
            [f.description for f in nova.flavors.list()
             if f.id == flavor.id][0])
        # At 2.86 a known extra spec is checked.
        checked = self.client('2.86')
        error = self.assertRaises(
            nova_exceptions.BadRequest,
            checked.flavors.get(flavor.id).set_keys,
            {'hw:cpu_policy': 'sometimes'})
        self.assertIn("'sometimes' is not one of: dedicated, shared, mixed",
                      str(error))

    def test_server_create_and_update_hostname_at_2_90(self):
        nova = self.client('2.90')
        created = nova.servers.create(_unique('novaclient'), image=CIRROS,
                                      flavor='1', hostname='web-1',
                                      nics=[{'net-id': NETWORK_ID}])
        self.addCleanup(_delete_quietly, nova, created.id)
        server = nova.servers.get(created.id)
        self.assertEqual('web-1', getattr(server, 'OS-EXT-SRV-ATTR:hostname'))
        nova.servers.update(created.id, hostname='web-2')
        server = nova.servers.get(created.id)
        self.assertEqual('web-2', getattr(server, 'OS-EXT-SRV-ATTR:hostname'))
        self.assertIsNone(server.locked_reason)
        self.assertEqual([], server.server_groups)


def _delete_quietly(nova, server_id):
    try:
        nova.servers.delete(server_id)
    except nova_exceptions.NotFound:
        pass


class OpenStackSDKTest(NovaAPIServer, testtools.TestCase):
    """openstacksdk with the admin_token plugin and no identity service."""

    def setUp(self):
        super().setUp()
        # Only these arguments: no clouds.yaml, no OS_* variables.
        self.conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_type='admin_token',
            auth={'endpoint': self.endpoint, 'token': TOKEN},
            compute_endpoint_override=self.endpoint)
        self.addCleanup(self.conn.close)

    def test_connects_with_the_readme_clouds_yaml(self):
        clouds_yaml = os.path.join(self.deployment.path, 'clouds.yaml')
        with open(clouds_yaml, 'w') as f:
            f.write(CLOUDS_YAML.format(base=self.server.base_url))
        # The user's own clouds.yaml is in a place the SDK looks at; this
        # one is named by the variable the SDK reads first.
        self.useFixture(fixtures.EnvironmentVariable(
            'OS_CLIENT_CONFIG_FILE', clouds_yaml))
        conn = openstack.connect(cloud='nova_api')
        self.addCleanup(conn.close)
        self.assertIn('m1.tiny', [f.name for f in conn.compute.flavors()])
        self.assertIn(CIRROS, [i.id for i in conn.image.images()])
        self.assertEqual(MAX_VERSION_TUPLE,
                         conn.compute.get_endpoint_data().max_microversion)

    def test_negotiates_the_server_maximum(self):
        data = self.conn.compute.get_endpoint_data()
        self.assertEqual(((2, 1), MAX_VERSION_TUPLE),
                         (data.min_microversion, data.max_microversion))
        self.assertEqual(self.endpoint, data.service_url.rstrip('/'))

    def test_flavors(self):
        flavors = {f.name: f for f in self.conn.compute.flavors()}
        self.assertLessEqual({'m1.tiny', 'm1.xlarge'}, set(flavors))
        self.assertEqual((16384, 8, 160), (flavors['m1.xlarge'].ram,
                                           flavors['m1.xlarge'].vcpus,
                                           flavors['m1.xlarge'].disk))
        tiny = self.conn.compute.find_flavor('m1.tiny')
        self.assertEqual(('1', 512, True),
                         (tiny.id, tiny.ram, tiny.is_public))
        self.assertEqual('m1.medium',
                         self.conn.compute.find_flavor('3').name)
        self.assertIsNone(self.conn.compute.find_flavor(
            'no-such-flavor', ignore_missing=True))

    def test_keypair_create_list_delete(self):
        name = _unique('sdk')
        keypair = self.conn.compute.create_keypair(name=name)
        self.addCleanup(self.conn.compute.delete_keypair, name,
                        ignore_missing=True)
        self.assertEqual(('ssh', name), (keypair.type, keypair.name))
        self.assertIn('PRIVATE KEY-----', keypair.private_key)
        self.assertEqual(47, len(keypair.fingerprint))

        imported = self.conn.compute.create_keypair(
            name=name + '-imported', public_key=PUBLIC_KEY)
        self.addCleanup(self.conn.compute.delete_keypair,
                        name + '-imported', ignore_missing=True)
        self.assertEqual(FINGERPRINT, imported.fingerprint)

        listed = {k.name: k for k in self.conn.compute.keypairs()}
        self.assertEqual(keypair.fingerprint, listed[name].fingerprint)
        self.assertIn(name + '-imported', listed)
        shown = self.conn.compute.get_keypair(name)
        self.assertEqual((keypair.public_key, PROJECT_ID),
                         (shown.public_key, shown.user_id))

        self.conn.compute.delete_keypair(name)
        self.conn.compute.delete_keypair(name + '-imported')
        self.assertEqual(
            [], [k for k in self.conn.compute.keypairs()
                 if k.name.startswith(name)])

    def test_images(self):
        images = {i.name: i for i in self.conn.compute.images()}
        self.assertIn('cirros-0.6.2-x86_64-disk', images)
        cirros = self.conn.compute.get_image(
            images['cirros-0.6.2-x86_64-disk'].id)
        self.assertEqual(('ACTIVE', 'cirros-0.6.2-x86_64-disk'),
                         (cirros.status, cirros.name))
        self.assertEqual(cirros.id, self.conn.compute.find_image(
            'cirros-0.6.2-x86_64-disk').id)

    def test_limits(self):
        limits = self.conn.compute.get_limits()
        self.assertEqual((10, 20, 100, 0),
                         (limits.absolute.instances,
                          limits.absolute.total_cores,
                          limits.absolute.keypairs,
                          limits.absolute.instances_used))

    def test_availability_zones(self):
        zones = list(self.conn.compute.availability_zones())
        self.assertEqual([('nova', {'available': True})],
                         [(z.name, z.state) for z in zones])

    def test_create_server_remote_console(self):
        compute = self.conn.compute
        server = compute.create_server(name=_unique('sdk'), image_id=CIRROS,
                                       flavor_id='1', networks='none')
        self.addCleanup(compute.delete_server, server, ignore_missing=True)
        server = compute.wait_for_server(server, status='ACTIVE',
                                         interval=0.1, wait=WAIT_SECONDS)
        console = compute.create_server_remote_console(
            server, protocol='vnc', type='novnc')
        self.assertEqual(('vnc', 'novnc'), (console.protocol, console.type))
        self.assertRegex(console.url, r'\?path=%3Ftoken%3D[0-9a-f-]{36}$')

    def test_server_boot_stop_start_reboot_delete(self):
        compute = self.conn.compute
        name = _unique('sdk')
        server = compute.create_server(name=name, image_id=CIRROS,
                                       flavor_id='1', networks='auto')
        self.addCleanup(compute.delete_server, server, ignore_missing=True)
        server = compute.wait_for_server(server, status='ACTIVE',
                                         interval=0.1, wait=WAIT_SECONDS)
        self.assertEqual((name, 'nova', 'compute1'),
                         (server.name, server.availability_zone,
                          server.compute_host))
        self.assertIn(server.id, [s.id for s in compute.servers(name=name)])
        self.assertEqual(2, len(server.addresses['private']))

        compute.stop_server(server)
        compute.wait_for_server(server, status='SHUTOFF', interval=0.1,
                                wait=WAIT_SECONDS)
        compute.start_server(server)
        compute.wait_for_server(server, status='ACTIVE', interval=0.1,
                                wait=WAIT_SECONDS)
        compute.reboot_server(server, 'SOFT')
        compute.wait_for_server(server, status='ACTIVE', interval=0.1,
                                wait=WAIT_SECONDS)

        compute.delete_server(server)
        compute.wait_for_delete(server, interval=0.1, wait=WAIT_SECONDS)
        self.assertIsNone(compute.find_server(server.id,
                                              ignore_missing=True))

    def test_server_networks_auto_and_none_with_a_description(self):
        # The SDK sends its negotiated version, past 2.37: networks must
        # be given.
        compute = self.conn.compute
        addresses = {}
        for networks in ('auto', 'none'):
            server = compute.create_server(
                name=_unique('sdk'), image_id=CIRROS, flavor_id='1',
                networks=networks, description='networks ' + networks)
            self.addCleanup(compute.delete_server, server,
                            ignore_missing=True)
            server = compute.wait_for_server(
                server, status='ACTIVE', interval=0.1, wait=WAIT_SECONDS)
            self.assertEqual('networks ' + networks, server.description)
            addresses[networks] = server.addresses
        self.assertEqual(2, len(addresses['auto']['private']))
        self.assertEqual({}, addresses['none'])

    def test_server_at_2_100(self):
        compute = self.conn.compute
        other = compute.create_server(name=_unique('sdk'), image_id=CIRROS,
                                      flavor_id='1',
                                      networks=[{'uuid': NETWORK_ID}])
        self.addCleanup(compute.delete_server, other, ignore_missing=True)
        server = compute.create_server(
            name=_unique('sdk'), image_id=CIRROS, flavor_id='1',
            networks=[{'uuid': NETWORK_ID}], availability_zone='nova',
            hostname='sdk-host', scheduler_hints={'same_host': other.id})
        self.addCleanup(compute.delete_server, server, ignore_missing=True)
        server = compute.wait_for_server(server, status='ACTIVE',
                                         interval=0.1, wait=WAIT_SECONDS)
        self.assertEqual(('nova', 'sdk-host'),
                         (server.pinned_availability_zone, server.hostname))
        # The SDK reads the hints under their create name, and mixes the
        # image's properties with its other keys: the body shows them.
        body = compute.get('/servers/' + server.id,
                           microversion='2.100').json()['server']
        self.assertEqual({'same_host': [other.id]}, body['scheduler_hints'])
        self.assertEqual({'architecture': 'x86_64', 'os_distro': 'cirros',
                          'hw_disk_bus': 'virtio'},
                         body['image']['properties'])


class OpenStackCLITest(NovaAPIServer, testtools.TestCase):
    """The `openstack` command with admin_token and --os-endpoint.

    OSC's keypair commands insist on an identity v3 proxy even when they
    never call it (they would only to resolve --user), and the SDK builds
    that proxy from a version document; nova-api's root serves one, so the
    identity endpoint override points there and no Keystone is needed.
    Images are resolved through the image service: nova-api's /image
    endpoint, by the image endpoint override.
    """

    def openstack(self, *args, output_json=True, negotiate=False):
        result = self._run(*args, output_json=output_json,
                           negotiate=negotiate)
        self.assertEqual(0, result.returncode, result.stderr)
        return json.loads(result.stdout) if output_json else result.stdout

    def _run(self, *args, output_json=True, negotiate=False):
        """The CLI at 2.10 (its own default is 2.1) unless `negotiate`:
        then without --os-compute-api-version, at the highest version both
        it and the server know."""
        pinned = [] if negotiate else ['--os-compute-api-version', '2.10']
        argv = [self._openstack_command(),
                '--os-auth-type', 'admin_token', '--os-token', TOKEN,
                '--os-endpoint', self.endpoint, *pinned,
                '--os-identity-api-version', '3'] + list(args)
        if output_json:
            argv += ['-f', 'json']
        env = {var: value for var, value in os.environ.items()
               if not var.startswith('OS_')}
        env['OS_IDENTITY_ENDPOINT_OVERRIDE'] = self.server.base_url + '/'
        env['OS_IMAGE_ENDPOINT_OVERRIDE'] = self.server.base_url + '/image'
        return subprocess.run(argv, capture_output=True, text=True,
                              timeout=60, env=env, cwd=self.deployment.path)

    def test_readme_clouds_yaml_and_os_cloud(self):
        with open(os.path.join(self.deployment.path, 'clouds.yaml'),
                  'w') as f:
            f.write(CLOUDS_YAML.format(base=self.server.base_url))
        env = {var: value for var, value in os.environ.items()
               if not var.startswith('OS_')}
        env['OS_CLOUD'] = 'nova_api'
        listed = {}
        for resource in ('flavor', 'image', 'server'):
            # The CLI reads ./clouds.yaml first.
            result = subprocess.run(
                [self._openstack_command(), resource, 'list', '-f', 'json'],
                capture_output=True, text=True, timeout=60, env=env,
                cwd=self.deployment.path)
            self.assertEqual(0, result.returncode, result.stderr)
            listed[resource] = json.loads(result.stdout)
        self.assertIn('m1.tiny', [f['Name'] for f in listed['flavor']])
        self.assertIn(CIRROS, [i['ID'] for i in listed['image']])
        self.assertIsInstance(listed['server'], list)

    @staticmethod
    def _openstack_command():
        return os.path.join(os.path.dirname(sys.executable), 'openstack')

    def test_flavor_list_and_show(self):
        flavors = {f['Name']: f for f in self.openstack('flavor', 'list')}
        self.assertLessEqual({'m1.tiny', 'm1.large'}, set(flavors))
        self.assertEqual(('4', 8192, 4, 80),
                         (flavors['m1.large']['ID'],
                          flavors['m1.large']['RAM'],
                          flavors['m1.large']['VCPUs'],
                          flavors['m1.large']['Disk']))
        tiny = self.openstack('flavor', 'show', 'm1.tiny')
        self.assertEqual(('1', 512, 1, True),
                         (tiny['id'], tiny['ram'], tiny['vcpus'],
                          tiny['os-flavor-access:is_public']))

    def test_limits_show_absolute(self):
        limits = {row['Name']: row['Value']
                  for row in self.openstack('limits', 'show', '--absolute')}
        self.assertEqual((10, 0, 20, 100),
                         (limits['instances'], limits['instances_used'],
                          limits['total_cores'], limits['keypairs']))

    def test_availability_zone_list(self):
        zones = self.openstack('availability', 'zone', 'list', '--compute')
        self.assertIn({'Zone Name': 'nova', 'Zone Status': 'available'},
                      zones)

    def test_aggregate_create_add_host_set_show_remove_delete(self):
        name = 'cli-agg-' + uuid.uuid4().hex[:8]
        zone = 'cli-zone-' + uuid.uuid4().hex[:8]
        created = self.openstack('aggregate', 'create', '--zone', zone, name)
        self.assertEqual(name, created['name'])
        self.assertEqual(zone, created['availability_zone'])
        added = self.openstack('aggregate', 'add', 'host', name, 'compute2')
        self.assertEqual(['compute2'], added['hosts'])
        self.openstack('aggregate', 'set', '--property', 'ssd=true', name,
                       output_json=False)
        shown = self.openstack('aggregate', 'show', name)
        self.assertEqual(['compute2'], shown['hosts'])
        self.assertEqual({'ssd': 'true'}, shown['properties'])
        self.assertEqual(zone, shown['availability_zone'])
        zones = self.openstack('availability', 'zone', 'list', '--compute')
        self.assertIn({'Zone Name': zone, 'Zone Status': 'available'},
                      zones)
        listed = self.openstack('aggregate', 'list', '--long')
        row = next(row for row in listed if row['Name'] == name)
        self.assertEqual(zone, row['Availability Zone'])
        self.openstack('aggregate', 'cache', 'image', name, CIRROS,
                       output_json=False, negotiate=True)
        removed = self.openstack('aggregate', 'remove', 'host', name,
                                 'compute2')
        self.assertEqual([], removed['hosts'])
        self.openstack('aggregate', 'delete', name, output_json=False)
        self.assertNotIn(name, [row['Name'] for row in
                                self.openstack('aggregate', 'list')])

    def test_keypair_create_list_show_delete(self):
        name = _unique('cli')
        # OSC generates the key pair locally and imports its public half.
        private_key = self.openstack('keypair', 'create', name,
                                     output_json=False)
        self.assertIn('-----BEGIN OPENSSH PRIVATE KEY-----', private_key)
        key_file = os.path.join(self.deployment.path, 'client-test.pub')
        with open(key_file, 'w') as f:
            f.write(PUBLIC_KEY)
        imported = self.openstack('keypair', 'create', '--public-key',
                                  key_file, name + '-imported')
        self.assertEqual((name + '-imported', FINGERPRINT, 'ssh'),
                         (imported['name'], imported['fingerprint'],
                          imported['type']))

        listed = {k['Name']: k for k in self.openstack('keypair', 'list')}
        self.assertEqual(FINGERPRINT,
                         listed[name + '-imported']['Fingerprint'])
        shown = self.openstack('keypair', 'show', name)
        self.assertEqual((name, 'ssh', PROJECT_ID,
                          listed[name]['Fingerprint']),
                         (shown['name'], shown['type'], shown['user_id'],
                          shown['fingerprint']))

        self.openstack('keypair', 'delete', name, name + '-imported',
                       output_json=False)
        self.assertEqual([], [k for k in self.openstack('keypair', 'list')
                              if k['Name'].startswith(name)])

    def _wait_for_status(self, server_id, status):
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            server = self.openstack('server', 'show', server_id)
            if server['status'] == status or time.monotonic() > deadline:
                self.assertEqual(status, server['status'])
                return server
            time.sleep(0.2)

    def test_server_create_list_show_stop_start_delete(self):
        name = _unique('cli')
        created = self.openstack('server', 'create', '--image',
                                 'cirros-0.6.2-x86_64-disk', '--flavor',
                                 'm1.tiny', '--wait', name)
        server_id = created['id']
        # Quietly: the test deletes it itself when all goes well.
        self.addCleanup(self._run, 'server', 'delete', '--wait', server_id,
                        output_json=False)
        self.assertEqual((name, 'ACTIVE'), (created['name'],
                                            created['status']))

        [listed] = [s for s in self.openstack('server', 'list')
                    if s['ID'] == server_id]
        self.assertEqual((name, 'ACTIVE', 'cirros-0.6.2-x86_64-disk',
                          'm1.tiny'),
                         (listed['Name'], listed['Status'], listed['Image'],
                          listed['Flavor']))
        [addresses] = listed['Networks'].values()
        self.assertEqual(2, len(addresses))

        shown = self.openstack('server', 'show', server_id)
        self.assertEqual('cirros-0.6.2-x86_64-disk (%s)' % CIRROS,
                         shown['image'])
        self.assertEqual(listed['Networks'], shown['addresses'])

        self.openstack('server', 'stop', server_id, output_json=False)
        stopped = self._wait_for_status(server_id, 'SHUTOFF')
        self.assertEqual(4, stopped['OS-EXT-STS:power_state'])
        self.openstack('server', 'start', server_id, output_json=False)
        self._wait_for_status(server_id, 'ACTIVE')
        self.openstack('server', 'reboot', '--wait', server_id,
                       output_json=False)
        self.assertEqual('ACTIVE',
                         self.openstack('server', 'show',
                                        server_id)['status'])

        self.openstack('server', 'delete', '--wait', server_id,
                       output_json=False)
        gone = self._run('server', 'show', server_id)
        self.assertEqual(1, gone.returncode)
        self.assertIn('No Server found for %s' % server_id, gone.stderr)
        self.assertNotIn(server_id,
                         [s['ID'] for s in self.openstack('server', 'list')])

    def _run_negotiated(self, *args, output_json=True):
        return self.openstack(*args, output_json=output_json, negotiate=True)

    def test_server_create_nic_none_and_auto_and_set_description(self):
        servers = {}
        for nic in ('none', 'auto'):
            created = self._run_negotiated(
                'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
                '--flavor', 'm1.tiny', '--nic', nic, '--description',
                'nic ' + nic, '--wait', _unique('cli'))
            servers[nic] = created['id']
            self.addCleanup(self._run, 'server', 'delete', '--wait',
                            created['id'], output_json=False)
            self.assertEqual(('ACTIVE', 'nic ' + nic),
                             (created['status'], created['description']))
        self.assertEqual({}, self._run_negotiated(
            'server', 'show', servers['none'])['addresses'])
        [addresses] = self._run_negotiated(
            'server', 'show', servers['auto'])['addresses'].values()
        self.assertEqual(2, len(addresses))

        self._run_negotiated('server', 'set', '--description', 'described',
                             servers['none'], output_json=False)
        shown = self._run_negotiated('server', 'show', servers['none'])
        self.assertEqual('described', shown['description'])
        # The flavor embedded from 2.47.
        self.assertEqual(('m1.tiny', 512, {}),
                         (shown['flavor']['original_name'],
                          shown['flavor']['ram'],
                          shown['flavor']['extra_specs']))

    def test_server_set_and_unset_tags(self):
        name = _unique('cli-tags')
        server_id = self.openstack('server', 'create', '--image',
                                   'cirros-0.6.2-x86_64-disk', '--flavor',
                                   'm1.tiny', '--wait', name)['id']
        self.addCleanup(self._run, 'server', 'delete', '--wait', server_id,
                        output_json=False)
        at_2_26 = ('--os-compute-api-version', '2.26')
        self.openstack(*at_2_26, 'server', 'set', '--tag', 'red', '--tag',
                       'blue', server_id, output_json=False)
        self.assertEqual(['blue', 'red'], self.openstack(
            *at_2_26, 'server', 'show', server_id)['tags'])
        self.assertEqual([server_id], [s['ID'] for s in self.openstack(
            *at_2_26, 'server', 'list', '--tags', 'red')])
        self.openstack(*at_2_26, 'server', 'unset', '--tag', 'red',
                       server_id, output_json=False)
        self.assertEqual(['blue'], self.openstack(
            *at_2_26, 'server', 'show', server_id)['tags'])

    def test_server_create_with_tag(self):
        name = _unique('cli-tags')
        created = self.openstack('--os-compute-api-version', '2.52',
                                 'server', 'create', '--image',
                                 'cirros-0.6.2-x86_64-disk', '--flavor',
                                 'm1.tiny', '--tag', 'green', '--wait', name)
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        shown = self.openstack('--os-compute-api-version', '2.52', 'server',
                               'show', created['id'])
        self.assertEqual(['green'], shown['tags'])

    def test_server_group_create_with_a_soft_policy_and_a_rule(self):
        name = _unique('cli-soft')
        group = self.openstack('--os-compute-api-version', '2.15', 'server',
                               'group', 'create', '--policy',
                               'soft-anti-affinity', name)
        self.addCleanup(self._run, 'server', 'group', 'delete', group['id'],
                        output_json=False)
        self.assertEqual((name, ['soft-anti-affinity']),
                         (group['name'], group['policies']))
        name = _unique('cli-rule')
        group = self.openstack('--os-compute-api-version', '2.64', 'server',
                               'group', 'create', '--policy',
                               'anti-affinity', '--rule',
                               'max_server_per_host=2', name)
        self.addCleanup(self._run, 'server', 'group', 'delete', group['id'],
                        output_json=False)
        self.assertEqual(('anti-affinity', {'max_server_per_host': 2}),
                         (group['policy'], group['rules']))

    def test_keypair_list_with_limit_and_marker(self):
        key_file = os.path.join(self.deployment.path, 'client-test.pub')
        with open(key_file, 'w') as f:
            f.write(PUBLIC_KEY)
        prefix = _unique('cli-paged')
        names = ['%s-%d' % (prefix, i) for i in range(3)]
        for name in names:
            self.openstack('keypair', 'create', '--public-key', key_file,
                           name)
            self.addCleanup(self._run, 'keypair', 'delete', name,
                            output_json=False)
        # The SDK follows keypairs_links: pages of one, all after the marker.
        listed = self.openstack('--os-compute-api-version', '2.35',
                                'keypair', 'list', '--limit', '1',
                                '--marker', names[0])
        self.assertEqual(names[1:], [k['Name'] for k in listed
                                     if k['Name'].startswith(prefix)])

    def test_flavor_create_and_set_description(self):
        name = _unique('cli-described')
        created = self.openstack('--os-compute-api-version', '2.55',
                                 'flavor', 'create', '--ram', '128',
                                 '--disk', '0', '--vcpus', '1',
                                 '--description', 'first words', name)
        self.addCleanup(self._run, 'flavor', 'delete', created['id'],
                        output_json=False)
        self.assertEqual((name, 'first words'),
                         (created['name'], created['description']))
        self.openstack('--os-compute-api-version', '2.55', 'flavor', 'set',
                       '--description', 'second words', created['id'],
                       output_json=False)
        shown = self.openstack('--os-compute-api-version', '2.55', 'flavor',
                               'show', created['id'])
        self.assertEqual('second words', shown['description'])

    def test_server_create_with_hostname(self):
        # --hostname needs 2.90; the CLI then asks for networks "auto"
        # (2.37).
        name = _unique('cli')
        created = self.openstack(
            '--os-compute-api-version', '2.90', 'server', 'create',
            '--image', 'cirros-0.6.2-x86_64-disk', '--flavor', 'm1.tiny',
            '--hostname', 'cli-host', '--wait', name)
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        shown = self.openstack('--os-compute-api-version', '2.90', 'server',
                               'show', created['id'])
        # The CLI shows the attribute under its wire name.
        self.assertEqual('cli-host', shown['OS-EXT-SRV-ATTR:hostname'])

    def test_server_lock_with_a_reason_and_unlock(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        self._run_negotiated('server', 'lock', '--reason', 'maintenance',
                             created['id'], output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual((True, 'maintenance'),
                         (shown['locked'], shown['locked_reason']))
        self._run_negotiated('server', 'unlock', created['id'],
                             output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual((False, None),
                         (shown['locked'], shown['locked_reason']))

    def test_compute_service_list_disable_enable_and_down(self):
        listed = self.openstack('compute', 'service', 'list')
        self.assertIn(('nova-compute', 'compute1', 'nova', 'enabled', 'up'),
                      [(s['Binary'], s['Host'], s['Zone'], s['Status'],
                        s['State']) for s in listed])
        for negotiate in (False, True):
            self.addCleanup(self.openstack, 'compute', 'service', 'set',
                            '--enable', 'compute1', 'nova-compute',
                            output_json=False, negotiate=negotiate)
            self.openstack('compute', 'service', 'set', '--disable',
                           '--disable-reason', 'maintenance', 'compute1',
                           'nova-compute', output_json=False,
                           negotiate=negotiate)
            shown = [s for s in self.openstack(
                'compute', 'service', 'list', '--long', '--host',
                'compute1', negotiate=negotiate)]
            self.assertEqual([('disabled', 'maintenance')],
                             [(s['Status'], s['Disabled Reason'])
                              for s in shown])
            self.openstack('compute', 'service', 'set', '--enable',
                           'compute1', 'nova-compute', output_json=False,
                           negotiate=negotiate)
        at_2_11 = ('--os-compute-api-version', '2.11')
        self.addCleanup(self.openstack, *at_2_11, 'compute', 'service',
                        'set', '--up', 'compute1', 'nova-compute',
                        output_json=False)
        self.openstack(*at_2_11, 'compute', 'service', 'set', '--down',
                       'compute1', 'nova-compute', output_json=False)
        shown = self.openstack(*at_2_11, 'compute', 'service', 'list',
                               '--long', '--host', 'compute1')
        self.assertEqual([('down', True)], [(s['State'], s['Forced Down'])
                                            for s in shown])

    def test_hypervisor_list_show_and_stats(self):
        listed = self.openstack('hypervisor', 'list')
        shown_at_2_10 = self.openstack('hypervisor', 'list', '--long')
        self.assertEqual(['compute1', 'compute2'],
                         sorted(h['Hypervisor Hostname'] for h in listed))
        # `hypervisor show` reads os-aggregates too, not served yet.
        for negotiate in (False, True):
            shown = self.openstack('hypervisor', 'list', '--long',
                                   negotiate=negotiate)
            self.assertEqual({('QEMU', 'up')}, {
                (h['Hypervisor Type'], h['State']) for h in shown})
            self.assertEqual(['192.168.1.100', '192.168.1.101'],
                             sorted(h['Host IP'] for h in shown))
        self.assertEqual([8, 8], [h['vCPUs'] for h in shown_at_2_10])
        stats = self.openstack('hypervisor', 'stats', 'show')
        self.assertEqual(2, stats['count'])

    def test_server_set_state(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        self._run_negotiated('server', 'set', '--state', 'error',
                             '--auto-approve', created['id'],
                             output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual('ERROR', shown['status'])

    def test_server_rebuild(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.small', '--nic', 'none', '--wait',
            _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        rebuilt = self._run_negotiated(
            'server', 'rebuild', '--image', 'debian-12-genericcloud-amd64',
            '--name', 'cli-rebuilt', created['id'])
        self.assertEqual('cli-rebuilt', rebuilt['name'])
        shown = self._wait_for_status(created['id'], 'ACTIVE')
        self.assertEqual('cli-rebuilt', shown['name'])
        self.assertIn('debian-12-genericcloud-amd64', str(shown['image']))

    def test_server_show_diagnostics(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'auto', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # openstacksdk asks for the standard form (2.48).
        shown = self._run_negotiated('server', 'show', '--diagnostics',
                                     created['id'])
        self.assertEqual(('libvirt', 'running', 1, 1, 1), (
            shown['driver'], shown['state'], shown['num_cpus'],
            shown['num_disks'], shown['num_nics']))

    def test_server_show_topology(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        shown = self.openstack('--os-compute-api-version', '2.78', 'server',
                               'show', '--topology', created['id'])
        self.assertEqual(created['id'], shown['id'])
        self.assertEqual({'nodes': [], 'pagesize_kb': None},
                         shown['topology'])

    def test_server_event_list_and_show(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        self._run_negotiated('server', 'lock', created['id'],
                             output_json=False)
        events = self._run_negotiated('server', 'event', 'list',
                                      created['id'])
        self.assertEqual(['lock', 'create'],
                         [event['Action'] for event in events])
        shown = self._run_negotiated('server', 'event', 'show',
                                     created['id'],
                                     events[1]['Request ID'])
        self.assertEqual('create', shown['action'])
        self.assertEqual(['compute__do_build_and_run_instance'],
                         [event['event'] for event in shown['events']])

    def test_usage_list(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        listed = self._run_negotiated(
            'usage', 'list',
            '--start', str(today - datetime.timedelta(days=1)),
            '--end', str(today + datetime.timedelta(days=1)))
        usage = {row['Project']: row for row in listed}[PROJECT_ID]
        # The server has run since it was created: some of an hour.
        self.assertGreater(usage['CPU Hours'], 0)
        self.assertLess(usage['CPU Hours'], 24 * 10)
        # `usage show` resolves --project through Keystone, which these
        # tests run without; openstacksdk's get_usage is tested in
        # test_real_clients_usage.

    def test_host_list_and_show(self):
        listed = self.openstack('host', 'list')
        self.assertIn({'Host Name': 'compute1', 'Service': 'compute',
                       'Zone': 'nova'}, listed)
        self.assertEqual(['compute1', 'compute2'], [
            host['Host Name']
            for host in self.openstack('host', 'list', '--zone', 'nova')])
        shown = self.openstack('host', 'show', 'compute1')
        self.assertEqual(['(total)', '(used_now)', '(used_max)'],
                         [row['Project'] for row in shown][:3])
        self.assertEqual({'compute1'}, {row['Host'] for row in shown})
        # The driver has no host actions: Nova's 501.
        result = self._run('host', 'set', '--enable', 'compute1',
                           output_json=False)
        self.assertNotEqual(0, result.returncode)
        self.assertIn('not supported', result.stderr)

    def test_server_pause_unpause_suspend_resume(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        server_id = created['id']
        self.addCleanup(self._run, 'server', 'delete', '--wait', server_id,
                        output_json=False)
        self._run_negotiated('server', 'pause', server_id, output_json=False)
        paused = self._wait_for_status(server_id, 'PAUSED')
        self.assertEqual((3, 'paused'), (paused['OS-EXT-STS:power_state'],
                                         paused['OS-EXT-STS:vm_state']))
        self._run_negotiated('server', 'unpause', server_id,
                             output_json=False)
        self._wait_for_status(server_id, 'ACTIVE')
        self._run_negotiated('server', 'suspend', server_id,
                             output_json=False)
        suspended = self._wait_for_status(server_id, 'SUSPENDED')
        self.assertEqual((7, 'suspended'),
                         (suspended['OS-EXT-STS:power_state'],
                          suspended['OS-EXT-STS:vm_state']))
        self._run_negotiated('server', 'resume', server_id,
                             output_json=False)
        self._wait_for_status(server_id, 'ACTIVE')

    def test_server_shelve_offload_and_unshelve(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # The CLI shelves, waits for SHELVED, then offloads (the server
        # waits for shelveOffload here: shelved_offload_time = -1).
        self._run_negotiated('server', 'shelve', '--offload', '--wait',
                             created['id'], output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual(('SHELVED_OFFLOADED', None),
                         (shown['status'], shown['OS-EXT-SRV-ATTR:host']))
        self._run_negotiated('server', 'unshelve', '--availability-zone',
                             'nova', '--wait', created['id'],
                             output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual('ACTIVE', shown['status'])

    def test_server_resize_confirm_and_revert(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        self.openstack('server', 'resize', '--flavor', 'm1.small', '--wait',
                       created['id'], output_json=False)
        shown = self.openstack('server', 'show', created['id'])
        self.assertEqual('VERIFY_RESIZE', shown['status'])
        self.openstack('server', 'resize', 'confirm', created['id'],
                       output_json=False)
        self._wait_for_status(created['id'], 'ACTIVE')
        self.assertEqual('m1.small', self.openstack(
            'server', 'show', created['id'])['flavor'].split(' ')[0])
        self.openstack('server', 'resize', '--flavor', 'm1.medium', '--wait',
                       created['id'], output_json=False)
        self.openstack('server', 'resize', 'revert', created['id'],
                       output_json=False)
        self._wait_for_status(created['id'], 'ACTIVE')
        self.assertEqual('m1.small', self.openstack(
            'server', 'show', created['id'])['flavor'].split(' ')[0])

    def test_server_migrate_and_migration_list(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        before = self._run_negotiated('server', 'show', created['id'])
        self.openstack('server', 'migrate', '--wait', created['id'],
                       output_json=False)
        after = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual('VERIFY_RESIZE', after['status'])
        self.assertNotEqual(before['OS-EXT-SRV-ATTR:host'],
                            after['OS-EXT-SRV-ATTR:host'])
        listed = self._run_negotiated('server', 'migration', 'list',
                                      '--server', created['id'])
        self.assertEqual(['migration'], [
            migration['Type'] for migration in listed])
        self.openstack('server', 'migrate', 'confirm', created['id'],
                       output_json=False)
        self._wait_for_status(created['id'], 'ACTIVE')

    def test_server_rescue_and_unrescue(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        self._run_negotiated('server', 'rescue', '--image',
                             'cirros-0.6.2-x86_64-disk', '--password',
                             'rescue-pass', created['id'], output_json=False)
        self._wait_for_status(created['id'], 'RESCUE')
        self._run_negotiated('server', 'unrescue', created['id'],
                             output_json=False)
        self._wait_for_status(created['id'], 'ACTIVE')

    def test_server_set_password(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # changePassword: the CLI's --password (its --root-password of old
        # prompted for the password).
        self._run_negotiated('server', 'set', '--password', 'new-pass',
                             created['id'], output_json=False)
        self._wait_for_status(created['id'], 'ACTIVE')

    def test_console_log_show(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        log = self._run_negotiated('console', 'log', 'show', '--lines', '2',
                                   created['id'], output_json=False)
        lines = log.strip('\n').split('\n')
        self.assertEqual(2, len(lines), log)
        self.assertIn(created['id'], lines[0])
        self.assertIn('login:', lines[1])

    def test_console_url_show(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # POST /servers/{id}/remote-consoles (2.6): noVNC's URL form.
        console = self._run_negotiated('console', 'url', 'show', '--novnc',
                                       created['id'])
        self.assertEqual('novnc', console['type'])
        self.assertRegex(console['url'],
                         r'^http://127\.0\.0\.1:6080/vnc_auto\.html'
                         r'\?path=%3Ftoken%3D[0-9a-f-]{36}$')

    def test_server_dump_create(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # trigger_crash_dump (2.17): the server stays ACTIVE.
        self._run_negotiated('server', 'dump', 'create', created['id'],
                             output_json=False)
        shown = self._run_negotiated('server', 'show', created['id'])
        self.assertEqual(('ACTIVE', None),
                         (shown['status'], shown['OS-EXT-STS:task_state']))

    def test_server_image_create_and_backup_create(self):
        created = self._run_negotiated(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait', _unique('cli'))
        self.addCleanup(self._run, 'server', 'delete', '--wait',
                        created['id'], output_json=False)
        # The CLI reads the image's id from the answer (a Location before
        # 2.45) and waits on the image service for it to be active.
        name = _unique('cli-snap')
        image = self._run_negotiated('server', 'image', 'create', '--name',
                                     name, '--wait', created['id'])
        self.assertEqual((name, 'active'), (image['name'], image['status']))
        self._wait_for_status(created['id'], 'ACTIVE')
        backup_name = _unique('cli-backup')
        backup = self._run_negotiated(
            'server', 'backup', 'create', '--name', backup_name, '--type',
            'daily', '--rotate', '2', '--wait', created['id'])
        self.assertEqual(backup_name, backup['name'])


class DeferredDeleteCLITest(NovaAPIServer, testtools.TestCase):
    """`openstack server delete`, `server restore` and `server delete
    --force` on a nova-api of its own with [DEFAULT]
    reclaim_instance_interval set (the other classes' deletes wait for the
    server to be gone)."""

    extra_config = EXTRA_CONFIG.replace(
        '[api]\n', 'reclaim_instance_interval = 3600\n[api]\n', 1)
    openstack = OpenStackCLITest.openstack
    _run = OpenStackCLITest._run
    _openstack_command = staticmethod(OpenStackCLITest._openstack_command)
    _wait_for_status = OpenStackCLITest._wait_for_status

    def test_server_soft_delete_restore_and_force_delete(self):
        created = self.openstack(
            'server', 'create', '--image', 'cirros-0.6.2-x86_64-disk',
            '--flavor', 'm1.tiny', '--nic', 'none', '--wait',
            _unique('cli'), negotiate=True)
        server_id = created['id']
        self.addCleanup(self._run, 'server', 'delete', '--force', server_id,
                        output_json=False)
        self.openstack('server', 'delete', server_id, output_json=False)
        self._wait_for_status(server_id, 'SOFT_DELETED')
        self.openstack('server', 'restore', server_id, output_json=False)
        self._wait_for_status(server_id, 'ACTIVE')
        self.openstack('server', 'delete', server_id, output_json=False)
        self._wait_for_status(server_id, 'SOFT_DELETED')
        self.openstack('server', 'delete', '--force', '--wait', server_id,
                       output_json=False)
        result = self._run('server', 'show', server_id)
        self.assertNotEqual(0, result.returncode)
        self.assertIn('No Server found', result.stderr)
