"""The rebuild server action (api-ref "Rebuild Server (rebuild
Action)"): each version's body and answer, the states a rebuild is
allowed in and what it leaves."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

CIRROS = test_servers.CIRROS
DEBIAN = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c03'
MISSING = test_servers.MISSING
NEVER = test_servers.NEVER
RULE = 'os_compute_api:servers:%s'


class ServerRebuildTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0, rebuild=0, stop=0, pause=0)

    def version(self, version):
        return version if self.is_v21 else None

    def rebuild(self, server_id, persona='member', version=None,
                **fields):
        body = {'imageRef': DEBIAN}
        body.update(fields)
        return self.action(server_id, {'rebuild': body}, persona=persona,
                           version=version)

    def create_small(self, **fields):
        # m1.small has room for the Debian image (3 GB minimum disk).
        return self.create(flavorRef='2', **fields)

    def test_rebuild(self):
        server_id = self.create_small(metadata={'old': 'x'})
        resp = self.rebuild(server_id, name='rebuilt', adminPass='s3cret',
                            metadata={'new': 'y'},
                            accessIPv4='192.0.2.7')
        self.assertEqual(202, resp.status, resp)
        server = resp.json()['server']
        self.assertEqual(self.link('/servers/' + server_id, 'member'),
                         resp.header('Location'))
        self.assertEqual(('rebuilt', 's3cret', {'new': 'y'}, '192.0.2.7'),
                         (server['name'], server['adminPass'],
                          server['metadata'], server['accessIPv4']))
        self.assertEqual(DEBIAN, server['image']['id'])
        shown = self.show(server_id)
        self.assertEqual(('ACTIVE', DEBIAN, {'new': 'y'}),
                         (shown['status'], shown['image']['id'],
                          shown['metadata']))

    def test_a_generated_password_unless_passwords_are_off(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id)
        self.assertEqual(12, len(resp.json()['server']['adminPass']))
        self.conf.config(enable_instance_password=False, group='api')
        resp = self.rebuild(server_id)
        self.assertEqual(202, resp.status, resp)
        self.assertNotIn('adminPass', resp.json()['server'])

    def test_the_server_shows_rebuild_while_it_runs(self):
        self.durations(rebuild=NEVER)
        server_id = self.create_small()
        self.assertEqual(202, self.rebuild(server_id).status)
        server = self.show(server_id, 'admin', version=self.version('2.3'))
        self.assertEqual('REBUILD', server['status'])
        if self.is_v21:
            self.assertEqual(('active', 'rebuilding'), (
                server['OS-EXT-STS:vm_state'],
                server['OS-EXT-STS:task_state']))
        resp = self.rebuild(server_id)
        self.assertFault(resp, 409, "Cannot 'rebuild' instance %s while "
                         "it is in task_state rebuilding" % server_id)
        resp = self.api('GET', '/servers?status=REBUILD', persona='member')
        self.assertEqual([server_id], [s['id'] for s in
                                       resp.json()['servers']])

    def test_a_stopped_server_is_stopped_once_rebuilt(self):
        server_id = self.create_small()
        self.assertEqual(202, self.action(server_id, {'os-stop': None})
                         .status)
        self.assertEqual(202, self.rebuild(server_id).status)
        self.assertEqual('SHUTOFF', self.show(server_id)['status'])

    def test_a_failed_server_is_active_once_rebuilt(self):
        server_id = self.create_small()
        resp = self.action(server_id, {'os-resetState': {'state': 'error'}},
                           persona='admin')
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(202, self.rebuild(server_id).status)
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_not_from_a_paused_server(self):
        server_id = self.create_small()
        self.assertEqual(202, self.action(server_id, {'pause': None})
                         .status)
        self.assertFault(self.rebuild(server_id), 409,
                         "Cannot 'rebuild' instance %s while it is in "
                         "vm_state paused" % server_id)

    def test_a_locked_server_refuses_a_member(self):
        server_id = self.create_small()
        self.assertEqual(202, self.action(server_id, {'lock': None},
                                          persona='admin').status)
        self.assertFault(self.rebuild(server_id), 409,
                         'Instance %s is locked' % server_id)
        self.assertEqual(202, self.rebuild(server_id, 'admin').status)

    def test_the_rebuild_is_recorded(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id)
        request_id = resp.header('x-openstack-request-id')
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s'
                        % (server_id, request_id))
        action = resp.json()['instanceAction']
        self.assertEqual('rebuild', action['action'])
        self.assertEqual(['compute_rebuild_instance'],
                         [event['event'] for event in action['events']])

    def test_unknown_image(self):
        server_id = self.create_small()
        self.assertFault(self.rebuild(server_id, imageRef=MISSING), 400,
                         'Cannot find image for rebuild')

    def test_an_image_the_flavor_cannot_boot(self):
        server_id = self.create()
        self.assertFault(
            self.rebuild(server_id), 400,
            "Flavor's disk is smaller than the minimum size specified in "
            "image metadata. Flavor disk is 1073741824 bytes, minimum "
            "size is 3221225472 bytes.")
        self.assertEqual(CIRROS, self.show(server_id)['image']['id'])

    def test_metadata_over_quota(self):
        server_id = self.create_small()
        self.set_quota(metadata_items=1)
        resp = self.rebuild(server_id, metadata={'a': '1', 'b': '2'})
        self.assertFault(resp, 403,
                         'Maximum number of metadata items exceeds 1')
        self.assertEqual(CIRROS, self.show(server_id)['image']['id'])

    def test_bad_bodies(self):
        server_id = self.create_small()
        for body, message in (
                ({'rebuild': {}},
                 "Invalid input for field/attribute rebuild. Value: {}. "
                 "'imageRef' is a required property"),
                ({'rebuild': {'imageRef': 'not-a-uuid'}},
                 "Invalid input for field/attribute imageRef. Value: "
                 "not-a-uuid. 'not-a-uuid' is not a 'uuid'"),
                ({'rebuild': {'imageRef': DEBIAN, 'name': ''}},
                 "Invalid input for field/attribute name. Value: . '' "
                 "should be non-empty" if self.is_v21 else
                 "An invalid 'name' value was provided. The name must be: "
                 "printable characters with at least one non space "
                 "character")):
            self.assertFault(self.action(server_id, body), 400, message)

    def test_unknown_server_and_policy(self):
        self.assertFault(self.rebuild(MISSING), 404,
                         test_servers.not_found(MISSING))
        server_id = self.create_small()
        self.use_policy_file({RULE % 'rebuild': '!'})
        self.assertFault(self.rebuild(server_id), 403,
                         test_servers.policy_refusal(RULE % 'rebuild'))


class ServerRebuildTestV21(base.V21, ServerRebuildTestV2):

    def test_unknown_properties_are_refused(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, key_name='k', version='2.53')
        self.assertFault(
            resp, 400, "Invalid input for field/attribute rebuild. Value: "
            "{'imageRef': '%s', 'key_name': 'k'}. Additional properties "
            "are not allowed ('key_name' was unexpected)" % DEBIAN)

    def test_description_from_2_19(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, description='rebuilt',
                            version='2.19')
        self.assertEqual('rebuilt', resp.json()['server']['description'])

    def test_key_name_from_2_54(self):
        self.api('POST', '/os-keypairs', {'keypair': {'name': 'k1'}},
                 persona='member')
        server_id = self.create_small()
        resp = self.rebuild(server_id, key_name='k1', version='2.54')
        self.assertEqual('k1', resp.json()['server']['key_name'])
        resp = self.rebuild(server_id, key_name=None, version='2.54')
        self.assertIsNone(resp.json()['server']['key_name'])
        self.assertFault(self.rebuild(server_id, key_name='nope',
                                      version='2.54'),
                         400, 'Invalid key_name provided.')

    def test_user_data_from_2_57(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, user_data='aGVsbG8=', version='2.57')
        self.assertEqual('aGVsbG8=', resp.json()['server']['user_data'])
        resp = self.rebuild(server_id, version='2.57')
        # Not given: kept.
        self.assertEqual('aGVsbG8=', resp.json()['server']['user_data'])
        resp = self.rebuild(server_id, user_data=None, version='2.57')
        self.assertIsNone(resp.json()['server']['user_data'])
        resp = self.rebuild(server_id, version='2.57', personality=[])
        self.assertEqual(400, resp.status, resp)

    def test_trusted_certificates_from_2_63(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, version='2.63',
                            trusted_image_certificates=['cert-1'])
        self.assertEqual(['cert-1'], resp.json()['server'][
            'trusted_image_certificates'])
        self.use_policy_file({RULE % 'rebuild:trusted_certs': '!'})
        self.assertFault(
            self.rebuild(server_id, version='2.63',
                         trusted_image_certificates=None), 403,
            test_servers.policy_refusal(RULE % 'rebuild:trusted_certs'))
        # Without certificates the rule is not checked.
        self.assertEqual(202, self.rebuild(server_id, version='2.63')
                         .status)

    def test_hostname_from_2_90(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, hostname='new-host', version='2.90')
        self.assertEqual('new-host',
                         resp.json()['server']['OS-EXT-SRV-ATTR:hostname'])
        resp = self.rebuild(server_id, hostname='new.example.com',
                            version='2.90')
        self.assertEqual(400, resp.status, resp)
        resp = self.rebuild(server_id, hostname='new.example.com',
                            version='2.94')
        self.assertEqual(202, resp.status, resp)

    def test_the_full_view_from_2_75(self):
        server_id = self.create_small()
        resp = self.rebuild(server_id, version='2.74')
        self.assertNotIn('OS-EXT-STS:vm_state', resp.json()['server'])
        resp = self.rebuild(server_id, 'admin', version='2.75')
        server = resp.json()['server']
        self.assertIn('OS-EXT-STS:vm_state', server)
        self.assertNotIn('OS-EXT-SRV-ATTR:user_data', server)
        self.assertIn('user_data', server)

    def test_tags_are_kept(self):
        server_id = self.create_small()
        resp = self.api('PUT', '/servers/%s/tags/t1' % server_id,
                        persona='member', version='2.26')
        self.assertEqual(201, resp.status, resp)
        resp = self.rebuild(server_id, version='2.26')
        self.assertEqual(['t1'], resp.json()['server']['tags'])
