"""GET /v2.1/openapi.json: the OpenAPI 3.1 document of the negotiated
microversion (nova_api.api.openapi), served from 2.1 only."""

import json

import openapi_spec_validator
import testtools

from nova_api.tests.fixtures import deployment as deployment_fixture
from nova_api.tests.functional import base


class OpenAPITestV2(base.APITestCase):

    def test_not_served_on_v2(self):
        # The document describes microversions; /v2 has none.
        resp = self.api('GET', '/openapi.json')
        self.assertFault(resp, 404)


class OpenAPITestV21(base.V21, OpenAPITestV2):

    def test_not_served_on_v2(self):
        self.skipTest('served on /v2.1')

    def _document(self, version=None, headers=None, persona='admin'):
        resp = self.api('GET', '/openapi.json', version=version,
                        headers=headers, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp

    def test_document_of_each_version_validates(self):
        for version in ('2.1', '2.53', self.max_version()):
            resp = self._document(version)
            document = resp.json()
            openapi_spec_validator.validate(document)
            self.assertEqual(version, document['info']['version'])
            self.assertVersionHeaders(resp, version)

    def test_default_is_the_minimum(self):
        document = self._document().json()
        self.assertEqual('2.1', document['info']['version'])
        self.assertIn('/images', document['paths'])

    def test_legacy_header_is_honoured(self):
        document = self._document(
            headers={'X-OpenStack-Nova-API-Version': '2.55'}).json()
        self.assertEqual('2.55', document['info']['version'])
        self.assertIn('put', document['paths']['/flavors/{flavor_id}'])

    def test_latest(self):
        document = self._document('latest').json()
        self.assertEqual(self.max_version(), document['info']['version'])

    def test_member_may_read_it(self):
        document = self._document('2.10', persona='member').json()
        self.assertEqual('2.10', document['info']['version'])

    def test_unsupported_version_is_406(self):
        resp = self.api('GET', '/openapi.json', version='2.9999')
        self.assertEqual(406, resp.status, resp)

    def test_served_under_the_project_id_too(self):
        resp = self.api('GET', '/%s/openapi.json' % self.project_id('admin'),
                        version='2.1')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual('/v2.1', resp.json()['servers'][0]['url'])


class ManageOpenAPITest(testtools.TestCase):
    """nova-api-manage openapi prints what the service serves."""

    def setUp(self):
        super().setUp()
        self.deployment = self.useFixture(deployment_fixture.DeploymentDir())

    def test_prints_the_document_of_a_version(self):
        result = self.deployment.run('nova_api.cmd.manage', 'openapi',
                                     '--microversion', '2.53')
        self.assertEqual(0, result.returncode, result.stderr)
        document = json.loads(result.stdout)
        openapi_spec_validator.validate(document)
        self.assertEqual('2.53', document['info']['version'])

    def test_refuses_a_version_not_served(self):
        result = self.deployment.run('nova_api.cmd.manage', 'openapi',
                                     '--microversion', '2.9999')
        self.assertNotEqual(0, result.returncode)
        self.assertIn('Microversion 2.9999 is not served', result.stderr)
