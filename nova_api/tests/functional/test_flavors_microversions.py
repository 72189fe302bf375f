"""/flavors from microversion 2.11 on: each change tested at the version
before it and at its own (the bodies are those of Nova's API samples
flavors/v2.X and flavor-manage/v2.X, with this deployment's links).

- 2.55: description (PUT /flavors/{flavor_id} to change it);
- 2.61: extra_specs in detail, show, create and update;
- 2.75: swap 0 without swap; unknown list parameters refused;
- 2.102: no rxtx_factor nor OS-FLV-DISABLED:disabled, name filter,
  unknown show parameters refused.

Like test_flavors, these also pass against a real Nova
(NOVA_API_TEST_URL); cases where Nova answers 500, or that change the
policy, run in process only.
"""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_flavors

unique = test_flavors.unique
TINY = ('1', 'm1.tiny', 512, 1, 1)
EXTRA_SPECS_INDEX = 'os_compute_api:os-flavor-extra-specs:index'
UPDATE = 'os_compute_api:os-flavor-manage:update'


def _unexpected(*names):
    quoted = ', '.join("'%s'" % name for name in names)
    verb = 'was' if len(names) == 1 else 'were'
    return 'Additional properties are not allowed (%s %s unexpected)' % (
        quoted, verb)


class FlavorMicroversionHelpers(test_flavors.FlavorHelpers):

    def get(self, path, version, persona='admin'):
        resp = self.api('GET', path, version=version, persona=persona)
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, version)
        return resp.json()

    def update(self, flavor_id, description, version='2.55',
               persona='admin'):
        return self.api('PUT', '/flavors/%s' % flavor_id,
                        {'flavor': {'description': description}},
                        version=version, persona=persona)

    def set_specs(self, flavor_id, specs):
        resp = self.api('POST', '/flavors/%s/os-extra_specs' % flavor_id,
                        {'extra_specs': specs})
        self.assertEqual(200, resp.status, resp)

    def tiny(self, version, **values):
        return self.expected_flavor(*TINY, version=version, **values)

    def details(self, version, persona='admin'):
        flavors = self.get('/flavors/detail', version, persona)['flavors']
        return {flavor['id']: flavor for flavor in flavors}


class FlavorsUpdateTestV2(FlavorMicroversionHelpers, base.APITestCase):

    def test_update_is_unknown_on_v2(self):
        resp = self.api('PUT', '/flavors/1',
                        {'flavor': {'description': 'x'}})
        # Nova's message is webob's "The resource could not be found.";
        # the framework's says which version (see VersionNotFoundForAPIMethod).
        self.assertFault(resp, 404)

    def test_create_with_a_description_before_2_55(self):
        # /v2 drops what it does not know.
        body = self.flavor_body(description='d')
        resp = self.api('POST', '/flavors', body)
        self.addCleanup(self.api, 'DELETE',
                        '/flavors/%s' % body['flavor']['id'])
        self.assertEqual(200, resp.status, resp)
        self.assertNotIn('description', resp.json()['flavor'])


class FlavorDescriptionTestV21(base.V21, FlavorsUpdateTestV2):
    """2.55."""

    def test_create_with_a_description_before_2_55(self):
        body = self.flavor_body(description='d')
        resp = self.api('POST', '/flavors', body)
        self.assertFault(
            resp, 400, 'Invalid input for field/attribute flavor. Value: '
            '%s. %s' % (body['flavor'], _unexpected('description')))

    def test_no_description_at_2_54(self):
        summary = self.get('/flavors', '2.54')['flavors'][0]
        self.assertEqual(['id', 'links', 'name'], sorted(summary))
        self.assertEqual(self.tiny('2.54'), self.details('2.54')['1'])
        self.assertEqual({'flavor': self.tiny('2.54')},
                         self.get('/flavors/1', '2.54'))

    def test_description_everywhere_at_2_55(self):
        # flavors/v2.55/*.json: null for a flavor without one.
        summary = self.get('/flavors', '2.55')['flavors'][0]
        path = '/flavors/1'
        self.assertEqual({
            'id': '1', 'name': 'm1.tiny', 'description': None,
            'links': [{'rel': 'self', 'href': self.link(path)},
                      {'rel': 'bookmark', 'href': self.bookmark(path)}],
        }, summary)
        self.assertEqual(self.tiny('2.55'), self.details('2.55')['1'])
        self.assertEqual({'flavor': self.tiny('2.55')},
                         self.get('/flavors/1', '2.55'))

    def test_create_and_update_match_the_samples(self):
        # flavor-manage/v2.55/flavor-create-post-{req,resp}.json and
        # flavor-update-{req,resp}.json.
        name, flavor_id = unique('test_flavor'), unique('10')
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': name, 'ram': 1024, 'vcpus': 2, 'disk': 10,
            'id': flavor_id, 'rxtx_factor': 2.0,
            'description': 'test description'}}, version='2.55')
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor_id)
        self.assertEqual(200, resp.status, resp)
        expected = self.expected_flavor(
            flavor_id, name, 1024, 2, 10, rxtx_factor=2.0, version='2.55',
            description='test description')
        self.assertEqual({'flavor': expected}, resp.json())
        resp = self.update(flavor_id, 'updated description')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.55')
        expected['description'] = 'updated description'
        self.assertEqual({'flavor': expected}, resp.json())
        self.assertEqual({'flavor': expected},
                         self.get('/flavors/%s' % flavor_id, '2.55'))
        summaries = self.get('/flavors?minRam=1024', '2.55')['flavors']
        self.assertIn({'id': flavor_id, 'name': name,
                       'description': 'updated description',
                       'links': expected['links']}, summaries)

    def test_update_with_null_clears_the_description(self):
        flavor = self.create_flavor(description='old')
        resp = self.update(flavor['id'], None)
        self.assertEqual(200, resp.status, resp)
        self.assertIsNone(resp.json()['flavor']['description'])
        self.assertIsNone(self.get('/flavors/%s' % flavor['id'],
                                   '2.55')['flavor']['description'])

    def test_empty_and_unicode_descriptions_are_kept(self):
        flavor = self.create_flavor()
        for description in ('', 'Grüße, 世界 ~ ok', 'd' * 65535):
            resp = self.update(flavor['id'], description)
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(description,
                             resp.json()['flavor']['description'])

    def test_create_description_is_refused_at_2_54(self):
        body = self.flavor_body(description='d')
        resp = self.api('POST', '/flavors', body, version='2.54')
        self.assertFault(
            resp, 400, 'Invalid input for field/attribute flavor. Value: '
            '%s. %s' % (body['flavor'], _unexpected('description')))

    def test_update_is_unknown_at_2_54(self):
        flavor = self.create_flavor()
        resp = self.update(flavor['id'], 'x', version='2.54')
        self.assertFault(resp, 404)

    def test_update_is_admin_only(self):
        flavor = self.create_flavor(description='kept')
        for flavor_id in (flavor['id'], 'no-such-flavor'):
            resp = self.update(flavor_id, 'x', persona='member')
            self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                        "performed." % UPDATE)
        self.assertEqual('kept', self.get('/flavors/%s' % flavor['id'],
                                          '2.55')['flavor']['description'])

    def test_update_unknown_flavor_is_404(self):
        resp = self.update('no-such-flavor', 'x')
        self.assertFault(resp, 404,
                         'Flavor no-such-flavor could not be found.')

    def test_update_invalid_bodies_are_400(self):
        flavor = self.create_flavor()
        path = '/flavors/%s' % flavor['id']
        for body, message in (
                ({'flavor': {}}, "Invalid input for field/attribute flavor. "
                 "Value: {}. 'description' is a required property"),
                ({'flavor': {'description': 5}},
                 "Invalid input for field/attribute description. Value: 5. "
                 "5 is not of type 'string', 'null'"),
                ({'flavor': {'description': 'x', 'name': 'y'}},
                 "Invalid input for field/attribute flavor. Value: "
                 "{'description': 'x', 'name': 'y'}. "
                 + _unexpected('name')),
                ({}, "'flavor' is a required property"),
                ({'flavor': None}, "Invalid input for field/attribute "
                 "flavor. Value: None. None is not of type 'object'")):
            resp = self.api('PUT', path, body, version='2.55')
            self.assertFault(resp, 400, message)

    def test_unprintable_or_long_descriptions_are_400(self):
        # Nova's message quotes its whole pattern: the printable ranges.
        for action in ('create', 'update'):
            flavor = self.create_flavor()
            for value in ('a\x01b', 'tab\there', 'line\u2028'):
                if action == 'create':
                    resp = self.api('POST', '/flavors', self.flavor_body(
                        description=value), version='2.55')
                else:
                    resp = self.update(flavor['id'], value)
                message = self.assertFault(resp, 400)
                self.assertTrue(message.startswith(
                    "Invalid input for field/attribute description. Value: "
                    "%s. %r does not match '^[\\\\ -\\\\~\\xa0-" % (
                        value, value)), message)
                self.assertTrue(message.endswith(
                    "\ufffc-\ufffd]*$'"), message)
            long_value = 'd' * 65536
            resp = self.update(flavor['id'], long_value)
            self.assertFault(
                resp, 400, "Invalid input for field/attribute description. "
                "Value: %s. '%s' is too long" % (long_value, long_value))

    def test_members_see_descriptions(self):
        flavor = self.create_flavor(description='for all')
        resp = self.get('/flavors/%s' % flavor['id'], '2.55', 'member')
        self.assertEqual('for all', resp['flavor']['description'])

    def test_create_with_description_at_2_55(self):
        flavor = self.create_flavor(description='made with one')
        self.assertNotIn('description', flavor)  # created at 2.1
        self.assertEqual('made with one', self.get(
            '/flavors/%s' % flavor['id'], '2.55')['flavor']['description'])

    def create_flavor(self, **values):
        """Create a flavor as admin, at 2.55 if it has a description."""
        version = '2.55' if 'description' in values else None
        resp = self.api('POST', '/flavors', self.flavor_body(**values),
                        version=version)
        self.assertEqual(200, resp.status, resp)
        flavor = resp.json()['flavor']
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor['id'])
        if version:
            del flavor['description']
        return flavor


class FlavorExtraSpecsInViewTestV21(base.V21, FlavorMicroversionHelpers,
                                    base.APITestCase):
    """2.61."""

    SPECS = {'hw:cpu_policy': 'shared', 'hw:numa_nodes': '1'}

    def setUp(self):
        super().setUp()
        self.flavor = self.create_flavor(ram=2048, vcpus=1, disk=20)
        self.set_specs(self.flavor['id'], self.SPECS)
        self.path = '/flavors/%s' % self.flavor['id']

    def expected(self, version, persona='admin', **values):
        flavor = self.flavor
        return self.expected_flavor(flavor['id'], flavor['name'], 2048, 1,
                                    20, version=version, persona=persona,
                                    **values)

    def test_no_extra_specs_at_2_60(self):
        self.assertEqual({'flavor': self.expected('2.60')},
                         self.get(self.path, '2.60'))
        self.assertEqual(self.expected('2.60'),
                         self.details('2.60')[self.flavor['id']])

    def test_show_and_detail_match_the_sample_at_2_61(self):
        # flavors/v2.61/flavor-get-resp.json, flavors-detail-resp.json.
        expected = self.expected('2.61', extra_specs=self.SPECS)
        self.assertEqual({'flavor': expected}, self.get(self.path, '2.61'))
        details = self.details('2.61')
        self.assertEqual(expected, details[self.flavor['id']])
        self.assertEqual({}, details['1']['extra_specs'])

    def test_members_see_extra_specs(self):
        self.assertEqual(
            self.SPECS,
            self.get(self.path, '2.61', 'member')['flavor']['extra_specs'])

    def test_list_has_no_extra_specs(self):
        for summary in self.get('/flavors', '2.61')['flavors']:
            self.assertEqual(['description', 'id', 'links', 'name'],
                             sorted(summary))

    def test_create_has_empty_extra_specs_at_2_61(self):
        # flavor-manage/v2.61/flavor-create-post-resp.json.
        body = self.flavor_body(description='test description')
        resp = self.api('POST', '/flavors', body, version='2.61')
        self.addCleanup(self.api, 'DELETE',
                        '/flavors/%s' % body['flavor']['id'])
        self.assertEqual(200, resp.status, resp)
        flavor = body['flavor']
        self.assertEqual({'flavor': self.expected_flavor(
            flavor['id'], flavor['name'], 512, 1, 1, version='2.61',
            description='test description', extra_specs={})}, resp.json())

    def test_update_shows_the_extra_specs_at_2_61(self):
        # flavor-manage/v2.61/flavor-update-resp.json.
        resp = self.update(self.flavor['id'], 'updated description',
                           version='2.61')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'flavor': self.expected(
            '2.61', description='updated description',
            extra_specs=self.SPECS)}, resp.json())

    def test_extra_specs_are_left_out_for_who_may_not_list_them(self):
        self.use_policy_file({EXTRA_SPECS_INDEX: 'role:admin'})
        self.assertNotIn(
            'extra_specs', self.get(self.path, '2.61', 'member')['flavor'])
        self.assertNotIn('extra_specs',
                         self.details('2.61', 'member')[self.flavor['id']])
        self.assertEqual(
            self.SPECS, self.get(self.path, '2.61')['flavor']['extra_specs'])
        resp = self.api('POST', '/flavors', self.flavor_body(),
                        version='2.61', persona='member')
        self.assertEqual(403, resp.status)


class FlavorSwapAndStrictListsTestV21(base.V21, FlavorMicroversionHelpers,
                                      base.APITestCase):
    """2.75."""

    def test_no_swap_is_an_empty_string_at_2_74(self):
        self.assertEqual('', self.get('/flavors/1', '2.74')['flavor']['swap'])
        self.assertEqual('', self.details('2.74')['1']['swap'])

    def test_no_swap_is_zero_at_2_75(self):
        # flavors/v2.75/*.json, flavor-manage/v2.75/*.json.
        self.assertEqual({'flavor': self.tiny('2.75')},
                         self.get('/flavors/1', '2.75'))
        self.assertEqual(self.tiny('2.75'), self.details('2.75')['1'])
        body = self.flavor_body(description='test description')
        resp = self.api('POST', '/flavors', body, version='2.75')
        flavor_id = body['flavor']['id']
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor_id)
        expected = self.expected_flavor(
            flavor_id, body['flavor']['name'], 512, 1, 1, version='2.75',
            description='test description')
        self.assertEqual({'flavor': expected}, resp.json())
        resp = self.update(flavor_id, 'updated description', version='2.75')
        expected['description'] = 'updated description'
        self.assertEqual({'flavor': expected}, resp.json())

    def test_swap_is_the_same_number_at_every_version(self):
        flavor = self.create_flavor(swap=512)
        for version in ('2.74', '2.75'):
            self.assertEqual(512, self.get('/flavors/%s' % flavor['id'],
                                           version)['flavor']['swap'])

    def test_unknown_list_parameters_are_ignored_at_2_74(self):
        for path in ('/flavors', '/flavors/detail'):
            self.assertEqual(self.get(path, '2.74'),
                             self.get(path + '?foo=bar&name=x', '2.74'))

    def test_unknown_list_parameters_are_400_at_2_75(self):
        for path in ('/flavors', '/flavors/detail'):
            resp = self.api('GET', path + '?foo=bar', version='2.75')
            self.assertFault(resp, 400, _unexpected('foo'))
            resp = self.api('GET', path + '?name=m1.tiny&limit=1',
                            version='2.101', persona='member')
            self.assertFault(resp, 400, _unexpected('name'))

    def test_known_parameters_still_work_at_2_75(self):
        flavors = self.get('/flavors?limit=1&minRam=600&minDisk=0&'
                           'sort_key=name&sort_dir=desc&marker=2&'
                           'is_public=true', '2.75')['flavors']
        self.assertEqual(1, len(flavors))

    def test_show_ignores_unknown_parameters_at_2_75(self):
        self.assertEqual(self.get('/flavors/1', '2.101'),
                         self.get('/flavors/1?foo=bar', '2.101'))


class FlavorsV2102TestV21(base.V21, FlavorMicroversionHelpers,
                          base.APITestCase):
    """2.102."""

    def test_rxtx_factor_and_disabled_are_there_at_2_101(self):
        self.assertEqual({'flavor': self.tiny('2.101')},
                         self.get('/flavors/1', '2.101'))
        self.assertIn('rxtx_factor', self.tiny('2.101'))

    def test_flavors_match_the_samples_at_2_102(self):
        # flavors/v2.102/*.json.
        expected = self.tiny('2.102')
        self.assertNotIn('rxtx_factor', expected)
        self.assertNotIn('OS-FLV-DISABLED:disabled', expected)
        self.assertEqual({'flavor': expected},
                         self.get('/flavors/1', '2.102'))
        self.assertEqual(expected, self.details('2.102')['1'])
        summary = self.get('/flavors', '2.102')['flavors'][0]
        self.assertEqual(['description', 'id', 'links', 'name'],
                         sorted(summary))

    def test_create_and_update_match_the_samples_at_2_102(self):
        # flavor-manage/v2.102/*.json: no rxtx_factor in the request.
        name, flavor_id = unique('test_flavor'), unique('10')
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': name, 'ram': 1024, 'vcpus': 2, 'disk': 10,
            'id': flavor_id, 'description': 'test description'}},
            version='2.102')
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor_id)
        self.assertEqual(200, resp.status, resp)
        expected = self.expected_flavor(
            flavor_id, name, 1024, 2, 10, version='2.102',
            description='test description')
        self.assertEqual({'flavor': expected}, resp.json())
        resp = self.update(flavor_id, 'updated description',
                           version='2.102')
        expected['description'] = 'updated description'
        self.assertEqual({'flavor': expected}, resp.json())
        # The factor stored for it is Nova's default.
        self.assertEqual(1.0, self.get('/flavors/%s' % flavor_id,
                                       '2.101')['flavor']['rxtx_factor'])

    def test_create_with_rxtx_factor_is_400_at_2_102(self):
        body = self.flavor_body(rxtx_factor=2.0)
        resp = self.api('POST', '/flavors', body, version='2.102')
        self.assertFault(
            resp, 400, 'Invalid input for field/attribute flavor. Value: '
            '%s. %s' % (body['flavor'], _unexpected('rxtx_factor')))

    def test_rxtx_factor_sort_key_is_400_at_2_102(self):
        self.get('/flavors?sort_key=rxtx_factor', '2.101')
        resp = self.api('GET', '/flavors/detail?sort_key=rxtx_factor',
                        version='2.102')
        self.assertFault(
            resp, 400,
            "Invalid input for query parameters sort_key. Value: "
            "rxtx_factor. 'rxtx_factor' is not one of ['created_at', "
            "'description', 'disabled', 'ephemeral_gb', 'flavorid', 'id', "
            "'is_public', 'memory_mb', 'name', 'root_gb', 'swap', "
            "'updated_at', 'vcpu_weight', 'vcpus']")
        resp = self.api('GET', '/flavors?rxtx_factor=1', version='2.102')
        self.assertFault(resp, 400, _unexpected('rxtx_factor'))

    def test_name_filter_is_a_regular_expression(self):
        prefix = unique('nf')
        first = self.create_flavor(name=prefix + '-one')
        second = self.create_flavor(name=prefix + '-two')
        for path in ('/flavors', '/flavors/detail'):
            for name, expected in (
                    (prefix, [first, second]),
                    ('^%s-(one|three)$' % prefix, [first]),
                    ('two$', [second]),
                    ('^m1.tiny$', None)):
                flavors = self.get('%s?name=%s' % (path, name),
                                   '2.102')['flavors']
                ids = [flavor['id'] for flavor in flavors]
                if expected is None:
                    self.assertEqual(['1'], ids)
                else:
                    self.assertEqual(
                        sorted(flavor['id'] for flavor in expected), ids)

    def test_last_name_filter_wins_and_empty_matches_all(self):
        prefix = unique('nf')
        flavor = self.create_flavor(name=prefix)
        self.assertEqual([flavor['id']], [f['id'] for f in self.get(
            '/flavors?name=nothing-at-all&name=%s' % prefix,
            '2.102')['flavors']])
        self.assertEqual(self.get('/flavors', '2.102'),
                         self.get('/flavors?name=', '2.102'))

    def test_name_filter_combines_with_the_others(self):
        prefix = unique('nf')
        self.create_flavor(name=prefix + '-small', ram=512)
        big = self.create_flavor(name=prefix + '-big', ram=4096)
        flavors = self.get('/flavors?name=%s&minRam=1024' % prefix,
                           '2.102', 'member')['flavors']
        self.assertEqual([big['id']], [f['id'] for f in flavors])

    def test_invalid_name_filter_is_400(self):
        self.skip_if_remote()  # Nova answers 500.
        for path in ('/flavors', '/flavors/detail'):
            resp = self.api('GET', path + '?name=%5B', version='2.102')
            self.assertFault(resp, 400, 'Invalid name filter [[]')

    def test_unknown_show_parameters_are_400_at_2_102(self):
        resp = self.api('GET', '/flavors/1?foo=bar', version='2.102')
        self.assertFault(resp, 400, _unexpected('foo'))
        resp = self.api('GET', '/flavors/no-such-flavor?a=1&b=2',
                        version='2.102', persona='member')
        self.assertFault(resp, 400, _unexpected('a', 'b'))

    def test_create_and_delete_ignore_the_query_string_at_2_102(self):
        body = self.flavor_body()
        resp = self.api('POST', '/flavors?foo=bar', body, version='2.102')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', '/flavors/%s?foo=bar' % body['flavor']['id'],
                        version='2.102')
        self.assertEqual(202, resp.status, resp)

    def test_is_public_filter_still_checked_at_2_102(self):
        resp = self.api('GET', '/flavors?is_public=abc', version='2.102')
        self.assertFault(resp, 400, 'Invalid is_public filter [abc]')
