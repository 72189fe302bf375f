"""Tokens and roles from a real Keystone, over plain HTTP.

keystonemiddleware validates each token with Keystone; the context is
built from the headers it sets, and policy follows the token's roles:
members of a project change its servers, readers only look, other
projects do not see them, and only an administrator lists every
project's.
"""

import requests
import testtools

from nova_api.tests.keystone import base

COMPUTE = {'service_type': 'compute', 'interface': 'public'}
V210 = {'OpenStack-API-Version': 'compute 2.10'}


class KeystoneHTTPTest(base.KeystoneDeploymentTest, testtools.TestCase):

    def call(self, account, method, path, **kwargs):
        """`method` `path` (under the catalog's compute URL) as `account`."""
        session = self.deployment.session(account)
        return session.request(path, method, endpoint_filter=COMPUTE,
                               raise_exc=False, **kwargs)

    def assertUnauthorized(self, resp):
        self.assertEqual(401, resp.status_code, resp.text)
        self.assertEqual('Keystone uri="%s"' % self.deployment.auth_url,
                         resp.headers['WWW-Authenticate'])
        self.assertEqual(401, resp.json()['error']['code'])


class UnauthenticatedTest(KeystoneHTTPTest):

    PATHS = ('/v2.1/servers', '/v2.1/flavors', '/v2.1/os-keypairs',
             '/v2/%s/flavors', '/image/v2/images')

    def _get(self, path, headers=None):
        if '%s' in path:
            path %= self.deployment.accounts['member_a'].project_id
        return requests.get(self.deployment.deployment.base_url + path,
                            headers=headers, timeout=30)

    def test_no_token_is_401_naming_keystone(self):
        for path in self.PATHS:
            self.assertUnauthorized(self._get(path))

    def test_bad_tokens_are_401(self):
        for token in ('not-a-token',
                      'gAAAAABh' + 'x' * 170,
                      # noauth2's user:project token means nothing to Keystone.
                      'member_a:project-a'):
            for path in self.PATHS:
                self.assertUnauthorized(
                    self._get(path, headers={'X-Auth-Token': token}))

    def test_revoked_token_is_401(self):
        session = self.deployment.session('member_a')
        token = session.get_token()
        admin = self.deployment.session('admin')
        admin.delete('/auth/tokens', headers={'X-Subject-Token': token},
                     endpoint_filter={'service_type': 'identity',
                                      'interface': 'public'})
        self.assertUnauthorized(
            self._get('/v2.1/flavors', headers={'X-Auth-Token': token}))

    def test_version_documents_need_no_token(self):
        # The image service answers its version list as Glance does: 300.
        expected = {'/': 200, '/v2.1/': 200, '/v2/': 200, '/image': 300}
        for path, status in expected.items():
            self.assertEqual(status, self._get(path).status_code, path)

    def test_valid_token_is_let_through(self):
        token = self.deployment.session('reader_a').get_token()
        resp = self._get('/v2.1/flavors', headers={'X-Auth-Token': token})
        self.assertEqual(200, resp.status_code, resp.text)
        self.assertIn('m1.tiny', [f['name'] for f in resp.json()['flavors']])


class ContextFromTokenTest(KeystoneHTTPTest):

    def test_keypair_belongs_to_the_token_user(self):
        name = base.unique('ks-keypair')
        resp = self.call('member_a', 'POST', '/os-keypairs',
                         json={'keypair': {'name': name}}, headers=V210)
        self.assertEqual(201, resp.status_code, resp.text)
        self.addCleanup(self.call, 'member_a', 'DELETE',
                        '/os-keypairs/%s' % name)
        member = self.deployment.accounts['member_a']
        self.assertEqual(member.user_id, resp.json()['keypair']['user_id'])
        shown = self.call('member_a', 'GET', '/os-keypairs/%s' % name,
                          headers=V210)
        self.assertEqual(member.user_id, shown.json()['keypair']['user_id'])
        # Key pairs are per user: another user of the same project has
        # none of this name.
        other = self.call('reader_a', 'GET', '/os-keypairs/%s' % name)
        self.assertEqual(404, other.status_code)

    def test_legacy_v2_url_carries_the_token_project(self):
        project_id = self.deployment.accounts['member_b'].project_id
        session = self.deployment.session('member_b')
        url = '%s/v2/%s/flavors/1' % (self.deployment.deployment.base_url,
                                      project_id)
        resp = session.get(url, raise_exc=False)
        self.assertEqual(200, resp.status_code, resp.text)
        self.assertEqual('m1.tiny', resp.json()['flavor']['name'])

    def test_limits_are_the_token_projects(self):
        resp = self.call('reader_a', 'GET', '/limits')
        self.assertEqual(200, resp.status_code, resp.text)
        self.assertEqual(10, resp.json()['limits']['absolute'][
            'maxTotalInstances'])


class RolesTest(KeystoneHTTPTest):
    """member_a's server seen by every persona."""

    def setUp(self):
        super().setUp()
        self.name = base.unique('ks-roles')
        resp = self.call('member_a', 'POST', '/servers', json={'server': {
            'name': self.name, 'imageRef': base.CIRROS, 'flavorRef': '1'}})
        self.assertEqual(202, resp.status_code, resp.text)
        self.server_id = resp.json()['server']['id']
        self.addCleanup(self.call, 'member_a', 'DELETE',
                        '/servers/%s' % self.server_id)

    def show(self, account):
        return self.call(account, 'GET', '/servers/%s' % self.server_id,
                         headers=V210)

    def listed_ids(self, account, query=''):
        resp = self.call(account, 'GET', '/servers/detail' + query)
        self.assertEqual(200, resp.status_code, resp.text)
        return {s['id']: s for s in resp.json()['servers']}

    def test_server_belongs_to_the_token_project_and_user(self):
        member = self.deployment.accounts['member_a']
        server = self.show('member_a').json()['server']
        self.assertEqual((member.project_id, member.user_id),
                         (server['tenant_id'], server['user_id']))

    def test_member_changes_its_projects_server(self):
        status = base.wait_for(
            lambda: self.show('member_a').json()['server']['status'],
            'ACTIVE')
        self.assertEqual('ACTIVE', status)
        resp = self.call('member_a', 'PUT', '/servers/%s' % self.server_id,
                         json={'server': {'name': self.name + '-renamed'}})
        self.assertEqual(200, resp.status_code, resp.text)
        self.assertEqual(self.name + '-renamed',
                         self.show('member_a').json()['server']['name'])

    def test_reader_lists_and_shows_but_does_not_change(self):
        self.assertIn(self.server_id, self.listed_ids('reader_a'))
        self.assertEqual(200, self.show('reader_a').status_code)
        denied = {
            'create': self.call('reader_a', 'POST', '/servers', json={
                'server': {'name': base.unique('ks-reader'),
                           'imageRef': base.CIRROS, 'flavorRef': '1'}}),
            'update': self.call('reader_a', 'PUT',
                                '/servers/%s' % self.server_id,
                                json={'server': {'name': 'nope'}}),
            'delete': self.call('reader_a', 'DELETE',
                                '/servers/%s' % self.server_id),
        }
        for action, resp in denied.items():
            self.assertEqual(403, resp.status_code, action)
            self.assertEqual(
                "Policy doesn't allow os_compute_api:servers:%s to be "
                "performed." % action, resp.json()['forbidden']['message'])
        self.assertEqual(self.name,
                         self.show('member_a').json()['server']['name'])

    def test_other_project_sees_nothing(self):
        self.assertNotIn(self.server_id, self.listed_ids('member_b'))
        for method in ('GET', 'DELETE'):
            resp = self.call('member_b', method,
                             '/servers/%s' % self.server_id)
            self.assertEqual(404, resp.status_code, method)
            self.assertEqual(
                'Instance %s could not be found.' % self.server_id,
                resp.json()['itemNotFound']['message'])
        self.assertEqual(200, self.show('member_a').status_code)

    def test_only_admin_lists_all_projects(self):
        everyone = self.listed_ids('admin', '?all_tenants=1')
        self.assertEqual(self.deployment.accounts['member_a'].project_id,
                         everyone[self.server_id]['tenant_id'])
        # Without all_tenants the admin sees its own project only.
        self.assertNotIn(self.server_id, self.listed_ids('admin'))
        for account in ('member_a', 'reader_a', 'member_b'):
            resp = self.call(account, 'GET', '/servers/detail?all_tenants=1')
            self.assertEqual(403, resp.status_code, account)

    def test_admin_sees_another_projects_server_in_full(self):
        server = self.show('admin').json()['server']
        self.assertEqual(self.server_id, server['id'])
        self.assertIn('OS-EXT-SRV-ATTR:host', server)
        self.assertNotIn('OS-EXT-SRV-ATTR:host',
                         self.show('member_a').json()['server'])
