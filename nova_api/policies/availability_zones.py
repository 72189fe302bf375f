"""Policy defaults of /os-availability-zone: anyone lists the zones, an
administrator sees their hosts and services."""

from oslo_policy import policy

from nova_api.policies import base

POLICY_ROOT = 'os_compute_api:os-availability-zone:%s'
LIST = POLICY_ROOT % 'list'
DETAIL = POLICY_ROOT % 'detail'

rules = [
    policy.DocumentedRuleDefault(
        name=LIST,
        check_str=base.ANY,
        description='List the availability zones, without their hosts.',
        operations=[{'path': '/os-availability-zone', 'method': 'GET'}],
        scope_types=['project']),
    policy.DocumentedRuleDefault(
        name=DETAIL,
        check_str=base.ADMIN,
        description='List the availability zones with their hosts and '
                    'the state of the services on them.',
        operations=[{'path': '/os-availability-zone/detail',
                     'method': 'GET'}],
        scope_types=['project']),
]


def list_rules():
    return rules
