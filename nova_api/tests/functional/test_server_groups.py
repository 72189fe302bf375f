"""os-server-groups: list, create, show and delete server groups.

The fields are those of Nova's API samples (os-server-groups: base up to
2.12, v2.13, v2.64); the error messages are the real Nova's. Groups are
named uniquely and deleted after each test, so the /v2.1 tests can also
run against a shared deployment (NOVA_API_TEST_URL); the few that need
the in-process service (members, policy files, hosts) skip there.
"""

import urllib.parse
import uuid

from oslo_utils import uuidutils

from nova_api.compute import server_groups
from nova_api import context as nova_context
from nova_api.tests.functional import base

OVER_QUOTA = 'Quota exceeded, too many server groups.'
INVALID_NAME = ("An invalid 'name' value was provided. The name must be: "
                "printable characters. Can not start or end with whitespace.")
POLICIES = "['anti-affinity', 'affinity']"
RULE = 'os_compute_api:os-server-groups:%s'
CIRROS = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'


def not_found(group_id):
    return 'Instance group %s could not be found.' % group_id


def policy_refusal(action):
    return "Policy doesn't allow %s to be performed." % (RULE % action)


def invalid_field(field, value, message):
    return ('Invalid input for field/attribute %s. Value: %s. %s'
            % (field, value, message))


def invalid_query(name, value, message):
    return ('Invalid input for query parameters %s. Value: %s. %s'
            % (name, value, message))


class ServerGroupsTestV2(base.APITestCase):
    """/v2, and through inheritance /v2.1 at its default version 2.1."""

    def unique_name(self):
        return 'sg-%s' % uuid.uuid4().hex[:12]

    def post(self, server_group, persona='member', version=None):
        """POST a body's server_group; a group made is deleted after the
        test."""
        resp = self.api('POST', '/os-server-groups',
                        {'server_group': server_group}, persona=persona,
                        version=version)
        if resp.status == 200:
            self.addCleanup(self.api, 'DELETE', '/os-server-groups/%s'
                            % resp.json()['server_group']['id'],
                            persona=persona)
        return resp

    def create(self, name=None, policy='anti-affinity', persona='member'):
        """A new group's body (200 checked)."""
        resp = self.post({'name': name or self.unique_name(),
                          'policies': [policy]}, persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['server_group']

    def show(self, group_id, persona='member', version=None):
        return self.api('GET', '/os-server-groups/%s' % group_id,
                        persona=persona, version=version)

    def delete(self, group_id, persona='member'):
        return self.api('DELETE', '/os-server-groups/%s' % group_id,
                        persona=persona)

    def list_groups(self, query='', persona='member', version=None):
        resp = self.api('GET', '/os-server-groups' + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['server_groups']

    def listed_ids(self, query='', persona='member'):
        return [group['id'] for group in self.list_groups(query, persona)]

    def set_quota(self, persona='member', user_id=None, **limits):
        """Set limits of `persona`'s project (or of a user in it), and put
        the project's back after the test."""
        path = '/os-quota-sets/' + self.project_id(persona)
        if user_id is not None:
            path += '?user_id=' + urllib.parse.quote(user_id)
        resp = self.api('PUT', path, {'quota_set': limits})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', path)

    # Create.

    def test_create(self):
        name = self.unique_name()
        resp = self.post({'name': name, 'policies': ['anti-affinity']})
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        group = resp.json()['server_group']
        self.assertTrue(uuidutils.is_uuid_like(group['id']), group)
        self.assertEqual({'server_group': {
            'id': group['id'], 'name': name, 'policies': ['anti-affinity'],
            'members': [], 'metadata': {}}}, resp.json())

    def test_create_affinity(self):
        group = self.create(policy='affinity')
        self.assertEqual(['affinity'], group['policies'])

    def test_names_need_not_be_unique(self):
        name = self.unique_name()
        first = self.create(name)
        second = self.create(name)
        self.assertNotEqual(first['id'], second['id'])

    def test_name_may_hold_any_printable_character(self):
        for name in ('x y', 'grp@example.org', 'grpé', 'a' * 255):
            self.assertEqual(name, self.create(name)['name'])

    def test_bad_names(self):
        for name, message in (
                ('', invalid_field('name', '', "'' should be non-empty")),
                (' sg', INVALID_NAME),
                ('sg ', INVALID_NAME),
                ('   ', INVALID_NAME),
                ('sg\x01x', INVALID_NAME),
                ('a' * 256, invalid_field('name', 'a' * 256,
                                          "'%s' is too long" % ('a' * 256))),
                (5, invalid_field('name', 5, "5 is not of type 'string'")),
                (None, invalid_field('name', None,
                                     "None is not of type 'string'"))):
            resp = self.post({'name': name, 'policies': ['affinity']})
            self.assertFault(resp, 400, message)

    def test_bad_policies(self):
        for policies, message in (
                ([], invalid_field('policies', [], '[] should be non-empty')),
                (['affinity', 'anti-affinity'], invalid_field(
                    'policies', ['affinity', 'anti-affinity'],
                    "['affinity', 'anti-affinity'] is too long")),
                (['affinity', 'affinity'], invalid_field(
                    'policies', ['affinity', 'affinity'],
                    "['affinity', 'affinity'] has non-unique elements")),
                # Added at 2.15, above our maximum.
                (['soft-affinity'], invalid_field(
                    0, 'soft-affinity',
                    "'soft-affinity' is not one of %s" % POLICIES)),
                (['soft-anti-affinity'], invalid_field(
                    0, 'soft-anti-affinity',
                    "'soft-anti-affinity' is not one of %s" % POLICIES)),
                (['legacy'], invalid_field(
                    0, 'legacy', "'legacy' is not one of %s" % POLICIES)),
                ([1], invalid_field(0, 1, "1 is not of type 'string'")),
                ([None], invalid_field(0, None,
                                       "None is not of type 'string'")),
                ('affinity', invalid_field(
                    'policies', 'affinity',
                    "'affinity' is not of type 'array'"))):
            resp = self.post({'name': 'sg', 'policies': policies})
            self.assertFault(resp, 400, message)

    def test_missing_properties(self):
        for server_group, missing in (({'name': 'sg'}, 'policies'),
                                      ({'policies': ['affinity']}, 'name'),
                                      ({}, 'name')):
            resp = self.post(server_group)
            self.assertFault(resp, 400, invalid_field(
                'server_group', server_group,
                "'%s' is a required property" % missing))

    def test_body_without_a_server_group(self):
        resp = self.api('POST', '/os-server-groups', {'group': {}},
                        persona='member')
        self.assertFault(resp, 400, "'server_group' is a required property")
        resp = self.api('POST', '/os-server-groups', {'server_group': 'sg'},
                        persona='member')
        self.assertFault(resp, 400, invalid_field(
            'server_group', 'sg', "'sg' is not of type 'object'"))

    def test_undefined_properties_are_dropped(self):
        # /v2 is relaxed; the /v2.1 class expects Nova's 400 instead.
        name = self.unique_name()
        resp = self.post({'name': name, 'policies': ['affinity'],
                          'rules': {}, 'metadata': {'a': 'b'}})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({}, resp.json()['server_group']['metadata'])

    # Quota.

    def test_quota(self):
        existing = len(self.list_groups())
        self.set_quota(server_groups=existing + 2)
        kept = self.create()
        last = self.create()

        resp = self.post({'name': 'sg', 'policies': ['affinity']})
        self.assertFault(resp, 403, OVER_QUOTA)
        # The body is checked before the quota.
        resp = self.post({'name': 'sg', 'policies': ['soft-affinity']})
        self.assertEqual(400, resp.status, resp)
        # Another project has a quota of its own.
        self.create(persona='other')

        self.assertEqual(204, self.delete(last['id']).status)
        self.create()
        self.assertIn(kept['id'], self.listed_ids())

    def test_quota_of_a_user(self):
        existing = len(self.list_groups())
        self.set_quota(user_id=self.user_id('member'),
                       server_groups=existing + 1)
        self.create()
        resp = self.post({'name': 'sg', 'policies': ['affinity']})
        self.assertFault(resp, 403, OVER_QUOTA)

    def test_usage_in_limits(self):
        self.create()
        resp = self.api('GET', '/limits', persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(len(self.list_groups()),
                         resp.json()['limits']['absolute'][
                             'totalServerGroupsUsed'])

    def test_zero_quota(self):
        self.set_quota(server_groups=0)
        resp = self.post({'name': 'sg', 'policies': ['affinity']})
        self.assertFault(resp, 403, OVER_QUOTA)

    # Show.

    def test_show(self):
        group = self.create(policy='affinity')
        resp = self.show(group['id'])
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'server_group': group}, resp.json())

    def test_show_ignores_unknown_query_parameters(self):
        group = self.create()
        resp = self.api('GET', '/os-server-groups/%s?foo=bar' % group['id'],
                        persona='member')
        self.assertEqual({'server_group': group}, resp.json())

    def test_show_unknown(self):
        for group_id in (uuidutils.generate_uuid(), 'foo'):
            resp = self.show(group_id)
            self.assertFault(resp, 404, not_found(group_id))

    def test_another_projects_group_is_not_found(self):
        group = self.create()
        resp = self.show(group['id'], persona='other')
        self.assertFault(resp, 404, not_found(group['id']))
        resp = self.delete(group['id'], persona='other')
        self.assertFault(resp, 404, not_found(group['id']))
        self.assertEqual(200, self.show(group['id']).status)

    def test_admin_sees_any_projects_group(self):
        group = self.create()
        resp = self.show(group['id'], persona='admin')
        self.assertEqual({'server_group': group}, resp.json())

    # Delete.

    def test_delete(self):
        group = self.create()
        resp = self.delete(group['id'])
        self.assertEqual(204, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(b'', resp.body)
        self.assertFault(self.show(group['id']), 404, not_found(group['id']))
        self.assertFault(self.delete(group['id']), 404,
                         not_found(group['id']))
        self.assertNotIn(group['id'], self.listed_ids())

    def test_delete_unknown(self):
        group_id = uuidutils.generate_uuid()
        self.assertFault(self.delete(group_id), 404, not_found(group_id))

    def test_admin_deletes_any_projects_group(self):
        group = self.create()
        self.assertEqual(204, self.delete(group['id'], 'admin').status)
        self.assertFault(self.show(group['id']), 404, not_found(group['id']))

    # List.

    def test_list(self):
        first = self.create(policy='affinity')
        second = self.create()
        resp = self.api('GET', '/os-server-groups', persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        listed = [group for group in resp.json()['server_groups']
                  if group['id'] in (first['id'], second['id'])]
        # Oldest first.
        self.assertEqual([first, second], listed)

    def test_list_is_the_callers_project(self):
        mine = self.create()
        theirs = self.create(persona='other')
        self.assertIn(mine['id'], self.listed_ids())
        self.assertNotIn(theirs['id'], self.listed_ids())
        self.assertNotIn(mine['id'], self.listed_ids(persona='other'))
        # An administrator too lists their own project's groups.
        admin_ids = self.listed_ids(persona='admin')
        self.assertNotIn(mine['id'], admin_ids)
        self.assertNotIn(theirs['id'], admin_ids)

    def test_all_projects_as_admin(self):
        mine = self.create()
        theirs = self.create(persona='other')
        for query in ('?all_projects', '?all_projects=1',
                      '?all_projects=False'):
            ids = self.listed_ids(query, persona='admin')
            self.assertIn(mine['id'], ids)
            self.assertIn(theirs['id'], ids)

    def test_all_projects_as_a_member_is_their_own_project(self):
        mine = self.create()
        theirs = self.create(persona='other')
        ids = self.listed_ids('?all_projects=1')
        self.assertIn(mine['id'], ids)
        self.assertNotIn(theirs['id'], ids)

    def test_limit_and_offset(self):
        for _ in range(3):
            self.create()
        every = self.listed_ids()
        for query, expected in (
                ('?limit=2', every[:2]),
                ('?limit=1&offset=1', every[1:2]),
                ('?offset=2', every[2:]),
                # 0 means no limit.
                ('?limit=0', every),
                ('?offset=%d' % len(every), []),
                ('?offset=99999999999999999999', []),
                ('?limit=99999999999999999999', every),
                # Given twice, the last one counts.
                ('?limit=1&limit=2', every[:2]),
                # Not a parameter of this list.
                ('?marker=foo&page_size=x', every)):
            self.assertEqual(expected, self.listed_ids(query), query)

    def test_limit_capped_by_max_limit(self):
        self.skip_if_remote('sets [api] max_limit')
        self.conf.config(max_limit=1, group='api')
        self.create()
        self.create()
        for query in ('', '?limit=5', '?limit=0'):
            self.assertEqual(1, len(self.listed_ids(query)), query)

    def test_bad_limit_and_offset(self):
        for name in ('limit', 'offset'):
            for value, message in (
                    ('-1', "'-1' does not match '^[0-9]*$'"),
                    ('a', "'a' does not match '^[0-9]*$'"),
                    ('1.5', "'1.5' does not match '^[0-9]*$'"),
                    ('', "'' should be non-empty")):
                resp = self.api('GET', '/os-server-groups?%s=%s'
                                % (name, value), persona='member')
                self.assertFault(resp, 400,
                                 invalid_query(name, value, message))
        resp = self.api('GET', '/os-server-groups?offset=2&offset=a',
                        persona='member')
        self.assertFault(resp, 400, invalid_query(
            'offset', 'a', "'a' does not match '^[0-9]*$'"))

    # Members.

    def _context(self, persona):
        return nova_context.RequestContext(
            user_id=self.user_id(persona),
            project_id=self.project_id(persona), roles=['member'],
            overwrite=False)

    def _create_server(self, persona='member'):
        resp = self.api('POST', '/servers', {'server': {
            'name': 'sg-member', 'imageRef': CIRROS, 'flavorRef': '1'}},
            persona=persona)
        self.assertEqual(202, resp.status, resp)
        return resp.json()['server']['id']

    def test_members_are_the_existing_servers(self):
        self.skip_if_remote('adds members without the scheduler hint')
        group = self.create()
        first, second = self._create_server(), self._create_server()
        context = self._context('member')
        server_groups.add_members(
            context, server_groups.get_for_create(context, group['id']),
            [first, second])

        shown = self.show(group['id']).json()['server_group']
        self.assertEqual([first, second], shown['members'])
        listed = [g for g in self.list_groups() if g['id'] == group['id']]
        self.assertEqual([shown], listed)

        resp = self.api('DELETE', '/servers/%s' % first, persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(
            [second], self.show(group['id']).json()['server_group'][
                'members'])
        # A group with members goes; its servers stay.
        self.assertEqual(204, self.delete(group['id']).status)
        resp = self.api('GET', '/servers/%s' % second, persona='member')
        self.assertEqual(200, resp.status, resp)

    # The scheduler hint of server create.

    def _boot_in(self, group_id, count=1, hint='os:scheduler_hints'):
        resp = self.api('POST', '/servers', {
            'server': {'name': 'sg-hint', 'imageRef': CIRROS,
                       'flavorRef': '1', 'min_count': count,
                       'max_count': count},
            hint: {'group': group_id}}, persona='member')
        return resp

    def _hosts_of(self, group_id):
        members = self.show(group_id).json()['server_group']['members']
        hosts = []
        for member in members:
            server = self.api('GET', '/servers/' + member).json()['server']
            self.addCleanup(self.api, 'DELETE', '/servers/' + member)
            hosts.append(server['OS-EXT-SRV-ATTR:host'])
        return hosts

    def test_affinity_places_every_member_on_one_host(self):
        self.skip_if_remote('needs the simulated hosts')
        group = self.create(policy='affinity')
        self.assertEqual(202, self._boot_in(group['id']).status)
        resp = self._boot_in(group['id'], count=2,
                             hint='OS-SCH-HNT:scheduler_hints')
        self.assertEqual(202, resp.status, resp)
        hosts = self._hosts_of(group['id'])
        self.assertEqual(3, len(hosts))
        self.assertEqual(1, len(set(hosts)), hosts)

    def test_anti_affinity_needs_a_host_per_member(self):
        # Two simulated hosts: the third member finds no host.
        self.skip_if_remote('needs the simulated hosts')
        self.conf.config(build_seconds=0, group='simulated')
        group = self.create(policy='anti-affinity')
        resp = self._boot_in(group['id'], count=2)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(202, self._boot_in(group['id']).status)
        members = self.show(group['id']).json()['server_group']['members']
        servers = [self.api('GET', '/servers/' + member).json()['server']
                   for member in members]
        for member in members:
            self.addCleanup(self.api, 'DELETE', '/servers/' + member)
        self.assertEqual(['ACTIVE', 'ACTIVE', 'ERROR'],
                         sorted(server['status'] for server in servers))
        placed = [server['OS-EXT-SRV-ATTR:host'] for server in servers
                  if server['status'] != 'ERROR']
        self.assertEqual(2, len(set(placed)), placed)
        [failed] = [server for server in servers
                    if server['status'] == 'ERROR']
        self.assertEqual('No valid host was found. There are not enough '
                         'hosts available.', failed['fault']['message'])

    def test_unknown_group_in_the_hint(self):
        unknown = uuidutils.generate_uuid()
        resp = self._boot_in(unknown)
        self.assertFault(resp, 400, not_found(unknown))
        other = self.create(persona='other')
        self.assertFault(self._boot_in(other['id']), 400,
                         not_found(other['id']))

    def test_members_over_the_quota(self):
        self.skip_if_remote('changes quotas')
        group = self.create(policy='affinity')
        project = '/os-quota-sets/' + self.project_id('member')
        self.api('PUT', project, {'quota_set': {'server_group_members': 1}})
        self.addCleanup(self.api, 'DELETE', project)
        self.assertEqual(202, self._boot_in(group['id']).status)
        self._hosts_of(group['id'])
        self.assertFault(self._boot_in(group['id']), 403,
                         'Quota exceeded, too many servers in group')
        self.assertEqual(
            1, len(self.show(group['id']).json()['server_group']['members']))

    # Policy.

    def test_policy_refusals(self):
        group = self.create()
        self.use_policy_file({RULE % action: '!' for action in (
            'index', 'create', 'show', 'delete')})
        resp = self.api('GET', '/os-server-groups', persona='member')
        self.assertFault(resp, 403, policy_refusal('index'))
        resp = self.post({'name': 'sg', 'policies': ['affinity']})
        self.assertFault(resp, 403, policy_refusal('create'))
        self.assertFault(self.show(group['id']), 403,
                         policy_refusal('show'))
        self.assertFault(self.delete(group['id']), 403,
                         policy_refusal('delete'))
        # The group is found before the rule is checked.
        unknown = uuidutils.generate_uuid()
        self.assertFault(self.show(unknown), 404, not_found(unknown))

    def test_rules_are_checked_against_the_groups_project(self):
        group = self.create()
        self.use_policy_file({RULE % 'show': 'project_id:%(project_id)s'})
        self.assertEqual(200, self.show(group['id']).status)
        # An admin passes the lookup but not this rule.
        self.assertFault(self.show(group['id'], persona='admin'), 403,
                         policy_refusal('show'))

    def test_all_projects_rule(self):
        self.create(persona='other')
        self.use_policy_file({RULE % 'index:all_projects': '!'})
        resp = self.api('GET', '/os-server-groups?all_projects',
                        persona='admin')
        self.assertFault(resp, 403, policy_refusal('index:all_projects'))
        # Without all_projects the rule is not checked.
        self.list_groups(persona='admin')


class ServerGroupsTestV21(base.V21, ServerGroupsTestV2):
    """Strict validation, and every microversion up to our maximum."""

    def test_undefined_properties_are_dropped(self):
        name = self.unique_name()
        for body in ({'name': name, 'policies': ['affinity'], 'rules': {}},
                     # 2.64's spelling of the policy.
                     {'name': name, 'policies': ['affinity'],
                      'policy': 'affinity'}):
            resp = self.post(body)
            unexpected = sorted(set(body) - {'name', 'policies'})[0]
            self.assertFault(resp, 400, invalid_field(
                'server_group', body, 'Additional properties are not '
                'allowed (%r was unexpected)' % unexpected))
        resp = self.api('POST', '/os-server-groups', {
            'server_group': {'name': name, 'policies': ['affinity']},
            'extra': 1}, persona='member')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('extra' was unexpected)")
        self.assertNotIn(name, [group['name']
                                for group in self.list_groups()])

    def test_policy_instead_of_policies(self):
        body = {'name': 'sg', 'policy': 'affinity'}
        resp = self.post(body, version='2.10')
        self.assertFault(resp, 400, invalid_field(
            'server_group', body, "'policies' is a required property"))

    def test_every_version_has_the_same_fields(self):
        versions = ['2.1', '2.2', '2.9', '2.10']
        for version in versions:
            name = self.unique_name()
            resp = self.post({'name': name, 'policies': ['affinity']},
                             version=version)
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, version)
            group = resp.json()['server_group']
            self.assertEqual({'id', 'name', 'policies', 'members',
                              'metadata'}, set(group))
            resp = self.show(group['id'], version=version)
            self.assertEqual({'server_group': group}, resp.json())
            self.assertVersionHeaders(resp, version)
            listed = [g for g in self.list_groups(version=version)
                      if g['id'] == group['id']]
            self.assertEqual([group], listed)

    def test_at_latest(self):
        latest = self.max_version()
        group = self.create()
        resp = self.show(group['id'], version='latest')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, latest)

    # 2.13: project_id and user_id.

    def test_owner_at_2_13(self):
        # api_samples/os-server-groups/v2.13/server-groups-*-resp.json
        base_fields = {'id', 'name', 'policies', 'members', 'metadata'}
        for version, fields in (
                ('2.12', base_fields),
                ('2.13', base_fields | {'project_id', 'user_id'})):
            resp = self.post({'name': self.unique_name(),
                              'policies': ['anti-affinity']},
                             version=version)
            self.assertEqual(200, resp.status, resp)
            group = resp.json()['server_group']
            self.assertEqual(fields, set(group))
            self.assertEqual({'server_group': group},
                             self.show(group['id'],
                                       version=version).json())
            self.assertEqual([group], [
                g for g in self.list_groups(version=version)
                if g['id'] == group['id']])
        self.assertEqual(self.project_id('member'), group['project_id'])
        self.assertEqual(self.user_id('member'), group['user_id'])

    # 2.15: the soft policies.

    def test_soft_policies_at_2_15(self):
        for policy in ('soft-affinity', 'soft-anti-affinity'):
            resp = self.post({'name': 'sg', 'policies': [policy]},
                             version='2.14')
            self.assertFault(resp, 400, invalid_field(
                0, policy, '%r is not one of %s' % (policy, POLICIES)))
            resp = self.post({'name': self.unique_name(),
                              'policies': [policy]}, version='2.15')
            self.assertEqual(200, resp.status, resp)
            group = resp.json()['server_group']
            self.assertEqual([policy], group['policies'])
            # A version before 2.15 shows it as it is.
            resp = self.show(group['id'], version='2.1')
            self.assertEqual([policy],
                             resp.json()['server_group']['policies'])
        soft = "['anti-affinity', 'affinity', 'soft-anti-affinity', " \
               "'soft-affinity']"
        resp = self.post({'name': 'sg', 'policies': ['legacy']},
                         version='2.15')
        self.assertFault(resp, 400, invalid_field(
            0, 'legacy', "'legacy' is not one of %s" % soft))

    # 2.64: policy and rules.

    def test_policy_and_rules_at_2_64(self):
        # api_samples/os-server-groups/v2.64/server-groups-*.json
        name = self.unique_name()
        resp = self.post({'name': name, 'policy': 'anti-affinity',
                          'rules': {'max_server_per_host': 3}},
                         version='2.64')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.64')
        group = resp.json()['server_group']
        self.assertEqual({'server_group': {
            'id': group['id'], 'name': name, 'policy': 'anti-affinity',
            'rules': {'max_server_per_host': 3}, 'members': [],
            'project_id': self.project_id('member'),
            'user_id': self.user_id('member')}}, resp.json())
        self.assertEqual({'server_group': group},
                         self.show(group['id'], version='2.64').json())
        self.assertEqual([group], [g for g in self.list_groups(
            version='2.64') if g['id'] == group['id']])
        # Up to 2.63 the same group shows its policy as a list.
        resp = self.show(group['id'], version='2.63')
        self.assertEqual({
            'id': group['id'], 'name': name, 'policies': ['anti-affinity'],
            'metadata': {}, 'members': [],
            'project_id': self.project_id('member'),
            'user_id': self.user_id('member')},
            resp.json()['server_group'])

    def test_rules_are_optional_and_integers(self):
        for policy, rules, shown in (
                ('affinity', None, {}),
                ('soft-affinity', {}, {}),
                ('anti-affinity', {}, {}),
                ('anti-affinity', {'max_server_per_host': '2'},
                 {'max_server_per_host': 2})):
            body = {'name': self.unique_name(), 'policy': policy}
            if rules is not None:
                body['rules'] = rules
            resp = self.post(body, version='2.64')
            self.assertEqual(200, resp.status, resp)
            group = resp.json()['server_group']
            self.assertEqual((policy, shown), (group['policy'],
                                               group['rules']))
        # A group made with policies has no rules.
        old = self.create(policy='affinity')
        resp = self.show(old['id'], version='2.64')
        self.assertEqual({}, resp.json()['server_group']['rules'])

    def test_bad_policy_and_rules_at_2_64(self):
        only_anti = 'Only anti-affinity policy supports rules.'
        soft = ("['anti-affinity', 'affinity', 'soft-anti-affinity', "
                "'soft-affinity']")
        rules = {'max_server_per_host': 3}
        for body, message in (
                ({'name': 'sg', 'policy': 'affinity', 'rules': rules},
                 only_anti),
                ({'name': 'sg', 'policy': 'soft-anti-affinity',
                  'rules': {'max_server_per_host': 2}}, only_anti),
                ({'name': 'sg', 'policy': 'bad'}, invalid_field(
                    'policy', 'bad', "'bad' is not one of %s" % soft)),
                ({'name': 'sg', 'policy': ['affinity']}, invalid_field(
                    'policy', ['affinity'],
                    "['affinity'] is not of type 'string'")),
                ({'name': 'sg', 'policies': ['affinity']}, invalid_field(
                    'server_group', {'name': 'sg', 'policies': ['affinity']},
                    "'policy' is a required property")),
                ({'name': 'sg'}, invalid_field(
                    'server_group', {'name': 'sg'},
                    "'policy' is a required property")),
                ({'name': 'sg', 'policy': 'anti-affinity',
                  'rules': {'max_server_per_host': 0}}, invalid_field(
                    'max_server_per_host', 0,
                    '0 is less than the minimum of 1')),
                ({'name': 'sg', 'policy': 'anti-affinity',
                  'rules': {'max_server_per_host': 'abc'}}, invalid_field(
                    'max_server_per_host', 'abc',
                    "'abc' does not match '^[0-9]*$'")),
                ({'name': 'sg', 'policy': 'anti-affinity',
                  'rules': {'max_server_per_host': 1.5}}, invalid_field(
                    'max_server_per_host', 1.5,
                    "1.5 is not of type 'integer', 'string'")),
                ({'name': 'sg', 'policy': 'anti-affinity',
                  'rules': {'foo': 1}}, invalid_field(
                    'rules', {'foo': 1}, "Additional properties are not "
                    "allowed ('foo' was unexpected)")),
                ({'name': 'sg', 'policy': 'anti-affinity', 'rules': []},
                 invalid_field('rules', [], "[] is not of type 'object'"))):
            resp = self.post(body, version='2.64')
            self.assertFault(resp, 400, message)
        # policy and rules are unknown before 2.64.
        body = {'name': 'sg', 'policies': ['anti-affinity'], 'rules': rules}
        resp = self.post(body, version='2.63')
        self.assertFault(resp, 400, invalid_field(
            'server_group', body, "Additional properties are not allowed "
            "('rules' was unexpected)"))

    # 2.75 and 2.102: unknown query parameters.

    def test_unknown_query_parameters_at_2_75_and_2_102(self):
        group = self.create()
        unexpected = ("Additional properties are not allowed ('foo' was "
                      "unexpected)")
        resp = self.api('GET', '/os-server-groups?foo=1', persona='member',
                        version='2.74')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', '/os-server-groups?foo=1', persona='member',
                        version='2.75')
        self.assertFault(resp, 400, unexpected)
        self.list_groups('?limit=1&offset=0&all_projects=1', version='2.75')
        path = '/os-server-groups/%s?foo=1' % group['id']
        resp = self.api('GET', path, persona='member', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, persona='member', version='2.102')
        self.assertFault(resp, 400, unexpected)
        # The delete ignores its query string, as Nova's.
        resp = self.api('DELETE', path, persona='member', version='2.102')
        self.assertEqual(204, resp.status, resp)

    # The scheduler and the 2.15 and 2.64 policies.

    def _group_at(self, version, **server_group):
        resp = self.post(dict(server_group, name=self.unique_name()),
                         version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['server_group']['id']

    def _statuses_and_hosts(self, group_id):
        members = self.show(group_id).json()['server_group']['members']
        servers = [self.api('GET', '/servers/' + member).json()['server']
                   for member in members]
        for member in members:
            self.addCleanup(self.api, 'DELETE', '/servers/' + member)
        return [(server['status'], server['OS-EXT-SRV-ATTR:host'])
                for server in servers]

    def test_soft_affinity_prefers_one_host_but_never_fails(self):
        self.skip_if_remote('needs the simulated hosts')
        self.conf.config(build_seconds=0, group='simulated')
        self.conf.config(hosts=['big:nova:8:16384:160',
                                'small:nova:1:1024:10'], group='simulated')
        group_id = self._group_at('2.15', policies=['soft-affinity'])
        self.assertEqual(202, self._boot_in(group_id).status)
        resp = self._boot_in(group_id, count=2)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual([('ACTIVE', 'big')] * 3,
                         self._statuses_and_hosts(group_id))
        # Two one-server hosts: the second member goes elsewhere.
        self.conf.config(hosts=['one:nova:1:1024:10', 'two:nova:1:1024:10'],
                         group='simulated')
        group_id = self._group_at('2.15', policies=['soft-affinity'])
        self.assertEqual(202, self._boot_in(group_id, count=2).status)
        self.assertEqual([('ACTIVE', 'one'), ('ACTIVE', 'two')],
                         self._statuses_and_hosts(group_id))

    def test_soft_anti_affinity_spreads_but_never_fails(self):
        self.skip_if_remote('needs the simulated hosts')
        self.conf.config(build_seconds=0, group='simulated')
        group_id = self._group_at('2.64', policy='soft-anti-affinity')
        self.assertEqual(202, self._boot_in(group_id, count=3).status)
        placed = self._statuses_and_hosts(group_id)
        self.assertEqual(['ACTIVE'] * 3, [status for status, _ in placed])
        self.assertEqual(['compute1', 'compute1', 'compute2'],
                         sorted(host for _, host in placed))

    def test_max_server_per_host(self):
        # Two simulated hosts, two members each: the fifth finds no host.
        self.skip_if_remote('needs the simulated hosts')
        self.conf.config(build_seconds=0, group='simulated')
        group_id = self._group_at('2.64', policy='anti-affinity',
                                  rules={'max_server_per_host': 2})
        self.assertEqual(202, self._boot_in(group_id, count=3).status)
        self.assertEqual(202, self._boot_in(group_id, count=2).status)
        placed = self._statuses_and_hosts(group_id)
        self.assertEqual(
            [('ACTIVE', 'compute1'), ('ACTIVE', 'compute1'),
             ('ACTIVE', 'compute2'), ('ACTIVE', 'compute2'),
             ('ERROR', None)],
            sorted(placed, key=lambda pair: (pair[0], pair[1] or '')))

    def test_fault_details_name_only_a_hard_policy(self):
        self.skip_if_remote('needs the simulated hosts')
        self.conf.config(build_seconds=0, group='simulated')
        self.conf.config(hosts=['one:nova:1:1024:10'], group='simulated')
        for body, named in (({'policies': ['anti-affinity']}, True),
                            ({'policies': ['soft-anti-affinity']}, False)):
            group_id = self._group_at('2.15', **body)
            self.assertEqual(202, self._boot_in(group_id, count=2).status)
            members = self.show(group_id).json()['server_group']['members']
            servers = [self.api('GET', '/servers/' + member).json()['server']
                       for member in members]
            for member in members:
                # Frees the host for the next group.
                self.api('DELETE', '/servers/' + member)
            [failed] = [server for server in servers
                        if server['status'] == 'ERROR']
            details = failed['fault']['details']
            self.assertEqual(named, 'server group %s' % group_id in details,
                             details)
