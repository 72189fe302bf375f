"""POST /os-server-external-events (api-ref "Run Events"): each event's
outcome, the names each version allows, and the power-update event
stopping and starting servers."""

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:os-server-external-events:create'
PATH = '/os-server-external-events'


class ServerExternalEventsTestV2(test_servers.ServerHelpers,
                                 base.APITestCase):

    def events(self, *events, persona='admin', version=None):
        return self.api('POST', PATH, {'events': list(events)},
                        persona=persona, version=version)

    def actions(self, server_id):
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        persona='admin')
        self.assertEqual(200, resp.status, resp)
        return [action['action'] for action in resp.json()['instanceActions']]

    def hostless_server(self):
        self.conf.config(group='simulated', hosts=['compute1:nova:1:512:1'])
        resp = self.post_server(flavorRef='2')
        self.assertEqual(202, resp.status, resp)
        return resp.json()['server']['id']

    def test_every_event_accepted(self):
        server_id = self.create()
        resp = self.events(
            {'name': 'network-changed', 'server_uuid': server_id},
            {'name': 'network-vif-plugged', 'server_uuid': server_id,
             'tag': 'port', 'status': 'failed'})
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')
        self.assertEqual({'events': [
            {'name': 'network-changed', 'server_uuid': server_id,
             'status': 'completed', 'code': 200},
            {'name': 'network-vif-plugged', 'server_uuid': server_id,
             'tag': 'port', 'status': 'completed', 'code': 200},
        ]}, resp.json())
        self.assertEqual('ACTIVE', self.show(server_id)['status'])

    def test_some_refused(self):
        server_id = self.create()
        hostless = self.hostless_server()
        resp = self.events(
            {'name': 'network-changed', 'server_uuid': server_id},
            {'name': 'network-vif-deleted', 'server_uuid': MISSING},
            {'name': 'network-vif-unplugged', 'server_uuid': hostless,
             'tag': 'port'})
        self.assertEqual(207, resp.status, resp)
        self.assertEqual([(200, 'completed'), (404, 'failed'),
                          (422, 'failed')],
                         [(event['code'], event['status'])
                          for event in resp.json()['events']])

    def test_none_found_is_207_too(self):
        # Nova answers each event and never 404 for the whole request.
        resp = self.events({'name': 'network-changed',
                            'server_uuid': MISSING})
        self.assertEqual(207, resp.status, resp)
        self.assertEqual({'events': [
            {'name': 'network-changed', 'server_uuid': MISSING,
             'status': 'failed', 'code': 404}]}, resp.json())

    def test_another_projects_server_is_found(self):
        server_id = self.create(persona='other')
        resp = self.events({'name': 'network-changed',
                            'server_uuid': server_id})
        self.assertEqual(200, resp.status, resp)

    def test_members_are_refused(self):
        server_id = self.create()
        resp = self.events({'name': 'network-changed',
                            'server_uuid': server_id}, persona='member')
        self.assertFault(resp, 403, test_servers.policy_refusal(RULE))

    def test_bad_bodies(self):
        server_id = self.create()
        event = {'name': 'network-changed', 'server_uuid': server_id}
        for body, message in (
                ({'events': []}, "Invalid input for field/attribute events. "
                                 "Value: []. [] should be non-empty"),
                ({}, "'events' is a required property"),
                ({'events': [dict(event, name='test-event')]},
                 "Invalid input for field/attribute name. Value: test-event."
                 " 'test-event' is not one of ['network-changed', "
                 "'network-vif-plugged', 'network-vif-unplugged', "
                 "'network-vif-deleted']"),
                ({'events': [dict(event, server_uuid='x')]},
                 "Invalid input for field/attribute server_uuid. Value: x. "
                 "'x' is not a 'uuid'"),
                ({'events': [dict(event, status='done')]},
                 "Invalid input for field/attribute status. Value: done. "
                 "'done' is not one of ['failed', 'completed', "
                 "'in-progress']"),
                ({'events': [dict(event, tag='t' * 256)]}, None),
                ({'events': [{'name': 'network-changed'}]},
                 "Invalid input for field/attribute 0. Value: {'name': "
                 "'network-changed'}. 'server_uuid' is a required "
                 "property")):
            resp = self.api('POST', PATH, body)
            self.assertFault(resp, 400, message)

    def test_later_names_are_refused(self):
        server_id = self.create()
        for name in ('volume-extended', 'power-update',
                     'accelerator-request-bound', 'volume-reimaged'):
            resp = self.events({'name': name, 'server_uuid': server_id,
                                'tag': 'x'})
            self.assertEqual(400, resp.status, resp)


class ServerExternalEventsTestV21(base.V21, ServerExternalEventsTestV2):

    def test_unknown_properties_are_refused(self):
        server_id = self.create()
        resp = self.events({'name': 'network-changed',
                            'server_uuid': server_id, 'colour': 'red'})
        self.assertFault(
            resp, 400, "Invalid input for field/attribute 0. Value: "
            "{'name': 'network-changed', 'server_uuid': '%s', 'colour': "
            "'red'}. Additional properties are not allowed ('colour' was "
            "unexpected)" % server_id)

    def test_names_by_version(self):
        server_id = self.create()
        for name, first in (('volume-extended', '2.51'),
                            ('power-update', '2.76'),
                            ('accelerator-request-bound', '2.82'),
                            ('volume-reimaged', '2.93')):
            major, minor = first.split('.')
            before = '%s.%d' % (major, int(minor) - 1)
            event = {'name': name, 'server_uuid': server_id, 'tag': 'x'}
            resp = self.events(event, version=before)
            self.assertEqual(400, resp.status, (name, resp))
            resp = self.events(event, version=first)
            self.assertEqual(200, resp.status, (name, resp))
            self.assertVersionHeaders(resp, first)
            self.assertEqual(name, resp.json()['events'][0]['name'])

    def test_a_missing_tag_fails_the_event(self):
        server_id = self.create()
        for name in ('volume-extended', 'power-update',
                     'accelerator-request-bound'):
            resp = self.events({'name': name, 'server_uuid': server_id},
                               version='latest')
            self.assertEqual(207, resp.status, resp)
            self.assertEqual(
                [{'name': name, 'server_uuid': server_id, 'code': 400,
                  'status': 'failed'}], resp.json()['events'])

    def test_volume_extended_is_recorded(self):
        server_id = self.create()
        resp = self.events({'name': 'volume-extended',
                            'server_uuid': server_id, 'tag': MISSING},
                           version='2.51')
        self.assertEqual(200, resp.status, resp)
        self.assertEqual(['extend_volume', 'create'],
                         self.actions(server_id))

    def power_update(self, server_id, tag):
        resp = self.events({'name': 'power-update', 'server_uuid': server_id,
                            'tag': tag}, version='2.76')
        self.assertEqual(200, resp.status, resp)

    def test_power_off_stops_and_power_on_starts(self):
        server_id = self.create()
        self.power_update(server_id, 'POWER_OFF')
        server = self.show(server_id, 'admin')
        self.assertEqual(('SHUTOFF', 'stopped', None, 4), (
            server['status'], server['OS-EXT-STS:vm_state'],
            server['OS-EXT-STS:task_state'],
            server['OS-EXT-STS:power_state']))
        self.power_update(server_id, 'POWER_ON')
        server = self.show(server_id, 'admin')
        self.assertEqual(('ACTIVE', 1), (server['status'],
                                         server['OS-EXT-STS:power_state']))
        self.assertEqual(['start', 'stop', 'create'],
                         self.actions(server_id))
        resp = self.api('GET', '/servers/%s/os-instance-actions' % server_id,
                        persona='admin')
        request_id = resp.json()['instanceActions'][0]['request_id']
        resp = self.api('GET', '/servers/%s/os-instance-actions/%s'
                        % (server_id, request_id), persona='admin',
                        version='2.51')
        self.assertEqual(['compute_power_update'], [
            event['event']
            for event in resp.json()['instanceAction']['events']])

    def test_a_power_update_in_another_state_changes_nothing(self):
        server_id = self.create()
        # Powered on already: recorded, as Nova records it, and no-op.
        self.power_update(server_id, 'POWER_ON')
        self.assertEqual('ACTIVE', self.show(server_id)['status'])
        self.assertEqual(['start', 'create'], self.actions(server_id))

    def test_a_power_update_during_a_task_changes_nothing(self):
        self.durations(reboot=test_servers.NEVER)
        server_id = self.create()
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertEqual(202, resp.status, resp)
        self.power_update(server_id, 'POWER_OFF')
        self.assertEqual('REBOOT', self.show(server_id)['status'])

    def test_an_unknown_power_tag_records_nothing(self):
        server_id = self.create()
        self.power_update(server_id, 'POWER_CYCLE')
        self.assertEqual('ACTIVE', self.show(server_id)['status'])
        self.assertEqual(['create'], self.actions(server_id))
