"""/servers from microversion 2.66 to 2.104: the filters, create and
update parameters and view attributes those versions added.

Messages are the real Nova's where it answers them without a compute
host (validation, policy, the host/node and hostname checks made before
the image lookup); the 409s of 2.104 are those of Nova's source. Each
change is tested at the version before it and at its own.
"""

import datetime
import json
import os

from oslo_utils import timeutils
import sqlalchemy as sa

from nova_api.db import api as db_api
from nova_api.db import models
from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

CIRROS = test_servers.CIRROS
_SAMPLES = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..',
                        'shared', 'reference', 'api_samples', 'servers')
# Attributes of the samples that versions before 2.66 added (description,
# tags, certificates, host status): another part's, left out of the
# comparisons whether or not the service has them yet.
_EARLIER_ATTRIBUTES = {'description', 'tags', 'trusted_image_certificates',
                       'host_status'}


def invalid_field(field, value, message):
    return 'Invalid input for field/attribute %s. Value: %s. %s' % (
        field, value, message)


def invalid_query(name, value, message):
    return 'Invalid input for query parameters %s. Value: %s. %s' % (
        name, value, message)


def _store(server_id, **values):
    """Store what an action outside this part would (a lock)."""
    servers = models.Server.__table__
    with db_api.get_engine().begin() as connection:
        connection.execute(sa.update(servers).where(
            servers.c.uuid == server_id).values(**values))


class Servers266To2104TestV2(test_servers.ServerHelpers, base.APITestCase):

    def list_names(self, query='', persona='member', version=None,
                   detail=False):
        path = '/servers/detail' if detail else '/servers'
        resp = self.api('GET', path + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return [server['name'] for server in resp.json()['servers']]

    def test_v2_has_none_of_the_new_attributes(self):
        server_id = self.create()
        server = self.show(server_id)
        for name in ('server_groups', 'locked_reason', 'scheduler_hints',
                     'pinned_availability_zone', 'OS-EXT-SRV-ATTR:hostname'):
            self.assertNotIn(name, server)
        self.assertNotIn('properties', server['image'])

    def test_new_parameters_are_dropped_by_default(self):
        if self.is_v21:
            return self.skipTest('/v2.1 refuses unknown body properties')
        server_id = self.create(hostname='web', host='compute1')
        self.assertEqual('s1', self.show(server_id, 'admin')['name'])
        self.assertEqual(['s1'], self.list_names('?changes-before=2000-01-01'
                                                 'T00:00:00Z&foo=1'))


class Servers266To2104TestV21(base.V21, Servers266To2104TestV2):

    def create_with(self, version, persona='member', hints=None, **fields):
        # Every version here needs networks (2.37).
        server = {'name': 's1', 'imageRef': CIRROS, 'flavorRef': '1',
                  'networks': 'auto'}
        server.update(fields)
        body = {'server': server}
        if hints is not None:
            body['os:scheduler_hints'] = hints
        return self.api('POST', '/servers', body, persona=persona,
                        version=version)

    def created(self, version, persona='member', **fields):
        resp = self.create_with(version, persona, **fields)
        self.assertEqual(202, resp.status, resp)
        return resp.json()['server']['id']

    def update(self, server_id, version, persona='member', **fields):
        return self.api('PUT', '/servers/' + server_id, {'server': fields},
                        persona=persona, version=version)

    # 2.66: changes-before.

    def test_changes_before(self):
        old = self.create(name='old')
        # Built on 2020-01-01, changed on the 2nd.
        _store(old, created_at=datetime.datetime(2020, 1, 1),
               task_started_at=datetime.datetime(2020, 1, 1),
               updated_at=datetime.datetime(2020, 1, 2))
        self.create(name='new')
        query = '?changes-before=2020-01-03T00:00:00Z'
        self.assertEqual(['new', 'old'], self.list_names(query,
                                                         version='2.65'))
        self.assertEqual(['old'], self.list_names(query, version='2.66'))
        self.assertEqual(['old'], self.list_names(query, version='2.66',
                                                  detail=True))
        self.assertEqual([], self.list_names(
            '?changes-before=2020-01-01T12:00:00Z', version='2.66'))

    def test_changes_before_lists_deleted_servers(self):
        server_id = self.create(name='gone')
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        later = (timeutils.utcnow() + datetime.timedelta(hours=1)).strftime(
            '%Y-%m-%dT%H:%M:%SZ')
        resp = self.api('GET', '/servers/detail?changes-before=' + later,
                        persona='member', version='2.66')
        self.assertEqual(['DELETED'], [server['status'] for server
                                       in resp.json()['servers']])

    def test_changes_before_earlier_than_changes_since(self):
        resp = self.api('GET', '/servers?changes-since=2020-01-02T00:00:00Z'
                        '&changes-before=2020-01-01T00:00:00Z',
                        persona='member', version='2.66')
        self.assertFault(resp, 400, 'The value of changes-since must be '
                         'less than or equal to changes-before.')

    def test_changes_before_without_a_zone_is_utc(self):
        old = self.create(name='old')
        _store(old, created_at=datetime.datetime(2020, 1, 1),
               task_started_at=datetime.datetime(2020, 1, 1),
               updated_at=datetime.datetime(2020, 1, 2))
        self.assertEqual(['old'], self.list_names(
            '?changes-before=2020-01-02T00:00:00', version='2.66'))

    def test_changes_before_not_a_time(self):
        resp = self.api('GET', '/servers?changes-before=abc',
                        persona='member', version='2.66')
        self.assertFault(resp, 400, invalid_query(
            'changes-before', 'abc', "'abc' is not a 'date-time'"))

    # 2.67: volume_type in block_device_mapping_v2.

    def _bdm(self, **fields):
        mapping = {'source_type': 'image', 'uuid': CIRROS,
                   'destination_type': 'volume', 'boot_index': 0,
                   'volume_size': 1, 'volume_type': 'lvm'}
        mapping.update(fields)
        return [mapping]

    def test_volume_type_from_2_67(self):
        bdm = self._bdm()
        resp = self.create_with('2.66', block_device_mapping_v2=bdm)
        self.assertFault(resp, 400, invalid_field(
            0, bdm[0], "Additional properties are not allowed "
            "('volume_type' was unexpected)"))
        self.assertEqual(202, self.create_with(
            '2.67', block_device_mapping_v2=bdm).status)

    def test_volume_type_checks(self):
        resp = self.create_with('2.67', block_device_mapping_v2=self._bdm(
            volume_type=1))
        self.assertFault(resp, 400, invalid_field(
            'volume_type', 1, "1 is not of type 'string', 'null'"))
        resp = self.create_with('2.67', block_device_mapping_v2=self._bdm(
            source_type='volume'))
        self.assertFault(resp, 400, 'Block Device Mapping is Invalid: '
                         'Specifying volume type to existing volume is not '
                         'supported.')
        blank = self._bdm(source_type='blank', destination_type='local',
                          boot_index=-1)
        del blank[0]['uuid']
        resp = self.create_with('2.67', block_device_mapping_v2=blank)
        self.assertFault(resp, 400, 'Block Device Mapping is Invalid: '
                         'Specifying a volume_type with destination_type='
                         'local is not supported.')

    # 2.71: server_groups.

    def test_server_groups_in_show_and_update(self):
        resp = self.api('POST', '/os-server-groups', {'server_group': {
            'name': 'g', 'policies': ['anti-affinity']}}, persona='member')
        self.assertEqual(200, resp.status, resp)
        group_id = resp.json()['server_group']['id']
        grouped = self.created('2.71', hints={'group': group_id})
        alone = self.create()
        self.assertNotIn('server_groups', self.show(grouped, version='2.70'))
        self.assertEqual([group_id],
                         self.show(grouped, version='2.71')['server_groups'])
        self.assertEqual([], self.show(alone, version='2.71')['server_groups'])
        resp = self.update(grouped, '2.71', name='x')
        self.assertEqual([group_id], resp.json()['server']['server_groups'])
        self.assertNotIn('server_groups', self.update(
            grouped, '2.70', name='x').json()['server'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version=self.max_version())
        for server in resp.json()['servers']:
            self.assertNotIn('server_groups', server)

    # 2.73: locked_reason and the locked filter.

    def test_locked_reason(self):
        server_id = self.create()
        self.assertNotIn('locked_reason', self.show(server_id,
                                                    version='2.72'))
        self.assertIsNone(self.show(server_id,
                                    version='2.73')['locked_reason'])
        _store(server_id, locked_by='owner', locked_reason='maintenance')
        self.assertEqual('maintenance', self.show(
            server_id, version='2.73')['locked_reason'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.73')
        self.assertEqual(['maintenance'], [
            server['locked_reason'] for server in resp.json()['servers']])
        resp = self.update(server_id, '2.73', name='x')
        self.assertEqual('maintenance',
                         resp.json()['server']['locked_reason'])
        self.assertNotIn('locked_reason', self.update(
            server_id, '2.72', name='x').json()['server'])

    def test_locked_filter(self):
        locked = self.create(name='locked')
        _store(locked, locked_by='owner')
        self.create(name='free')
        self.assertEqual(['free', 'locked'], self.list_names(
            '?locked=true', version='2.72'))
        self.assertEqual(['locked'], self.list_names('?locked=true',
                                                     version='2.73'))
        self.assertEqual(['free'], self.list_names('?locked=0',
                                                   version='2.73'))
        resp = self.api('GET', '/servers?locked=maybe', persona='member',
                        version='2.73')
        self.assertFault(resp, 400, (
            "Unrecognized value 'maybe', acceptable values are: '0', '1', "
            "'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'"))

    def test_sort_by_locked(self):
        locked = self.create(name='locked')
        _store(locked, locked_by='owner')
        self.create(name='free')
        self.assertEqual(['free', 'locked'], self.list_names(
            '?sort_key=locked&sort_dir=asc', version='2.73'))
        self.assertEqual(['locked', 'free'], self.list_names(
            '?sort_key=locked&sort_dir=desc', version='2.73'))

    # 2.74: host and hypervisor_hostname.

    def test_create_on_a_requested_host(self):
        for fields in ({'host': 'compute2'},
                       {'hypervisor_hostname': 'compute2'},
                       {'host': 'compute2',
                        'hypervisor_hostname': 'compute2'}):
            server_id = self.created('2.74', 'admin', **fields)
            server = self.show(server_id, 'admin', '2.74')
            self.assertEqual('compute2', server['OS-EXT-SRV-ATTR:host'])

    def test_requested_host_before_2_74(self):
        resp = self.create_with('2.73', 'admin', host='compute2')
        self.assertFault(resp, 400, invalid_field('server', {
            'name': 's1', 'imageRef': CIRROS, 'flavorRef': '1',
            'networks': 'auto', 'host': 'compute2'},
            "Additional properties are not allowed ('host' was unexpected)"))

    def test_requested_host_is_for_administrators(self):
        resp = self.create_with('2.74', host='compute2')
        self.assertFault(resp, 403, test_servers.policy_refusal(
            'compute:servers:create:requested_destination'))

    def test_unknown_host_or_node(self):
        for fields, name in (({'host': 'nohost'}, 'nohost'),
                             ({'hypervisor_hostname': 'nonode'}, 'nonode'),
                             ({'host': 'compute1',
                               'hypervisor_hostname': 'compute2'},
                              'compute1')):
            resp = self.create_with('2.74', 'admin', **fields)
            self.assertFault(resp, 400,
                             'Compute host %s could not be found.' % name)

    def test_requested_host_with_a_forced_host(self):
        resp = self.create_with('2.74', 'admin', host='compute2',
                                availability_zone='nova:compute1')
        self.assertFault(resp, 400, (
            'One mechanism with host and/or hypervisor_hostname and another '
            'mechanism with zone:host:node are mutually exclusive.'))

    def test_zone_with_an_empty_host_names_no_host(self):
        self.assertEqual(202, self.create_with(
            '2.74', availability_zone='nova:').status)
        server_id = self.created('2.74', 'admin', host='compute2',
                                 availability_zone='nova:')
        self.assertEqual('compute2', self.show(
            server_id, 'admin', '2.74')['OS-EXT-SRV-ATTR:host'])

    def test_requested_host_not_a_host_name(self):
        resp = self.create_with('2.74', 'admin', host='a b')
        self.assertFault(resp, 400, invalid_field(
            'host', 'a b', "'a b' does not match '^[a-zA-Z0-9-._]*$'"))

    # 2.75: strict list queries, and update answers with the full view.

    def test_unknown_list_parameters(self):
        self.create()
        self.assertEqual(['s1'], self.list_names('?foo=1', version='2.74'))
        for path in ('/servers', '/servers/detail'):
            resp = self.api('GET', path + '?foo=1&bar=2', persona='member',
                            version='2.75')
            self.assertFault(resp, 400, "'bar', 'foo' do not match any of "
                             "the regexes: '^_'")

    def test_internal_filters_are_still_refused_at_2_75(self):
        resp = self.api('GET', '/servers?_foo=1', version='2.75')
        self.assertFault(resp, 400, 'Invalid filter field: _foo.')
        # A member's filters it may not use are dropped first.
        self.assertEqual([], self.list_names('?_foo=1', version='2.75'))

    def test_ignored_sort_keys_are_refused_from_2_75(self):
        self.create()
        self.assertEqual(['s1'], self.list_names('?sort_key=vcpus',
                                                 version='2.74'))
        resp = self.api('GET', '/servers?sort_key=vcpus', persona='member',
                        version='2.75')
        self.assertFault(resp, 400, invalid_query(
            'sort_key', 'vcpus', "'vcpus' is not one of %r" % [
                'created_at', 'power_state', 'instance_type_id',
                'display_name', 'terminated_at', 'task_state',
                'availability_zone', 'progress', 'ramdisk_id', 'image_ref',
                'access_ip_v4', 'config_drive', 'kernel_id', 'launched_at',
                'display_description', 'node', 'auto_disk_config', 'host',
                'locked', 'project_id', 'updated_at', 'launch_index',
                'root_device_name', 'locked_by', 'hostname', 'user_id',
                'access_ip_v6', 'key_name', 'vm_state', 'uuid']))

    def test_update_answers_with_the_show_view_from_2_75(self):
        server_id = self.create()
        for persona in ('member', 'admin'):
            before = self.update(server_id, '2.74', persona, name='x')
            self.assertNotIn('OS-EXT-STS:vm_state', before.json()['server'])
            resp = self.update(server_id, '2.75', persona, name='y')
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(self.show(server_id, persona, '2.75'),
                             resp.json()['server'])

    # 2.83: filters members may use.

    def test_filters_members_may_use_from_2_83(self):
        self.create()
        for query in ('?availability_zone=elsewhere',
                      '?user_id=someone-else', '?key_name=none'):
            self.assertEqual(['s1'], self.list_names(query, version='2.82'))
            self.assertEqual([], self.list_names(query, version='2.83'))
        self.assertEqual(['s1'], self.list_names('?availability_zone=nova',
                                                 version='2.83'))

    def test_task_state_power_state_and_config_drive_filters(self):
        rebooting = self.create(name='rebooting')
        self.create(name='built', config_drive=True)
        resp = self.action(rebooting, {'reboot': {'type': 'SOFT'}})
        self.assertEqual(202, resp.status, resp)
        self.durations(stop=0)
        stopped = self.create(name='stopped')
        self.assertEqual(202, self.action(stopped, {'os-stop': None}).status)
        self.assertEqual(['stopped'], self.list_names('?power_state=4',
                                                      version='2.83'))
        self.assertEqual(204, self.api('DELETE', '/servers/' + stopped,
                                       persona='member').status)
        for query, names in (('?task_state=rebooting', ['rebooting']),
                             ('?task_state=rebooting&task_state=x',
                              ['rebooting']),
                             ('?config_drive=True', ['built']),
                             ('?power_state=1', ['built', 'rebooting']),
                             ('?power_state=^[04]$', []),
                             ('?config_drive=^$', ['rebooting'])):
            self.assertEqual(['built', 'rebooting'],
                             self.list_names(query, version='2.82'))
            self.assertEqual(names, self.list_names(query, version='2.83'))

    def test_time_and_progress_filters(self):
        old = self.create(name='old')
        _store(old, created_at=datetime.datetime(2020, 1, 1, 12, 30),
               launched_at=datetime.datetime(2020, 1, 1, 12, 31),
               terminated_at=datetime.datetime(2020, 1, 2))
        self.create(name='new')
        for query, names in (('?created_at=^2020-01-01', ['old']),
                             ('?created_at=12:30', ['old']),
                             ('?launched_at=^2020', ['old']),
                             ('?terminated_at=2020-01-02', ['old']),
                             ('?created_at=^1999', []),
                             ('?progress=0', ['new', 'old']),
                             ('?progress=^[1-9]', [])):
            self.assertEqual(['new', 'old'],
                             self.list_names(query, version='2.82'))
            self.assertEqual(names, self.list_names(query, version='2.83'))

    def test_time_filters_take_regular_expressions_only(self):
        resp = self.api('GET', '/servers?created_at=[', persona='member',
                        version='2.83')
        self.assertFault(resp, 400, "Invalid input for query parameters "
                                    "created_at. Value: [. '[' is not a "
                                    "'regex'")

    def test_vm_state_deleted_lists_no_existing_server(self):
        # Nova answers 403 only for status=DELETED (vm_state ['deleted']
        # from the status); the vm_state parameter itself is a string
        # there, and matches none of the existing servers.
        self.create()
        self.assertEqual(['s1'], self.list_names('?vm_state=deleted',
                                                 version='2.82'))
        self.assertEqual([], self.list_names('?vm_state=deleted',
                                             version='2.83'))

    # 2.90 and 2.94: hostname.

    def test_create_with_a_hostname(self):
        server_id = self.created('2.90', hostname='web-1')
        self.assertEqual('web-1', self.show(
            server_id, 'admin', '2.90')['OS-EXT-SRV-ATTR:hostname'])

    def test_hostname_before_2_90(self):
        resp = self.create_with('2.89', hostname='web-1')
        self.assertFault(resp, 400, invalid_field('server', {
            'name': 's1', 'imageRef': CIRROS, 'flavorRef': '1',
            'networks': 'auto', 'hostname': 'web-1'},
            "Additional properties are not allowed ('hostname' was "
            "unexpected)"))

    def test_bad_hostnames_at_2_90(self):
        pattern = '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$'
        for hostname in ('a', 'a.b', '-ab'):
            resp = self.create_with('2.90', hostname=hostname)
            self.assertFault(resp, 400, invalid_field(
                'hostname', hostname, '%r does not match %r' % (hostname,
                                                                pattern)))
            server_id = self.create()
            resp = self.update(server_id, '2.90', hostname=hostname)
            self.assertFault(resp, 400, invalid_field(
                'hostname', hostname, '%r does not match %r' % (hostname,
                                                                pattern)))

    def test_fqdn_hostname_from_2_94(self):
        server_id = self.created('2.94', hostname='web.example.com')
        self.assertEqual('web.example.com', self.show(
            server_id, version='2.94')['OS-EXT-SRV-ATTR:hostname'])
        resp = self.update(server_id, '2.94', hostname='db_1.example.com')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual('db_1.example.com',
                         resp.json()['server']['OS-EXT-SRV-ATTR:hostname'])
        resp = self.create_with('2.94', hostname='a b')
        self.assertFault(resp, 400, invalid_field(
            'hostname', 'a b', "'a b' does not match '^[a-zA-Z0-9-._]*$'"))

    def test_one_hostname_for_many_servers(self):
        resp = self.create_with('2.94', hostname='web', max_count=2)
        self.assertFault(resp, 400, 'Unable to allocate a single hostname '
                         'to multiple instances')
        self.assertEqual(202, self.create_with('2.94', hostname='web',
                                               min_count=1,
                                               max_count=1).status)

    def test_update_hostname(self):
        server_id = self.create()
        resp = self.update(server_id, '2.89', hostname='web')
        self.assertFault(resp, 400, invalid_field(
            'server', {'hostname': 'web'}, "Additional properties are not "
            "allowed ('hostname' was unexpected)"))
        resp = self.update(server_id, '2.90', hostname='web')
        self.assertEqual('web',
                         resp.json()['server']['OS-EXT-SRV-ATTR:hostname'])

    def test_members_see_the_hostname_from_2_90(self):
        server_id = self.created('2.90', hostname='web-1')
        self.assertNotIn('OS-EXT-SRV-ATTR:hostname',
                         self.show(server_id, version='2.89'))
        self.assertEqual('web-1', self.show(
            server_id, version='2.90')['OS-EXT-SRV-ATTR:hostname'])
        self.assertNotIn('OS-EXT-SRV-ATTR:host',
                         self.show(server_id, version='2.90'))
        self.assertEqual(['s1'], self.list_names('?hostname=^web',
                                                 version='2.90'))
        self.assertEqual([], self.list_names('?hostname=^db',
                                             version='2.90'))
        self.assertEqual(['s1'], self.list_names('?hostname=^db',
                                                 version='2.89'))

    # 2.96: pinned_availability_zone.

    def test_pinned_availability_zone(self):
        pinned = self.created('2.96', availability_zone='nova')
        free = self.create()
        self.assertNotIn('pinned_availability_zone',
                         self.show(pinned, version='2.95'))
        self.assertEqual('nova', self.show(
            pinned, version='2.96')['pinned_availability_zone'])
        self.assertIsNone(self.show(
            free, version='2.96')['pinned_availability_zone'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.96')
        self.assertEqual([None, 'nova'], [
            server['pinned_availability_zone']
            for server in resp.json()['servers']])

    # 2.98: the image's properties.

    def test_image_properties(self):
        server_id = self.create()
        self.assertNotIn('properties', self.show(
            server_id, version='2.97')['image'])
        # os_version is not one of the properties Nova knows.
        expected = {'architecture': 'x86_64', 'os_distro': 'cirros',
                    'hw_disk_bus': 'virtio'}
        self.assertEqual(expected, self.show(
            server_id, version='2.98')['image']['properties'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.98')
        self.assertEqual(expected,
                         resp.json()['servers'][0]['image']['properties'])
        resp = self.update(server_id, '2.98', name='x')
        self.assertEqual(expected,
                         resp.json()['server']['image']['properties'])

    def test_image_properties_as_they_were_at_create(self):
        server_id = self.create()
        metadata = '/images/%s/metadata' % CIRROS
        resp = self.api('POST', metadata, {'metadata': {
            'os_distro': 'changed', 'hw_video_model': 'vga'}})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'POST', metadata,
                        {'metadata': {'os_distro': 'cirros'}})
        self.addCleanup(self.api, 'DELETE', metadata + '/hw_video_model')
        self.assertEqual(
            {'architecture': 'x86_64', 'os_distro': 'cirros',
             'hw_disk_bus': 'virtio'},
            self.show(server_id, version='2.98')['image']['properties'])

    # 2.100: scheduler_hints.

    def test_scheduler_hints(self):
        other = self.create()
        hinted = self.created('2.100', hints={
            'same_host': other, 'query': '["=", "$free_ram_mb", 1024]',
            'custom': 3, '_nova_check_type': 'x'})
        self.assertNotIn('scheduler_hints', self.show(hinted,
                                                      version='2.99'))
        expected = {'same_host': [other],
                    'query': ['["=", "$free_ram_mb", 1024]'],
                    'custom': ['3']}
        self.assertEqual(expected, self.show(
            hinted, version='2.100')['scheduler_hints'])
        self.assertEqual({}, self.show(other,
                                       version='2.100')['scheduler_hints'])
        resp = self.update(hinted, '2.100', name='x')
        self.assertEqual(expected, resp.json()['server']['scheduler_hints'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.100')
        self.assertEqual([expected, {}], [
            server['scheduler_hints'] for server in resp.json()['servers']])

    # 2.102: show refuses query parameters.

    def test_show_refuses_query_parameters_from_2_102(self):
        server_id = self.create()
        path = '/servers/%s?foo=1' % server_id
        resp = self.api('GET', path, persona='member', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, persona='member', version='2.102')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('foo' was unexpected)")
        resp = self.api('DELETE', path, persona='member', version='2.102')
        self.assertEqual(204, resp.status, resp)

    # 2.104: pinned_availability_zone on update.

    def test_pin_and_unpin(self):
        server_id = self.create()
        resp = self.update(server_id, '2.103',
                           pinned_availability_zone='nova')
        self.assertFault(resp, 400, invalid_field(
            'server', {'pinned_availability_zone': 'nova'},
            "Additional properties are not allowed "
            "('pinned_availability_zone' was unexpected)"))
        for zone in ('nova', 'nova', None, None):
            resp = self.update(server_id, '2.104',
                               pinned_availability_zone=zone)
            self.assertEqual(200, resp.status, resp)
            self.assertEqual(zone,
                             resp.json()['server']['pinned_availability_zone'])
            self.assertEqual(zone, self.show(
                server_id, version='2.104')['pinned_availability_zone'])

    def test_pin_to_another_zone(self):
        server_id = self.create()
        resp = self.update(server_id, '2.104',
                           pinned_availability_zone='elsewhere')
        self.assertFault(resp, 409, (
            "Server can only be pinned to its current availability zone "
            "'nova', but 'elsewhere' was requested."))
        pinned = self.created('2.104', availability_zone='nova')
        resp = self.update(pinned, '2.104',
                           pinned_availability_zone='elsewhere', name='new')
        self.assertFault(resp, 409, (
            'Cannot change pinned availability zone directly. Unpin first '
            'by setting pinned_availability_zone to null.'))
        self.assertEqual('s1', self.show(pinned, version='2.104')['name'])

    def test_pinned_zone_not_a_name(self):
        server_id = self.create()
        resp = self.update(server_id, '2.104', pinned_availability_zone='')
        self.assertFault(resp, 400, invalid_field(
            'pinned_availability_zone', '',
            "'' is not valid under any of the given schemas"))

    # Nova's samples, as far as this part's attributes go.

    def _sample(self, version, name):
        path = os.path.join(_SAMPLES, 'v' + version, name)
        if not os.path.exists(path):
            self.skipTest('no api_samples at %s' % path)
        with open(path) as f:
            body = json.load(f)
        return body['server'] if 'server' in body else body['servers'][0]

    def assert_like_sample(self, sample, server, admin=False):
        """Same names (but those of earlier versions; an administrator
        also sees the extended attributes) and value types (but the
        flavor's, embedded from 2.47)."""
        expected = set(sample) - _EARLIER_ATTRIBUTES
        if admin:
            expected |= test_servers.admin_only(test_servers.SHOW_FIELDS_V23)
        self.assertEqual(expected, set(server) - _EARLIER_ATTRIBUTES)
        for name in set(sample) & set(server) - {'flavor'}:
            if sample[name] is not None and server[name] is not None:
                self.assertIsInstance(server[name], type(sample[name]),
                                      name)

    def test_samples_at_2_100(self):
        other = self.create()
        server_id = self.created('2.100', availability_zone='nova',
                                 hostname='new-server-test',
                                 hints={'same_host': other})
        sample = self._sample('2.100', 'server-get-resp.json')
        server = self.show(server_id, 'admin', '2.100')
        self.assert_like_sample(sample, server, admin=True)
        self.assertEqual({'same_host': [other]}, server['scheduler_hints'])
        self.assertEqual(set(sample['image']), set(server['image']))
        self.assert_like_sample(sample, self.show(server_id, 'member',
                                                  '2.100'))
        update = self._sample('2.100', 'server-update-resp.json')
        resp = self.update(server_id, '2.100', name='new-server-test')
        self.assert_like_sample(update, resp.json()['server'])
        resp = self.api('GET', '/servers/detail', persona='member',
                        version='2.100')
        detail = self._sample('2.100', 'servers-details-resp.json')
        self.assert_like_sample(detail, resp.json()['servers'][-1])

    def test_samples_of_update_at_2_104(self):
        server_id = self.created('2.104', availability_zone='nova')
        sample = self._sample('2.104', 'server-update-resp.json')
        resp = self.update(server_id, '2.104', pinned_availability_zone=None)
        self.assertEqual(200, resp.status, resp)
        self.assert_like_sample(sample, resp.json()['server'])
