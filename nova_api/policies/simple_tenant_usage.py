"""Policy defaults of /os-simple-tenant-usage (Nova's
"os-simple-tenant-usage" rules).

Every project's usage is for administrators; one project's usage is for
its readers too: the show rule's target is ``{'project_id': <the
project asked about>}``.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-simple-tenant-usage:%s'
SHOW = POLICY_ROOT % 'show'
LIST = POLICY_ROOT % 'list'

rules = [
    policy.DocumentedRuleDefault(
        name=SHOW, check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show usage statistics for a specific tenant',
        operations=[{'path': '/os-simple-tenant-usage/{tenant_id}',
                     'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=LIST, check_str=base.ADMIN,
        description='List per tenant usage statistics for all tenants',
        operations=[{'path': '/os-simple-tenant-usage', 'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
