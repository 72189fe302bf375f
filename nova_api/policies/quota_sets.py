"""Policy defaults of os-quota-sets.

The target is ``{'project_id': <the project in the URL>}``: a project's
readers see its quotas, only an administrator changes them, and anyone may
read the defaults.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-quota-sets:%s'
SHOW = POLICY_ROOT % 'show'
DETAIL = POLICY_ROOT % 'detail'
DEFAULTS = POLICY_ROOT % 'defaults'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'

rules = [
    policy.DocumentedRuleDefault(
        name=UPDATE,
        check_str=base.ADMIN,
        description='Update the quotas of a project or of a user in it.',
        operations=[{'path': '/os-quota-sets/{tenant_id}', 'method': 'PUT'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DEFAULTS,
        check_str=base.ANY,
        description='Show the default quotas.',
        operations=[{'path': '/os-quota-sets/{tenant_id}/defaults',
                     'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show the quotas of a project or of a user in it.',
        operations=[{'path': '/os-quota-sets/{tenant_id}', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=base.ADMIN,
        description='Revert the quotas of a project or of a user in it to '
                    'the defaults.',
        operations=[{'path': '/os-quota-sets/{tenant_id}',
                     'method': 'DELETE'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DETAIL,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show the quotas of a project or of a user in it, with '
                    'their usage.',
        operations=[{'path': '/os-quota-sets/{tenant_id}/detail',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
