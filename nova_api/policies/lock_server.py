"""Policy defaults of the lock and unlock server actions (Nova's
"os-lock-server" rules).

The target is the server's project (and, to lock, its user): a project's
members lock and unlock its servers; unlocking a server that someone else
locked (an administrator locked a member's server, or the reverse) takes
the unlock_override rule, an administrator's by default.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-lock-server:%s'
LOCK = POLICY_ROOT % 'lock'
UNLOCK = POLICY_ROOT % 'unlock'
UNLOCK_OVERRIDE = POLICY_ROOT % 'unlock:unlock_override'

_ACTION = [{'path': '/servers/{server_id}/action', 'method': 'POST'}]

rules = [
    policy.DocumentedRuleDefault(
        name=LOCK, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Lock a server (lock action).', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNLOCK, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Unlock a server (unlock action).', operations=_ACTION,
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=UNLOCK_OVERRIDE, check_str=base.ADMIN,
        description='Unlock a server locked by someone else: by an '
                    'administrator for the server\'s project, or by its '
                    'project for an administrator.', operations=_ACTION,
        scope_types=['project']),
]


def list_rules():
    return rules
