"""The policy enforcer: defaults, the policy file, and how often it is read."""

import os

import fixtures
from oslo_config import fixture as config_fixture
from oslo_policy import policy as oslo_policy
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

    def _count_evaluations(self):
        """The (rule, target) of each decision oslo.policy makes."""
        enforcer = policy.get_enforcer()
        calls = []
        original = enforcer.authorize

        def authorize(rule, target, *args, **kwargs):
            calls.append((rule, target))
            return original(rule, target, *args, **kwargs)

        self.useFixture(fixtures.MockPatchObject(
            enforcer, 'authorize', side_effect=authorize))
        return calls

    def test_a_decision_is_evaluated_once_within_the_interval(self):
        self.useFixture(fixtures.MonkeyPatch(
            'nova_api.policy.POLICY_RECHECK_SECONDS', 3600))
        calls = self._count_evaluations()
        for _ in range(3):
            self.assertRaises(exception.PolicyNotAuthorized,
                              self.member.can, RULE, {'project_id': 'p1'})
        self.assertEqual([(RULE, {'project_id': 'p1'})], calls)

    def test_decisions_are_per_credentials_and_target(self):
        self._write_policy('project_id:%(project_id)s')
        other = nova_context.RequestContext(
            user_id='bob', project_id='p2', roles=['member', 'reader'])
        self.assertTrue(self.member.can(RULE, {'project_id': 'p1'}))
        self.assertFalse(other.can(RULE, {'project_id': 'p1'}, fatal=False))
        self.assertFalse(self.member.can(RULE, {'project_id': 'p2'},
                                         fatal=False))
        self.assertTrue(other.can(RULE, {'project_id': 'p2'}))

    def test_an_unhashable_target_is_decided_every_time(self):
        self._write_policy('@')
        calls = self._count_evaluations()
        for _ in range(2):
            self.assertTrue(self.member.can(RULE, {'tags': ['a']}))
        self.assertEqual(2, len(calls))

    def test_new_rules_are_used_at_once(self):
        self.useFixture(fixtures.MonkeyPatch(
            'nova_api.policy.POLICY_RECHECK_SECONDS', 3600))
        self._write_policy('@')
        self.assertTrue(self.member.can(RULE, {}))
        policy.get_enforcer().set_rules(
            oslo_policy.Rules.from_dict({RULE: '!'}), overwrite=False)
        self.assertFalse(self.member.can(RULE, {}, fatal=False))
