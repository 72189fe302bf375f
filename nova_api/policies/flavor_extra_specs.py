"""Policy defaults of /flavors/{flavor_id}/os-extra_specs."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-flavor-extra-specs:%s'
INDEX = POLICY_ROOT % 'index'
SHOW = POLICY_ROOT % 'show'
CREATE = POLICY_ROOT % 'create'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'

_COLLECTION = '/flavors/{flavor_id}/os-extra_specs'
_MEMBER = _COLLECTION + '/{flavor_extra_spec_key}'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show one extra spec of a flavor.',
        operations=[{'method': 'GET', 'path': _MEMBER}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=CREATE,
        check_str=base.ADMIN,
        description='Create or update extra specs of a flavor.',
        operations=[{'method': 'POST', 'path': _COLLECTION}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UPDATE,
        check_str=base.ADMIN,
        description='Update one extra spec of a flavor.',
        operations=[{'method': 'PUT', 'path': _MEMBER}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=base.ADMIN,
        description='Delete one extra spec of a flavor.',
        operations=[{'method': 'DELETE', 'path': _MEMBER}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=INDEX,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the extra specs of a flavor.',
        operations=[{'method': 'GET', 'path': _COLLECTION}],
        scope_types=['project']),
]


def list_rules():
    return rules
