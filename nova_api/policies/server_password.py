"""Policy defaults of /servers/{server_id}/os-server-password (Nova's
"os-server-password" rules).

The target is ``{'project_id': <the server's project>}``: a project's
readers see the encrypted password its servers' guests posted, its
members clear it.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-server-password:%s'
SHOW = POLICY_ROOT % 'show'
CLEAR = POLICY_ROOT % 'clear'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show the encrypted administrative password of a '
                    'server.',
        operations=[{'path': '/servers/{server_id}/os-server-password',
                     'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=CLEAR,
        check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Clear the encrypted administrative password of a '
                    'server.',
        operations=[{'path': '/servers/{server_id}/os-server-password',
                     'method': 'DELETE'}],
        scope_types=['project']),
]


def list_rules():
    return rules
