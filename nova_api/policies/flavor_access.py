"""Policy defaults of flavor access (/flavors/{flavor_id}/os-flavor-access
and the addTenantAccess / removeTenantAccess actions)."""

from oslo_policy import policy

from nova_api.policies import base

BASE_POLICY_NAME = 'os_compute_api:os-flavor-access'
POLICY_ROOT = BASE_POLICY_NAME + ':%s'
LIST = BASE_POLICY_NAME
ADD_TENANT_ACCESS = POLICY_ROOT % 'add_tenant_access'
REMOVE_TENANT_ACCESS = POLICY_ROOT % 'remove_tenant_access'

# Nova's old default let a project owner read the access list; it only
# applies again when a deployer sets [oslo_policy] enforce_new_defaults off.
_DEPRECATED_LIST = policy.DeprecatedRule(
    BASE_POLICY_NAME,
    base.ADMIN_OR_OWNER,
    deprecated_reason='The access list of a flavor names other projects, '
                      'so only administrators read it.',
    deprecated_since='21.0.0')

rules = [
    policy.DocumentedRuleDefault(
        name=ADD_TENANT_ACCESS,
        check_str=base.ADMIN,
        description='Give a project access to a flavor.',
        operations=[{'method': 'POST',
                     'path': '/flavors/{flavor_id}/action '
                             '(addTenantAccess)'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=REMOVE_TENANT_ACCESS,
        check_str=base.ADMIN,
        description="Take a project's access to a flavor away.",
        operations=[{'method': 'POST',
                     'path': '/flavors/{flavor_id}/action '
                             '(removeTenantAccess)'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=LIST,
        check_str=base.ADMIN,
        description='List the projects that have access to a private '
                    'flavor.',
        operations=[{'method': 'GET',
                     'path': '/flavors/{flavor_id}/os-flavor-access'}],
        scope_types=['project'],
        deprecated_rule=_DEPRECATED_LIST),
]


def list_rules():
    return rules
