"""Policy defaults of /servers/{server_id}/topology (Nova's
"compute:server:topology" rules): the server's project readers see its
NUMA nodes, administrators also the host nodes and CPU pinning. The
target is the server's project."""

from oslo_policy import policy

from nova_api.policies import base

BASE_POLICY_NAME = 'compute:server:topology:%s'
INDEX = BASE_POLICY_NAME % 'index'
HOST_INDEX = BASE_POLICY_NAME % 'host:index'

rules = [
    policy.DocumentedRuleDefault(
        name=INDEX, check_str=base.PROJECT_READER_OR_ADMIN,
        description='Show the NUMA topology data for a server.',
        operations=[{'path': '/servers/{server_id}/topology',
                     'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=HOST_INDEX, check_str=base.ADMIN,
        description='Show the NUMA topology data for a server with host '
                    'NUMA ID and CPU pinning information.',
        operations=[{'path': '/servers/{server_id}/topology',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
