"""The lock and unlock server actions (api-ref "Lock Server (lock
Action)", "Unlock Server (unlock Action)") and what a lock refuses."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:os-lock-server:%s'


class LockServerTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, start=0, reboot=0)

    def locked(self, server_id):
        return self.show(server_id, 'admin', version=self.version('2.9'))[
            'locked']

    def version(self, version):
        return version if self.is_v21 else None

    def lock(self, server_id, body=None, persona='member', version=None):
        return self.action(server_id, {'lock': body}, persona=persona,
                           version=version)

    def unlock(self, server_id, persona='member'):
        return self.action(server_id, {'unlock': None}, persona=persona)

    def assertLockedFault(self, resp, server_id):
        self.assertFault(resp, 409, 'Instance %s is locked' % server_id)

    def test_lock_and_unlock(self):
        server_id = self.create()
        resp = self.lock(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)
        if self.is_v21:
            self.assertTrue(self.locked(server_id))
        resp = self.unlock(server_id)
        self.assertEqual(202, resp.status, resp)
        if self.is_v21:
            self.assertFalse(self.locked(server_id))

    def test_a_locked_server_refuses_a_member_what_changes_it(self):
        server_id = self.create()
        self.assertEqual(202, self.lock(server_id).status)
        for body in ({'os-stop': None}, {'reboot': {'type': 'SOFT'}}):
            self.assertLockedFault(self.action(server_id, body), server_id)
        self.assertLockedFault(self.api(
            'DELETE', '/servers/' + server_id, persona='member'), server_id)
        self.assertLockedFault(self.api(
            'POST', '/servers/%s/metadata' % server_id,
            {'metadata': {'k': 'v'}}, persona='member'), server_id)
        # Reads and renames are not refused, as in Nova.
        resp = self.api('PUT', '/servers/' + server_id,
                        {'server': {'name': 'renamed'}}, persona='member')
        self.assertEqual(200, resp.status, resp)

    def test_an_administrator_acts_on_a_locked_server(self):
        server_id = self.create()
        self.assertEqual(202, self.lock(server_id).status)
        resp = self.action(server_id, {'os-stop': None}, persona='admin')
        self.assertEqual(202, resp.status, resp)
        resp = self.api('DELETE', '/servers/' + server_id)
        self.assertEqual(204, resp.status, resp)

    def test_the_owner_locking_again_changes_nothing(self):
        server_id = self.create()
        self.assertEqual(202, self.lock(server_id).status)
        self.assertEqual(202, self.lock(server_id).status)
        self.assertEqual(202, self.unlock(server_id).status)

    def test_a_lock_by_an_administrator_takes_the_override_to_unlock(self):
        server_id = self.create()
        self.assertEqual(202, self.lock(server_id, persona='admin').status)
        self.assertFault(self.unlock(server_id), 403,
                         "Policy doesn't allow %s to be performed."
                         % (RULE % 'unlock:unlock_override'))
        self.assertEqual(202, self.unlock(server_id, 'admin').status)
        self.assertEqual(202, self.unlock(server_id).status)

    def test_an_administrator_unlocks_the_owners_lock(self):
        server_id = self.create()
        self.assertEqual(202, self.lock(server_id).status)
        self.assertEqual(202, self.unlock(server_id, 'admin').status)
        resp = self.action(server_id, {'os-stop': None})
        self.assertEqual(202, resp.status, resp)

    def test_unknown_server(self):
        for body in ({'lock': None}, {'unlock': None}):
            resp = self.action(MISSING, body)
            self.assertFault(resp, 404,
                             'Instance %s could not be found.' % MISSING)

    def test_another_projects_server_does_not_exist(self):
        server_id = self.create()
        resp = self.action(server_id, {'lock': None}, persona='other')
        self.assertFault(resp, 404,
                         'Instance %s could not be found.' % server_id)

    def test_a_reader_may_not_lock(self):
        server_id = self.create()
        self.use_policy_file({RULE % 'lock': 'role:admin'})
        self.assertFault(self.lock(server_id), 403,
                         "Policy doesn't allow %s to be performed."
                         % (RULE % 'lock'))


class LockServerTestV21(base.V21, LockServerTestV2):

    def test_a_reason_from_2_73(self):
        server_id = self.create()
        resp = self.lock(server_id, {'locked_reason': 'maintenance'},
                         version='2.73')
        self.assertEqual(202, resp.status, resp)
        server = self.show(server_id, version='2.73')
        self.assertEqual((True, 'maintenance'),
                         (server['locked'], server['locked_reason']))
        self.assertNotIn('locked_reason', self.show(server_id,
                                                    version='2.72'))
        self.assertEqual(202, self.unlock(server_id).status)
        self.assertIsNone(self.show(server_id, version='2.73')[
            'locked_reason'])

    def test_no_reason_before_2_73(self):
        server_id = self.create()
        # Before 2.73 the body of lock is not looked at.
        resp = self.lock(server_id, {'locked_reason': 'ignored'},
                         version='2.72')
        self.assertEqual(202, resp.status, resp)
        server = self.show(server_id, version='2.73')
        self.assertEqual((True, None),
                         (server['locked'], server['locked_reason']))

    def test_bad_reasons_at_2_73(self):
        server_id = self.create()
        for body, message in (
                ({'locked_reason': ''}, "Invalid input for field/attribute "
                 "locked_reason. Value: . '' should be non-empty"),
                ({'locked_reason': 'x' * 256},
                 "Invalid input for field/attribute locked_reason. Value: "
                 "%s. '%s' is too long" % ('x' * 256, 'x' * 256)),
                ({'reason': 'x'}, "Invalid input for field/attribute lock. "
                 "Value: {'reason': 'x'}. Additional properties are not "
                 "allowed ('reason' was unexpected)"),
                ('now', "Invalid input for field/attribute lock. Value: now. "
                 "'now' is not of type 'object', 'null'")):
            resp = self.lock(server_id, body, version='2.73')
            self.assertFault(resp, 400, message)
        self.assertFalse(self.locked(server_id))

    def test_locked_filter_from_2_73(self):
        locked = self.create(name='locked')
        self.create(name='free')
        self.assertEqual(202, self.lock(locked).status)
        resp = self.api('GET', '/servers?locked=true', persona='member',
                        version='2.73')
        self.assertEqual(['locked'], [server['name'] for server in
                                      resp.json()['servers']])
