"""/flavors: list, detail, show, create, delete; filters, sorting, paging.

The tests also pass against a real Nova (NOVA_API_TEST_URL): they create
flavors with unique names and ids, delete them afterwards, and never
assume the cloud has only the default flavors. Tests that need a config
option, or cover a case where Nova answers 500, run in process only.
"""

import urllib.parse
import uuid

from nova_api.tests.functional import base

DEFAULT_FLAVORS = (
    # id, name, ram, vcpus, disk
    ('1', 'm1.tiny', 512, 1, 1),
    ('2', 'm1.small', 2048, 1, 20),
    ('3', 'm1.medium', 4096, 2, 40),
    ('4', 'm1.large', 8192, 4, 80),
    ('5', 'm1.xlarge', 16384, 8, 160),
)


def unique(prefix='ft'):
    return '%s-%s' % (prefix, uuid.uuid4().hex[:12])


class FlavorHelpers:
    """Creating flavors that clean up after themselves."""

    def flavor_body(self, **values):
        flavor = {'name': unique('name'), 'ram': 512, 'vcpus': 1, 'disk': 1,
                  'id': unique('id')}
        flavor.update(values)
        return {'flavor': {k: v for k, v in flavor.items()
                           if v is not _ABSENT}}

    def create_flavor(self, **values):
        """Create a flavor as admin; return the response's flavor."""
        resp = self.api('POST', '/flavors', self.flavor_body(**values))
        self.assertEqual(200, resp.status, resp)
        flavor = resp.json()['flavor']
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor['id'])
        return flavor

    def create_private_flavor(self, **values):
        return self.create_flavor(**dict(
            values, **{'os-flavor-access:is_public': False}))

    def add_access(self, flavor_id, project_id):
        resp = self.api('POST', '/flavors/%s/action' % flavor_id,
                        {'addTenantAccess': {'tenant': project_id}})
        self.assertEqual(200, resp.status, resp)

    def flavor_ids(self, path, persona='admin'):
        resp = self.api('GET', path, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return [flavor['id'] for flavor in resp.json()['flavors']]

    def expected_flavor(self, flavor_id, name, ram, vcpus, disk, swap=None,
                        ephemeral=0, is_public=True, rxtx_factor=1.0,
                        persona='admin', version=None, description=None,
                        extra_specs=None):
        """A flavor as Nova shows it at `version` (None: 2.1 or /v2)."""
        at = _at(version)
        path = '/flavors/%s' % flavor_id
        flavor = {
            'id': flavor_id, 'name': name, 'ram': ram, 'vcpus': vcpus,
            'disk': disk, 'OS-FLV-EXT-DATA:ephemeral': ephemeral,
            'swap': swap or (0 if at('2.75') else ''),
            'OS-FLV-DISABLED:disabled': False,
            'os-flavor-access:is_public': is_public,
            'rxtx_factor': rxtx_factor,
            'links': [
                {'rel': 'self', 'href': self.link(path, persona)},
                {'rel': 'bookmark', 'href': self.bookmark(path, persona)},
            ],
        }
        if at('2.55'):
            flavor['description'] = description
        if at('2.61'):
            flavor['extra_specs'] = extra_specs or {}
        if at('2.102'):
            del flavor['OS-FLV-DISABLED:disabled'], flavor['rxtx_factor']
        return flavor


def _at(version):
    """Whether `version` (None: 2.1) is at least a given one."""
    def at(minimum):
        if version is None:
            return False
        return tuple(map(int, version.split('.'))) >= tuple(
            map(int, minimum.split('.')))
    return at


_ABSENT = object()


class FlavorsReadTestV2(FlavorHelpers, base.APITestCase):

    def test_list_has_the_default_flavors(self):
        resp = self.api('GET', '/flavors')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        listed = {f['id']: f for f in resp.json()['flavors']}
        for flavor_id, name, _ram, _vcpus, _disk in DEFAULT_FLAVORS:
            path = '/flavors/%s' % flavor_id
            self.assertEqual({
                'id': flavor_id, 'name': name,
                'links': [{'rel': 'self', 'href': self.link(path)},
                          {'rel': 'bookmark', 'href': self.bookmark(path)}],
            }, listed[flavor_id])
        self.assertNotIn('flavors_links', resp.json())

    def test_detail_has_the_default_flavors(self):
        resp = self.api('GET', '/flavors/detail')
        self.assertEqual(200, resp.status)
        listed = {f['id']: f for f in resp.json()['flavors']}
        for flavor_id, name, ram, vcpus, disk in DEFAULT_FLAVORS:
            self.assertEqual(
                self.expected_flavor(flavor_id, name, ram, vcpus, disk),
                listed[flavor_id])

    def test_show_matches_the_sample(self):
        # api_samples/flavors/flavor-get-resp.json, field for field.
        resp = self.api('GET', '/flavors/1')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(
            {'flavor': self.expected_flavor('1', 'm1.tiny', 512, 1, 1)},
            resp.json())

    def test_show_as_member(self):
        resp = self.api('GET', '/flavors/2', persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual(
            self.expected_flavor('2', 'm1.small', 2048, 1, 20,
                                 persona='member'),
            resp.json()['flavor'])

    def test_show_unknown_flavor_is_404(self):
        resp = self.api('GET', '/flavors/no-such-flavor')
        self.assertFault(resp, 404,
                         'Flavor no-such-flavor could not be found.')

    def test_show_ignores_query_parameters(self):
        resp = self.api('GET', '/flavors/1?foo=bar')
        self.assertEqual(200, resp.status)
        self.assertEqual('m1.tiny', resp.json()['flavor']['name'])

    def test_private_flavor_is_hidden_from_members_without_access(self):
        flavor = self.create_private_flavor()
        for path in ('/flavors', '/flavors/detail',
                     '/flavors?is_public=none'):
            self.assertNotIn(flavor['id'],
                             self.flavor_ids(path, persona='member'))
        resp = self.api('GET', '/flavors/%s' % flavor['id'],
                        persona='member')
        self.assertFault(resp, 404,
                         'Flavor %s could not be found.' % flavor['id'])

    def test_private_flavor_is_listed_for_projects_with_access(self):
        flavor = self.create_private_flavor()
        self.add_access(flavor['id'], self.project_id('member'))
        for path in ('/flavors', '/flavors/detail'):
            self.assertIn(flavor['id'],
                          self.flavor_ids(path, persona='member'))
            self.assertNotIn(flavor['id'],
                             self.flavor_ids(path, persona='other'))
        resp = self.api('GET', '/flavors/%s' % flavor['id'],
                        persona='member')
        self.assertEqual(200, resp.status)
        self.assertFalse(resp.json()['flavor']['os-flavor-access:is_public'])

    def test_admin_is_public_filter(self):
        private = self.create_private_flavor()
        public_ids = self.flavor_ids('/flavors')
        self.assertNotIn(private['id'], public_ids)
        self.assertIn('1', public_ids)
        for value in ('true', 'True', '1', 'yes', 'on'):
            self.assertEqual(
                public_ids, self.flavor_ids('/flavors?is_public=' + value))
        for value in ('false', 'False', '0', 'no', 'off'):
            ids = self.flavor_ids('/flavors?is_public=' + value)
            self.assertIn(private['id'], ids)
            self.assertNotIn('1', ids)
        for value in ('none', 'None', 'NONE'):
            ids = self.flavor_ids('/flavors/detail?is_public=' + value)
            self.assertIn(private['id'], ids)
            self.assertIn('1', ids)

    def test_admin_sees_private_flavors_shared_with_its_project(self):
        flavor = self.create_private_flavor()
        self.add_access(flavor['id'], self.project_id('admin'))
        self.assertIn(flavor['id'], self.flavor_ids('/flavors'))

    def test_invalid_is_public_filter_is_400_for_admins(self):
        for value in ('abc', '', '2'):
            resp = self.api('GET', '/flavors?is_public=%s' % value)
            self.assertFault(resp, 400,
                             'Invalid is_public filter [%s]' % value)

    def test_members_cannot_use_the_is_public_filter(self):
        private = self.create_private_flavor()
        public_ids = self.flavor_ids('/flavors', persona='member')
        for value in ('false', 'none', 'abc'):
            ids = self.flavor_ids('/flavors?is_public=' + value,
                                  persona='member')
            self.assertEqual(public_ids, ids)
            self.assertNotIn(private['id'], ids)

    def test_min_ram_and_min_disk_filters(self):
        resp = self.api('GET', '/flavors/detail?minRam=4096&minDisk=41')
        self.assertEqual(200, resp.status)
        flavors = resp.json()['flavors']
        self.assertTrue(all(f['ram'] >= 4096 and f['disk'] >= 41
                            for f in flavors))
        ids = [f['id'] for f in flavors]
        self.assertIn('4', ids)
        self.assertIn('5', ids)
        for flavor_id in ('1', '2', '3'):
            self.assertNotIn(flavor_id, ids)

    def test_negative_min_filters_match_everything(self):
        self.assertEqual(self.flavor_ids('/flavors'),
                         self.flavor_ids('/flavors?minRam=-5&minDisk=-1'))

    def test_invalid_min_filters_are_400(self):
        for name in ('minRam', 'minDisk'):
            for value in ('abc', '1.5', ''):
                resp = self.api('GET', '/flavors?%s=%s' % (name, value))
                self.assertFault(resp, 400, 'Invalid %s filter [%s]'
                                 % (name, value))
                resp = self.api('GET', '/flavors/detail?%s=%s'
                                % (name, value), persona='member')
                self.assertFault(resp, 400, 'Invalid %s filter [%s]'
                                 % (name, value))

    def test_sort_by_ram_descending(self):
        resp = self.api('GET',
                        '/flavors/detail?sort_key=memory_mb&sort_dir=desc')
        self.assertEqual(200, resp.status)
        rams = [f['ram'] for f in resp.json()['flavors']]
        self.assertEqual(sorted(rams, reverse=True), rams)

    def test_default_order_is_by_flavor_id(self):
        ids = self.flavor_ids('/flavors')
        self.assertEqual(sorted(ids), ids)
        self.assertEqual(ids, self.flavor_ids(
            '/flavors?sort_key=flavorid&sort_dir=asc'))
        self.assertEqual(list(reversed(ids)),
                         self.flavor_ids('/flavors?sort_dir=desc'))

    def test_invalid_sort_key_is_400(self):
        for value in ('ram', ''):
            resp = self.api('GET', '/flavors?sort_key=%s' % value)
            self.assertFault(
                resp, 400,
                "Invalid input for query parameters sort_key. Value: %s. "
                "'%s' is not one of ['created_at', 'description', "
                "'disabled', 'ephemeral_gb', 'flavorid', 'id', 'is_public', "
                "'memory_mb', 'name', 'root_gb', 'rxtx_factor', 'swap', "
                "'updated_at', 'vcpu_weight', 'vcpus']" % (value, value))

    def test_invalid_sort_dir_is_400(self):
        resp = self.api('GET', '/flavors/detail?sort_dir=up')
        self.assertFault(
            resp, 400,
            "Invalid input for query parameters sort_dir. Value: up. 'up' "
            "is not one of ['asc', 'desc']")

    def test_private_flavors_of_no_one_are_unknown_to_members(self):
        flavor = self.create_private_flavor()
        resp = self.api('GET', '/flavors?marker=%s' % flavor['id'],
                        persona='member')
        self.assertFault(resp, 400, 'marker [%s] not found' % flavor['id'])


class FlavorsPagingTestV2(FlavorHelpers, base.APITestCase):

    def _page(self, path, persona='admin'):
        resp = self.api('GET', path, persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def test_limit_gives_a_next_link(self):
        all_ids = self.flavor_ids('/flavors')
        page = self._page('/flavors?limit=2')
        self.assertEqual(all_ids[:2], [f['id'] for f in page['flavors']])
        self.assertEqual(
            [{'rel': 'next',
              'href': self.link('/flavors?limit=2&marker=%s' % all_ids[1])}],
            page['flavors_links'])

    def test_following_next_links_walks_the_whole_list(self):
        all_ids = self.flavor_ids('/flavors/detail')
        seen = []
        page = self._page('/flavors/detail?limit=2')
        while True:
            seen.extend(f['id'] for f in page['flavors'])
            links = page.get('flavors_links')
            if not links:
                break
            href = links[0]['href']
            self.assertTrue(href.startswith(self.link('/flavors/detail?')))
            page = self._page(href[len(self.link('')):])
        self.assertEqual(all_ids, seen)

    def test_next_link_keeps_known_parameters_sorted_and_drops_others(self):
        page = self._page('/flavors?minRam=1&limit=1&foo=bar&sort_dir=asc')
        marker = page['flavors'][0]['id']
        self.assertEqual(
            self.link('/flavors?limit=1&minRam=1&sort_dir=asc&marker=%s'
                      % marker),
            page['flavors_links'][0]['href'])

    def test_next_link_replaces_the_marker_in_place(self):
        first = self.flavor_ids('/flavors')[0]
        page = self._page('/flavors?marker=%s&limit=1&is_public=true'
                          % first)
        marker = page['flavors'][0]['id']
        self.assertEqual(
            self.link('/flavors?is_public=true&limit=1&marker=%s' % marker),
            page['flavors_links'][0]['href'])

    def test_marker_starts_after_that_flavor(self):
        all_ids = self.flavor_ids('/flavors')
        self.assertEqual(all_ids[2:],
                         self.flavor_ids('/flavors?marker=%s' % all_ids[1]))

    def test_marker_of_the_last_flavor_gives_an_empty_page(self):
        last = self.flavor_ids('/flavors')[-1]
        self.assertEqual({'flavors': []},
                         self._page('/flavors?marker=%s' % last))

    def test_limit_zero_gives_an_empty_page(self):
        self.assertEqual({'flavors': []}, self._page('/flavors?limit=0'))

    def test_huge_limit_is_capped(self):
        all_ids = self.flavor_ids('/flavors')
        page = self._page('/flavors?limit=99999999999999999999')
        self.assertEqual(all_ids, [f['id'] for f in page['flavors']])
        self.assertNotIn('flavors_links', page)

    def test_last_limit_wins(self):
        all_ids = self.flavor_ids('/flavors')
        page = self._page('/flavors?limit=1&limit=2')
        self.assertEqual(all_ids[:2], [f['id'] for f in page['flavors']])

    def test_invalid_limit_is_400(self):
        for value in ('-1', 'abc', '1.5'):
            resp = self.api('GET', '/flavors?limit=%s' % value)
            self.assertFault(
                resp, 400,
                "Invalid input for query parameters limit. Value: %s. '%s' "
                "does not match '^[0-9]*$'" % (value, value))
        resp = self.api('GET', '/flavors/detail?limit=')
        self.assertFault(resp, 400, "Invalid input for query parameters "
                                    "limit. Value: . '' should be non-empty")

    def test_unknown_marker_is_400(self):
        for path in ('/flavors?marker=no-such-flavor',
                     '/flavors/detail?marker=no-such-flavor&limit=0'):
            resp = self.api('GET', path)
            self.assertFault(resp, 400, 'marker [no-such-flavor] not found')
        resp = self.api('GET', '/flavors?marker=')
        self.assertFault(resp, 400, 'marker [] not found')

    def test_max_limit_caps_the_page(self):
        self.skip_if_remote()
        self.conf.config(max_limit=3, group='api')
        for path in ('/flavors', '/flavors?limit=10'):
            page = self._page(path)
            self.assertEqual(['1', '2', '3'],
                             [f['id'] for f in page['flavors']])
            query = urllib.parse.urlsplit(path).query
            expected = '/flavors?%smarker=3' % (query + '&' if query else '')
            self.assertEqual([{'rel': 'next', 'href': self.link(expected)}],
                             page['flavors_links'])

    def test_compute_link_prefix(self):
        self.skip_if_remote()
        self.conf.config(compute_link_prefix='https://proxy.example.org/nova/',
                         group='api')
        page = self._page('/flavors/detail?limit=1')
        project = '/' + self.project_id('admin') if self.project_in_url \
            else ''
        version = '/' + self.endpoint
        self.assertEqual([
            {'rel': 'self', 'href': 'https://proxy.example.org/nova%s%s'
                                    '/flavors/1' % (version, project)},
            {'rel': 'bookmark', 'href': 'https://proxy.example.org/nova%s'
                                        '/flavors/1' % project},
        ], page['flavors'][0]['links'])
        self.assertEqual(
            'https://proxy.example.org/nova%s%s/flavors/detail?limit=1&'
            'marker=1' % (version, project),
            page['flavors_links'][0]['href'])


class FlavorsReadTestV21(base.V21, FlavorsReadTestV2):

    def test_links_carry_the_project_id_when_the_url_does(self):
        project = self.project_id('admin')
        resp = self.api('GET', '/v2.1/%s/flavors/1' % project, raw_url=True)
        self.assertEqual(200, resp.status)
        self.assertEqual([
            {'rel': 'self', 'href': '%s/v2.1/%s/flavors/1'
                                    % (self.host_url, project)},
            {'rel': 'bookmark', 'href': '%s/%s/flavors/1'
                                        % (self.host_url, project)},
        ], resp.json()['flavor']['links'])

    def test_same_body_at_every_microversion(self):
        expected = self.api('GET', '/flavors/detail').json()
        for version in ('2.1', '2.7', '2.10'):
            resp = self.api('GET', '/flavors/detail', version=version)
            self.assertEqual(200, resp.status)
            self.assertEqual(expected, resp.json())
        resp = self.api('GET', '/flavors/1', version='2.10')
        self.assertVersionHeaders(resp, '2.10')

    def test_unknown_query_parameters_are_ignored(self):
        self.assertEqual(self.flavor_ids('/flavors'),
                         self.flavor_ids('/flavors?foo=bar&name=m1.tiny'))


class FlavorsPagingTestV21(base.V21, FlavorsPagingTestV2):

    def test_next_link_of_a_project_url_carries_the_project_id(self):
        project = self.project_id('admin')
        resp = self.api('GET', '/v2.1/%s/flavors?limit=1' % project,
                        raw_url=True)
        marker = resp.json()['flavors'][0]['id']
        self.assertEqual(
            '%s/v2.1/%s/flavors?limit=1&marker=%s'
            % (self.host_url, project, marker),
            resp.json()['flavors_links'][0]['href'])


class FlavorsManageTestV2(FlavorHelpers, base.APITestCase):

    def assertCreateFault(self, message, **values):
        resp = self.api('POST', '/flavors', self.flavor_body(**values))
        self.assertFault(resp, 400, message)

    def test_create_matches_the_sample(self):
        # api_samples/flavor-manage/flavor-create-post-{req,resp}.json with
        # a unique name and id.
        name, flavor_id = unique('test_flavor'), unique('10')
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': name, 'ram': 1024, 'vcpus': 2, 'disk': 10,
            'id': flavor_id, 'rxtx_factor': 2.0}})
        self.addCleanup(self.api, 'DELETE', '/flavors/%s' % flavor_id)
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        expected = self.expected_flavor(flavor_id, name, 1024, 2, 10,
                                        rxtx_factor=2.0)
        self.assertEqual({'flavor': expected}, resp.json())
        resp = self.api('GET', '/flavors/%s' % flavor_id)
        self.assertEqual({'flavor': expected}, resp.json())
        self.assertIn(flavor_id, self.flavor_ids('/flavors'))

    def test_create_with_every_field(self):
        flavor = self.create_flavor(**{
            'ram': '2048', 'vcpus': '4', 'disk': '0', 'swap': 512,
            'OS-FLV-EXT-DATA:ephemeral': '3', 'rxtx_factor': '1.5',
            'os-flavor-access:is_public': 'false'})
        self.assertEqual(
            (2048, 4, 0, 512, 3, 1.5, False),
            (flavor['ram'], flavor['vcpus'], flavor['disk'], flavor['swap'],
             flavor['OS-FLV-EXT-DATA:ephemeral'], flavor['rxtx_factor'],
             flavor['os-flavor-access:is_public']))

    def test_create_without_id_generates_a_uuid(self):
        for flavor_id in (_ABSENT, None, 0):
            flavor = self.create_flavor(id=flavor_id)
            self.assertRegex(flavor['id'], '^[0-9a-f]{8}-[0-9a-f]{4}-'
                                           '[0-9a-f]{4}-[0-9a-f]{4}-'
                                           '[0-9a-f]{12}$')

    def test_create_with_a_number_as_id(self):
        number = uuid.uuid4().int % 10 ** 9 + 10 ** 9
        flavor = self.create_flavor(id=number)
        self.assertEqual(str(number), flavor['id'])
        flavor = self.create_flavor(id=number + 0.5)
        self.assertEqual(str(number + 0.5), flavor['id'])

    def test_create_duplicate_name_is_409(self):
        flavor = self.create_flavor()
        resp = self.api('POST', '/flavors',
                        self.flavor_body(name=flavor['name']))
        self.assertFault(resp, 409, 'Flavor with name %s already exists.'
                         % flavor['name'])

    def test_create_duplicate_id_is_409(self):
        flavor = self.create_flavor()
        resp = self.api('POST', '/flavors',
                        self.flavor_body(id=flavor['id']))
        self.assertFault(resp, 409, 'Flavor with ID %s already exists.'
                         % flavor['id'])

    def test_create_is_admin_only(self):
        body = self.flavor_body()
        resp = self.api('POST', '/flavors', body, persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow "
                         "os_compute_api:os-flavor-manage:create to be "
                         "performed.")
        self.assertNotIn(body['flavor']['id'], self.flavor_ids(
            '/flavors?is_public=none'))

    def test_create_name_with_surrounding_spaces_is_stripped(self):
        name = unique('spaces')
        flavor = self.create_flavor(name='  %s ' % name)
        self.assertEqual(name, flavor['name'])

    def test_create_drops_unknown_properties(self):
        flavor = self.create_flavor(colour='blue')
        self.assertNotIn('colour', flavor)

    def test_create_invalid_name_is_400(self):
        self.assertCreateFault(
            'An invalid \'name\' value was provided. The name must be: '
            'printable characters%s' % (
                '. Can not start or end with whitespace.' if self.is_v21
                else ' with at least one non space character'),
            name='   ')
        self.assertCreateFault(
            "An invalid 'name' value was provided. The name must be: "
            "printable characters. Can not start or end with whitespace."
            if self.is_v21 else
            "An invalid 'name' value was provided. The name must be: "
            "printable characters with at least one non space character",
            name='a\x01b')
        self.assertCreateFault(
            "Invalid input for field/attribute name. Value: . '' should be "
            "non-empty" if self.is_v21 else
            "An invalid 'name' value was provided. The name must be: "
            "printable characters with at least one non space character",
            name='')
        long_name = 'n' * 256
        self.assertCreateFault(
            "Invalid input for field/attribute name. Value: %s. '%s' is too "
            "long" % (long_name, long_name), name=long_name)
        self.assertCreateFault("Invalid input for field/attribute name. "
                               "Value: 5. 5 is not of type 'string'", name=5)

    def test_create_missing_required_property_is_400(self):
        for missing in ('name', 'ram', 'vcpus', 'disk'):
            body = self.flavor_body(**{missing: _ABSENT})
            resp = self.api('POST', '/flavors', body)
            self.assertFault(
                resp, 400, "Invalid input for field/attribute flavor. "
                "Value: %s. '%s' is a required property"
                % (body['flavor'], missing))

    def test_create_malformed_body_is_400(self):
        for body, message in (
                ({}, "'flavor' is a required property"),
                ({'flavor': 1}, "Invalid input for field/attribute flavor. "
                                "Value: 1. 1 is not of type 'object'"),
                (b'', "None is not of type 'object'"),
                (b'null', "None is not of type 'object'"),
                (b'{"flavor": ', 'Malformed request body')):
            resp = self.api('POST', '/flavors', body)
            self.assertFault(resp, 400, message)

    def test_create_invalid_sizes_are_400(self):
        for field in ('ram', 'vcpus', 'disk', 'swap',
                      'OS-FLV-EXT-DATA:ephemeral'):
            minimum = 1 if field in ('ram', 'vcpus') else 0
            for value, error in (
                    (minimum - 1, '%s is less than the minimum of %d'
                     % (minimum - 1, minimum)),
                    (2147483648, '2147483648 is greater than the maximum of '
                                 '2147483647'),
                    ('abc', "'abc' does not match '^[0-9]+$'"),
                    ('', "'' does not match '^[0-9]+$'"),
                    ('-1', "'-1' does not match '^[0-9]+$'"),
                    (1.5, "1.5 is not of type 'integer', 'string'"),
                    (True, "True is not of type 'integer', 'string'"),
                    (None, "None is not of type 'integer', 'string'")):
                self.assertCreateFault(
                    'Invalid input for field/attribute %s. Value: %s. %s'
                    % (field, '' if value == '' else value, error),
                    **{field: value})

    def test_create_out_of_range_size_strings_are_400(self):
        # Digit strings are compared with minimum/maximum, as Nova does.
        self.assertCreateFault('Invalid input for field/attribute ram. '
                               'Value: 0. 0 is less than the minimum of 1',
                               ram='0')
        self.assertCreateFault(
            'Invalid input for field/attribute vcpus. Value: 99999999999. '
            '99999999999 is greater than the maximum of 2147483647',
            vcpus='99999999999')

    def test_create_invalid_rxtx_factor_is_400(self):
        for value, error in (
                (0, '0 is less than or equal to the minimum of 0'),
                (-1.5, '-1.5 is less than or equal to the minimum of 0'),
                ('abc', "'abc' does not match '^[0-9]+(\\\\.[0-9]+)?$'"),
                ('9e99', "'9e99' does not match '^[0-9]+(\\\\.[0-9]+)?$'"),
                (True, "True is not of type 'number', 'string'")):
            self.assertCreateFault(
                'Invalid input for field/attribute rxtx_factor. Value: %s. '
                '%s' % (value, error), rxtx_factor=value)

    def test_create_zero_rxtx_factor_string_is_400(self):
        self.skip_if_remote()  # Nova answers 500.
        for value in ('0', '0.0'):
            self.assertCreateFault(
                'Invalid input for field/attribute rxtx_factor. Value: %s. '
                '%s is less than or equal to the minimum of 0'
                % (value, value), rxtx_factor=value)

    def test_create_invalid_id_is_400(self):
        pattern = "'^(?! )[a-zA-Z0-9. _-]+(?<! )$'"
        for value in (' a', 'a ', 'a/b', 'a%b', 'ü'):
            self.assertCreateFault(
                "Invalid input for field/attribute id. Value: %s. '%s' does "
                "not match %s" % (value, value, pattern), id=value)
        self.assertCreateFault("Invalid input for field/attribute id. "
                               "Value: . '' should be non-empty", id='')
        long_id = 'i' * 256
        self.assertCreateFault(
            "Invalid input for field/attribute id. Value: %s. '%s' is too "
            "long" % (long_id, long_id), id=long_id)
        self.assertCreateFault(
            "Invalid input for field/attribute id. Value: True. True is not "
            "of type 'string', 'number', 'null'", id=True)

    def test_create_invalid_is_public_is_400(self):
        self.assertCreateFault(
            "Invalid input for field/attribute os-flavor-access:is_public. "
            "Value: maybe. 'maybe' is not one of [True, 'True', 'TRUE', "
            "'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, "
            "'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', "
            "'No', 'no']", **{'os-flavor-access:is_public': 'maybe'})

    def test_delete(self):
        flavor = self.create_flavor()
        resp = self.api('DELETE', '/flavors/%s' % flavor['id'])
        self.assertEqual(202, resp.status)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        resp = self.api('GET', '/flavors/%s' % flavor['id'])
        self.assertFault(resp, 404, 'Flavor %s could not be found.'
                         % flavor['id'])
        self.assertNotIn(flavor['id'], self.flavor_ids('/flavors'))

    def test_delete_unknown_flavor_is_404(self):
        resp = self.api('DELETE', '/flavors/no-such-flavor')
        self.assertFault(resp, 404,
                         'Flavor no-such-flavor could not be found.')

    def test_delete_is_admin_only(self):
        flavor = self.create_flavor()
        for flavor_id in (flavor['id'], 'no-such-flavor'):
            resp = self.api('DELETE', '/flavors/%s' % flavor_id,
                            persona='member')
            self.assertFault(resp, 403, "Policy doesn't allow "
                             "os_compute_api:os-flavor-manage:delete to be "
                             "performed.")
        self.assertEqual(200, self.api(
            'GET', '/flavors/%s' % flavor['id']).status)

    def test_name_and_id_are_free_again_after_delete(self):
        flavor = self.create_flavor()
        self.api('DELETE', '/flavors/%s' % flavor['id'])
        again = self.create_flavor(name=flavor['name'], id=flavor['id'])
        self.assertEqual(flavor, again)


class FlavorsManageTestV21(base.V21, FlavorsManageTestV2):

    def test_create_name_with_surrounding_spaces_is_stripped(self):
        for name in (' lead', 'trail ', ' both '):
            self.assertCreateFault(
                "An invalid 'name' value was provided. The name must be: "
                "printable characters. Can not start or end with "
                "whitespace.", name=name)

    def test_create_drops_unknown_properties(self):
        body = self.flavor_body(colour='blue')
        resp = self.api('POST', '/flavors', body)
        self.assertFault(
            resp, 400, "Invalid input for field/attribute flavor. Value: %s. "
            "Additional properties are not allowed ('colour' was unexpected)"
            % body['flavor'])

    def test_create_and_delete_at_2_10(self):
        body = self.flavor_body()
        resp = self.api('POST', '/flavors', body, version='2.10')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.10')
        flavor_id = body['flavor']['id']
        resp = self.api('DELETE', '/flavors/%s' % flavor_id, version='2.10')
        self.assertEqual(202, resp.status)
        self.assertVersionHeaders(resp, '2.10')
