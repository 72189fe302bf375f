"""Policy defaults of the os-getConsoleOutput server action (Nova's
"os-console-output" rule). The target is the server's project: a
project's members read its servers' console logs."""

from oslo_policy import policy

from nova_api.policies import base

SHOW = 'os_compute_api:os-console-output'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Show the console output of a server '
                    '(os-getConsoleOutput action).',
        operations=[{'path': '/servers/{server_id}/action '
                             '(os-getConsoleOutput)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
