"""/os-simple-tenant-usage: usage reports of a period, every project's
(administrators) and one project's (its readers).

The clock is held (oslo_utils' time override), so that servers are made
and deleted at known times and the hours are exact: a server that ran
before the period and is still running, one that started inside it and
was deleted inside it, one started after it, and one deleted before it.
"""

import datetime
from urllib import parse

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

policy_refusal = test_servers.policy_refusal
PATH = '/os-simple-tenant-usage'
T0 = datetime.datetime(2020, 1, 1)
# The period the tests ask about, and when they ask.
START = T0 + datetime.timedelta(hours=5)
END = T0 + datetime.timedelta(hours=20)
NOW = T0 + datetime.timedelta(hours=40)
HOUR = 3600


def at(hours):
    return (T0 + datetime.timedelta(hours=hours)).strftime(
        '%Y-%m-%dT%H:%M:%S.%f')


def query(start=START, end=END, **params):
    values = {}
    if start is not None:
        values['start'] = start.strftime('%Y-%m-%dT%H:%M:%S')
    if end is not None:
        values['end'] = end.strftime('%Y-%m-%dT%H:%M:%S')
    values.update(params)
    return '?' + parse.urlencode(values)


class SimpleTenantUsageTestV2(test_servers.ServerHelpers, base.APITestCase):

    def setUp(self):
        super().setUp()
        self.durations(build=0)
        timeutils.set_time_override(T0)
        self.addCleanup(timeutils.clear_time_override)

    def at_hour(self, hours):
        timeutils.set_time_override(T0 + datetime.timedelta(hours=hours))

    def make_servers(self, persona='member'):
        """{label: id} of the four servers of the module's story, and the
        clock at NOW."""
        made = {}
        self.at_hour(0)
        made['running'] = self.create(persona, name='running')
        self.at_hour(1)
        made['gone_before'] = self.create(persona, name='gone_before')
        self.at_hour(2)
        self.delete(made['gone_before'], persona)
        self.at_hour(10)
        made['deleted'] = self.create(persona, name='deleted')
        self.at_hour(15)
        self.delete(made['deleted'], persona)
        self.at_hour(30)
        made['after'] = self.create(persona, name='after')
        self.at_hour(40)
        return made

    def delete(self, server_id, persona='member'):
        resp = self.api('DELETE', '/servers/' + server_id, persona=persona)
        self.assertEqual(204, resp.status, resp)

    def get(self, path, persona='admin', version=None, status=200):
        resp = self.api('GET', path, persona=persona, version=version)
        self.assertEqual(status, resp.status, resp)
        return resp.json()

    def server_usage(self, server_id, name, hours, started, ended,
                     persona='member'):
        return {
            'ended_at': None if ended is None else at(ended),
            'flavor': 'm1.tiny', 'hours': float(hours),
            'instance_id': server_id, 'local_gb': 1, 'memory_mb': 512,
            'name': name, 'started_at': at(started),
            'state': 'active' if ended is None else 'terminated',
            'tenant_id': self.project_id(persona),
            'uptime': ((ended if ended is not None else 40) - started) * HOUR,
            'vcpus': 1,
        }

    def totals(self, hours, persona='member', start=START, stop=END):
        return {
            'start': start.strftime('%Y-%m-%dT%H:%M:%S.%f'),
            'stop': stop.strftime('%Y-%m-%dT%H:%M:%S.%f'),
            'tenant_id': self.project_id(persona),
            'total_hours': float(hours),
            'total_local_gb_usage': float(hours),
            'total_memory_mb_usage': 512.0 * hours,
            'total_vcpus_usage': float(hours),
        }

    def member_usages(self, made):
        # By uuid, as Nova orders them.
        usages = [
            self.server_usage(made['running'], 'running', 15, 0, None),
            self.server_usage(made['deleted'], 'deleted', 5, 10, 15),
        ]
        return sorted(usages, key=lambda usage: usage['instance_id'])

    # -- the list --

    def test_list_counts_the_servers_that_ran_in_the_period(self):
        self.make_servers()
        body = self.get(PATH + query())
        self.assertEqual({'tenant_usages': [self.totals(20)]}, body)

    def test_list_detailed(self):
        made = self.make_servers()
        body = self.get(PATH + query(detailed='1'))
        expected = dict(self.totals(20),
                        server_usages=self.member_usages(made))
        self.assertEqual({'tenant_usages': [expected]}, body)

    def test_list_detailed_other_than_1_is_not_detailed(self):
        self.make_servers()
        for value in ('0', 'true', ''):
            body = self.get(PATH + query(detailed=value))
            self.assertNotIn('server_usages', body['tenant_usages'][0])

    def test_list_groups_by_project(self):
        self.make_servers()
        self.at_hour(3)
        self.create('other', name='other')
        self.at_hour(40)
        body = self.get(PATH + query(detailed='1'))
        by_project = {usage['tenant_id']: usage
                      for usage in body['tenant_usages']}
        self.assertEqual(
            sorted([self.project_id('member'), self.project_id('other')]),
            [usage['tenant_id'] for usage in body['tenant_usages']])
        self.assertEqual(15.0, by_project[self.project_id('other')][
            'total_hours'])
        self.assertEqual(20.0, by_project[self.project_id('member')][
            'total_hours'])

    def test_list_of_a_period_with_no_servers(self):
        self.make_servers()
        self.assertEqual({'tenant_usages': []}, self.get(
            PATH + query(start=T0 - datetime.timedelta(days=2),
                         end=T0 - datetime.timedelta(days=1))))

    def test_period_ends_now_at_the_latest(self):
        made = self.make_servers()
        later = NOW + datetime.timedelta(days=1)
        body = self.get(PATH + query(end=later, detailed='1'))
        usage = body['tenant_usages'][0]
        # running: 5h..40h, deleted: 10h..15h, after: 30h..40h.
        self.assertEqual(35.0 + 5.0 + 10.0, usage['total_hours'])
        self.assertEqual(at(40), usage['stop'])
        hours = {server['instance_id']: server['hours']
                 for server in usage['server_usages']}
        self.assertEqual({made['running']: 35.0, made['deleted']: 5.0,
                          made['after']: 10.0}, hours)

    def test_start_and_end_default_to_now(self):
        # A period of no length at all: start is not before end.
        self.make_servers()
        resp = self.api('GET', PATH)
        self.assertFault(resp, 400, 'Invalid start time. The start time '
                                    'cannot occur after the end time.')

    def test_accepted_time_formats(self):
        self.make_servers()
        for start in ('2020-01-01T05:00:00', '2020-01-01T05:00:00.000000',
                      '2020-01-01 05:00:00.000000'):
            path = '%s?start=%s&end=2020-01-01T20:00:00' % (
                PATH, parse.quote(start))
            self.assertEqual({'tenant_usages': [self.totals(20)]},
                             self.get(path), start)

    def test_bad_times(self):
        for value in ('bad', '2020-01-01', '2020-01-01T05:00:00Z',
                      '2020-01-01 05:00:00', '2020-13-01T00:00:00'):
            for name in ('start', 'end'):
                resp = self.api('GET', '%s?%s=%s' % (PATH, name,
                                                     parse.quote(value)))
                self.assertFault(resp, 400, 'Invalid datetime string: '
                                            'Datetime is in invalid format')

    def test_end_before_start(self):
        resp = self.api('GET', PATH + query(start=END, end=START))
        self.assertFault(resp, 400, 'Invalid start time. The start time '
                                    'cannot occur after the end time.')

    def test_first_value_counts(self):
        self.make_servers()
        path = PATH + query() + '&start=bad&end=bad'
        self.assertEqual({'tenant_usages': [self.totals(20)]},
                         self.get(path))

    def test_list_is_for_administrators(self):
        resp = self.api('GET', PATH + query(), persona='member')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:os-simple-tenant-usage:list'))

    def test_policy_is_checked_before_the_times(self):
        resp = self.api('GET', PATH + '?start=bad', persona='member')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:os-simple-tenant-usage:list'))

    def test_unknown_query_parameters_are_ignored(self):
        self.make_servers()
        self.assertEqual({'tenant_usages': [self.totals(20)]},
                         self.get(PATH + query(foo='bar')))

    def test_soft_deleted_then_reclaimed_server(self):
        self.conf.config(reclaim_instance_interval=HOUR)
        self.durations(soft_delete=0)
        server_id = self.create(name='soft')
        self.at_hour(6)
        self.delete(server_id)
        self.at_hour(40)
        body = self.get(PATH + query(detailed='1'))
        usage = body['tenant_usages'][0]['server_usages'][0]
        # Reclaimed at 7h: it ran from 5h (the start) to then.
        self.assertEqual(2.0, usage['hours'])
        self.assertEqual('terminated', usage['state'])
        self.assertEqual(at(7), usage['ended_at'])
        self.assertEqual(7 * HOUR, usage['uptime'])

    def test_server_that_never_launched_counts_nothing(self):
        self.durations(build=test_servers.NEVER * 100)
        self.create(name='building')
        self.at_hour(40)
        self.assertEqual({'tenant_usages': []}, self.get(PATH + query()))

    # -- one project --

    def test_show_own_project(self):
        made = self.make_servers()
        body = self.get(PATH + '/' + self.project_id('member') + query(),
                        persona='member')
        expected = dict(self.totals(20),
                        server_usages=self.member_usages(made))
        self.assertEqual({'tenant_usage': expected}, body)

    def test_show_only_the_project(self):
        self.make_servers()
        self.at_hour(3)
        self.create('other', name='other')
        self.at_hour(40)
        body = self.get(PATH + '/' + self.project_id('other') + query())
        self.assertEqual(self.project_id('other'),
                         body['tenant_usage']['tenant_id'])
        self.assertEqual(1, len(body['tenant_usage']['server_usages']))

    def test_show_project_with_no_usage(self):
        self.assertEqual({'tenant_usage': {}}, self.get(
            PATH + '/no-such-project' + query()))

    def test_show_another_project_is_refused(self):
        resp = self.api('GET', PATH + '/' + self.project_id('other') +
                        query(), persona='member')
        self.assertFault(resp, 403, policy_refusal(
            'os_compute_api:os-simple-tenant-usage:show'))

    def test_show_bad_times(self):
        own = PATH + '/' + self.project_id('member')
        resp = self.api('GET', own + '?end=bad', persona='member')
        self.assertFault(resp, 400, 'Invalid datetime string: '
                                    'Datetime is in invalid format')
        resp = self.api('GET', own + query(start=END, end=START),
                        persona='member')
        self.assertFault(resp, 400, 'Invalid start time. The start time '
                                    'cannot occur after the end time.')

    def test_no_paging_before_2_40(self):
        made = self.make_servers()
        body = self.get(PATH + query(detailed='1', limit='1',
                                     marker=made['running']))
        self.assertEqual(2, len(body['tenant_usages'][0]['server_usages']))
        self.assertNotIn('tenant_usages_links', body)


class SimpleTenantUsageTestV21(base.V21, SimpleTenantUsageTestV2):

    def test_version_headers(self):
        resp = self.api('GET', PATH + query())
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')

    def test_paging_at_2_40(self):
        made = self.make_servers()
        self.at_hour(3)
        other = self.create('other', name='other')
        self.at_hour(40)
        order = sorted(
            [(self.project_id('member'), made['running']),
             (self.project_id('member'), made['deleted']),
             (self.project_id('other'), other)])
        body = self.get(PATH + query(detailed='1', limit='2'),
                        version='2.40')
        listed = [(usage['tenant_id'], server['instance_id'])
                  for usage in body['tenant_usages']
                  for server in usage['server_usages']]
        self.assertEqual(order[:2], listed)
        link = body['tenant_usages_links']
        self.assertEqual(1, len(link))
        self.assertEqual('next', link[0]['rel'])
        href = parse.urlsplit(link[0]['href'])
        self.assertEqual(parse.urlsplit(self.url(PATH)).path, href.path)
        params = parse.parse_qs(href.query)
        self.assertEqual([order[1][1]], params['marker'])
        self.assertEqual(['2'], params['limit'])
        self.assertEqual(['1'], params['detailed'])

        body = self.get(PATH + query(detailed='1', limit='2',
                                     marker=order[1][1]), version='2.40')
        listed = [(usage['tenant_id'], server['instance_id'])
                  for usage in body['tenant_usages']
                  for server in usage['server_usages']]
        self.assertEqual(order[2:], listed)
        self.assertNotIn('tenant_usages_links', body)

    def test_page_totals_count_the_page_only(self):
        made = self.make_servers()
        first = min(made['running'], made['deleted'])
        body = self.get(PATH + query(limit='1'), version='2.40')
        hours = 15.0 if first == made['running'] else 5.0
        self.assertEqual(hours, body['tenant_usages'][0]['total_hours'])
        self.assertIn('tenant_usages_links', body)

    def test_show_paging_at_2_40(self):
        made = self.make_servers()
        own = PATH + '/' + self.project_id('member')
        first, second = sorted([made['running'], made['deleted']])
        body = self.get(own + query(limit='1'), persona='member',
                        version='2.40')
        self.assertEqual([first], [
            server['instance_id']
            for server in body['tenant_usage']['server_usages']])
        href = parse.urlsplit(body['tenant_usage_links'][0]['href'])
        # The project's id is in the request's URL, so Nova puts it in
        # the link's path too, as it does on /v2.
        self.assertEqual('/v2.1/%s%s' % (self.project_id('member'), own),
                         href.path)
        self.assertEqual([first], parse.parse_qs(href.query)['marker'])
        body = self.get(own + query(limit='1', marker=first),
                        persona='member', version='2.40')
        self.assertEqual([second], [
            server['instance_id']
            for server in body['tenant_usage']['server_usages']])
        # The page is full: a next link, to an empty page.
        self.assertIn('tenant_usage_links', body)
        body = self.get(own + query(limit='1', marker=second),
                        persona='member', version='2.40')
        self.assertEqual({'tenant_usage': {}}, body)

    def test_unknown_marker(self):
        missing = test_servers.MISSING
        for path in (PATH, PATH + '/' + self.project_id('member')):
            resp = self.api('GET', path + query(marker=missing),
                            version='2.40')
            self.assertFault(resp, 400,
                             'Marker %s could not be found.' % missing)

    def test_deleted_server_as_marker(self):
        made = self.make_servers()
        body = self.get(PATH + query(detailed='1',
                                     marker=made['gone_before']),
                        version='2.40')
        expected = [usage['instance_id']
                    for usage in self.member_usages(made)
                    if usage['instance_id'] > made['gone_before']]
        listed = [server['instance_id'] for usage in body['tenant_usages']
                  for server in usage['server_usages']]
        self.assertEqual(expected, listed)

    def test_bad_limit(self):
        for limit in ('-1', 'x'):
            resp = self.api('GET', PATH + query(limit=limit),
                            version='2.40')
            self.assertFault(
                resp, 400, "Invalid input for query parameters limit. "
                "Value: %s. '%s' does not match '^[0-9]*$'" % (limit, limit))

    def test_limit_ignored_before_2_40(self):
        self.make_servers()
        body = self.get(PATH + query(detailed='1', limit='x'),
                        version='2.39')
        self.assertEqual(2, len(body['tenant_usages'][0]['server_usages']))

    def test_unknown_query_parameters_refused_from_2_75(self):
        self.make_servers()
        self.assertEqual({'tenant_usages': [self.totals(20)]},
                         self.get(PATH + query(foo='bar'), version='2.74'))
        for path in (PATH, PATH + '/' + self.project_id('member')):
            resp = self.api('GET', path + query(foo='bar'), version='2.75')
            self.assertFault(resp, 400, "Additional properties are not "
                                        "allowed ('foo' was unexpected)")

    def test_detailed_refused_in_show_from_2_75(self):
        own = PATH + '/' + self.project_id('member')
        resp = self.api('GET', own + query(detailed='1'), persona='member',
                        version='2.75')
        self.assertFault(resp, 400, "Additional properties are not "
                                    "allowed ('detailed' was unexpected)")

    def test_latest(self):
        made = self.make_servers()
        body = self.get(PATH + query(detailed='1'), version='latest')
        expected = dict(self.totals(20),
                        server_usages=self.member_usages(made))
        self.assertEqual({'tenant_usages': [expected]}, body)
