"""/os-services: the service records of the simulated deployment
(api_samples/os-services/): listing, enabling, disabling, forcing down
and deleting them, and what the scheduler makes of it."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_metadata

FORBIDDEN = ("Policy doesn't allow os_compute_api:os-services:%s to be "
             "performed.")
# The default configuration's services, in the order their records are
# created.
COMPUTE1 = {'binary': 'nova-compute', 'host': 'compute1', 'zone': 'nova'}
COMPUTE2 = {'binary': 'nova-compute', 'host': 'compute2', 'zone': 'nova'}
CONDUCTOR = {'binary': 'nova-conductor', 'host': 'conductor',
             'zone': 'internal'}
SCHEDULER = {'binary': 'nova-scheduler', 'host': 'scheduler',
             'zone': 'internal'}
MISSING_UUID = '6b1c5b4e-2f4b-4d6a-9c6e-1f7f0a9b8c7d'
NO_VALID_HOST = ('No valid host was found. There are not enough hosts '
                 'available.')


def _listed(service, id_, **changes):
    listed = dict(service, id=id_, status='enabled', state='up',
                  updated_at=None, disabled_reason=None)
    listed.update(changes)
    return listed


class ServicesTestV2(test_server_metadata.ServerHelpers, base.APITestCase):

    version = None

    def setUp(self):
        super().setUp()
        self.skip_if_remote('depends on the configured compute hosts')

    def call(self, method, path, body=None, persona='admin', version=None):
        return self.api(method, path, body, persona=persona,
                        version=version or self.version)

    def services(self, query='', version=None):
        resp = self.call('GET', '/os-services' + query, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['services']

    def test_list_shows_every_configured_service(self):
        self.assertEqual([_listed(COMPUTE1, 1), _listed(COMPUTE2, 2),
                          _listed(CONDUCTOR, 3), _listed(SCHEDULER, 4)],
                         self.services())

    def test_ids_are_stable(self):
        first = self.services()
        self.assertEqual(first, self.services())

    def test_list_filters_by_host_and_binary(self):
        self.assertEqual([_listed(COMPUTE2, 2)],
                         self.services('?host=compute2'))
        self.assertEqual([_listed(CONDUCTOR, 3)],
                         self.services('?binary=nova-conductor'))
        self.assertEqual([], self.services('?host=compute2&binary=x'))

    def test_list_ignores_unknown_parameters(self):
        self.assertEqual(4, len(self.services('?sort=host')))

    def test_a_member_is_refused(self):
        for method, path, body, rule in (
                ('GET', '/os-services', None, 'list'),
                ('PUT', '/os-services/enable',
                 {'host': 'compute1', 'binary': 'nova-compute'}, 'update'),
                ('PUT', '/os-services/disable',
                 {'host': 'compute1', 'binary': 'nova-compute'}, 'update'),
                ('PUT', '/os-services/disable-log-reason',
                 {'host': 'compute1', 'binary': 'nova-compute',
                  'disabled_reason': 'r'}, 'update'),
                ('DELETE', '/os-services/1', None, 'delete')):
            resp = self.call(method, path, body, persona='member')
            self.assertFault(resp, 403, FORBIDDEN % rule)

    def test_disable_and_enable(self):
        body = {'host': 'compute1', 'binary': 'nova-compute'}
        resp = self.call('PUT', '/os-services/disable', body)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'service': dict(body, status='disabled')},
                         resp.json())
        self.assertEqual(_listed(COMPUTE1, 1, status='disabled'),
                         self.services()[0])
        resp = self.call('PUT', '/os-services/enable', body)
        self.assertEqual({'service': dict(body, status='enabled')},
                         resp.json())
        self.assertEqual(_listed(COMPUTE1, 1), self.services()[0])

    def test_disable_with_a_reason(self):
        body = {'host': 'compute1', 'binary': 'nova-compute',
                'disabled_reason': 'maintenance'}
        resp = self.call('PUT', '/os-services/disable-log-reason', body)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'service': dict(body, status='disabled')},
                         resp.json())
        self.assertEqual(_listed(COMPUTE1, 1, status='disabled',
                                 disabled_reason='maintenance'),
                         self.services()[0])
        # Enabling clears the reason.
        self.call('PUT', '/os-services/enable',
                  {'host': 'compute1', 'binary': 'nova-compute'})
        self.assertEqual(_listed(COMPUTE1, 1), self.services()[0])

    def test_disable_ignores_a_reason(self):
        resp = self.call('PUT', '/os-services/disable', {
            'host': 'compute1', 'binary': 'nova-compute',
            'disabled_reason': 'ignored'})
        self.assertEqual({'service': {'host': 'compute1',
                                      'binary': 'nova-compute',
                                      'status': 'disabled'}}, resp.json())
        self.assertIsNone(self.services()[0]['disabled_reason'])

    def test_bad_updates(self):
        compute = {'host': 'compute1', 'binary': 'nova-compute'}
        for path, body, code, message in (
                ('disable-log-reason', compute, 400,
                 'Missing disabled reason field'),
                ('disable', {'host': 'conductor',
                             'binary': 'nova-conductor'}, 400,
                 'Updating a nova-conductor service is not supported. '
                 'Only nova-compute services can be updated.'),
                ('disable', {'host': 'nowhere', 'binary': 'nova-compute'},
                 404, "Host 'nowhere' is not mapped to any cell"),
                ('enable', {'host': 'compute1'}, 400, None),
                ('enable', dict(compute, disabled_reason=''), 400, None),
                ('enable', dict(compute, host='bad host'), 400, None)):
            resp = self.call('PUT', '/os-services/' + path, body)
            self.assertFault(resp, code, message)

    def test_an_unknown_action(self):
        # Before 2.53 the path names the action; Nova checks the body and
        # the policy first.
        compute = {'host': 'compute1', 'binary': 'nova-compute'}
        for path in ('unknown', 'Enable', 'enable-log-reason', '1',
                     'disable-log-reason-x'):
            resp = self.call('PUT', '/os-services/' + path, compute)
            self.assertFault(resp, 404, 'Unknown action')
            resp = self.call('PUT', '/os-services/' + path,
                             dict(compute, disabled_reason='why'))
            self.assertFault(resp, 404, 'Unknown action')
        self.assertEqual([_listed(COMPUTE1, 1), _listed(COMPUTE2, 2)],
                         self.services()[:2])

    def test_an_unknown_action_checks_the_body_first(self):
        for body in ({'host': 'compute1'}, {'binary': 'nova-compute'},
                     {'host': 'bad host', 'binary': 'nova-compute'},
                     {'host': 'compute1', 'binary': ''}):
            resp = self.call('PUT', '/os-services/unknown', body)
            self.assertFault(resp, 400, None)

    def test_an_unknown_action_checks_the_policy_first(self):
        resp = self.call('PUT', '/os-services/unknown', {
            'host': 'compute1', 'binary': 'nova-compute'}, persona='member')
        self.assertFault(resp, 403, FORBIDDEN % 'update')

    def test_delete_a_control_service(self):
        resp = self.call('DELETE', '/os-services/3')
        self.assertEqual(204, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertEqual([_listed(COMPUTE1, 1), _listed(COMPUTE2, 2),
                          _listed(SCHEDULER, 4)], self.services())
        # It stays deleted.
        self.assertFault(self.call('DELETE', '/os-services/3'), 404,
                         'Service 3 not found.')

    def test_delete_a_compute_service_with_servers(self):
        self.call('PUT', '/os-services/disable',
                  {'host': 'compute2', 'binary': 'nova-compute'})
        self.create_server()
        self.assertFault(
            self.call('DELETE', '/os-services/1'), 409,
            'Unable to delete compute service that is hosting instances. '
            'Migrate or delete the instances first.')
        self.assertEqual(204, self.call('DELETE', '/os-services/2').status)

    def test_delete_bad_ids(self):
        self.assertFault(self.call('DELETE', '/os-services/x'), 400,
                         'Invalid input received: id must be an integer')
        self.assertFault(self.call('DELETE', '/os-services/99'), 404,
                         'Service 99 not found.')

    def test_a_deleted_compute_service_takes_no_servers(self):
        self.assertEqual(204, self.call('DELETE', '/os-services/1').status)
        self.assertEqual([_listed(COMPUTE2, 2), _listed(CONDUCTOR, 3),
                          _listed(SCHEDULER, 4)], self.services())
        server = self.server_host(self.create_server())
        self.assertEqual('compute2', server)

    def server_host(self, server_id):
        resp = self.call('GET', '/servers/' + server_id)
        return resp.json()['server']['OS-EXT-SRV-ATTR:host']

    def test_a_disabled_host_takes_no_servers(self):
        self.call('PUT', '/os-services/disable',
                  {'host': 'compute1', 'binary': 'nova-compute'})
        for _ in range(2):
            self.assertEqual('compute2',
                             self.server_host(self.create_server()))

    def test_no_enabled_host_is_no_valid_host(self):
        for host in ('compute1', 'compute2'):
            self.call('PUT', '/os-services/disable',
                      {'host': host, 'binary': 'nova-compute'})
        server_id = self.create_server(wait=False)
        resp = self.call('GET', '/servers/' + server_id)
        server = resp.json()['server']
        self.assertEqual('ERROR', server['status'])
        self.assertEqual(NO_VALID_HOST, server['fault']['message'])
        self.assertEqual(500, server['fault']['code'])

    def test_a_zone_of_disabled_hosts_is_not_available(self):
        for host in ('compute1', 'compute2'):
            self.call('PUT', '/os-services/disable',
                      {'host': host, 'binary': 'nova-compute'})
        resp = self.call('GET', '/os-availability-zone', persona='member')
        self.assertEqual({'availabilityZoneInfo': [
            {'zoneName': 'nova', 'zoneState': {'available': False},
             'hosts': None}]}, resp.json())
        resp = self.call('POST', '/servers', {'server': {
            'name': 's', 'imageRef': test_server_metadata.IMAGE,
            'flavorRef': '1', 'availability_zone': 'nova'}},
            persona='member')
        self.assertFault(resp, 400, 'The requested availability zone is '
                                    'not available')


class ServicesTestV21(base.V21, ServicesTestV2):

    def test_force_down_at_2_11(self):
        body = {'host': 'compute1', 'binary': 'nova-compute',
                'forced_down': True}
        resp = self.call('PUT', '/os-services/force-down', body,
                         version='2.11')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'service': body}, resp.json())
        self.assertEqual(_listed(COMPUTE1, 1, state='down',
                                 forced_down=True),
                         self.services(version='2.11')[0])
        self.assertEqual('compute2', self.server_host(self.create_server()))
        body['forced_down'] = 'false'
        resp = self.call('PUT', '/os-services/force-down', body,
                         version='2.52')
        self.assertEqual({'service': dict(body, forced_down=False)},
                         resp.json())

    def test_force_down_is_not_there_before_2_11(self):
        compute = {'host': 'compute1', 'binary': 'nova-compute'}
        for version in ('2.1', '2.10'):
            resp = self.call('PUT', '/os-services/force-down', compute,
                             version=version)
            self.assertFault(resp, 404, 'Unknown action')
            # forced_down is no property of the body before 2.11.
            resp = self.call('PUT', '/os-services/force-down',
                             dict(compute, forced_down=True),
                             version=version)
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('forced_down' was unexpected)")
        self.assertFalse(self.services(version='2.11')[0]['forced_down'])

    def test_an_unknown_action_up_to_2_52(self):
        body = {'host': 'compute1', 'binary': 'nova-compute',
                'forced_down': True}
        for version in ('2.11', '2.52'):
            resp = self.call('PUT', '/os-services/unknown', body,
                             version=version)
            self.assertFault(resp, 404, 'Unknown action')
        resp = self.call('PUT', '/os-services/unknown', dict(
            body, status='disabled'), version='2.52')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('status' was unexpected)")

    def test_an_unknown_name_at_2_53_is_no_uuid(self):
        resp = self.call('PUT', '/os-services/unknown',
                         {'status': 'disabled'}, version='2.53')
        self.assertFault(resp, 400, 'Invalid uuid unknown')
        resp = self.call('PUT', '/os-services/unknown', {
            'host': 'compute1', 'binary': 'nova-compute'}, version='2.53')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                         "('binary', 'host' were unexpected)")

    def test_force_down_needs_the_field(self):
        resp = self.call('PUT', '/os-services/force-down', {
            'host': 'compute1', 'binary': 'nova-compute'}, version='2.11')
        self.assertFault(resp, 400, 'Missing forced_down field')

    def test_forced_down_is_listed_from_2_11(self):
        self.assertNotIn('forced_down', self.services(version='2.10')[0])
        self.assertIs(False, self.services(version='2.11')[0]['forced_down'])

    def test_uuid_ids_from_2_53(self):
        listed = self.services(version='2.53')
        self.assertEqual(4, len({service['id'] for service in listed}))
        self.assertEqual(_listed(COMPUTE1, listed[0]['id'],
                                 forced_down=False), listed[0])
        self.assertEqual(listed, self.services(version='2.100'))

    def test_update_at_2_53(self):
        uuid = self.services(version='2.53')[0]['id']
        resp = self.call('PUT', '/os-services/' + uuid, {
            'status': 'disabled', 'disabled_reason': 'maintenance',
            'forced_down': True}, version='2.53')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'service': _listed(
            COMPUTE1, uuid, status='disabled', state='down',
            disabled_reason='maintenance', forced_down=True)}, resp.json())
        resp = self.call('PUT', '/os-services/' + uuid, {
            'status': 'enabled', 'forced_down': 'no'}, version='2.53')
        self.assertEqual({'service': _listed(COMPUTE1, uuid,
                                             forced_down=False)},
                         resp.json())

    def test_bad_updates_at_2_53(self):
        listed = self.services(version='2.53')
        compute, conductor = listed[0]['id'], listed[2]['id']
        for service_id, body, code, message in (
                ('1', {'status': 'disabled'}, 400, 'Invalid uuid 1'),
                (MISSING_UUID, {'status': 'disabled'}, 404,
                 'Service %s could not be found.' % MISSING_UUID),
                (conductor, {'status': 'disabled'}, 400,
                 'Updating a nova-conductor service is not supported. '
                 'Only nova-compute services can be updated.'),
                (compute, {}, 400, "No updates were requested. Fields "
                 "'status' or 'forced_down' should be specified."),
                (compute, {'disabled_reason': 'r'}, 400, "No updates were "
                 "requested. Fields 'status' or 'forced_down' should be "
                 "specified."),
                (compute, {'status': 'enabled', 'disabled_reason': 'r'},
                 400, "Specifying 'disabled_reason' with status 'enabled' "
                 "is invalid."),
                (compute, {'status': 'off'}, 400, None),
                (compute, {'host': 'compute1'}, 400,
                 "Additional properties are not allowed ('host' was "
                 "unexpected)")):
            resp = self.call('PUT', '/os-services/' + service_id, body,
                             version='2.53')
            self.assertFault(resp, code, message)

    def test_member_is_refused_at_2_53(self):
        uuid = self.services(version='2.53')[0]['id']
        resp = self.call('PUT', '/os-services/' + uuid, {'status': 'enabled'},
                         persona='member', version='2.53')
        self.assertFault(resp, 403, FORBIDDEN % 'update')

    def test_the_old_routes_are_gone_at_2_53(self):
        # The name is taken as the service's id, and checked as one after
        # the body.
        for name in ('enable', 'disable', 'disable-log-reason',
                     'force-down'):
            resp = self.call('PUT', '/os-services/' + name, {
                'host': 'compute1', 'binary': 'nova-compute'},
                version='2.53')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('binary', 'host' were unexpected)")
            resp = self.call('PUT', '/os-services/' + name,
                             {'status': 'disabled'}, version='2.53')
            self.assertFault(resp, 400, 'Invalid uuid ' + name)
        resp = self.call('PUT', '/os-services/disable', {
            'status': 'disabled'}, version='2.53', persona='member')
        self.assertFault(resp, 400, 'Invalid uuid disable')
        self.assertEqual('enabled',
                         self.services(version='2.53')[0]['status'])

    def test_delete_by_uuid_from_2_53(self):
        uuid = self.services(version='2.53')[2]['id']
        self.assertFault(self.call('DELETE', '/os-services/3',
                                   version='2.53'), 400, 'Invalid uuid 3')
        resp = self.call('DELETE', '/os-services/' + uuid, version='2.53')
        self.assertEqual(204, resp.status, resp)
        self.assertFault(self.call('DELETE', '/os-services/' + MISSING_UUID,
                                   version='2.53'), 404,
                         'Service %s not found.' % MISSING_UUID)

    def test_unknown_query_parameters_are_refused_from_2_75(self):
        resp = self.call('GET', '/os-services?sort=host', version='2.75')
        self.assertFault(resp, 400, "Additional properties are not allowed "
                                    "('sort' was unexpected)")

    def test_requested_disabled_host_is_no_valid_host(self):
        self.call('PUT', '/os-services/disable',
                  {'host': 'compute1', 'binary': 'nova-compute'})
        resp = self.call('POST', '/servers', {'server': {
            'name': 's', 'imageRef': test_server_metadata.IMAGE,
            'flavorRef': '1', 'host': 'compute1', 'networks': 'auto'}},
            version='2.74')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        server = self.call('GET', '/servers/' + server_id).json()['server']
        self.assertEqual('ERROR', server['status'])
        self.assertEqual(NO_VALID_HOST, server['fault']['message'])

    def test_requested_deleted_host_is_not_found(self):
        self.call('DELETE', '/os-services/1')
        resp = self.call('POST', '/servers', {'server': {
            'name': 's', 'imageRef': test_server_metadata.IMAGE,
            'flavorRef': '1', 'host': 'compute1', 'networks': 'auto'}},
            version='2.74')
        self.assertFault(resp, 400, 'Compute host compute1 could not be '
                                    'found.')
