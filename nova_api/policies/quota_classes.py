"""Policy defaults of os-quota-class-sets: administrators only."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-quota-class-sets:%s'
SHOW = POLICY_ROOT % 'show'
UPDATE = POLICY_ROOT % 'update'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.ADMIN,
        description='Show the quotas of a quota class.',
        operations=[{'path': '/os-quota-class-sets/{quota_class}',
                     'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UPDATE,
        check_str=base.ADMIN,
        description='Update the quotas of a quota class.',
        operations=[{'path': '/os-quota-class-sets/{quota_class}',
                     'method': 'PUT'}],
        scope_types=['project']),
]


def list_rules():
    return rules
