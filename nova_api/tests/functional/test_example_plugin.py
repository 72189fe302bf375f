"""The out-of-tree example plugin (examples/nova_api_hello) served by
nova_api through the full paste pipeline, found the way an installed
package is found: by its entry point, through stevedore.

Installing the package with pip at test time would be slow and would
change the environment of every later test, so ``HelloPluginInstalled``
does what installing does, in a temporary directory: it puts the package's
source on sys.path and a ``*.dist-info`` with the entry points its
pyproject.toml declares beside it. Each test builds its own paste app
(the per-process app of ``base`` must never see the plugin) and the fixture
takes everything back afterwards.
"""

import os
import sys
import unittest

import fixtures
from paste import deploy
import stevedore
from stevedore import _cache as stevedore_cache
import testtools

from nova_api.api import app as app_module
from nova_api.api import route_table
from nova_api.api import router
from nova_api import policy
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = None

EXAMPLE_DIR = os.path.abspath(os.path.join(
    os.path.dirname(__file__), '..', '..', '..', 'examples',
    'nova_api_hello'))
PACKAGE = 'nova_api_hello'
LIST_RULE = 'os_compute_api:os-hello:list'
SHOW_RULE = 'os_compute_api:os-hello:show'
needs_tomllib = unittest.skipIf(
    tomllib is None, 'reading pyproject.toml needs Python 3.11 (tomllib)')


def _entry_points_txt(project):
    """entry_points.txt as an installer writes it from [project]."""
    sections = []
    for group, entries in sorted(project.get('entry-points', {}).items()):
        lines = ['[%s]' % group]
        lines.extend('%s = %s' % item for item in sorted(entries.items()))
        sections.append('\n'.join(lines) + '\n')
    return '\n'.join(sections)


class HelloPluginInstalled(fixtures.Fixture):
    """examples/nova_api_hello importable and its entry points visible to
    importlib.metadata, hence to stevedore, until cleanup."""

    def _setUp(self):
        with open(os.path.join(EXAMPLE_DIR, 'pyproject.toml'), 'rb') as f:
            project = tomllib.load(f)['project']
        site = self.useFixture(fixtures.TempDir()).path
        dist_info = os.path.join(site, '%s-%s.dist-info'
                                 % (PACKAGE, project['version']))
        os.mkdir(dist_info)
        with open(os.path.join(dist_info, 'METADATA'), 'w') as f:
            f.write('Metadata-Version: 2.1\nName: %s\nVersion: %s\n'
                    % (project['name'], project['version']))
        with open(os.path.join(dist_info, 'entry_points.txt'), 'w') as f:
            f.write(_entry_points_txt(project))
        # stevedore remembers each namespace for the life of the process
        # (the first app built here cached it without the plugin) and
        # caches scans on disk under a hash of sys.path: start from an
        # empty memory and scan into the temp dir, so nothing outlives the
        # fixture.
        self.useFixture(fixtures.MonkeyPatch(
            'stevedore.ExtensionManager.ENTRY_POINT_CACHE', {}))
        scan_cache = stevedore_cache.Cache(
            cache_dir=os.path.join(site, 'stevedore-cache'))
        self.useFixture(fixtures.MonkeyPatch(
            'stevedore._cache.get_group_all', scan_cache.get_group_all))
        for path in (site, EXAMPLE_DIR):
            sys.path.insert(0, path)
            self.addCleanup(self._remove_path, path)
        self.addCleanup(self._forget_modules)

    @staticmethod
    def _remove_path(path):
        sys.path.remove(path)
        sys.path_importer_cache.pop(path, None)

    @staticmethod
    def _forget_modules():
        for name in [name for name in sys.modules
                     if name == PACKAGE or name.startswith(PACKAGE + '.')]:
            del sys.modules[name]


def _load_app():
    """A paste app of its own, built with the plugins visible right now."""
    return deploy.loadapp('config:%s' % app_module.find_paste_config(),
                          name='osapi_compute')


@needs_tomllib
class HelloTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        if client_module.remote_url():
            self.skipTest('the example plugin is only installed in process')
        self.useFixture(HelloPluginInstalled())
        self.client = client_module.InProcessClient(_load_app())

    @property
    def default_version(self):
        return '2.1' if self.is_v21 else '2.0'

    def test_list(self):
        resp = self.api('GET', '/os-hello', persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, self.default_version)
        project = self.project_id('member')
        self.assertEqual({'greetings': [
            {'id': 'de', 'language': 'German',
             'message': 'Hallo, Projekt %s!' % project},
            {'id': 'en', 'language': 'English',
             'message': 'Hello, project %s!' % project},
            {'id': 'es', 'language': 'Spanish',
             'message': '¡Hola, proyecto %s!' % project},
            {'id': 'fr', 'language': 'French',
             'message': 'Bonjour, projet %s !' % project},
        ]}, resp.json())

    def test_list_is_addressed_to_the_callers_project(self):
        resp = self.api('GET', '/os-hello?language=English', persona='other')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(
            [{'id': 'en', 'language': 'English',
              'message': 'Hello, project %s!' % self.project_id('other')}],
            resp.json()['greetings'])

    def test_list_in_an_unknown_language_is_empty(self):
        resp = self.api('GET', '/os-hello?language=Klingon')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'greetings': []}, resp.json())

    def test_list_ignores_unknown_query_parameters(self):
        resp = self.api('GET', '/os-hello?colour=blue&language=French')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(['fr'], [g['id'] for g in resp.json()['greetings']])

    def test_list_with_language_twice_is_400(self):
        resp = self.api('GET', '/os-hello?language=French&language=German')
        self.assertFault(
            resp, 400,
            "Invalid input for query parameters language. Value: "
            "['French', 'German']. ['French', 'German'] is too long")

    def test_list_with_empty_language_is_400(self):
        resp = self.api('GET', '/os-hello?language=')
        message = self.assertFault(resp, 400)
        # The last sentence is jsonschema's and changes with its version.
        self.assertTrue(message.startswith(
            "Invalid input for query parameters language. Value: . ''"),
            message)

    def test_show_is_not_served_below_2_2(self):
        resp = self.api('GET', '/os-hello/en')
        # Nova's plain message, which does not name the version.
        self.assertFault(resp, 404, 'The resource could not be found.')
        self.assertVersionHeaders(resp, self.default_version)

    def test_list_rule_default_lets_a_member_read(self):
        resp = self.api('GET', '/os-hello', persona='member')
        self.assertEqual(200, resp.status, resp)
        registered = policy.get_enforcer().registered_rules
        self.assertEqual('rule:project_reader_or_admin',
                         registered[LIST_RULE].check_str)
        self.assertEqual('rule:project_reader_or_admin',
                         registered[SHOW_RULE].check_str)

    def test_list_rule_overridden_by_the_operator(self):
        self.use_policy_file({LIST_RULE: 'role:admin'})
        resp = self.api('GET', '/os-hello', persona='member')
        self.assertFault(resp, 403,
                         "Policy doesn't allow %s to be performed."
                         % LIST_RULE)
        resp = self.api('GET', '/os-hello', persona='admin')
        self.assertEqual(200, resp.status, resp)

    def test_disabled_plugin_is_not_served(self):
        self.conf.config(disabled_plugins=['hello'], group='api')
        self.client = client_module.InProcessClient(_load_app())
        resp = self.api('GET', '/os-hello')
        self.assertEqual(404, resp.status)
        self.assertNotIn(b'greetings', resp.body)


class HelloTestV21(base.V21, HelloTestV2):

    def test_show(self):
        resp = self.api('GET', '/os-hello/fr', persona='member',
                        version='2.2')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.2')
        project = self.project_id('member')
        self.assertEqual({'greeting': {
            'id': 'fr', 'language': 'French',
            'message': 'Bonjour, projet %s !' % project,
            'project_id': project}}, resp.json())

    def test_show_at_latest(self):
        resp = self.api('GET', '/os-hello/de', version='latest')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.10')
        self.assertEqual('de', resp.json()['greeting']['id'])

    def test_show_at_2_1_is_404(self):
        resp = self.api('GET', '/os-hello/en', version='2.1')
        self.assertFault(resp, 404, 'The resource could not be found.')
        self.assertVersionHeaders(resp, '2.1')

    def test_list_at_2_1_and_2_2_is_the_same(self):
        bodies = []
        for version in ('2.1', '2.2'):
            resp = self.api('GET', '/os-hello', version=version)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, version)
            bodies.append(resp.json())
        self.assertEqual(bodies[0], bodies[1])

    def test_show_unknown_greeting_is_404(self):
        resp = self.api('GET', '/os-hello/xx', version='2.2')
        self.assertFault(resp, 404, 'Greeting xx could not be found.')
        self.assertVersionHeaders(resp, '2.2')

    def test_show_for_own_project_by_id(self):
        project = self.project_id('member')
        resp = self.api('GET', '/os-hello/en?project_id=%s' % project,
                        persona='member', version='2.2')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(project, resp.json()['greeting']['project_id'])

    def test_admin_shows_another_projects_greeting(self):
        project = self.project_id('other')
        resp = self.api('GET', '/os-hello/en?project_id=%s' % project,
                        persona='admin', version='2.2')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'greeting': {
            'id': 'en', 'language': 'English',
            'message': 'Hello, project %s!' % project,
            'project_id': project}}, resp.json())

    def test_member_cannot_show_another_projects_greeting(self):
        resp = self.api('GET', '/os-hello/en?project_id=%s'
                        % self.project_id('other'),
                        persona='member', version='2.2')
        self.assertFault(resp, 403,
                         "Policy doesn't allow %s to be performed."
                         % SHOW_RULE)
        self.assertVersionHeaders(resp, '2.2')

    def test_show_with_bad_project_id_is_400(self):
        resp = self.api('GET', '/os-hello/en?project_id=no_such!',
                        version='2.2')
        self.assertFault(
            resp, 400,
            "Invalid input for query parameters project_id. Value: "
            "no_such!. 'no_such!' does not match '^[a-zA-Z0-9-]*$'")


@needs_tomllib
class HelloPluginLoadingTest(testtools.TestCase):
    """The plugin seen by the router, and gone again after the fixture."""

    def test_route_table_lists_the_plugin(self):
        self.useFixture(HelloPluginInstalled())
        rows = [row for row in route_table.rows(router.APIRouterV21().table)
                if row.plugin == 'hello']
        self.assertEqual([
            route_table.Row('GET', '/os-hello', 'hello',
                            'HelloController.index', '2.0-latest',
                            LIST_RULE, '200'),
            route_table.Row('GET', '/os-hello/{id}', 'hello',
                            'HelloController.show', '2.2-latest',
                            SHOW_RULE, '200'),
        ], rows)

    def test_fixture_leaves_nothing_behind(self):
        path_before = list(sys.path)
        with HelloPluginInstalled():
            names = stevedore.ExtensionManager(router.PLUGIN_NAMESPACE).names()
            self.assertIn('hello', names)
            __import__(PACKAGE)
        self.assertEqual(path_before, sys.path)
        self.assertNotIn(PACKAGE, sys.modules)
        names = stevedore.ExtensionManager(router.PLUGIN_NAMESPACE).names()
        self.assertNotIn('hello', names)
