"""Policy defaults of the rescue and unrescue server actions (Nova's
"os-rescue" and "os-unrescue" rules).

The target is the server's project (and, to rescue, its user): a
project's members rescue and unrescue its servers.
"""

from oslo_policy import policy

from nova_api.policies import base

RESCUE = 'os_compute_api:os-rescue'
UNRESCUE = 'os_compute_api:os-unrescue'

rules = [
    policy.DocumentedRuleDefault(
        name=RESCUE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Rescue a server (rescue action).',
        operations=[{'path': '/servers/{server_id}/action (rescue)',
                     'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNRESCUE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Unrescue a server (unrescue action).',
        operations=[{'path': '/servers/{server_id}/action (unrescue)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
