"""The policy enforcer: defaults, the policy file, and how often it is read."""

import os

import fixtures
from oslo_config import fixture as config_fixture
import testtools

from nova_api import conf as nova_conf
from nova_api import context as nova_context
from nova_api import exception
from nova_api import policy

RULE = 'os_compute_api:os-flavor-manage:create'


class EnforcerTest(testtools.TestCase):

    def setUp(self):
        super().setUp()
        nova_conf.CONF([], project='nova_api', default_config_files=[],
                       default_config_dirs=[])
        self.conf = self.useFixture(config_fixture.Config(nova_conf.CONF))
        policy.reset()
        policy.get_enforcer()  # registers the [oslo_policy] options
        self.path = os.path.join(self.useFixture(fixtures.TempDir()).path,
                                 'policy.yaml')
        self.conf.config(policy_file=self.path, group='oslo_policy')
        policy.reset()
        self.addCleanup(policy.reset)
        self.member = nova_context.RequestContext(
            user_id='alice', project_id='p1', roles=['member', 'reader'])

    def _write_policy(self, check):
        with open(self.path, 'w') as f:
            f.write('"%s": "%s"\n' % (RULE, check))
        # Make the change visible to mtime checks within the same second.
        stat = os.stat(self.path)
        os.utime(self.path, (stat.st_atime + 5, stat.st_mtime + 5))

    def test_defaults_deny_a_member_admin_rules(self):
        exc = self.assertRaises(exception.PolicyNotAuthorized,
                                self.member.can, RULE, {})
        self.assertEqual("Policy doesn't allow %s to be performed." % RULE,
                         exc.format_message())

    def test_policy_file_overrides_a_default(self):
        self._write_policy('@')
        self.assertTrue(self.member.can(RULE, {}))

    def test_a_changed_file_is_read_after_the_recheck_interval(self):
        self.useFixture(fixtures.MonkeyPatch(
            'nova_api.policy.POLICY_RECHECK_SECONDS', 0))
        self._write_policy('@')
        self.assertTrue(self.member.can(RULE, {}))
        self._write_policy('!')
        self.assertFalse(self.member.can(RULE, {}, fatal=False))

    def test_the_file_is_not_read_again_within_the_interval(self):
        self.useFixture(fixtures.MonkeyPatch(
            'nova_api.policy.POLICY_RECHECK_SECONDS', 3600))
        self._write_policy('@')
        self.assertTrue(self.member.can(RULE, {}))
        self._write_policy('!')
        self.assertTrue(self.member.can(RULE, {}))
