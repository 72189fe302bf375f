"""Policy defaults of the suspend and resume server actions (Nova's
"os-suspend-server" rules).

The target is the server's project (and, to suspend, its user): a
project's members suspend and resume its servers.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-suspend-server:%s'
SUSPEND = POLICY_ROOT % 'suspend'
RESUME = POLICY_ROOT % 'resume'

_ACTION = '/servers/{server_id}/action (%s)'

rules = [
    policy.DocumentedRuleDefault(
        name=RESUME, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Resume a suspended server (resume action).',
        operations=[{'path': _ACTION % 'resume', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SUSPEND, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Suspend a server (suspend action).',
        operations=[{'path': _ACTION % 'suspend', 'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
