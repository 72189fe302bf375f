"""Dispatch by RouteIndex: the answers of a routes.Mapper, faster.

The reference is the Mapper the router used before RouteIndex, connected
the same way (routes sorted literal segments first, each served under
/{project_id} and as is): for every route of the default table, sample
URLs (placeholders filled with values that collide with literal segments
and project ids, trailing slashes, a final newline, a format suffix) and
every method resolve to the same routing arguments, or to no route.
"""

import itertools
import os
import re
from unittest import mock

from oslo_config import fixture as config_fixture
import routes
import routes.route
import testtools
import webob

from nova_api.api import plugin
from nova_api.api import router
from nova_api import conf as nova_conf
from nova_api.tests.unit.api import test_router

CONF = nova_conf.CONF

PINNED_TABLE = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir,
    'functional', 'default_routes.txt')
METHODS = ('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD')
# Values for {placeholders}: plain, a literal segment, a hex project id.
FILLERS = ('v1', 'detail', 'abc123')
PREFIXES = ('', '/abc123', '/admin')
SUFFIXES = ('', '/', '\n', '.json')
_PLACEHOLDER = re.compile(r'\{([^}]+)\}')


def _reference_mapper(table):
    """A Mapper connected as APIRouterV21 connected its routes before."""
    mapper = routes.Mapper()
    project_prefix = '/{project_id:%s}' % CONF.api.project_id_regex
    for entry in sorted(table, key=router._route_order):
        for path in (project_prefix + entry.path, entry.path):
            mapper.connect(path, controller=entry.resource,
                           action=entry.action,
                           conditions={'method': [entry.method]})
    return mapper


def _fill(path, value):
    return _PLACEHOLDER.sub(value, path)


def _sample_urls(table):
    paths = sorted({entry.path for entry in table})
    urls = set()
    for path, value, prefix, suffix in itertools.product(
            paths, FILLERS, PREFIXES, SUFFIXES):
        urls.add(prefix + _fill(path, value) + suffix)
    urls.update(['/', '//', '', 'servers', '/nope', '/servers//detail',
                 '/abc123', '/abc123//servers', '/servers/detail/extra'])
    return sorted(urls)


class _Comparison:

    def assertSameAsMapper(self, app, urls):
        mapper = _reference_mapper(app.table)
        compared = 0
        for url, method in itertools.product(urls, METHODS):
            environ = {'REQUEST_METHOD': method}
            expected = mapper.match(url, environ)
            self.assertEqual(expected, app.routes.match(url, environ),
                             '%s %r' % (method, url))
            compared += expected is not None
        return compared


class DefaultTableTest(testtools.TestCase, _Comparison):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(CONF))
        self.app = router.APIRouterV21()

    def _pinned_rows(self):
        with open(PINNED_TABLE) as f:
            header = next(f).rstrip('\n').split('\t')
            return [dict(zip(header, line.rstrip('\n').split('\t')))
                    for line in f]

    def _handler(self, match, action_name):
        resource = match['controller']
        if match['action'] == 'action':
            controller, attr = resource.actions[action_name]
        else:
            controller, attr = resource.controller, match['action']
        return '%s.%s' % (type(controller).__name__, attr)

    def test_every_pinned_route_resolves_to_its_handler(self):
        rows = self._pinned_rows()
        self.assertGreater(len(rows), 150)
        for row in rows:
            path, _, action = row['path'].partition(' ')
            names = _PLACEHOLDER.findall(path)
            url = _PLACEHOLDER.sub(lambda m: 'v-' + m.group(1), path)
            for prefix, project in (('', {}),
                                    ('/abc123', {'project_id': 'abc123'})):
                match = self.app.routes.match(
                    prefix + url, {'REQUEST_METHOD': row['method']})
                where = '%s %s%s' % (row['method'], prefix, url)
                self.assertIsNotNone(match, where)
                self.assertEqual(row['handler'],
                                 self._handler(match, action.strip('{}')),
                                 where)
                arguments = {key: value for key, value in match.items()
                             if key not in ('controller', 'action')}
                self.assertEqual(
                    dict({name: 'v-' + name for name in names}, **project),
                    arguments, where)

    def test_every_sample_url_and_method_resolves_as_with_a_mapper(self):
        urls = _sample_urls(self.app.table)
        self.assertGreater(len(urls), 2000)
        matched = self.assertSameAsMapper(self.app, urls)
        # Not only agreement on "no route".
        self.assertGreater(matched, 1000)

    def test_a_final_newline_matches_as_with_a_mapper(self):
        # '$' in a route's expression matches before a final newline.
        match = self.app.routes.match('/servers\n', {'REQUEST_METHOD': 'GET'})
        self.assertEqual('index', match['action'])
        match = self.app.routes.match('/abc123/flavors/v1\n',
                                      {'REQUEST_METHOD': 'GET'})
        self.assertEqual(
            ('show', 'v1', 'abc123'),
            (match['action'], match['flavor_id'], match['project_id']))

    def test_unknown_url_and_unknown_method_are_plain_404(self):
        for method, path in (('PATCH', '/servers'), ('GET', '/nope'),
                             ('GET', '/servers/v1/nope/v2'),
                             ('GET', '/servers/'), ('DELETE', '/flavors'),
                             ('GET', '/fedcba/nope'),
                             ('GET', '/admin/servers'),
                             ('GET', '/ABC123/servers')):
            resp = webob.Request.blank(path, method=method).get_response(
                self.app)
            self.assertEqual(404, resp.status_int, '%s %s' % (method, path))
            self.assertIn('The resource could not be found.', resp.text)
            self.assertNotIn('itemNotFound', resp.text)
            self.assertNotIn('Allow', resp.headers)


class OtherProjectIdRegexTest(testtools.TestCase, _Comparison):
    """Project ids a deployer's [api] project_id_regex may allow."""

    def _compare(self, regex):
        self.useFixture(config_fixture.Config(CONF)).config(
            project_id_regex=regex, group='api')
        app = router.APIRouterV21()
        urls = ['/a/b/servers', '/a/b/servers/detail', '/servers',
                '//servers', '/a//servers', '/ABC/flavors/detail',
                '/a/b/c/os-keypairs', '/a/b/', '/a/', '/servers/a/b/action',
                '/servers/v1/action', '/x/servers/v1/action']
        self.assertGreater(self.assertSameAsMapper(app, urls), 3)

    def test_a_project_id_with_slashes(self):
        self._compare(r'[0-9A-Za-z/]+')

    def test_a_project_id_that_may_be_empty(self):
        self._compare(r'[0-9a-f]*')


class Unusual(plugin.APIPlugin):
    """Routes whose first segment is not a literal."""

    name = 'unusual'

    def resources(self):
        return [plugin.APIResource('unusual', test_router.WidgetController(), [
            ('GET', '/{thing}', 'show'),
            # Connected before /{project_id}/{thing}, which matches the same.
            ('GET', '/{any}/{thing}', 'size'),
            ('GET', '/{thing}/widgets', 'index'),
            ('GET', '/wid{x}', 'detail'),
            ('POST', '/{thing}/widgets/{id}', 'create'),
            # Connected before the literal /w~z ('{' < '~').
            ('GET', '/w{x}/more', 'detail'),
            ('GET', '/w~z', 'index'),
        ])]


class UnusualRoutesTest(testtools.TestCase, _Comparison):

    def test_routes_without_a_literal_first_segment(self):
        self.useFixture(config_fixture.Config(CONF))
        app = router.APIRouterV21([test_router.Widgets(), Unusual()])
        urls = _sample_urls(app.table) + [
            '/widgets', '/widgetsX', '/wid', '/widX/widgets', '/abc123/wid1',
            '/abc123/abc123/widgets', '/abc123/widgets/v1/size',
            # A literal first segment, matched by a route without one.
            '/widgets/widgets/v1', '/abc123/widgets/widgets/v1',
            '/w~z/more', '/abc123/w~z/more', '/w~z']
        self.assertGreater(self.assertSameAsMapper(app, urls), 100)


class ManyRoutes(plugin.APIPlugin):
    """100 routes of a resource no other request is for."""

    name = 'many'

    def resources(self):
        many = []
        for number in range(50):
            many.append(('GET', '/a-many-%02d' % number, 'index'))
            many.append(('GET', '/a-many-%02d/{id}' % number, 'show'))
        return [plugin.APIResource('many', test_router.WidgetController(),
                                   many)]


class RouteCountTest(testtools.TestCase):
    """Routes added for other resources cost a request nothing."""

    URLS = ('/servers/detail', '/flavors/detail', '/os-keypairs',
            '/abc123/servers/detail', '/abc123/os-keypairs/v1', '/nope',
            '/servers/v1/os-interface/v2')

    def _routes_tried(self, plugins):
        app = router.APIRouterV21(plugins)
        tried = {}
        original = routes.route.Route.match
        with mock.patch.object(routes.route.Route, 'match', autospec=True,
                               side_effect=original) as match:
            for url in self.URLS:
                match.reset_mock()
                app.routes.match(url, {'REQUEST_METHOD': 'GET'})
                tried[url] = match.call_count
        return tried

    def test_a_hundred_more_routes_are_not_tried(self):
        self.useFixture(config_fixture.Config(CONF))
        plugins = router.load_plugins()
        before = self._routes_tried(plugins)
        after = self._routes_tried(plugins + [ManyRoutes()])
        self.assertEqual(before, after)
        self.assertEqual(1, before['/servers/detail'])
        self.assertEqual(0, before['/nope'])
