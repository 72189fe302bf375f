"""Self, bookmark and next links built from the request."""

from oslo_config import fixture as config_fixture
import testtools

from nova_api.api.views import links
from nova_api.api import wsgi
from nova_api import conf as nova_conf
from nova_api import context as nova_context

PROJECT = '6f70656e737461636b20342065766572'


def _request(url, script_name='/v2.1', project_id=PROJECT):
    req = wsgi.Request.blank(url, base_url='http://compute.example.com' +
                             script_name)
    req.environ[wsgi.CONTEXT_KEY] = nova_context.RequestContext(
        user_id='u', project_id=project_id)
    return req


class LinksTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(nova_conf.CONF))

    def test_resource_links_without_project_in_url(self):
        req = _request('/flavors/1')
        self.assertEqual([
            {'rel': 'self',
             'href': 'http://compute.example.com/v2.1/flavors/1'},
            {'rel': 'bookmark',
             'href': 'http://compute.example.com/flavors/1'},
        ], links.resource_links(req, 'flavors', '1'))

    def test_resource_links_with_project_in_url(self):
        req = _request('/%s/flavors/1' % PROJECT, script_name='/v2')
        self.assertEqual([
            {'rel': 'self', 'href': 'http://compute.example.com/v2/%s/'
                                    'flavors/1' % PROJECT},
            {'rel': 'bookmark', 'href': 'http://compute.example.com/%s/'
                                        'flavors/1' % PROJECT},
        ], links.resource_links(req, 'flavors', '1'))

    def test_project_id_anywhere_in_the_url_counts(self):
        # Nova's rule: a substring test on the whole URL.
        req = _request('/flavors/x-%s' % PROJECT)
        self.assertEqual(PROJECT, links.project_id_in_links(req))
        self.assertEqual('', links.project_id_in_links(_request('/flavors')))
        self.assertEqual('', links.project_id_in_links(
            _request('/flavors', project_id=None)))

    def test_identifier_is_turned_into_a_string(self):
        req = _request('/things')
        self.assertEqual('http://compute.example.com/v2.1/things/7',
                         links.self_href(req, 'things', 7))

    def test_bookmark_drops_only_a_trailing_version(self):
        for script_name, expected in (
                ('/compute/v2.1', 'http://compute.example.com/compute/x/1'),
                ('/v2', 'http://compute.example.com/x/1'),
                ('/v10', 'http://compute.example.com/x/1'),
                ('/compute', 'http://compute.example.com/compute/x/1')):
            req = _request('/x/1', script_name=script_name)
            self.assertEqual(expected, links.bookmark_href(req, 'x', '1'))

    def test_compute_link_prefix(self):
        self.conf.config(compute_link_prefix='https://proxy.example.org/api/',
                         group='api')
        req = _request('/flavors/detail?limit=1')
        self.assertEqual([
            {'rel': 'self',
             'href': 'https://proxy.example.org/api/v2.1/flavors/1'},
            {'rel': 'bookmark',
             'href': 'https://proxy.example.org/api/flavors/1'},
        ], links.resource_links(req, 'flavors', '1'))
        self.assertEqual(
            'https://proxy.example.org/api/v2.1/flavors/detail?limit=1&'
            'marker=1', links.next_href(req, 'flavors/detail', '1'))

    def test_compute_link_prefix_without_path(self):
        self.conf.config(compute_link_prefix='https://proxy.example.org',
                         group='api')
        req = _request('/flavors')
        self.assertEqual('https://proxy.example.org/flavors/1',
                         links.bookmark_href(req, 'flavors', '1'))

    def test_next_href_sorts_parameters_and_sets_the_marker(self):
        req = _request('/flavors?sort_dir=asc&limit=2&marker=a&minRam=1')
        self.assertEqual(
            'http://compute.example.com/v2.1/flavors?limit=2&marker=b&'
            'minRam=1&sort_dir=asc', links.next_href(req, 'flavors', 'b'))

    def test_next_href_appends_the_marker_and_quotes_values(self):
        req = _request('/%s/servers?name=a+b%%2Fc' % PROJECT)
        self.assertEqual(
            'http://compute.example.com/v2.1/%s/servers?name=a+b%%2Fc&'
            'marker=x+y' % PROJECT, links.next_href(req, 'servers', 'x y'))

    def test_collection_links_only_for_a_full_page(self):
        req = _request('/flavors?limit=2')
        self.assertEqual([], links.collection_links(req, 'flavors', ['1'],
                                                    2))
        self.assertEqual([], links.collection_links(req, 'flavors', [], 0))
        self.assertEqual(
            [{'rel': 'next', 'href': 'http://compute.example.com/v2.1/'
                                     'flavors?limit=2&marker=2'}],
            links.collection_links(req, 'flavors', ['1', '2'], 2))
