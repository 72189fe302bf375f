"""python-novaclient on a keystoneauth password session, no endpoint."""

from novaclient import api_versions
from novaclient import client as nova_client
from novaclient import exceptions as nova_exceptions
import testtools

from nova_api.tests.keystone import base


class NovaClientTest(base.KeystoneDeploymentTest, testtools.TestCase):

    def client(self, account_name, version=base.NOVACLIENT_VERSION):
        # The session knows Keystone only; novaclient takes the compute
        # endpoint from the token's catalog.
        return nova_client.Client(
            version, session=self.deployment.session(account_name))

    def test_negotiates_the_highest_microversion(self):
        nova = self.client('reader_a', '2.1')
        version = api_versions.discover_version(
            nova, api_versions.APIVersion('2.latest'))
        self.assertEqual(base.NOVACLIENT_VERSION, version.get_string())
        self.assertEqual(self.deployment.compute_url,
                         nova.client.get_endpoint().rstrip('/'))

    def test_flavors(self):
        flavors = {f.name: f for f in self.client('member_b').flavors.list()}
        self.assertEqual(('1', 512, 1), (flavors['m1.tiny'].id,
                                         flavors['m1.tiny'].ram,
                                         flavors['m1.tiny'].vcpus))

    def test_server_of_one_project_only(self):
        nova = self.client('member_a')
        name = base.unique('novaclient-ks')
        created = nova.servers.create(name, image=base.CIRROS, flavor='1',
                                      nics='auto')
        self.addCleanup(_delete_quietly, nova, created.id)
        status = base.wait_for(lambda: nova.servers.get(created.id).status,
                               'ACTIVE')
        self.assertEqual('ACTIVE', status)
        server = nova.servers.get(created.id)
        self.assertEqual(
            self.deployment.accounts['member_a'].project_id, server.tenant_id)

        reader = self.client('reader_a')
        self.assertIn(created.id, [s.id for s in reader.servers.list()])
        self.assertRaises(nova_exceptions.Forbidden, reader.servers.delete,
                          created.id)
        other = self.client('member_b')
        self.assertNotIn(created.id, [s.id for s in other.servers.list()])
        self.assertRaises(nova_exceptions.NotFound, other.servers.get,
                          created.id)
        admin = self.client('admin')
        self.assertIn(created.id, [s.id for s in admin.servers.list(
            search_opts={'all_tenants': 1})])

        nova.servers.delete(created.id)
        self.assertRaises(nova_exceptions.NotFound, nova.servers.get,
                          created.id)


def _delete_quietly(nova, server_id):
    try:
        nova.servers.delete(server_id)
    except nova_exceptions.NotFound:
        pass
