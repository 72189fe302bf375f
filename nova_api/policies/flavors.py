"""Policy defaults of /flavors (Nova's "flavor-manage" rules).

Listing and showing flavors checks no rule, as in Nova: a flavor a caller
may not use is simply not visible to it.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-flavor-manage:%s'
CREATE = POLICY_ROOT % 'create'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE,
        check_str=base.ADMIN,
        description='Create a flavor.',
        operations=[{'method': 'POST', 'path': '/flavors'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UPDATE,
        check_str=base.ADMIN,
        description='Change the description of a flavor (from '
                    'microversion 2.55).',
        operations=[{'method': 'PUT', 'path': '/flavors/{flavor_id}'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=base.ADMIN,
        description='Delete a flavor.',
        operations=[{'method': 'DELETE', 'path': '/flavors/{flavor_id}'}],
        scope_types=['project']),
]


def list_rules():
    return rules
