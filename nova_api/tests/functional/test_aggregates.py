"""os-aggregates: host aggregates, their hosts and metadata, and the
availability zones they give their hosts (api_samples/os-aggregates/)."""

from oslo_utils import uuidutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_server_metadata
from nova_api.tests.functional import test_servers

IMAGE = test_server_metadata.IMAGE
MISSING_IMAGE = '2b7a7a5e-0c58-4d1c-9a0c-3f4f5d1b0e77'
TIMESTAMP = r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$'


def _forbidden(rule):
    return "Policy doesn't allow %s to be performed." % rule


class AggregatesTestV2(test_server_metadata.ServerHelpers,
                       base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote('creates aggregates of the default hosts')

    def create(self, name='agg1', zone=None, version=None):
        aggregate = {'name': name}
        if zone is not None:
            aggregate['availability_zone'] = zone
        resp = self.api('POST', '/os-aggregates', {'aggregate': aggregate},
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['aggregate']

    def action(self, aggregate_id, body, version=None, persona='admin'):
        return self.api('POST', '/os-aggregates/%s/action' % aggregate_id,
                        body, version=version, persona=persona)

    def add_host(self, aggregate_id, host='compute1'):
        resp = self.action(aggregate_id, {'add_host': {'host': host}})
        self.assertEqual(200, resp.status, resp)
        return resp.json()['aggregate']

    def assertAggregate(self, aggregate, name, zone, hosts=None,
                        metadata=None):
        expected = {'id', 'name', 'availability_zone', 'created_at',
                    'updated_at', 'deleted_at', 'deleted'}
        if hosts is not None:
            expected |= {'hosts', 'metadata'}
        if self.is_v21 and 'uuid' in aggregate:
            expected.add('uuid')
        self.assertEqual(expected, set(aggregate))
        self.assertEqual(name, aggregate['name'])
        self.assertEqual(zone, aggregate['availability_zone'])
        self.assertIsNone(aggregate['deleted_at'])
        self.assertIs(False, aggregate['deleted'])
        self.assertRegex(aggregate['created_at'], TIMESTAMP)
        if hosts is not None:
            self.assertEqual(hosts, aggregate['hosts'])
            self.assertEqual(metadata or {}, aggregate['metadata'])

    # Create, list, show.

    def test_create_answers_without_hosts_and_metadata(self):
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': 'agg1', 'availability_zone': 'london'}})
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        aggregate = resp.json()['aggregate']
        self.assertAggregate(aggregate, 'agg1', 'london')
        self.assertIsNone(aggregate['updated_at'])
        self.assertNotIn('uuid', aggregate)

    def test_show_and_list(self):
        created = self.create('agg1', 'london')
        self.create('agg2')
        resp = self.api('GET', '/os-aggregates/%d' % created['id'])
        self.assertEqual(200, resp.status, resp)
        self.assertAggregate(resp.json()['aggregate'], 'agg1', 'london',
                             [], {'availability_zone': 'london'})
        resp = self.api('GET', '/os-aggregates')
        self.assertEqual(200, resp.status, resp)
        listed = resp.json()['aggregates']
        self.assertEqual(['agg1', 'agg2'], [a['name'] for a in listed])
        self.assertAggregate(listed[1], 'agg2', None, [], {})

    def test_list_is_empty(self):
        resp = self.api('GET', '/os-aggregates?foo=bar')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'aggregates': []}, resp.json())

    def test_duplicate_name_is_a_conflict(self):
        self.create('agg1')
        resp = self.api('POST', '/os-aggregates',
                        {'aggregate': {'name': 'agg1'}})
        self.assertFault(resp, 409, 'Aggregate agg1 already exists.')

    def test_bad_create_bodies(self):
        zone_error = ("Invalid input for field/attribute availability_zone. "
                      "Value: %s. %r is not valid under any of the given "
                      "schemas")
        for aggregate, message in [
                ({'name': 'a', 'availability_zone': 'a:b'},
                 zone_error % ('a:b', 'a:b')),
                ({'name': 'a', 'availability_zone': ''},
                 zone_error % ('', '')),
                ({}, "Invalid input for field/attribute aggregate. Value: "
                     "{}. 'name' is a required property"),
                ({'name': ''}, None), ({'name': 'x' * 256}, None),
                ({'name': 1}, None)]:
            resp = self.api('POST', '/os-aggregates',
                            {'aggregate': aggregate})
            self.assertFault(resp, 400, message)

    def test_name_and_zone_spaces_are_stripped_on_v2(self):
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': ' agg1 ', 'availability_zone': ' z1 '}})
        self.assertEqual(200, resp.status, resp)
        self.assertAggregate(resp.json()['aggregate'], 'agg1', 'z1')

    def test_ids_that_are_not_integers_or_not_there(self):
        for method, suffix, body in [
                ('GET', '', None), ('DELETE', '', None),
                ('PUT', '', {'aggregate': {'name': 'x'}}),
                ('POST', '/action', {'set_metadata': {'metadata': {}}}),
                ('POST', '/action', {'add_host': {'host': 'compute1'}})]:
            resp = self.api(method, '/os-aggregates/abc' + suffix, body)
            self.assertFault(resp, 400,
                             'Invalid input received: id must be an integer')
            resp = self.api(method, '/os-aggregates/42' + suffix, body)
            self.assertFault(resp, 404, 'Aggregate 42 could not be found.')
        resp = self.api('GET', '/os-aggregates/99999999999999')
        self.assertFault(resp, 404,
                         'Aggregate 99999999999999 could not be found.')

    # Update.

    def test_update_name_and_zone(self):
        created = self.create('agg1')
        resp = self.api('PUT', '/os-aggregates/%d' % created['id'], {
            'aggregate': {'name': ' newname ', 'availability_zone': 'nova2'}})
        self.assertEqual(200, resp.status, resp)
        aggregate = resp.json()['aggregate']
        self.assertAggregate(aggregate, 'newname', 'nova2', [],
                             {'availability_zone': 'nova2'})
        self.assertRegex(aggregate['updated_at'], TIMESTAMP)

    def test_update_the_zone_alone(self):
        created = self.create('agg1', 'london')
        self.add_host(created['id'])
        resp = self.api('PUT', '/os-aggregates/%d' % created['id'], {
            'aggregate': {'availability_zone': 'paris'}})
        self.assertEqual(200, resp.status, resp)
        self.assertAggregate(resp.json()['aggregate'], 'agg1', 'paris',
                             ['compute1'], {'availability_zone': 'paris'})
        self.assertEqual(['nova', 'paris'], self.zone_names())

    def test_bad_updates(self):
        created = self.create('agg1')
        self.create('agg2')
        path = '/os-aggregates/%d' % created['id']
        resp = self.api('PUT', path, {'aggregate': {}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "aggregate. Value: {}. {} is not valid under any "
                         "of the given schemas")
        resp = self.api('PUT', path, {'aggregate': {'name': 'agg2'}})
        self.assertFault(resp, 409, 'Aggregate agg2 already exists.')
        resp = self.api('PUT', path,
                        {'aggregate': {'availability_zone': None}})
        self.assertFault(resp, 400, 'Cannot update aggregate %d. Reason: '
                         'Aggregate agg1 does not support empty named '
                         'availability zone.' % created['id'])

    # Hosts.

    def test_add_and_remove_a_host(self):
        created = self.create('agg1', 'london')
        aggregate = self.add_host(created['id'])
        self.assertAggregate(aggregate, 'agg1', 'london', ['compute1'],
                             {'availability_zone': 'london'})
        resp = self.action(created['id'],
                           {'remove_host': {'host': 'compute1'}})
        self.assertEqual(200, resp.status, resp)
        self.assertAggregate(resp.json()['aggregate'], 'agg1', 'london',
                             [], {'availability_zone': 'london'})

    def test_host_errors(self):
        created = self.create('agg1')
        number = created['id']
        resp = self.action(number, {'add_host': {'host': 'nohost'}})
        self.assertFault(resp, 404, 'Compute host nohost could not be found.')
        self.add_host(number)
        resp = self.action(number, {'add_host': {'host': 'compute1'}})
        self.assertFault(resp, 409, 'Aggregate %d already has host '
                         'compute1.' % number)
        for host, aggregate_id in [('nohost', number), ('compute2', number),
                                   ('compute1', 42)]:
            resp = self.action(aggregate_id,
                               {'remove_host': {'host': host}})
            self.assertFault(resp, 404, 'Cannot remove host %s in aggregate '
                             '%s' % (host, aggregate_id))
        resp = self.action(number, {'add_host': {'host': 'bad host'}})
        self.assertFault(resp, 400, "Invalid input for field/attribute host. "
                         "Value: bad host. 'bad host' does not match "
                         "'^[a-zA-Z0-9-._]*$'")
        resp = self.action(number, {'foo': {}})
        self.assertFault(resp, 400, 'There is no such action: foo')
        resp = self.action(number, {'add_host': {}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "add_host. Value: {}. 'host' is a required property")

    def test_a_host_is_in_one_zone(self):
        london = self.create('agg1', 'london')
        paris = self.create('agg2', 'paris')
        self.add_host(london['id'])
        resp = self.action(paris['id'], {'add_host': {'host': 'compute1'}})
        self.assertFault(resp, 409, "Cannot add host to aggregate %d. "
                         "Reason: One or more hosts already in availability "
                         "zone(s) ['london']." % paris['id'])
        # An aggregate without a zone, or with the same one, takes it.
        self.add_host(self.create('agg3')['id'])
        self.add_host(self.create('agg4', 'london')['id'])
        resp = self.action(paris['id'], {'add_host': {'host': 'compute2'}})
        self.assertEqual(200, resp.status, resp)
        resp = self.action(paris['id'], {'set_metadata': {'metadata': {
            'availability_zone': 'london'}}})
        self.assertEqual(200, resp.status, resp)
        resp = self.api('PUT', '/os-aggregates/%d' % london['id'],
                        {'aggregate': {'availability_zone': 'rome'}})
        self.assertFault(resp, 400, "Cannot update aggregate %d. Reason: "
                         "One or more hosts already in availability "
                         "zone(s) ['london']." % london['id'])

    def test_a_host_with_servers_keeps_its_zone(self):
        server_id = self.create_server()
        host = self.api('GET', '/servers/' + server_id).json()['server'][
            'OS-EXT-SRV-ATTR:host']
        london = self.create('agg1', 'london')
        resp = self.action(london['id'], {'add_host': {'host': host}})
        self.assertFault(resp, 409, (
            "Cannot add host to aggregate %d. Reason: The host cannot be "
            "added to the aggregate as the availability zone of the host "
            "would change from 'None' to 'london' but the host already has "
            "1 instance(s). Changing the AZ of an existing instance is not "
            "supported by this action. Move the instances away from this "
            "host then try again. If you need to move the instances between "
            "AZs then you can use shelve_offload and unshelve to achieve "
            "this..") % london['id'])
        plain = self.create('agg2')
        self.add_host(plain['id'], host)
        resp = self.action(plain['id'], {'set_metadata': {'metadata': {
            'availability_zone': 'paris'}}})
        self.assertFault(resp, 400, "Cannot update metadata of aggregate "
                         "%d. Reason: One or more hosts contain instances in "
                         "this zone." % plain['id'])

    def test_removing_a_host_with_servers_from_its_zone(self):
        london = self.create('agg1', 'london')
        self.add_host(london['id'], 'compute1')
        self.add_host(london['id'], 'compute2')
        self.create_server()
        resp = self.action(london['id'],
                           {'remove_host': {'host': 'compute1'}})
        resp2 = self.action(london['id'],
                            {'remove_host': {'host': 'compute2'}})
        # The server is on one of them: that one stays.
        self.assertEqual([200, 409], sorted([resp.status, resp2.status]))
        refused = resp if resp.status == 409 else resp2
        self.assertIn("Cannot remove host from aggregate %d. Reason: The "
                      "host cannot be removed from the aggregate as the "
                      "availability zone of the host would change from "
                      "'london' to 'None' but the host already has 1 "
                      "instance(s)." % london['id'],
                      self.assertFault(refused, 409))

    # Metadata.

    def test_set_metadata_and_delete_a_key(self):
        created = self.create('agg1', 'london')
        resp = self.action(created['id'], {'set_metadata': {'metadata': {
            'key': 'value', 'other': 'x'}}})
        self.assertEqual(200, resp.status, resp)
        self.assertEqual({'availability_zone': 'london', 'key': 'value',
                          'other': 'x'}, resp.json()['aggregate']['metadata'])
        resp = self.action(created['id'], {'set_metadata': {'metadata': {
            'key': None, 'absent': None, 'other': 'y'}}})
        self.assertEqual(200, resp.status, resp)
        aggregate = resp.json()['aggregate']
        self.assertEqual({'availability_zone': 'london', 'other': 'y'},
                         aggregate['metadata'])
        self.assertRegex(aggregate['updated_at'], TIMESTAMP)

    def test_bad_metadata(self):
        created = self.create('agg1')
        resp = self.action(created['id'], {'set_metadata': {'metadata': {
            'availability_zone': None}}})
        self.assertFault(resp, 400, 'Cannot update metadata of aggregate '
                         '%d. Reason: Aggregate agg1 does not support empty '
                         'named availability zone.' % created['id'])
        resp = self.action(created['id'], {'set_metadata': {'metadata': {
            'bad/key': 'v'}}})
        # /v2 words it as Nova's relaxed validation does.
        reason = ("'bad/key' does not match any of the regexes: "
                  "'^[a-zA-Z0-9-_:. ]{1,255}$'" if self.is_v21 else
                  "Additional properties are not allowed ('bad/key' was "
                  "unexpected)")
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "metadata. Value: {'bad/key': 'v'}. " + reason)
        for metadata in [{'k': 'v' * 256}, {'k': 1},
                         {'': 'v'}]:
            resp = self.action(created['id'],
                               {'set_metadata': {'metadata': metadata}})
            self.assertFault(resp, 400)
        resp = self.action(created['id'], {'set_metadata': {}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "set_metadata. Value: {}. 'metadata' is a required "
                         "property")

    # Delete.

    def test_delete(self):
        created = self.create('agg1')
        self.add_host(created['id'])
        path = '/os-aggregates/%d' % created['id']
        resp = self.api('DELETE', path)
        self.assertFault(resp, 400, 'Cannot remove host from aggregate %d. '
                         'Reason: Host aggregate is not empty.'
                         % created['id'])
        self.action(created['id'], {'remove_host': {'host': 'compute1'}})
        resp = self.api('DELETE', path)
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(b'', resp.body)
        self.assertFault(self.api('GET', path), 404)
        # The name is free again.
        self.create('agg1')

    # Policy.

    def test_every_operation_is_the_administrators(self):
        created = self.create('agg1')
        one = '/os-aggregates/%d' % created['id']
        for method, path, body, rule in [
                ('GET', '/os-aggregates', None, 'index'),
                ('POST', '/os-aggregates', {'aggregate': {'name': 'x'}},
                 'create'),
                ('GET', one, None, 'show'),
                ('PUT', one, {'aggregate': {'name': 'x'}}, 'update'),
                ('DELETE', one, None, 'delete'),
                ('POST', one + '/action',
                 {'add_host': {'host': 'compute1'}}, 'add_host'),
                ('POST', one + '/action',
                 {'remove_host': {'host': 'compute1'}}, 'remove_host'),
                ('POST', one + '/action',
                 {'set_metadata': {'metadata': {}}}, 'set_metadata')]:
            resp = self.api(method, path, body, persona='member')
            self.assertFault(resp, 403, _forbidden(
                'os_compute_api:os-aggregates:%s' % rule))
        # The rule comes before the id.
        resp = self.api('GET', '/os-aggregates/abc', persona='member')
        self.assertFault(resp, 403, _forbidden(
            'os_compute_api:os-aggregates:show'))

    def test_images_are_not_served_on_v2(self):
        resp = self.api('POST', '/os-aggregates/1/images',
                        {'cache': [{'id': IMAGE}]})
        self.assertFault(resp, 404)

    # Zones.

    def zone_names(self):
        resp = self.api('GET', '/os-availability-zone')
        self.assertEqual(200, resp.status, resp)
        return sorted(zone['zoneName']
                      for zone in resp.json()['availabilityZoneInfo'])

    def test_a_host_moves_with_its_aggregate(self):
        created = self.create('agg1', 'london')
        self.add_host(created['id'], 'compute2')
        self.action(created['id'], {'remove_host': {'host': 'compute2'}})
        # Without the host, the zone is gone.
        self.assertEqual(['nova'], self.zone_names())
        self.add_host(created['id'], 'compute2')
        self.assertEqual(['london', 'nova'], self.zone_names())
        resp = self.api('GET', '/os-availability-zone/detail')
        zones = {zone['zoneName']: zone['hosts']
                 for zone in resp.json()['availabilityZoneInfo']}
        self.assertEqual(['compute2'], list(zones['london']))
        self.assertEqual(['compute1'], list(zones['nova']))
        resp = self.api('POST', '/servers', {'server': {
            'name': 's1', 'imageRef': IMAGE, 'flavorRef': '1',
            'availability_zone': 'london'}})
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        self.addCleanup(self.api, 'DELETE', '/servers/' + server_id)
        server = self.api('GET', '/servers/' + server_id).json()['server']
        self.assertEqual('compute2', server['OS-EXT-SRV-ATTR:host'])
        self.assertEqual('london', server['OS-EXT-AZ:availability_zone'])
        # The server keeps its host in the zone.
        resp = self.action(created['id'],
                           {'remove_host': {'host': 'compute2'}})
        self.assertFault(resp, 409)

    def test_a_server_shows_its_hosts_zone(self):
        created = self.create('agg1', 'london')
        self.add_host(created['id'], 'compute1')
        self.add_host(created['id'], 'compute2')
        server_id = self.create_server()
        server = self.api('GET', '/servers/' + server_id).json()['server']
        self.assertEqual('london', server['OS-EXT-AZ:availability_zone'])

    def test_a_zone_without_hosts_is_not_available(self):
        self.create('agg1', 'london')
        resp = self.api('POST', '/servers', {'server': {
            'name': 's1', 'imageRef': IMAGE, 'flavorRef': '1',
            'availability_zone': 'london'}})
        self.assertFault(resp, 400, 'The requested availability zone is not '
                         'available')


class AggregatesTestV21(base.V21, AggregatesTestV2):

    def test_uuid_from_2_41(self):
        resp = self.api('POST', '/os-aggregates',
                        {'aggregate': {'name': 'agg1'}}, version='2.40')
        self.assertNotIn('uuid', resp.json()['aggregate'])
        resp = self.api('POST', '/os-aggregates',
                        {'aggregate': {'name': 'agg2'}}, version='2.41')
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.41')
        aggregate = resp.json()['aggregate']
        self.assertTrue(uuidutils.is_uuid_like(aggregate['uuid']))
        for path in ('/os-aggregates/%d' % aggregate['id'], '/os-aggregates'):
            resp = self.api('GET', path, version='2.41')
            self.assertIn(aggregate['uuid'], resp.body.decode())
            resp = self.api('GET', path, version='2.40')
            self.assertNotIn(aggregate['uuid'], resp.body.decode())
        resp = self.action(aggregate['id'], {'add_host': {
            'host': 'compute1'}}, version='2.41')
        self.assertEqual(aggregate['uuid'],
                         resp.json()['aggregate']['uuid'])

    def test_unknown_query_parameters_from_2_102(self):
        created = self.create('agg1')
        for path in ('/os-aggregates', '/os-aggregates/%d' % created['id']):
            resp = self.api('GET', path + '?foo=1', version='2.101')
            self.assertEqual(200, resp.status, resp)
            resp = self.api('GET', path + '?foo=1', version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                             "allowed ('foo' was unexpected)")

    def test_cache_images(self):
        created = self.create('agg1')
        path = '/os-aggregates/%d/images' % created['id']
        body = {'cache': [{'id': IMAGE}]}
        resp = self.api('POST', path, body, version='2.80')
        self.assertFault(resp, 404)
        resp = self.api('POST', path, body, version='2.81')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(b'', resp.body)

    def test_bad_cache_requests(self):
        created = self.create('agg1')
        path = '/os-aggregates/%d/images' % created['id']
        for body, code, message in [
                ({'cache': [{'id': IMAGE}, {'id': IMAGE}]}, 400,
                 'Duplicate images in request'),
                ({'cache': [{'id': MISSING_IMAGE}]}, 400,
                 'Image %s could not be found.' % MISSING_IMAGE),
                ({'cache': []}, 400, None),
                ({'cache': [{'id': 'not-a-uuid'}]}, 400, None),
                ({'cache': [{'id': IMAGE, 'x': 1}]}, 400, None),
                ({}, 400, None)]:
            resp = self.api('POST', path, body, version='2.81')
            self.assertFault(resp, code, message)
        for aggregate_id, code, message in [
                ('abc', 400, 'Invalid input received: id must be an integer'),
                ('42', 404, 'Aggregate 42 could not be found.')]:
            resp = self.api('POST', '/os-aggregates/%s/images' % aggregate_id,
                            {'cache': [{'id': IMAGE}]}, version='2.81')
            self.assertFault(resp, code, message)
        resp = self.api('POST', path, {'cache': [{'id': IMAGE}]},
                        version='2.81', persona='member')
        self.assertFault(resp, 403,
                         _forbidden('compute:aggregates:images'))

    def test_internal_zone_is_accepted_as_nova_does(self):
        created = self.create('agg1', 'internal')
        self.assertEqual('internal', created['availability_zone'])
        self.add_host(created['id'], 'compute2')
        # The list hides the internal zone; the detail shows its hosts.
        self.assertEqual(['nova'], self.zone_names())
        resp = self.api('GET', '/os-availability-zone/detail')
        zones = {zone['zoneName']: zone['hosts']
                 for zone in resp.json()['availabilityZoneInfo']}
        self.assertEqual({'nova-compute'}, set(zones['internal']['compute2']))

    def test_create_zone_from_v21_refuses_spaces(self):
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': 'a', 'availability_zone': ' z1'}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "availability_zone. Value:  z1. ' z1' is not valid "
                         "under any of the given schemas")

    def test_unknown_properties_are_refused(self):
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': 'a', 'foo': 1}})
        self.assertFault(resp, 400, "Invalid input for field/attribute "
                         "aggregate. Value: {'name': 'a', 'foo': 1}. "
                         "Additional properties are not allowed ('foo' was "
                         "unexpected)")

    def test_name_and_zone_spaces_are_stripped_on_v2(self):
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': ' agg1 '}})
        self.assertFault(
            resp, 400, "An invalid 'name' value was provided. The name "
            "must be: printable characters. Can not start or end with "
            "whitespace.")


class AggregateZoneUnshelveTestV277(base.V21, test_servers.ServerHelpers,
                                    base.APITestCase):
    """An offloaded server unshelved (2.77) into a zone an aggregate gave
    a host after the server was shelved."""

    def setUp(self):
        super().setUp()
        self.skip_if_remote('creates aggregates of the default hosts')
        self.durations(build=0, shelve=0, shelve_offload=0, unshelve=0)
        self.conf.config(shelved_offload_time=0)

    def test_unshelve_into_an_aggregates_zone(self):
        server_id = self.create()
        resp = self.action(server_id, {'shelve': None})
        self.assertEqual(202, resp.status, resp)
        resp = self.api('POST', '/os-aggregates', {'aggregate': {
            'name': 'agg1', 'availability_zone': 'london'}})
        number = resp.json()['aggregate']['id']
        resp = self.api('POST', '/os-aggregates/%d/action' % number,
                        {'add_host': {'host': 'compute2'}})
        self.assertEqual(200, resp.status, resp)
        resp = self.action(server_id, {'unshelve': {
            'availability_zone': 'london'}}, 'member', '2.77')
        self.assertEqual(202, resp.status, resp)
        server = self.show(server_id, 'admin', version='2.77')
        self.assertEqual(('ACTIVE', 'london', 'compute2'), (
            server['status'], server['OS-EXT-AZ:availability_zone'],
            server['OS-EXT-SRV-ATTR:host']))
