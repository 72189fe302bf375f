"""The catalog switch (doc/source/admin/catalog.rst): /v2 served by the
v2.1 code, relaxed (the default etc/api-paste.ini) or strict (one line
changed), so that clients that know only /v2/{project_id} keep working.

The strict variant is the shipped paste file with the change the guide
shows, loaded in process and under a real nova-api driven by
python-novaclient through a /v2/{project_id} endpoint.
"""

import os

import fixtures
from keystoneauth1 import session as ks_session
from keystoneauth1 import token_endpoint
from novaclient import client as nova_client
from oslo_config import fixture as config_fixture
from paste import deploy
import testtools

from nova_api.api import app as app_module
from nova_api.tests.fixtures import deployment as deployment_fixture
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module

# The line of etc/api-paste.ini the guide changes, before and after.
RELAXED_V2 = '/v2/+: openstack_compute_api_v21_legacy_v2_compatible\n'
STRICT_V2 = '/v2/+: openstack_compute_api_v21\n'
CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
PROJECT_ID = '2f7c3b4a9d1e4c5f8a6b0e1d2c3f4a5b'


def write_strict_paste_config(directory):
    """The shipped paste file with /v2 on the strict code; its path."""
    with open(app_module.find_paste_config()) as f:
        shipped = f.read()
    if shipped.count(RELAXED_V2) != 1:
        raise AssertionError('etc/api-paste.ini no longer maps /v2 with '
                             '%r: update doc/source/admin/catalog.rst'
                             % RELAXED_V2)
    path = os.path.join(directory, 'api-paste-strict-v2.ini')
    with open(path, 'w') as f:
        f.write(shipped.replace(RELAXED_V2, STRICT_V2))
    return path


class StrictV2Test(base.APITestCase):
    """/v2/{project_id} on the strict v2.1 code, in process."""

    def setUp(self):
        super().setUp()
        self.skip_if_remote('loads its own paste file')
        directory = self.useFixture(fixtures.TempDir()).path
        app = deploy.loadapp(
            'config:%s' % write_strict_paste_config(directory),
            name='osapi_compute')
        self.client = client_module.InProcessClient(app)

    def test_v2_urls_keep_working(self):
        resp = self.api('GET', '/flavors/1')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual('m1.tiny', resp.json()['flavor']['name'])
        self.assertEqual(self.link('/flavors/1'),
                         resp.json()['flavor']['links'][0]['href'])

    def test_v2_validates_strictly_and_speaks_microversions(self):
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': 'strict', 'extra': 1}})
        self.assertFault(resp, 400)
        self.assertIn("Additional properties are not allowed ('extra'",
                      resp.json()['badRequest']['message'])
        resp = self.api('GET', '/flavors', version='2.10')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual('compute 2.10',
                         resp.header('OpenStack-API-Version'))

    def test_relaxed_by_default(self):
        # The shipped file: the same body is accepted, the extra dropped.
        self.client = client_module.InProcessClient(base._in_process_app())
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': 'relaxed', 'extra': 1}})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', '/os-keypairs/relaxed')
        self.assertIsNone(resp.header('OpenStack-API-Version'))


class StrictV2NovaClientTest(testtools.TestCase):
    """python-novaclient given only a /v2/{project_id} endpoint."""

    def setUp(self):
        super().setUp()
        # find_paste_config() reads [DEFAULT] api_paste_config.
        base.init_conf()
        self.useFixture(config_fixture.Config(base.CONF))
        deployment = self.useFixture(deployment_fixture.DeploymentDir())
        paste = write_strict_paste_config(deployment.path)
        with open(deployment.config_file, 'a') as f:
            f.write('[DEFAULT]\napi_paste_config = %s\n'
                    '[simulated]\nbuild_seconds = 0\n' % paste)
        server = self.useFixture(deployment_fixture.APIProcess(
            deployment, deployment.nova_api_argv()))
        # A project id as Keystone makes them: [api] project_id_regex
        # (Nova's default) takes hex in URLs.
        endpoint = server.base_url + '/v2/' + PROJECT_ID
        auth = token_endpoint.Token(endpoint, 'admin:' + PROJECT_ID)
        self.nova = nova_client.Client(
            '2.1', session=ks_session.Session(auth=auth))

    def test_flavors_and_a_server(self):
        self.assertIn('m1.tiny', [f.name for f in self.nova.flavors.list()])
        server = self.nova.servers.create('v2-client', image=CIRROS,
                                          flavor='1')
        self.addCleanup(self.nova.servers.delete, server.id)
        shown = self.nova.servers.get(server.id)
        self.assertEqual(('v2-client', 'ACTIVE'), (shown.name, shown.status))
        self.assertIn('/v2/%s/servers/' % PROJECT_ID,
                      shown.links[0]['href'])
