"""GET /servers and /servers/detail: filters, sorting and paging.

Messages are the real Nova's (it answers these with no compute host);
policy refusals are those of Nova's default rules.
"""

import urllib.parse

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

UBUNTU = test_servers.UBUNTU
CIRROS = test_servers.CIRROS
MISSING = test_servers.MISSING
SORT_KEYS = (
    "['access_ip_v4', 'access_ip_v6', 'auto_disk_config', "
    "'availability_zone', 'config_drive', 'created_at', "
    "'display_description', 'display_name', 'host', 'hostname', "
    "'image_ref', 'instance_type_id', 'kernel_id', 'key_name', "
    "'launch_index', 'launched_at', 'locked_by', 'node', 'power_state', "
    "'progress', 'project_id', 'ramdisk_id', 'root_device_name', "
    "'task_state', 'terminated_at', 'updated_at', 'user_id', 'uuid', "
    "'vm_state', 'architecture', 'cell_name', 'cleaned', "
    "'default_ephemeral_device', 'default_swap_device', 'deleted', "
    "'deleted_at', 'disable_terminate', 'ephemeral_gb', "
    "'ephemeral_key_uuid', 'id', 'key_data', 'launched_on', 'locked', "
    "'memory_mb', 'os_type', 'reservation_id', 'root_gb', "
    "'shutdown_terminate', 'user_data', 'vcpus', 'vm_mode']")


class ServerListTestV2(test_servers.ServerHelpers, base.APITestCase):

    def names(self, query='', persona='member', version=None,
              detail=False):
        path = '/servers/detail' if detail else '/servers'
        resp = self.api('GET', path + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return [server['name'] for server in resp.json()['servers']]

    def test_empty(self):
        for path in ('/servers', '/servers/detail'):
            resp = self.api('GET', path, persona='member')
            self.assertEqual(200, resp.status, resp)
            self.assertVersionHeaders(resp, '2.1')
            self.assertEqual({'servers': []}, resp.json())

    def test_index(self):
        server_id = self.create(name='web')
        resp = self.api('GET', '/servers', persona='member')
        path = '/servers/' + server_id
        self.assertEqual({'servers': [{
            'id': server_id, 'name': 'web',
            'links': [{'rel': 'self', 'href': self.link(path, 'member')},
                      {'rel': 'bookmark',
                       'href': self.bookmark(path, 'member')}]}]},
            resp.json())

    def test_detail_is_the_show_view(self):
        server_id = self.create(name='web')
        resp = self.api('GET', '/servers/detail', persona='member')
        self.assertEqual([self.show(server_id)], resp.json()['servers'])
        resp = self.api('GET', '/servers/detail')
        self.assertEqual([], resp.json()['servers'])

    def test_newest_first_by_default(self):
        for name in ('first', 'second', 'third'):
            self.create(name=name)
        self.assertEqual(['third', 'second', 'first'], self.names())

    def test_only_the_projects_servers(self):
        self.create(name='mine')
        self.create(name='theirs', persona='other')
        self.assertEqual(['mine'], self.names())
        self.assertEqual(['theirs'], self.names(persona='other'))
        self.assertEqual([], self.names(persona='admin'))

    # Filters.

    def test_name_is_a_regex(self):
        for name in ('web-1', 'web-2', 'db-1'):
            self.create(name=name)
        self.assertEqual(['web-2', 'web-1'], self.names('?name=^web'))
        self.assertEqual(['db-1', 'web-1'], self.names('?name=-1$'))
        self.assertEqual(['db-1'], self.names('?name=db', detail=True))
        self.assertEqual([], self.names('?name=nothing'))

    def test_status(self):
        # A server's state follows from the build time: while it lasts the
        # server is BUILD, once it is over ACTIVE.
        self.durations(build=test_servers.NEVER)
        self.create(name='web')
        self.assertEqual(['web'], self.names('?status=BUILD'))
        self.assertEqual([], self.names('?status=ACTIVE'))
        self.durations(build=0)
        self.assertEqual(['web'], self.names('?status=ACTIVE'))
        self.assertEqual(['web'], self.names('?status=active'))
        self.assertEqual([], self.names('?status=BUILD'))
        self.assertEqual([], self.names('?status=SHUTOFF'))
        self.assertEqual([], self.names('?status=NOT_A_STATUS'))

    def test_status_shutoff(self):
        self.durations(stop=0)
        stopped = self.create(name='stopped')
        self.create(name='running')
        self.assertEqual(202, self.action(stopped, {'os-stop': None}).status)
        self.assertEqual(['stopped'], self.names('?status=SHUTOFF'))
        self.assertEqual(['running'], self.names('?status=ACTIVE'))

    def test_deleted_status_needs_admin(self):
        self.assertFault(self.api('GET', '/servers?status=DELETED',
                                  persona='member'), 403,
                         'Only administrators may list deleted instances')

    def test_image_and_flavor(self):
        self.create(name='cirros')
        self.create(name='ubuntu', imageRef=UBUNTU, flavorRef='2')
        self.assertEqual(['ubuntu'], self.names('?image=' + UBUNTU))
        self.assertEqual(['cirros'], self.names('?image=' + CIRROS))
        self.assertEqual(['ubuntu'], self.names('?flavor=2'))
        self.assertEqual(['cirros'], self.names('?flavor=1'))
        self.assertEqual([], self.names('?flavor=3'))

    def test_changes_since_includes_deleted_servers(self):
        kept = self.create(name='kept')
        gone = self.create(name='gone')
        self.assertEqual(204, self.api('DELETE', '/servers/' + gone,
                                       persona='member').status)
        self.assertEqual(['kept'], self.names())
        resp = self.api('GET', '/servers/detail?changes-since='
                        '2000-01-01T00:00:00Z', persona='member')
        servers = {server['id']: server for server in resp.json()['servers']}
        self.assertEqual({kept, gone}, set(servers))
        self.assertEqual('DELETED', servers[gone]['status'])
        self.assertEqual('deleted', servers[gone]['OS-EXT-STS:vm_state'])
        self.assertIsNotNone(servers[gone]['OS-SRV-USG:terminated_at'])
        self.assertEqual('ACTIVE', servers[kept]['status'])
        self.assertEqual([], self.names('?changes-since=2999-01-01T00:00:00Z'))

    def test_ip(self):
        self.create(name='first')
        self.create(name='second')
        self.assertEqual(['second'], self.names('?ip=192.168.0.3'))
        self.assertEqual(['second', 'first'], self.names('?ip=^192.168.'))
        self.assertEqual([], self.names('?ip=10.'))

    def test_ip6_is_ignored_for_members(self):
        self.create(name='first')
        self.create(name='second')
        self.assertEqual(['second', 'first'],
                         self.names('?ip6=' + urllib.parse.quote(
                             'fd00:10::3$')))

    def test_ip6_for_admins(self):
        self.create(name='first', persona='admin')
        self.create(name='second', persona='admin')
        self.assertEqual(['second'], self.names(
            '?ip6=' + urllib.parse.quote('fd00:10::3$'), persona='admin'))

    def test_all_tenants(self):
        self.create(name='mine', persona='admin')
        self.create(name='member')
        self.create(name='other', persona='other')
        self.assertEqual(['mine'], self.names(persona='admin'))
        for value in ('', '1', 'true', 'True'):
            self.assertEqual(['other', 'member', 'mine'], self.names(
                '?all_tenants=' + value, persona='admin'))
        self.assertEqual(['mine'], self.names('?all_tenants=0',
                                              persona='admin'))
        self.assertEqual(['other'], self.names(
            '?all_tenants=1&tenant_id=' + self.project_id('other'),
            persona='admin', detail=True))
        # tenant_id means nothing without all_tenants.
        self.assertEqual(['mine'], self.names(
            '?tenant_id=' + self.project_id('other'), persona='admin'))

    def test_all_tenants_is_for_admins(self):
        for path, rule in (
                ('/servers', 'os_compute_api:servers:index:get_all_tenants'),
                ('/servers/detail',
                 'os_compute_api:servers:detail:get_all_tenants')):
            resp = self.api('GET', path + '?all_tenants=1', persona='member')
            self.assertFault(resp, 403, test_servers.policy_refusal(rule))

    def test_all_tenants_bad_value(self):
        self.assertFault(
            self.api('GET', '/servers?all_tenants=maybe'), 400,
            "Unrecognized value 'maybe', acceptable values are: '0', '1', "
            "'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'")

    def test_admin_only_filters_are_ignored_for_members(self):
        self.create(name='web')
        self.assertEqual(['web'], self.names('?host=nowhere'))
        self.assertEqual([], self.names('?host=nowhere', persona='admin'))

    # Sorting.

    def test_sort_by_name(self):
        for name in ('b', 'c', 'a'):
            self.create(name=name)
        self.assertEqual(['a', 'b', 'c'],
                         self.names('?sort_key=display_name&sort_dir=asc'))
        self.assertEqual(['c', 'b', 'a'],
                         self.names('?sort_key=display_name&sort_dir=desc'))
        self.assertEqual(['c', 'b', 'a'],
                         self.names('?sort_key=display_name'))

    def test_sort_by_several_keys(self):
        self.create(name='a', flavorRef='1')
        self.create(name='b', flavorRef='2')
        self.create(name='a', flavorRef='2')
        resp = self.api('GET', '/servers/detail?sort_key=display_name&'
                        'sort_dir=asc&sort_key=instance_type_id&sort_dir=desc',
                        persona='member')
        self.assertEqual([('a', '2'), ('a', '1'), ('b', '2')],
                         [(s['name'], s['flavor']['id'])
                          for s in resp.json()['servers']])

    def test_ignored_sort_keys(self):
        self.create(name='a')
        self.create(name='b')
        self.assertEqual(['b', 'a'], self.names('?sort_key=vcpus'))

    def test_sort_by_host_needs_admin(self):
        for key in ('host', 'node'):
            self.assertFault(
                self.api('GET', '/servers?sort_key=' + key,
                         persona='member'), 403,
                'Only administrators can sort servers by %s' % key)
        self.assertEqual([], self.names('?sort_key=host', persona='admin'))

    def test_bad_sort_dir(self):
        self.assertFault(
            self.api('GET', '/servers?sort_key=display_name&sort_dir=up',
                     persona='member'), 400,
            "Invalid input received: Unknown sort direction, must be 'desc' "
            "or 'asc'")

    # Paging.

    def test_limit_and_marker(self):
        ids = [self.create(name='s%d' % index) for index in range(3)]
        resp = self.api('GET', '/servers?limit=2', persona='member')
        self.assertEqual(200, resp.status, resp)
        body = resp.json()
        self.assertEqual(['s2', 's1'], [s['name'] for s in body['servers']])
        self.assertEqual([{
            'rel': 'next',
            'href': self.link('/servers?limit=2&marker=%s' % ids[1],
                              'member')}], body['servers_links'])
        resp = self.api('GET', '/servers?limit=2&marker=' + ids[1],
                        persona='member')
        self.assertEqual({'servers': [{
            'id': ids[0], 'name': 's0',
            'links': resp.json()['servers'][0]['links']}]}, resp.json())
        resp = self.api('GET', '/servers/detail?limit=1', persona='member')
        self.assertEqual([{
            'rel': 'next',
            'href': self.link('/servers/detail?limit=1&marker=%s' % ids[2],
                              'member')}], resp.json()['servers_links'])

    def test_no_next_link_when_the_page_is_not_full(self):
        self.create()
        resp = self.api('GET', '/servers?limit=2', persona='member')
        self.assertNotIn('servers_links', resp.json())

    def test_unknown_marker(self):
        self.assertFault(
            self.api('GET', '/servers?marker=' + MISSING, persona='member'),
            400, 'marker [%s] not found' % MISSING)

    def test_marker_of_another_project(self):
        other = self.create(persona='other')
        self.assertFault(
            self.api('GET', '/servers?marker=' + other, persona='member'),
            400, 'marker [%s] not found' % other)

    def test_negative_limit(self):
        self.assertFault(
            self.api('GET', '/servers?limit=-1', persona='member'), 400,
            "Invalid input for query parameters limit. Value: -1. '-1' does "
            "not match '^[0-9]*$'")


class ServerListTestV21(base.V21, ServerListTestV2):

    def test_ip6_from_2_5_for_members(self):
        self.create(name='first')
        self.create(name='second')
        query = '?ip6=' + urllib.parse.quote('fd00:10::3$')
        self.assertEqual(['second', 'first'],
                         self.names(query, version='2.4'))
        self.assertEqual(['second'], self.names(query, version='2.5'))

    def test_unknown_sort_key(self):
        self.assertFault(
            self.api('GET', '/servers?sort_key=foo', persona='member'), 400,
            "Invalid input for query parameters sort_key. Value: foo. 'foo' "
            "is not one of " + SORT_KEYS)

    def test_bad_changes_since(self):
        self.assertFault(
            self.api('GET', '/servers/detail?changes-since=bad',
                     persona='member'), 400,
            "Invalid input for query parameters changes-since. Value: bad. "
            "'bad' is not a 'date-time'")

    def test_detail_at_2_9_has_locked(self):
        self.create()
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.9')
        self.assertIs(False, resp.json()['servers'][0]['locked'])
