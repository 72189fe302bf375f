"""/servers/{server_id}/os-server-password: the encrypted password a
server's guest posted (api-ref "Servers Password")."""

import base64

from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives import serialization

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_metadata

IMAGE = test_server_metadata.IMAGE
MISSING = test_server_metadata.MISSING
RULE = 'os_compute_api:os-server-password:%s'


class ServerPasswordTestV2(test_server_metadata.ServerHelpers,
                           base.APITestCase):

    def path(self, server_id):
        return '/servers/%s/os-server-password' % server_id

    def create_keypair(self, persona='member'):
        """A new ssh keypair of `persona`'s: (name, private key)."""
        resp = self.api('POST', '/os-keypairs',
                        {'keypair': {'name': 'password-key'}},
                        persona=persona)
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', '/os-keypairs/password-key',
                        persona=persona)
        return 'password-key', resp.json()['keypair']['private_key']

    def create_server_with_key(self, key_name, wait=True):
        resp = self.api('POST', '/servers', {'server': {
            'name': 's1', 'imageRef': IMAGE, 'flavorRef': '1',
            'key_name': key_name}}, persona='member')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        self.addCleanup(self.api, 'DELETE', '/servers/' + server_id)
        if wait:
            self.wait_for_status(server_id, 'ACTIVE')
        return server_id

    def decrypt(self, private_key, password):
        key = serialization.load_pem_private_key(private_key.encode(), None)
        return key.decrypt(base64.b64decode(password), padding.PKCS1v15())

    def test_show_the_password_the_guest_posted(self):
        key_name, private_key = self.create_keypair()
        server_id = self.create_server_with_key(key_name)
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual(['password'], list(resp.json()))
        password = resp.json()['password']
        self.assertGreaterEqual(len(self.decrypt(private_key, password)), 12)
        # Posted once: every read shows the same password.
        again = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual({'password': password}, again.json())

    def test_no_password_without_a_key(self):
        server_id = self.create_server()
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'password': ''}, resp.json())

    def test_no_password_before_the_guest_has_booted(self):
        self.skip_if_remote('sets [simulated] build_seconds')
        self.conf.config(build_seconds=3600, group='simulated')
        key_name, _private_key = self.create_keypair()
        server_id = self.create_server_with_key(key_name, wait=False)
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'password': ''}, resp.json())

    def test_clear(self):
        key_name, _private_key = self.create_keypair()
        server_id = self.create_server_with_key(key_name)
        resp = self.api('DELETE', self.path(server_id), persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual({'password': ''}, resp.json())
        # Cleared for good: the guest does not post it again.
        resp = self.api('DELETE', self.path(server_id), persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual({'password': ''}, self.api(
            'GET', self.path(server_id), persona='member').json())

    def test_clear_before_the_guest_posts_one(self):
        server_id = self.create_server()
        resp = self.api('DELETE', self.path(server_id), persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual({'password': ''}, self.api(
            'GET', self.path(server_id), persona='member').json())

    def test_admin_reads_and_clears_a_members_server(self):
        key_name, private_key = self.create_keypair()
        server_id = self.create_server_with_key(key_name)
        resp = self.api('GET', self.path(server_id))
        self.assertEqual(200, resp.status, resp)
        self.assertTrue(self.decrypt(private_key, resp.json()['password']))
        resp = self.api('DELETE', self.path(server_id))
        self.assertEqual(204, resp.status, resp)

    def test_another_projects_server_is_not_found(self):
        server_id = self.create_server()
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.path(server_id), persona='other')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % server_id)

    def test_unknown_server_is_not_found(self):
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.path(MISSING), persona='member')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % MISSING)

    def test_deleted_server_is_not_found(self):
        server_id = self.create_server()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.path(server_id), persona='member')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % server_id)

    def test_rules_and_their_target(self):
        server_id = self.create_server()
        self.use_policy_file({RULE % 'show': 'project_id:%(project_id)s',
                              RULE % 'clear': 'project_id:%(project_id)s'})
        for method, name, status in (('GET', 'show', 200),
                                     ('DELETE', 'clear', 204)):
            # The target is the server's project, not the caller's.
            resp = self.api(method, self.path(server_id))
            self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                        "performed." % (RULE % name))
            resp = self.api(method, self.path(server_id), persona='member')
            self.assertEqual(status, resp.status, resp)

    def test_server_is_found_before_the_rule_is_checked(self):
        self.use_policy_file({RULE % 'show': '!', RULE % 'clear': '!'})
        for method in ('GET', 'DELETE'):
            resp = self.api(method, self.path(MISSING), persona='member')
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % MISSING)


class ServerPasswordTestV21(base.V21, ServerPasswordTestV2):

    def test_same_answer_at_the_latest_version(self):
        server_id = self.create_server()
        latest = self.max_version()
        resp = self.api('GET', self.path(server_id), persona='member',
                        version=latest)
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, latest)
        self.assertEqual({'password': ''}, resp.json())

    def test_unknown_query_parameters_are_ignored(self):
        server_id = self.create_server()
        for method, status in (('GET', 200), ('DELETE', 204)):
            resp = self.api(method, self.path(server_id) + '?colour=blue',
                            persona='member')
            self.assertEqual(status, resp.status, resp)

    def test_unknown_query_parameters_are_refused_at_2_102(self):
        server_id = self.create_server()
        path = self.path(server_id) + '?colour=blue'
        resp = self.api('GET', path, persona='member', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, persona='member', version='2.102')
        self.assertFault(resp, 400, "Additional properties are not "
                         "allowed ('colour' was unexpected)")
        # The clear ignores its query string, as Nova's.
        resp = self.api('DELETE', path, persona='member', version='2.102')
        self.assertEqual(204, resp.status, resp)
