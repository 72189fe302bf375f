"""Policy defaults of the changePassword server action (Nova's
"os-admin-password" rule). The target is the server's project and user:
a project's members change its servers' passwords."""

from oslo_policy import policy

from nova_api.policies import base

CHANGE_PASSWORD = 'os_compute_api:os-admin-password'

rules = [
    policy.DocumentedRuleDefault(
        name=CHANGE_PASSWORD, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Change the administrative password of a server '
                    '(changePassword action).',
        operations=[{'path': '/servers/{server_id}/action (changePassword)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
