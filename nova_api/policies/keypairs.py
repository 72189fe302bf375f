"""Policy defaults of os-keypairs.

Key pairs belong to a user, not to a project: the target of every rule is
``{'user_id': <the key pair owner>}``, so a user manages their own key
pairs and an administrator anyone's (``user_id`` from microversion 2.10).
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-keypairs:%s'
INDEX = POLICY_ROOT % 'index'
CREATE = POLICY_ROOT % 'create'
DELETE = POLICY_ROOT % 'delete'
SHOW = POLICY_ROOT % 'show'

ADMIN_OR_KEYPAIR_OWNER = '(' + base.ADMIN + ') or user_id:%(user_id)s'

rules = [
    policy.DocumentedRuleDefault(
        name=INDEX,
        check_str=ADMIN_OR_KEYPAIR_OWNER,
        description='List the key pairs of a user.',
        operations=[{'path': '/os-keypairs', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=CREATE,
        check_str=ADMIN_OR_KEYPAIR_OWNER,
        description='Import or generate a key pair for a user.',
        operations=[{'path': '/os-keypairs', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DELETE,
        check_str=ADMIN_OR_KEYPAIR_OWNER,
        description='Delete a key pair of a user.',
        operations=[{'path': '/os-keypairs/{keypair_name}',
                     'method': 'DELETE'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=ADMIN_OR_KEYPAIR_OWNER,
        description='Show the details of a key pair of a user.',
        operations=[{'path': '/os-keypairs/{keypair_name}',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
