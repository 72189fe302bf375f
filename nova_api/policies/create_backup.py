"""Policy default of the createBackup server action (Nova's
"os_compute_api:os-create-backup"): a project's members back up its
servers."""

from oslo_policy import policy

from nova_api.policies import base

CREATE_BACKUP = 'os_compute_api:os-create-backup'

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE_BACKUP, check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Create a back up of a server.',
        operations=[{'path': '/servers/{server_id}/action (createBackup)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
