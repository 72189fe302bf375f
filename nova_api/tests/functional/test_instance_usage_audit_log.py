"""/os-instance_usage_audit_log: the usage audit of the last completed
month, as Nova answers it when no host has run the audit: every compute
host is one that has not."""

import datetime
from urllib import parse

from oslo_utils import timeutils

from nova_api.tests.functional import base
from nova_api.tests.functional import test_servers

PATH = '/os-instance_usage_audit_log'
HOSTS = ['compute1', 'compute2']


def expected(beginning, ending, hosts=HOSTS):
    return {
        'hosts_not_run': hosts,
        'log': {},
        'num_hosts': len(hosts),
        'num_hosts_done': 0,
        'num_hosts_not_run': len(hosts),
        'num_hosts_running': 0,
        'overall_status': '0 of %d hosts done. 0 errors.' % len(hosts),
        'period_beginning': beginning,
        'period_ending': ending,
        'total_errors': 0,
        'total_instances': 0,
    }


class InstanceUsageAuditLogTestV2(base.APITestCase):

    def setUp(self):
        super().setUp()
        self.skip_if_remote('holds the clock')
        timeutils.set_time_override(datetime.datetime(2026, 12, 4, 4, 5))
        self.addCleanup(timeutils.clear_time_override)

    def get(self, path, persona='admin', version=None):
        resp = self.api('GET', path, persona=persona, version=version)
        self.assertEqual(200, resp.status, resp)
        return resp.json()

    def show_path(self, timestamp):
        return PATH + '/' + parse.quote(timestamp)

    def test_index(self):
        self.assertEqual({'instance_usage_audit_logs': expected(
            '2026-11-01 00:00:00', '2026-12-01 00:00:00')},
            self.get(PATH))

    def test_index_in_january(self):
        timeutils.set_time_override(datetime.datetime(2027, 1, 1, 0, 0, 1))
        self.assertEqual({'instance_usage_audit_logs': expected(
            '2026-12-01 00:00:00', '2027-01-01 00:00:00')},
            self.get(PATH))

    def test_show(self):
        self.assertEqual({'instance_usage_audit_log': expected(
            '2012-05-01 00:00:00', '2012-06-01 00:00:00')},
            self.get(self.show_path('2012-07-01 00:00:00')))

    def test_show_just_after_a_month_ends(self):
        self.assertEqual({'instance_usage_audit_log': expected(
            '2012-06-01 00:00:00', '2012-07-01 00:00:00')},
            self.get(self.show_path('2012-07-01 00:00:00.000001')))

    def test_show_in_march_and_january(self):
        for before, beginning, ending in (
                ('2012-03-15 12:00:00', '2012-02-01 00:00:00',
                 '2012-03-01 00:00:00'),
                ('2012-01-01 00:00:00', '2011-11-01 00:00:00',
                 '2011-12-01 00:00:00'),
                ('2012-01-02 00:00:00', '2011-12-01 00:00:00',
                 '2012-01-01 00:00:00')):
            self.assertEqual({'instance_usage_audit_log': expected(
                beginning, ending)}, self.get(self.show_path(before)),
                before)

    def test_hosts_are_the_compute_hosts(self):
        self.conf.config(group='simulated', hosts=[
            'a:nova:8:16384:160', 'b:nova:8:16384:160',
            'c:nova:8:16384:160'])
        body = self.get(PATH)['instance_usage_audit_logs']
        self.assertEqual(['a', 'b', 'c'], body['hosts_not_run'])
        self.assertEqual('0 of 3 hosts done. 0 errors.',
                         body['overall_status'])

    def test_bad_timestamps(self):
        for timestamp in ('bad', '2012-07-01', '2012-07-01T00:00:00',
                          '2012-07-01 00:00:00.bad', '2012-13-01 00:00:00',
                          '0001-01-15 00:00:00'):
            resp = self.api('GET', self.show_path(timestamp))
            self.assertFault(resp, 400,
                             'Invalid timestamp for date %s' % timestamp)

    def test_for_administrators_only(self):
        for path, rule in ((PATH, 'list'),
                           (self.show_path('2012-07-01 00:00:00'), 'show'),
                           (self.show_path('bad'), 'show')):
            resp = self.api('GET', path, persona='member')
            self.assertFault(resp, 403, test_servers.policy_refusal(
                'os_compute_api:os-instance-usage-audit-log:' + rule))

    def test_query_parameters_are_ignored(self):
        self.assertEqual(self.get(PATH), self.get(PATH + '?foo=bar'))


class InstanceUsageAuditLogTestV21(base.V21, InstanceUsageAuditLogTestV2):

    def test_version_headers(self):
        resp = self.api('GET', PATH)
        self.assertEqual(200, resp.status, resp)
        self.assertVersionHeaders(resp, '2.1')

    def test_same_answer_at_the_latest_version(self):
        self.assertEqual(self.get(PATH), self.get(PATH, version='latest'))

    def test_query_parameters_refused_from_2_102(self):
        self.assertEqual(self.get(PATH),
                         self.get(PATH + '?foo=bar', version='2.101'))
        for path in (PATH, self.show_path('2012-07-01 00:00:00')):
            resp = self.api('GET', path + '?foo=bar', version='2.102')
            self.assertFault(resp, 400, "Additional properties are not "
                                        "allowed ('foo' was unexpected)")
