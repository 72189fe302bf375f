"""/servers from 2.16 to 2.65: host_status (2.16), description (2.19),
device tags (2.32, 2.33, 2.37, 2.42), networks "auto" and "none" (2.37),
the status filter check (2.38), the embedded flavor (2.47), no
personality (2.57) and trusted image certificates (2.63); trigger_crash_dump
(2.17) is not served and answers as any unknown action.

Each change is tested at the version before it and at its own. Expected
messages are those the real Nova answered for the same request.
"""

import json
import os

from nova_api.api import microversion
from nova_api.db import api as db_api
from nova_api.db import servers as servers_db
from nova_api import context as nova_context
from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

CIRROS = test_servers.CIRROS
NETWORK_ID = test_servers.NETWORK_ID
SERVERS = 'os_compute_api:servers:%s'
_NETWORKS_REQUIRED = microversion.APIVersionRequest('2.37')

_SAMPLES = os.path.join(os.path.dirname(__file__), '..', '..', '..', '..',
                        'shared', 'reference', 'api_samples', 'servers')


def _sample(version, name):
    with open(os.path.join(_SAMPLES, 'v' + version, name)) as f:
        return json.load(f)


def _without_tags(fields):
    # Server tags (2.26) are the tags part's, tested there.
    return set(fields) - {'tags'}


def _schema_refusal(field, value, reason):
    return 'Invalid input for field/attribute %s. Value: %s. %s' % (
        field, value, reason)


class ServersV216ToV265TestV2(test_servers.ServerHelpers, base.APITestCase):
    """What /v2 (2.0) keeps of the 2.1 server."""

    def test_views_have_none_of_the_later_fields(self):
        server_id = self.create(name='web')
        server = self.show(server_id, 'admin')
        for name in ('host_status', 'description',
                     'trusted_image_certificates'):
            self.assertNotIn(name, server)
        self.assertEqual({'id', 'links'}, set(server['flavor']))


class ServersV216ToV265TestV21(base.V21, ServersV216ToV265TestV2):

    def post(self, version, persona='member', **fields):
        return self.post_server(persona, version, **fields)

    def update(self, server_id, fields, version, persona='member'):
        return self.api('PUT', '/servers/' + server_id,
                        {'server': fields}, persona=persona,
                        version=version)

    def detail(self, version, persona='member', query=''):
        resp = self.api('GET', '/servers/detail' + query, persona=persona,
                        version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['servers']

    def assert_sample_fields(self, version, name, server, missing=()):
        sample = _sample(version, name)
        expected = _without_tags(sample.get('server', sample.get(
            'servers', [{}])[0])) - set(missing)
        self.assertEqual(expected, _without_tags(server), (version, name))

    # 2.16 host_status.

    def test_host_status_at_2_16(self):
        server_id = self.create()
        self.assertNotIn('host_status', self.show(server_id, 'admin', '2.15'))
        server = self.show(server_id, 'admin', '2.16')
        self.assertEqual('UP', server['host_status'])
        self.assert_sample_fields('2.16', 'server-get-resp.json', server)
        self.assertNotIn('host_status', self.show(server_id, 'member',
                                                  '2.16'))
        [listed] = self.detail('2.16', 'admin', '?all_tenants=1')
        self.assertEqual('UP', listed['host_status'])
        self.assert_sample_fields('2.16', 'servers-details-resp.json',
                                  listed)
        self.assertNotIn('host_status', self.detail('2.16')[0])
        # An update shows no host status before 2.75.
        resp = self.update(server_id, {'name': 'x'}, '2.16', 'admin')
        self.assertEqual(200, resp.status, resp)
        self.assertNotIn('host_status', resp.json()['server'])

    def test_host_status_without_a_host(self):
        self.conf.config(hosts=['small:nova:1:1024:10'], group='simulated')
        server_id = self.create(flavorRef='2')
        server = self.show(server_id, 'admin', '2.16')
        self.assertEqual('ERROR', server['status'])
        self.assertEqual('', server['host_status'])

    def test_host_status_of_a_host_no_longer_configured(self):
        server_id = self.create()
        host = self.show(server_id, 'admin')['OS-EXT-SRV-ATTR:host']
        self.conf.config(hosts=['other:nova:8:16384:100'], group='simulated')
        self.assertNotEqual('other', host)
        self.assertEqual('', self.show(server_id, 'admin',
                                       '2.16')['host_status'])

    def test_host_status_by_policy(self):
        server_id = self.create()
        self.use_policy_file({SERVERS % 'show:host_status': '@'})
        self.assertEqual('UP', self.show(server_id, 'member',
                                         '2.16')['host_status'])
        self.assertEqual('UP', self.detail('2.16')[0]['host_status'])
        # Allowed only UNKNOWN: an UP host is not shown.
        self.use_policy_file({SERVERS % 'show:host_status': '!',
                              SERVERS % 'show:host_status:unknown-only': '@'})
        self.assertNotIn('host_status', self.show(server_id, 'admin',
                                                  '2.16'))
        self.assertNotIn('host_status', self.detail('2.16')[0])

    # 2.17 trigger_crash_dump (test_crash_dump has the rest).

    def test_trigger_crash_dump_from_2_17(self):
        server_id = self.create()
        resp = self.action(server_id, {'trigger_crash_dump': None},
                           version='2.16')
        self.assertFault(resp, 404, 'The resource could not be found.')
        for version in ('2.17', '2.65'):
            resp = self.action(server_id, {'trigger_crash_dump': None},
                               version=version)
            self.assertEqual(202, resp.status, resp)
            resp = self.action(server_id, {'foo_bar': None},
                               version=version)
            self.assertFault(resp, 400, 'There is no such action: foo_bar')

    # 2.19 description.

    def test_description_at_2_19(self):
        resp = self.post('2.19', description='the web server')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        server = self.show(server_id, 'admin', '2.19')
        self.assertEqual('the web server', server['description'])
        self.assert_sample_fields('2.19', 'server-get-resp.json', server)
        self.assertEqual('the web server',
                         self.detail('2.19')[0]['description'])
        self.assertNotIn('description', self.show(server_id, version='2.18'))
        resp = self.update(server_id, {'description': 'now the db'}, '2.19')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual('now the db', resp.json()['server']['description'])
        self.assert_sample_fields('2.19', 'server-put-resp.json',
                                  resp.json()['server'])
        resp = self.update(server_id, {'description': None}, '2.19')
        self.assertIsNone(resp.json()['server']['description'])
        self.assertIsNone(self.show(server_id, version='2.19')['description'])
        self.assertNotIn('description', self.update(
            server_id, {'name': 'x'}, '2.18').json()['server'])

    def test_description_is_null_when_not_given(self):
        server_id = self.create(version='2.19', name='web')
        self.assertIsNone(self.show(server_id, version='2.19')['description'])

    def test_before_2_19_the_description_is_the_name(self):
        server_id = self.create(version='2.18', name='web')
        self.assertEqual('web', self.show(server_id,
                                          version='2.19')['description'])
        # Renaming leaves it.
        self.update(server_id, {'name': 'db'}, '2.18')
        self.assertEqual('web', self.show(server_id,
                                          version='2.19')['description'])

    def test_description_is_refused_before_2_19(self):
        resp = self.post('2.18', description='d')
        self.assertFault(resp, 400, _schema_refusal(
            'server', "{'name': 's1', 'imageRef': '%s', 'flavorRef': '1', "
            "'description': 'd'}" % CIRROS,
            "Additional properties are not allowed ('description' was "
            "unexpected)"))
        server_id = self.create()
        resp = self.update(server_id, {'description': 'd'}, '2.18')
        self.assertFault(resp, 400, _schema_refusal(
            'server', "{'description': 'd'}",
            "Additional properties are not allowed ('description' was "
            "unexpected)"))

    def test_bad_descriptions(self):
        server_id = self.create()
        long = 'x' * 256
        for value, message in (
                (long, _schema_refusal('description', long,
                                       "'%s' is too long" % long)),
                (5, _schema_refusal('description', 5,
                                    "5 is not of type 'string', 'null'"))):
            self.assertFault(self.post('2.19', description=value), 400,
                             message)
            self.assertFault(self.update(server_id, {'description': value},
                                         '2.19'), 400, message)
        # A control character: the message quotes Nova's whole pattern.
        message = self.assertFault(self.post('2.19', description='x\x01y'),
                                   400)
        self.assertTrue(message.startswith(
            "Invalid input for field/attribute description. Value: x\x01y. "
            "'x\\x01y' does not match '^[\\\\ -\\\\~\\xa0-"), message)
        self.assertEqual(202, self.post('2.19', description='').status)

    # 2.32 to 2.42 device tags.

    def stored_network_info(self, server_id):
        context = nova_context.get_admin_context()
        with db_api.context_manager.reader.connection.using(context):
            return servers_db.get(context, server_id).network_info

    def test_network_tags_per_version(self):
        networks = [{'uuid': NETWORK_ID, 'tag': 'nic1'}]
        refusal = _schema_refusal(
            'networks', str(networks), '%s is not valid under any of the '
            'given schemas' % networks)
        for version, message in (
                ('2.31', _schema_refusal('0', str(networks[0]), (
                    "Additional properties are not allowed ('tag' was "
                    "unexpected)"))),
                ('2.37', refusal), ('2.41', refusal)):
            self.assertFault(self.post(version, networks=networks), 400,
                             message)
        for version in ('2.32', '2.36', '2.42', '2.65'):
            resp = self.post(version, networks=networks)
            self.assertEqual(202, resp.status, (version, resp))
            server_id = resp.json()['server']['id']
            # The port's IPv4 and IPv6 addresses.
            entries = self.stored_network_info(server_id)
            self.assertEqual([4, 6], [entry[2] for entry in entries])
            self.assertEqual(['nic1', 'nic1'],
                             [entry[4] for entry in entries])
            addresses = self.show(server_id, version=version)['addresses']
            self.assertEqual([entry[1] for entry in entries],
                             [address['addr'] for address in
                              addresses['private']])

    def test_block_device_tags_per_version(self):
        device = {'uuid': CIRROS, 'source_type': 'image',
                  'destination_type': 'local', 'boot_index': 0,
                  'tag': 'disk1'}
        refusal = _schema_refusal('0', str(device), (
            "Additional properties are not allowed ('tag' was unexpected)"))
        for version in ('2.31', '2.33', '2.41'):
            resp = self.post(version, block_device_mapping_v2=[device],
                             **self.networks_of(version))
            self.assertFault(resp, 400, refusal)
        for version in ('2.32', '2.42'):
            resp = self.post(version, block_device_mapping_v2=[device],
                             **self.networks_of(version))
            self.assertEqual(202, resp.status, (version, resp))

    def networks_of(self, version):
        # From 2.37 a create must name its networks.
        if microversion.APIVersionRequest(version) < _NETWORKS_REQUIRED:
            return {}
        return {'networks': 'auto'}

    def test_bad_network_tags(self):
        for tag in ('a/b', 'a,b', '', 'x' * 61):
            networks = [{'uuid': NETWORK_ID, 'tag': tag}]
            self.assertFault(self.post('2.42', networks=networks), 400,
                             _schema_refusal(
                                 'networks', str(networks),
                                 '%s is not valid under any of the given '
                                 'schemas' % networks))
            self.assertFault(self.post('2.32', networks=networks), 400)
        networks = [{'uuid': NETWORK_ID, 'tag': 'x' * 60}]
        self.assertEqual(202, self.post('2.42', networks=networks).status)

    # 2.37 networks: required, "auto" or "none".

    def test_networks_are_required_from_2_37(self):
        self.assertEqual(202, self.post('2.36').status)
        resp = self.post('2.37', networks=None)
        self.assertFault(resp, 400, _schema_refusal(
            'server', "{'name': 's1', 'imageRef': '%s', 'flavorRef': '1'}"
            % CIRROS, "'networks' is a required property"))

    def test_networks_auto(self):
        resp = self.post('2.37', networks='auto')
        self.assertEqual(202, resp.status, resp)
        server = self.show(resp.json()['server']['id'], version='2.37')
        self.assertEqual([4, 6], [address['version'] for address in
                                  server['addresses']['private']])
        self.assertEqual(set(_sample('2.37', 'server-create-resp.json')[
            'server']), set(resp.json()['server']))

    def test_networks_none(self):
        resp = self.post('2.37', networks='none')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        self.assertEqual({}, self.show(server_id, version='2.37')['addresses'])
        self.assertIsNone(self.stored_network_info(server_id))
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_networks_list_from_2_37(self):
        resp = self.post('2.37', networks=[{'uuid': NETWORK_ID}])
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(202, self.post('2.37', networks=[]).status)

    def test_networks_auto_and_none_are_strings_before_2_37(self):
        for value in ('auto', 'none'):
            self.assertFault(self.post('2.36', networks=value), 400,
                             _schema_refusal('networks', value,
                                             "'%s' is not of type 'array'"
                                             % value))

    def test_bad_networks_at_2_37(self):
        for networks in ('foo', [{'uuid': 'bad'}], [{'uuid': 'auto'}]):
            self.assertFault(self.post('2.37', networks=networks), 400,
                             _schema_refusal(
                                 'networks', networks,
                                 '%r is not valid under any of the given '
                                 'schemas' % (networks,)))
        # Before 2.37 the controller checks the uuid.
        self.assertFault(self.post('2.36', networks=[{'uuid': 'bad'}]), 400,
                         'Bad networks format: network uuid is not in '
                         'proper format (bad)')

    def test_networks_none_needs_no_right_to_attach_a_network(self):
        self.use_policy_file({SERVERS % 'create:attach_network': '!'})
        self.assertEqual(202, self.post('2.37', networks='none').status)
        for networks in ('auto', [{'uuid': NETWORK_ID}]):
            self.assertFault(
                self.post('2.37', networks=networks), 403,
                test_servers.policy_refusal(SERVERS % 'create:attach_network'))
        # No networks at all (the default) needs none either.
        self.assertEqual(202, self.post('2.36').status)

    # 2.38 status filter.

    def test_invalid_status_filter(self):
        self.create()
        for path in ('/servers', '/servers/detail'):
            for persona in ('member', 'admin'):
                resp = self.api('GET', path + '?status=bogus',
                                persona=persona, version='2.38')
                self.assertFault(resp, 400, 'Invalid status value')
                resp = self.api('GET', path + '?status=bogus',
                                persona=persona, version='2.37')
                self.assertEqual(200, resp.status, resp)
                self.assertEqual([], resp.json()['servers'])

    def test_invalid_filter_fields_are_refused_before_statuses(self):
        resp = self.api('GET', '/servers?status=bogus&_foo=1',
                        version='2.38')
        self.assertFault(resp, 400, 'Invalid filter field: _foo.')

    def test_status_filter_with_one_valid_status(self):
        self.create()
        resp = self.api('GET', '/servers?status=bogus&status=active',
                        persona='member', version='2.38')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(1, len(resp.json()['servers']))
        # A status no server here can be in is still a status.
        resp = self.api('GET', '/servers?status=PAUSED', persona='member',
                        version='2.38')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual([], resp.json()['servers'])

    # 2.47 embedded flavor.

    def set_extra_specs(self, flavor_id, specs):
        resp = self.api('POST', '/flavors/%s/os-extra_specs' % flavor_id,
                        {'extra_specs': specs})
        self.assertEqual(200, resp.status, resp)

    def test_embedded_flavor_at_2_47(self):
        self.set_extra_specs('1', {'hw:numa_nodes': '1'})
        server_id = self.create()
        flavor = {'original_name': 'm1.tiny', 'vcpus': 1, 'ram': 512,
                  'disk': 1, 'ephemeral': 0, 'swap': 0,
                  'extra_specs': {'hw:numa_nodes': '1'}}
        self.assertEqual({'id', 'links'},
                         set(self.show(server_id, version='2.46')['flavor']))
        server = self.show(server_id, 'admin', '2.47')
        self.assertEqual(flavor, server['flavor'])
        self.assert_sample_fields('2.47', 'server-get-resp.json', server)
        self.assertEqual(flavor, self.show(server_id, version='2.47')[
            'flavor'])
        self.assertEqual(flavor, self.detail('2.47')[0]['flavor'])
        resp = self.update(server_id, {'name': 'x'}, '2.47')
        self.assertEqual(flavor, resp.json()['server']['flavor'])
        self.assert_sample_fields('2.47', 'server-update-resp.json',
                                  resp.json()['server'])

    def test_embedded_flavors_of_a_page(self):
        first = self.create(flavorRef='1')
        second = self.create(flavorRef='2')
        listed = {server['id']: server['flavor']
                  for server in self.detail('2.47')}
        self.assertEqual('m1.tiny', listed[first]['original_name'])
        self.assertEqual('m1.small', listed[second]['original_name'])
        self.assertEqual(2048, listed[second]['ram'])
        self.assertEqual({}, listed[second]['extra_specs'])

    def test_extra_specs_by_policy(self):
        self.set_extra_specs('1', {'hw:numa_nodes': '1'})
        server_id = self.create()
        self.use_policy_file({SERVERS % 'show:flavor-extra-specs': '!'})
        self.assertNotIn('extra_specs', self.show(server_id, 'admin',
                                                  '2.47')['flavor'])
        self.assertNotIn('extra_specs', self.detail('2.47')[0]['flavor'])
        resp = self.update(server_id, {'name': 'x'}, '2.47')
        self.assertNotIn('extra_specs', resp.json()['server']['flavor'])

    def test_flavor_deleted_since(self):
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': 'short-lived', 'ram': 256, 'vcpus': 1, 'disk': 1,
            'id': 'gone'}})
        self.assertEqual(200, resp.status, resp)
        server_id = self.create(flavorRef='gone')
        self.assertEqual('short-lived', self.show(server_id, version='2.47')[
            'flavor']['original_name'])
        self.assertEqual(202, self.api('DELETE', '/flavors/gone').status)
        # The server keeps its flavor as it was created with it.
        self.assertEqual(
            {'original_name': 'short-lived', 'vcpus': 1, 'ram': 256,
             'disk': 1, 'ephemeral': 0, 'swap': 0, 'extra_specs': {}},
            self.show(server_id, version='2.47')['flavor'])

    def test_flavor_extra_specs_as_they_were_at_create(self):
        resp = self.api('POST', '/flavors', {'flavor': {
            'name': 'specced', 'ram': 256, 'vcpus': 1, 'disk': 1,
            'id': 'specced'}})
        self.assertEqual(200, resp.status, resp)
        self.addCleanup(self.api, 'DELETE', '/flavors/specced')
        specs = '/flavors/specced/os-extra_specs'
        self.assertEqual(200, self.api('POST', specs, {'extra_specs': {
            'hw:cpu_policy': 'dedicated'}}).status)
        server_id = self.create(flavorRef='specced')
        self.assertEqual(200, self.api('POST', specs, {'extra_specs': {
            'hw:cpu_policy': 'shared', 'hw:mem_page_size': 'large'}}).status)
        self.assertEqual({'hw:cpu_policy': 'dedicated'}, self.show(
            server_id, 'admin', '2.47')['flavor']['extra_specs'])

    # 2.57 personality.

    def test_personality_is_refused_from_2_57(self):
        files = [{'path': '/etc/motd', 'contents': 'aGk='}]
        self.assertEqual(202, self.post('2.56', networks='auto',
                                        personality=files).status)
        self.assertFault(
            self.post('2.57', networks='none', personality=files), 400,
            _schema_refusal(
                'server', "{'name': 's1', 'imageRef': '%s', 'flavorRef': "
                "'1', 'networks': 'none', 'personality': %s}"
                % (CIRROS, files),
                "Additional properties are not allowed ('personality' was "
                "unexpected)"))

    def test_sample_create_of_2_57(self):
        body = _sample('2.57', 'server-create-req.json')
        body['server'].update(imageRef=CIRROS, flavorRef='1')
        del body['server']['availability_zone']
        resp = self.api('POST', '/servers', body, persona='member',
                        version='2.57')
        self.assertEqual(202, resp.status, resp)

    # 2.63 trusted image certificates.

    CERTIFICATES = ['0b5d2c72-12cc-4ba6-a8d7-3ff5cc1d8cb8',
                    '674736e3-f25c-405c-8362-bbf991e0ce0a']

    def test_trusted_image_certificates_at_2_63(self):
        resp = self.post('2.63', networks='auto',
                         trusted_image_certificates=self.CERTIFICATES)
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        server = self.show(server_id, 'admin', '2.63')
        self.assertEqual(self.CERTIFICATES,
                         server['trusted_image_certificates'])
        self.assert_sample_fields('2.63', 'server-get-resp.json', server)
        self.assertEqual(self.CERTIFICATES, self.detail('2.63')[0][
            'trusted_image_certificates'])
        self.assertNotIn('trusted_image_certificates',
                         self.show(server_id, version='2.62'))
        resp = self.update(server_id, {'name': 'x'}, '2.63')
        self.assertEqual(self.CERTIFICATES,
                         resp.json()['server']['trusted_image_certificates'])
        self.assert_sample_fields('2.63', 'server-update-resp.json',
                                  resp.json()['server'])

    def test_no_trusted_image_certificates_is_null(self):
        server_id = self.create(version='2.63', networks='auto')
        self.assertIsNone(self.show(server_id, version='2.63')[
            'trusted_image_certificates'])

    def test_trusted_image_certificates_are_refused_before_2_63(self):
        self.assertFault(
            self.post('2.62', networks='none',
                      trusted_image_certificates=['a']), 400,
            _schema_refusal(
                'server', "{'name': 's1', 'imageRef': '%s', 'flavorRef': "
                "'1', 'networks': 'none', 'trusted_image_certificates': "
                "['a']}" % CIRROS,
                "Additional properties are not allowed "
                "('trusted_image_certificates' was unexpected)"))

    def test_bad_trusted_image_certificates(self):
        many = ['c%d' % n for n in range(51)]
        for value, message in (
                ([], _schema_refusal('trusted_image_certificates', [],
                                     '[] should be non-empty')),
                (['a', 'a'], _schema_refusal(
                    'trusted_image_certificates', ['a', 'a'],
                    "['a', 'a'] has non-unique elements")),
                ([''], _schema_refusal('0', '', "'' should be non-empty")),
                ('a', _schema_refusal('trusted_image_certificates', 'a',
                                      "'a' is not of type 'array', 'null'")),
                (many, _schema_refusal('trusted_image_certificates', many,
                                       '%s is too long' % many))):
            self.assertFault(self.post('2.63', networks='none',
                                       trusted_image_certificates=value),
                             400, message)

    def test_trusted_image_certificates_by_policy(self):
        self.use_policy_file({SERVERS % 'create:trusted_certs': '!'})
        self.assertFault(
            self.post('2.63', networks='none',
                      trusted_image_certificates=['a']), 403,
            test_servers.policy_refusal(SERVERS % 'create:trusted_certs'))
        self.assertEqual(202, self.post('2.63', networks='none').status)

    def test_default_trusted_image_certificates(self):
        self.conf.config(default_trusted_certificate_ids=['d1', 'd2'],
                         group='glance')
        server_id = self.create(version='2.63', networks='none')
        self.assertIsNone(self.show(server_id, version='2.63')[
            'trusted_image_certificates'])
        self.conf.config(verify_glance_signatures=True,
                         enable_certificate_validation=True, group='glance')
        for version, fields in (('2.1', {}), ('2.63', {'networks': 'none'})):
            server_id = self.create(version=version, **fields)
            server = self.show(server_id, version='2.63')
            self.assertEqual(['d1', 'd2'],
                             server['trusted_image_certificates'])
        server_id = self.create(version='2.63', networks='none',
                                trusted_image_certificates=['mine'])
        self.assertEqual(['mine'], self.show(server_id, version='2.63')[
            'trusted_image_certificates'])

    def test_trusted_image_certificates_when_booting_from_a_volume(self):
        volume = [{'uuid': CIRROS, 'source_type': 'image',
                   'destination_type': 'volume', 'boot_index': 0,
                   'volume_size': 1}]
        resp = self.post('2.63', networks='none', imageRef='',
                         block_device_mapping_v2=volume,
                         trusted_image_certificates=['a'])
        self.assertFault(resp, 400, 'Image certificate validation is not '
                         'supported when booting from volume')

    def test_trusted_image_certificates_without_an_image(self):
        # Without block devices it is not a boot from a volume: the image
        # is what is wrong.
        resp = self.post('2.63', networks='none', imageRef='',
                         trusted_image_certificates=['a'])
        self.assertFault(resp, 400, 'Missing imageRef attribute')

    def test_create_sample_of_2_63(self):
        body = _sample('2.63', 'server-create-req.json')
        body['server'].update(flavorRef='1', imageRef=CIRROS)
        del body['server']['availability_zone']
        del body['OS-SCH-HNT:scheduler_hints']
        resp = self.api('POST', '/servers', body, persona='member',
                        version='2.63')
        self.assertEqual(202, resp.status, resp)
        server = self.show(resp.json()['server']['id'], 'admin', '2.63')
        self.assertEqual(body['server']['trusted_image_certificates'],
                         server['trusted_image_certificates'])

    def test_every_field_at_2_65(self):
        server_id = self.create(version='2.65', networks='auto',
                                description='d')
        server = self.show(server_id, 'admin', '2.65')
        self.assert_sample_fields('2.63', 'server-get-resp.json', server)
        [listed] = self.detail('2.65', 'admin', '?all_tenants=1')
        self.assert_sample_fields('2.63', 'servers-details-resp.json',
                                  listed)
