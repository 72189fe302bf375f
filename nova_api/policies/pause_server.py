"""Policy defaults of the pause and unpause server actions (Nova's
"os-pause-server" rules).

The target is the server's project (and, to pause, its user): a project's
members pause and unpause its servers.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-pause-server:%s'
PAUSE = POLICY_ROOT % 'pause'
UNPAUSE = POLICY_ROOT % 'unpause'

_ACTION = '/servers/{server_id}/action (%s)'

rules = [
    policy.DocumentedRuleDefault(
        name=PAUSE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Pause a server (pause action).',
        operations=[{'path': _ACTION % 'pause', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNPAUSE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Unpause a paused server (unpause action).',
        operations=[{'path': _ACTION % 'unpause', 'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
