"""Flavor access: GET /flavors/{id}/os-flavor-access and the
addTenantAccess / removeTenantAccess actions (409 on a public flavor from
microversion 2.7)."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_flavors

_ADD = 'addTenantAccess'
_REMOVE = 'removeTenantAccess'
# Nova names the flavor by its internal database id in these two messages.
_EXISTS = (r'^Flavor access already exists for flavor \d+ and project %s '
           r'combination\.$')
_NOT_FOUND = r'^Flavor access not found for \d+ / %s combination\.$'


class FlavorAccessTestV2(test_flavors.FlavorHelpers, base.APITestCase):

    def _action(self, flavor_id, action, tenant, persona='admin',
                version=None):
        return self.api('POST', '/flavors/%s/action' % flavor_id,
                        {action: {'tenant': tenant}}, persona=persona,
                        version=version)

    def _access(self, flavor_id, *projects):
        return {'flavor_access': [{'flavor_id': flavor_id, 'tenant_id': p}
                                  for p in projects]}

    def _list(self, flavor_id, persona='admin'):
        return self.api('GET', '/flavors/%s/os-flavor-access' % flavor_id,
                        persona=persona)

    def test_new_private_flavor_has_an_empty_list(self):
        flavor = self.create_private_flavor()
        resp = self._list(flavor['id'])
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'flavor_access': []}, resp.json())

    def test_add_list_and_remove_match_the_samples(self):
        # api_samples/flavor-access/*.json
        flavor = self.create_private_flavor()
        member, other = self.project_id('member'), self.project_id('other')
        resp = self._action(flavor['id'], _ADD, member)
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(self._access(flavor['id'], member), resp.json())
        resp = self._action(flavor['id'], _ADD, other)
        self.assertEqual(self._access(flavor['id'], member, other),
                         resp.json())
        self.assertEqual(self._access(flavor['id'], member, other),
                         self._list(flavor['id']).json())
        resp = self._action(flavor['id'], _REMOVE, member)
        self.assertEqual(200, resp.status)
        self.assertEqual(self._access(flavor['id'], other), resp.json())
        resp = self._action(flavor['id'], _REMOVE, other)
        self.assertEqual({'flavor_access': []}, resp.json())
        self.assertEqual({'flavor_access': []},
                         self._list(flavor['id']).json())

    def test_access_lets_a_project_see_the_flavor(self):
        flavor = self.create_private_flavor()
        path = '/flavors/%s' % flavor['id']
        self.assertEqual(404, self.api('GET', path, persona='member').status)
        self._action(flavor['id'], _ADD, self.project_id('member'))
        self.assertEqual(200, self.api('GET', path, persona='member').status)
        self.assertEqual(404, self.api('GET', path, persona='other').status)
        self._action(flavor['id'], _REMOVE, self.project_id('member'))
        self.assertEqual(404, self.api('GET', path, persona='member').status)

    def test_any_project_id_string_is_accepted(self):
        flavor = self.create_private_flavor()
        resp = self._action(flavor['id'], _ADD, 'not-a-keystone-project')
        self.assertEqual(self._access(flavor['id'], 'not-a-keystone-project'),
                         resp.json())

    def test_list_of_a_public_flavor_is_404(self):
        resp = self._list('1')
        self.assertFault(resp, 404,
                         'Access list not available for public flavors.')

    def test_list_of_an_unknown_flavor_is_404(self):
        resp = self._list('no-such-flavor')
        self.assertFault(resp, 404,
                         'Flavor no-such-flavor could not be found.')

    def test_list_is_admin_only(self):
        flavor = self.create_private_flavor()
        self._action(flavor['id'], _ADD, self.project_id('member'))
        for flavor_id in (flavor['id'], '1', 'no-such-flavor'):
            resp = self._list(flavor_id, persona='member')
            self.assertFault(resp, 403, "Policy doesn't allow "
                             "os_compute_api:os-flavor-access to be "
                             "performed.")

    def test_list_ignores_query_parameters(self):
        flavor = self.create_private_flavor()
        resp = self.api('GET', '/flavors/%s/os-flavor-access?foo=1'
                        % flavor['id'])
        self.assertEqual({'flavor_access': []}, resp.json())

    def test_add_twice_is_409(self):
        flavor = self.create_private_flavor()
        self._action(flavor['id'], _ADD, 'p1')
        resp = self._action(flavor['id'], _ADD, 'p1')
        self.assertRegex(self.assertFault(resp, 409), _EXISTS % 'p1')

    def test_remove_absent_project_is_404(self):
        flavor = self.create_private_flavor()
        resp = self._action(flavor['id'], _REMOVE, 'p1')
        self.assertRegex(self.assertFault(resp, 404), _NOT_FOUND % 'p1')

    def test_unknown_flavor_is_404(self):
        for action in (_ADD, _REMOVE):
            resp = self._action('no-such-flavor', action, 'p1')
            self.assertFault(resp, 404,
                             'Flavor no-such-flavor could not be found.')

    def test_actions_are_admin_only(self):
        flavor = self.create_private_flavor()
        for flavor_id in (flavor['id'], 'no-such-flavor'):
            for action, rule in ((_ADD, 'add_tenant_access'),
                                 (_REMOVE, 'remove_tenant_access')):
                resp = self._action(flavor_id, action,
                                    self.project_id('member'),
                                    persona='member')
                self.assertFault(resp, 403, "Policy doesn't allow "
                                 "os_compute_api:os-flavor-access:%s to be "
                                 "performed." % rule)
        self.assertEqual({'flavor_access': []},
                         self._list(flavor['id']).json())

    def test_public_flavor_access_before_2_7(self):
        # Before 2.7 Nova records the project; the flavor stays public and
        # its list stays unavailable.
        flavor = self.create_flavor()
        resp = self._action(flavor['id'], _ADD, 'p1', version='2.6')
        self.assertEqual(200, resp.status)
        self.assertEqual(self._access(flavor['id'], 'p1'), resp.json())
        self.assertFault(self._list(flavor['id']), 404,
                         'Access list not available for public flavors.')
        resp = self._action(flavor['id'], _REMOVE, 'p1', version='2.6')
        self.assertEqual({'flavor_access': []}, resp.json())

    def test_invalid_bodies_are_400(self):
        flavor = self.create_private_flavor()
        path = '/flavors/%s/action' % flavor['id']
        for action in (_ADD, _REMOVE):
            for value, message in (
                    ({'tenant': ''}, "Invalid input for field/attribute "
                                     "tenant. Value: . '' should be "
                                     "non-empty"),
                    ({'tenant': 't' * 256}, "Invalid input for field/"
                     "attribute tenant. Value: %s. '%s' is too long"
                     % ('t' * 256, 't' * 256)),
                    ({'tenant': 5}, "Invalid input for field/attribute "
                                    "tenant. Value: 5. 5 is not of type "
                                    "'string'"),
                    ({}, "Invalid input for field/attribute %s. Value: {}. "
                         "'tenant' is a required property" % action),
                    (None, "Invalid input for field/attribute %s. Value: "
                           "None. None is not of type 'object'" % action)):
                resp = self.api('POST', path, {action: value})
                self.assertFault(resp, 400, message)

    def test_unknown_action_is_400(self):
        resp = self.api('POST', '/flavors/1/action', {'fooAction': {}})
        self.assertFault(resp, 400, 'There is no such action: fooAction')
        for body in ({_ADD: {'tenant': 'a'}, _REMOVE: {'tenant': 'a'}}, {},
                     b''):
            resp = self.api('POST', '/flavors/1/action', body)
            self.assertFault(resp, 400, 'Malformed request body')

    def test_undefined_properties_are_dropped(self):
        flavor = self.create_private_flavor()
        resp = self.api('POST', '/flavors/%s/action' % flavor['id'],
                        {_ADD: {'tenant': 'p1', 'colour': 'blue'}})
        self.assertEqual(self._access(flavor['id'], 'p1'), resp.json())


class FlavorAccessTestV21(base.V21, FlavorAccessTestV2):

    def test_undefined_properties_are_dropped(self):
        flavor = self.create_private_flavor()
        resp = self.api('POST', '/flavors/%s/action' % flavor['id'],
                        {_ADD: {'tenant': 'p1', 'colour': 'blue'}})
        self.assertFault(
            resp, 400, "Invalid input for field/attribute addTenantAccess. "
            "Value: {'tenant': 'p1', 'colour': 'blue'}. Additional "
            "properties are not allowed ('colour' was unexpected)")

    def test_public_flavor_access_from_2_7_is_409(self):
        flavor = self.create_flavor()
        for version in ('2.7', '2.10'):
            resp = self._action(flavor['id'], _ADD, 'p1', version=version)
            self.assertFault(resp, 409,
                             'Can not add access to a public flavor.')
            self.assertVersionHeaders(resp, version)
        resp = self._action('no-such-flavor', _ADD, 'p1', version='2.7')
        self.assertFault(resp, 404,
                         'Flavor no-such-flavor could not be found.')

    def test_private_flavor_access_at_2_7(self):
        flavor = self.create_private_flavor()
        resp = self._action(flavor['id'], _ADD, 'p1', version='2.7')
        self.assertEqual(self._access(flavor['id'], 'p1'), resp.json())
        self.assertVersionHeaders(resp, '2.7')

    def test_removing_from_a_public_flavor_is_allowed_at_2_7(self):
        flavor = self.create_flavor()
        self._action(flavor['id'], _ADD, 'p1', version='2.6')
        resp = self._action(flavor['id'], _REMOVE, 'p1', version='2.7')
        self.assertEqual({'flavor_access': []}, resp.json())

    def test_public_flavor_access_is_409_at_later_versions(self):
        flavor = self.create_flavor()
        for version in ('2.55', '2.102', '2.104'):
            resp = self._action(flavor['id'], _ADD, 'p1', version=version)
            self.assertFault(resp, 409,
                             'Can not add access to a public flavor.')

    def test_list_refuses_unknown_query_parameters_at_2_102(self):
        flavor = self.create_private_flavor()
        path = '/flavors/%s/os-flavor-access?foo=bar' % flavor['id']
        resp = self.api('GET', path, version='2.101')
        self.assertEqual({'flavor_access': []}, resp.json())
        resp = self.api('GET', path, version='2.102')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                                    "('foo' was unexpected)")
        # Before the public flavor's 404.
        resp = self.api('GET', '/flavors/1/os-flavor-access?foo=bar',
                        version='2.102')
        self.assertFault(resp, 400)

    def test_actions_ignore_the_query_string_at_2_102(self):
        flavor = self.create_private_flavor()
        path = '/flavors/%s/action?foo=bar' % flavor['id']
        resp = self.api('POST', path, {_ADD: {'tenant': 'p1'}},
                        version='2.102')
        self.assertEqual(self._access(flavor['id'], 'p1'), resp.json())
        resp = self.api('POST', path, {_REMOVE: {'tenant': 'p1'}},
                        version='2.102')
        self.assertEqual({'flavor_access': []}, resp.json())
