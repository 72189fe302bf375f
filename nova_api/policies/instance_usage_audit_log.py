"""Policy defaults of /os-instance_usage_audit_log (Nova's
"os-instance-usage-audit-log" rules): administrators only."""

from oslo_policy import policy

from nova_api.policies import base

BASE_POLICY_NAME = 'os_compute_api:os-instance-usage-audit-log:%s'
LIST = BASE_POLICY_NAME % 'list'
SHOW = BASE_POLICY_NAME % 'show'

# Nova's rule before the per-operation ones; administrators too.
_DEPRECATED = policy.DeprecatedRule(
    'os_compute_api:os-instance-usage-audit-log',
    base.ADMIN,
    deprecated_reason='Nova API policies are introducing new default roles '
                      'with scope_type capabilities.',
    deprecated_since='21.0.0')

rules = [
    policy.DocumentedRuleDefault(
        name=LIST, check_str=base.ADMIN,
        description='List all usage audits.',
        operations=[{'path': '/os-instance_usage_audit_log',
                     'method': 'GET'}],
        scope_types=['project'],
        deprecated_rule=_DEPRECATED),
    policy.DocumentedRuleDefault(
        name=SHOW, check_str=base.ADMIN,
        description='List all usage audits occurred before a specified '
                    'time for all servers on all compute hosts where '
                    'usage auditing is configured',
        operations=[{'path': '/os-instance_usage_audit_log/'
                             '{before_timestamp}',
                     'method': 'GET'}],
        scope_types=['project'],
        deprecated_rule=_DEPRECATED),
]


def list_rules():
    return rules
