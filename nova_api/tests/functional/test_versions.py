"""GET /, /v2/ and /v2.1/: the version documents."""

from nova_api.tests.functional import base


class VersionsTestV2(base.APITestCase):

    def _get(self, path, **kwargs):
        return self.api('GET', path, raw_url=True, **kwargs)

    def test_root_lists_both_versions(self):
        resp = self._get('/')
        self.assertEqual(200, resp.status)
        self.assertEqual('application/json', resp.header('Content-Type'))
        self.assertEqual({'versions': [
            {'id': 'v2.0', 'status': 'DEPRECATED', 'version': '',
             'min_version': '', 'updated': '2025-07-04T12:00:00Z',
             'links': [{'rel': 'self', 'href': self.host_url + '/v2/'}]},
            {'id': 'v2.1', 'status': 'CURRENT',
             'version': self.max_version(),
             'min_version': '2.1', 'updated': '2013-07-23T11:33:21Z',
             'links': [{'rel': 'self', 'href': self.host_url + '/v2.1/'}]},
        ]}, resp.json())

    def test_root_needs_no_token(self):
        resp = self.client.request('GET', '/', None, {})
        self.assertEqual(200, resp.status)

    def _v2_document(self):
        return {'version': {
            'id': 'v2.0', 'status': 'DEPRECATED', 'version': '',
            'min_version': '', 'updated': '2025-07-04T12:00:00Z',
            'links': [{'rel': 'self', 'href': self.host_url + '/v2/'},
                      {'rel': 'describedby', 'type': 'text/html',
                       'href': 'http://docs.openstack.org/'}],
            'media-types': [{
                'base': 'application/json',
                'type': 'application/vnd.openstack.compute+json;version=2'}],
        }}

    def _v21_document(self):
        return {'version': {
            'id': 'v2.1', 'status': 'CURRENT',
            'version': self.max_version(), 'min_version': '2.1',
            'updated': '2013-07-23T11:33:21Z',
            'links': [{'rel': 'self', 'href': self.host_url + '/v2.1/'},
                      {'rel': 'describedby', 'type': 'text/html',
                       'href': 'http://docs.openstack.org/'}],
            'media-types': [{
                'base': 'application/json',
                'type': 'application/vnd.openstack.compute+json;'
                        'version=2.1'}],
        }}

    def test_v2_document_with_and_without_slash(self):
        for path in ('/v2', '/v2/'):
            resp = self._get(path, version='2.5')
            self.assertEqual(200, resp.status)
            self.assertEqual(self._v2_document(), resp.json())
            self.assertNoVersionHeaders(resp)

    def test_v21_document_with_and_without_slash(self):
        for path in ('/v2.1', '/v2.1/'):
            resp = self._get(path)
            self.assertEqual(200, resp.status)
            self.assertEqual(self._v21_document(), resp.json())
            self.assertEqual('compute 2.1',
                             resp.header('OpenStack-API-Version'))

    def test_v21_document_under_the_project(self):
        resp = self._get('/v2.1/%s/' % self.project_id('admin'))
        self.assertEqual(self._v21_document(), resp.json())

    def test_v2_document_under_the_project_is_the_v2_one(self):
        resp = self._get('/v2/%s/' % self.project_id('admin'))
        self.assertEqual(self._v2_document(), resp.json())

    def test_v21_document_negotiates_the_version(self):
        resp = self._get('/v2.1/', version='2.2')
        self.assertEqual('compute 2.2', resp.header('OpenStack-API-Version'))
        resp = self._get('/v2.1/', version='3.0')
        self.assertFault(resp, 406)
        resp = self._get('/v2.1/', version='2.x')
        self.assertFault(resp, 400)

    def test_show_version_by_id(self):
        # /v2 answers with its own document whatever the id, as Nova.
        expected = (self._v21_document() if self.is_v21
                    else self._v2_document())
        resp = self.api('GET', '/versions/v2.1')
        self.assertEqual(expected, resp.json())
        resp = self.api('GET', '/versions/v2.0')
        expected = self._v2_document()
        # As Nova, the self link is the endpoint the request came to.
        expected['version']['links'][0]['href'] = '%s/%s/' % (
            self.host_url, self.endpoint)
        self.assertEqual(expected, resp.json())

    def test_show_unknown_version_is_404(self):
        if not self.is_v21:
            self.skipTest('/v2 answers its own document for any id')
        resp = self.api('GET', '/versions/v3')
        self.assertFault(resp, 404, 'The resource could not be found.')

    def test_other_paths_below_root_get_the_choices(self):
        resp = self._get('/foo/bar')
        self.assertEqual(300, resp.status)
        self.assertEqual({'choices': [
            {'id': 'v2.0', 'status': 'DEPRECATED',
             'links': [{'rel': 'self',
                        'href': self.host_url + '/v2/foo/bar'}],
             'media-types': [{
                 'base': 'application/json',
                 'type': 'application/vnd.openstack.compute+json;version=2'}]},
            {'id': 'v2.1', 'status': 'CURRENT',
             'links': [{'rel': 'self',
                        'href': self.host_url + '/v2.1/foo/bar'}],
             'media-types': [{
                 'base': 'application/json',
                 'type': 'application/vnd.openstack.compute+json;'
                         'version=2.1'}]},
        ]}, resp.json())

    def test_links_follow_the_request_host(self):
        if base.client_module.remote_url():
            self.skipTest('in-process only: sets the Host header')
        resp = self.api('GET', '/', raw_url=True,
                        headers={'Host': 'compute.example.org:9999'})
        self.assertEqual('http://compute.example.org:9999/v2/',
                         resp.json()['versions'][0]['links'][0]['href'])


class VersionsTestV21(base.V21, VersionsTestV2):

    def test_unknown_query_parameters_are_ignored_at_2_102(self):
        # Nova's version documents never adopted 2.75's or 2.102's strict
        # query strings.
        for path in ('/v2.1/?colour=blue', '/v2.1/versions/v2.1?colour=x'):
            resp = self._get(path, version='2.102')
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(self._v21_document(), resp.json())
            self.assertEqual('compute 2.102',
                             resp.header('OpenStack-API-Version'))
