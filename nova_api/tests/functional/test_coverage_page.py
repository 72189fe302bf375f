"""The coverage page (doc/source/coverage.rst) is what `nova-api-manage
coverage` writes now, and the generator's scans find what they claim.

The page reads Nova's reference from ../shared/reference: without it the
comparison is skipped, or fails when CI=true (a broken checkout there).
"""

import copy
import difflib
import os

from oslo_config import fixture as config_fixture
from oslo_utils import strutils
import testtools

from nova_api.api import route_table
from nova_api.cmd import coverage
from nova_api import conf as nova_conf
from nova_api.tests.functional import test_route_table

CONF = nova_conf.CONF

PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                    '..', 'doc', 'source', 'coverage.rst')


def _require_reference(test):
    if os.path.isfile(os.path.join(coverage.DEFAULT_REFERENCE,
                                   'compute-api-endpoints.json')):
        return
    missing = ("Nova's reference is not at %s: the coverage page is made "
               "from it. Check the project out with shared/ beside it."
               % coverage.DEFAULT_REFERENCE)
    if strutils.bool_from_string(os.environ.get('CI')):
        test.fail(missing)
    test.skipTest(missing)


class CoveragePageTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        _require_reference(self)
        conf = self.useFixture(config_fixture.Config(CONF))
        table = self.useFixture(test_route_table.DefaultTable(conf)).table
        self.rows = route_table.rows(table)
        self.data = coverage.load_data()
        self.operations = coverage.load_operations(
            coverage.DEFAULT_REFERENCE, self.data)
        self.entries = coverage.collect(self.operations, self.rows,
                                        self.data)

    def test_committed_page_is_the_generated_one(self):
        generated = coverage.page(self.rows)
        with open(PAGE) as f:
            committed = f.read()
        if generated != committed:
            diff = ''.join(difflib.unified_diff(
                committed.splitlines(True), generated.splitlines(True),
                'doc/source/coverage.rst', 'nova-api-manage coverage'))
            self.fail('The coverage page is out of date:\n%s\nRegenerate it '
                      'from the root of the source tree with\n    tox -e '
                      'regenerate\nand commit it.' % diff)

    def test_every_reference_operation_is_on_the_page(self):
        self.assertEqual(251, len(self.entries))
        self.assertEqual(self.operations,
                         [e.operation for e in self.entries])

    def _entry(self, method, path, action=None):
        [entry] = [e for e in self.entries
                   if (e.operation.method, e.operation.path,
                       e.operation.action) == (method, path, action)]
        return entry

    def test_an_action_is_served_by_its_named_route(self):
        stop = self._entry('POST', '/servers/{server_id}/action', 'os-stop')
        self.assertEqual((coverage.SERVED, True),
                         (stop.state, stop.walked))
        security_group = self._entry('POST', '/servers/{server_id}/action',
                                     'addSecurityGroup')
        self.assertEqual((coverage.NOT_SERVED, False, '-'),
                         (security_group.state, security_group.walked,
                          security_group.versions or '-'))

    def test_a_removed_api_is_told_apart(self):
        cells = self._entry('GET', '/os-cells')
        self.assertEqual(coverage.REMOVED, cells.state)

    def test_versions_are_the_route_range(self):
        tags = self._entry('GET', '/servers/{server_id}/tags')
        self.assertEqual('2.26-latest', tags.versions)
        self.assertIn('test_server_tags', tags.mentioned)
        self.assertIn('NovaClientTest.test_server_tags', tags.clients)

    def test_data_naming_an_unknown_operation_fails(self):
        data = copy.deepcopy(self.data)
        data['tempest']['flavors.test_flavors'].append('GET /no-such-thing')
        self.assertRaises(coverage.CoverageDataError, coverage.collect,
                          self.operations, self.rows, data)


class PathPatternTest(testtools.TestCase):

    def test_a_parameter_as_tests_write_it(self):
        pattern = coverage.path_pattern('/servers/{server_id}/tags')
        for written in ("'/servers/%s/tags' % server_id",
                        "'/servers/' + server_id + '/tags'",
                        "f'/servers/{server_id}/tags'",
                        "'/servers/%(id)s/tags?x=1'"):
            self.assertTrue(pattern.search(written), written)

    def test_a_longer_path_is_not_a_mention(self):
        pattern = coverage.path_pattern('/servers/{server_id}/tags')
        self.assertIsNone(pattern.search("'/servers/%s/tags/%s' % (a, b)"))
        self.assertIsNone(pattern.search("'/servers/%s/tagsets'"))

    def test_a_static_sibling_is_not_a_parameter(self):
        pattern = coverage.path_pattern('/flavors/{flavor_id}')
        self.assertIsNone(pattern.search("'/flavors/detail'"))
        self.assertTrue(pattern.search("'/flavors/1'"))

    def test_the_root_is_a_whole_literal(self):
        pattern = coverage.path_pattern('/')
        for written in ("self._get('/')", "self._get('/v2.1/')",
                        "('GET', '/v2')"):
            self.assertTrue(pattern.search(written), written)
        for written in ("'/' + project_id", "''", "'/servers'"):
            self.assertIsNone(pattern.search(written), written)


class TempestModulesTest(testtools.TestCase):

    def test_the_data_files_modules_are_run(self):
        modules = coverage.tempest_modules(coverage.load_data())
        self.assertIn('flavors.test_flavors', modules)

    def test_a_module_the_run_does_not_select_fails(self):
        data = {'tempest': {'flavors.test_flavors': ['GET /flavors'],
                            'admin.test_aggregates': ['GET /os-aggregates']}}
        error = self.assertRaises(coverage.CoverageDataError,
                                  coverage.tempest_modules, data)
        self.assertIn('admin.test_aggregates', str(error))
        self.assertNotIn('flavors.test_flavors', str(error))

    def test_a_module_excluded_whole_fails(self):
        data = {'tempest': {
            'images.test_image_metadata.ImagesMetadataTestJSON': [
                'GET /images/{image_id}/metadata']}}
        self.assertRaises(coverage.CoverageDataError,
                          coverage.tempest_modules, data)
