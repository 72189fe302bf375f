"""The quota engine: where a limit comes from, counters, the check and the
settable ranges of an update."""

import fixtures
from oslo_config import fixture as config_fixture
import testtools

from nova_api.compute import quotas
from nova_api import conf
from nova_api import context as nova_context
from nova_api import exception
from nova_api.tests.fixtures import database


class QuotaEngineTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        self.useFixture(database.Database())
        self.conf = self.useFixture(config_fixture.Config(conf.CONF))
        self.context = nova_context.get_admin_context()
        self.counts = {}
        self.useFixture(fixtures.MockPatchObject(
            quotas, '_counters', {
                'instances': lambda context, project_id, user_id:
                    self.counts.get((project_id, user_id), 0)}))

    def test_limit_chain(self):
        self.conf.config(cores=21, group='quota')
        self.assertEqual(21, quotas.get_limits(self.context, 'p')['cores'])
        quotas.update_class_limits(self.context, 'default', {'cores': 22})
        self.assertEqual(22, quotas.get_defaults(self.context)['cores'])
        self.assertEqual(22, quotas.get_limits(self.context, 'p')['cores'])
        quotas.update_limits(self.context, 'p', {'cores': 23})
        self.assertEqual(23, quotas.get_limits(self.context, 'p')['cores'])
        self.assertEqual(
            23, quotas.get_limits(self.context, 'p', 'u')['cores'])
        quotas.update_limits(self.context, 'p', {'cores': 5}, user_id='u')
        self.assertEqual(
            5, quotas.get_limits(self.context, 'p', 'u')['cores'])
        # Other classes start from the options, not from 'default'.
        self.assertEqual(
            21, quotas.get_class_limits(self.context, 'gold')['cores'])

    def test_path_length_option(self):
        self.conf.config(injected_file_path_length=99, group='quota')
        self.assertEqual(99, quotas.get_defaults(self.context)[
            'injected_file_path_bytes'])

    def test_network_resources_are_unlimited_by_default(self):
        defaults = quotas.get_defaults(self.context)
        for resource in ('fixed_ips', 'floating_ips', 'security_groups',
                         'security_group_rules'):
            self.assertEqual(-1, defaults[resource])

    def test_check(self):
        quotas.update_limits(self.context, 'p', {'instances': 2})
        self.counts['p', 'u'] = 1
        quotas.check(self.context, {'instances': 1}, 'p', 'u')
        error = self.assertRaises(exception.ResourcesOverQuota,
                                  quotas.check, self.context,
                                  {'instances': 2}, 'p', 'u')
        self.assertEqual("Quota exceeded for resources: ['instances']",
                         error.format_message())
        self.assertEqual(403, error.code)
        # A recheck after the insert.
        self.counts['p', 'u'] = 3
        self.assertRaises(exception.ResourcesOverQuota, quotas.check,
                          self.context, {'instances': 0}, 'p', 'u')

    def test_unlimited_is_never_exceeded(self):
        quotas.update_limits(self.context, 'p', {'instances': -1})
        self.counts['p', 'u'] = 10 ** 6
        quotas.check(self.context, {'instances': 1}, 'p', 'u')

    def test_usage_is_counted_and_reported(self):
        self.counts['p', None] = 4
        usages = quotas.get_usages(self.context, 'p')
        self.assertEqual(4, usages['instances'])
        self.assertEqual(0, usages['cores'])

    def test_update_below_usage(self):
        self.counts['p', None] = 4
        error = self.assertRaises(exception.QuotaLimitBelowUsage,
                                  quotas.update_limits, self.context, 'p',
                                  {'instances': 3})
        self.assertEqual('Quota limit 3 for instances must be greater than '
                         'or equal to already used and reserved 4.',
                         error.format_message())
        quotas.update_limits(self.context, 'p', {'instances': 3},
                             force=True)
        self.assertEqual(
            3, quotas.get_limits(self.context, 'p')['instances'])

    def test_user_maximum_in_an_unlimited_project(self):
        # What an unlimited project has left to give out stays unlimited
        # however much its users already hold.
        quotas.update_limits(self.context, 'p', {'instances': -1})
        quotas.update_limits(self.context, 'p', {'instances': 1000},
                             user_id='u')
        quotas.update_limits(self.context, 'p', {'instances': -1},
                             user_id='v')
        quotas.update_limits(self.context, 'p', {'instances': 10 ** 6},
                             user_id='w')
        self.assertEqual(
            (1000, -1, 10 ** 6),
            tuple(quotas.get_limits(self.context, 'p', user)['instances']
                  for user in ('u', 'v', 'w')))
        self.counts['p', 'u'] = 1000
        self.assertRaises(exception.ResourcesOverQuota, quotas.check,
                          self.context, {'instances': 1}, 'p', 'u')
        self.counts['p', 'v'] = 10 ** 7
        quotas.check(self.context, {'instances': 1}, 'p', 'v')
