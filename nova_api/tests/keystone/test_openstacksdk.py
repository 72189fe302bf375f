"""openstacksdk with password auth: nova-api found through the catalog."""

import openstack
from openstack import exceptions as sdk_exceptions
import testtools

from nova_api.api import microversion
from nova_api.tests.keystone import base
from nova_api.tests.fixtures import keystone as keystone_fixture


class OpenStackSDKTest(base.KeystoneDeploymentTest, testtools.TestCase):

    def connect(self, account_name):
        account = self.deployment.accounts[account_name]
        # Only Keystone's address and a password: no clouds.yaml, no OS_*
        # variables, no endpoint of nova-api's.
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_url=self.deployment.auth_url,
            username=account.username, password=account.password,
            project_name=account.project_name,
            user_domain_name=keystone_fixture.DOMAIN,
            project_domain_name=keystone_fixture.DOMAIN)
        self.addCleanup(conn.close)
        return conn

    def test_compute_endpoint_and_microversions_come_from_the_catalog(self):
        data = self.connect('reader_a').compute.get_endpoint_data()
        self.assertEqual(self.deployment.compute_url,
                         data.service_url.rstrip('/'))
        maximum = microversion.MAX_VERSION
        self.assertEqual(((2, 1), (maximum.major, maximum.minor)),
                         (data.min_microversion, data.max_microversion))

    def test_flavors(self):
        compute = self.connect('reader_a').compute
        flavors = {f.name: f for f in compute.flavors()}
        self.assertLessEqual({'m1.tiny', 'm1.xlarge'}, set(flavors))
        self.assertEqual(('1', 512), (compute.find_flavor('m1.tiny').id,
                                      compute.find_flavor('m1.tiny').ram))

    def test_keypair_at_microversion_2_10_names_its_user(self):
        compute = self.connect('member_a').compute
        name = base.unique('sdk-ks')
        # 2.2 brought key types, 2.10 the owner: the SDK asks for both.
        keypair = compute.create_keypair(name=name, type='x509')
        self.addCleanup(compute.delete_keypair, name, ignore_missing=True)
        self.assertEqual('x509', keypair.type)
        shown = compute.get_keypair(name)
        self.assertEqual(self.deployment.accounts['member_a'].user_id,
                         shown.user_id)
        compute.delete_keypair(name)
        self.assertIsNone(compute.find_keypair(name, ignore_missing=True))

    def test_member_creates_and_deletes_a_server(self):
        compute = self.connect('member_a').compute
        name = base.unique('sdk-ks')
        server = compute.create_server(name=name, image_id=base.CIRROS,
                                       flavor_id='1', networks='auto')
        self.addCleanup(compute.delete_server, server, ignore_missing=True)
        server = compute.wait_for_server(server, status='ACTIVE',
                                         interval=0.1,
                                         wait=base.WAIT_SECONDS)
        self.assertEqual(
            (name, self.deployment.accounts['member_a'].project_id),
            (server.name, server.project_id))
        self.assertIn(server.id, [s.id for s in compute.servers(name=name)])
        self.assertIsNone(self.connect('member_b').compute.find_server(
            server.id, ignore_missing=True))

        compute.delete_server(server)
        compute.wait_for_delete(server, interval=0.1,
                                wait=base.WAIT_SECONDS)
        self.assertIsNone(compute.find_server(server.id,
                                              ignore_missing=True))

    def test_reader_cannot_create_a_server(self):
        compute = self.connect('reader_a').compute
        error = self.assertRaises(
            sdk_exceptions.ForbiddenException, compute.create_server,
            name=base.unique('sdk-ks'), image_id=base.CIRROS, flavor_id='1',
            networks='auto')
        self.assertIn("Policy doesn't allow os_compute_api:servers:create",
                      str(error))

    def test_image_service_from_the_catalog(self):
        image = self.connect('reader_a').image
        cirros = image.find_image(base.CIRROS_NAME)
        self.assertEqual(base.CIRROS, cirros.id)
        self.assertIn(base.CIRROS_NAME, [i.name for i in image.images()])
