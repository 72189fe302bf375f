"""os-quota-class-sets: show and update a quota class
(api_samples/os-quota-class-sets); the class 'default' sets the defaults of
every project."""

import uuid

from nova_api.tests.functional import base
from nova_api.tests.functional import test_quota_sets

# Before 2.50 a class shows neither server_groups nor server_group_members.
CLASS_DEFAULTS = {
    resource: limit
    for resource, limit in test_quota_sets.DEFAULTS.items()
    if resource not in ('server_groups', 'server_group_members')}


class QuotaClassSetsTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.name = 'quota-class-%s' % uuid.uuid4().hex[:12]

    def path(self, name=None):
        return '/os-quota-class-sets/%s' % (name or self.name)

    def update(self, values, name=None, persona='admin', version=None):
        return self.api('PUT', self.path(name),
                        {'quota_class_set': values}, persona=persona,
                        version=version)

    def test_show_a_class_never_set(self):
        resp = self.api('GET', self.path())
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'quota_class_set': dict(CLASS_DEFAULTS,
                                                  id=self.name)},
                         resp.json())

    def test_show_default(self):
        # quota-classes-show-get-resp.json
        self.skip_if_remote('a deployment may have changed its defaults')
        resp = self.api('GET', self.path('default'))
        self.assertEqual({'quota_class_set': dict(CLASS_DEFAULTS,
                                                  id='default')},
                         resp.json())

    def test_update(self):
        # quota-classes-update-post-req.json / -resp.json: no id.
        values = {'instances': 50, 'cores': 50, 'ram': 51200,
                  'floating_ips': -1, 'fixed_ips': -1,
                  'metadata_items': 128, 'injected_files': 5,
                  'injected_file_content_bytes': 10240,
                  'injected_file_path_bytes': 255, 'security_groups': -1,
                  'security_group_rules': -1, 'key_pairs': 100}
        resp = self.update(values)
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        expected = dict(CLASS_DEFAULTS, instances=50, cores=50)
        self.assertEqual({'quota_class_set': expected}, resp.json())
        resp = self.api('GET', self.path())
        self.assertEqual({'quota_class_set': dict(expected, id=self.name)},
                         resp.json())

    def test_update_strings_and_hidden_resources(self):
        resp = self.update({'instances': '7', 'server_groups': 3})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_class_set': dict(CLASS_DEFAULTS,
                                                  instances=7)},
                         resp.json())

    def test_update_nothing(self):
        resp = self.update({})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_class_set': CLASS_DEFAULTS}, resp.json())

    def test_default_class_sets_the_defaults_of_projects(self):
        self.skip_if_remote('changes the defaults of every project')
        resp = self.update({'cores': 64, 'server_groups': 3},
                           name='default')
        self.assertEqual(200, resp.status)
        tenant = uuid.uuid4().hex
        expected = dict(test_quota_sets.DEFAULTS, id=tenant, cores=64,
                        server_groups=3)
        for suffix in ('', '/defaults'):
            resp = self.api('GET', '/os-quota-sets/%s%s' % (tenant, suffix))
            self.assertEqual({'quota_set': expected}, resp.json())
        resp = self.api('GET', '/limits')
        self.assertEqual(64, resp.json()['limits']['absolute'][
            'maxTotalCores'])
        # Another class does not fall back to 'default'.
        resp = self.api('GET', self.path())
        self.assertEqual(20, resp.json()['quota_class_set']['cores'])

    def test_name_too_long(self):
        resp = self.update({'cores': 1}, name='a' * 256)
        self.assertFault(resp, 400,
                         'quota_class_name has 256 characters, more than '
                         '255.')
        self.assertEqual(200, self.update({'cores': 1},
                                          name='a' * 255).status)

    # Nova checks no quota class body on /v2: it stores "x" as a limit and
    # answers 500 to a body without quota_class_set. Bad input gets a 400
    # here on both endpoints.

    def test_bad_limits(self):
        if not self.is_v21:
            self.skip_if_remote('Nova stores any limit on /v2')
        for value, reason in (
                ('x', "'x' does not match '^-?[0-9]+$'"),
                (-2, '-2 is less than the minimum of -1'),
                (2147483648,
                 '2147483648 is greater than the maximum of 2147483647'),
                (None, "None is not of type 'integer', 'string'")):
            resp = self.update({'cores': value})
            self.assertFault(
                resp, 400, test_quota_sets._invalid('cores', value, reason))

    def test_bad_bodies(self):
        if not self.is_v21:
            self.skip_if_remote('Nova answers 500 on /v2')
        resp = self.api('PUT', self.path(), {})
        self.assertFault(resp, 400,
                         "'quota_class_set' is a required property")
        resp = self.api('PUT', self.path(), {'quota_class_set': []})
        self.assertFault(resp, 400, test_quota_sets._invalid(
            'quota_class_set', [], "[] is not of type 'object'"))

    def test_member_is_refused(self):
        resp = self.api('GET', self.path(), persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow "
                         'os_compute_api:os-quota-class-sets:show to be '
                         'performed.')
        resp = self.update({'cores': 1}, persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow "
                         'os_compute_api:os-quota-class-sets:update to be '
                         'performed.')


class QuotaClassSetsTestV21(base.V21, QuotaClassSetsTestV2):

    def test_force_and_unknown_resources_are_refused(self):
        resp = self.update({'force': True})
        self.assertFault(resp, 400, test_quota_sets._invalid(
            'quota_class_set', {'force': True},
            "Additional properties are not allowed ('force' was "
            "unexpected)"))

    def test_same_fields_up_to_2_10(self):
        resp = self.api('GET', self.path(), version='2.10')
        self.assertVersionHeaders(resp, '2.10')
        self.assertEqual({'quota_class_set': dict(CLASS_DEFAULTS,
                                                  id=self.name)},
                         resp.json())

    def assertShown(self, version, expected):
        resp = self.api('GET', self.path(), version=version)
        self.assertVersionHeaders(resp, version)
        self.assertEqual({'quota_class_set': dict(expected, id=self.name)},
                         resp.json())
        resp = self.update({}, version=version)
        self.assertEqual({'quota_class_set': expected}, resp.json())

    def test_server_groups_shown_and_network_gone_at_2_50(self):
        # api_samples/os-quota-class-sets/v2.50
        self.assertShown('2.49', CLASS_DEFAULTS)
        self.assertShown('2.50', test_quota_sets.DEFAULTS_V236)
        resp = self.update({'server_groups': 3, 'instances': 50},
                           version='2.50')
        self.assertEqual({'quota_class_set': dict(
            test_quota_sets.DEFAULTS_V236, server_groups=3, instances=50)},
            resp.json())
        for resource in test_quota_sets.NETWORK:
            resp = self.update({resource: 1}, version='2.50')
            self.assertFault(resp, 400, test_quota_sets._invalid(
                'quota_class_set', {resource: 1}, "Additional properties "
                "are not allowed (%r was unexpected)" % resource))
        resp = self.update({'fixed_ips': 1}, version='2.49')
        self.assertEqual(200, resp.status, resp)

    def test_injected_files_gone_at_2_57(self):
        # api_samples/os-quota-class-sets/v2.57
        self.assertShown('2.57', test_quota_sets.DEFAULTS_V257)
        for resource in test_quota_sets.INJECTED_FILES:
            resp = self.update({resource: 1}, version='2.57')
            self.assertFault(resp, 400, test_quota_sets._invalid(
                'quota_class_set', {resource: 1}, "Additional properties "
                "are not allowed (%r was unexpected)" % resource))
        resp = self.update({'injected_files': 1}, version='2.56')
        self.assertEqual(1, resp.json()['quota_class_set']['injected_files'])

    def test_unknown_query_parameters_at_2_102(self):
        resp = self.api('GET', self.path() + '?foo=1', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', self.path() + '?foo=1', version='2.102')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('foo' was unexpected)")


class QuotaClassSetsLegacyTestV2(QuotaClassSetsTestV2):
    """/v2 only: undefined properties are dropped."""

    def test_unknown_resources_are_dropped(self):
        resp = self.update({'force': True, 'cores': 3})
        self.assertEqual(200, resp.status)
        self.assertEqual({'quota_class_set': dict(CLASS_DEFAULTS, cores=3)},
                         resp.json())
