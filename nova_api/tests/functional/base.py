"""Base classes of the functional tests.

A test class is written once for /v2 (``APITestCase``: URLs carry the
project id, no version headers, relaxed validation) and inherited by a
/v2.1 subclass (mix in ``V21``), which adds strict validation and
microversion cases, as Tempest's v2.1 classes inherit the v2 ones:

    class FlavorsTestV2(base.APITestCase):
        def test_list(self):
            resp = self.api('GET', '/flavors')
            self.assertEqual(200, resp.status)

    class FlavorsTestV21(base.V21, FlavorsTestV2):
        def test_list_at_2_7(self):
            resp = self.api('GET', '/flavors', version='2.7')
"""

import json
import os

import fixtures
from oslo_config import fixture as config_fixture
import testtools

from nova_api.api import app as app_module
from nova_api.api import microversion
from nova_api import conf as nova_conf
from nova_api import policy
from nova_api.tests.fixtures import database
from nova_api.tests.functional import client as client_module

CONF = nova_conf.CONF
_APP = None


def init_conf():
    """Parse no config files: tests see the defaults plus their overrides.

    Needed before each test: the config fixture's cleanup un-parses CONF.
    """
    CONF([], project='nova_api', default_config_files=[],
         default_config_dirs=[])


def _in_process_app():
    """The paste app, loaded once per process (it holds no test state)."""
    global _APP
    if _APP is None:
        from paste import deploy
        _APP = deploy.loadapp('config:%s' % app_module.find_paste_config(),
                              name='osapi_compute')
    return _APP


# The fault body's key for each status, as Nova names it (its
# nova.api.openstack.wsgi.Fault); any other status is a 'computeFault'.
# Written out here, not read from the product, so that a change to the
# product's names fails the tests.
NOVA_FAULT_NAMES = {
    400: 'badRequest',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'itemNotFound',
    405: 'badMethod',
    409: 'conflictingRequest',
    413: 'overLimit',
    415: 'badMediaType',
    429: 'overLimit',
    501: 'notImplemented',
    503: 'serviceUnavailable',
}


class APITestCase(testtools.TestCase):
    """A /v2 functional test: /v2/{project_id}/..., pseudo-version 2.0."""

    endpoint = 'v2'
    project_in_url = True

    def setUp(self):
        super().setUp()
        remote = client_module.remote_url()
        if remote:
            self.client = client_module.HTTPClient(remote)
            return
        init_conf()
        self.conf = self.useFixture(config_fixture.Config(CONF))
        self.conf.config(response_validation='error', group='api')
        self.useFixture(database.Database())
        policy.reset()
        self.addCleanup(policy.reset)
        self.client = client_module.InProcessClient(_in_process_app())

    @property
    def host_url(self):
        return self.client.host_url

    def url(self, path, persona='admin'):
        """The URL of `path` on this class's endpoint, as `persona`."""
        if self.project_in_url:
            project_id = client_module.persona(persona)[2]
            return '/%s/%s%s' % (self.endpoint, project_id, path)
        return '/%s%s' % (self.endpoint, path)

    def api(self, method, path, body=None, persona='admin', version=None,
            headers=None, raw_url=False):
        """Send a request as a client would; `body` is sent as JSON."""
        token = client_module.persona(persona)[0]
        all_headers = {'X-Auth-Token': token, 'Accept': 'application/json'}
        if version is not None:
            all_headers['OpenStack-API-Version'] = 'compute %s' % version
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(
                body).encode()
            all_headers['Content-Type'] = 'application/json'
        all_headers.update(headers or {})
        url = path if raw_url else self.url(path, persona)
        return self.client.request(method, url, data, all_headers)

    def skip_if_remote(self, reason='needs the in-process service (config, '
                                    'logs, or a case where Nova answers '
                                    '500)'):
        if client_module.remote_url():
            self.skipTest(reason)

    def use_policy_file(self, rules):
        """Run the rest of the test with `rules` ({rule: check string})
        in the [oslo_policy] policy file, over the defaults."""
        self.skip_if_remote('changes the policy of the service')
        path = os.path.join(self.useFixture(fixtures.TempDir()).path,
                            'policy.yaml')
        with open(path, 'w') as f:
            f.writelines('"%s": "%s"\n' % rule for rule in rules.items())
        policy.get_enforcer()  # registers the [oslo_policy] options
        self.conf.config(policy_file=path, group='oslo_policy')
        policy.reset()

    def max_version(self):
        """The server's maximum microversion: ours in process, else the one
        the deployment's /v2.1/ document advertises."""
        if not client_module.remote_url():
            return str(microversion.MAX_VERSION)
        resp = self.client.request('GET', '/v2.1/', None, {})
        return resp.json()['version']['version']

    def user_id(self, persona):
        return client_module.persona(persona)[1]

    def project_id(self, persona):
        return client_module.persona(persona)[2]

    def link(self, path, persona='admin'):
        """The self link a response to `persona` carries for `path`."""
        return self.host_url + self.url(path, persona)

    def bookmark(self, path, persona='admin'):
        """The bookmark link: no version in the URL."""
        if self.project_in_url:
            return '%s/%s%s' % (self.host_url, self.project_id(persona), path)
        return self.host_url + path

    def assertFault(self, resp, code, message=None):
        """`resp` is Nova's fault body for `code`, with `message` if given."""
        self.assertEqual(code, resp.status, resp)
        name = NOVA_FAULT_NAMES.get(code, 'computeFault')
        body = resp.json()
        self.assertEqual([name], list(body), resp)
        self.assertEqual(code, body[name]['code'])
        if message is not None:
            self.assertEqual(message, body[name]['message'])
        return body[name]['message']

    def assertNoVersionHeaders(self, resp):
        self.assertIsNone(resp.header('OpenStack-API-Version'))
        self.assertIsNone(resp.header('X-OpenStack-Nova-API-Version'))

    def assertVersionHeaders(self, resp, version):
        if self.endpoint == 'v2':
            return self.assertNoVersionHeaders(resp)
        self.assertEqual('compute %s' % version,
                         resp.header('OpenStack-API-Version'))
        self.assertEqual(version, resp.header('X-OpenStack-Nova-API-Version'))
        self.assertEqual(['OpenStack-API-Version',
                          'X-OpenStack-Nova-API-Version'],
                         resp.header_values('Vary'))


class V21:
    """Mix in first to turn a /v2 test class into its /v2.1 subclass."""

    endpoint = 'v2.1'
    project_in_url = False

    @property
    def is_v21(self):
        return True


APITestCase.is_v21 = False
