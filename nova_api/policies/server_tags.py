"""Policy defaults of /servers/{server_id}/tags (2.26).

The target of every rule is ``{'project_id': <the server's project>}``:
a project's readers list and check its servers' tags, its members change
them.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-server-tags:%s'
INDEX = POLICY_ROOT % 'index'
SHOW = POLICY_ROOT % 'show'
UPDATE_ALL = POLICY_ROOT % 'update_all'
UPDATE = POLICY_ROOT % 'update'
DELETE_ALL = POLICY_ROOT % 'delete_all'
DELETE = POLICY_ROOT % 'delete'

_COLLECTION = '/servers/{server_id}/tags'
_ITEM = _COLLECTION + '/{tag}'


def _rule(name, check_str, description, method, path):
    return policy.DocumentedRuleDefault(
        name=name, check_str=check_str, description=description,
        operations=[{'path': path, 'method': method}],
        scope_types=['project'])


rules = [
    _rule(DELETE_ALL, base.PROJECT_MEMBER_OR_ADMIN,
          'Remove every tag of a server.', 'DELETE', _COLLECTION),
    _rule(INDEX, base.PROJECT_READER_OR_ADMIN,
          'List the tags of a server.', 'GET', _COLLECTION),
    _rule(UPDATE_ALL, base.PROJECT_MEMBER_OR_ADMIN,
          'Replace the tags of a server with a new set.', 'PUT',
          _COLLECTION),
    _rule(DELETE, base.PROJECT_MEMBER_OR_ADMIN,
          'Remove one tag from a server.', 'DELETE', _ITEM),
    _rule(UPDATE, base.PROJECT_MEMBER_OR_ADMIN,
          'Add one tag to a server, unless it has it already.', 'PUT',
          _ITEM),
    _rule(SHOW, base.PROJECT_READER_OR_ADMIN,
          'Check whether a server has a tag.', 'GET', _ITEM),
]


def list_rules():
    return rules
