"""GET /limits: a project's absolute limits and usage in Nova's names
(api_samples/limits/limit-get-resp.json), another project's for an admin
with ?tenant_id=."""

import uuid

from nova_api.tests.functional import base

DEFAULT_LIMITS = {
    'maxImageMeta': 128, 'maxPersonality': 5, 'maxPersonalitySize': 10240,
    'maxSecurityGroupRules': -1, 'maxSecurityGroups': -1,
    'maxServerMeta': 128, 'maxTotalCores': 20, 'maxTotalFloatingIps': -1,
    'maxTotalInstances': 10, 'maxTotalKeypairs': 100,
    'maxTotalRAMSize': 51200, 'maxServerGroups': 10,
    'maxServerGroupMembers': 10, 'totalCoresUsed': 0,
    'totalInstancesUsed': 0, 'totalRAMUsed': 0,
    'totalSecurityGroupsUsed': 0, 'totalFloatingIpsUsed': 0,
    'totalServerGroupsUsed': 0,
}
# api_samples/limits/v2.36, v2.39 and v2.57: the limits shown.
LIMITS_V236 = {name: value for name, value in DEFAULT_LIMITS.items()
               if name not in ('maxSecurityGroupRules', 'maxSecurityGroups',
                               'maxTotalFloatingIps', 'totalFloatingIpsUsed',
                               'totalSecurityGroupsUsed')}
LIMITS_V239 = {name: value for name, value in LIMITS_V236.items()
               if name != 'maxImageMeta'}
LIMITS_V257 = {name: value for name, value in LIMITS_V239.items()
               if name not in ('maxPersonality', 'maxPersonalitySize')}
OTHER_PROJECT = ("Policy doesn't allow os_compute_api:limits:other_project "
                 'to be performed.')


class LimitsTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.tenant = uuid.uuid4().hex
        self.addCleanup(self.api, 'DELETE', '/os-quota-sets/' + self.tenant)

    def set_quotas(self, tenant, values):
        resp = self.api('PUT', '/os-quota-sets/' + tenant,
                        {'quota_set': values})
        self.assertEqual(200, resp.status, resp)

    def test_limits(self):
        # limit-get-resp.json
        self.skip_if_remote('a deployment may have changed its defaults')
        for persona in ('admin', 'member'):
            resp = self.api('GET', '/limits', persona=persona)
            self.assertEqual(200, resp.status)
            self.assertVersionHeaders(resp, '2.1')
            self.assertEqual(
                {'limits': {'absolute': DEFAULT_LIMITS, 'rate': []}},
                resp.json())

    def test_limits_follow_the_quotas_of_the_project(self):
        own = self.project_id('member')
        self.addCleanup(self.api, 'DELETE', '/os-quota-sets/' + own)
        self.set_quotas(own, {
            'instances': 3, 'cores': 4, 'ram': 1024, 'key_pairs': 5,
            'metadata_items': 7, 'injected_files': 2,
            'injected_file_content_bytes': 99, 'floating_ips': 6,
            'security_groups': 8, 'security_group_rules': 9,
            'server_groups': 11, 'server_group_members': 12})
        resp = self.api('GET', '/limits', persona='member')
        absolute = resp.json()['limits']['absolute']
        self.assertEqual(
            {'maxTotalInstances': 3, 'maxTotalCores': 4,
             'maxTotalRAMSize': 1024, 'maxTotalKeypairs': 5,
             'maxServerMeta': 7, 'maxImageMeta': 7, 'maxPersonality': 2,
             'maxPersonalitySize': 99, 'maxTotalFloatingIps': 6,
             'maxSecurityGroups': 8, 'maxSecurityGroupRules': 9,
             'maxServerGroups': 11, 'maxServerGroupMembers': 12},
            {name: value for name, value in absolute.items()
             if name.startswith('max')})
        # Another project's limits are its own.
        resp = self.api('GET', '/limits', persona='other')
        self.assertEqual(10, resp.json()['limits']['absolute'][
            'maxTotalInstances'])

    def test_admin_asks_about_another_project(self):
        self.set_quotas(self.tenant, {'instances': 4})
        resp = self.api('GET', '/limits?tenant_id=' + self.tenant)
        self.assertEqual(200, resp.status)
        self.assertEqual(4, resp.json()['limits']['absolute'][
            'maxTotalInstances'])
        # Given twice, the last one counts.
        resp = self.api('GET', '/limits?tenant_id=%s&tenant_id=%s'
                        % (uuid.uuid4().hex, self.tenant))
        self.assertEqual(4, resp.json()['limits']['absolute'][
            'maxTotalInstances'])

    def test_member_cannot_ask_about_a_project(self):
        for tenant in (self.tenant, self.project_id('member'), ''):
            resp = self.api('GET', '/limits?tenant_id=' + tenant,
                            persona='member')
            self.assertFault(resp, 403, OTHER_PROJECT)

    def test_unknown_query_parameters_are_ignored(self):
        resp = self.api('GET', '/limits?foo=bar', persona='member')
        self.assertEqual(200, resp.status)
        self.assertEqual([], resp.json()['limits']['rate'])

    def test_key_pairs_are_not_counted_as_used(self):
        # As in Nova, the limits show no key pair usage at all.
        name = 'limits-kp-%s' % uuid.uuid4().hex[:8]
        resp = self.api('POST', '/os-keypairs', {'keypair': {'name': name}},
                        persona='member')
        self.assertIn(resp.status, (200, 201))
        self.addCleanup(self.api, 'DELETE', '/os-keypairs/' + name,
                        persona='member')
        absolute = self.api('GET', '/limits', persona='member').json()[
            'limits']['absolute']
        self.assertNotIn('totalKeypairsUsed', absolute)

    def test_servers_count_as_used(self):
        # Two m1.small (1 vcpu, 2048 MB) servers of the member's project:
        # the member's limits and the project's quota detail count them,
        # another project's do not.
        self.skip_if_remote('needs a project with no servers of its own')
        before = self._usage('member')
        for _ in range(2):
            resp = self.api('POST', '/servers', {'server': {
                'name': 'limits', 'flavorRef': '2',
                'imageRef': '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'}},
                persona='member')
            self.assertEqual(202, resp.status, resp)
            self.addCleanup(self.api, 'DELETE',
                            '/servers/' + resp.json()['server']['id'])
        self.assertEqual(
            {'totalInstancesUsed': before['totalInstancesUsed'] + 2,
             'totalCoresUsed': before['totalCoresUsed'] + 2,
             'totalRAMUsed': before['totalRAMUsed'] + 4096},
            self._usage('member'))
        self.assertEqual(
            {'totalInstancesUsed': 0, 'totalCoresUsed': 0,
             'totalRAMUsed': 0}, self._usage('other'))
        detail = self.api('GET', '/os-quota-sets/%s/detail'
                          % self.project_id('member')).json()['quota_set']
        self.assertEqual(
            (before['totalInstancesUsed'] + 2, before['totalCoresUsed'] + 2,
             before['totalRAMUsed'] + 4096),
            (detail['instances']['in_use'], detail['cores']['in_use'],
             detail['ram']['in_use']))

    def _usage(self, persona):
        absolute = self.api('GET', '/limits', persona=persona).json()[
            'limits']['absolute']
        return {name: absolute[name] for name in (
            'totalInstancesUsed', 'totalCoresUsed', 'totalRAMUsed')}


class LimitsTestV21(base.V21, LimitsTestV2):

    def test_same_limits_up_to_2_10(self):
        self.skip_if_remote('a deployment may have changed its defaults')
        resp = self.api('GET', '/limits', version='2.10')
        self.assertEqual(200, resp.status)
        self.assertVersionHeaders(resp, '2.10')
        self.assertEqual(
            {'limits': {'absolute': DEFAULT_LIMITS, 'rate': []}},
            resp.json())

    def test_limits_removed_at_2_36_2_39_and_2_57(self):
        self.skip_if_remote('a deployment may have changed its defaults')
        for version, expected in (
                ('2.35', DEFAULT_LIMITS), ('2.36', LIMITS_V236),
                ('2.38', LIMITS_V236), ('2.39', LIMITS_V239),
                ('2.56', LIMITS_V239), ('2.57', LIMITS_V257),
                ('latest', LIMITS_V257)):
            resp = self.api('GET', '/limits?tenant_id=' + self.tenant,
                            version=version)
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(
                {'limits': {'absolute': expected, 'rate': []}}, resp.json(),
                version)

    def test_unknown_query_parameters_at_2_75(self):
        resp = self.api('GET', '/limits?foo=1', version='2.74')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', '/limits?foo=1', version='2.75')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('foo' was unexpected)")
        resp = self.api('GET', '/limits?tenant_id=' + self.tenant,
                        version='2.75')
        self.assertEqual(200, resp.status, resp)
