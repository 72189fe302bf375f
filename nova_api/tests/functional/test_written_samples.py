"""The API samples in doc/api_samples/, written by the tests from the
route table.

Every route of nova_api's own route table (but the removed ones, which
answer 410 to everyone, and the OpenAPI document, which is made from the
table itself and checked by test_openapi) is sent its request of the route walk
(test_route_table.REQUESTS) at the first version of each of its
response-schema ranges from 2.1 up (and where the walk's request for it
changes), as the admin where the route's default rule is admin-only or
the resource's owner decides, else as a plain member. Each version starts
from a fresh database with the member's servers the walk uses, and sends
every route it serves, writes first (POST, then PUT), then reads, then
deletes (sub-resources before their parents), so each request succeeds.

The body sent and the body answered are compared with the samples on
file (the layout, the templating and the matching are described in
nova_api.tests.fixtures.written_samples); the test fails with a diff if
one differs, is missing or is no longer written. With
NOVA_API_REGENERATE_SAMPLES=1 (``tox -e regenerate`` sets it) the test
rewrites the samples that differ and removes those no longer written.
"""

import collections
import difflib
import os

import testtools

from nova_api.api import microversion
from nova_api.tests.fixtures import database
from nova_api.tests.fixtures import written_samples
from nova_api.tests.functional import base
from nova_api.tests.functional import test_route_table as route_walk

REGENERATE_VARIABLE = 'NOVA_API_REGENERATE_SAMPLES'
REGENERATE = ('%s=1 stestr run %s (or tox -e regenerate)'
              % (REGENERATE_VARIABLE, __name__))
_FIRST = microversion.APIVersionRequest(written_samples.BASE_VERSION)
# Writes before reads, so that what a read names exists; deletes last.
_SAMPLE_ORDER = {'POST': 0, 'PUT': 1, 'PATCH': 1, 'GET': 2, 'DELETE': 3}
# Made in each version's fresh database, for the flavor access requests.
_PRIVATE_FLAVOR = {'flavor': {
    'name': 'sample-private', 'id': 'sample-private', 'ram': 512,
    'vcpus': 1, 'disk': 1, 'os-flavor-access:is_public': False}}
_ACCESS = '/flavors/sample-private/'
_MEMBER = route_walk._MEMBER_PROJECT
# Requests sent instead of the walk's, in their version ranges: the walk
# sends its flavor access requests only to be refused, and Nova keeps no
# access list of a public flavor, so here they name a private one; from
# 2.37 a server must say which networks it wants, and the walk's request,
# refused there, is one of the 400s it expects.
_OVERRIDES = {
    ('POST', '/flavors/{flavor_id}/action {addTenantAccess}'): (
        route_walk.Call(_ACCESS + 'action',
                        {'addTenantAccess': {'tenant': _MEMBER}}),),
    ('POST', '/flavors/{flavor_id}/action {removeTenantAccess}'): (
        route_walk.Call(_ACCESS + 'action',
                        {'removeTenantAccess': {'tenant': _MEMBER}}),),
    ('GET', '/flavors/{flavor_id}/os-flavor-access'): (
        route_walk.Call(_ACCESS + 'os-flavor-access'),),
    ('POST', '/servers'): (route_walk.Call('/servers', {'server': dict(
        route_walk._NEW_SERVER['server'], networks='auto')},
        ('2.37', None)),),
}


def _source_host_down(test, path):
    """Force down the compute service of the host of the server `path`
    acts on, as an evacuation needs; returns how to bring it up again."""
    server_id = path.split('/')[2]
    host = test.api('GET', '/servers/' + server_id).json()['server'][
        'OS-EXT-SRV-ATTR:host']

    def force_down(down):
        resp = test.api('PUT', '/os-services/force-down', {
            'host': host, 'binary': 'nova-compute', 'forced_down': down},
            version='2.11')
        test.assertEqual(200, resp.status, resp)
    force_down(True)
    return lambda: force_down(False)


# What a route's request needs around it, and undoes after it.
_AROUND = {
    ('POST', '/servers/{id}/action {evacuate}'): _source_host_down,
}


def _calls_of(route):
    return _OVERRIDES.get(route, ()) + tuple(route_walk.calls_of(route))


def _request_at(route, version):
    for call in _calls_of(route):
        if not call.versions or version.matches(
                *(bound and microversion.APIVersionRequest(bound)
                  for bound in call.versions)):
            return call
    return None


def _regenerating():
    return os.environ.get(REGENERATE_VARIABLE) == '1'


def _sample_versions(impl):
    """The versions at which `impl` is sampled: where one of its response
    schemas, or its request in REQUESTS, starts, from 2.1 up."""
    route = (impl.method, impl.path)
    starts = {low for _schema, low, _high in impl.contract.response_schemas}
    starts.update(microversion.APIVersionRequest(call.versions[0])
                  for call in _calls_of(route)
                  if call.versions and call.versions[0])
    versions = set()
    for low in starts:
        version = max(low or _FIRST, impl.contract.min_version or _FIRST,
                      _FIRST)
        if (impl.contract.supports(version) and
                _request_at(route, version) is not None):
            versions.add(version)
    return versions


def _send_order(route):
    method, path = route
    # Deletes from the deepest path: a sub-resource before its parent.
    depth = path.count('/') if method == 'DELETE' else 0
    return (_SAMPLE_ORDER.get(method, 0), -depth, path)


Sample = collections.namedtuple('Sample', 'path content')


# Plugins whose answers are no samples: the OpenAPI document of a version
# is the whole route table described (test_openapi validates it); a
# console token is made afresh by each console request and the walk's
# lookup names none (test_api_samples compares Nova's samples of it).
NOT_SAMPLED = frozenset(['openapi', 'os-console-auth-tokens'])
# Routes with nothing to show yet, by the reason.
_NO_LIVE_MIGRATION_RUNS = ('the walk\'s tasks take no time: no live '
                           'migration is in progress to show, force or '
                           'abort (test_api_samples compares Nova\'s '
                           'samples of a running one)')
NOTHING_TO_SHOW = {
    ('GET', '/servers/{server_id}/migrations/{migration_id}'):
        _NO_LIVE_MIGRATION_RUNS,
    ('POST', '/servers/{server_id}/migrations/{migration_id}/action '
             '{force_complete}'): _NO_LIVE_MIGRATION_RUNS,
    ('DELETE', '/servers/{server_id}/migrations/{migration_id}'):
        _NO_LIVE_MIGRATION_RUNS,
}


class WrittenSamplesTest(base.V21, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote('writes the samples of the in-process service')
        table = self.useFixture(route_walk.DefaultTable(self.conf)).table
        # Routes that refuse everyone have no sample either.
        self.impls = [impl for impl in route_walk._implementations(table)
                      if not route_walk._is_removed(impl) and
                      impl.plugin not in NOT_SAMPLED and
                      (impl.method, impl.path)
                      not in route_walk.ALWAYS_REFUSED and
                      (impl.method, impl.path) not in NOTHING_TO_SHOW]
        self.rules = route_walk.DefaultRules()
        for task in route_walk.WALK_TASKS:
            self.conf.config(**{task + '_seconds': 0, 'group': 'simulated'})
        # shelve leaves the server on its host for shelveOffload to move.
        self.conf.config(shelved_offload_time=-1)
        route_walk.enable_walk_consoles(self)

    def _persona(self, impl):
        if (impl.method, impl.path) in route_walk.OWNER_ONLY or any(
                self.rules.admin_only(rule)
                for rule in impl.contract.policy_rules):
            return 'admin'
        return 'member'

    def _fresh_state(self):
        """A new database with the member's servers of the route walk."""
        self.useFixture(database.Database())
        self.servers = route_walk.create_walk_servers(self)
        resp = self.api('POST', '/flavors', _PRIVATE_FLAVOR)
        self.assertEqual(200, resp.status, resp)

    def _send(self, impl, call, version):
        around = _AROUND.get((impl.method, impl.path))
        undo = around and around(self, call.path.format(**self.servers))
        resp = self.api(impl.method, call.path.format(**self.servers),
                        body=route_walk.body_with_servers(call.body,
                                                          self.servers),
                        persona=self._persona(impl),
                        version=str(version))
        if undo:
            undo()
        success = impl.contract.codes.for_version(version, 200)
        if resp.status != success:
            self.failures.append('%s %s at %s as %s: %r' % (
                impl.method, impl.path, version, self._persona(impl), resp))
        created = route_walk.CREATES.get((impl.method, impl.path))
        if created and resp.status == success:
            placeholder, _status, key = created
            self.servers[placeholder] = resp.json()[key]['id']
        return resp, resp.status == success

    def _samples_at(self, version, sampled):
        """The samples of the routes in `sampled` at `version`."""
        self._fresh_state()
        impls = sorted((impl for impl in self.impls
                        if impl.contract.supports(version)),
                       key=lambda impl: _send_order((impl.method, impl.path)))
        for impl in impls:
            call = _request_at((impl.method, impl.path), version)
            if call is None:
                continue
            resp, succeeded = self._send(impl, call, version)
            if not succeeded or (impl.method, impl.path) not in sampled:
                continue
            yield from self._samples_of(impl, str(version), call, resp)

    def _samples_of(self, impl, version, call, resp):
        def path(kind):
            return written_samples.sample_path(
                impl.plugin, version,
                written_samples.file_name(impl.method, impl.path, kind))

        if call.body is not None:
            body = route_walk.body_with_servers(call.body, self.servers)
            # A body naming a walk server's id names it by placeholder.
            yield Sample(path('req'), call.body if body == call.body
                         else written_samples.template(body)), None
        if resp.body:
            answer = resp.json()
            yield Sample(path('resp'), written_samples.template(
                answer, self.host_url)), answer

    def _all_samples(self):
        by_version = collections.defaultdict(set)
        for impl in self.impls:
            for version in _sample_versions(impl):
                by_version[version].add((impl.method, impl.path))
        for version in sorted(by_version):
            yield from self._samples_at(version, by_version[version])

    def test_samples_on_file_are_the_answers(self):
        problems = self.failures = []
        written = set()
        for sample, answer in self._all_samples():
            written.add(sample.path)
            problem = _compare(sample, answer)
            if problem and _regenerating():
                _write(sample)
            elif problem:
                problems.append(problem)
        for stale in sorted(_files_on_record() - written):
            # A request that failed wrote nothing: its sample stays.
            if _regenerating() and not self.failures:
                os.remove(stale)
            else:
                problems.append('%s is no longer written by any route'
                                % _relative(stale))
        if problems:
            self.fail('The samples are not the answers (%d problems):\n\n'
                      '%s\n\n'
                      'If the change is intended, rewrite them from the '
                      'root of the source tree with\n    %s\nand commit '
                      'them with the change.'
                      % (len(problems), '\n\n'.join(problems), REGENERATE))


class TemplateTest(testtools.TestCase):
    """What varies becomes a placeholder; the rest must be equal."""

    _ID = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
    _OTHER_ID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
    _HOST = 'http://openstack.example.com'

    def _answer(self, server_id, name='a 100% server'):
        return {'server': {
            'id': server_id, 'name': name, 'progress': 0,
            'created': '2026-12-03T14:01:03Z', 'adminPass': 'x9Yz',
            'links': [{'rel': 'self',
                       'href': '%s/v2.1/servers/%s' % (self._HOST,
                                                       server_id)},
                      {'rel': 'bookmark',
                       'href': '%s/servers/%s' % (self._HOST, server_id)}]}}

    def test_varying_values_are_placeholders(self):
        server = written_samples.template(self._answer(self._ID),
                                          self._HOST)['server']
        self.assertEqual('%(uuid)s', server['id'])
        self.assertEqual('%(isotime)s', server['created'])
        self.assertEqual('%(password)s', server['adminPass'])
        self.assertEqual('a 100%% server', server['name'])
        self.assertEqual(['%(host)s/v2.1/servers/%(uuid)s',
                          '%(host)s/servers/%(uuid)s'],
                         [link['href'] for link in server['links']])

    def test_rows_with_random_ids_are_written_sorted(self):
        rows = [{'id': self._ID, 'name': 'b'},
                {'id': self._OTHER_ID, 'name': 'a'}]
        self.assertEqual(['a', 'b'], [
            row['name'] for row in written_samples.template(rows)])
        written_samples.match(written_samples.template(rows), rows)

    def test_another_run_matches(self):
        expected = written_samples.template(self._answer(self._ID),
                                            self._HOST)
        written_samples.match(expected, self._answer(self._OTHER_ID))

    def test_a_changed_value_does_not_match(self):
        expected = written_samples.template(self._answer(self._ID),
                                            self._HOST)
        for answer in (self._answer(self._ID, name='b 100% server'),
                       self._answer('not-a-uuid'),
                       {'server': dict(self._answer(self._ID)['server'],
                                       progress='0')}):
            self.assertRaises(written_samples.NoMatch, written_samples.match,
                              expected, answer)

    def test_an_extra_key_does_not_match(self):
        expected = written_samples.template(self._answer(self._ID),
                                            self._HOST)
        answer = self._answer(self._ID)
        answer['server']['status'] = 'ACTIVE'
        error = self.assertRaises(written_samples.NoMatch,
                                  written_samples.match, expected, answer)
        self.assertIn('body.server', str(error))


def _relative(path):
    return os.path.relpath(path, os.path.dirname(os.path.dirname(
        written_samples.SAMPLES_DIR)))


def _compare(sample, answer):
    """None if `sample` matches its file, else what differs."""
    new = written_samples.dumps(sample.content)
    try:
        with open(sample.path) as f:
            on_file = f.read()
    except FileNotFoundError:
        return '%s is missing' % _relative(sample.path)
    if on_file == new:
        return None
    if answer is not None:
        try:
            written_samples.match(written_samples.load(on_file), answer)
            return None
        except written_samples.NoMatch as exc:
            reason = str(exc)
    else:
        reason = 'the request body sent differs'
    diff = ''.join(difflib.unified_diff(
        on_file.splitlines(True), new.splitlines(True),
        _relative(sample.path) + ' (on file)', 'the answer, templated'))
    return '%s: %s\n%s' % (_relative(sample.path), reason, diff)


def _write(sample):
    os.makedirs(os.path.dirname(sample.path), exist_ok=True)
    with open(sample.path, 'w') as f:
        f.write(written_samples.dumps(sample.content))


def _files_on_record():
    found = set()
    for folder, _dirs, names in os.walk(written_samples.SAMPLES_DIR):
        found.update(os.path.join(folder, name) for name in names
                     if name.endswith('.json'))
    return found
