"""The API reference (api-ref/source) against the route table.

- The committed pages and parameters.yaml are what
  `nova-api-manage api-ref` writes now, so a change to a route, a schema,
  api_reference.yaml or the samples in doc/api_samples shows up as a diff
  of api-ref/ (regenerate with `tox -e regenerate`).
- Every served route has exactly one `.. rest_method::` entry (an action
  one per action name) and every entry is a served route: read from the
  committed files, not from the generator.
- The generator refuses a plugin, an operation or a parameter that the
  data file does not describe, and derives min_version/max_version from
  the schema ranges a parameter appears in, and puts each sample under
  the operation its file name gives.
"""

import collections
import copy
import difflib
import os
import re

import fixtures
from oslo_config import fixture as config_fixture
import testtools

from nova_api.api import api_reference
from nova_api.api import route_table
from nova_api import conf as nova_conf
from nova_api.tests.fixtures import deployment as deployment_fixture
from nova_api.tests.functional import base
from nova_api.tests.functional import test_route_table

CONF = nova_conf.CONF
_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                     os.pardir, os.pardir, os.pardir)
SOURCE = os.path.join(_ROOT, 'api-ref', 'source')
# The samples the functional tests write, which the pages include.
SAMPLES = os.path.join(_ROOT, 'doc', 'api_samples')
REGENERATE = test_route_table.REGENERATE
# Kept by hand, not written by the generator.
HAND_WRITTEN = frozenset(['conf.py', 'status.yaml'])
_METHOD = re.compile(r'^\.\. rest_method:: (\S+) (\S+)$')
_ACTION = re.compile(r'^The body names the action: ``([^`]+)``\.$')


def documented_routes(source=SOURCE):
    """'METHOD path' of every rest_method entry of the committed pages, an
    action as 'METHOD path {name}' (the line naming it follows)."""
    found = []
    for name in sorted(os.listdir(source)):
        if not name.endswith('.inc'):
            continue
        with open(os.path.join(source, name)) as f:
            for line in f:
                method = _METHOD.match(line.rstrip('\n'))
                action = _ACTION.match(line.rstrip('\n'))
                if method:
                    found.append('%s %s' % method.groups())
                elif action and found:
                    found[-1] = '%s {%s}' % (found[-1], action.group(1))
    return found


class APIReferenceTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(CONF))
        self.table = self.useFixture(
            test_route_table.DefaultTable(conf)).table

    def test_committed_reference_is_current(self):
        written = api_reference.render(self.table, samples_dir=SAMPLES)
        on_disk = sorted(set(os.listdir(SOURCE)) - HAND_WRITTEN)
        self.assertEqual(sorted(written), on_disk,
                         'api-ref/source has other files than the generator '
                         'writes; run %s' % REGENERATE)
        for name, text in sorted(written.items()):
            with open(os.path.join(SOURCE, name)) as f:
                committed = f.read()
            if committed != text:
                diff = ''.join(difflib.unified_diff(
                    committed.splitlines(True), text.splitlines(True),
                    name + ' (committed)', name + ' (written now)'))
                self.fail('api-ref/source/%s is not what the generator '
                          'writes now:\n%s\nRegenerate it from the root of '
                          'the source tree with\n    %s\nand commit it.'
                          % (name, diff[:5000], REGENERATE))

    def test_every_served_route_is_documented_once(self):
        served = collections.Counter(
            '%s %s' % (row.method, row.path)
            for row in route_table.rows(self.table))
        documented = collections.Counter(documented_routes())
        self.assertEqual([], sorted(served - documented),
                         'served routes without an api-ref entry')
        self.assertEqual([], sorted(documented - served),
                         'api-ref entries of routes not served')

    def test_every_operation_has_codes_and_a_path_parameter_table(self):
        text = api_reference.render(self.table)
        for name, page in text.items():
            if not name.endswith('.inc'):
                continue
            for section in page.split('.. rest_method:: ')[1:]:
                self.assertIn('.. rest_status_code:: error', section)
                path = section.split('\n', 1)[0]
                for param in re.findall(r'{(\w+)}', path):
                    self.assertRegex(section, r'   - %s: \S+_path' % param)


class MissingDescriptionTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(CONF))
        self.table = self.useFixture(
            test_route_table.DefaultTable(conf)).table
        self.data = api_reference.load_data()

    def _render_without(self, section, key):
        data = copy.deepcopy(self.data)
        del data[section][key]
        return self.assertRaises(api_reference.MissingDescription,
                                 api_reference.render, self.table, data)

    def test_parameter_without_description(self):
        exc = self._render_without('parameters', 'locked_reason')
        self.assertIn("'locked_reason'", str(exc))

    def test_operation_without_summary(self):
        exc = self._render_without('operations', 'GET /servers/detail')
        self.assertIn('GET /servers/detail', str(exc))

    def test_action_without_summary(self):
        exc = self._render_without(
            'operations', 'POST /servers/{id}/action {reboot}')
        self.assertIn('{reboot}', str(exc))

    def test_plugin_without_title(self):
        exc = self._render_without('resources', 'os-server-tags')
        self.assertIn('os-server-tags', str(exc))

    def test_every_description_is_used(self):
        # What the data file describes exists: a stale entry would hide a
        # renamed parameter or a removed route.
        ops = api_reference.operations(self.table)
        keys = {api_reference.route_key(op) for op in ops}
        self.assertEqual([], sorted(set(self.data['operations']) - keys))
        plugins = {op.plugin for op in ops}
        self.assertEqual([], sorted(set(self.data['resources']) - plugins))


def _object(**properties):
    return {'type': 'object', 'properties': properties,
            'required': sorted(properties)}


class VersionRangeTest(testtools.TestCase):
    """min_version/max_version from the ranges of a schema history."""

    def _params(self, entries, served_from=None):
        declared = api_reference.contract.MethodContract()
        declared.min_version = served_from
        found = api_reference._ranged(entries, api_reference.body_params,
                                      declared)
        return {(p[0], p[4], p[5]) for p in found}

    def test_added_and_removed(self):
        old = _object(a={'type': 'string'}, gone={'type': 'string'})
        new = _object(a={'type': 'string'}, added={'type': 'integer'})
        self.assertEqual(
            {('a', None, None), ('gone', None, '2.18'),
             ('added', '2.19', None)},
            self._params([(old, '2.1', '2.18'), (new, '2.19', None)]))

    def test_consecutive_ranges_are_one_span(self):
        with_x = _object(x={'type': 'string'})
        without = _object()
        self.assertEqual(
            {('x', '2.3', '2.9')},
            self._params([(without, None, '2.2'), (with_x, '2.3', '2.5'),
                          (with_x, '2.6', '2.9'), (without, '2.10', None)]))

    def test_a_parameter_from_the_first_served_version_has_no_min(self):
        self.assertEqual(
            {('t', None, None)},
            self._params([(_object(t={'type': 'string'}), '2.26', None)],
                         served_from=api_reference.microversion
                         .APIVersionRequest('2.26')))

    def test_nested_members_are_named_by_their_place(self):
        body = _object(server=_object(name={'type': 'string'}))
        places = [where for where, _, _, _ in
                  api_reference.body_params(body)]
        self.assertEqual(['server', 'server.name'], places)


class SamplesTest(testtools.TestCase):
    """Sample files land under the operation their name gives."""

    def setUp(self):
        super().setUp()
        conf = self.useFixture(config_fixture.Config(CONF))
        self.table = self.useFixture(
            test_route_table.DefaultTable(conf)).table
        self.root = self.useFixture(fixtures.TempDir()).path
        for rel in ('keypairs/post-os-keypairs-req.json',
                    'keypairs/v2.2/post-os-keypairs-resp.json',
                    'keypairs/unnamed-resp.json',
                    'servers/post-servers-id-action-reboot-req.json',
                    'versions/get-root-resp.json'):
            path = os.path.join(self.root, *rel.split('/'))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write('{}\n')
        self.pages = api_reference.render(self.table, samples_dir=self.root)

    def _section(self, page, method_line, action=None):
        for section in self.pages[page].split('.. rest_method:: ')[1:]:
            if section.startswith(method_line + '\n') and (
                    action is None or '``%s``' % action in section):
                return section
        self.fail('no section %s in %s' % (method_line, page))

    def test_request_and_response_samples_of_an_operation(self):
        section = self._section('keypairs.inc', 'POST /os-keypairs')
        request, response = section.split('\nResponse\n')
        self.assertIn('.. literalinclude:: ../../doc/api_samples/keypairs/'
                      'post-os-keypairs-req.json', request)
        self.assertIn('.. literalinclude:: ../../doc/api_samples/keypairs/'
                      'v2.2/post-os-keypairs-resp.json', response)
        self.assertIn('(v2.2)', response)

    def test_action_and_root_samples(self):
        self.assertIn('post-servers-id-action-reboot-req.json', self._section(
            'servers.inc', 'POST /servers/{id}/action', 'reboot'))
        self.assertIn('get-root-resp.json',
                      self._section('versions.inc', 'GET /'))

    def test_unnamed_samples_are_listed_at_the_end(self):
        page = self.pages['keypairs.inc']
        self.assertIn('unnamed-resp.json',
                      page[page.index('Other samples'):])
        self.assertEqual(1, page.count('/keypairs/unnamed-resp.json'))


class WithoutTokenTest(base.V21, base.APITestCase):
    """The data file's without_token list against the service: those
    routes answer without a token, another one asks for it."""

    project_in_url = False

    def _without_token(self, path, method='GET'):
        return self.client.request(method, '/v2.1' + path, None,
                                   {'Accept': 'application/json'})

    def test_listed_routes_answer_without_a_token(self):
        # Sent as the route walk sends them (test_route_table.REQUESTS).
        for route in api_reference.load_data()['without_token']:
            method, path = route.split(' ', 1)
            call = test_route_table.REQUESTS[(method, path)]
            self.assertNotEqual(
                401, self._without_token(call.path, method).status, route)

    def test_other_routes_ask_for_a_token(self):
        self.assertEqual(401, self._without_token('/versions/v2.1').status)


class ManageAPIRefTest(testtools.TestCase):
    """`nova-api-manage api-ref` as tox -e regenerate runs it."""

    def test_writes_the_pages(self):
        deployment = self.useFixture(deployment_fixture.DeploymentDir())
        output = os.path.join(deployment.path, 'source')
        os.mkdir(output)
        result = deployment.run(
            'nova_api.cmd.manage', 'api-ref', '--output', output,
            '--samples', os.path.join(deployment.path, 'no-samples'))
        self.assertEqual(0, result.returncode, result.stderr)
        written = sorted(os.listdir(output))
        self.assertIn('index.rst', written)
        self.assertIn('parameters.yaml', written)
        with open(os.path.join(output, 'servers.inc')) as f:
            self.assertIn('.. rest_method:: POST /servers\n', f.read())
