"""Policy defaults of /servers/{server_id}/metadata.

The target of every rule is ``{'project_id': <the server's project>}``:
a project's readers read its servers' metadata, its members change it.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:server-metadata:%s'
INDEX = POLICY_ROOT % 'index'
SHOW = POLICY_ROOT % 'show'
CREATE = POLICY_ROOT % 'create'
UPDATE_ALL = POLICY_ROOT % 'update_all'
UPDATE = POLICY_ROOT % 'update'
DELETE = POLICY_ROOT % 'delete'

_COLLECTION = '/servers/{server_id}/metadata'
_ITEM = _COLLECTION + '/{key}'


def _rule(name, check_str, description, method, path):
    return policy.DocumentedRuleDefault(
        name=name, check_str=check_str, description=description,
        operations=[{'path': path, 'method': method}],
        scope_types=['project'])


rules = [
    _rule(INDEX, base.PROJECT_READER_OR_ADMIN,
          'List the metadata of a server.', 'GET', _COLLECTION),
    _rule(SHOW, base.PROJECT_READER_OR_ADMIN,
          'Show one metadata item of a server.', 'GET', _ITEM),
    _rule(CREATE, base.PROJECT_MEMBER_OR_ADMIN,
          'Add metadata items to a server, or change them.', 'POST',
          _COLLECTION),
    _rule(UPDATE_ALL, base.PROJECT_MEMBER_OR_ADMIN,
          'Replace all the metadata of a server.', 'PUT', _COLLECTION),
    _rule(UPDATE, base.PROJECT_MEMBER_OR_ADMIN,
          'Set one metadata item of a server.', 'PUT', _ITEM),
    _rule(DELETE, base.PROJECT_MEMBER_OR_ADMIN,
          'Delete one metadata item of a server.', 'DELETE', _ITEM),
]


def list_rules():
    return rules
