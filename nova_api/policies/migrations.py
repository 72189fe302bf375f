"""Policy defaults of os-migrations and of a server's migrations (Nova's
"os-migrations" and "servers:migrations" rules).

Listing os-migrations takes the index rule, and the all_projects rule
unless the caller asks for its own project's; the index:host rule decides
whether the hosts are shown. The target of the server migrations rules is
the server's project.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-migrations:%s'
INDEX = POLICY_ROOT % 'index'
INDEX_ALL_PROJECTS = POLICY_ROOT % 'index:all_projects'
INDEX_HOST = POLICY_ROOT % 'index:host'

SERVER_MIGRATIONS_ROOT = 'os_compute_api:servers:migrations:%s'
SERVER_MIGRATIONS_INDEX = SERVER_MIGRATIONS_ROOT % 'index'
SERVER_MIGRATIONS_INDEX_HOST = SERVER_MIGRATIONS_ROOT % 'index:host'
SERVER_MIGRATIONS_SHOW = SERVER_MIGRATIONS_ROOT % 'show'
SERVER_MIGRATIONS_FORCE_COMPLETE = SERVER_MIGRATIONS_ROOT % 'force_complete'
SERVER_MIGRATIONS_DELETE = SERVER_MIGRATIONS_ROOT % 'delete'

_MIGRATIONS = '/os-migrations'
_SERVER_MIGRATIONS = '/servers/{server_id}/migrations'

# Nova split the admin-only index rule in two (32.0.0); a policy file
# overriding it keeps deciding both.
_DEPRECATED_INDEX = policy.DeprecatedRule(
    INDEX, base.ADMIN,
    deprecated_reason='Listing migrations of every project and with '
                      'their hosts have rules of their own.',
    deprecated_since='32.0.0')
_DEPRECATED_SERVER_INDEX = policy.DeprecatedRule(
    SERVER_MIGRATIONS_INDEX, base.ADMIN,
    deprecated_reason='Listing a server\'s migrations with their hosts '
                      'has a rule of its own.',
    deprecated_since='32.0.0')


def _rule(name, check_str, description, method, path, **deprecation):
    return policy.DocumentedRuleDefault(
        name=name, check_str=check_str, description=description,
        operations=[{'path': path, 'method': method}],
        scope_types=['project'], **deprecation)


rules = [
    _rule(INDEX, base.PROJECT_MANAGER_OR_ADMIN,
          'List migrations without host info.', 'GET', _MIGRATIONS),
    _rule(INDEX_ALL_PROJECTS, base.ADMIN,
          'List migrations for all or cross projects.', 'GET', _MIGRATIONS,
          deprecated_rule=_DEPRECATED_INDEX),
    _rule(INDEX_HOST, base.ADMIN, 'List migrations with host info.',
          'GET', _MIGRATIONS, deprecated_rule=_DEPRECATED_INDEX),
    _rule(SERVER_MIGRATIONS_INDEX, base.PROJECT_MANAGER_OR_ADMIN,
          'List the in-progress live migrations of a server, without '
          'host info (2.23).', 'GET', _SERVER_MIGRATIONS),
    _rule(SERVER_MIGRATIONS_INDEX_HOST, base.ADMIN,
          'List the in-progress live migrations of a server with host '
          'info (2.23).', 'GET', _SERVER_MIGRATIONS,
          deprecated_rule=_DEPRECATED_SERVER_INDEX),
    _rule(SERVER_MIGRATIONS_SHOW, base.ADMIN,
          'Show an in-progress live migration of a server (2.23).', 'GET',
          _SERVER_MIGRATIONS + '/{migration_id}'),
    _rule(SERVER_MIGRATIONS_FORCE_COMPLETE, base.PROJECT_MANAGER_OR_ADMIN,
          'Force an in-progress live migration of a server to complete '
          '(2.22).', 'POST',
          _SERVER_MIGRATIONS + '/{migration_id}/action (force_complete)'),
    _rule(SERVER_MIGRATIONS_DELETE, base.PROJECT_MANAGER_OR_ADMIN,
          'Abort an in-progress live migration of a server (2.24).',
          'DELETE', _SERVER_MIGRATIONS + '/{migration_id}'),
]


def list_rules():
    return rules
