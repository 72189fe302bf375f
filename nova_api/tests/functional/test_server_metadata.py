"""/servers/{server_id}/metadata: a server's key/value metadata."""

import time

import sqlalchemy as sa

from nova_api.db import api as db_api
from nova_api.db import models
from nova_api.tests.functional import base
from nova_api.tests.functional import client as client_module

IMAGE = '0b5d7c1e-8d3a-4c4e-9f21-3a9a6c2f0a01'
MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:server-metadata:%s'
NOT_FOUND = 'Metadata item was not found'
KEY_PATTERN = "'^[a-zA-Z0-9-_:. ]{1,255}$'"
# How long a server may take to become ACTIVE on a deployment.
ACTIVE_TIMEOUT_SECONDS = 60


def over_limit(allowed):
    return 'Maximum number of metadata items exceeds %d' % allowed


class ServerHelpers:
    """Servers to test a server's sub-resources on; mix in before
    base.APITestCase. Servers are ACTIVE as soon as created in process."""

    def setUp(self):
        super().setUp()
        if not client_module.remote_url():
            self.conf.config(build_seconds=0, group='simulated')

    def create_server(self, persona='member', metadata=None, wait=True):
        """A new server of `persona`'s; ACTIVE unless not `wait`."""
        server = {'name': 's1', 'imageRef': IMAGE, 'flavorRef': '1'}
        if metadata is not None:
            server['metadata'] = metadata
        resp = self.api('POST', '/servers', {'server': server},
                        persona=persona)
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        self.addCleanup(self.api, 'DELETE', '/servers/' + server_id)
        if wait:
            self.wait_for_status(server_id, 'ACTIVE', persona)
        return server_id

    def wait_for_status(self, server_id, status, persona='member'):
        deadline = time.monotonic() + ACTIVE_TIMEOUT_SECONDS
        while True:
            resp = self.api('GET', '/servers/' + server_id, persona=persona)
            self.assertEqual(200, resp.status, resp)
            if resp.json()['server']['status'] == status:
                return
            if time.monotonic() > deadline:
                self.fail('server %s is not %s: %r' % (server_id, status,
                                                       resp))
            time.sleep(0.5)


class ServerMetadataTestV2(ServerHelpers, base.APITestCase):

    def path(self, server_id, key=None):
        path = '/servers/%s/metadata' % server_id
        return path + '/' + key if key is not None else path

    def metadata(self, server_id, persona='member'):
        resp = self.api('GET', self.path(server_id), persona=persona)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['metadata']

    def set_quota(self, limit, user_id=None, persona='member'):
        path = '/os-quota-sets/' + self.project_id(persona)
        if user_id is not None:
            path += '?user_id=' + user_id
        resp = self.api('PUT', path, {'quota_set': {'metadata_items': limit}})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', path)

    # -- reading --

    def test_index_and_show(self):
        server_id = self.create_server(metadata={'foo': 'Foo Value',
                                                 'bar': ''})
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'metadata': {'foo': 'Foo Value', 'bar': ''}},
                         resp.json())
        # server-metadata-resp.json
        resp = self.api('GET', self.path(server_id, 'foo'), persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'meta': {'foo': 'Foo Value'}}, resp.json())

    def test_index_of_a_server_without_metadata(self):
        server_id = self.create_server()
        self.assertEqual({}, self.metadata(server_id))

    def test_reading_while_building(self):
        server_id = self.create_server(metadata={'a': '1'}, wait=False)
        self.assertEqual({'a': '1'}, self.metadata(server_id))

    def test_show_unknown_key(self):
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('GET', self.path(server_id, 'b'), persona='member')
        self.assertFault(resp, 404, NOT_FOUND)

    # -- changing --

    def test_samples(self):
        server_id = self.create_server()
        # server-metadata-all-req.json / -resp.json
        resp = self.api('PUT', self.path(server_id),
                        {'metadata': {'foo': 'Foo Value'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'metadata': {'foo': 'Foo Value'}}, resp.json())
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'foo': 'Foo Value'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'metadata': {'foo': 'Foo Value'}}, resp.json())
        # server-metadata-req.json: the answer is the body sent
        resp = self.api('PUT', self.path(server_id, 'foo'),
                        {'meta': {'foo': 'Bar Value'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'meta': {'foo': 'Bar Value'}}, resp.json())
        self.assertEqual({'foo': 'Bar Value'}, self.metadata(server_id))

    def test_create_merges(self):
        server_id = self.create_server(metadata={'a': '1', 'b': '2'})
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'b': 'two', 'c': '3'}},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        expected = {'a': '1', 'b': 'two', 'c': '3'}
        self.assertEqual({'metadata': expected}, resp.json())
        self.assertEqual(expected, self.metadata(server_id))
        resp = self.api('GET', '/servers/' + server_id, persona='member')
        self.assertEqual(expected, resp.json()['server']['metadata'])

    def test_create_with_nothing_changes_nothing(self):
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('POST', self.path(server_id), {'metadata': {}},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'metadata': {'a': '1'}}, resp.json())

    def test_update_all_replaces(self):
        server_id = self.create_server(metadata={'a': '1', 'b': '2'})
        resp = self.api('PUT', self.path(server_id),
                        {'metadata': {'b': 'two', 'c': '3'}},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'metadata': {'b': 'two', 'c': '3'}}, resp.json())
        self.assertEqual({'b': 'two', 'c': '3'}, self.metadata(server_id))
        resp = self.api('PUT', self.path(server_id), {'metadata': {}},
                        persona='member')
        self.assertEqual({'metadata': {}}, resp.json())
        self.assertEqual({}, self.metadata(server_id))

    def test_update_adds_or_changes_one_item(self):
        server_id = self.create_server(metadata={'a': '1'})
        for key, value in (('a', 'changed'), ('b', 'new')):
            resp = self.api('PUT', self.path(server_id, key),
                            {'meta': {key: value}}, persona='member')
            self.assertEqual(200, resp.status, resp)
            self.assertEqual({'meta': {key: value}}, resp.json())
        self.assertEqual({'a': 'changed', 'b': 'new'},
                         self.metadata(server_id))

    def test_delete(self):
        server_id = self.create_server(metadata={'a': '1', 'b': '2'})
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'b': '2'}, self.metadata(server_id))
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member')
        self.assertFault(resp, 404, NOT_FOUND)

    def test_keys_and_values_at_their_limits(self):
        server_id = self.create_server()
        metadata = {'k' * 255: 'v' * 255, 'a-_:. Z9': ''}
        resp = self.api('PUT', self.path(server_id), {'metadata': metadata},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(metadata, self.metadata(server_id))

    # -- who may --

    def test_admin_reads_and_changes_a_members_server(self):
        server_id = self.create_server(metadata={'a': '1'})
        self.assertEqual({'a': '1'}, self.metadata(server_id, 'admin'))
        resp = self.api('POST', self.path(server_id), {'metadata': {'b': '2'}})
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', self.path(server_id, 'a'))
        self.assertEqual(204, resp.status, resp)
        self.assertEqual({'b': '2'}, self.metadata(server_id))

    def test_another_projects_server_is_not_found(self):
        server_id = self.create_server(metadata={'a': '1'})
        message = 'Instance %s could not be found.' % server_id
        for method, key, body in (
                ('GET', None, None),
                ('POST', None, {'metadata': {'a': 'b'}}),
                ('PUT', None, {'metadata': {'a': 'b'}}),
                ('GET', 'a', None),
                ('PUT', 'a', {'meta': {'a': 'b'}}),
                ('DELETE', 'a', None)):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='other')
            self.assertFault(resp, 404, message)
        self.assertEqual({'a': '1'}, self.metadata(server_id))

    def test_unknown_server_is_not_found(self):
        message = 'Instance %s could not be found.' % MISSING
        for method, key, body in (
                ('GET', None, None),
                ('POST', None, {'metadata': {'a': 'b'}}),
                ('PUT', None, {'metadata': {'a': 'b'}}),
                ('GET', 'a', None),
                # The server is looked up before the key is compared.
                ('PUT', 'a', {'meta': {'b': 'c'}}),
                ('DELETE', 'a', None)):
            resp = self.api(method, self.path(MISSING, key), body,
                            persona='member')
            self.assertFault(resp, 404, message)

    def test_deleted_server_is_not_found(self):
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        resp = self.api('GET', self.path(server_id), persona='member')
        self.assertFault(resp, 404,
                         'Instance %s could not be found.' % server_id)

    def test_rules_and_their_target(self):
        server_id = self.create_server(metadata={'a': '1'})
        own_project_only = 'project_id:%(project_id)s'
        self.use_policy_file({RULE % name: own_project_only for name in (
            'index', 'show', 'create', 'update_all', 'update', 'delete')})
        for name, method, key, body in (
                ('index', 'GET', None, None),
                ('show', 'GET', 'a', None),
                ('create', 'POST', None, {'metadata': {'a': 'b'}}),
                ('update_all', 'PUT', None, {'metadata': {'a': 'b'}}),
                ('update', 'PUT', 'a', {'meta': {'a': 'b'}}),
                ('delete', 'DELETE', 'a', None)):
            # The target is the server's project, not the caller's.
            resp = self.api(method, self.path(server_id, key), body)
            self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                        "performed." % (RULE % name))
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertIn(resp.status, (200, 204), resp)

    def test_rules_are_checked_after_the_server_is_found(self):
        self.use_policy_file({RULE % 'index': '!', RULE % 'delete': '!'})
        resp = self.api('GET', self.path(MISSING), persona='member')
        self.assertFault(resp, 404,
                         'Instance %s could not be found.' % MISSING)
        server_id = self.create_server()
        resp = self.api('DELETE', self.path(server_id, 'none'),
                        persona='member')
        self.assertFault(resp, 403, "Policy doesn't allow %s to be "
                                    "performed." % (RULE % 'delete'))

    # -- bad bodies --

    def test_update_key_must_match_the_url(self):
        server_id = self.create_server()
        resp = self.api('PUT', self.path(server_id, 'a'),
                        {'meta': {'b': '1'}}, persona='member')
        self.assertFault(resp, 400, 'Request body and URI mismatch')
        self.assertEqual({}, self.metadata(server_id))

    def test_update_takes_exactly_one_item(self):
        server_id = self.create_server()
        resp = self.api('PUT', self.path(server_id, 'a'),
                        {'meta': {'a': '1', 'b': '2'}}, persona='member')
        self.assertFault(
            resp, 400, "Invalid input for field/attribute meta. Value: "
                       "{'a': '1', 'b': '2'}. {'a': '1', 'b': '2'} has too "
                       "many properties")
        resp = self.api('PUT', self.path(server_id, 'a'), {'meta': {}},
                        persona='member')
        self.assertFault(resp, 400, "Invalid input for field/attribute meta."
                                    " Value: {}. {} should be non-empty")

    def test_bad_bodies(self):
        server_id = self.create_server(metadata={'a': '1'})
        for method, key, body, message in (
                ('POST', None, {}, "'metadata' is a required property"),
                ('PUT', None, {}, "'metadata' is a required property"),
                ('PUT', 'a', {}, "'meta' is a required property"),
                ('POST', None, {'metadata': []},
                 "Invalid input for field/attribute metadata. Value: []. "
                 "[] is not of type 'object'"),
                ('PUT', None, {'metadata': None},
                 "Invalid input for field/attribute metadata. Value: None. "
                 "None is not of type 'object'"),
                ('POST', None, {'metadata': {'a': 1}},
                 "Invalid input for field/attribute a. Value: 1. "
                 "1 is not of type 'string'"),
                ('PUT', 'a', {'meta': {'a': None}},
                 "Invalid input for field/attribute a. Value: None. "
                 "None is not of type 'string'"),
                ('PUT', None, {'metadata': {'a': 'x' * 256}},
                 "Invalid input for field/attribute a. Value: %s. '%s' is "
                 "too long" % ('x' * 256, 'x' * 256)),
                ('POST', None, None, "None is not of type 'object'")):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertFault(resp, 400, message)
        self.assertEqual({'a': '1'}, self.metadata(server_id))

    def test_invalid_keys(self):
        server_id = self.create_server()
        for key in ('bad/key', 'k' * 256, ''):
            metadata = {key: 'x'}
            resp = self.api('POST', self.path(server_id),
                            {'metadata': metadata}, persona='member')
            self.assertFault(resp, 400, "Invalid input for field/attribute "
                             "metadata. Value: %s. %s"
                             % (metadata, self.invalid_key_error(key)))
        self.assertEqual({}, self.metadata(server_id))

    def invalid_key_error(self, key):
        # /v2 relaxes additionalProperties, and says so in its own words.
        return ('Additional properties are not allowed (%r was unexpected)'
                % key)

    # -- the metadata_items quota --

    def test_default_limit_is_128(self):
        server_id = self.create_server()
        full = {'key%03d' % n: 'v' for n in range(128)}
        resp = self.api('PUT', self.path(server_id), {'metadata': full},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        for method, key, body in (
                ('POST', None, {'metadata': {'one-more': 'v'}}),
                ('PUT', 'one-more', {'meta': {'one-more': 'v'}}),
                ('PUT', None, {'metadata': dict(full, extra='v')})):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertFault(resp, 403, over_limit(128))
        self.assertEqual(full, self.metadata(server_id))
        # Changing an item, or replacing them all with as many, fits.
        resp = self.api('PUT', self.path(server_id, 'key000'),
                        {'meta': {'key000': 'w'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'key001': 'w'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_limit_counts_the_result(self):
        server_id = self.create_server(metadata={'a': '1', 'b': '2'})
        self.set_quota(2)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'c': '3'}}, persona='member')
        self.assertFault(resp, 403, over_limit(2))
        resp = self.api('PUT', self.path(server_id, 'c'),
                        {'meta': {'c': '3'}}, persona='member')
        self.assertFault(resp, 403, over_limit(2))
        resp = self.api('PUT', self.path(server_id),
                        {'metadata': {'a': '1', 'b': '2', 'c': '3'}},
                        persona='member')
        self.assertFault(resp, 403, over_limit(2))
        self.assertEqual({'a': '1', 'b': '2'}, self.metadata(server_id))
        # A replacement is counted alone, a merge with what is there.
        resp = self.api('PUT', self.path(server_id),
                        {'metadata': {'c': '3', 'd': '4'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'c': 'three'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'c': 'three', 'd': '4'}, self.metadata(server_id))

    def test_limit_of_zero(self):
        server_id = self.create_server()
        self.set_quota(0)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member')
        self.assertFault(resp, 403, over_limit(0))
        resp = self.api('PUT', self.path(server_id), {'metadata': {}},
                        persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_unlimited(self):
        server_id = self.create_server()
        self.set_quota(-1)
        many = {'key%03d' % n: 'v' for n in range(130)}
        resp = self.api('PUT', self.path(server_id), {'metadata': many},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(many, self.metadata(server_id))

    def test_limit_is_the_callers(self):
        """Nova checks the caller's limit, not the server owner's: an
        administrator is held to the admin project's."""
        server_id = self.create_server()
        self.set_quota(1)
        two = {'a': '1', 'b': '2'}
        resp = self.api('POST', self.path(server_id), {'metadata': two})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(two, self.metadata(server_id))
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'c': '3'}}, persona='member')
        self.assertFault(resp, 403, over_limit(1))

    def test_a_users_own_limit_counts_too(self):
        server_id = self.create_server()
        self.set_quota(1, user_id=self.user_id('member'))
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1', 'b': '2'}}, persona='member')
        # Nova names the project's limit whichever of the two is exceeded.
        self.assertFault(resp, 403, over_limit(128))
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    # -- the server's state --

    def test_changes_are_refused_while_building(self):
        self.skip_if_remote('needs [simulated] build_seconds')
        self.conf.config(build_seconds=3600, group='simulated')
        server_id = self.create_server(metadata={'a': '1'}, wait=False)
        message = ("Cannot '%s' instance " + server_id +
                   " while it is in vm_state building")
        for method, key, body, action in (
                ('POST', None, {'metadata': {'b': '2'}}, 'update metadata'),
                ('PUT', None, {'metadata': {'b': '2'}}, 'update metadata'),
                ('PUT', 'b', {'meta': {'b': '2'}}, 'update metadata'),
                ('DELETE', 'a', None, 'delete metadata')):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertFault(resp, 409, message % action)
        self.assertEqual({'a': '1'}, self.metadata(server_id))

    def test_order_of_checks_while_building(self):
        """Nova compares the key with the URL, and looks for the key to
        delete, before it looks at the server's state."""
        self.skip_if_remote('needs [simulated] build_seconds')
        self.conf.config(build_seconds=3600, group='simulated')
        server_id = self.create_server(wait=False)
        resp = self.api('PUT', self.path(server_id, 'a'),
                        {'meta': {'b': '1'}}, persona='member')
        self.assertFault(resp, 400, 'Request body and URI mismatch')
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member')
        self.assertFault(resp, 404, NOT_FOUND)
        # The state before the quota.
        self.set_quota(0)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member')
        self.assertEqual(409, resp.status, resp)

    def test_changes_are_allowed_once_active(self):
        self.skip_if_remote('needs [simulated] build_seconds')
        self.conf.config(build_seconds=3600, group='simulated')
        server_id = self.create_server(wait=False)
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member')
        self.assertEqual(409, resp.status, resp)
        self.conf.config(build_seconds=0, group='simulated')
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_changes_are_refused_during_a_task(self):
        self.skip_if_remote('needs [simulated] reboot_seconds')
        self.conf.config(reboot_seconds=3600, group='simulated')
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('POST', '/servers/%s/action' % server_id,
                        {'reboot': {'type': 'SOFT'}}, persona='member')
        self.assertEqual(202, resp.status, resp)
        message = ("Cannot '%s' instance " + server_id +
                   " while it is in task_state rebooting")
        resp = self.api('PUT', self.path(server_id, 'b'),
                        {'meta': {'b': '2'}}, persona='member')
        self.assertFault(resp, 409, message % 'update metadata')
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member')
        self.assertFault(resp, 409, message % 'delete metadata')
        self.assertEqual({'a': '1'}, self.metadata(server_id))

    def test_changes_are_allowed_while_stopped(self):
        self.skip_if_remote('needs [simulated] stop_seconds')
        self.conf.config(stop_seconds=0, group='simulated')
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('POST', '/servers/%s/action' % server_id,
                        {'os-stop': None}, persona='member')
        self.assertEqual(202, resp.status, resp)
        self.wait_for_status(server_id, 'SHUTOFF')
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'b': '2'}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual({'b': '2'}, self.metadata(server_id))

    def test_locked_server_refuses_a_member_not_an_admin(self):
        self.skip_if_remote('locks the server in the database')
        server_id = self.create_server(metadata={'a': '1'})
        self._lock(server_id)
        message = 'Instance %s is locked' % server_id
        for method, key, body in (
                ('POST', None, {'metadata': {'b': '2'}}),
                ('PUT', None, {'metadata': {'b': '2'}}),
                ('PUT', 'b', {'meta': {'b': '2'}}),
                ('DELETE', 'a', None)):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertFault(resp, 409, message)
        self.assertEqual({'a': '1'}, self.metadata(server_id))
        resp = self.api('PUT', self.path(server_id, 'b'),
                        {'meta': {'b': '2'}})
        self.assertEqual(200, resp.status, resp)
        resp = self.api('DELETE', self.path(server_id, 'a'))
        self.assertEqual(204, resp.status, resp)

    def _lock(self, server_id):
        # Until the lock action exists: what it stores.
        servers = models.Server.__table__
        with db_api.get_engine().begin() as connection:
            connection.execute(sa.update(servers)
                               .where(servers.c.uuid == server_id)
                               .values(locked_by='owner'))


class ServerMetadataTestV21(base.V21, ServerMetadataTestV2):

    def invalid_key_error(self, key):
        return '%r does not match any of the regexes: %s' % (key, KEY_PATTERN)

    def test_undefined_top_level_property(self):
        server_id = self.create_server()
        for method, key, body in (
                ('POST', None, {'metadata': {}, 'colour': 'blue'}),
                ('PUT', None, {'metadata': {}, 'colour': 'blue'}),
                ('PUT', 'a', {'meta': {'a': 'b'}, 'colour': 'blue'})):
            resp = self.api(method, self.path(server_id, key), body,
                            persona='member')
            self.assertFault(
                resp, 400, "Additional properties are not allowed ('colour' "
                           "was unexpected)")

    def test_same_behaviour_at_the_latest_version(self):
        server_id = self.create_server()
        latest = self.max_version()
        resp = self.api('POST', self.path(server_id),
                        {'metadata': {'a': '1'}}, persona='member',
                        version=latest)
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, latest)
        self.assertEqual({'metadata': {'a': '1'}}, resp.json())
        resp = self.api('GET', self.path(server_id, 'a'), persona='member',
                        version=latest)
        self.assertEqual({'meta': {'a': '1'}}, resp.json())
        resp = self.api('DELETE', self.path(server_id, 'a'),
                        persona='member', version=latest)
        self.assertEqual(204, resp.status, resp)
        self.assertVersionHeaders(resp, latest)

    def test_unknown_query_parameters_are_ignored(self):
        server_id = self.create_server(metadata={'a': '1'})
        resp = self.api('GET', self.path(server_id) + '?colour=blue',
                        persona='member')
        self.assertEqual({'metadata': {'a': '1'}}, resp.json())

    def test_unknown_query_parameters_are_refused_at_2_102(self):
        server_id = self.create_server(metadata={'a': '1'})
        for path in (self.path(server_id), self.path(server_id, 'a')):
            resp = self.api('GET', path + '?colour=blue', persona='member',
                            version='2.101')
            self.assertEqual(200, resp.status, resp)
            resp = self.api('GET', path + '?colour=blue', persona='member',
                            version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('colour' was unexpected)")
        # The delete ignores its query string, as Nova's.
        resp = self.api('DELETE', self.path(server_id, 'a') + '?colour=blue',
                        persona='member', version='2.102')
        self.assertEqual(204, resp.status, resp)


class ServerMetadataTestV2Relaxed(ServerHelpers, base.APITestCase):
    """Only on /v2: properties the schemas do not define are dropped."""

    def test_undefined_top_level_property_is_dropped(self):
        server_id = self.create_server()
        path = '/servers/%s/metadata' % server_id
        resp = self.api('POST', path,
                        {'metadata': {'a': '1'}, 'colour': 'blue'},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('PUT', path + '/a',
                        {'meta': {'a': '2'}, 'colour': 'blue'},
                        persona='member')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, persona='member')
        self.assertEqual({'metadata': {'a': '2'}}, resp.json())
