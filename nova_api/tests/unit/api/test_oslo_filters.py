"""oslo.middleware's CORS and proxy filters, as our paste file wraps them."""

from oslo_config import cfg
from oslo_config import fixture as config_fixture
import testtools
import webob
import webob.dec

from nova_api.api.middleware import cors
from nova_api.api.middleware import http_proxy_to_wsgi


@webob.dec.wsgify
def _echo_url(req):
    return webob.Response(json_body={'url': req.url})


class CORSTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(cfg.CONF))
        cors.filter_factory({})(_echo_url)  # registers the [cors] options
        conf.config(allowed_origin=['http://dashboard.example.org'],
                    group='cors')
        self.app = cors.filter_factory({})(_echo_url)

    def test_allowed_origin_gets_the_cors_headers(self):
        req = webob.Request.blank('/v2.1/flavors', headers={
            'Origin': 'http://dashboard.example.org'})
        resp = req.get_response(self.app)
        self.assertEqual('http://dashboard.example.org',
                         resp.headers['Access-Control-Allow-Origin'])
        self.assertIn('OpenStack-API-Version',
                      resp.headers['Access-Control-Expose-Headers'])

    def test_preflight_lists_the_version_headers(self):
        req = webob.Request.blank('/v2.1/flavors', method='OPTIONS', headers={
            'Origin': 'http://dashboard.example.org',
            'Access-Control-Request-Method': 'GET',
            'Access-Control-Request-Headers': 'OpenStack-API-Version'})
        resp = req.get_response(self.app)
        self.assertEqual('http://dashboard.example.org',
                         resp.headers['Access-Control-Allow-Origin'])

    def test_other_origin_and_no_origin_get_none(self):
        for headers in ({'Origin': 'http://elsewhere.example.org'}, {}):
            resp = webob.Request.blank(
                '/v2.1/flavors', headers=headers).get_response(self.app)
            self.assertEqual(200, resp.status_int)
            self.assertNotIn('Access-Control-Allow-Origin', resp.headers)


class HTTPProxyToWSGITest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(cfg.CONF))
        self.app = http_proxy_to_wsgi.HTTPProxyToWSGI.factory({})(_echo_url)

    def _url(self, headers):
        req = webob.Request.blank('/v2.1', headers=headers)
        return req.get_response(self.app).json['url']

    def test_proxy_headers_are_ignored_by_default(self):
        self.assertEqual('http://localhost/v2.1', self._url(
            {'X-Forwarded-Proto': 'https',
             'X-Forwarded-Host': 'api.example.org'}))

    def test_proxy_headers_when_parsing_is_enabled(self):
        self.conf.config(enable_proxy_headers_parsing=True,
                         group='oslo_middleware')
        self.assertEqual('https://api.example.org/v2.1', self._url(
            {'X-Forwarded-Proto': 'https',
             'X-Forwarded-Host': 'api.example.org'}))
        self.assertEqual('https://proxy.example.org/v2.1', self._url(
            {'Forwarded': 'for=10.0.0.1;proto=https;host=proxy.example.org'}))
