"""The plugin framework: loading, routing, actions, version ranges."""

import json

from oslo_config import fixture as config_fixture
import testtools
import webob

from nova_api.api import plugin
from nova_api.api import router
from nova_api.api import wsgi
from nova_api import conf as nova_conf
from nova_api import context as nova_context

PROJECT = 'abc123'


class WidgetController(wsgi.Controller):

    def index(self, req):
        return {'widgets': []}

    def detail(self, req):
        return {'widgets': [], 'detail': True}

    def show(self, req, id):
        return {'widget': {'id': id}}

    @wsgi.response(201)
    def create(self, req, body):
        return {'widget': body}

    @wsgi.api_version('2.2')
    def size(self, req, id):
        return {'size': 'large'}

    @wsgi.response(202)
    @wsgi.action('polish')
    def polish(self, req, id, body):
        return None


class ShinyController(wsgi.Controller):

    @wsgi.action('shine')
    def shine(self, req, id, body):
        return {'shone': id, 'how': body['shine']}


class Widgets(plugin.APIPlugin):
    name = 'widgets'

    def resources(self):
        return [plugin.APIResource('widgets', WidgetController(), [
            ('GET', '/widgets', 'index'),
            ('GET', '/widgets/{id}', 'show'),
            ('GET', '/widgets/detail', 'detail'),
            ('POST', '/widgets', 'create'),
            ('GET', '/widgets/{id}/size', 'size'),
            ('POST', '/widgets/{id}/action', 'action'),
        ])]


class Shiny(plugin.APIPlugin):
    name = 'shiny'

    def controller_extensions(self):
        return [plugin.ControllerExtension('widgets', ShinyController())]


class Copycat(plugin.APIPlugin):
    name = 'copycat'

    def resources(self):
        return [plugin.APIResource('cats', WidgetController(), [
            ('GET', '/widgets', 'index')])]


class RouterTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(nova_conf.CONF))
        self.app = router.APIRouterV21([Widgets(), Shiny()])

    def _call(self, method, path, body=None, version=None):
        req = webob.Request.blank(path, method=method)
        req.environ['nova.context'] = nova_context.RequestContext(
            user_id='u', project_id=PROJECT, roles=['member'])
        if version:
            req.headers['OpenStack-API-Version'] = 'compute %s' % version
        if body is not None:
            req.body = json.dumps(body).encode()
            req.content_type = 'application/json'
        return req.get_response(self.app)

    def test_literal_segment_wins_over_variable(self):
        self.assertEqual({'widgets': [], 'detail': True},
                         self._call('GET', '/widgets/detail').json)

    def test_member_route_passes_the_id(self):
        self.assertEqual({'widget': {'id': 'w1'}},
                         self._call('GET', '/widgets/w1').json)

    def test_project_id_prefix_is_served_too(self):
        resp = self._call('GET', '/%s/widgets/w1' % PROJECT)
        self.assertEqual(200, resp.status_int)

    def test_project_id_mismatch_is_400(self):
        resp = self._call('GET', '/fedcba/widgets/w1')
        self.assertEqual(400, resp.status_int)
        self.assertEqual(
            "Malformed request URL: URL's project_id 'fedcba' doesn't match "
            "Context's project_id 'abc123'",
            resp.json['badRequest']['message'])

    def test_unknown_url_and_unknown_method_are_plain_404(self):
        for method, path in (('GET', '/gadgets'), ('PUT', '/widgets')):
            resp = self._call(method, path)
            self.assertEqual(404, resp.status_int)
            self.assertNotIn('itemNotFound', resp.text)

    def test_declared_success_code(self):
        resp = self._call('POST', '/widgets', body={'a': 1})
        self.assertEqual(201, resp.status_int)

    def test_method_is_served_within_its_version_range(self):
        self.assertEqual('large', self._call(
            'GET', '/widgets/w1/size', version='2.2').json['size'])

    def test_method_below_its_version_range_is_404(self):
        resp = self._call('GET', '/widgets/w1/size', version='2.1')
        self.assertEqual(404, resp.status_int)
        self.assertEqual(
            {'itemNotFound': {
                'code': 404,
                'message': 'The resource could not be found.'}},
            resp.json)

    def test_own_action_and_extension_action(self):
        resp = self._call('POST', '/widgets/w1/action', body={'polish': {}})
        self.assertEqual(202, resp.status_int)
        self.assertEqual(b'', resp.body)
        resp = self._call('POST', '/widgets/w1/action',
                          body={'shine': 'bright'})
        self.assertEqual({'shone': 'w1', 'how': 'bright'}, resp.json)

    def test_unknown_action_is_400(self):
        resp = self._call('POST', '/widgets/w1/action', body={'melt': {}})
        self.assertEqual({'badRequest': {
            'code': 400, 'message': 'There is no such action: melt'}},
            resp.json)

    def test_action_body_with_two_keys_is_400(self):
        resp = self._call('POST', '/widgets/w1/action',
                          body={'polish': {}, 'shine': 1})
        self.assertEqual('Malformed request body',
                         resp.json['badRequest']['message'])

    def test_table_lists_every_route(self):
        self.assertEqual(6, len(self.app.table))
        self.assertEqual({'widgets'}, {e.plugin for e in self.app.table})


class PluginConflictTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(config_fixture.Config(nova_conf.CONF))

    def test_two_plugins_claiming_a_route_stop_the_service(self):
        exc = self.assertRaises(router.PluginConflict, router.APIRouterV21,
                                [Widgets(), Copycat()])
        self.assertIn('GET /widgets is claimed by plugins widgets and '
                      'copycat', str(exc))

    def test_two_plugins_claiming_an_action_stop_the_service(self):
        class Shiny2(Shiny):
            name = 'shiny2'
        self.assertRaises(router.PluginConflict, router.APIRouterV21,
                          [Widgets(), Shiny(), Shiny2()])

    def test_extending_an_unknown_resource_stops_the_service(self):
        self.assertRaises(router.PluginConflict, router.APIRouterV21,
                          [Shiny()])


class LoadPluginsTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.conf = self.useFixture(config_fixture.Config(nova_conf.CONF))

    def test_installed_plugins_are_loaded(self):
        names = {p.name for p in router.load_plugins()}
        self.assertIn('versions', names)
        self.assertIn('removed', names)

    def test_disabled_plugin_is_skipped_and_logged(self):
        self.conf.config(disabled_plugins=['removed', 'nonexistent'],
                         group='api')
        with self.assertLogs('nova_api.api.router', 'WARNING') as logs:
            names = {p.name for p in router.load_plugins()}
        self.assertNotIn('removed', names)
        self.assertIn('versions', names)
        self.assertTrue(any('removed is disabled' in line
                            for line in logs.output))
        self.assertTrue(any('nonexistent' in line for line in logs.output))
