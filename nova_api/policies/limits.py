"""Policy defaults of /limits: anyone sees their project's limits, an
administrator another project's (``tenant_id``)."""

from oslo_policy import policy

from nova_api.policies import base

BASE_POLICY_NAME = 'os_compute_api:limits'
OTHER_PROJECT_LIMIT_POLICY_NAME = 'os_compute_api:limits:other_project'

rules = [
    policy.DocumentedRuleDefault(
        name=BASE_POLICY_NAME,
        check_str=base.ANY,
        description="Show the rate and absolute limits of the caller's "
                    'project.',
        operations=[{'path': '/limits', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=OTHER_PROJECT_LIMIT_POLICY_NAME,
        check_str=base.ADMIN,
        description='Show the rate and absolute limits of another project '
                    '(checked after os_compute_api:limits).',
        operations=[{'path': '/limits', 'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
