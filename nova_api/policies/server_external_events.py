"""Policy default of POST /os-server-external-events (Nova's
"os-server-external-events" rule): the services that send events
(Neutron, Cinder, Ironic, Cyborg) call it as administrators."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-server-external-events:%s'
CREATE = POLICY_ROOT % 'create'

rules = [
    policy.DocumentedRuleDefault(
        name=CREATE, check_str=base.ADMIN,
        description='Create one or more external events.',
        operations=[{'path': '/os-server-external-events',
                     'method': 'POST'}],
        scope_types=['project']),
]


def list_rules():
    return rules
