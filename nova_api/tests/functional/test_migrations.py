"""GET /os-migrations (api-ref "List Migrations"): the records of
resizes and cold migrations at every version, their filters, paging and
policy.
"""

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_resize

policy_refused = test_server_resize.policy_refused
RULE = 'os_compute_api:os-migrations:%s'
_FIELDS = ['created_at', 'dest_compute', 'dest_host', 'dest_node', 'id',
           'instance_uuid', 'new_instance_type_id', 'old_instance_type_id',
           'source_compute', 'source_node', 'status', 'updated_at']


class MigrationsTestV2(test_server_resize.ResizeHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        timeutils.set_time_override()
        self.addCleanup(timeutils.clear_time_override)
        self.first = self.resized()
        timeutils.advance_time_seconds(1)
        self.second = self.create()
        self.act(self.second, {'migrate': None}, 'admin')
        timeutils.advance_time_seconds(1)

    def listed(self, query='', version=None, persona='admin'):
        resp = self.api('GET', '/os-migrations' + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def test_list(self):
        body = self.listed()
        self.assertEqual(['migrations'], list(body))
        first, second = body['migrations']
        self.assertEqual(_FIELDS, sorted(first))
        self.assertEqual(
            (self.first, 'compute1', 'compute2', 'finished', 1, 2),
            (first['instance_uuid'], first['source_compute'],
             first['dest_compute'], first['status'],
             first['old_instance_type_id'], first['new_instance_type_id']))
        self.assertEqual((self.second, 1, 1), (
            second['instance_uuid'], second['old_instance_type_id'],
            second['new_instance_type_id']))
        self.assertLess(first['id'], second['id'])

    def test_filters(self):
        for query, found in (
                ('?instance_uuid=' + self.second, [self.second]),
                ('?status=finished', [self.first, self.second]),
                ('?status=confirmed', []),
                ('?host=compute2', [self.first, self.second]),
                ('?host=compute3', []),
                ('?source_compute=compute1', [self.first, self.second]),
                ('?migration_type=resize', [self.first]),
                ('?migration_type=migration', [self.second]),
                ('?hidden=0', [self.first, self.second]),
                ('?unknown=1', [self.first, self.second])):
            self.assertEqual(found, [
                migration['instance_uuid']
                for migration in self.listed(query)['migrations']], query)

    def test_status_moves_on(self):
        self.act(self.first, {'confirmResize': None}, status=204)
        self.act(self.second, {'revertResize': None})
        self.assertEqual(['confirmed', 'reverted'], [
            migration['status'] for migration in self.listed()['migrations']])

    def test_a_member_is_refused(self):
        resp = self.api('GET', '/os-migrations', persona='member')
        self.assertFault(resp, 403, policy_refused(RULE % 'index'))


class MigrationsTestV21(base.V21, MigrationsTestV2):

    def test_migration_type_from_223(self):
        [first, _second] = self.listed(version='2.22')['migrations']
        self.assertNotIn('migration_type', first)
        [first, _second] = self.listed(version='2.23')['migrations']
        self.assertEqual(sorted(_FIELDS + ['migration_type']), sorted(first))

    def test_uuid_and_newest_first_from_259(self):
        body = self.listed(version='2.59')
        self.assertEqual([self.second, self.first], [
            migration['instance_uuid'] for migration in body['migrations']])
        self.assertIn('uuid', body['migrations'][0])
        self.assertNotIn('migrations_links', body)

    def test_paging(self):
        body = self.listed('?limit=1', version='2.59')
        [newest] = body['migrations']
        self.assertEqual(self.second, newest['instance_uuid'])
        [link] = body['migrations_links']
        self.assertEqual('next', link['rel'])
        self.assertIn('marker=' + newest['uuid'], link['href'])
        body = self.listed('?marker=' + newest['uuid'], version='2.59')
        self.assertEqual([self.first], [
            migration['instance_uuid'] for migration in body['migrations']])

    def test_unknown_marker(self):
        resp = self.api('GET', '/os-migrations?marker=nope', version='2.59')
        self.assertFault(resp, 400, 'Marker nope could not be found.')

    def test_changes_since_and_before(self):
        now = timeutils.utcnow()
        stamp = now.strftime('%Y-%m-%dT%H:%M:%S')
        self.assertEqual([], self.listed(
            '?changes-since=' + stamp, version='2.59')['migrations'])
        self.assertEqual(2, len(self.listed(
            '?changes-since=2000-01-01T00:00:00',
            version='2.59')['migrations']))
        # Before 2.66 changes-before is refused; from it, filtered.
        resp = self.api('GET', '/os-migrations?changes-before=' + stamp,
                        version='2.65')
        self.assertEqual(400, resp.status, resp)
        self.assertEqual(2, len(self.listed(
            '?changes-before=' + stamp, version='2.66')['migrations']))
        resp = self.api('GET', '/os-migrations?changes-since=%s&'
                        'changes-before=2000-01-01T00:00:00' % stamp,
                        version='2.66')
        self.assertFault(resp, 400, 'The value of changes-since must be less '
                                    'than or equal to changes-before.')

    def test_changes_since_is_ignored_before_259(self):
        stamp = timeutils.utcnow().strftime('%Y-%m-%dT%H:%M:%S')
        self.assertEqual(2, len(self.listed(
            '?changes-since=' + stamp, version='2.58')['migrations']))

    def test_unknown_parameters_are_refused_from_259(self):
        resp = self.api('GET', '/os-migrations?unknown=1', version='2.59')
        self.assertEqual(400, resp.status, resp)
        # As the real Nova (34.0.0) answers them.
        resp = self.api('GET', '/os-migrations?limit=-1', version='2.59')
        self.assertFault(resp, 400, "Invalid input for query parameters "
                         "limit. Value: -1. '-1' does not match '^[0-9]*$'")
        resp = self.api('GET', '/os-migrations?changes-since=bad',
                        version='2.59')
        self.assertFault(resp, 400, "Invalid input for query parameters "
                         "changes-since. Value: bad. 'bad' is not a "
                         "'date-time'")

    def test_user_and_project_from_280(self):
        [first, _second] = self.listed(version='2.79')['migrations']
        self.assertNotIn('user_id', first)
        body = self.listed(version='2.80')
        second, first = body['migrations']
        self.assertEqual(
            (self.user_id('member'), self.project_id('member')),
            (first['user_id'], first['project_id']))
        self.assertEqual(self.user_id('admin'), second['user_id'])
        self.assertEqual([self.first], [
            migration['instance_uuid'] for migration in self.listed(
                '?user_id=' + self.user_id('member'),
                version='2.80')['migrations']])
        resp = self.api('GET', '/os-migrations?user_id=x', version='2.79')
        self.assertEqual(400, resp.status, resp)

    def test_other_projects_need_all_projects(self):
        resp = self.api('GET', '/os-migrations?project_id=' +
                        self.project_id('member'), persona='member',
                        version='2.80')
        self.assertFault(resp, 403, policy_refused(RULE % 'index'))


class ServerMigrationsTestV21(test_server_resize.ResizeHelpers, base.V21,
                              base.APITestCase):
    """/servers/{server_id}/migrations shows live migrations in progress
    only: a resize or a cold migration is not one."""

    def setUp(self):
        super().setUp()
        self.server_id = self.resized()
        self.path = '/servers/%s/migrations' % self.server_id

    def test_not_before_223(self):
        resp = self.api('GET', self.path, version='2.22')
        self.assertEqual(404, resp.status, resp)

    def test_a_resize_is_not_listed(self):
        for version in ('2.23', '2.59', '2.80'):
            resp = self.api('GET', self.path, version=version)
            self.assertEqual(200, resp.status, resp)
            self.assertEqual({'migrations': []}, resp.json())

    def test_show(self):
        [migration] = self.migrations()
        resp = self.api('GET', '%s/%d' % (self.path, migration['id']),
                        version='2.23')
        self.assertFault(resp, 404, 'Migration %d for server %s is not '
                         'live-migration.' % (migration['id'],
                                              self.server_id))
        for unknown in ('99', 'nope'):
            resp = self.api('GET', '%s/%s' % (self.path, unknown),
                            version='2.23')
            self.assertFault(resp, 404, 'In-progress live migration %s is '
                             'not found for server %s.' % (unknown,
                                                           self.server_id))

    def test_policy(self):
        resp = self.api('GET', self.path, persona='member', version='2.23')
        self.assertFault(resp, 403, policy_refused(
            'os_compute_api:servers:migrations:index'))
        resp = self.api('GET', self.path + '/1', persona='member',
                        version='2.23')
        self.assertFault(resp, 403, policy_refused(
            'os_compute_api:servers:migrations:show'))
        resp = self.api('GET', self.path, persona='other', version='2.23')
        self.assertEqual(404, resp.status, resp)

    def test_unknown_query_parameters_from_2102(self):
        resp = self.api('GET', self.path + '?foo=1', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', self.path + '?foo=1', version='2.102')
        self.assertEqual(400, resp.status, resp)
