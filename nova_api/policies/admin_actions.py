"""Policy defaults of the administrators' server actions (Nova's
"os-admin-actions" rules): os-resetState and injectNetworkInfo, an
administrator's by default. The target is the server's project."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-admin-actions:%s'
RESET_STATE = POLICY_ROOT % 'reset_state'
INJECT_NETWORK_INFO = POLICY_ROOT % 'inject_network_info'

rules = [
    policy.DocumentedRuleDefault(
        name=RESET_STATE, check_str=base.ADMIN,
        description='Reset the state of a server (os-resetState action).',
        operations=[{'path': '/servers/{server_id}/action', 'method': 'POST'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=INJECT_NETWORK_INFO, check_str=base.ADMIN,
        description='Inject network information into a server '
                    '(injectNetworkInfo action).',
        operations=[{'path': '/servers/{server_id}/action', 'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
