"""Policy defaults of the cold and live migration server actions (Nova's
"os-migrate-server" rules).

The target is the server's project: a project's managers migrate its
servers, administrators to a host they name (2.56 for a cold migration).
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-migrate-server:%s'
MIGRATE = POLICY_ROOT % 'migrate'
MIGRATE_HOST = POLICY_ROOT % 'migrate:host'
MIGRATE_LIVE = POLICY_ROOT % 'migrate_live'
MIGRATE_LIVE_HOST = POLICY_ROOT % 'migrate_live:host'

_ACTION = '/servers/{server_id}/action (%s)'

# Nova split the admin-only migrate_live rule in two (32.0.0); a policy
# file overriding it keeps deciding a migration to a named host too.
_DEPRECATED_MIGRATE_LIVE = policy.DeprecatedRule(
    MIGRATE_LIVE, base.ADMIN,
    deprecated_reason='Live migration to a specified host has a rule of '
                      'its own.',
    deprecated_since='32.0.0')

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
    policy.DocumentedRuleDefault(
        name=MIGRATE_LIVE, check_str=base.PROJECT_MANAGER_OR_ADMIN,
        description='Live migrate a server to a new host without a reboot '
                    'without specifying a host.',
        operations=[{'path': _ACTION % 'os-migrateLive', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=MIGRATE_LIVE_HOST, check_str=base.ADMIN,
        description='Live migrate a server to a specified host without a '
                    'reboot.',
        operations=[{'path': _ACTION % 'os-migrateLive', 'method': 'POST'}],
        scope_types=['project'],
        deprecated_rule=_DEPRECATED_MIGRATE_LIVE),
]


def list_rules():
    return rules
