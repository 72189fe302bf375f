"""The keystone pipeline of etc/api-paste.ini loads and guards the API.

A real Keystone is exercised by the keystone integration tests; here the
pipeline is checked without one: keystonemiddleware answers 401 itself.
"""

from oslo_config import fixture as config_fixture
from keystonemiddleware import auth_token  # noqa: F401 (registers its options)
from paste import deploy
import testtools
import webob

from nova_api.api import app as app_module
from nova_api import conf as nova_conf
from nova_api.tests.fixtures import database
from nova_api.tests.functional import base


class KeystonePipelineTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        base.init_conf()
        conf = self.useFixture(config_fixture.Config(nova_conf.CONF))
        conf.config(auth_strategy='keystone', group='api')
        # Where clients are sent to get a token (WWW-Authenticate).
        conf.config(www_authenticate_uri='http://127.0.0.1:5000/v3',
                    group='keystone_authtoken')
        self.useFixture(database.Database())
        self.app = deploy.loadapp(
            'config:%s' % app_module.find_paste_config(),
            name='osapi_compute')

    def test_request_without_token_is_401(self):
        for path in ('/v2.1/flavors', '/v2/abc/flavors'):
            resp = webob.Request.blank(path).get_response(self.app)
            self.assertEqual(401, resp.status_int, path)
            self.assertIn('WWW-Authenticate', resp.headers)
            self.assertTrue(resp.headers['x-openstack-request-id'])

    def test_version_documents_need_no_token(self):
        for path in ('/', '/v2/', '/v2.1/'):
            resp = webob.Request.blank(path).get_response(self.app)
            self.assertEqual(200, resp.status_int, path)
