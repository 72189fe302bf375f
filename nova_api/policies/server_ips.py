"""Policy defaults of /servers/{server_id}/ips (Nova's "ips" rules).

The target is ``{'project_id': <the server's project>}``: a project's
readers see its servers' addresses.
"""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:ips:%s'
INDEX = POLICY_ROOT % 'index'
SHOW = POLICY_ROOT % 'show'

rules = [
    policy.DocumentedRuleDefault(
        name=INDEX,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the addresses of a server, by network.',
        operations=[{'path': '/servers/{server_id}/ips', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=SHOW,
        check_str=base.PROJECT_READER_OR_ADMIN,
        description='List the addresses of a server on one network.',
        operations=[{'path': '/servers/{server_id}/ips/{network_label}',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
