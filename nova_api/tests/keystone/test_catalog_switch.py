"""A catalog whose compute endpoint is Nova's old template,
``http://host/v2/%(project_id)s`` (doc/source/admin/catalog.rst):
Keystone fills in each token's project, and clients found through that
catalog work on the /v2 endpoint, which serves the v2.1 code.

This class starts a Keystone and a nova-api of its own, registered with
the template, beside the process's shared ones (registered at /v2.1).
"""

import openstack
import testtools

from nova_api.tests.fixtures import keystone as keystone_fixture
from nova_api.tests.keystone import base
from novaclient import client as nova_client

TEMPLATE = '/v2/%(project_id)s'


class TemplatedCatalogTest(testtools.TestCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.deployment = keystone_fixture.KeystoneDeployment(
            compute_path=TEMPLATE)
        cls.deployment.setUp()
        cls.addClassCleanup(cls.deployment.cleanUp)

    def endpoint_of(self, account_name):
        project_id = self.deployment.accounts[account_name].project_id
        return '%s/v2/%s' % (self.deployment.deployment.base_url,
                             project_id)

    def test_novaclient_gets_its_projects_endpoint(self):
        nova = nova_client.Client(
            '2.1', session=self.deployment.session('member_a'))
        self.assertEqual(self.endpoint_of('member_a'),
                         nova.client.get_endpoint().rstrip('/'))
        self.assertIn('m1.tiny', [f.name for f in nova.flavors.list()])
        name = base.unique('templated')
        created = nova.servers.create(name, image=base.CIRROS, flavor='1')
        self.addCleanup(nova.servers.delete, created.id)
        self.assertEqual('ACTIVE', base.wait_for(
            lambda: nova.servers.get(created.id).status, 'ACTIVE'))
        server = nova.servers.get(created.id)
        self.assertEqual(self.endpoint_of('member_a') + '/servers/' +
                         created.id, server.links[0]['href'])
        # Another project's token gets its own endpoint, and not the
        # server.
        other = nova_client.Client(
            '2.1', session=self.deployment.session('member_b'))
        self.assertEqual(self.endpoint_of('member_b'),
                         other.client.get_endpoint().rstrip('/'))
        self.assertNotIn(created.id,
                         [s.id for s in other.servers.list()])

    def test_openstacksdk_lists_through_the_template(self):
        account = self.deployment.accounts['member_a']
        conn = openstack.connect(
            load_yaml_config=False, load_envvars=False,
            auth_url=self.deployment.auth_url, username=account.username,
            password=account.password, project_name=account.project_name,
            user_domain_name=keystone_fixture.DOMAIN,
            project_domain_name=keystone_fixture.DOMAIN,
            region_name=keystone_fixture.REGION)
        self.addCleanup(conn.close)
        self.assertIn('m1.small',
                      [flavor.name for flavor in conn.compute.flavors()])
        self.assertEqual(
            self.endpoint_of('member_a'),
            conn.compute.get_endpoint().rstrip('/'))
