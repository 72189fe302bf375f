"""The actions of a server (api-ref "Servers actions
(servers, os-instance-actions)"): what creates, power actions, locks and
deletes record, who sees which event fields at which version, paging and
the changes-since and changes-before filters (2.58, 2.66)."""

import datetime

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

MISSING = '6d1e3b2a-0f4c-4e8d-9a7b-5c6d7e8f9a0b'
RULE = 'os_compute_api:os-instance-actions:%s'
ACTION_FIELDS = {'action', 'instance_uuid', 'message', 'project_id',
                 'request_id', 'start_time', 'user_id'}
EVENT_FIELDS = {'event', 'start_time', 'finish_time', 'result'}
BUILD = 'compute__do_build_and_run_instance'


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime(
        '%Y-%m-%dT%H:%M:%S.%fZ')


class InstanceActionsTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0, stop=0, start=0, reboot=0)

    def actions_path(self, server_id):
        return '/servers/%s/os-instance-actions' % server_id

    def list_actions(self, server_id, query='', persona='member',
                     version=None):
        resp = self.api('GET', self.actions_path(server_id) + query,
                        persona=persona, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def show_action(self, server_id, request_id, persona='member',
                    version=None):
        resp = self.api('GET', '%s/%s' % (self.actions_path(server_id),
                                          request_id),
                        persona=persona, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()['instanceAction']

    def stop(self, server_id, persona='member'):
        """Stop the server; the stop's request id."""
        resp = self.action(server_id, {'os-stop': None}, persona=persona)
        self.assertEqual(202, resp.status, resp)
        return resp.header('x-openstack-request-id')

    def names(self, body):
        return [action['action'] for action in body['instanceActions']]

    def test_a_create_is_recorded(self):
        resp = self.post_server()
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        body = self.list_actions(server_id)
        self.assertEqual(['instanceActions'], list(body))
        [create] = body['instanceActions']
        self.assertEqual(ACTION_FIELDS, set(create))
        self.assertEqual({
            'action': 'create', 'instance_uuid': server_id, 'message': None,
            'project_id': self.project_id('member'),
            'request_id': resp.header('x-openstack-request-id'),
            'user_id': self.user_id('member'),
        }, {key: create[key] for key in ACTION_FIELDS - {'start_time'}})

    def test_actions_are_listed_newest_first(self):
        server_id = self.create()
        self.stop(server_id)
        resp = self.action(server_id, {'os-start': None})
        self.assertEqual(202, resp.status, resp)
        resp = self.action(server_id, {'reboot': {'type': 'SOFT'}})
        self.assertEqual(202, resp.status, resp)
        self.assertEqual(['reboot', 'start', 'stop', 'create'],
                         self.names(self.list_actions(server_id)))

    def test_locks_and_deletes_are_recorded(self):
        server_id = self.create()
        for body in ({'lock': None}, {'unlock': None}):
            self.assertEqual(202, self.action(server_id, body).status)
        self.assertEqual(['unlock', 'lock', 'create'],
                         self.names(self.list_actions(server_id)))
        lock = self.list_actions(server_id)['instanceActions'][1]
        self.assertEqual([], self.show_action(
            server_id, lock['request_id'], 'admin')['events'])

    def test_an_administrator_sees_the_events(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        action = self.show_action(server_id, request_id, 'admin')
        self.assertEqual(ACTION_FIELDS | {'events'}, set(action))
        self.assertEqual('stop', action['action'])
        [event] = action['events']
        self.assertEqual(EVENT_FIELDS | {'traceback'}, set(event))
        self.assertEqual('compute_stop_instance', event['event'])
        self.assertEqual('Success', event['result'])
        self.assertIsNone(event['traceback'])
        self.assertEqual(event['start_time'], event['finish_time'])

    def test_a_member_sees_no_events_before_2_51(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        action = self.show_action(server_id, request_id)
        self.assertEqual(ACTION_FIELDS, set(action))
        self.assertEqual(self.user_id('member'), action['user_id'])

    def test_a_running_event_has_no_finish_time_or_result(self):
        self.durations(stop=test_servers.NEVER)
        server_id = self.create()
        request_id = self.stop(server_id)
        [event] = self.show_action(server_id, request_id, 'admin')['events']
        self.assertIsNone(event['finish_time'])
        self.assertIsNone(event['result'])

    def test_the_build_is_the_create_event(self):
        server_id = self.create()
        [create] = self.list_actions(server_id)['instanceActions']
        [event] = self.show_action(server_id, create['request_id'],
                                   'admin')['events']
        self.assertEqual(BUILD, event['event'])
        self.assertEqual('Success', event['result'])

    def test_a_create_no_host_had_room_for_failed(self):
        self.conf.config(group='simulated', hosts=['compute1:nova:1:512:1'])
        resp = self.post_server(flavorRef='2')
        self.assertEqual(202, resp.status, resp)
        server_id = resp.json()['server']['id']
        [create] = self.list_actions(server_id)['instanceActions']
        self.assertEqual('Error', create['message'])
        [event] = self.show_action(server_id, create['request_id'],
                                   'admin')['events']
        self.assertEqual('conductor_schedule_and_build_instances',
                         event['event'])
        self.assertEqual('Error', event['result'])
        # What the server's fault tells an administrator.
        fault = self.show(server_id, 'admin')['fault']
        self.assertEqual(fault['details'], event['traceback'])

    def test_a_deleted_servers_actions_are_not_found_before_2_21(self):
        server_id = self.create()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        resp = self.api('GET', self.actions_path(server_id),
                        persona='member')
        self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_unknown_server(self):
        for path in (self.actions_path(MISSING),
                     self.actions_path(MISSING) + '/req-1'):
            resp = self.api('GET', path, persona='member')
            self.assertFault(resp, 404, test_servers.not_found(MISSING))

    def test_unknown_action(self):
        server_id = self.create()
        resp = self.api('GET', self.actions_path(server_id) + '/req-nope',
                        persona='member')
        self.assertFault(resp, 404, 'Action req-nope not found')

    def test_another_projects_server_is_not_found(self):
        server_id = self.create()
        resp = self.api('GET', self.actions_path(server_id),
                        persona='other')
        self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_an_administrator_reads_any_projects_actions(self):
        server_id = self.create()
        self.assertEqual(['create'], self.names(
            self.list_actions(server_id, persona='admin')))

    def test_the_policy_decides_after_the_server_is_found(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        self.use_policy_file({RULE % 'list': '!', RULE % 'show': '!'})
        for path, rule in (
                (self.actions_path(server_id), 'list'),
                ('%s/%s' % (self.actions_path(server_id), request_id),
                 'show')):
            resp = self.api('GET', path, persona='member')
            self.assertFault(resp, 403, test_servers.policy_refusal(
                RULE % rule))
        resp = self.api('GET', self.actions_path(MISSING), persona='member')
        self.assertEqual(404, resp.status, resp)

    def test_the_events_rule_shows_events_to_a_member(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        self.use_policy_file({RULE % 'events': 'role:member'})
        [event] = self.show_action(server_id, request_id)['events']
        self.assertEqual(EVENT_FIELDS | {'traceback'}, set(event))

    def test_the_query_string_is_ignored_before_2_58(self):
        server_id = self.create()
        self.stop(server_id)
        body = self.list_actions(server_id, '?limit=1&marker=x&colour=blue')
        self.assertEqual(['stop', 'create'], self.names(body))


class InstanceActionsTestV21(base.V21, InstanceActionsTestV2):

    def test_a_deleted_servers_actions_are_shown_from_2_21(self):
        server_id = self.create()
        resp = self.api('DELETE', '/servers/' + server_id, persona='member')
        self.assertEqual(204, resp.status, resp)
        body = self.list_actions(server_id, version='2.21')
        self.assertEqual(['delete', 'create'], self.names(body))
        delete = body['instanceActions'][0]
        [event] = self.show_action(server_id, delete['request_id'], 'admin',
                                   version='2.21')['events']
        self.assertEqual('compute_terminate_instance', event['event'])
        resp = self.api('GET', self.actions_path(server_id),
                        persona='member', version='2.20')
        self.assertFault(resp, 404, test_servers.not_found(server_id))

    def test_a_member_sees_events_without_traceback_from_2_51(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        [event] = self.show_action(server_id, request_id,
                                   version='2.51')['events']
        self.assertEqual(EVENT_FIELDS, set(event))
        self.assertEqual('compute_stop_instance', event['event'])

    def test_updated_at_from_2_58(self):
        self.durations(stop=test_servers.NEVER)
        server_id = self.create()
        request_id = self.stop(server_id)
        body = self.list_actions(server_id, version='2.58')
        for action in body['instanceActions']:
            self.assertEqual(ACTION_FIELDS | {'updated_at'}, set(action))
        stop = self.show_action(server_id, request_id, version='2.58')
        # The stop has not ended: it last changed when it started.
        self.assertEqual(stop['start_time'], stop['updated_at'])
        self.assertNotIn('links', body)

    def test_paging_from_2_58(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        body = self.list_actions(server_id, '?limit=1', version='2.58')
        self.assertEqual(['stop'], self.names(body))
        self.assertEqual([{
            'rel': 'next',
            'href': self.link('%s?limit=1&marker=%s' % (
                self.actions_path(server_id), request_id))}],
            body['links'])
        body = self.list_actions(server_id, '?limit=1&marker=' + request_id,
                                 version='2.58')
        self.assertEqual(['create'], self.names(body))
        body = self.list_actions(server_id, '?limit=0', version='2.58')
        self.assertEqual([], body['instanceActions'])

    def test_bad_paging_at_2_58(self):
        server_id = self.create()
        for query, message in (
                ('?marker=req-nope', 'Marker None could not be found.'),
                ('?limit=-1', "Invalid input for query parameters limit. "
                              "Value: -1. '-1' does not match '^[0-9]*$'"),
                ('?limit=a', "Invalid input for query parameters limit. "
                             "Value: a. 'a' does not match '^[0-9]*$'"),
                ('?changes-since=yesterday',
                 "Invalid input for query parameters changes-since. Value: "
                 "yesterday. 'yesterday' is not a 'date-time'"),
                ('?colour=blue', "Additional properties are not allowed "
                                 "('colour' was unexpected)"),
                ('?changes-before=' + _now(),
                 "Additional properties are not allowed "
                 "('changes-before' was unexpected)")):
            resp = self.api('GET', self.actions_path(server_id) + query,
                            persona='member', version='2.58')
            self.assertFault(resp, 400, message)

    def test_changes_since_from_2_58(self):
        server_id = self.create()
        between = _now()
        self.stop(server_id)
        body = self.list_actions(server_id, '?changes-since=' + between,
                                 version='2.58')
        self.assertEqual(['stop'], self.names(body))

    def test_changes_before_from_2_66(self):
        server_id = self.create()
        between = _now()
        self.stop(server_id)
        body = self.list_actions(server_id, '?changes-before=' + between,
                                 version='2.66')
        self.assertEqual(['create'], self.names(body))
        resp = self.api(
            'GET', self.actions_path(server_id) + '?changes-since=%s'
            '&changes-before=2000-01-01T00:00:00Z' % between,
            persona='member', version='2.66')
        self.assertFault(resp, 400, 'The value of changes-since must be '
                                    'less than or equal to changes-before.')

    def test_host_and_host_id_from_2_62(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        host_id = self.show(server_id)['hostId']
        [event] = self.show_action(server_id, request_id,
                                   version='2.62')['events']
        self.assertEqual(EVENT_FIELDS | {'hostId'}, set(event))
        self.assertEqual(host_id, event['hostId'])
        [event] = self.show_action(server_id, request_id, 'admin',
                                   version='2.62')['events']
        self.assertEqual('compute1', event['host'])
        self.assertEqual(host_id, event['hostId'])

    def test_details_of_a_failed_event_from_2_84(self):
        self.conf.config(group='simulated', hosts=['compute1:nova:1:512:1'])
        resp = self.post_server(flavorRef='2')
        server_id = resp.json()['server']['id']
        request_id = resp.header('x-openstack-request-id')
        [event] = self.show_action(server_id, request_id, 'admin',
                                   version='2.84')['events']
        self.assertEqual(self.show(server_id, 'admin')['fault']['message'],
                         event['details'])
        # The conductor's host, of [simulated] control_services.
        self.assertEqual('conductor', event['host'])
        [event] = self.show_action(server_id, request_id, 'admin',
                                   version='2.83')['events']
        self.assertNotIn('details', event)
        [event] = self.show_action(server_id, request_id,
                                   version='2.84')['events']
        self.assertEqual(EVENT_FIELDS | {'hostId'}, set(event))

    def test_unknown_show_query_parameters_are_refused_at_2_102(self):
        server_id = self.create()
        request_id = self.stop(server_id)
        path = '%s/%s?colour=blue' % (self.actions_path(server_id),
                                      request_id)
        resp = self.api('GET', path, persona='member', version='2.101')
        self.assertEqual(200, resp.status, resp)
        resp = self.api('GET', path, persona='member', version='2.102')
        self.assertFault(resp, 400, "Additional properties are not "
                         "allowed ('colour' was unexpected)")
