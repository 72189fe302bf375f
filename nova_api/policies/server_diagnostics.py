"""Policy default of /servers/{server_id}/diagnostics (Nova's
"os-server-diagnostics" rule): an administrator's by default. The target
is the server's project."""

from oslo_policy import policy

from nova_api.policies import base

BASE_POLICY_NAME = 'os_compute_api:os-server-diagnostics'

rules = [
    policy.DocumentedRuleDefault(
        name=BASE_POLICY_NAME, check_str=base.ADMIN,
        description='Show the usage data for a server.',
        operations=[{'path': '/servers/{server_id}/diagnostics',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
