"""Policy defaults of the restore and forceDelete server actions (Nova's
"os-deferred-delete" rules): a project's members restore a soft-deleted
server of theirs or delete it at once. The target is the server's
project (and, to force the delete, its user).
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-deferred-delete:%s'
RESTORE = POLICY_ROOT % 'restore'
FORCE = POLICY_ROOT % 'force'

rules = [
    policy.DocumentedRuleDefault(
        name=RESTORE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Restore a soft-deleted server (restore action).',
        operations=[{'path': '/servers/{server_id}/action (restore)',
                     'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=FORCE, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Delete a server at once, before a soft delete\'s '
                    'reclaim (forceDelete action).',
        operations=[{'path': '/servers/{server_id}/action (forceDelete)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
