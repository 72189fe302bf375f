"""Policy default of GET /os-console-auth-tokens/{console_token} (Nova's
"os-console-auth-tokens" rule): administrators only."""

from oslo_policy import policy

from nova_api.policies import base

SHOW = 'os_compute_api:os-console-auth-tokens'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW, check_str=base.ADMIN,
        description='Show console connection information for a given '
                    'console authentication token.',
        operations=[{'path': '/os-console-auth-tokens/{console_token}',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
