"""Policy defaults of os-server-groups.

A group belongs to a project: show and delete check their rule against the
group's project, list and create against the caller's. Listing every
project's groups (``all_projects``) takes a rule of its own, checked only
for administrators: anyone else who asks gets their own project's groups,
as in Nova.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-server-groups:%s'
CREATE = POLICY_ROOT % 'create'
DELETE = POLICY_ROOT % 'delete'
INDEX = POLICY_ROOT % 'index'
INDEX_ALL_PROJECTS = POLICY_ROOT % 'index:all_projects'
SHOW = POLICY_ROOT % 'show'

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE,
        check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Create a server group in the caller\'s project.',
        operations=[{'path': '/os-server-groups', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=base.PROJECT_MEMBER_OR_ADMIN,
        description='Delete a server group.',
        operations=[{'path': '/os-server-groups/{server_group_id}',
                     'method': 'DELETE'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=INDEX,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the server groups of the caller\'s project.',
        operations=[{'path': '/os-server-groups', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=INDEX_ALL_PROJECTS,
        check_str=base.ADMIN,
        description='List the server groups of every project '
                    '(all_projects).',
        operations=[{'path': '/os-server-groups', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show a server group.',
        operations=[{'path': '/os-server-groups/{server_group_id}',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
