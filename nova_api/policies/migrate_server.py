"""Policy defaults of the cold migration server action (Nova's
"os-migrate-server" rules; live migration's are to come).

The target is the server's project: a project's managers migrate its
servers, administrators to a host they name (2.56).
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-migrate-server:%s'
MIGRATE = POLICY_ROOT % 'migrate'
MIGRATE_HOST = POLICY_ROOT % 'migrate:host'

_ACTION = '/servers/{server_id}/action (%s)'

rules = [
    policy.DocumentedRuleDefault(
        name=MIGRATE, check_str=base.PROJECT_MANAGER_OR_ADMIN,
        description='Cold migrate a server without specifying a host.',
        operations=[{'path': _ACTION % 'migrate', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=MIGRATE_HOST, check_str=base.ADMIN,
        description='Cold migrate a server to a specified host (2.56).',
        operations=[{'path': _ACTION % 'migrate', 'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
