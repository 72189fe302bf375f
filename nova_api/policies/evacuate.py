"""Policy defaults of the evacuate server action (Nova's "os-evacuate"
rule): administrators evacuate a server from a failed host."""

from oslo_policy import policy

from nova_api.policies import base

EVACUATE = 'os_compute_api:os-evacuate'

rules = [
    policy.DocumentedRuleDefault(
        name=EVACUATE, check_str=base.ADMIN,
        description='Evacuate a server from a failed host to a new host.',
        operations=[{'path': '/servers/{server_id}/action (evacuate)',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
