"""os-quota-sets: show, detail, defaults, update and delete the quotas of a
project or of a user in it (api_samples/os-quota-sets)."""

import uuid

from nova_api.tests.functional import base

DEFAULTS = {
    'cores': 20, 'fixed_ips': -1, 'floating_ips': -1,
    'injected_file_content_bytes': 10240, 'injected_file_path_bytes': 255,
    'injected_files': 5, 'instances': 10, 'key_pairs': 100,
    'metadata_items': 128, 'ram': 51200, 'security_group_rules': -1,
    'security_groups': -1, 'server_group_members': 10, 'server_groups': 10,
}
OVER_KEYPAIR_QUOTA = 'Quota exceeded, too many key pairs.'
NETWORK = ('fixed_ips', 'floating_ips', 'security_group_rules',
           'security_groups')
INJECTED_FILES = ('injected_file_content_bytes', 'injected_file_path_bytes',
                  'injected_files')


def without(values, removed):
    return {name: value for name, value in values.items()
            if name not in removed}


# api_samples/os-quota-sets/v2.36 and v2.57: the resources shown.
DEFAULTS_V236 = without(DEFAULTS, NETWORK)
DEFAULTS_V257 = without(DEFAULTS_V236, INJECTED_FILES)


def _invalid(field, value, reason):
    return 'Invalid input for field/attribute %s. Value: %s. %s' % (
        field, value, reason)


class QuotaSetsTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        # A project of this test's own, so that a deployment's other
        # projects are untouched.
        self.tenant = uuid.uuid4().hex
        self.addCleanup(self.api, 'DELETE', self.path())

    def path(self, tenant=None, suffix='', user_id=None):
        path = '/os-quota-sets/%s%s' % (tenant or self.tenant, suffix)
        if user_id is not None:
            path += '?user_id=%s' % user_id
        return path

    def update(self, quota_set, user_id=None, persona='admin', tenant=None,
               version=None):
        return self.api('PUT', self.path(tenant, user_id=user_id),
                        {'quota_set': quota_set}, persona=persona,
                        version=version)

    def show(self, user_id=None, persona='admin', tenant=None):
        resp = self.api('GET', self.path(tenant, user_id=user_id),
                        persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['quota_set']

    def test_show_defaults_of_a_new_project(self):
        # quotas-show-get-resp.json
        resp = self.api('GET', self.path())
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'quota_set': dict(DEFAULTS, id=self.tenant)},
                         resp.json())

    def test_show_of_a_user_falls_back_to_the_project(self):
        # user-quotas-show-get-resp.json
        self.assertEqual(dict(DEFAULTS, id=self.tenant),
                         self.show(user_id='quota-user'))
        self.update({'cores': 30})
        self.assertEqual(dict(DEFAULTS, id=self.tenant, cores=30),
                         self.show(user_id='quota-user'))

    def test_defaults(self):
        # quotas-show-defaults-get-resp.json
        self.update({'cores': 30})
        resp = self.api('GET', self.path(suffix='/defaults'))
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'quota_set': dict(DEFAULTS, id=self.tenant)},
                         resp.json())

    def test_detail(self):
        # quotas-show-detail-get-resp.json
        self.update({'instances': 7})
        resp = self.api('GET', self.path(suffix='/detail'))
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        expected = {resource: {'in_use': 0, 'limit': limit, 'reserved': 0}
                    for resource, limit in DEFAULTS.items()}
        expected['instances']['limit'] = 7
        expected['id'] = self.tenant
        self.assertEqual({'quota_set': expected}, resp.json())

    def test_detail_of_a_user(self):
        self.update({'instances': 4}, user_id='quota-user')
        resp = self.api('GET', self.path(suffix='/detail',
                                         user_id='quota-user'))
        self.assertEqual(200, resp.status)
        self.assertEqual({'in_use': 0, 'limit': 4, 'reserved': 0},
                         resp.json()['quota_set']['instances'])

    def test_update(self):
        # quotas-update-post-req.json / -resp.json: no id in the answer.
        resp = self.update({'cores': 45})
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'quota_set': dict(DEFAULTS, cores=45)},
                         resp.json())
        self.assertEqual(dict(DEFAULTS, id=self.tenant, cores=45),
                         self.show())

    def test_update_every_resource_with_integers_and_strings(self):
        values = {resource: index + 1
                  for index, resource in enumerate(sorted(DEFAULTS))}
        values['ram'] = '4096'
        values['cores'] = -1
        resp = self.update(values)
        self.assertEqual(200, resp.status, resp)
        expected = dict(values, ram=4096)
        self.assertEqual({'quota_set': expected}, resp.json())
        self.assertEqual(dict(expected, id=self.tenant), self.show())

    def test_update_with_force(self):
        # quotas-update-force-post-req.json / -resp.json
        resp = self.update({'force': 'True', 'instances': 45})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_set': dict(DEFAULTS, instances=45)},
                         resp.json())

    def test_update_an_empty_set_changes_nothing(self):
        resp = self.update({})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_set': DEFAULTS}, resp.json())

    def test_update_a_user(self):
        # user-quotas-update-post-req.json / -resp.json
        resp = self.update({'force': 'True', 'instances': 9},
                           user_id='quota-user')
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_set': dict(DEFAULTS, instances=9)},
                         resp.json())
        self.assertEqual(9, self.show(user_id='quota-user')['instances'])
        # The project and its other users keep theirs.
        self.assertEqual(10, self.show()['instances'])
        self.assertEqual(10, self.show(user_id='someone')['instances'])

    def test_project_limit_below_what_its_users_have(self):
        self.assertEqual(200, self.update({'instances': 5},
                                          user_id='quota-user').status)
        resp = self.update({'instances': 3})
        self.assertFault(resp, 400, 'Quota limit 3 for instances must be '
                         'greater than or equal to already used and '
                         'reserved 5.')
        self.assertEqual(10, self.show()['instances'])
        # Nothing of a refused update is stored.
        resp = self.update({'cores': 2, 'instances': 3})
        self.assertEqual(400, resp.status)
        self.assertEqual(20, self.show()['cores'])
        # force skips the check.
        resp = self.update({'instances': 3, 'force': True})
        self.assertEqual(200, resp.status)
        self.assertEqual(3, resp.json()['quota_set']['instances'])
        self.assertEqual(5, self.show(user_id='quota-user')['instances'])

    def test_user_limit_above_what_the_project_has_left(self):
        self.assertEqual(200, self.update({'instances': 5},
                                          user_id='quota-user').status)
        resp = self.update({'instances': 20}, user_id='quota-user-2')
        self.assertFault(resp, 400, 'Quota limit 20 for instances must be '
                         'less than or equal to 5.')
        resp = self.update({'instances': -1}, user_id='quota-user-2')
        self.assertFault(resp, 400, 'Quota limit -1 for instances must be '
                         'less than or equal to 5.')
        # A user may go up to what is left plus their own.
        resp = self.update({'instances': 10}, user_id='quota-user')
        self.assertEqual(200, resp.status)
        resp = self.update({'instances': 20}, user_id='quota-user-2',
                           tenant=None)
        self.assertEqual(400, resp.status)
        resp = self.update({'instances': 20, 'force': 'yes'},
                           user_id='quota-user-2')
        self.assertEqual(200, resp.status)

    def test_delete(self):
        self.update({'cores': 30})
        self.update({'instances': 4}, user_id='quota-user')
        resp = self.api('DELETE', self.path())
        self.assertEqual(202, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(b'', resp.body)
        self.assertEqual(dict(DEFAULTS, id=self.tenant), self.show())
        # The project's users lose theirs too.
        self.assertEqual(dict(DEFAULTS, id=self.tenant),
                         self.show(user_id='quota-user'))

    def test_delete_a_user(self):
        self.update({'cores': 30})
        self.update({'instances': 4}, user_id='quota-user')
        resp = self.api('DELETE', self.path(user_id='quota-user'))
        self.assertEqual(202, resp.status)
        self.assertEqual(dict(DEFAULTS, id=self.tenant, cores=30),
                         self.show(user_id='quota-user'))
        self.assertEqual(30, self.show()['cores'])

    def test_delete_without_quotas(self):
        resp = self.api('DELETE', self.path())
        self.assertEqual(202, resp.status)

    def test_empty_user_id_means_the_project(self):
        self.update({'cores': 30}, user_id='')
        self.assertEqual(30, self.show()['cores'])
        self.assertEqual(30, self.show(user_id='')['cores'])

    def test_user_id_given_twice(self):
        self.update({'cores': 4}, user_id='quota-user')
        twice = self.path() + '?user_id=quota-user&user_id=someone'
        self.assertEqual(4, self.api('GET', twice).json()[
            'quota_set']['cores'])
        # As in Nova, detail takes the last one.
        twice = (self.path(suffix='/detail') +
                 '?user_id=someone&user_id=quota-user')
        self.assertEqual(4, self.api('GET', twice).json()[
            'quota_set']['cores']['limit'])

    def test_unknown_query_parameters_are_ignored(self):
        resp = self.api('GET', self.path() + '?foo=bar')
        self.assertEqual(200, resp.status)
        self.assertEqual(dict(DEFAULTS, id=self.tenant),
                         resp.json()['quota_set'])

    # Bad input.

    def test_bad_limits(self):
        for value, reason in (
                ('abc', "'abc' does not match '^-?[0-9]+$'"),
                ('1.5', "'1.5' does not match '^-?[0-9]+$'"),
                ('', "'' does not match '^-?[0-9]+$'"),
                (-2, '-2 is less than the minimum of -1'),
                ('-2', '-2 is less than the minimum of -1'),
                ('2147483648',
                 '2147483648 is greater than the maximum of 2147483647'),
                (' 5', "' 5' does not match '^-?[0-9]+$'"),
                (2147483648,
                 '2147483648 is greater than the maximum of 2147483647'),
                (None, "None is not of type 'integer', 'string'"),
                (1.5, "1.5 is not of type 'integer', 'string'"),
                (True, "True is not of type 'integer', 'string'"),
                ([1], "[1] is not of type 'integer', 'string'")):
            resp = self.update({'instances': value})
            self.assertFault(resp, 400, _invalid('instances', value, reason))
        self.assertEqual(dict(DEFAULTS, id=self.tenant), self.show())

    def test_bad_force(self):
        resp = self.update({'force': 'maybe', 'instances': 1})
        self.assertFault(resp, 400, _invalid(
            'force', 'maybe', "'maybe' is not one of [True, 'True', 'TRUE', "
            "'true', '1', 'ON', 'On', 'on', 'YES', 'Yes', 'yes', False, "
            "'False', 'FALSE', 'false', '0', 'OFF', 'Off', 'off', 'NO', "
            "'No', 'no']"))

    def test_bad_bodies(self):
        resp = self.api('PUT', self.path(), {})
        self.assertFault(resp, 400, "'quota_set' is a required property")
        resp = self.api('PUT', self.path(), {'quota_set': 5})
        self.assertFault(resp, 400, _invalid(
            'quota_set', 5, "5 is not of type 'object'"))
        resp = self.api('PUT', self.path(), {'quota_set': None})
        self.assertFault(resp, 400, _invalid(
            'quota_set', None, "None is not of type 'object'"))

    # Who may.

    def test_member_reads_its_own_project(self):
        own = self.project_id('member')
        self.addCleanup(self.api, 'DELETE', self.path(own))
        self.update({'cores': 33}, tenant=own)
        self.assertEqual(dict(DEFAULTS, id=own, cores=33),
                         self.show(persona='member', tenant=own))
        resp = self.api('GET', self.path(own, '/detail'), persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual(33, resp.json()['quota_set']['cores']['limit'])

    def test_member_cannot_read_another_project(self):
        for suffix, rule in (('', 'show'), ('/detail', 'detail')):
            resp = self.api('GET', self.path(suffix=suffix),
                            persona='member')
            self.assertFault(resp, 403, "Policy doesn't allow "
                             'os_compute_api:os-quota-sets:%s to be '
                             'performed.' % rule)

    def test_anyone_reads_the_defaults(self):
        resp = self.api('GET', self.path(suffix='/defaults'),
                        persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_set': dict(DEFAULTS, id=self.tenant)},
                         resp.json())

    def test_member_cannot_change_quotas(self):
        own = self.project_id('member')
        resp = self.update({'cores': 1}, persona='member', tenant=own)
        self.assertFault(resp, 403, "Policy doesn't allow "
                         'os_compute_api:os-quota-sets:update to be '
                         'performed.')
        resp = self.api('DELETE', self.path(own), persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow "
                         'os_compute_api:os-quota-sets:delete to be '
                         'performed.')

    # The key pair quota follows the limits set here.

    def test_member_over_a_lowered_key_pair_quota(self):
        own = self.project_id('member')
        user = self.user_id('member')
        self.addCleanup(self.api, 'DELETE', self.path(own, user_id=user))
        existing = len(self.api('GET', '/os-keypairs',
                                persona='member').json()['keypairs'])
        resp = self.update({'key_pairs': existing + 1}, tenant=own,
                           user_id=user)
        self.assertEqual(200, resp.status)
        name = 'quota-kp-%s' % uuid.uuid4().hex[:8]
        resp = self.api('POST', '/os-keypairs', {'keypair': {'name': name}},
                        persona='member')
        self.assertIn(resp.status, (200, 201), resp)
        self.addCleanup(self.api, 'DELETE', '/os-keypairs/' + name,
                        persona='member')
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': name + '-2'}}, persona='member')
        self.assertFault(resp, 403, OVER_KEYPAIR_QUOTA)
        # A user cannot be unlimited in a limited project.
        resp = self.update({'key_pairs': -1}, tenant=own, user_id=user)
        self.assertFault(resp, 400, 'Quota limit -1 for key_pairs must be '
                         'less than or equal to 100.')
        resp = self.update({'key_pairs': existing + 2}, tenant=own,
                           user_id=user)
        self.assertEqual(200, resp.status)
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': name + '-3'}}, persona='member')
        self.assertIn(resp.status, (200, 201), resp)
        self.addCleanup(self.api, 'DELETE', '/os-keypairs/' + name + '-3',
                        persona='member')

    def test_project_key_pair_quota_applies_to_its_users(self):
        own = self.project_id('member')
        self.addCleanup(self.api, 'DELETE', self.path(own))
        resp = self.update({'key_pairs': 0}, tenant=own)
        self.assertEqual(200, resp.status)
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': 'quota-kp-zero'}},
                        persona='member')
        self.assertFault(resp, 403, OVER_KEYPAIR_QUOTA)


class QuotaSetsTestV21(base.V21, QuotaSetsTestV2):

    def test_unknown_resource_is_refused(self):
        resp = self.update({'foo': 1})
        self.assertFault(resp, 400, _invalid(
            'quota_set', {'foo': 1}, "Additional properties are not allowed "
            "('foo' was unexpected)"))
        resp = self.update({'networks': 1})
        self.assertEqual(400, resp.status)

    def test_network_quotas_are_shown_up_to_2_10(self):
        resp = self.update({'floating_ips': 5, 'fixed_ips': '3'},
                           version='2.10')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.10')
        self.assertEqual(
            {'quota_set': dict(DEFAULTS, floating_ips=5, fixed_ips=3)},
            resp.json())
        resp = self.api('GET', self.path(suffix='/detail'), version='2.10')
        self.assertEqual(
            {'in_use': 0, 'limit': 5, 'reserved': 0},
            resp.json()['quota_set']['floating_ips'])
        resp = self.api('GET', self.path(suffix='/defaults'),
                        version='2.10')
        self.assertEqual({'quota_set': dict(DEFAULTS, id=self.tenant)},
                         resp.json())

    def assertShown(self, version, expected):
        """Each answer of the project's quotas shows `expected`."""
        resp = self.api('GET', self.path(), version=version)
        self.assertVersionHeaders(resp, version)
        self.assertEqual({'quota_set': dict(expected, id=self.tenant)},
                         resp.json())
        resp = self.api('GET', self.path(suffix='/defaults'),
                        version=version)
        self.assertEqual({'quota_set': dict(expected, id=self.tenant)},
                         resp.json())
        resp = self.api('GET', self.path(suffix='/detail'), version=version)
        self.assertEqual(
            dict({name: {'in_use': 0, 'limit': limit, 'reserved': 0}
                  for name, limit in expected.items()}, id=self.tenant),
            resp.json()['quota_set'])
        resp = self.update({}, version=version)
        self.assertEqual({'quota_set': expected}, resp.json())

    def test_network_quotas_are_gone_at_2_36(self):
        self.assertShown('2.35', DEFAULTS)
        self.assertShown('2.36', DEFAULTS_V236)
        self.assertShown('2.56', DEFAULTS_V236)
        for resource in NETWORK:
            resp = self.update({resource: 1}, version='2.36')
            self.assertFault(resp, 400, _invalid(
                'quota_set', {resource: 1}, "Additional properties are not "
                "allowed (%r was unexpected)" % resource))
        resp = self.update({'injected_files': 3, 'force': 'True'},
                           version='2.36')
        self.assertEqual({'quota_set': dict(DEFAULTS_V236,
                                            injected_files=3)},
                         resp.json())

    def test_injected_file_quotas_are_gone_at_2_57(self):
        self.assertShown('2.57', DEFAULTS_V257)
        for resource in INJECTED_FILES + NETWORK:
            resp = self.update({resource: 1}, version='2.57')
            self.assertFault(resp, 400, _invalid(
                'quota_set', {resource: 1}, "Additional properties are not "
                "allowed (%r was unexpected)" % resource))
        # api_samples/os-quota-sets/v2.57/quotas-update-force-post-*.json
        resp = self.update({'force': 'True', 'instances': 45},
                           version='2.57')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'quota_set': dict(DEFAULTS_V257, instances=45)},
                         resp.json())
        # Still kept: an older version shows it.
        self.update({'injected_files': 2}, version='2.56')
        resp = self.api('GET', self.path(), version='2.56')
        self.assertEqual(2, resp.json()['quota_set']['injected_files'])

    def test_unknown_query_parameters_at_2_75(self):
        unexpected = ("Additional properties are not allowed ('foo' was "
                      "unexpected)")
        for method, suffix, body in (
                ('GET', '', None), ('GET', '/detail', None),
                ('PUT', '', {'quota_set': {}}), ('DELETE', '', None)):
            path = self.path(suffix=suffix) + '?foo=1'
            resp = self.api(method, path, body, version='2.74')
            self.assertIn(resp.status, (200, 202), resp)
            resp = self.api(method, path, body, version='2.75')
            self.assertFault(resp, 400, unexpected)
            resp = self.api(method, self.path(suffix=suffix) +
                            '?user_id=u', body, version='2.75')
            self.assertIn(resp.status, (200, 202), resp)
        # The defaults ignore them at every version, as Nova's.
        resp = self.api('GET', self.path(suffix='/defaults') + '?foo=1',
                        version='2.102')
        self.assertEqual(200, resp.status, resp)


class QuotaSetsLegacyTestV2(QuotaSetsTestV2):
    """/v2 only: undefined properties are dropped, not refused."""

    def test_unknown_resource_is_dropped(self):
        resp = self.update({'foo': 1, 'cores': 21})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_set': dict(DEFAULTS, cores=21)},
                         resp.json())
